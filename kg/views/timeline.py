"""Encounters over time per pair of countries: one row per pair (by the countries the participants
represent), one mark per encounter, labelled with the ISO codes of the countries discussed (stacked above
and below the row where they would overlap: :mod:`kg.views.labels`). A day-precise
date is a filled dot; a date known to the month or year only is the period it covers — a bar from its first
to its last day with a hollow dot in the middle — and the legend says so, as the table's date does
("2025 (year only)")."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from itertools import combinations

from kg.views.dates import Period, date_label, period
from kg.views.labels import estimated_width, levels
from kg.views.model import EncounterSummary, kind_label
from kg.views.png import DPI, new_figure
from kg.views.text import clean

COLOUR = "#1f77b4"
LABEL_COLOUR = "#2c7a2c"
DAY_NOTE = "day known"
PERIOD_NOTE = "only the month or year known: the bar is that period"
WIDTH, AXES_WIDTH, TOP, BOTTOM = 1000, 0.83, 50, 80  # pixels, the axes' share of the width, pixels, pixels
LABEL_PT, CLEAR_PT, LINE_PT = 7, 7, 10  # label size; from a dot's centre to its label; one label level


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


def _x_limits(points: list[Point]) -> tuple[dt.date, dt.date]:
    if not points:
        start = dt.date(2000, 1, 1)
        return start, start + dt.timedelta(days=365)
    lo = min(p.when.first for p in points)
    hi = max(p.when.last for p in points) + dt.timedelta(days=1)
    pad = dt.timedelta(days=max((hi - lo).days * 0.04, 10))
    return lo - pad, hi + pad


def _label_levels(points: list[Point], limits: tuple[dt.date, dt.date], width_px: float) -> dict[int, int]:
    """The level of each labelled point's label (by its index in ``points``): per row, so that no two
    labels of one level overlap (:mod:`kg.views.labels`)."""
    lo, hi = limits
    scale = width_px / (hi - lo).days
    found: dict[int, int] = {}
    for pair in {p.pair for p in points}:
        indexes = [i for i, p in enumerate(points) if p.pair == pair and p.discussed]
        spans = []
        for i in indexes:
            x = (points[i].when.middle - lo).days * scale
            half = estimated_width(_label(points[i]), LABEL_PT, DPI) / 2
            spans.append((x - half, x + half))
        found.update(zip(indexes, levels(spans), strict=True))
    return found


def _label(p: Point) -> str:
    return clean(", ".join(p.discussed))


def _offset(level: int) -> tuple[float, str]:
    """Points above (+) or below (-) the row, and the vertical alignment, of a label of ``level``."""
    tier = CLEAR_PT + (level // 2) * LINE_PT
    return (tier, "bottom") if level % 2 == 0 else (-tier, "top")


def timeline_figure(points: list[Point]):
    """The plot as a matplotlib Figure (no pyplot); :func:`render_timeline` saves it. The x axis spans the
    points' periods; each row is high enough for the levels its labels need, so no label covers another."""
    pairs = sorted({p.pair for p in points})
    limits = _x_limits(points)
    placed = _label_levels(points, limits, AXES_WIDTH * WIDTH)
    needed = max(placed.values(), default=1) + 1
    row_px = max(40.0, (2 * CLEAR_PT + needed * LINE_PT + 4) * DPI / 72)
    axes_px = row_px * (max(len(pairs), 1) + 0.4)
    height = axes_px + TOP + BOTTOM
    fig = new_figure(WIDTH, height)
    ax = fig.add_axes((0.14, BOTTOM / height, AXES_WIDTH, axes_px / height))
    ax.set_title("Encounters over time per pair of countries", loc="left", fontsize=10, pad=8)
    _legend(ax)
    if not points:
        ax.text(0.5, 0.5, "no dated encounters", ha="center", va="center", transform=ax.transAxes)
    rows = {pair: i for i, pair in enumerate(pairs)}
    for i, p in enumerate(points):
        _mark(ax, p, rows[p.pair])
        if i in placed:
            dy, va = _offset(placed[i])
            ax.annotate(_label(p), (p.when.middle, rows[p.pair]), xytext=(0, dy), textcoords="offset points",
                        ha="center", va=va, fontsize=LABEL_PT, color=LABEL_COLOUR, annotation_clip=False,
                        parse_math=False, gid="kg-discussed")
    ax.set_yticks(range(len(pairs)), [clean(p) for p in pairs])
    for label in ax.get_yticklabels():
        label.set_parse_math(False)
    ax.set_xlim(*limits)
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
