"""``evaluate``: ingest each set's articles into a fresh in-memory store, read the predictions back, score them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from kg.errors import InputError
from kg.evaluation.gold import GoldArticle, GoldSet, load_gold
from kg.evaluation.predictions import PredictedArticle, read_predictions
from kg.evaluation.report import EvaluationReport
from kg.evaluation.run import EvaluationRun
from kg.evaluation.scoring import score
from kg.evaluation.sets import EvaluationSet
from kg.settings import Settings
from kg.store import open_store
from kg.store.base import MEMORY

_LISTED = 12  # article ids named in an error message before "and N more"


def evaluate(gold_path: Path, article_paths: Sequence[Path], settings: Settings, *,
             partial: bool = False, name: str = "") -> EvaluationReport:
    """Run the pipeline on ``article_paths`` (files or folders) and score it against the gold file.

    The store setting is ignored: the articles go into a fresh ``memory:`` store. Ingested articles the gold
    does not cover are listed in the report, not scored. Gold articles that were not ingested are an
    :class:`InputError` naming them, unless ``partial`` (then they are listed); no scored article at all is
    always one."""
    return _evaluate(load_gold(gold_path), article_paths, settings, partial=partial, name=name)


def evaluate_sets(sets: Sequence[EvaluationSet], settings: Settings, *, partial: bool = False) -> EvaluationRun:
    """Evaluate each set on its own (its own store: article ids and encounter nodes never mix) and pool them.
    Every gold file is read before any article, so a broken one fails the run at once."""
    golds = [load_gold(s.gold) for s in sets]
    return EvaluationRun(tuple(_evaluate(gold, s.articles, settings, partial=partial, name=s.name)
                               for gold, s in zip(golds, sets, strict=True)))


def _evaluate(gold_set: GoldSet, article_paths: Sequence[Path], settings: Settings, *,
              partial: bool, name: str) -> EvaluationReport:
    from kg.ingest.pipeline import ingest

    gold_path = Path(gold_set.source)
    gold = gold_set.by_id()
    store = open_store(MEMORY)
    try:
        ingest_report = ingest([Path(p) for p in article_paths], store, settings)
        predictions = read_predictions(store)
    finally:
        store.close()
    report = build_report(gold_path, gold, predictions, ingested=ingest_report.articles,
                          problems=[p.message for p in ingest_report.problems], name=name)
    check_coverage(report, partial=partial)
    return report


def build_report(
    gold_path: Path,
    gold: Mapping[str, GoldArticle],
    predictions: dict[str, PredictedArticle],
    *,
    ingested: Sequence[str],
    problems: Sequence[str] = (),
    name: str = "",
) -> EvaluationReport:
    """Score the ingested gold articles and list the ones left out on either side."""
    ingested_ids = set(ingested) | set(predictions)
    scored = {article_id: g for article_id, g in gold.items() if article_id in ingested_ids}
    return EvaluationReport(
        scores=score(scored, predictions),
        gold_file=str(gold_path),
        name=name,
        scored_articles=tuple(sorted(scored)),
        unscored_articles=tuple(sorted(ingested_ids - set(gold))),
        missing_articles=tuple(sorted(set(gold) - ingested_ids)),
        problems=tuple(problems),
    )


def _listing(ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:_LISTED])
    return shown + (f" and {len(ids) - _LISTED} more" if len(ids) > _LISTED else "")


def check_coverage(report: EvaluationReport, *, partial: bool = False) -> None:
    """Raise :class:`InputError` when nothing was scored, or (unless ``partial``) when gold articles are missing
    from the input: figures over nothing would read as perfect."""
    problems = f"; the ingest reported: {'; '.join(report.problems)}" if report.problems else ""
    if not report.scored_articles:
        ingested = f"the input held {_listing(report.unscored_articles)}" if report.unscored_articles else \
            "the input held no article"
        raise InputError(f"no article of the input is in the gold, nothing to score ({ingested}){problems}",
                         where=report.gold_file,
                         fix="give the articles this gold file annotates (a file's id is its stem)")
    if report.missing_articles and not partial:
        raise InputError(
            f"{len(report.missing_articles)} gold article(s) not in the input: "
            f"{_listing(report.missing_articles)}{problems}",
            where=report.gold_file,
            fix="give every article the gold file annotates, or --partial to score only those given",
        )
