"""Encounters over time per pair of countries: one row per pair (by the countries the participants
represent), one marker per encounter, labelled with the ISO codes of the countries discussed. A filled
marker is a day-precise date; a hollow one a month or year (placed at the start of that period)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from itertools import combinations

from kg.views.model import EncounterSummary, kind_label
from kg.views.png import DPI, new_figure
from kg.views.text import clean


@dataclass(frozen=True)
class Point:
    pair: str  # "CHN–RUS"
    date: str  # as stored, at its precision
    when: dt.date
    precise: bool
    kind: str
    discussed: tuple[str, ...]  # ISO3 codes (or names) of countries discussed
    iri: str


def parse_partial(value: str) -> tuple[dt.date, bool] | None:
    """``2026-02-04`` -> (that day, True); ``2026-02`` / ``2026`` -> (first day, False); else None."""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts[:3]]
        return dt.date(numbers[0], *(numbers[1:] + [1, 1])[:2]), len(numbers) == 3
    except (ValueError, IndexError):
        return None


def _sides(s: EncounterSummary) -> list[str]:
    return sorted({p.iso3 or p.name for p in s.participants})


def timeline_points(summaries: list[EncounterSummary], countries: tuple[str, ...] = ()) -> list[Point]:
    """The points to plot; with ``countries`` (ISO3 codes), only pairs with one of them on a side."""
    wanted = {c.upper() for c in countries}
    points = []
    for s in summaries:
        when = parse_partial(s.date)
        if when is None:
            continue
        discussed = tuple(iso or label for role, label, iso in s.discussed if role == "country")
        for a, b in combinations(_sides(s), 2):
            if not wanted or wanted & {a.upper(), b.upper()}:
                points.append(Point(f"{a}–{b}", s.date, when[0], when[1], s.kind, discussed, s.iri))
    return sorted(points, key=lambda p: (p.pair, p.when, p.iri))


def render_timeline(points: list[Point], fmt: str = "png") -> bytes:
    """The plot as PNG or SVG bytes (an empty plot says so when there is nothing to show)."""
    pairs = sorted({p.pair for p in points})
    height = 150 + 40 * max(len(pairs), 1)
    fig = new_figure(1000, height)
    ax = fig.add_axes((0.14, 80 / height, 0.83, 1 - 120 / height))
    ax.set_title("Encounters over time per pair of countries (hollow: date known to the month or year only)",
                 loc="left", fontsize=10)
    if not points:
        ax.text(0.5, 0.5, "no dated encounters", ha="center", va="center", transform=ax.transAxes)
    rows = {pair: i for i, pair in enumerate(pairs)}
    seen: dict[str, int] = {}
    for p in points:
        y = rows[p.pair]
        nth = seen[p.pair] = seen.get(p.pair, -1) + 1  # labels alternate above and below the row
        ax.plot([p.when], [y], marker="o", markersize=8, color="#1f77b4",
                markerfacecolor="#1f77b4" if p.precise else "white", linestyle="none")
        if p.discussed:
            offset = (0, 9 if nth % 2 == 0 else -16)
            ax.annotate(clean(", ".join(p.discussed)), (p.when, y), xytext=offset, textcoords="offset points",
                        ha="center", fontsize=7, color="#2c7a2c", annotation_clip=False, parse_math=False)
    ax.set_yticks(range(len(pairs)), [clean(p) for p in pairs])
    for label in ax.get_yticklabels():
        label.set_parse_math(False)
    ax.set_ylim(-0.7, max(len(pairs), 1) - 0.3)
    ax.grid(axis="x", color="#e4e7eb")
    fig.autofmt_xdate()
    out = io.BytesIO()
    fig.savefig(out, format=fmt, dpi=DPI, metadata={"Date": None} if fmt == "svg" else None)
    return out.getvalue()


def timeline_table(points: list[Point]) -> list[dict[str, str]]:
    return [{"pair": p.pair, "date": p.date,
             "kind": kind_label(p.kind), "discussed": ", ".join(p.discussed), "iri": p.iri} for p in points]
