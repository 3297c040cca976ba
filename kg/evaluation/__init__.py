"""``kg evaluate``: score what the pipeline extracts against a gold annotation file.

``gold`` reads the gold file, ``predictions`` reads what the store holds per article, ``scoring`` compares
the two (pure functions, one module per fact kind; the matching rules are documented there), ``report`` holds
and renders one set's figures, ``sets`` names the sets of a command line, ``run`` pools several sets,
``runner.evaluate`` does all of it for one gold file and its articles and ``runner.evaluate_sets`` for several.
"""

from kg.evaluation.gold import GoldSet, load_gold, parse_gold
from kg.evaluation.predictions import read_predictions
from kg.evaluation.report import EvaluationReport, failed_thresholds
from kg.evaluation.run import EvaluationRun
from kg.evaluation.runner import evaluate, evaluate_sets
from kg.evaluation.scoring import Counts, Ratio, Scores, score
from kg.evaluation.sets import EvaluationSet, resolve_sets

__all__ = [
    "Counts",
    "EvaluationReport",
    "EvaluationRun",
    "EvaluationSet",
    "GoldSet",
    "Ratio",
    "Scores",
    "evaluate",
    "evaluate_sets",
    "failed_thresholds",
    "load_gold",
    "parse_gold",
    "read_predictions",
    "resolve_sets",
    "score",
]
