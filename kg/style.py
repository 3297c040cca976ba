"""The house style of kg's browser pages — the static site (:mod:`kg.views`) and the query page of
``kg serve`` (:mod:`kg.serve`) — so both look alike: one stylesheet and one icon, in the core because the
two packages may not import each other."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import quote

CSS = """
body{font-family:DejaVu Sans,Verdana,sans-serif;margin:0;color:#1f2933;background:#f5f7fa}
header{background:#17324d;color:#fff;padding:10px 20px}header a{color:#cde}
header h1{margin:4px 0;font-size:20px}
main{padding:16px 20px;max-width:1200px}
.picture{background:#fff;border:1px solid #d9e2ec;overflow:auto}
table{border-collapse:collapse;background:#fff;margin:8px 0}th,td{border:1px solid #d9e2ec;padding:4px 8px;
text-align:left;vertical-align:top;font-size:13px}th{background:#e4ebf2}
.date,.nowrap{white-space:nowrap}.imprecise{font-style:italic}
.fact{background:#fff;border:1px solid #d9e2ec;margin:8px 0;padding:6px 10px}
.fact:target,.fact:has(.anchor:target){outline:3px solid #ff7f0e}
.fact h3{margin:2px 0;font-size:14px}.role{font-size:11px;text-transform:uppercase;color:#52606d}
blockquote{margin:4px 0 4px 12px;font-size:13px}.src{font-size:12px;color:#52606d}
label{margin-right:12px;font-size:13px}input,select{font-size:13px}
.muted{color:#7b8794}
td a{color:#1f5f99;word-break:break-all}.lang{font-size:11px;color:#7b8794;margin-left:.4em}
.bnode{color:#52606d;font-style:italic}
"""

# A 16 x 16 picture of two nodes and an edge, in the colours of the encounter pictures.
FAVICON_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">'
               '<circle cx="4" cy="11" r="3" fill="#1f77b4"/><circle cx="12" cy="5" r="3" fill="#d62728"/>'
               '<path d="M6 9.5 10 6.5" stroke="#444" stroke-width="1.5"/></svg>')


def favicon_link() -> str:
    """A ``<link rel="icon">`` holding the icon as a data URI: no request, so no 404 from any server."""
    return f'<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,{quote(FAVICON_SVG, safe="")}">'


@cache
def terms_script() -> str:
    """The script both kinds of page share (kg/terms.js): ``kgFold`` (names folded as :mod:`kg.folding`
    does) and ``kgFillTerm`` (an RDF term of a SPARQL JSON result into a table cell)."""
    return (Path(__file__).resolve().parent / "terms.js").read_text(encoding="utf-8")
