"""Treaties, per article: names match when, after dropping stop words ("the", "of", "and", ...), one token
set contains the other or their Jaccard overlap is at least 0.5; years must be equal when both are given.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.evaluation.gold import GoldTreaty
from kg.evaluation.predictions import PredictedTreaty
from kg.evaluation.scoring.items import ItemOutcome, match_items
from kg.evaluation.scoring.names import content_tokens

TREATY_MIN_JACCARD = 0.5


def treaty_name_similarity(a: str, b: str) -> float:
    """1.0 when one name's content tokens contain the other's, else their Jaccard overlap."""
    ta, tb = content_tokens(a), content_tokens(b)
    if not ta or not tb:
        return 0.0
    if ta <= tb or tb <= ta:
        return 1.0
    return len(ta & tb) / len(ta | tb)


def treaty_similarity(gold: GoldTreaty, predicted: PredictedTreaty) -> float | None:
    """The best name similarity when the treaty matches (>= 0.5, compatible years), else None."""
    if gold.year is not None and predicted.year is not None and gold.year != predicted.year:
        return None
    best = max(treaty_name_similarity(gold.name, n) for n in (predicted.label, *predicted.names))
    return best if best >= TREATY_MIN_JACCARD else None


def describe_treaty(treaty: GoldTreaty | PredictedTreaty) -> str:
    name = treaty.name if isinstance(treaty, GoldTreaty) else treaty.label
    return f"{name} ({treaty.year})" if treaty.year is not None else name


def treaty_outcome(gold: Sequence[GoldTreaty], predicted: Sequence[PredictedTreaty]) -> ItemOutcome:
    return match_items(gold, predicted, lambda i, j: treaty_similarity(gold[i], predicted[j]),
                  lambda i: describe_treaty(gold[i]), lambda j: describe_treaty(predicted[j]))
