"""Where things go in the picture of one encounter: the encounter in the middle, its facts on an ellipse
around it (in role order), one edge from the middle to each fact. Shared by the SVG and PNG renderers."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kg.views.dates import date_label
from kg.views.model import ROLES, EncounterView, Fact, duration_label, kind_label
from kg.views.text import shorten, wrap

CHAR_W = 7.0  # average width of a 12 px sans-serif character
LABEL_MAX = 30
NOTE_LINES = 2  # a stance's "calls for a ceasefire in Gaza" wraps, never cut inside a word
EDGE_WORDS = {"participant": "took part", "country": "discussed", "organization": "discussed",
              "topic": "discussed", "treaty": "reaffirmed", "stance": "stance"}
COLOURS = {"participant": "#1f77b4", "country": "#2ca02c", "organization": "#9467bd", "topic": "#7f7f7f",
           "treaty": "#d62728", "stance": "#ff7f0e", "encounter": "#17324d"}


@dataclass(frozen=True)
class Box:
    x: float  # centre
    y: float
    w: float
    h: float
    lines: tuple[str, ...]
    role: str


@dataclass(frozen=True)
class Edge:
    index: int  # position of the fact in EncounterView.facts
    fact: Fact
    box: Box
    word: str


LEGEND_WORDS = {"encounter": "the encounter", "participant": "participant", "country": "country discussed",
                "organization": "organization discussed", "topic": "topic discussed", "treaty": "treaty reaffirmed",
                "stance": "stance"}
LEGEND_Y = 52.0  # the legend's row, under the title
SWATCH = 12.0  # side of a legend's colour square
LEGEND_CHAR_W = 6.2  # average width of an 11 px character


@dataclass(frozen=True)
class Key:
    """One entry of the legend: a colour square at (x, y) (its top left) and what the colour means."""

    x: float
    y: float
    role: str
    text: str


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    title: str
    centre: Box
    edges: tuple[Edge, ...]
    legend: tuple[Key, ...] = ()


def _box(x: float, y: float, lines: tuple[str, ...], role: str) -> Box:
    w = max(len(line) for line in lines) * CHAR_W + 20
    return Box(x, y, w, 18.0 * len(lines) + 10, lines, role)


def fact_lines(fact: Fact) -> tuple[str, ...]:
    first = shorten(fact.label or "?", LABEL_MAX)
    if fact.role == "participant" and fact.note:
        return (first, fact.note)
    if fact.note:
        return (first, *wrap(fact.note, LABEL_MAX, NOTE_LINES))
    return (first,)


def centre_lines(view: EncounterView) -> tuple[str, ...]:
    s = view.summary
    lines = [kind_label(s.kind), date_label(s.date) if s.date else "date unknown"]
    if s.duration is not None:
        lines.append(duration_label(s.duration))
    lines.append(f"{s.articles} article{'s' if s.articles != 1 else ''}")
    return tuple(lines)


def legend(roles: list[str]) -> tuple[Key, ...]:
    """The colours of the picture and what they mean: the encounter, then the roles shown, in ROLES order."""
    keys, x = [], 20.0
    for role in ("encounter", *(r for r in ROLES if r in roles), *sorted(set(roles) - set(ROLES))):
        text = LEGEND_WORDS.get(role, role)
        keys.append(Key(x, LEGEND_Y - SWATCH / 2, role, text))
        x += SWATCH + 6 + len(text) * LEGEND_CHAR_W + 18
    return tuple(keys)


def layout(view: EncounterView) -> Layout:
    n = len(view.facts)
    rx, ry = 330.0, max(170.0, 26.0 * n)
    width, height = 2 * rx + 300, 2 * ry + 140
    cx, cy = width / 2, height / 2 + 30  # room above for the title and the legend
    edges = []
    for i, fact in enumerate(view.facts):
        angle = math.pi + 2 * math.pi * (i + 0.5) / max(n, 1)  # start on the left, go round clockwise
        reach = 1.0 if i % 2 == 0 or n < 8 else 0.72  # alternate rings, so neighbours do not overlap
        box = _box(cx + reach * rx * math.cos(angle), cy + reach * ry * math.sin(angle), fact_lines(fact), fact.role)
        edges.append(Edge(i, fact, box, EDGE_WORDS.get(fact.role, fact.role)))
    return Layout(width, height, view.summary.title, _box(cx, cy, centre_lines(view), "encounter"), tuple(edges),
                  legend([f.role for f in view.facts]))
