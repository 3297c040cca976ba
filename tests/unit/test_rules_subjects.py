"""Discussed-subject and linking rules without the model: descriptors, venues, denied discussions,
the writer's framing, own countries, topics, and sentences tied to an encounter by who speaks."""

from __future__ import annotations

from kg.extract.subjects import (
    discussed_marks,
    discussed_topics,
    in_background_clause,
    is_descriptor,
    is_negated,
    is_venue,
)
from kg.lexicon import load_lexicon
from kg.nlp.phrase_marker import TOPICS
from tests.unit.handmade import PHONE_CALL, annotated, article_for, context, gazetteer, rule_extractor

EN = load_lexicon("en")


def _mark(ctx, ref: str):
    return next(m for m in ctx.marks if m.ref == ref)


def test_a_country_before_a_title_describes_a_person():
    ctx = context(annotated("""
    Russian    russian    ADJ   JJ  amod     2
    President  president  PROPN NNP compound 3
    Putin      Putin      PROPN NNP nsubj    4
    spoke      speak      VERB  VBD ROOT     0
    with       with       ADP   IN  prep     4
    Macron     Macron     PROPN NNP pobj     5
    .          .          PUNCT .   punct    4
    """))
    assert is_descriptor(_mark(ctx, "RUS"), list(ctx.marks), EN)


def test_a_denied_discussion_is_not_a_subject():
    ctx = context(annotated("""
    They     they     PRON  PRP nsubj 4
    did      do       AUX   VBD aux   4
    not      not      PART  RB  neg   4
    discuss  discuss  VERB  VB  ROOT  0
    Iran     Iran     PROPN NNP dobj  4
    or       or       CCONJ CC  cc    5
    sanctions sanction NOUN NNS conj  5
    .        .        PUNCT .   punct 4
    """))
    assert is_negated(_mark(ctx, "IRN").span.root, EN)
    assert discussed_topics(ctx.sentences[0], list(ctx.doc.spans[TOPICS]), EN) == []


def test_topics_named_in_a_sentence():
    ctx = context(annotated("""
    They      they      PRON  PRP nsubj 2
    discussed discuss   VERB  VBD ROOT  0
    trade     trade     NOUN  NN  dobj  2
    and       and       CCONJ CC  cc    3
    energy    energy    NOUN  NN  conj  3
    .         .         PUNCT .   punct 2
    """))
    assert discussed_topics(ctx.sentences[0], list(ctx.doc.spans[TOPICS]), EN) == ["trade", "energy"]


def test_where_they_met_is_a_venue_not_a_subject():
    ctx = context(annotated("""
    Putin    Putin    PROPN NNP nsubj 2
    met      meet     VERB  VBD ROOT  0
    Xi       Xi       PROPN NNP dobj  2
    in       in       ADP   IN  prep  2
    Beijing  Beijing  PROPN NNP pobj  4
    .        .        PUNCT .   punct 2
    """))
    assert is_venue(_mark(ctx, "CHN"), EN)


def test_the_writers_framing_is_background():
    ctx = context(annotated("""
    Amid      amid      ADP   IN  prep   7
    tensions  tension   NOUN  NNS pobj   1
    over      over      ADP   IN  prep   2
    Iran      Iran      PROPN NNP pobj   3
    ,         ,         PUNCT ,   punct  7
    Putin     Putin     PROPN NNP nsubj  7
    spoke     speak     VERB  VBD ROOT   0
    with      with      ADP   IN  prep   7
    Macron    Macron    PROPN NNP pobj   8
    .         .         PUNCT .   punct  7
    """))
    assert in_background_clause(_mark(ctx, "IRN").span.root, EN)


def test_the_participants_own_countries_are_not_subjects():
    ctx = context(annotated("""
    Macron    Macron    PROPN NNP nsubj 4
    and       and       CCONJ CC  cc    1
    Xi        Xi        PROPN NNP conj  1
    discussed discuss   VERB  VBD ROOT  0
    France    France    PROPN NNP dobj  4
    and       and       CCONJ CC  cc    5
    Iran      Iran      PROPN NNP conj  5
    .         .         PUNCT .   punct 4
    """))
    participants = {"emmanuel-macron", "xi-jinping"}
    found = discussed_marks(ctx.sentences[0], ctx.triggers[0], ctx.marks, {"FRA", "CHN"}, participants,
                            gazetteer(), EN)
    assert [(kind, ref) for kind, ref, _ in found] == [("country", "IRN")]


def test_what_a_participants_government_said_is_about_the_encounter():
    doc = annotated(PHONE_CALL + """
    Beijing    Beijing    PROPN NNP nsubj   11
    said       say        VERB  VBD ROOT    0
    Iran       Iran       PROPN NNP nsubjpass 14
    was        be         AUX   VBD auxpass 14
    raised     raise      VERB  VBN ccomp   11
    .          .          PUNCT .   punct   11
    """)
    [encounter] = rule_extractor()(doc, article_for(doc)).encounters
    assert [(d.subject.id, d.evidence.sentence_index) for d in encounter.discussions] == [("IRN", 1)]


def test_a_sentence_nobody_of_the_encounter_says_is_not_linked():
    doc = annotated(PHONE_CALL + """
    Iran       Iran       PROPN NNP nsubj   11
    denies     deny       VERB  VBZ ROOT    0
    the        the        DET   DT  det     13
    charges    charge     NOUN  NNS dobj    11
    .          .          PUNCT .   punct   11
    """)
    [encounter] = rule_extractor()(doc, article_for(doc)).encounters
    assert encounter.discussions == ()


def test_what_is_to_come_in_a_sentence_of_the_encounter_is_not_a_subject():
    ctx = context(annotated("""
    Delegations delegation NOUN  NNS nsubj  2
    are         be         AUX   VBP ROOT   0
    to          to         PART  TO  aux    4
    gather      gather     VERB  VB  xcomp  2
    in          in         ADP   IN  prep   4
    Rome        Rome       PROPN NNP pobj   5
    for         for        ADP   IN  prep   4
    talks       talk       NOUN  NNS pobj   7
    on          on         ADP   IN  prep   8
    Iran        Iran       PROPN NNP pobj   9
    .           .          PUNCT .   punct  2
    """))
    found = discussed_marks(ctx.sentences[0], ctx.triggers[0], ctx.marks, set(), set(), gazetteer(), EN)
    assert found == []



def test_the_sidelines_of_a_summit_are_its_venue_whatever_the_parse():
    ctx = context(annotated("""
    Putin     Putin     PROPN NNP nsubj   2
    met       meet      VERB  VBD ROOT    0
    Xi        Xi        PROPN NNP dobj    2
    on        on        ADP   IN  prep    2
    the       the       DET   DT  det     6
    sidelines sideline  NOUN  NNS pobj    4
    of        of        ADP   IN  prep    6
    an        an        DET   DT  punct   2
    APEC      APEC      PROPN NNP compound 10
    meeting   meeting   NOUN  NN  preconj 8
    """))
    assert is_venue(_mark(ctx, "APEC"), EN)  # the parser hung "meeting" on the article
