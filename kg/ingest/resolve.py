"""Stage 4 (resolve): the identity of every encounter, and the date another report of it states when its
own article gives only part of the date.

Identity: :func:`identify` gives each encounter its :class:`~kg.keys.EncounterKey` (kind family, date at
its precision, sorted participants; undated ones scoped to their article). The mapping mints the
encounter's IRI from that key; nothing reads a key back out of an IRI.

An article with no publication date that says "on Tuesday", or one that writes "Feb. 12" with no year,
cannot date its encounter alone. If exactly one report of the same participants and kind family, in the
store or in the same ingest run, has a full date that fits every clue the article gives (weekday,
month, day, year, published-before, the week before publication, the span before an office a
"President-elect" is waiting for), the encounter takes that date
(basis "corroborated") and so merges with it. Several candidates: it stays as it was. None: the partial
reports of the same parties in other articles of the run are tried, each together with this one ("on
October 24" with no year in one, only the week before its publication on 25 October 2024 in the other):
if exactly one day fits both clue sets of some pair, and no other day fits another pair, both take it.
A pair must bound a span (a year, or a window's ends) and have compatible gatherings (one without, or a
summit in common); two "July 2"s with no year anywhere stay undated. An article that tells nothing of
when (no publication date, no date word) but says where ("met in Riyadh") is dated by the one report of
the same parties in the run dated to the day in the same country (the store keeps no places, so its
reports do not count here).
Two reports of one encounter may date it a day apart: the evening of a call in Brasilia is the next
morning in Beijing, and a writer may slip ("Monday, March 5" for a Thursday). A report dated to the day
moves to the day of a report of the same parties and kind family one day away only when the two days are
each other's only neighbours among those parties' reports (no chain of three days), no article of the run
reports both days (it tells them apart), and a second signal agrees: its own date contradicts itself (a
weekday that is not the stated day's) while a report of the other day does not (in the run or the store;
it takes that day), or both are calls (phone or video) that state the same duration (the later takes the
earlier day, the one the time zone behind gives; a report in the store keeps its day). Those who meet
share one clock, and two meetings a day apart are more often two days of a visit. The date keeps the
article's expression, with basis "corroborated". Such reports (a doubtful date, a call with a duration)
wait with the partial ones until the run is extracted.
An encounter told relative to the article's story ("The day before, Blinken had met Qin") whose story
encounter is dated only here takes that day plus the offset. Then a month and day written without a year
take the year that puts them on or before the article's
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
from kg.records import DateClues, Encounter, EncounterKind, Extraction, PartialDate, Precision
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
_DAY_DURATIONS = f"""
PREFIX kg: <{KG_NS}>
SELECT ?call ?minutes WHERE {{
  ?call a kg:Encounter ; kg:datePrecision kg:DayPrecision ; kg:durationMinutes ?minutes
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
    """Known day-precision encounters by their parties (kind family, participants), and the run's reports
    dated only in part (their clues, by article), which together may fix a day neither fixes alone."""

    def __init__(self) -> None:
        self._days: dict[Parties, set[dt.date]] = {}
        self._gatherings: dict[tuple[Parties, dt.date], set[str]] = {}
        self._venues: dict[tuple[Parties, dt.date], set[str]] = {}
        self._partial: dict[Parties, list[tuple[str, DateClues]]] = {}
        # the run's day-dated reports, by parties and day: (article, duration, doubtful date)
        self._reports: dict[tuple[Parties, dt.date], list[tuple[str, int | None, bool]]] = {}
        self._stored_durations: dict[tuple[Parties, dt.date], set[int]] = {}  # those of the store's reports

    def add(self, key: Parties, day: dt.date, gatherings: tuple[str, ...] = (), venues: tuple[str, ...] = ()) -> None:
        key = (key[0], tuple(sorted(key[1])))
        self._days.setdefault(key, set()).add(day)
        self._gatherings.setdefault((key, day), set()).update(gatherings)
        self._venues.setdefault((key, day), set()).update(venues)

    def add_extraction(self, extraction: Extraction) -> None:
        for encounter in extraction.encounters:
            if encounter.date is not None and encounter.date.precision is Precision.DAY:
                self.add(parties(encounter), encounter.date.value, encounter.gatherings, encounter.venues)
                report = (extraction.article.id, encounter.duration_minutes, encounter.date.doubtful)
                self._reports.setdefault((parties(encounter), encounter.date.value), []).append(report)
            elif encounter.clues is not None:
                self._partial.setdefault(parties(encounter), []).append((extraction.article.id, encounter.clues))

    def add_store(self, store: Store) -> None:
        """The day-dated encounters of the store, read from their triples (kind, date, participants, and
        the durations its reports state)."""
        found: dict[str, tuple[set[str], set[str], set[str]]] = {}
        durations: dict[str, set[int]] = {}
        for row in store.select(_DAY_DURATIONS):
            try:
                durations.setdefault(row["call"].value, set()).add(int(row["minutes"].value))
            except ValueError:
                continue
        for row in store.select(_DAY_ENCOUNTERS):
            families, days, people = found.setdefault(row["call"].value, (set(), set(), set()))
            if row["kind"].value in _FAMILY_OF_CLASS:
                families.add(_FAMILY_OF_CLASS[row["kind"].value])
            days.add(row["date"].value)
            people.add(row["participant"].value)
        for call, (families, days, people) in found.items():
            if len(families) != 1 or len(days) != 1:
                continue  # not one encounter's triples (an edited store): nothing to corroborate with
            try:
                day = dt.date.fromisoformat(days.pop())
            except ValueError:
                continue
            key = (families.pop(), tuple(sorted(people)))
            self.add(key, day)
            self._stored_durations.setdefault((key, day), set()).update(durations.get(call, ()))

    def candidates(self, encounter: Encounter) -> set[dt.date]:
        key = parties(encounter)
        clues = encounter.clues
        if clues is None:
            return set()
        days = {d for d in self._days.get(key, set()) if clues.admits(d)}
        if clues.gatherings:  # a bilateral meeting at a summit: the report of the same summit
            days = {d for d in days if self._gatherings.get((key, d), set()) & clues.gatherings}
        if clues.venues:  # nothing told of when, only where: the report of the same parties there
            days = {d for d in days if self._venues.get((key, d), set()) & clues.venues}
        return days

    def day_apart(self, encounter: Encounter, article_id: str) -> dt.date | None:
        """The day of the one other report of the same encounter that this report dates a day away, or
        ``None`` (see :func:`may_be_a_day_off`). The two days must be each other's only neighbours among the
        reports of the same parties (no chain of three days), no article of the run may report both (it
        tells them apart), and a second signal must agree: this report's date contradicts itself and a
        report whose date does not is on the other day (it takes that day), or the two are calls that state
        the same duration and the other day is the earlier (the later takes it: a day apart is what the same
        conversation is called across time zones, and the earlier day is the one the zone behind gives)."""
        if not may_be_a_day_off(encounter) or encounter.date is None:
            return None
        key, day = parties(encounter), encounter.date.value
        near = self._near(key, day)
        if len(near) != 1:
            return None
        other = near.pop()
        if self._near(key, other) - {day}:
            return None
        here, there = self._reports.get((key, day), []), self._reports.get((key, other), [])
        if {a for a, _, _ in here} & {a for a, _, _ in there}:
            return None  # one article reports both days: two encounters
        if encounter.date.doubtful:
            if any(not doubtful for a, _, doubtful in here if a != article_id):
                return None  # another report of this day confirms it
            if any(not doubtful for _, _, doubtful in there) or (not there and other in self._days.get(key, ())):
                return other  # a report of the other day that does not contradict itself (or the store's)
        if other < day and _timed_call(encounter):
            stated = {duration for _, duration, _ in there} | self._stored_durations.get((key, other), set())
            if encounter.duration_minutes in stated:
                return other
        return None

    def _near(self, key: Parties, day: dt.date) -> set[dt.date]:
        one = dt.timedelta(days=1)
        return {d for d in (day - one, day + one) if d in self._days.get(key, ())}

    def combined(self, encounter: Encounter, article_id: str) -> set[dt.date]:
        """The days that fit both this encounter's clues and those of another article's partial report of
        the same parties ("October 24" in one, the week before 25 October 2024 in the other), over every
        such report. Two clue sets that together give no bounded span (no year, no window) fix nothing."""
        clues = encounter.clues
        if clues is None:
            return set()
        days: set[dt.date] = set()
        for other_article, other in self._partial.get(parties(encounter), ()):
            if other_article != article_id and _same_gathering(clues, other):
                days |= common_days(clues, other)
        return days


def _same_gathering(a: DateClues, b: DateClues) -> bool:
    return not a.gatherings or not b.gatherings or bool(a.gatherings & b.gatherings)


def common_days(a: DateClues, b: DateClues) -> set[dt.date]:
    """Every day both clue sets admit, within the span they bound together (the latest "not before" to the
    earliest "not after", within a year either states or the periods either gives); an unbounded span gives
    no days."""
    year = a.year if a.year is not None else b.year
    if a.year is not None and b.year is not None and a.year != b.year:
        return set()
    starts = [d for d in (a.not_before, b.not_before) if d is not None]
    ends = [d for d in (a.not_after, b.not_after) if d is not None]
    for clues in (a, b):
        if clues.periods:
            starts.append(min(first for first, _ in clues.periods))
            ends.append(max(last for _, last in clues.periods))
    if year is not None:
        starts.append(dt.date(year, 1, 1))
        ends.append(dt.date(year, 12, 31))
    if not starts or not ends:
        return set()
    day, last = max(starts), min(ends)
    days = set()
    while day <= last:
        if a.admits(day) and b.admits(day):
            days.add(day)
        day += dt.timedelta(days=1)
    return days


def needs_resolution(extraction: Extraction) -> bool:
    return any(e.clues is not None or _undated_background(e) or may_be_a_day_off(e) for e in extraction.encounters)


def may_be_a_day_off(encounter: Encounter) -> bool:
    """A day-dated report that another report of the same encounter may date a day away: its own date
    contradicts itself, or it is a call that states a duration to compare."""
    date = encounter.date
    if date is None or date.precision is not Precision.DAY or encounter.background:
        return False
    return date.doubtful or _timed_call(encounter)


def _timed_call(encounter: Encounter) -> bool:
    """A call or video call with a stated duration: its parties may be in zones a day apart. Those who meet
    share a place and a clock, and a meeting reported a day later is more often the next day's meeting."""
    return encounter.kind.family == "remote" and encounter.duration_minutes is not None


def _undated_background(encounter: Encounter) -> bool:
    return encounter.background and (encounter.date is None or encounter.date.precision is not Precision.DAY)


def resolve(extraction: Extraction, known: DatedEncounters) -> Extraction:
    """The extraction with each partially dated encounter dated by its one fitting corroboration."""
    encounters = []
    changed = False
    for encounter in extraction.encounters:
        moved = known.day_apart(encounter, extraction.article.id)
        if moved is not None and encounter.date is not None:
            date = replace(encounter.date, value=moved, basis="corroborated", doubtful=False)
            encounters.append(replace(encounter, date=date))
            changed = True
            continue
        days = known.candidates(encounter) or known.combined(encounter, extraction.article.id)
        if len(days) == 1:
            day = days.pop()
            expression = encounter.date.expression if encounter.date else ""
            encounter = replace(encounter, date=PartialDate(day, Precision.DAY, expression, "corroborated"), clues=None)
            changed = True
        encounters.append(encounter)
    encounters, dated_by_article = _date_month_days(encounters)
    encounters, dated_by_story = _date_from_story(encounters)
    dated_by_article = dated_by_article or dated_by_story
    kept = [e for e in encounters if not _undated_background(e)]
    changed = changed or dated_by_article or len(kept) < len(encounters)
    encounters = kept
    return replace(extraction, encounters=tuple(encounters)) if changed else extraction


def _date_from_story(encounters: list[Encounter]) -> tuple[list[Encounter], bool]:
    """"The day before, Blinken had met Qin": an encounter told relative to the article's encounter, which
    another report has now dated, takes that day plus the days it is told from it (basis "relative")."""
    days = {e.participant_ids: e.date.value for e in encounters
            if e.date is not None and e.date.precision is Precision.DAY}
    result, changed = [], False
    for encounter in encounters:
        link = encounter.clues.story if encounter.clues is not None else None
        if link is not None and link[1] in days and (encounter.date is None or encounter.date.precision
                                                     is not Precision.DAY):
            day = days[link[1]] + dt.timedelta(days=link[0])
            expression = encounter.date.expression if encounter.date else ""
            encounter = replace(encounter, date=PartialDate(day, Precision.DAY, expression, "relative"), clues=None)
            changed = True
        result.append(encounter)
    return result, changed


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
