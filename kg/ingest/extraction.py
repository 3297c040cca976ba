"""Stages 2-3 (annotate, extract) in this process: spaCy ``nlp.pipe`` with the configured batch size, long
articles in chunks (see :mod:`kg.nlp.annotate`). The worker processes of :mod:`kg.ingest.workers` run
this same function on their share of the articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.records import Article, Extraction
from kg.settings import Settings

# articles longer than CHUNK_CHARS are parsed in chunks (spaCy's parser needs about 1 GB per 100,000
# characters) and joined back into one Doc with the article's exact text
CHUNK_CHARS = 100_000


def extract_here(articles: Iterable[Article], settings: Settings) -> Iterator[Extraction]:
    """Annotate and extract ``articles`` in this process, streaming, in input order."""
    from kg.extract.article import extract_article
    from kg.gazetteer import cached_gazetteer
    from kg.lexicon import load_lexicon
    from kg.nlp.annotate import annotate
    from kg.nlp.pipeline import build_pipeline

    nlp = build_pipeline(settings.model, settings.gazetteer, settings.language)
    gazetteer = cached_gazetteer(settings.gazetteer)
    lexicon = load_lexicon(settings.language)
    docs = annotate(nlp, articles, batch_size=settings.batch_size, batch_chars=settings.batch_chars,
                    limit=CHUNK_CHARS)
    for doc, article in docs:
        yield extract_article(doc, article, gazetteer, lexicon)
