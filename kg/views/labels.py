"""Where the labels of a row of a timeline go so that none covers another: each label gets a level (0, 1,
2, ...) such that labels of one level do not overlap on the x axis. Levels alternate above and below the
row (0 above, 1 below, 2 further above, ...). Pure arithmetic, in pixels; no plotting library."""

from __future__ import annotations

from collections.abc import Sequence

GAP = 6.0  # pixels kept free between two labels of one level


def levels(spans: Sequence[tuple[float, float]], gap: float = GAP) -> list[int]:
    """For labels covering ``spans`` (left, right), the lowest level each fits on, in the order given.
    Labels are placed left to right (by left edge), each on the first level whose last label ends at least
    ``gap`` before it starts."""
    ends: list[float] = []  # right edge of the last label placed on each level
    result = [0] * len(spans)
    for i in sorted(range(len(spans)), key=lambda k: (spans[k][0], spans[k][1])):
        left, right = spans[i]
        level = next((n for n, end in enumerate(ends) if end + gap <= left), len(ends))
        if level == len(ends):
            ends.append(right)
        else:
            ends[level] = right
        result[i] = level
    return result


def estimated_width(text: str, fontsize_pt: float, dpi: float) -> float:
    """A generous width in pixels of ``text`` in DejaVu Sans (capitals and digits are about 0.7 em)."""
    return len(text) * fontsize_pt * 0.72 * dpi / 72
