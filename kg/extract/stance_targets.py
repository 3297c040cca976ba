"""What a stance is about: an actor (a state, person or organization other than the holder and its own
country) named in the cue's objects, else a whole noun phrase of the text ("an immediate ceasefire in
Ukraine"), never a fragment: a phrase that would be too long is only its head noun's own phrase."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.attribution import Attribution
from kg.extract.mentions import Mark
from kg.gazetteer import Gazetteer
from kg.lexicon.schema import StanceWords

_MAX_WORDS = 12
_ORDER = {"dobj": 0, "dative": 0, "nsubj": 0, "nsubjpass": 0, "prep": 1, "acl": 1}
_MODIFIERS = ("det", "amod", "compound", "nummod", "poss", "case", "quantmod", "nmod")


def own_country(holder: Mark, gazetteer: Gazetteer) -> str | None:
    """The country a holder speaks for: itself, the country of an office, a person's country."""
    if holder.kind in ("country", "role"):
        return holder.ref
    person = gazetteer.people.get(holder.ref) if holder.kind == "person" else None
    return person.country if person is not None else None


def _other(mark: Mark, holder: Mark, own: str | None) -> bool:
    if mark.ref == holder.ref or mark.kind == "treaty":
        return False
    return not (mark.kind in ("country", "role") and mark.ref == own)


def target_of(objects: tuple[Token, ...], attribution: Attribution, holder: Mark, own: str | None,
              words: StanceWords) -> tuple[Mark | None, str | None]:
    """The actor the position is about, else the noun phrase that says what it is about."""
    ordered = sorted(objects, key=lambda t: (_ORDER.get(t.dep_, 2), t.i))
    for obj in ordered:
        aside = {t.i for c in obj.subtree if c.dep_ == "advcl" and c != obj for t in c.subtree}
        for token in obj.subtree:
            if token.i in aside:
                continue  # "developing ties, just hours after Trump was sworn in": when, not whom
            mark = next((m for m in attribution.actors if m.start <= token.i < m.end), None)
            if mark is not None and _other(mark, holder, own):
                return mark, None
    for obj in ordered:
        text = _phrase(obj, words)
        if text:
            return None, text
    return None, None


def _noun(obj: Token) -> Token | None:
    if obj.dep_ == "prep":  # the last object: "for de - escalation" is parsed as three
        return next((c for c in reversed(list(obj.children)) if c.dep_ in ("pobj", "pcomp")), None)
    if obj.pos_ in ("VERB", "AUX"):
        return next((c for c in obj.children if c.dep_ in ("dobj", "attr")), None)
    return obj


def _phrase(obj: Token, words: StanceWords) -> str | None:
    noun = _noun(obj)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ in words.empty_targets \
            or len(noun.text) < 3 or not noun.text.replace("-", "").isalpha():  # "de-escalation" is a word
        return None
    start = min([noun.i, *(c.left_edge.i for c in noun.lefts if c.dep_ in _MODIFIERS)])
    doc = noun.doc
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_:  # "de-escalation" split at its hyphen
        start -= 2
    end = _phrase_end(noun, start, words)
    span = doc[start:end]
    if any(t.is_punct and t.text not in ("-", "'s", "’s") for t in span):
        span = doc[noun.i : noun.i + 1]
    return span.text.strip() or None


def _phrase_end(noun: Token, start: int, words: StanceWords) -> int:
    """The end of ``noun``'s phrase with the prepositional phrases that follow it ("a proposal for a pause
    in strikes"), as long as the phrase stays short."""
    end = noun.i + 1
    for prep in noun.rights:
        if prep.dep_ != "prep" or prep.i != end or prep.lower_ not in words.phrase_preps:
            break
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            break
        right = _phrase_end(pobj, start, words)
        if right - start > _MAX_WORDS:
            break
        end = right
    return end
