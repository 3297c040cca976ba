"""The picture and page of one encounter: structure, evidence, and escaping of hostile text."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from kg.views.encounter_html import render_html
from kg.views.model import EncounterView
from kg.views.svg import render_svg
from tests.views.conftest import HOSTILE

SVG = "{http://www.w3.org/2000/svg}"


class _Collector(HTMLParser):
    """Collects start tags and script bodies, to check what a browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_svg_is_well_formed_with_one_edge_per_fact(hostile_view: EncounterView) -> None:
    root = ET.fromstring(render_svg(hostile_view).encode("utf-8"))
    edges = [g for g in root.iter(f"{SVG}g") if "edge" in (g.get("class") or "").split()]
    assert len(edges) == len(hostile_view.facts)
    assert {g.get("data-fact") for g in edges} == {str(i) for i in range(len(hostile_view.facts))}
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "Phone call" in texts and "2026-02-04" in texts and "1 h 35 min" in texts
    assert "Iran" in texts and "New START" in texts


def test_svg_keeps_hostile_text_as_text(hostile_view: EncounterView) -> None:
    svg = render_svg(hostile_view)
    root = ET.fromstring(svg.encode("utf-8"))  # would fail on an unescaped < or a control character
    assert not [e for e in root.iter() if e.tag in (f"{SVG}script", "script")]
    assert "<script>" not in svg and "\x07" not in svg
    title = root.find(f"{SVG}title")
    assert title is not None and HOSTILE.replace("\x07", "") in (title.text or "")  # same text, read back


def test_svg_edges_carry_their_evidence_as_tooltip(hostile_view: EncounterView) -> None:
    root = ET.fromstring(render_svg(hostile_view).encode("utf-8"))
    tips = [g.find(f"{SVG}title") for g in root.iter(f"{SVG}g") if g.get("data-fact") == "2" and g.find(f"{SVG}line")
            is not None]
    assert tips and "Iran was discussed." in (tips[0].text or "")


def test_linked_svg_edges_point_at_the_evidence_entries(hostile_view: EncounterView) -> None:
    root = ET.fromstring(render_svg(hostile_view, linked=True).encode("utf-8"))
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == [f"#fact-{i}" for i in range(len(hostile_view.facts))]


def test_html_page_is_self_contained_and_escaped(hostile_view: EncounterView) -> None:
    page = render_html(hostile_view)
    parsed = _parse(page)
    tags = [t for t, _ in parsed.tags]
    assert "script" not in tags  # the encounter page needs no script at all (and none was injected)
    assert not [a for _, a in parsed.tags if (a.get("src") or "").startswith(("http:", "https:", "//"))]
    links = [a for t, a in parsed.tags if t == "link"]  # only the icon, as a data URI: nothing is fetched
    assert [(a.get("rel"), (a.get("href") or "")[:19]) for a in links] == [("icon", "data:image/svg+xml,")]
    assert "svg" in tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;Quoted&quot;" in page and "&#x27;single&#x27;" in page and "\x07" not in page


def test_html_page_shows_each_evidence_with_a_safe_article_link(hostile_view: EncounterView) -> None:
    page = render_html(hostile_view)
    parsed = _parse(page)
    ids = [a.get("id") for _, a in parsed.tags if (a.get("id") or "").startswith("fact-")]
    assert ids == [f"fact-{i}" for i in range(len(hostile_view.facts))]
    hrefs = [a.get("href") for t, a in parsed.tags if t == "a" and not (a.get("href") or "").startswith("#")]
    assert hrefs == ['https://example.org/a?x=1&y="2"'] * 2  # parsed back from &amp; and &quot;
    assert "javascript:" not in "".join(h or "" for h in hrefs)
    assert "Iran was discussed." in page and "no evidence sentence stored" in page  # the treaty has none



