"""Stage 4 (resolve): the identity of every encounter, and the date another report of it states when its
own article gives only part of the date.

Identity: :func:`identify` gives each encounter its :class:`~kg.keys.EncounterKey` (kind family, date at
its precision, sorted participants; undated ones scoped to their article). The mapping mints the
encounter's IRI from that key; nothing reads a key back out of an IRI.

An article with no publication date that says "on Tuesday", or one that writes "Feb. 12" with no year,
cannot date its encounter alone. If exactly one report of the same participants and kind family, in the
store or in the same ingest run, has a full date that fits every clue the article gives (weekday,
month, day, year, published-before, the week before publication), the encounter takes that date
(basis "corroborated") and so merges with it. Zero or several candidates: it stays as it was.
Then a month and day written without a year take the year that puts them on or before the article's
latest dated encounter ("the last time they spoke was on December 11"). Last, an earlier encounter the
article mentions only in passing ("they last met in May", "at last year's APEC meeting") is kept only when
it is now dated to the day: by a month alone it cannot be told apart from any other of that month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kg.keys import EncounterKey
from kg.rdf import iris
from kg.rdf.vocab import KG, KG_NS
from kg.records import Encounter, EncounterKind, Extraction, PartialDate, Precision
from kg.store.base import Store

# (kind family, sorted participant IRIs): what two reports of one encounter share besides the date. The
# participants are named by their IRIs, as the graph names them, so a report in the store and one in this
# run compare alike without any IRI being decoded.
Parties = tuple[str, tuple[str, ...]]

_FAMILY_OF_CLASS = {getattr(KG, kind.value): kind.family for kind in EncounterKind}
_DAY_ENCOUNTERS = f"""
PREFIX kg: <{KG_NS}>
SELECT ?call ?kind ?date ?participant WHERE {{
  ?call a kg:Encounter ; a ?kind ; kg:datePrecision kg:DayPrecision ; kg:date ?date ; kg:participant ?participant
}}
"""


def encounter_key(encounter: Encounter, article_id: str) -> EncounterKey:
    """Identity of an encounter: kind family, date at its precision, sorted participant ids. Without a
    date, the key is scoped to the article, so undated reports never merge across articles."""
    when = encounter.date.iso() if encounter.date else None
    return EncounterKey(encounter.kind.family, encounter.participant_ids, when, None if when else article_id)


def identify(extraction: Extraction) -> Extraction:
    """The extraction with every encounter's identity key set (after any date resolution)."""
    article_id = extraction.article.id
    encounters = tuple(replace(e, key=encounter_key(e, article_id)) for e in extraction.encounters)
    return replace(extraction, encounters=encounters)


def parties(encounter: Encounter) -> Parties:
    return encounter.kind.family, tuple(sorted(iris.actor(p).value for p in encounter.participants))


class DatedEncounters:
    """Known day-precision encounters by their parties (kind family, participants)."""

    def __init__(self) -> None:
        self._days: dict[Parties, set[dt.date]] = {}
        self._gatherings: dict[tuple[Parties, dt.date], set[str]] = {}

    def add(self, key: Parties, day: dt.date, gatherings: tuple[str, ...] = ()) -> None:
        key = (key[0], tuple(sorted(key[1])))
        self._days.setdefault(key, set()).add(day)
        self._gatherings.setdefault((key, day), set()).update(gatherings)

    def add_extraction(self, extraction: Extraction) -> None:
        for encounter in extraction.encounters:
            if encounter.date is not None and encounter.date.precision is Precision.DAY:
                self.add(parties(encounter), encounter.date.value, encounter.gatherings)

    def add_store(self, store: Store) -> None:
        """The day-dated encounters of the store, read from their triples (kind, date, participants)."""
        found: dict[str, tuple[set[str], set[str], set[str]]] = {}
        for row in store.select(_DAY_ENCOUNTERS):
            families, days, people = found.setdefault(row["call"].value, (set(), set(), set()))
            if row["kind"].value in _FAMILY_OF_CLASS:
                families.add(_FAMILY_OF_CLASS[row["kind"].value])
            days.add(row["date"].value)
            people.add(row["participant"].value)
        for families, days, people in found.values():
            if len(families) != 1 or len(days) != 1:
                continue  # not one encounter's triples (an edited store): nothing to corroborate with
            try:
                day = dt.date.fromisoformat(days.pop())
            except ValueError:
                continue
            self.add((families.pop(), tuple(people)), day)

    def candidates(self, encounter: Encounter) -> set[dt.date]:
        key = parties(encounter)
        clues = encounter.clues
        if clues is None:
            return set()
        days = {d for d in self._days.get(key, set()) if clues.admits(d)}
        if clues.gatherings:  # a bilateral meeting at a summit: the report of the same summit
            days = {d for d in days if self._gatherings.get((key, d), set()) & clues.gatherings}
        return days


def needs_resolution(extraction: Extraction) -> bool:
    return any(e.clues is not None or _undated_background(e) for e in extraction.encounters)


def _undated_background(encounter: Encounter) -> bool:
    return encounter.background and (encounter.date is None or encounter.date.precision is not Precision.DAY)


def resolve(extraction: Extraction, known: DatedEncounters) -> Extraction:
    """The extraction with each partially dated encounter dated by its one fitting corroboration."""
    encounters = []
    changed = False
    for encounter in extraction.encounters:
        days = known.candidates(encounter)
        if len(days) == 1:
            day = days.pop()
            expression = encounter.date.expression if encounter.date else ""
            encounter = replace(encounter, date=PartialDate(day, Precision.DAY, expression, "corroborated"), clues=None)
            changed = True
        encounters.append(encounter)
    encounters, dated_by_article = _date_month_days(encounters)
    kept = [e for e in encounters if not _undated_background(e)]
    changed = changed or dated_by_article or len(kept) < len(encounters)
    encounters = kept
    return replace(extraction, encounters=tuple(encounters)) if changed else extraction


def _date_month_days(encounters: list[Encounter]) -> tuple[list[Encounter], bool]:
    """"Lula last spoke with Milei on March 3": a month and day without a year,
    in an article whose encounter is dated, falls on or before that date (the latest such day)."""
    dated = [e.date.value for e in encounters if e.date is not None and e.date.precision is Precision.DAY]
    if not dated:
        return encounters, False
    reference = max(dated)
    result, changed = [], False
    for encounter in encounters:
        clues = encounter.clues
        if clues is not None and clues.month is not None and clues.day is not None and clues.year is None:
            same_year = (clues.month, clues.day) <= (reference.month, reference.day)
            year = reference.year if same_year else reference.year - 1
            try:
                day = dt.date(year, clues.month, clues.day)
            except ValueError:
                result.append(encounter)
                continue
            if clues.admits(day):
                expression = encounter.date.expression if encounter.date else ""
                encounter = replace(encounter, date=PartialDate(day, Precision.DAY, expression, "relative"), clues=None)
                changed = True
        result.append(encounter)
    return result, changed
