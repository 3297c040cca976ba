"""Stances: an actor (subject of a position verb) holding a polarity towards a target."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mark
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
    for polarity, cues in lexicon.stance_cues.items():
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


def find_stances(sentence: Span, marks: list[Mark], lexicon: Lexicon) -> list[StanceDraft]:
    in_sentence = [m for m in marks if sentence.start <= m.start < sentence.end]
    drafts: list[StanceDraft] = []
    for verb in sentence:
        if verb.pos_ != "VERB":
            continue
        polarity = _polarity_of(verb, lexicon)
        if polarity is None:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        holders: list[Mark] = []
        for subject in subjects:
            for token in [subject, *subject.conjuncts]:
                mark = _mark_at(token, in_sentence)
                actor_kinds = ("person", "role", "country", "organization")
                if mark is not None and mark.kind in actor_kinds and mark not in holders:
                    holders.append(mark)
        if not holders:
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "prep", "xcomp", "ccomp", "attr", "acomp")]
        target: Mark | None = None
        target_text: str | None = None
        for obj in objects:
            for token in obj.subtree:
                mark = _mark_at(token, in_sentence)
                if mark is not None and mark not in holders and mark.kind in ("country", "organization", "person"):
                    target = mark
                    break
            if target is not None:
                break
        if objects and target is None:
            words = [t.text for t in objects[0].subtree]
            if objects[0].dep_ == "prep":
                words = words[1:]
            target_text = " ".join(words[:_MAX_TARGET_WORDS]).strip() or None
        if target is None and target_text is None:
            continue
        for holder in holders:
            drafts.append(StanceDraft(holder, polarity, verb, target, target_text, _quote(sentence, verb)))
    return drafts
