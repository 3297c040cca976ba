"""Dates at their precision, as the views show them: the graph keeps ``2026-02-04``, ``2026-02`` or
``2026`` (``xsd:date``, ``xsd:gYearMonth``, ``xsd:gYear``), and a month or a year is a period — drawn as
one, and labelled as known to the month or year only — never a first of the month passed off as a day."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

PRECISION_NOTES = {"month": "month only", "year": "year only"}


@dataclass(frozen=True)
class Period:
    """The days an ISO date of any precision covers."""

    first: dt.date
    last: dt.date
    precision: str  # "day", "month" or "year"

    @property
    def precise(self) -> bool:
        return self.precision == "day"

    @property
    def middle(self) -> dt.date:
        return self.first + (self.last - self.first) / 2


def period(value: str) -> Period | None:
    """``2026-02-04`` -> that day; ``2026-02`` -> 1 to 28 February; ``2026`` -> the year; else None."""
    parts = value.split("-")
    if not value or len(parts) > 3 or not all(p.isdigit() for p in parts):
        return None
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            day = dt.date(*numbers)
            return Period(day, day, "day")
        if len(numbers) == 2:
            year, month = numbers
            return Period(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), "month")
        return Period(dt.date(numbers[0], 1, 1), dt.date(numbers[0], 12, 31), "year")
    except ValueError:
        return None


def date_range(value: str) -> tuple[str, str]:
    """First and last day as ISO strings: '2026-02' -> ('2026-02-01', '2026-02-28'); ('', '') if not a date."""
    found = period(value)
    return (found.first.isoformat(), found.last.isoformat()) if found else ("", "")


def date_label(value: str) -> str:
    """The date as the reader should see it: '2026-02-04'; '2026-02 (month only)'; '2026 (year only)';
    'unknown' when there is none (a value that is no ISO date is shown as it is)."""
    if not value:
        return "unknown"
    found = period(value)
    note = PRECISION_NOTES.get(found.precision, "") if found else ""
    return f"{value} ({note})" if note else value
