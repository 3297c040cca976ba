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


# Fixtures that run the spaCy model: a test that requests one (directly or through another fixture) is
# marked slow here, so that the marker cannot be forgotten; every other slow or external test says so itself.
MODEL_FIXTURES = frozenset({"sample_store", "nlp"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test that loads the spaCy model is slow (seconds, and most of the memory): it must be marked, so
    that ``make test-fast`` stays fast. Outside slow tests ``spacy.load`` fails with that advice, also when
    a module- or session-scoped fixture of the test is the one that loads it. Rule tests build Docs by hand."""
    if item.get_closest_marker("slow") is not None:
        return
    import spacy

    def refuse(name: object, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"{item.nodeid} loads the spaCy model {name!r}: mark it @pytest.mark.slow, "
                             "or build the Doc it needs with spacy.blank('en')")

    _GUARD["load"] = spacy.load
    spacy.load = refuse


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    load = _GUARD.pop("load", None)
    if load is not None:
        import spacy

        spacy.load = load


_GUARD: dict[str, object] = {}


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
