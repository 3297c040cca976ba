"""``kg evaluate``: score what the pipeline extracts against a gold annotation file.

``gold`` reads the gold file, ``predictions`` reads what the store holds per article, ``scoring`` compares
the two (pure functions; the matching rules are documented there), ``report`` holds and renders the
figures, ``runner.evaluate`` does all of it for a list of article files.
"""

from kg.evaluation.gold import GoldSet, load_gold, parse_gold
from kg.evaluation.predictions import read_predictions
from kg.evaluation.report import EvaluationReport, failed_thresholds
from kg.evaluation.runner import evaluate
from kg.evaluation.scoring import Counts, Ratio, Scores, score

__all__ = [
    "Counts",
    "EvaluationReport",
    "GoldSet",
    "Ratio",
    "Scores",
    "evaluate",
    "failed_thresholds",
    "load_gold",
    "parse_gold",
    "read_predictions",
    "score",
]
