"""Benchmark: run ``kg.evaluation.evaluate`` on the development corpus and print the figures.

Usage (from the repository root)::

    .venv/bin/python benchmarks/evaluate_dev.py [CORPUS_DIR] [--json FILE] [--details] [--target NAME=VALUE ...]

CORPUS_DIR defaults to ``../shared/corpus/dev`` relative to the repository root and must hold ``gold.json``
and ``articles/``. Missed targets are printed, but the exit status stays 0: this is a benchmark, not a test.
The exit status is 2 only when the corpus cannot be found or read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "dev"


def _target(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    try:
        if not sep or not name.strip():
            raise ValueError(text)
        return name.strip(), float(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"--target wants NAME=NUMBER, got {text!r}") from exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help="folder with gold.json and articles/ (default: ../shared/corpus/dev)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the full report as JSON")
    parser.add_argument("--details", action="store_true", help="print the per-article breakdown too")
    parser.add_argument("--model", default="", help="spaCy model package (default: the installed one)")
    parser.add_argument("--target", type=_target, action="append", default=[], metavar="NAME=VALUE",
                        help="a figure to compare against, e.g. encounter_f1=0.8 or merge_ratio=1.1 (a maximum)")
    args = parser.parse_args(argv)

    from kg.errors import KgError
    from kg.evaluation import evaluate, failed_thresholds
    from kg.settings import Settings

    corpus = args.corpus.resolve()
    gold, articles = corpus / "gold.json", corpus / "articles"
    if not gold.is_file() or not articles.is_dir():
        print(f"error: {corpus} holds no gold.json and articles/ folder", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        report = evaluate(gold, [articles], Settings(store="memory:", model=args.model))
        targets = dict(args.target)
        missed = failed_thresholds(report, targets) if targets else []
    except KgError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started

    text = report.render_text()
    if not args.details:
        text = text.split("\nPer article\n", 1)[0] + "\n"
    sys.stdout.write(text)
    print(f"({len(report.scored_articles)} article(s) scored in {elapsed:.1f} s)")
    if targets:
        print("targets: " + ("all met" if not missed else f"{len(missed)} missed"))
        for line in missed:
            print(f"  missed {line}")
    if args.json:
        data = report.to_json()
        data["seconds"] = round(elapsed, 2)
        data["targets"] = {"thresholds": targets, "missed": missed}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
