"""Fixtures of the unit tests: extraction of a hand-written text with the real model and gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="session")
def extract_text(nlp):
    """Extract one hand-written article (published 2025-03-19 unless told otherwise)."""
    from kg.extract.article import extract_article
    from kg.extract.lexicon import load_lexicon
    from kg.nlp.pipeline import cached_gazetteer
    from kg.records import Article

    gazetteer, lexicon = cached_gazetteer(), load_lexicon()

    def run(text: str, published: dt.date | None = dt.date(2025, 3, 19), title: str | None = None):
        article = Article(id="t", text=text, published=published, title=title)
        return extract_article(nlp(text), article, gazetteer, lexicon)

    return run
