"""Treaty names recognised from how they are written (kg.extract.treaty_phrases, treaty_links), over
sentences written for these tests, with the real model and gazetteer."""

from __future__ import annotations

import pytest


def _treaties(extract, text: str) -> list[tuple[str, str, int | None, tuple[str, ...]]]:
    return [(t.treaty_id, t.label, t.year, t.parties) for t in extract(text).treaties]


WRITTEN = {
    "a signed memorandum and what it is about": (
        "The two premiers signed a memorandum on water management between Austria and Hungary on Friday.",
        "memorandum on water management between Austria and Hungary", ("AUT", "HUN")),
    "a signed joint statement (the parser hangs its subject from the verb)": (
        "The presidents also signed a joint statement on building a partnership for the digital age.",
        "joint statement on building a partnership for the digital age", ()),
    "a proper name before a lowercase head word": (
        "Officials said the Nordstream deal would be reviewed next year.", "Nordstream deal", ()),
}


@pytest.mark.parametrize(("text", "name", "parties"), WRITTEN.values(), ids=WRITTEN.keys())
def test_written_names_are_treaties_with_the_parties_they_name(extract, text, name, parties):
    [(tid, label, year, found)] = _treaties(extract, text)
    assert (label, year, found) == (name, None, parties)
    assert tid.startswith("treaty-")


LINKED = {
    "a quoted lowercase name": (
        'Moscow and Tehran signed the "comprehensive strategic partnership treaty" on Friday.'),
    "a quoted name before its head word": (
        'Putin and Pezeshkian will sign the "comprehensive strategic partnership" treaty in Moscow.'),
    "a signed treaty on a subject": (
        "On Friday Tehran and Moscow signed a treaty on comprehensive strategic partnership."),
}


@pytest.mark.parametrize("text", LINKED.values(), ids=LINKED.keys())
def test_a_written_name_is_linked_to_its_gazetteer_entry(extract, text):
    assert _treaties(extract, text) == [("russia-iran-partnership-treaty-2025",
                                         "Treaty on Comprehensive Strategic Partnership between Russia and Iran",
                                         2025, ("IRN", "RUS"))]


def test_a_year_names_the_treaty_of_the_articles_countries(extract):
    text = "Moscow and Washington said the 2010 treaty on strategic weapons expires in February."
    assert [t[0] for t in _treaties(extract, text)] == ["new-start-2010"]


def test_a_year_that_names_no_known_treaty_is_nothing(extract):
    assert _treaties(extract, "Canada and Chile said the 1997 treaty still served them well.") == []


def test_the_un_charter_after_the_un(extract):
    text = "Guterres called for a peace in line with the UN Charter and international law."
    assert [t[0] for t in _treaties(extract, text)] == ["un-charter-1945"]


NOT_TREATIES = {
    "a document signed without saying what it is": "The ministers signed the agreement on Tuesday.",
    "a deal named by its parties": "They discussed the US-China trade deal and tariffs on steel.",
    "a deal named by a person": "Critics said the Trump deal would fail within weeks.",
    "a quoted clause": 'He said the talks were "aimed at reaching acceptable agreements" soon.',
    "a proposed treaty": 'Both sides discussed a proposed "Arctic fisheries treaty" at the meeting.',
    "a heading": "Leaders Sign Memorandum On Trade\nThe leaders met in Rome on Monday.",
}


@pytest.mark.parametrize("text", NOT_TREATIES.values(), ids=NOT_TREATIES.keys())
def test_no_treaty(extract, text):
    assert _treaties(extract, text) == []
