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
    return f'<blockquote>“{esc(ev.sentence)}”</blockquote><div class="src">— {link}</div>'


def _fact(index: int, fact: Fact) -> str:
    note = f' <span class="muted">({esc(fact.note)})</span>' if fact.note else ""
    evidence = "".join(_source(ev) for ev in fact.evidence) or '<p class="muted">no evidence sentence stored</p>'
    return (f'<section class="fact role-{esc(fact.role)}" id="fact-{index}"><span class="role">{esc(fact.role)}</span>'
            f"<h3>{esc(fact.label)}{note}</h3>{evidence}</section>")


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
    facts = "".join(_fact(i, f) for i, f in enumerate(view.facts))
    return (f"{_details(view)}<p class=\"muted\">Hover an edge for its evidence; click it to jump to the sentences "
            f"and article links below.</p><div class=\"picture\">{render_svg(view, linked=True, standalone=False)}"
            f"</div><h2>Evidence</h2>{facts}")


def render_html(view: EncounterView, *, nav: str = "") -> str:
    """A self-contained page (inline SVG and CSS; no script, nothing fetched)."""
    return document(view.summary.title, encounter_body(view), nav=nav)
