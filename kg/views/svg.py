"""The picture of one encounter as SVG, written by hand (no system tools). Every text is escaped; in
``linked`` mode each edge is a link to its evidence entry (``#fact-N``) of the HTML page."""

from __future__ import annotations

from kg.views.layout import COLOURS, SWATCH, Box, Edge, Layout, layout
from kg.views.model import EncounterView
from kg.views.text import esc, shorten

STYLE = (".edge line{stroke:#9aa5b1;stroke-width:1.6}.edge text{font-size:10px;fill:#52606d}"
         ".edge:hover line,.edge:focus line{stroke:#17324d;stroke-width:3}"
         ".box text{font-size:12px;fill:#fff}.box .sub{font-size:11px}.legend text{font-size:11px;fill:#52606d}"
         "svg{font-family:DejaVu Sans,Verdana,sans-serif}")


def _box(box: Box, extra: str = "") -> str:
    top = box.y - box.h / 2
    parts = [f'<g class="box role-{esc(box.role)}"{extra}>',
             f'<rect x="{box.x - box.w / 2:.1f}" y="{top:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" '
             f'rx="6" fill="{COLOURS.get(box.role, "#444")}"/>']
    for i, line in enumerate(box.lines):
        cls = ' class="sub"' if i else ""
        parts.append(f'<text x="{box.x:.1f}" y="{top + 19 + 18 * i:.1f}" text-anchor="middle"{cls}>{esc(line)}</text>')
    parts.append("</g>")
    return "".join(parts)


def _tooltip(edge: Edge) -> str:
    fact = edge.fact
    head = f"{edge.word}: {fact.label}" + (f" ({fact.note})" if fact.note else "")
    sentences = [f"“{shorten(ev.sentence, 300)}” [{ev.source}]" for ev in fact.evidence[:3]]
    more = [f"… and {len(fact.evidence) - 3} more"] if len(fact.evidence) > 3 else []
    return "\n".join([head, *sentences, *more])


def _edge(edge: Edge, centre: Box, linked: bool) -> str:
    b = edge.box
    mx, my = (centre.x + b.x) / 2, (centre.y + b.y) / 2
    body = (f'<title>{esc(_tooltip(edge))}</title>'
            f'<line x1="{centre.x:.1f}" y1="{centre.y:.1f}" x2="{b.x:.1f}" y2="{b.y:.1f}"/>'
            f'<text x="{mx:.1f}" y="{my - 4:.1f}" text-anchor="middle">{esc(edge.word)}</text>')
    attrs = f'class="edge role-{esc(edge.fact.role)}" data-fact="{edge.index}"'
    if linked:
        return f'<a href="#fact-{edge.index}" {attrs}>{body}</a>'
    return f"<g {attrs}>{body}</g>"


def _legend(lay: Layout) -> str:
    parts = ['<g class="legend">']
    for key in lay.legend:
        parts.append(f'<g class="key role-{esc(key.role)}"><rect x="{key.x:.1f}" y="{key.y:.1f}" width="{SWATCH:.0f}" '
                     f'height="{SWATCH:.0f}" rx="2" fill="{COLOURS.get(key.role, "#444")}"/>'
                     f'<text x="{key.x + SWATCH + 6:.1f}" y="{key.y + SWATCH - 2:.1f}">{esc(key.text)}</text></g>')
    parts.append("</g>")
    return "".join(parts)


def render_layout(lay: Layout, *, linked: bool = False, standalone: bool = True) -> str:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    parts = [head, f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lay.width:.0f} {lay.height:.0f}" '
             f'width="{lay.width:.0f}" height="{lay.height:.0f}" role="img" aria-labelledby="kg-title">',
             f'<title id="kg-title">{esc(lay.title)}</title><style>{STYLE}</style>',
             '<rect width="100%" height="100%" fill="#fff"/>',
             '<text x="20" y="30" font-size="16" font-weight="bold" fill="#17324d">'
             f'{esc(shorten(lay.title, 110))}</text>']
    parts.append(_legend(lay))
    parts += [_edge(e, lay.centre, linked) for e in lay.edges]
    parts.append(_box(lay.centre))
    parts += [_box(e.box, f' data-fact="{e.index}"') for e in lay.edges]
    parts.append("</svg>\n")
    return "".join(parts)


def render_svg(view: EncounterView, *, linked: bool = False, standalone: bool = True) -> str:
    """The SVG document (``standalone``) or element (for inlining in HTML) of one encounter."""
    return render_layout(layout(view), linked=linked, standalone=standalone)
