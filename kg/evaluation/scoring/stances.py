"""Stances, per article: same holder (name rule; a state holder, which the gold writes as its ISO alpha-3 code,
by that code) and same polarity, and: when both targets are ISO alpha-3
codes they must be equal; otherwise the target descriptions must overlap (Dice coefficient of content tokens
>= 0.3) or the quotes must overlap (overlap coefficient of content tokens, |A & B| / min(|A|, |B|), >= 0.5).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.evaluation.gold import GoldStance
from kg.evaluation.predictions import PredictedStance
from kg.evaluation.scoring.items import ItemOutcome, match_items
from kg.evaluation.scoring.names import overlap_dice, overlap_min, same_person

_ISO3 = re.compile(r"^[A-Z]{3}$")
STANCE_MIN_TARGET_OVERLAP = 0.3
STANCE_MIN_QUOTE_OVERLAP = 0.5


def is_iso3(value: str | None) -> bool:
    return bool(value) and _ISO3.match(value or "") is not None


def _same_holder(gold: str, predicted: PredictedStance) -> bool:
    if is_iso3(gold):
        return gold == predicted.holder_iso3
    return same_person(gold, predicted.holder)


def stance_similarity(gold: GoldStance, predicted: PredictedStance) -> float | None:
    """How well a predicted stance fits a gold one under the stance rule, or None when it does not."""
    if not _same_holder(gold.holder, predicted):
        return None
    if gold.polarity.strip().lower() != predicted.polarity.strip().lower():
        return None
    quote = overlap_min(gold.quote, predicted.quote) if gold.quote and predicted.quote else 0.0
    if is_iso3(gold.target) and is_iso3(predicted.target_iso3):
        return 1.0 + quote if gold.target == predicted.target_iso3 else None
    target = overlap_dice(gold.target, predicted.target_description) if predicted.target_description else 0.0
    if target >= STANCE_MIN_TARGET_OVERLAP or quote >= STANCE_MIN_QUOTE_OVERLAP:
        return target + quote
    return None


def describe_stance(stance: GoldStance | PredictedStance) -> str:
    if isinstance(stance, GoldStance):
        target = stance.target
    else:
        target = stance.target_iso3 or stance.target_description or "?"
    quote = " ".join(stance.quote.split())
    quote = quote if len(quote) <= 80 else quote[:77] + "..."
    return f"{stance.holder} {stance.polarity} {target}: “{quote}”"


def stance_outcome(gold: Sequence[GoldStance], predicted: Sequence[PredictedStance]) -> ItemOutcome:
    return match_items(gold, predicted, lambda i, j: stance_similarity(gold[i], predicted[j]),
                  lambda i: describe_stance(gold[i]), lambda j: describe_stance(predicted[j]))
