"""Rewrite the golden N-Quads of the sample articles from the code as it is now:

    .venv/bin/python -m tests.golden.regenerate

Then read ``git diff tests/golden/nquads``: every changed line is a fact the change added or lost."""

from __future__ import annotations

import sys

from tests.conftest import SAMPLES
from tests.golden.graphs import GOLDEN, article_quads, write_golden


def main() -> int:
    from kg.ingest.pipeline import ingest
    from kg.settings import Settings
    from kg.store import open_store

    store = open_store("memory:")
    report = ingest([SAMPLES], store, Settings(store="memory:"))
    if report.rejected:
        for problem in report.problems:
            print(problem.message, file=sys.stderr)
        return 2
    for stale in GOLDEN.glob("*.nq"):
        stale.unlink()
    for article_id in report.articles:
        path = write_golden(article_id, article_quads(store, article_id))
        print(f"wrote {path.relative_to(GOLDEN.parents[2])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
