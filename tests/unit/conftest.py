"""Fixtures of the rule tests: extraction over a hand-written text with the real model and gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.article import build_extractor
from kg.records import Article


@pytest.fixture(scope="module")
def extract(nlp):
    """``extract(text, published=...)`` -> the article's Extraction (published 2025-03-19 unless given)."""
    extractor = build_extractor()

    def run(text: str, published: dt.date | None = dt.date(2025, 3, 19)):
        article = Article(id="t", text=text, published=published)
        return extractor(nlp(text), article)

    return run
