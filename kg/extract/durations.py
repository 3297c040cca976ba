"""Lengths of encounters ("an 85-minute call", "talked for about an hour and a half") in minutes; the words
are the ``dates`` section of the lexicon, compiled once per pipeline."""

from __future__ import annotations

import re

from kg.extract.dates import alternatives
from kg.lexicon.schema import DateWords


class DurationGrammar:
    """The length patterns of one language, compiled from its :class:`~kg.lexicon.schema.DateWords`."""

    def __init__(self, words: DateWords) -> None:
        self.numbers = words.numbers
        self.hour_units = frozenset(words.hour_units)
        number = r"(?P<num>\d+(?:\.\d+)?|" + alternatives(words.numbers) + r")"
        half = rf"(?P<half>{words.and_a_half})?"
        unit = r"(?P<unit>" + alternatives([*words.hour_units, *words.minute_units]) + r")"
        self.duration = re.compile(rf"\b{number}{half}[- ]{unit}(?P<half2>{words.and_a_half})?\b", re.I)
        self.fixed = list(words.fixed_lengths.values())
        self.fixed_length = re.compile(
            r"\b(?:" + "|".join(f"(?P<l{i}>{p})" for i, p in enumerate(words.fixed_lengths)) + r")\b", re.I)

    def _number(self, text: str) -> float:
        word = text.lower()
        return float(self.numbers[word]) if word in self.numbers else float(word)

    def minutes(self, text: str) -> int | None:
        """The first length stated in ``text``, in minutes (approximations keep their round figure)."""
        match = self.duration.search(text)
        if match:
            value = self._number(match.group("num"))
            if match.group("half") or match.group("half2"):
                value += 0.5
            minutes = value * 60 if match.group("unit").lower() in self.hour_units else value
            return int(round(minutes)) if 0 < minutes <= 24 * 60 else None
        other = self.fixed_length.search(text)
        if other:
            return next(self.fixed[int(name[1:])] for name, value in other.groupdict().items() if value)
        return None
