"""Marking rules without the model: gazetteer names with typed entries, offices named by title, roles
resolved on a date."""

from __future__ import annotations

import datetime as dt

from kg.extract.mentions import SAME_ROLE, marks_of
from kg.extract.participants import resolve_role
from kg.lexicon import load_lexicon
from kg.nlp.marks import GazetteerEntry, MarkKind, entry_of
from kg.records import PartialDate, Precision
from tests.unit.handmade import annotated, blank, gazetteer, markers


def _mark_text(text: str):
    """Tokenize only (the gazetteer marker needs no parse) and mark."""
    doc = blank()(text)
    return markers()[0](doc)


def test_names_are_marked_with_typed_entries():
    doc = _mark_text("The Kremlin said Putin and Xi spoke about Iran and NATO.")
    entries = {e.text: entry_of(e) for e in doc.ents}
    assert entries == {
        "The Kremlin": GazetteerEntry(MarkKind.COUNTRY, "RUS", "metonym"),  # "the Kremlin", capitalised
        "Putin": GazetteerEntry(MarkKind.PERSON, "vladimir-putin", "alias"),
        "Xi": GazetteerEntry(MarkKind.PERSON, "xi-jinping", "alias"),
        "Iran": GazetteerEntry(MarkKind.COUNTRY, "IRN", "name"),
        "NATO": GazetteerEntry(MarkKind.ORGANIZATION, "NATO", "short"),
    }
    assert {e.text: e.label_ for e in doc.ents}["Iran"] == "GPE"


def test_british_spelling_and_demonyms():
    doc = _mark_text("The North Atlantic Treaty Organisation met French officials.")
    found = {e.text: (entry_of(e), e.label_) for e in doc.ents}
    assert found["North Atlantic Treaty Organisation"][0].ref == "NATO"
    assert found["French"] == (GazetteerEntry(MarkKind.COUNTRY, "FRA", "demonym"), "NORP")


def test_a_name_inside_a_blocked_name_is_not_marked():
    doc = _mark_text("Readers of the Washington Post in Latin America and in Washington.")
    assert [(e.text, entry_of(e).ref) for e in doc.ents] == [("Washington", "USA")]


def test_marks_carry_kind_ref_and_form_without_strings_to_split():
    doc = annotated("""
    The       the       DET   DT  det      2
    Kremlin   Kremlin   PROPN NNP nsubj    3
    said      say       VERB  VBD ROOT     0
    .         .         PUNCT .   punct    3
    """)
    [mark] = marks_of(doc, load_lexicon("en"))
    assert (mark.kind, mark.ref, mark.form, mark.span.text) == (MarkKind.COUNTRY, "RUS", "metonym", "The Kremlin")
    assert mark.kind == "country"  # a StrEnum: rules may compare with the plain word


def test_titles_name_offices_of_a_country():
    doc = annotated("""
    The        the        DET   DT  det      3
    Russian    russian    ADJ   JJ  amod     3
    President  president  PROPN NNP nsubj    4
    called     call       VERB  VBD ROOT     0
    the        the        DET   DT  det      6
    President  president  PROPN NNP dobj     4
    of         of         ADP   IN  prep     6
    France     France     PROPN NNP pobj     7
    and        and        CCONJ CC  cc       6
    his        his        PRON  PRP$ poss    11
    counterpart counterpart NOUN NN conj     6
    .          .          PUNCT .   punct    4
    """)
    roles = [m for m in marks_of(doc, load_lexicon("en")) if m.kind is MarkKind.ROLE]
    assert [(m.span.text, m.ref, m.roles) for m in roles] == [
        ("Russian President", "RUS", ("head_of_state",)),
        ("President of France", "FRA", ("head_of_state",)),
    ]


def test_a_title_before_a_name_names_that_person_not_an_office():
    doc = annotated("""
    Russian    russian    ADJ   JJ  amod     2
    President  president  PROPN NNP compound 4
    Vladimir   Vladimir   PROPN NNP compound 4
    Putin      Putin      PROPN NNP nsubj    5
    spoke      speak      VERB  VBD ROOT     0
    .          .          PUNCT .   punct    5
    """)
    marks = marks_of(doc, load_lexicon("en"))
    assert [(m.kind, m.ref) for m in marks] == [(MarkKind.COUNTRY, "RUS"), (MarkKind.PERSON, "vladimir-putin")]


def test_a_role_resolves_to_the_holder_on_the_date():
    doc = annotated("""
    the        the        DET   DT  det      3
    American   american   ADJ   JJ  amod     3
    president  president  NOUN  NN  ROOT     0
    """)
    [role] = [m for m in marks_of(doc, load_lexicon("en")) if m.kind is MarkKind.ROLE]
    march = PartialDate(dt.date(2025, 3, 18), Precision.DAY, "March 18", "stated")
    assert resolve_role(role, gazetteer(), march, None).id == "donald-trump"
    before = PartialDate(dt.date(2024, 6, 1), Precision.DAY, "June 1", "stated")
    assert resolve_role(role, gazetteer(), before, None) is None  # nobody in the small gazetteer then
    assert resolve_role(role, gazetteer(), None, None) is None  # no date, no anchor: never guessed


def test_counterpart_takes_the_role_of_the_other_side():
    doc = annotated("""
    his          his          PRON  PRP$ poss  3
    Chinese      chinese      ADJ   JJ   amod  3
    counterpart  counterpart  NOUN  NN   ROOT  0
    """)
    [role] = [m for m in marks_of(doc, load_lexicon("en")) if m.kind is MarkKind.ROLE]
    assert role.roles == (SAME_ROLE,)
    assert resolve_role(role, gazetteer(), None, dt.date(2025, 3, 19)).id == "xi-jinping"
