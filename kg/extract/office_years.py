"""The year of a weekday and a month-day written without one ("on Tuesday (November 18)" in an article with no
publication date): the one year, up to the gazetteer's horizon, on which that day is that weekday while every
participant held an office the gazetteer records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from kg.gazetteer import Gazetteer
from kg.records import ActorRef, DateClues

_EARLIEST_YEAR = 1945


def office_horizon(gazetteer: Gazetteer) -> dt.date | None:
    """The last day the gazetteer knows of: its latest recorded start or end of an office, plus a year (an
    office with no end is known to be held up to then, not forever)."""
    days = [d for p in gazetteer.people.values() for t in p.offices for d in (t.start, t.end) if d is not None]
    return max(days) + dt.timedelta(days=366) if days else None


def _in_office(day: dt.date, participants: Iterable[ActorRef], gazetteer: Gazetteer) -> bool:
    for actor in participants:
        person = gazetteer.people.get(actor.id)
        if person is None or not person.offices_on(day):
            return False
    return True


def day_from_offices(
    clues: DateClues, participants: Sequence[ActorRef], gazetteer: Gazetteer, horizon: dt.date | None,
) -> dt.date | None:
    """The one day fitting the weekday, month and day of ``clues`` (no year) while all ``participants`` held
    office, or None when there is no such day or more than one."""
    if None in (clues.weekday, clues.month, clues.day) or clues.year is not None or horizon is None:
        return None
    if len(participants) < 2:
        return None
    found = []
    for year in range(_EARLIEST_YEAR, horizon.year + 1):
        try:
            day = dt.date(year, clues.month, clues.day)
        except ValueError:
            continue
        if day <= horizon and clues.admits(day) and _in_office(day, participants, gazetteer):
            found.append(day)
            if len(found) > 1:
                return None
    return found[0] if found else None
