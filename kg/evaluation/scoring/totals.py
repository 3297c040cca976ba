"""Every figure of a set of articles, and the per-article breakdown it was computed from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kg.evaluation.gold import GoldArticle
from kg.evaluation.predictions import PredictedArticle
from kg.evaluation.scoring.counts import Counts, Ratio, total
from kg.evaluation.scoring.encounters import EncounterOutcome, encounter_outcomes, merge_figures
from kg.evaluation.scoring.items import ItemOutcome
from kg.evaluation.scoring.participants import (
    ParticipantOutcome,
    encounters_without_day,
    participant_outcome,
    text_actor_share,
)
from kg.evaluation.scoring.stances import stance_outcome
from kg.evaluation.scoring.treaties import treaty_outcome


@dataclass(frozen=True)
class ArticleScores:
    article_id: str
    encounters: tuple[EncounterOutcome, ...]
    treaties: ItemOutcome
    stances: ItemOutcome
    participants: ParticipantOutcome


@dataclass(frozen=True)
class Scores:
    """All figures, and the per-article breakdown they were computed from."""

    encounters: Counts
    merge_ratio: float | None  # predicted nodes per real (gold key) encounter; 1.0 is perfect
    merge_keys: int  # distinct gold keys matched
    merge_nodes: int  # sum over those keys of the distinct predicted nodes matched to them
    overmerged_nodes: tuple[str, ...]  # predicted nodes matched to more than one gold key
    date_exact: Ratio
    type_accuracy: Ratio
    duration_exact: Ratio  # over matched encounters where the gold or the prediction gives a duration
    countries: Counts
    organizations: Counts
    treaties: Counts
    stances: Counts
    countries_in_missed_encounters: int
    articles: tuple[ArticleScores, ...]
    participants: Ratio  # gold participants found as actors of their article's encounters
    text_actors: Ratio  # actor nodes typed kg:TextActor, of all actor nodes in encounters
    encounters_without_day: Ratio  # encounter nodes no article dates to the day (lower is better)

    @property
    def countries_strict(self) -> Counts:
        """Countries discussed, with the countries of missed encounters counted as misses."""
        return self.countries + Counts(fn=self.countries_in_missed_encounters)

    def outcomes(self) -> list[EncounterOutcome]:
        return [o for a in self.articles for o in a.encounters]


def score_article(gold: GoldArticle, predicted: PredictedArticle | None) -> ArticleScores:
    predicted = predicted or PredictedArticle(article_id=gold.article_id)
    return ArticleScores(
        article_id=gold.article_id,
        encounters=encounter_outcomes(gold, predicted),
        treaties=treaty_outcome(gold.treaties, predicted.treaties),
        stances=stance_outcome(gold.stances, predicted.stances),
        participants=participant_outcome(gold, predicted),
    )


def score(gold: Mapping[str, GoldArticle], predicted: Mapping[str, PredictedArticle]) -> Scores:
    """Score every gold article (by article id) against the predictions for the same id (none = empty)."""
    articles = tuple(score_article(g, predicted.get(article_id)) for article_id, g in sorted(gold.items()))
    reported = [predicted[article_id] for article_id in sorted(gold) if article_id in predicted]
    outcomes = [o for a in articles for o in a.encounters]
    matched = [o for o in outcomes if o.status == "matched"]
    ratio, keys, nodes, overmerged = merge_figures(outcomes)
    with_gold_date = [o for o in matched if o.gold and o.gold.accepted_dates]
    with_duration = [
        o for o in matched if o.gold and o.predicted
        and (o.gold.duration_minutes is not None or o.predicted.duration_minutes is not None)
    ]
    return Scores(
        encounters=Counts(
            tp=len(matched),
            fp=sum(o.status == "false_alarm" for o in outcomes),
            fn=sum(o.status == "missed" for o in outcomes),
        ),
        merge_ratio=ratio,
        merge_keys=keys,
        merge_nodes=nodes,
        overmerged_nodes=overmerged,
        date_exact=Ratio(sum(o.date_relation == "exact" for o in with_gold_date), len(with_gold_date)),
        type_accuracy=Ratio(sum(bool(o.type_correct) for o in matched), len(matched)),
        duration_exact=Ratio(sum(bool(o.duration_correct) for o in with_duration), len(with_duration)),
        countries=total([o.countries.counts for o in outcomes]),
        organizations=total([o.organizations.counts for o in outcomes]),
        treaties=total([a.treaties.counts for a in articles]),
        stances=total([a.stances.counts for a in articles]),
        countries_in_missed_encounters=sum(len(o.countries.misses) for o in outcomes if o.status == "missed"),
        articles=articles,
        participants=sum((a.participants.recall for a in articles), Ratio()),
        text_actors=text_actor_share(reported),
        encounters_without_day=encounters_without_day(reported),
    )


def pool(sets: Sequence[Scores]) -> Scores:
    """The figures of several sets taken together: counts and ratios added up, the merge ratio over all
    matched encounters. Each set keeps its own nodes (sets are ingested apart), so nothing is shared."""
    keys = sum(s.merge_keys for s in sets)
    nodes = sum(s.merge_nodes for s in sets)
    return Scores(
        encounters=total(s.encounters for s in sets),
        merge_ratio=nodes / keys if keys else None,
        merge_keys=keys,
        merge_nodes=nodes,
        overmerged_nodes=tuple(n for s in sets for n in s.overmerged_nodes),
        date_exact=sum((s.date_exact for s in sets), Ratio()),
        type_accuracy=sum((s.type_accuracy for s in sets), Ratio()),
        duration_exact=sum((s.duration_exact for s in sets), Ratio()),
        countries=total(s.countries for s in sets),
        organizations=total(s.organizations for s in sets),
        treaties=total(s.treaties for s in sets),
        stances=total(s.stances for s in sets),
        countries_in_missed_encounters=sum(s.countries_in_missed_encounters for s in sets),
        articles=tuple(a for s in sets for a in s.articles),
        participants=sum((s.participants for s in sets), Ratio()),
        text_actors=sum((s.text_actors for s in sets), Ratio()),
        encounters_without_day=sum((s.encounters_without_day for s in sets), Ratio()),
    )
