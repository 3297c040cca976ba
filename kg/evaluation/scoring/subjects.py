"""Countries and organizations discussed in one encounter.

Counted over (article, matched encounter, code) pairs. The participants' own countries are removed from
the predicted codes first (the guideline excludes them, as does the saved query countries-discussed-per-call).
Predicted codes in the gold's acceptable list are neither TP nor FP; gold codes in it are never misses.
Codes predicted for false-alarm encounters are FPs; codes of missed gold encounters are not counted in the
headline figure (detection already counts the miss) but are tallied separately and counted as misses in
the strict countries figure. Organizations are compared case-insensitively on short names, ignoring
spaces, dots and hyphens ("G-20" = "G20").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

from kg.evaluation.gold import GoldEncounter
from kg.evaluation.predictions import PredictedEncounter
from kg.evaluation.scoring.counts import Counts
from kg.evaluation.scoring.names import organization_key


@dataclass(frozen=True)
class SubjectOutcome:
    """Countries (or organizations) of one encounter: found, false alarms and misses with their evidence."""

    found: tuple[str, ...] = ()
    false_alarms: tuple[tuple[str, str | None], ...] = ()  # (code, the sentence the system used)
    misses: tuple[tuple[str, str | None], ...] = ()  # (code, the gold evidence quote)
    neutral: tuple[str, ...] = ()  # predicted codes the gold finds acceptable
    counted: bool = True  # False for missed and background encounters (not in the figure)

    @property
    def counts(self) -> Counts:
        if not self.counted:
            return Counts()
        return Counts(len(self.found), len(self.false_alarms), len(self.misses))


def _subject_lists(
    gold: GoldEncounter | None, predicted: PredictedEncounter | None, kind: str
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(predicted, gold, acceptable) codes or short names of one encounter pair."""
    if kind == "countries":
        return (
            predicted.countries if predicted else (),
            gold.countries if gold else (),
            gold.countries_acceptable if gold else (),
        )
    return (
        predicted.organizations if predicted else (),
        gold.organizations if gold else (),
        gold.organizations_acceptable if gold else (),
    )


def _own_countries(gold: GoldEncounter | None, predicted: PredictedEncounter | None) -> set[str]:
    people = chain(gold.participants if gold else (), predicted.participants if predicted else ())
    return {p.country.upper() for p in people if p.country}


def compare_subjects(
    gold: GoldEncounter | None, predicted: PredictedEncounter | None, *, kind: str, counted: bool = True
) -> SubjectOutcome:
    """Compare the discussed ``countries`` or ``organizations`` of one (gold, predicted) encounter pair."""
    key: Callable[[str], str] = str.upper if kind == "countries" else organization_key
    excluded = _own_countries(gold, predicted) if kind == "countries" else set()
    pred_codes, gold_codes, acceptable_codes = _subject_lists(gold, predicted, kind)
    pred = {key(c): c for c in pred_codes if key(c) not in excluded}
    wanted = {key(c): c for c in gold_codes}
    acceptable = {key(c) for c in acceptable_codes}
    required = set(wanted) - acceptable
    return SubjectOutcome(
        found=tuple(sorted(pred[k] for k in set(pred) & required)),
        false_alarms=tuple(
            sorted((pred[k], predicted.evidence_for(pred[k]) if predicted else None)
                   for k in set(pred) - set(wanted) - acceptable)
        ),
        misses=tuple(
            sorted((wanted[k], gold.evidence_for(wanted[k]) if gold else None) for k in required - set(pred))
        ),
        neutral=tuple(sorted(pred[k] for k in set(pred) & acceptable)),
        counted=counted,
    )
