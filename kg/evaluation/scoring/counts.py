"""Counts of true positives, false positives and misses, and plain ratios, with the figures drawn from them.

Precision, recall and F1 of an empty comparison (nothing to find, nothing predicted) are 1.0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Counts:
    """True positives, false positives (false alarms) and false negatives (misses)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 1.0


@dataclass(frozen=True)
class Ratio:
    """``hits`` out of ``total``; ``value`` is None when there was nothing to measure."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


def total(items: Iterable[Counts]) -> Counts:
    """The sum of ``items`` (``Counts()`` for none)."""
    out = Counts()
    for item in items:
        out = out + item
    return out
