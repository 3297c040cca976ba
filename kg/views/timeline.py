"""Encounters over time per pair of countries: one row per pair (by the countries the participants
represent), one mark per encounter, labelled with the ISO codes of the countries discussed. A day-precise
date is a filled dot; a date known to the month or year only is the period it covers — a bar from its first
to its last day with a hollow dot in the middle — and the legend says so, as the table's date does
("2025 (year only)")."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from itertools import combinations

from kg.views.dates import Period, date_label, period
from kg.views.model import EncounterSummary, kind_label
from kg.views.png import DPI, new_figure
from kg.views.text import clean

COLOUR = "#1f77b4"
LABEL_COLOUR = "#2c7a2c"
DAY_NOTE = "day known"
PERIOD_NOTE = "only the month or year known: the bar is that period"


@dataclass(frozen=True)
class Point:
    pair: str  # "CHN–RUS"
    date: str  # as stored, at its precision
    when: Period
    kind: str
    discussed: tuple[str, ...]  # ISO3 codes (or names) of countries discussed
    iri: str

    @property
    def precise(self) -> bool:
        return self.when.precise


def _sides(s: EncounterSummary) -> list[str]:
    return sorted({p.iso3 or p.name for p in s.participants})


def timeline_points(summaries: list[EncounterSummary], countries: tuple[str, ...] = ()) -> list[Point]:
    """The points to plot; with ``countries`` (ISO3 codes), only pairs with one of them on a side."""
    wanted = {c.upper() for c in countries}
    points = []
    for s in summaries:
        when = period(s.date)
        if when is None:
            continue
        discussed = tuple(iso or label for role, label, iso in s.discussed if role == "country")
        for a, b in combinations(_sides(s), 2):
            if not wanted or wanted & {a.upper(), b.upper()}:
                points.append(Point(f"{a}–{b}", s.date, when, s.kind, discussed, s.iri))
    return sorted(points, key=lambda p: (p.pair, p.when.first, p.when.last, p.iri))


def _legend(ax) -> None:
    from matplotlib.lines import Line2D

    day = Line2D([], [], marker="o", markersize=7, color=COLOUR, linestyle="none", label=DAY_NOTE)
    span = Line2D([], [], marker="o", markersize=7, color=COLOUR, markerfacecolor="white", linewidth=5,
                  alpha=0.6, label=PERIOD_NOTE)
    ax.legend(handles=[day, span], loc="lower right", bbox_to_anchor=(1, 1), ncol=2, fontsize=8, frameon=False,
              borderaxespad=0.3, handlelength=2.2)


def _mark(ax, p: Point, y: int) -> None:
    if not p.precise:  # the period, first to last day (a bar), and a hollow dot in its middle
        ax.plot([p.when.first, p.when.last + dt.timedelta(days=1)], [y, y], color=COLOUR, alpha=0.35,
                linewidth=6, solid_capstyle="butt", gid="kg-period")
    ax.plot([p.when.middle], [y], marker="o", markersize=8, color=COLOUR,
            markerfacecolor=COLOUR if p.precise else "white", linestyle="none")


def timeline_figure(points: list[Point]):
    """The plot as a matplotlib Figure (no pyplot); :func:`render_timeline` saves it."""
    pairs = sorted({p.pair for p in points})
    height = 160 + 40 * max(len(pairs), 1)
    fig = new_figure(1000, height)
    ax = fig.add_axes((0.14, 80 / height, 0.83, 1 - 130 / height))
    ax.set_title("Encounters over time per pair of countries", loc="left", fontsize=10, pad=8)
    _legend(ax)
    if not points:
        ax.text(0.5, 0.5, "no dated encounters", ha="center", va="center", transform=ax.transAxes)
    rows = {pair: i for i, pair in enumerate(pairs)}
    seen: dict[str, int] = {}
    for p in points:
        y = rows[p.pair]
        nth = seen[p.pair] = seen.get(p.pair, -1) + 1  # labels alternate above and below the row
        _mark(ax, p, y)
        if p.discussed:
            offset = (0, 9 if nth % 2 == 0 else -16)
            ax.annotate(clean(", ".join(p.discussed)), (p.when.middle, y), xytext=offset, textcoords="offset points",
                        ha="center", fontsize=7, color=LABEL_COLOUR, annotation_clip=False, parse_math=False,
                        gid="kg-discussed")
    ax.set_yticks(range(len(pairs)), [clean(p) for p in pairs])
    for label in ax.get_yticklabels():
        label.set_parse_math(False)
    ax.set_ylim(-0.7, max(len(pairs), 1) - 0.3)
    ax.grid(axis="x", color="#e4e7eb")
    fig.autofmt_xdate()
    return fig


def render_timeline(points: list[Point], fmt: str = "png") -> bytes:
    """The plot as PNG or SVG bytes (an empty plot says so when there is nothing to show)."""
    out = io.BytesIO()
    timeline_figure(points).savefig(out, format=fmt, dpi=DPI, metadata={"Date": None} if fmt == "svg" else None)
    return out.getvalue()


def timeline_table(points: list[Point]) -> list[dict[str, str]]:
    """One row per point; the date says when it is known to the month or year only."""
    return [{"pair": p.pair, "date": date_label(p.date), "precision": p.when.precision,
             "kind": kind_label(p.kind), "discussed": ", ".join(p.discussed), "iri": p.iri} for p in points]
