"""A visit told through what its visitor and host did there: "Macron urged Xi ... during his state visit to
Beijing", "The prime minister thanked the king for his hospitality during her visit to Amman". The subject and
the person object of the verb the visit phrase hangs from took part, when one of them belongs to the country
visited (the host) and the other does not (the visitor)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from kg.extract.mentions import Mark
from kg.extract.triggers import Trigger
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.records import ActorRef, EncounterKind

_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = 6


def visit_destinations(noun: Token, marks: Sequence[Mark], lexicon: Lexicon) -> set[str]:
    """The countries "visit to Beijing" goes to: country marks in the objects of its destination preposition."""
    preps = lexicon.triggers.destination_preps
    places = {g.i for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
              for o in c.children if o.dep_ == "pobj" for g in o.subtree}
    return {m.ref for m in marks if m.kind == "country" and any(t.i in places for t in m.span)}


def _framed_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The nearest verb with a subject above a "during the visit" phrase: what the phrase tells the time of
    ("urged Xi to help end the war and address ... during his visit", "commended her for her stance on
    reviving ties during her visit")."""
    frame = noun.head
    if noun.dep_ != "pobj" or frame.lower_ not in lexicon.participants.frame_preps:
        return None
    current = frame
    for _ in range(_CLIMB):
        current = current.head
        if current.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in current.children):
            return current
        if current.head == current:
            return None
    return None


def _person_in(token: Token, people: Sequence[tuple[Mark, ActorRef]]) -> ActorRef | None:
    return next((actor for mark, actor in people if mark.span.root == token), None)


def host_and_visitor(
    trigger: Trigger, people: Sequence[tuple[Mark, ActorRef]], marks: Sequence[Mark], gazetteer: Gazetteer,
    lexicon: Lexicon,
) -> tuple[ActorRef, ...]:
    """The visitor and the host of a visit noun framing what one did to the other (see the module), or ()."""
    noun = trigger.head
    if trigger.kind is not EncounterKind.STATE_VISIT or noun.pos_ != "NOUN":
        return ()
    destinations = visit_destinations(noun, marks, lexicon)
    if not destinations:
        return ()
    verb = _framed_verb(noun, lexicon)
    if verb is None:
        return ()
    subjects = [a for c in verb.children if c.dep_ == "nsubj" and (a := _person_in(c, people)) is not None]
    objects = [a for c in verb.children if c.dep_ == "dobj" and (a := _person_in(c, people)) is not None]
    if len({a.id for a in subjects}) != 1 or len({a.id for a in objects}) != 1 or subjects[0].id == objects[0].id:
        return ()
    pair = (subjects[0], objects[0])
    hosts = [a for a in pair if (p := gazetteer.people.get(a.id)) is not None and p.country in destinations]
    return pair if len(hosts) == 1 else ()
