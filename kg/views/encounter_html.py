"""The HTML page of one encounter: its picture (inline SVG, each edge a link to its evidence) and, for each
fact, the sentences it was read from with links to their articles."""

from __future__ import annotations

from kg.views.dates import date_label
from kg.views.model import Citation, EncounterView, Fact, duration_label, kind_label
from kg.views.page import document
from kg.views.svg import render_svg
from kg.views.text import esc, safe_url


def _source(ev: Citation) -> str:
    name = esc(ev.headline or ev.article)
    url = safe_url(ev.url)
    link = f'<a href="{esc(url)}" rel="noopener noreferrer">{name}</a>' if url else name
    outlet = f" · {esc(ev.publisher)}" if ev.publisher else ""
    article = f' <span class="muted">({esc(ev.article)})</span>' if ev.headline and ev.article else ""
    return f'<blockquote>“{esc(ev.sentence)}”</blockquote><div class="src">— {link}{outlet}{article}</div>'


def _evidence(evidence: tuple[Citation, ...]) -> str:
    return "".join(_source(ev) for ev in evidence) or '<p class="muted">no evidence sentence stored</p>'


def _heading(fact: Fact) -> str:
    note = f' <span class="muted">({esc(fact.note)})</span>' if fact.note else ""
    return f"{esc(fact.label)}{note}"


def _section(indexes: list[int], facts: list[Fact]) -> str:
    """One section for facts of one role that cite the same sentences (the participants of an encounter are
    all read from its report sentences): their names as the heading, the sentences once; each fact keeps its
    anchor ``fact-N`` for the picture's links."""
    first = facts[0]
    anchors = "".join(f'<span id="fact-{i}" class="anchor"></span>' for i in indexes[1:])
    heading = " · ".join(_heading(f) for f in facts)
    return (f'<section class="fact role-{esc(first.role)}" id="fact-{indexes[0]}">{anchors}'
            f'<span class="role">{esc(first.role)}</span><h3>{heading}</h3>{_evidence(first.evidence)}</section>')


def _facts(facts: tuple[Fact, ...]) -> str:
    groups: dict[tuple[str, tuple[Citation, ...]], tuple[list[int], list[Fact]]] = {}
    for index, fact in enumerate(facts):
        key = (fact.role, fact.evidence) if fact.role == "participant" and fact.evidence else (str(index), ())
        indexes, members = groups.setdefault(key, ([], []))
        indexes.append(index)
        members.append(fact)
    return "".join(_section(indexes, members) for indexes, members in groups.values())


def _details(view: EncounterView) -> str:
    s = view.summary
    rows = [("Kind", kind_label(s.kind)), ("Date", date_label(s.date)),
            ("Length", duration_label(s.duration) or "not stated"),
            ("Participants", "; ".join(p.name + (f" ({p.iso3})" if p.iso3 else "") for p in s.participants)),
            ("Reported by", f"{s.articles} article(s)"), ("IRI", s.iri)]
    return "<table>" + "".join(_row(k, v) for k, v in rows) + "</table>"


def _row(key: str, value: str) -> str:
    cls = ' class="date"' if key == "Date" else ""  # a date never wraps at its hyphens
    return f"<tr><th>{esc(key)}</th><td{cls}>{esc(value)}</td></tr>"


def encounter_body(view: EncounterView) -> str:
    facts = _facts(view.facts)
    return (f"{_details(view)}<p class=\"muted\">Hover an edge for its evidence; click it to jump to the sentences "
            f"and article links below.</p><div class=\"picture\">{render_svg(view, linked=True, standalone=False)}"
            f"</div><h2>Evidence</h2>{facts}")


def render_html(view: EncounterView, *, nav: str = "") -> str:
    """A self-contained page (inline SVG and CSS; no script, nothing fetched)."""
    return document(view.summary.title, encounter_body(view), nav=nav)
