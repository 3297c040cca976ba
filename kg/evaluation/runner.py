"""``evaluate``: ingest articles into a fresh in-memory store, read the predictions back, score them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from kg.evaluation.gold import GoldArticle, load_gold
from kg.evaluation.predictions import PredictedArticle, read_predictions
from kg.evaluation.report import EvaluationReport
from kg.evaluation.scoring import score
from kg.settings import Settings
from kg.store import open_store
from kg.store.base import MEMORY


def evaluate(gold_path: Path, article_paths: Sequence[Path], settings: Settings) -> EvaluationReport:
    """Run the pipeline on ``article_paths`` (files or folders) and score it against the gold file.

    The store setting is ignored: the articles go into a fresh ``memory:`` store. Only gold articles that
    were ingested are scored; ingested articles the gold does not cover, and gold articles that were not
    ingested, are listed in the report."""
    from kg.ingest.pipeline import ingest

    gold = load_gold(gold_path).by_id()
    store = open_store(MEMORY)
    try:
        ingest_report = ingest([Path(p) for p in article_paths], store, settings)
        predictions = read_predictions(store)
    finally:
        store.close()
    return build_report(gold_path, gold, predictions, ingested=ingest_report.articles,
                        problems=[p.message for p in ingest_report.problems])


def build_report(
    gold_path: Path,
    gold: Mapping[str, GoldArticle],
    predictions: dict[str, PredictedArticle],
    *,
    ingested: Sequence[str],
    problems: Sequence[str] = (),
) -> EvaluationReport:
    """Score the ingested gold articles and list the ones left out on either side."""
    ingested_ids = set(ingested) | set(predictions)
    scored = {article_id: g for article_id, g in gold.items() if article_id in ingested_ids}
    return EvaluationReport(
        scores=score(scored, predictions),
        gold_file=str(gold_path),
        scored_articles=tuple(sorted(scored)),
        unscored_articles=tuple(sorted(ingested_ids - set(gold))),
        missing_articles=tuple(sorted(set(gold) - ingested_ids)),
        problems=tuple(problems),
    )
