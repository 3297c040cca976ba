"""Stages 2-3 (annotate, extract) in worker processes, each with its own spaCy pipeline.

Workers send back :class:`~kg.records.Extraction` records (small, plain data) rather than parsed ``Doc``s,
so the parent only maps and writes, and does not load the model at all. Workers are *spawned* (not forked:
the parent holds an open store with its own threads). At most ``2 * jobs`` chunks of ``batch_size``
articles are in flight, so memory stays flat however large the input; results come back in input order.
A worker is replaced after ``CHUNKS_PER_WORKER`` chunks: spaCy's string store only grows (every new word
of every article stays in it), and a fresh worker costs a few seconds of model loading per several
thousand articles.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from kg.records import Article, Extraction
from kg.settings import Settings

_settings: Settings | None = None
CHUNKS_PER_WORKER = 200  # about 6,400 articles at the default batch size


def _start(settings: Settings) -> None:
    global _settings
    _settings = settings
    from kg.nlp.pipeline import build_pipeline

    build_pipeline(settings.model, settings.gazetteer, settings.language)  # load the model once, before the first chunk


def _extract_chunk(articles: list[Article]) -> list[Extraction]:
    from kg.ingest.extraction import extract_here

    assert _settings is not None, "worker not started"
    return list(extract_here(articles, _settings))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_in_workers(articles: Iterable[Article], settings: Settings, jobs: int) -> Iterator[Extraction]:
    """Annotate and extract in ``jobs`` processes, streaming, in input order."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_start, initargs=(settings,), maxtasksperchild=CHUNKS_PER_WORKER) as pool:
        window: deque[AsyncResult[list[Extraction]]] = deque()
        for chunk in _chunks(articles, max(1, settings.batch_size)):
            window.append(pool.apply_async(_extract_chunk, (chunk,)))
            if len(window) >= 2 * jobs:
                yield from window.popleft().get()
        while window:
            yield from window.popleft().get()
