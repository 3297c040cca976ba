"""``kg site``: a static site over the store — the encounter list (filters in vanilla JS over embedded JSON),
one page per encounter, the timeline, and the saved queries runnable against a SPARQL endpoint.

Layout of ``out``: ``index.html``, ``data.json``, ``encounters/*.html``, ``timeline.html`` (+ ``.svg``,
``.png``), ``queries.html``. Nothing is fetched from elsewhere; only the query runner talks to the endpoint
(default same-origin ``/query``, as ``kg serve`` offers)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.query.names import names_query
from kg.query.saved import SavedQuery
from kg.store.base import Store
from kg.style import terms_script
from kg.views.encounter_html import encounter_body
from kg.views.fetch import encounter_view, list_encounters
from kg.views.page import document
from kg.views.site_data import page_name, site_data
from kg.views.text import esc, json_for_script
from kg.views.timeline import render_timeline, timeline_points, timeline_table

ASSETS = Path(__file__).resolve().parent / "assets"
NAV = ('<nav><a href="{up}index.html">Encounters</a> · <a href="{up}timeline.html">Timeline</a> · '
       '<a href="{up}queries.html">Saved queries</a></nav>')


@dataclass(frozen=True)
class SiteReport:
    out: Path
    encounters: int
    files: int


@cache
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def index_page(data: dict[str, object]) -> str:
    filters = ('<form id="filters" onsubmit="return false"><label>Actor <input id="f-actor" placeholder="name or ISO3">'
               '</label><label>Country discussed <select id="f-country"><option value="">any</option></select></label>'
               '<label>From <input id="f-from" type="date"></label><label>To <input id="f-to" type="date"></label>'
               '<button type="button" id="f-clear">Clear</button></form><p id="count" class="muted"></p>')
    table = ('<table id="encounters"><thead><tr><th>Date</th><th>Encounter</th><th>Participants</th>'
             '<th>Discussed</th><th>Length</th><th>Articles</th></tr></thead><tbody></tbody></table>')
    embedded = f'<script type="application/json" id="kg-data">{json_for_script(data)}</script>'
    return document("Leader encounters", filters + table + embedded, script=terms_script() + _asset("list.js"),
                    nav=NAV.format(up=""))


def queries_page(queries: dict[str, SavedQuery], endpoint: str) -> str:
    catalogue = [{"name": q.name, "summary": q.summary, "text": q.text,
                  "parameters": [{"name": p.name, "type": p.type, "required": p.required, "doc": p.doc}
                                 for p in q.parameters]} for q in queries.values()]
    body = (f'<p><label>SPARQL endpoint <input id="endpoint" size="50" value="{esc(endpoint)}"></label></p>'
            '<div id="queries"></div>'
            f'<script type="application/json" id="kg-queries">{json_for_script(catalogue)}</script>'
            f'<script type="application/json" id="kg-names">{json_for_script(names_query().text)}</script>')
    return document("Saved queries", body, script=terms_script() + _asset("queries.js"), nav=NAV.format(up=""))


def timeline_page(svg: str, rows: list[dict[str, str]]) -> str:
    svg = svg[svg.index("<svg"):] if "<svg" in svg else svg  # an XML prolog dropped; a note kept as it is
    head = "<tr><th>Pair</th><th>Date</th><th>Kind</th><th>Countries discussed</th></tr>"
    body = "".join(f"<tr><td>{esc(r['pair'])}</td><td class=\"date\">{esc(r['date'])}</td><td>{esc(r['kind'])}</td>"
                   f"<td>{esc(r['discussed'])}</td></tr>" for r in rows)
    return document("Timeline", f'<div class="picture">{svg}</div><table>{head}{body}</table>', nav=NAV.format(up=""))


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


_NO_PICTURE = ("<p>The timeline picture needs matplotlib: <code>pip install 'kg[views]'</code>, then build the "
               "site again. The table below has every encounter.</p>")


def plots_available() -> bool:
    """matplotlib (the ``views`` extra) is installed, so the timeline can be plotted."""
    import importlib.util

    return importlib.util.find_spec("matplotlib") is not None


def write_site(store: Store, out: Path, *, queries: dict[str, SavedQuery], endpoint: str = "/query") -> SiteReport:
    """Write the site into ``out`` (created if needed; files of the same names are replaced)."""
    summaries = list_encounters(store)
    data = site_data(summaries)
    files: dict[str, str | bytes] = {
        "index.html": index_page(data),
        "data.json": json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        "queries.html": queries_page(queries, endpoint),
    }
    points = timeline_points(summaries)
    picture = _NO_PICTURE
    if plots_available():  # the timeline is plotted with matplotlib (the views extra); its table needs nothing
        svg = render_timeline(points, "svg")
        files["timeline.svg"], files["timeline.png"] = svg, render_timeline(points, "png")
        picture = svg.decode("utf-8")
    files["timeline.html"] = timeline_page(picture, timeline_table(points))
    for s in summaries:
        view = encounter_view(store, s.iri)
        files["encounters/" + page_name(s.iri)] = document(s.title, encounter_body(view), nav=NAV.format(up="../"))
    for name, content in files.items():
        _write(out / name, content)
    return SiteReport(out, len(summaries), len(files))
