"""Dates told relative to the article's own story: "earlier the same day", "the day before", "the next day".

Such a phrase names no calendar date; it takes the date of the encounter the story reported just before it
("Xi talked to Putin on Friday (Feb. 25). Earlier on the same day, Wang Yi spoke by phone with Lavrov").
"The day after Trump was inaugurated" is relative to another event, not to the story, and is left alone.
"""

from __future__ import annotations

import re

_SAME_DAY = re.compile(
    r"\b(?:(?:earlier|later)\s+)?(?:on\s+)?(?:that|the)\s+same\s+day\b(?!\s+(?:that|as|when|of)\b)"
    r"|\b(?:earlier|later)\s+that\s+day\b",
    re.I,
)
_DAY_BEFORE = re.compile(r"\b(?:the\s+day\s+(?:before|prior)|the\s+previous\s+day|a\s+day\s+earlier)\b(?!\s+\w)", re.I)
_DAY_AFTER = re.compile(r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later)\b(?!\s+(?:after|\w+ed)\b)", re.I)
# "a day after his arrival" is anchored to the arrival; a day phrase standing alone ("The day before, ...")
# is anchored to the story


def story_day_offset(text: str) -> tuple[int, str] | None:
    """Days from the story's encounter to the one ``text`` reports (0 same day, -1 day before, +1 next day)
    and the phrase that says so; ``None`` when the text has no such phrase."""
    for pattern, offset in ((_SAME_DAY, 0), (_DAY_BEFORE, -1), (_DAY_AFTER, 1)):
        match = pattern.search(text)
        if match:
            return offset, match.group(0)
    return None
