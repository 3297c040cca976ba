"""The span an incoming title bounds: "President-elect Trump", "Prime Minister-designate Barnier" are so
called between the election (or nomination) and the first day of the office, so an encounter reported
with that title lies in such a span before one of the person's recorded terms of that office. The
endings are ``titles.incoming_suffixes`` of the lexicon; the terms come from the gazetteer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kg.extract.mentions import Mark, title_words
from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon
from kg.nlp.marks import MarkKind

# How long before the office a person is called "-elect": a presidential transition can take eight months
# (an election in February, the inauguration in October); a shorter reach could exclude the true day.
_LONGEST_WAIT = dt.timedelta(days=250)
_TITLE_TOKENS = 5  # "Prime Minister - designate": a title and its ending, as tokens


def incoming_title_roles(mark: Mark, lexicon: Lexicon) -> tuple[str, ...]:
    """The gazetteer roles of an incoming title right before a person's name ("President-elect Lee" ->
    head of state), or () when the name has none."""
    doc = mark.span.doc
    for length in range(1, min(_TITLE_TOKENS, mark.start) + 1):
        words = title_words(doc[mark.start - length : mark.start])
        for suffix in lexicon.titles.incoming_suffixes:
            base = words.removesuffix(suffix)
            if base != words and base in lexicon.titles.titles:
                return lexicon.titles.titles[base]
    return ()


def incoming_periods(
    marks: Iterable[Mark], participant_ids: set[str], lexicon: Lexicon, gazetteer: Gazetteer,
) -> tuple[tuple[dt.date, dt.date], ...]:
    """For each participant named with an incoming title among ``marks``: the spans (first, last day) before
    every recorded start of a term in the office the title names, sorted and without repeats."""
    periods: set[tuple[dt.date, dt.date]] = set()
    for mark in marks:
        if mark.kind != MarkKind.PERSON or mark.ref not in participant_ids:
            continue
        roles = incoming_title_roles(mark, lexicon)
        person = gazetteer.people.get(mark.ref) if roles else None
        if person is None:
            continue
        periods.update((term.start - _LONGEST_WAIT, term.start) for term in person.offices if term.role in roles)
    return tuple(sorted(periods))
