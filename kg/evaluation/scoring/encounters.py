"""Encounters: date and type rules, the one-to-one matching per article, and what became of each encounter.

A prediction matches a gold encounter of the same article when the participant names are the same set
(one-to-one under the name rule of :mod:`.names`) and the date is compatible:

* ``exact``: a day-precision prediction equal to the gold date (or one of its ``date_alternatives``);
* ``near``: a day-precision prediction one day off (matched, not exact);
* ``contains``: a month- or year-precision prediction containing the gold date (matched, not exact);
* ``undated``: a prediction without a date, when the gold date is ``external`` (knowable only from outside
  the text) or missing (matched, not exact).

Each gold encounter matches at most one prediction (maximum matching; exact dates and right types are
preferred). Gold encounters with ``mention: "background"`` are optional: a prediction matched to one
counts nowhere, and missing one is no miss. Detection is counted over (article, encounter) pairs.
The merge ratio is the number of distinct predicted nodes matched to one real encounter (gold key).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from kg.evaluation.gold import GoldArticle, GoldEncounter
from kg.evaluation.predictions import PredictedArticle, PredictedEncounter
from kg.evaluation.scoring.names import same_participants
from kg.evaluation.scoring.subjects import SubjectOutcome, compare_subjects

TYPE_NAMES = {
    "PhoneCall": "phone_call",
    "VideoCall": "video_call",
    "Meeting": "meeting",
    "Summit": "summit",
    "StateVisit": "state_visit",
}


def date_relation(gold: GoldEncounter, predicted: PredictedEncounter) -> str | None:
    """``exact``, ``near``, ``contains``, ``undated`` or None (incompatible): see the module docstring."""
    accepted = [date.fromisoformat(d) for d in gold.accepted_dates]
    if not predicted.date:
        return "undated" if not accepted or gold.date_basis == "external" else None
    if not accepted:
        return "undated"
    precision = predicted.precision or {10: "day", 7: "month"}.get(len(predicted.date), "year")
    try:
        if precision == "day":
            day = date.fromisoformat(predicted.date[:10])
            if day in accepted:
                return "exact"
            if any(abs(day - g) <= timedelta(days=1) for g in accepted):
                return "near"
            return None
        if precision == "month":
            if any(predicted.date[:7] == g.isoformat()[:7] for g in accepted):
                return "contains"
            return None
        return "contains" if any(predicted.date[:4] == f"{g.year:04d}" for g in accepted) else None
    except ValueError:
        return None


def type_name(local_name: str) -> str:
    """Gold spelling of an encounter class local name (PhoneCall -> phone_call)."""
    if local_name in TYPE_NAMES:
        return local_name
    return re.sub(r"(?<!^)(?=[A-Z])", "_", local_name).lower()


def type_correct(gold: GoldEncounter, predicted: PredictedEncounter) -> bool:
    names = {TYPE_NAMES.get(t, type_name(t)) for t in predicted.types}
    return bool(names) and names <= gold.accepted_types


# ------------------------------------------------------------------------------------ encounter matching

_PREFERENCE = {"exact": 3, "near": 2, "contains": 1, "undated": 0}


def encounter_candidates(gold: GoldEncounter, predicted: PredictedEncounter) -> int | None:
    """How well a prediction fits a gold encounter (higher is better); None when it does not match."""
    if not same_participants(gold.names, predicted.names):
        return None
    relation = date_relation(gold, predicted)
    if relation is None:
        return None
    return 2 * _PREFERENCE[relation] + int(type_correct(gold, predicted))


def match_encounters(gold: Sequence[GoldEncounter], predicted: Sequence[PredictedEncounter]) -> dict[int, int]:
    """A maximum one-to-one matching, gold index -> predicted index; foreground gold and better fits first."""
    options: dict[int, list[int]] = {}
    for i, g in enumerate(gold):
        scored = [(score, j) for j, p in enumerate(predicted) if (score := encounter_candidates(g, p)) is not None]
        options[i] = [j for _, j in sorted(scored, key=lambda sj: (-sj[0], sj[1]))]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in sorted(range(len(gold)), key=lambda k: (gold[k].background, k)):
        place(i, set())
    return {i: j for j, i in owner.items()}


@dataclass(frozen=True)
class EncounterOutcome:
    """One gold or predicted encounter of an article and what became of it."""

    article_id: str
    status: str  # matched | missed | false_alarm | background | background_unmatched
    gold: GoldEncounter | None = None
    predicted: PredictedEncounter | None = None
    date_relation: str | None = None
    type_correct: bool | None = None
    duration_correct: bool | None = None
    countries: SubjectOutcome = field(default_factory=SubjectOutcome)
    organizations: SubjectOutcome = field(default_factory=SubjectOutcome)


def _status(gold: GoldEncounter | None, predicted: PredictedEncounter | None) -> str:
    if gold is None:
        return "false_alarm"
    if predicted is None:
        return "background_unmatched" if gold.background else "missed"
    return "background" if gold.background else "matched"


def _outcome(article_id: str, gold: GoldEncounter | None, predicted: PredictedEncounter | None) -> EncounterOutcome:
    status = _status(gold, predicted)
    counted = status in ("matched", "false_alarm")
    outcome = EncounterOutcome(
        article_id=article_id,
        status=status,
        gold=gold,
        predicted=predicted,
        countries=compare_subjects(gold, predicted, kind="countries", counted=counted),
        organizations=compare_subjects(gold, predicted, kind="organizations", counted=counted),
    )
    if gold is None or predicted is None:
        return outcome
    return replace(
        outcome,
        date_relation=date_relation(gold, predicted),
        type_correct=type_correct(gold, predicted),
        duration_correct=gold.duration_minutes == predicted.duration_minutes,
    )


def encounter_outcomes(gold: GoldArticle, predicted: PredictedArticle) -> tuple[EncounterOutcome, ...]:
    """Every gold and predicted encounter of one article, paired by :func:`match_encounters`."""
    pairs = match_encounters(gold.encounters, predicted.encounters)
    taken = set(pairs.values())
    article_id = gold.article_id
    outcomes = [
        _outcome(article_id, g, predicted.encounters[pairs[i]] if i in pairs else None)
        for i, g in enumerate(gold.encounters)
    ]
    outcomes += [_outcome(article_id, None, p) for j, p in enumerate(predicted.encounters) if j not in taken]
    return tuple(outcomes)


def merge_figures(outcomes: Sequence[EncounterOutcome]) -> tuple[float | None, int, int, tuple[str, ...]]:
    """(ratio, keys, nodes, over-merged nodes) over matched foreground encounters."""
    nodes_by_key: dict[str, set[str]] = defaultdict(set)
    keys_by_node: dict[str, set[str]] = defaultdict(set)
    for o in outcomes:
        if o.status == "matched" and o.gold and o.predicted:
            nodes_by_key[o.gold.key].add(o.predicted.node)
            keys_by_node[o.predicted.node].add(o.gold.key)
    keys = len(nodes_by_key)
    nodes = sum(len(v) for v in nodes_by_key.values())
    overmerged = tuple(sorted(n for n, k in keys_by_node.items() if len(k) > 1))
    return (nodes / keys if keys else None), keys, nodes, overmerged
