"""Dates of a sentence that belong to another event than the encounter it reports: the date of an earlier
or later event ("since the Republican took office in January", "hours after Trump took office on Monday")
and the date of a report about the encounter ("Hossain said on Tuesday that Yunus had raised it during the
meeting", "the ministry put out a statement on Monday saying the talks were due"). A report can come
days after the encounter, so its day is not the encounter's; what is said to the counterpart ("Guterres
told Putin on October 24 that ...") is the encounter itself."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.lexicon import Lexicon
from kg.nlp.doc_cache import entities_in


def governing_verb(token: Token) -> Token:
    """The nearest verb at or above ``token`` (the sentence root when there is none)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def in_other_time_clause(token: Token, event: Token, lexicon: Lexicon) -> bool:
    """The date sits under "since ..."/"after ..." that does not also hold ``event``: it dates
    another event ("the first call since the Republican took office in January 2025"), unless that event is
    the arrival of a visitor ("after arriving in Doha on July 2")."""
    links = lexicon.sightings.time_links
    arrivals = lexicon.triggers.arrival_lemmas
    event_ancestors = {t.i for t in event.ancestors} | {event.i}
    current, previous = token, token
    for _ in range(10):
        if current.i in event_ancestors:
            return False
        if current.lower_ in links:
            # "After arriving in Doha on July 2, the two leaders met": a visitor meets on arrival day
            return previous.lemma_.lower() not in arrivals
        if any(c.dep_ == "mark" and c.lower_ in links for c in current.children):
            # "since [the Republican took the White House in January 2025]"; "after he arrived ..." as above
            return current.lemma_.lower() not in arrivals
        if current.head == current:
            return False
        current, previous = current.head, current
    return False


_NAMED_THINGS = frozenset({"ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})


def in_clause_of_a_named_thing(token: Token, event: Token) -> bool:
    """The date sits in a relative clause on a named organization, place or event that does not hold
    ``event``: "on the sidelines of the General Assembly, which opens on Tuesday", "in Oslo, where the
    prize is awarded on Sunday" date that thing, not the encounter."""
    event_ancestors = {t.i for t in event.ancestors} | {event.i}
    current = token
    for _ in range(10):
        if current.i in event_ancestors or current.head == current:
            return False
        if current.dep_ == "relcl":
            return current.head.i not in event_ancestors and current.head.ent_type_ in _NAMED_THINGS
        current = current.head
    return False


_DATELINE_ENDS = frozenset({"—", "–", "-", "(", ":"})


def in_dateline(date: Span) -> bool:
    """"ANCHORAGE, Alaska – August 15, 2025 — Trump said ...", "Bratislava, April 28 (TASR) - ...": the date
    that opens a report before its first verb, set off by a dash, bracket or colon, is the report's own."""
    doc = date.doc
    if date.end >= len(doc) or doc[date.end].text not in _DATELINE_ENDS:
        return False
    sentence = date.sent
    return sentence.start == 0 and all(t.pos_ not in ("VERB", "AUX") for t in doc[sentence.start : date.start])


_COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj"})  # what a reporting verb says, not when or why


def _past_perfect(verb: Token, lexicon: Lexicon) -> bool:
    """"had raised", "had held": an event before the time the sentence speaks of."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in lexicon.sightings.perfect_auxiliaries for c in verb.children)


def _told_in(verb: Token, event: Token, lexicon: Lexicon) -> bool:
    """``event`` lies in what ``verb`` reports (its clause or object, not an adjunct: "After the meeting,
    Trump said on Thursday ..." dates the meeting too), as a noun ("revealed that his meeting with the King
    strengthened ties") or in a past perfect ("said on Tuesday that he had raised it during the meeting")."""
    earlier = event.pos_ not in ("VERB", "AUX")
    child = event
    while child.head.i != child.i and child.head.i != verb.i:
        earlier = earlier or _past_perfect(child, lexicon)
        child = child.head
    if child.head.i != verb.i or child.i == verb.i or child.dep_ not in _COMPLEMENTS:
        return False
    return earlier or _past_perfect(child, lexicon)


def dates_a_report(date: Span, event: Token | None, lexicon: Lexicon) -> bool:
    """The date is that of a reporting verb ("said", "issued a statement", "posted") under which an earlier
    encounter is told: ``event`` (the trigger) lies in what the verb reports, or, with no trigger, what the
    verb reports is in the past perfect. Not when it is said to a person ("told Putin on October 24"), nor
    a dateline; "Austin spoke with Shoigu, the Pentagon announced on Friday" tells the call of that day."""
    if in_dateline(date):
        return False
    verb = governing_verb(date.root)
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in lexicon.sightings.report_lemmas:
        return False
    if any(c.dep_ in ("dobj", "dative") and c.ent_type_ == "PERSON" for c in verb.children):
        return False
    if event is not None:
        return event.i != verb.i and _told_in(verb, event, lexicon)
    return any(c.dep_ == "ccomp" and _past_perfect(c, lexicon) for c in verb.children)


def modifies_one_of(date: Span, heads: frozenset[int]) -> bool:
    """The date belongs to the phrase of one of the nouns ``heads`` (token indexes): "the July 9-11 summit"."""
    token = date.root
    for _ in range(2):
        if token.head == token:
            return False
        token = token.head
        if token.i in heads:
            return True
    return False


def in_clause_of_event(date: Span, heads: frozenset[int]) -> bool:
    """The date is in a clause on one of the event nouns ``heads`` (token indexes): "the joint summit held in
    Dar es Salaam on February 8" dates that summit, not an encounter the sentence tells of besides."""
    token = date.root
    for _ in range(5):
        if token.head == token:
            return False
        if token.dep_ in ("acl", "relcl") and token.head.i in heads:
            return True
        token = token.head
    return False


def own_dates_text(sentence: Span, lexicon: Lexicon, event: Token | None = None,
                   unheld: frozenset[int] = frozenset()) -> str:
    """The sentence's text with the dates of other events and of reports blanked out, for reading the date
    of the encounter it tells of (``event``, its trigger when it has one) as a whole (the lede, a sentence
    naming the participants, the clues of a partial date); ``unheld`` are the planned or denied encounter
    nouns of the sentence, whose dates are theirs."""
    text = sentence.text
    offset = sentence.start_char
    holder = event if event is not None else sentence.root
    for ent in reversed(entities_in(sentence)):
        if ent.label_ == "DATE" and (in_other_time_clause(ent.root, holder, lexicon)
                                     or in_clause_of_a_named_thing(ent.root, holder)
                                     or dates_a_report(ent, event, lexicon) or modifies_one_of(ent, unheld)):
            start, end = ent.start_char - offset, ent.end_char - offset
            text = text[:start] + " " * (end - start) + text[end:]
    return text
