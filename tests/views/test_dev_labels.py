"""The pictures (SVG, and the PNG drawn from the same layout) and site pages of the dev encounters show no
label cut inside a word: every line of a box is a run of whole words of the fact's label or note."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import unescape

import pytest

from kg.ingest.pipeline import ingest
from kg.settings import Settings
from kg.store import open_store
from kg.views.encounter_html import render_html
from kg.views.fetch import encounter_view, list_encounters
from kg.views.layout import layout
from kg.views.svg import render_svg
from kg.views.text import shorten, wrap
from tests.conftest import DEV

pytestmark = pytest.mark.slow  # ingests the dev set with the spaCy model
SVG = "{http://www.w3.org/2000/svg}"


def _words(text: str) -> list[str]:
    return [w.strip(",;:.-") for w in text.split()]


def whole_words_of(line: str, full: str) -> bool:
    """``line`` (without a final "…") is a run of whole words of ``full`` (punctuation at a word's edge
    may be dropped where the line was cut)."""
    words, text = _words(line.removesuffix("…")), _words(full)
    return bool(words) and any(text[i : i + len(words)] == words for i in range(len(text) - len(words) + 1))


@pytest.mark.parametrize(("line", "full", "whole"), [
    ("calls for a new…", "calls for a new, grandiose blueprint", True),
    ("calls for a new, grandiose b…", "calls for a new, grandiose blueprint", False),
    ("video call on Tuesday, US", "In a video call on Tuesday, US President", True),
])
def test_whole_words_of(line: str, full: str, whole: bool) -> None:
    assert whole_words_of(line, full) is whole


def test_shorten_and_wrap_cut_between_words() -> None:
    assert shorten("calls for a new, grandiose blueprint for ties", 30) == "calls for a new, grandiose…"
    assert wrap("calls for an immediate ceasefire in Gaza and the release of hostages", 30, 2) == (
        "calls for an immediate", "ceasefire in Gaza and the…")


@pytest.fixture(scope="module")
def dev_store():
    if not (DEV / "articles").exists():
        pytest.skip("the dev corpus (../shared/corpus/dev) is not beside the checkout")
    store = open_store("memory:")
    ingest([DEV / "articles"], store, Settings(store="memory:"))
    return store


def test_no_label_of_a_dev_encounter_is_cut_inside_a_word(dev_store) -> None:
    encounters = list_encounters(dev_store)
    assert encounters
    cut: list[str] = []
    for summary in encounters:
        view = encounter_view(dev_store, summary.iri)
        lay = layout(view)
        shown: set[str] = set(lay.centre.lines) | {e.word for e in lay.edges} | {k.text for k in lay.legend}
        for edge in lay.edges:
            fact = edge.fact
            label, *notes = edge.box.lines
            shown.update(edge.box.lines)
            if not whole_words_of(label, fact.label or "?"):
                cut.append(f"{summary.iri}: {label!r} of {fact.label!r}")
            for note in notes:
                if not whole_words_of(note, fact.note):
                    cut.append(f"{summary.iri}: {note!r} of {fact.note!r}")
        root = ET.fromstring(render_svg(view).encode("utf-8"))
        texts = {t.text or "" for t in root.iter(f"{SVG}text")} - {""}
        assert texts - shown - {lay.title, shorten(lay.title, 110)} == set(), summary.iri
        page = unescape(render_html(view))
        assert all(f.label in page and f.note in page for f in view.facts), summary.iri
    assert not cut, "\n".join(cut)
