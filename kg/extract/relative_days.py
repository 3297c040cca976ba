"""Dates told relative to the article's own story: "earlier the same day", "the day before", "the next day".

Such a phrase names no calendar date; it takes the date of the encounter the story reported just before it
("Xi talked to Putin on Friday (Feb. 25). Earlier on the same day, Wang Yi spoke by phone with Lavrov").
"The day after Trump was inaugurated" is relative to another event, not to the story, and is left alone.
The phrases are the ``same_day``, ``day_before`` and ``day_after`` patterns of the lexicon's ``dates`` section
("a day after his arrival" is anchored to the arrival; a day phrase standing alone is anchored to the story).
"""

from __future__ import annotations

import re

from kg.lexicon.schema import DateWords


class StoryDays:
    """The story-relative day phrases of one language, compiled once per pipeline."""

    def __init__(self, words: DateWords) -> None:
        self.patterns = tuple(
            (re.compile("|".join(f"(?:{p})" for p in patterns), re.I), offset)
            for patterns, offset in ((words.same_day, 0), (words.day_before, -1), (words.day_after, 1))
        )

    def offset(self, text: str) -> tuple[int, str] | None:
        """Days from the story's encounter to the one ``text`` reports (0 same day, -1 day before, +1 next
        day) and the phrase that says so; ``None`` when the text has no such phrase."""
        for pattern, offset in self.patterns:
            match = pattern.search(text)
            if match:
                return offset, match.group(0)
        return None
