"""Stances: an actor (subject of a position verb) holding a polarity towards a target."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.mentions import Mark
from kg.lexicon import Lexicon
from kg.records import Polarity

_MAX_QUOTE_WORDS = 30
_MAX_TARGET_WORDS = 12


@dataclass(frozen=True)
class StanceDraft:
    holder: Mark
    polarity: Polarity
    verb: Token
    target: Mark | None
    target_text: str | None
    quote: str


def _polarity_of(verb: Token, lexicon: Lexicon) -> Polarity | None:
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prep", "advmod", "prt", "xcomp")}
    for polarity, cues in lexicon.stances.polarity.items():
        for cue in cues:
            words = cue.split()
            if words[0] != lemma:
                continue
            if len(words) == 1 or words[1] in particles:
                return polarity
    return None


def _mark_at(token: Token, marks: list[Mark]) -> Mark | None:
    return next((m for m in marks if m.start <= token.i < m.end), None)


def _quote(sentence: Span, verb: Token) -> str:
    words = sentence.text.split()
    if len(words) <= _MAX_QUOTE_WORDS:
        return sentence.text.strip()
    position = len(sentence.doc[sentence.start : verb.i].text.split())
    start = max(0, min(position - 8, len(words) - _MAX_QUOTE_WORDS))
    return " ".join(words[start : start + _MAX_QUOTE_WORDS])


_ACTOR_KINDS = ("person", "role", "country", "organization")


def _noun_stance(verb: Token, lexicon: Lexicon) -> tuple[Polarity, list[Token]] | None:
    """"reiterated his support for Ukraine", "raised concerns about ...": a reporting verb carrying a
    position noun; the noun's prepositional objects are the target."""
    words = lexicon.stances
    if verb.lemma_.lower() not in words.carriers:
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for noun in (obj, *obj.conjuncts):
            polarity = words.noun_polarity.get(noun.lower_)
            if polarity is not None:
                return polarity, [c for c in noun.children if c.dep_ == "prep" and c.lower_ in words.target_preps]
    return None


def _holders(verb: Token, in_sentence: list[Mark], earlier: list[Mark], lexicon: Lexicon) -> list[Mark]:
    """The verb's subjects that are actors; "he"/"she" stands for the last person named before it."""
    holders: list[Mark] = []
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        for token in [subject, *subject.conjuncts]:
            mark = _mark_at(token, in_sentence)
            if mark is None and token.lower_ in lexicon.stances.pronouns:
                before = [m for m in earlier if m.kind in ("person", "role") and m.start < token.i]
                mark = before[-1] if before else None
            if mark is not None and mark.kind in _ACTOR_KINDS and mark not in holders:
                holders.append(mark)
    return holders


def _target(objects: list[Token], in_sentence: list[Mark], holders: list[Mark]) -> tuple[Mark | None, str | None]:
    for obj in objects:
        for token in obj.subtree:
            mark = _mark_at(token, in_sentence)
            if mark is not None and mark not in holders and mark.kind in ("country", "organization", "person"):
                return mark, None
    if not objects:
        return None, None
    words = [t.text for t in objects[0].subtree]
    if objects[0].dep_ == "prep":
        words = words[1:]
    return None, " ".join(words[:_MAX_TARGET_WORDS]).strip() or None


def find_stances(sentence: Span, marks: list[Mark], lexicon: Lexicon) -> list[StanceDraft]:
    in_sentence = [m for m in marks if sentence.start <= m.start < sentence.end]
    earlier = [m for m in marks if m.start < sentence.end]
    drafts: list[StanceDraft] = []
    for verb in sentence:
        if verb.pos_ != "VERB":
            continue
        carried = _noun_stance(verb, lexicon)
        if carried is not None:
            polarity, objects = carried
        else:
            polarity = _polarity_of(verb, lexicon)
            objects = [c for c in verb.children if c.dep_ in ("dobj", "prep", "xcomp", "ccomp", "attr", "acomp")]
        if polarity is None:
            continue
        holders = _holders(verb, in_sentence, earlier, lexicon)
        if not holders:
            continue
        target, target_text = _target(objects, in_sentence, holders)
        if target is None and target_text is None:
            continue
        for holder in holders:
            drafts.append(StanceDraft(holder, polarity, verb, target, target_text, _quote(sentence, verb)))
    return drafts