def test_participants_read_from_the_same_sentences_share_them_once() -> None:
    """Issue 16: the report sentences were repeated under each participant; now the participants citing
    the same sentences are one section (each keeps its anchor for the picture's links), and a source is
    named by its title and outlet, not only its id."""
    from kg.views.model import Citation, EncounterSummary, Fact, Participant

    said = Citation("A and B spoke by phone.", "art-9", "https://news.example.org/a", "Leaders talk", "Daily Example")
    bare = Citation("They also discussed C.", "art-10", "https://other.example.net/b")
    people = (Participant("https://w3id.org/kg-diplomacy/id/person/a", "Ann A", "AAA"),
              Participant("https://w3id.org/kg-diplomacy/id/person/b", "Bo B", "BBB"))
    summary = EncounterSummary(iri="https://w3id.org/kg-diplomacy/id/encounter/x", kind="PhoneCall",
                               date="2026-01-02", participants=people)
    facts = tuple(Fact("participant", p.name, p.iri, p.iso3, (said,)) for p in people)
    view = EncounterView(summary, (*facts, Fact("country", "C", "", "CCC", (bare, said))), (said,))
    page = render_html(view)
    evidence = page.split("<h2>Evidence</h2>", 1)[1]  # (the picture's tooltips cite it per edge)
    assert evidence.count("A and B spoke by phone.") == 2  # once for the participants, once for the country
    ids = [a.get("id") for _, a in _parse(page).tags if (a.get("id") or "").startswith("fact-")]
    assert ids == ["fact-0", "fact-1", "fact-2"]
    assert "Ann A <span class=\"muted\">(AAA)</span> · Bo B" in page
    assert ">Leaders talk</a> · Daily Example <span class=\"muted\">(art-9)</span>" in page
    assert ">art-10</a> · other.example.net</div>" in page  # no title: the id; no outlet: the URL's host
    assert "[Leaders talk — Daily Example]" in render_svg(view)  # the tooltips name the source alike


def test_png_is_a_picture(hostile_view: EncounterView) -> None:
    pytest.importorskip("matplotlib")
    import numpy
    from PIL import Image

    from kg.views.png import render_png

    data = render_png(hostile_view)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data)).convert("L")
    assert image.width > 400 and image.height > 300
    assert float(numpy.asarray(image).std()) > 5  # drawn, not blank


def test_pictures_have_a_legend_of_their_colours(hostile_view: EncounterView) -> None:
    """Issue 16: the node colours were not explained. The legend names the encounter and each role the
    picture shows, in the colour of its boxes, above every box; the SVG and the PNG draw the same legend."""
    from kg.views.layout import layout

    lay = layout(hostile_view)
    assert [k.role for k in lay.legend] == ["encounter", "participant", "country", "treaty", "stance"]
    assert [k.text for k in lay.legend][:3] == ["the encounter", "participant", "country discussed"]
    tops = [e.box.y - e.box.h / 2 for e in lay.edges] + [lay.centre.y - lay.centre.h / 2]
    assert max(k.y + 12 for k in lay.legend) < min(tops)
    assert all(a.x < b.x for a, b in zip(lay.legend, lay.legend[1:], strict=False))
    assert lay.legend[-1].x < lay.width - 100

    root = ET.fromstring(render_svg(hostile_view).encode("utf-8"))
    fills = {g.get("class").split()[1]: g.find(f"{SVG}rect").get("fill") for g in root.iter(f"{SVG}g")
             if (g.get("class") or "").startswith("box ")}
    keys = [g for g in root.iter(f"{SVG}g") if (g.get("class") or "").startswith("key ")]
    assert [g.find(f"{SVG}text").text for g in keys] == [k.text for k in lay.legend]
    assert {g.get("class").split()[1]: g.find(f"{SVG}rect").get("fill") for g in keys} == fills


def test_png_draws_the_legend(hostile_view: EncounterView, monkeypatch) -> None:
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    from kg.views import png

    drawn: list[Figure] = []
    real = png.new_figure
    monkeypatch.setattr(png, "new_figure", lambda w, h: drawn.append(real(w, h)) or drawn[-1])
    png.render_png(hostile_view)
    ax = drawn[0].axes[0]
    assert len([p for p in ax.patches if p.get_gid() == "kg-key"]) == 5
    assert {"the encounter", "treaty reaffirmed", "stance"} <= {t.get_text() for t in ax.texts}
