"""One-to-one matching of listed facts (treaties, stances) within an article, best pairs first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.evaluation.scoring.counts import Counts


def greedy_pairs(size_gold: int, size_pred: int, similarity: Callable[[int, int], float | None]) -> dict[int, int]:
    """One-to-one pairs, best similarity first (ties: lower indices first)."""
    scored = [
        (s, i, j) for i in range(size_gold) for j in range(size_pred) if (s := similarity(i, j)) is not None
    ]
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(scored, key=lambda sij: (-sij[0], sij[1], sij[2])):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


@dataclass(frozen=True)
class ItemOutcome:
    """Matched, missed and false-alarm items (treaties or stances) of one article, as short descriptions."""

    matched: tuple[tuple[str, str], ...] = ()  # (gold, predicted)
    missed: tuple[str, ...] = ()
    false_alarms: tuple[str, ...] = ()

    @property
    def counts(self) -> Counts:
        return Counts(len(self.matched), len(self.false_alarms), len(self.missed))


def match_items(
    gold: Sequence[object],
    predicted: Sequence[object],
    similarity: Callable[[int, int], float | None],
    describe_gold: Callable[[int], str],
    describe_pred: Callable[[int], str],
) -> ItemOutcome:
    """Pair ``gold`` and ``predicted`` items one-to-one by ``similarity`` (None: no match), described."""
    pairs = greedy_pairs(len(gold), len(predicted), similarity)
    taken = set(pairs.values())
    return ItemOutcome(
        matched=tuple((describe_gold(i), describe_pred(j)) for i, j in sorted(pairs.items())),
        missed=tuple(describe_gold(i) for i in range(len(gold)) if i not in pairs),
        false_alarms=tuple(describe_pred(j) for j in range(len(predicted)) if j not in taken),
    )
