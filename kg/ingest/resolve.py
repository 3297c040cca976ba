"""Stage 4 (resolve): give an encounter the date another report of it states, when its own article
gives only part of the date.

An article with no publication date that says "on Tuesday", or one that writes "Feb. 12" with no year,
cannot date its encounter alone. If exactly one report of the same participants and kind family, in the
store or in the same ingest run, has a full date that fits every clue the article gives (weekday,
month, day, year, published-before, the week before publication), the encounter takes that date
(basis "corroborated") and so merges with it. Zero or several candidates: it stays as it was.
Then a month and day written without a year take the year that puts them on or before the article's
latest dated encounter ("the last time they spoke was on December 11").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kg.rdf import iris
from kg.rdf.vocab import KG_NS
from kg.records import Encounter, Extraction, PartialDate, Precision
from kg.store.base import Store

Key = tuple[str, tuple[str, ...]]

_DAY_ENCOUNTERS = f"""
PREFIX kg: <{KG_NS}>
SELECT DISTINCT ?call WHERE {{ ?call a kg:Encounter ; kg:datePrecision kg:DayPrecision }}
"""


class DatedEncounters:
    """Known day-precision encounters by (kind family, sorted participant ids)."""

    def __init__(self) -> None:
        self._days: dict[Key, set[dt.date]] = {}
        self._gatherings: dict[tuple[Key, dt.date], set[str]] = {}

    def add(self, family: str, participants: tuple[str, ...], day: dt.date, gatherings: tuple[str, ...] = ()) -> None:
        key = (family, tuple(sorted(participants)))
        self._days.setdefault(key, set()).add(day)
        self._gatherings.setdefault((key, day), set()).update(gatherings)

    def add_extraction(self, extraction: Extraction) -> None:
        for encounter in extraction.encounters:
            if encounter.date is not None and encounter.date.precision is Precision.DAY:
                self.add(encounter.kind.family, encounter.participant_ids, encounter.date.value,
                         encounter.gatherings)

    def add_store(self, store: Store) -> None:
        for row in store.select(_DAY_ENCOUNTERS):
            parsed = iris.parse_encounter_iri(row["call"].value)
            if parsed is not None:
                date, family, people = parsed
                try:
                    self.add(family, people, dt.date.fromisoformat(date))
                except ValueError:
                    continue

    def candidates(self, encounter: Encounter) -> set[dt.date]:
        key = (encounter.kind.family, encounter.participant_ids)
        clues = encounter.clues
        if clues is None:
            return set()
        days = {d for d in self._days.get(key, set()) if clues.admits(d)}
        if clues.gatherings:  # a bilateral meeting at a summit: the report of the same summit
            days = {d for d in days if self._gatherings.get((key, d), set()) & clues.gatherings}
        return days


def needs_resolution(extraction: Extraction) -> bool:
    return any(e.clues is not None for e in extraction.encounters)


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
    changed = changed or dated_by_article
    return replace(extraction, encounters=tuple(encounters)) if changed else extraction


def _date_month_days(encounters: list[Encounter]) -> tuple[list[Encounter], bool]:
    """"The last time Erdogan spoke with Zelenskyy was on December 11": a month and day without a year,
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
