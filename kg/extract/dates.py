"""Date expressions to :class:`~kg.records.PartialDate`, resolved against an anchor date when relative.

A date is never guessed: an expression that cannot be resolved (a weekday with no anchor) yields
``None`` or only what is certain (the year written next to it). The words (month and weekday names,
"yesterday", "in June") are the ``dates`` section of the lexicon; :class:`DateGrammar` compiles them once
per pipeline (:class:`kg.extract.context.RuleData` holds it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from kg.lexicon.schema import DateWords
from kg.records import PartialDate, Precision

_YEAR = r"(?P<year>(?:19|20)\d\d)"


def alternatives(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first (so "Sept" is tried before "Sep")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class DateGrammar:
    """The date patterns of one language, compiled from its :class:`~kg.lexicon.schema.DateWords`."""

    def __init__(self, words: DateWords) -> None:
        self.months = words.months
        self.weekdays = words.weekdays
        self.days_back = words.days_back
        month = r"(?P<month>" + alternatives([m.capitalize() for m in words.months]) + r")\.?"
        day = r"(?P<day>[0-3]?\d)(?:" + alternatives(words.day_suffixes) + r")?"
        of = r"(?:(?:" + alternatives(words.day_of) + r")\s+)?"
        self.patterns = (
            re.compile(rf"\b{month}\s+{day},?\s+{_YEAR}\b"),
            re.compile(rf"\b{day}\s+{of}{month},?\s+{_YEAR}\b"),
            re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<monthnum>[01]\d)-(?P<day>[0-3]\d)\b"),
            re.compile(rf"\b{month}\s+{day}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)"),
            re.compile(rf"\b{day}\s+{of}{month}\b(?!,?\s*(?:19|20)\d\d)"),
            re.compile(rf"\b{month},?\s+{_YEAR}\b"),
        )
        self.month_only = re.compile(
            rf"\b(?:{alternatives(words.month_only_cues)})\s+{month}(?!\s*[0-3]?\d)(?!,?\s*(?:19|20)\d\d)")
        self.weekday = re.compile(r"\b(?P<weekday>" + alternatives([d.capitalize() for d in words.weekdays]) + r")\b")
        self.weekday_before = re.compile(self.weekday.pattern + r",?\s+$")
        self.relative = re.compile(r"\b(?P<word>" + alternatives(words.days_back) + r")\b", re.I)
        self.year_only = re.compile(rf"\b(?:{alternatives(words.year_only_cues)})\s+{_YEAR}\b", re.I)

    def month_of(self, name: str) -> int:
        return self.months[name.lower().rstrip(".")]

    def parse_date(self, text: str, anchor: dt.date | None, *, context_year: int | None = None) -> PartialDate | None:
        """Parse the most precise date in ``text`` (a sentence or a date phrase).

        ``anchor`` is the publication date (or a dateline) for weekdays and "yesterday"; ``context_year`` is
        a year the article states, used for a month-day written without a year when there is no anchor.
        """
        for pattern in self.patterns:
            match = pattern.search(text)
            if not match:
                continue
            groups = match.groupdict()
            month = int(groups["monthnum"]) if groups.get("monthnum") else self.month_of(groups["month"])
            if groups.get("day") is None:
                value = _safe_date(int(groups["year"]), month, 1)
                return PartialDate(value, Precision.MONTH, match.group(0), "stated") if value else None
            day = int(groups["day"])
            year = int(groups["year"]) if groups.get("year") else _year_for(month, day, anchor, context_year)
            if year is None:
                continue
            value = _safe_date(year, month, day)
            if value is not None:
                return self._day_as_written(text, match, value)
        month_only = self.month_only.search(text)
        if month_only and anchor is not None:
            month = self.month_of(month_only.group("month"))
            year = anchor.year if month <= anchor.month else anchor.year - 1
            return PartialDate(dt.date(year, month, 1), Precision.MONTH, month_only.group(0), "relative")
        relative = self.resolve_relative(text, anchor)
        if relative is not None:
            return relative
        year_match = self.year_only.search(text)
        if year_match:
            year = int(year_match.group("year"))
            return PartialDate(dt.date(year, 1, 1), Precision.YEAR, year_match.group(0), "stated")
        return None

    def _day_as_written(self, text: str, match: re.Match[str], value: dt.date) -> PartialDate:
        """The day a full date states; written after a weekday that is not that day's ("Monday, March 5"
        for a Thursday), the article contradicts itself: the date is doubtful and its expression keeps the
        weekday, so that a report of the same encounter a day away may correct it (:mod:`kg.ingest.resolve`)."""
        before = self.weekday_before.search(text, 0, match.start())
        if before is None or self.weekdays[before.group("weekday").lower()] == value.weekday():
            return PartialDate(value, Precision.DAY, match.group(0), "stated")
        return PartialDate(value, Precision.DAY, text[before.start():match.end()], "stated", doubtful=True)

    def resolve_relative(self, text: str, anchor: dt.date | None) -> PartialDate | None:
        """"on Wednesday", "yesterday", "today" against the anchor; ``None`` without an anchor."""
        if anchor is None:
            return None
        word = self.relative.search(text)
        if word:
            offset = self.days_back[" ".join(word.group("word").lower().split())]
            return PartialDate(anchor - dt.timedelta(days=offset), Precision.DAY, word.group(0), "relative")
        weekday = self.weekday.search(text)
        if weekday:
            back = (anchor.weekday() - self.weekdays[weekday.group("weekday").lower()]) % 7
            return PartialDate(anchor - dt.timedelta(days=back), Precision.DAY, weekday.group(0), "relative")
        return None

    def find_dateline(self, text: str) -> dt.date | None:
        """A full date in the first lines of an article ("ANCHORAGE, Alaska – August 15, 2025 —")."""
        head = text[:300]
        for pattern in self.patterns[:3]:
            match = pattern.search(head)
            if match:
                found = self.parse_date(match.group(0), None)
                if found is not None and found.precision is Precision.DAY:
                    return found.value
        return None

    def date_clues_in(self, text: str) -> tuple[int | None, int | None, int | None]:
        """(weekday, month, day) written in ``text`` without a full date: "on Thursday, January 5", "Feb. 12"."""
        weekday = self.weekday.search(text)
        month = day = None
        for pattern in (self.patterns[3], self.patterns[4]):
            match = pattern.search(text)
            if match:
                month = self.month_of(match.group("month"))
                day = int(match.group("day"))
                break
        return (self.weekdays[weekday.group("weekday").lower()] if weekday else None), month, day


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, anchor: dt.date | None, fallback_year: int | None) -> int | None:
    """The year of a month-day written without one: the anchor's (or the year before when that would put
    the date more than a week after the anchor); without an anchor, the year the text gives nearby."""
    if anchor is not None:
        candidate = _safe_date(anchor.year, month, day)
        if candidate is not None and candidate > anchor + dt.timedelta(days=7):
            return anchor.year - 1
        return anchor.year
    return fallback_year


_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?!\d)")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")
_ANY_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def date_from_url(url: str | None) -> dt.date | None:
    """A publication date written into a news URL ("/2025/08/16/", "-2025-03-19-")."""
    if not url:
        return None
    match = _URL_DAY.search(url)
    if match:
        return _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def context_year(title: str | None, url: str | None) -> int | None:
    """A year the article's title or URL states, for dates written without one when nothing else anchors them."""
    for text in (title or "", url or ""):
        match = _URL_YEAR.search(text) if text is url else _ANY_YEAR.search(text)
        if match:
            return int(match.group(1))
    return None


