"""Scoring predictions against the gold: pure functions over records, no store.

One module per fact kind, each with its matching rule in its docstring:

* :mod:`.names`: when two names are one person, normalised text and tokens (shared by every kind);
* :mod:`.encounters`: date and type rules, the one-to-one encounter matching, the merge ratio;
* :mod:`.subjects`: countries and organizations discussed in a matched encounter;
* :mod:`.participants`: participant recall, actors found outside the gazetteer, encounter nodes without a day;
* :mod:`.treaties`, :mod:`.stances`: listed facts matched one-to-one per article (via :mod:`.items`);
* :mod:`.counts`: TP/FP/FN counts and ratios; :mod:`.totals`: every figure of a set of articles.
"""

from kg.evaluation.scoring.counts import Counts, Ratio, total
from kg.evaluation.scoring.encounters import (
    TYPE_NAMES,
    EncounterOutcome,
    date_relation,
    encounter_candidates,
    encounter_outcomes,
    match_encounters,
    merge_figures,
    type_correct,
    type_name,
)
from kg.evaluation.scoring.items import ItemOutcome
from kg.evaluation.scoring.names import (
    STOP_WORDS,
    content_tokens,
    normalise,
    organization_key,
    overlap_dice,
    overlap_min,
    same_participants,
    same_person,
    tokens,
)
from kg.evaluation.scoring.participants import (
    ParticipantOutcome,
    encounters_without_day,
    gold_participants,
    participant_outcome,
    text_actor_share,
)
from kg.evaluation.scoring.stances import describe_stance, is_iso3, stance_outcome, stance_similarity
from kg.evaluation.scoring.subjects import SubjectOutcome, compare_subjects
from kg.evaluation.scoring.totals import ArticleScores, Scores, pool, score, score_article
from kg.evaluation.scoring.treaties import describe_treaty, treaty_name_similarity, treaty_outcome, treaty_similarity

__all__ = [
    "STOP_WORDS",
    "TYPE_NAMES",
    "ArticleScores",
    "Counts",
    "EncounterOutcome",
    "ItemOutcome",
    "ParticipantOutcome",
    "Ratio",
    "Scores",
    "SubjectOutcome",
    "compare_subjects",
    "content_tokens",
    "date_relation",
    "describe_stance",
    "describe_treaty",
    "encounter_candidates",
    "encounter_outcomes",
    "encounters_without_day",
    "gold_participants",
    "is_iso3",
    "match_encounters",
    "merge_figures",
    "normalise",
    "organization_key",
    "overlap_dice",
    "overlap_min",
    "participant_outcome",
    "pool",
    "same_participants",
    "same_person",
    "score",
    "score_article",
    "stance_outcome",
    "stance_similarity",
    "text_actor_share",
    "tokens",
    "total",
    "treaty_name_similarity",
    "treaty_outcome",
    "treaty_similarity",
    "type_correct",
    "type_name",
]
