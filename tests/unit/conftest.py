"""Fixtures of the rule tests: extraction over a hand-written text with the real model and gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.article import extract_article
from kg.lexicon import load_lexicon
from kg.nlp.pipeline import cached_gazetteer
from kg.records import Article


@pytest.fixture(scope="module")
def extract(nlp):
    """``extract(text, published=...)`` -> the article's Extraction (published 2025-03-19 unless given)."""
    gazetteer, lexicon = cached_gazetteer(), load_lexicon()

    def run(text: str, published: dt.date | None = dt.date(2025, 3, 19)):
        article = Article(id="t", text=text, published=published)
        return extract_article(nlp(text), article, gazetteer, lexicon)

    return run
