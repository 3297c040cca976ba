"""Encounter rules without the model: triggers, held vs planned, habitual and generic readings, background
references, participants, and the whole extraction of a hand-built two-sentence report."""

from __future__ import annotations

import datetime as dt

from kg.extract.sightings import find_sightings, is_background_reference
from kg.extract.triggers import is_planned_or_negated
from kg.lexicon import load_lexicon
from kg.records import EncounterKind, Precision
from tests.unit.handmade import PHONE_CALL, annotated, article_for, context, gazetteer, rule_extractor

EN = load_lexicon("en")

# "The two leaders discussed Iran." (tokens 10-15: the sentence after PHONE_CALL)
LEADERS_DISCUSSED_IRAN = """
The        the        DET   DT  det    12
two        two        NUM   CD  nummod 12
leaders    leader     NOUN  NNS nsubj  13
discussed  discuss    VERB  VBD ROOT   0
Iran       Iran       PROPN NNP dobj   13
.          .          PUNCT .   punct  13
"""


def _sightings(table: str, published: dt.date | None = dt.date(2025, 3, 19)):
    ctx = context(annotated(table), published)
    return find_sightings(ctx.sentences, ctx.triggers, ctx.marks, gazetteer(), EN, ctx.data.dates, ctx.anchor,
                          ctx.context_year)


def _triggers(table: str):
    return [t for sentence in context(annotated(table)).triggers for t in sentence]


def test_a_phone_call_with_its_participants_and_weekday_date():
    [first, second] = _sightings(PHONE_CALL)  # "spoke" and "by phone" report the same call
    for sighting in (first, second):
        assert {p.id for p in sighting.participants} == {"emmanuel-macron", "xi-jinping"}
        assert sighting.date.value == dt.date(2025, 3, 18) and sighting.date.precision is Precision.DAY
    assert {(s.trigger.kind, s.trigger.weak) for s in (first, second)} == {
        (EncounterKind.PHONE_CALL, True), (EncounterKind.PHONE_CALL, False)}


def test_without_an_anchor_a_weekday_gives_no_date():
    assert all(s.date is None for s in _sightings(PHONE_CALL, published=None))


def test_future_and_agreed_encounters_are_not_held():
    will = _triggers("""
    Putin  Putin  PROPN NNP nsubj 3
    will   will   AUX   MD  aux   3
    meet   meet   VERB  VB  ROOT  0
    Trump  Trump  PROPN NNP dobj  3
    .      .      PUNCT .   punct 3
    """)
    agreed = _triggers("""
    Trump   Trump   PROPN NNP nsubj 2
    agreed  agree   VERB  VBD ROOT  0
    to      to      PART  TO  aux   4
    meet    meet    VERB  VB  xcomp 2
    Putin   Putin   PROPN NNP dobj  4
    .       .       PUNCT .   punct 2
    """)
    assert [t.span.text for t in will + agreed] == ["meet", "meet"]
    assert all(is_planned_or_negated(t, EN) for t in will + agreed)


def test_met_is_held_and_in_person():
    [sighting] = _sightings("""
    Putin  Putin  PROPN NNP nsubj 4
    and    and    CCONJ CC  cc    1
    Xi     Xi     PROPN NNP conj  1
    met    meet   VERB  VBD ROOT  0
    in     in     ADP   IN  prep  4
    Moscow Moscow PROPN NNP pobj  5
    .      .      PUNCT .   punct 4
    """)
    assert sighting.trigger.kind is EncounterKind.MEETING and not sighting.trigger.weak
    assert {p.id for p in sighting.participants} == {"vladimir-putin", "xi-jinping"}


def test_call_for_is_no_call():
    assert _triggers("""
    Macron  Macron    PROPN NNP nsubj 2
    called  call      VERB  VBD ROOT  0
    for     for       ADP   IN  prep  2
    a       a         DET   DT  det   5
    truce   truce     NOUN  NN  pobj  3
    .       .         PUNCT .   punct 2
    """) == []


def test_a_weak_trigger_face_to_face_is_a_meeting():
    [trigger] = _triggers("""
    Putin         Putin         PROPN NNP nsubj 4
    and           and           CCONJ CC  cc    1
    Xi            Xi            PROPN NNP conj  1
    held          hold          VERB  VBD ROOT  0
    face-to-face  face-to-face  ADJ   JJ  amod  6
    talks         talk          NOUN  NNS dobj  4
    .             .             PUNCT .   punct 4
    """)
    assert trigger.kind is EncounterKind.MEETING and not trigger.weak


def test_many_encounters_and_negotiations_are_not_an_encounter():
    habitual = """
    Putin    Putin    PROPN NNP nsubj  5
    and      and      CCONJ CC  cc     1
    Xi       Xi       PROPN NNP conj   1
    have     have     AUX   VBP aux    5
    spoken   speak    VERB  VBN ROOT   0
    several  several  ADJ   JJ  amod   7
    times    time     NOUN  NNS npadvmod 5
    .        .        PUNCT .   punct  5
    """
    generic = """
    Trump   Trump   PROPN NNP nsubj    2
    praised praise  VERB  VBD ROOT     0
    the     the     DET   DT  det      5
    peace   peace   NOUN  NN  compound 5
    talks   talk    NOUN  NNS dobj     2
    with    with    ADP   IN  prep     2
    Putin   Putin   PROPN NNP pobj     6
    .       .       PUNCT .   punct    2
    """
    assert _sightings(habitual) == [] and _sightings(generic) == []


def test_their_last_meeting_is_an_earlier_encounter():
    [trigger] = _triggers("""
    Trump    Trump    PROPN NNP  nsubj 2
    recalled recall   VERB  VBD  ROOT  0
    their    their    PRON  PRP$ poss  5
    last     last     ADJ   JJ   amod  5
    meeting  meeting  NOUN  NN   dobj  2
    with     with     ADP   IN   prep  5
    Putin    Putin    PROPN NNP  pobj  6
    .        .        PUNCT .    punct 2
    """)
    assert is_background_reference(trigger, EN)


def test_a_report_becomes_an_encounter_with_its_subject_and_the_steps_that_read_them():
    doc = annotated(PHONE_CALL + LEADERS_DISCUSSED_IRAN)
    assert len(list(doc.sents)) == 2
    extraction = rule_extractor()(doc, article_for(doc))
    [encounter] = extraction.encounters
    assert encounter.kind is EncounterKind.PHONE_CALL
    assert encounter.participant_ids == ("emmanuel-macron", "xi-jinping")
    assert encounter.date.iso() == "2025-03-18"
    assert [d.subject.id for d in encounter.discussions] == ["IRN"]
    [said] = [d.evidence for d in encounter.discussions]
    assert (said.sentence_index, said.extractor) == (1, "kg.discussions.v1")
    assert {e.extractor for e in encounter.evidence} == {"kg.encounters.v1"}
    assert {m.evidence.extractor for m in extraction.mentions} == {"kg.mentions.v1"}
    assert {m.actor.id for m in extraction.mentions} == {"emmanuel-macron", "xi-jinping", "IRN"}
