"""Stance and treaty rules without the model."""

from __future__ import annotations

import pytest

from kg.extract.attribution import Attribution
from kg.extract.stances import find_stances
from kg.extract.treaties import is_reaffirmed, treaty_names
from kg.extract.treaty_links import TreatyIndex
from kg.lexicon import load_lexicon
from kg.records import Polarity
from tests.unit.handmade import annotated, article_for, context, gazetteer, rule_extractor

EN = load_lexicon("en")


def _drafts(table: str, sentence: int = 0):
    ctx = context(annotated(table))
    attribution = Attribution(ctx.doc, ctx.sentences, list(ctx.marks), EN.stances)
    return find_stances(ctx.sentences[sentence], attribution, ctx.gazetteer, EN)


POSITIONS = {
    "a position verb with actors as subject and object": ("""
    Putin      Putin      PROPN NNP nsubj 2
    condemned  condemn    VERB  VBD ROOT  0
    NATO       NATO       PROPN NNP dobj  2
    .          .          PUNCT .   punct 2
    """, ("vladimir-putin", Polarity.OPPOSE, "NATO")),
    "a position noun carried by a reporting verb": ("""
    Xi          Xi          PROPN NNP  nsubj 2
    reiterated  reiterate   VERB  VBD  ROOT  0
    his         his         PRON  PRP$ poss  4
    support     support     NOUN  NN   dobj  2
    for         for         ADP   IN   prep  4
    Iran        Iran        PROPN NNP  pobj  5
    .           .           PUNCT .    punct 2
    """, ("xi-jinping", Polarity.SUPPORT, "IRN")),
}


@pytest.mark.parametrize(("table", "expected"), POSITIONS.values(), ids=POSITIONS.keys())
def test_holder_polarity_and_target(table: str, expected: tuple):
    [draft] = _drafts(table)
    assert (draft.holder.ref, draft.polarity, draft.target.ref) == expected


def test_a_pronoun_holder_is_the_last_person_named():
    [draft] = _drafts("""
    Macron  Macron  PROPN NNP nsubj 2
    arrived arrive  VERB  VBD ROOT  0
    .       .       PUNCT .   punct 2
    He      he      PRON  PRP nsubj 5
    urged   urge    VERB  VBD ROOT  0
    restraint restraint NOUN NN dobj 5
    .       .       PUNCT .   punct 5
    """, sentence=1)
    assert (draft.holder.ref, draft.polarity, draft.target, draft.target_text) == (
        "emmanuel-macron", Polarity.CALL_FOR, None, "restraint")


def test_stances_reach_the_extraction_with_their_step():
    doc = annotated(POSITIONS["a position verb with actors as subject and object"][0])
    [stance] = rule_extractor()(doc, article_for(doc)).stances
    assert (stance.holder.id, stance.target.id, stance.evidence.extractor) == (
        "vladimir-putin", "NATO", "kg.stances.v1")


TREATIES = """
Putin       Putin       PROPN NNP nsubj    4
and         and         CCONJ CC  cc       1
Trump       Trump       PROPN NNP conj     1
reaffirmed  reaffirm    VERB  VBD ROOT     0
New         New         PROPN NNP compound 6
START       START       PROPN NNP dobj     4
and         and         CCONJ CC  cc       6
the         the         DET   DT  det      9
Treaty      Treaty      PROPN NNP conj     6
of          of          ADP   IN  prep     9
Good        Good        PROPN NNP compound 12
Neighbourliness Neighbourliness PROPN NNP pobj 10
.           .           PUNCT .   punct    4
"""


def _index() -> TreatyIndex:
    return TreatyIndex.build(gazetteer().treaties.values(), EN.treaties)


def test_treaties_from_the_gazetteer_and_by_their_capitalised_name():
    ctx = context(annotated(TREATIES))
    names = treaty_names(ctx.doc, list(ctx.marks), _index(), EN)
    assert [(n.id, n.name, n.year) for n in names] == [
        ("new-start-2010", "New START", 2010),
        ("treaty-treaty-of-good-neighbourliness", "Treaty of Good Neighbourliness", None),
    ]
    assert is_reaffirmed(ctx.sentences[0], EN)


def test_a_name_of_generic_words_is_no_treaty():
    ctx = context(annotated("""
    They   they   PRON  PRP nsubj 2
    signed sign   VERB  VBD ROOT  0
    the    the    DET   DT  det   5
    new    new    ADJ   JJ  amod  5
    Agreement agreement PROPN NNP dobj 2
    .      .      PUNCT .   punct 2
    """))
    assert treaty_names(ctx.doc, list(ctx.marks), _index(), EN) == []
    assert not is_reaffirmed(ctx.sentences[0], EN)


def test_treaty_mentions_carry_their_step():
    doc = annotated(TREATIES)
    mentions = rule_extractor()(doc, article_for(doc)).treaties
    assert [(m.treaty_id, m.parties, m.evidence.extractor) for m in mentions] == [
        ("new-start-2010", ("RUS", "USA"), "kg.treaties.v1"),
        ("treaty-treaty-of-good-neighbourliness", (), "kg.treaties.v1"),
    ]
