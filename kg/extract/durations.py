"""Lengths of encounters ("an 85-minute call", "talked for about an hour and a half") in minutes."""

from __future__ import annotations

import re

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45,
    "fifty": 50, "sixty": 60, "ninety": 90,
}
_NUM = r"(?P<num>\d+(?:\.\d+)?|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_HALF = r"(?P<half>[- ]and[- ]a[- ]half)?"
_UNIT = r"(?P<unit>hours?|hrs?|minutes?|mins?)"
_DURATION = re.compile(rf"\b{_NUM}{_HALF}[- ]{_UNIT}(?P<half2>[- ]and[- ]a[- ]half)?\b", re.I)
_HOUR_LONG = re.compile(r"\b(?P<half>half[- ]an?[- ]hour|hour[- ]long|an hour|half[- ]hour)\b", re.I)


def _number(text: str) -> float:
    word = text.lower()
    return float(_NUMBERS[word]) if word in _NUMBERS else float(word)


def parse_duration_minutes(text: str) -> int | None:
    """The first length stated in ``text``, in minutes (approximations keep their round figure)."""
    match = _DURATION.search(text)
    if match:
        value = _number(match.group("num"))
        if match.group("half") or match.group("half2"):
            value += 0.5
        minutes = value * 60 if match.group("unit").lower().startswith("h") else value
        return int(round(minutes)) if 0 < minutes <= 24 * 60 else None
    other = _HOUR_LONG.search(text)
    if other:
        return 30 if other.group("half").lower().startswith("half") else 60
    return None
