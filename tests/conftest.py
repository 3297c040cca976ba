"""Shared fixtures: paths of the repository, the dev corpus beside it, and a store built once from the
sample articles (the spaCy pass is the slow part, so it runs once per test session)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "data" / "articles"
SHARED = REPO.parent / "shared"
DEV = SHARED / "corpus" / "dev"
JENA = SHARED / "tools" / "jena"


@pytest.fixture(scope="session")
def sample_store():
    """An in-memory store holding the two sample articles."""
    from kg.ingest.pipeline import ingest
    from kg.settings import Settings
    from kg.store import open_store

    store = open_store("memory:")
    report = ingest([SAMPLES], store, Settings(store="memory:"))
    assert len(report.articles) == 2, report.problems
    return store


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp.pipeline import build_pipeline

    return build_pipeline()
