"""Orchestration: read -> annotate -> extract -> map -> load, batched, one transaction per batch."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pyoxigraph import Literal, NamedNode, Quad

from kg.articles import InputProblem, read_paths
from kg.errors import KgError
from kg.records import Article, Extraction
from kg.settings import Settings
from kg.store.base import Store, flush_buffers

if TYPE_CHECKING:
    from kg.ingest.identities import TextIdentities
    from kg.ingest.resolve import DatedEncounters


@dataclass
class IngestReport:
    """What an ingest did; the CLI prints it."""

    articles: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)
    encounters: int = 0
    quads: int = 0

    @property
    def rejected(self) -> list[InputProblem]:
        return [p for p in self.problems if p.fatal]


def extract_articles(
    articles: Iterable[Article], settings: Settings, *, jobs: int | None = None
) -> Iterator[Extraction]:
    """Annotate and extract, streaming, in input order: in this process (:mod:`kg.ingest.extraction`) or,
    with ``jobs`` (default ``settings.jobs``) above 1, in worker processes that each run their own pipeline
    (:mod:`kg.ingest.workers`); the results are the same either way."""
    jobs = settings.jobs if jobs is None else jobs
    if jobs > 1:
        from kg.ingest.workers import extract_in_workers

        return extract_in_workers(articles, settings, jobs)
    from kg.ingest.extraction import extract_here

    return extract_here(articles, settings)


def reference_graphs(settings: Settings) -> dict[NamedNode, list[Quad]]:
    """The ontology and reference graphs, each with a content hash to tell when they changed."""
    from kg.gazetteer import cached_gazetteer
    from kg.lexicon import load_lexicon
    from kg.rdf import iris
    from kg.rdf.reference import ontology_quads, reference_quads
    from kg.rdf.terms import iri
    from kg.rdf.vocab import DCTERMS
    from kg.resources import ontology_file

    reference = reference_quads(cached_gazetteer(settings.gazetteer), load_lexicon(settings.language).topics.topics)
    graphs = {
        # the ontology has blank nodes (fresh at every parse): its digest is the file's
        iris.ontology_graph(): (ontology_quads(), hashlib.sha256(ontology_file().read_bytes()).hexdigest()),
        iris.reference_graph(): (
            reference, hashlib.sha256("\n".join(sorted(map(str, reference))).encode()).hexdigest()
        ),
    }
    for graph, (quads, digest) in graphs.items():
        quads.append(Quad(graph, iri(DCTERMS.identifier), Literal("sha256:" + digest), graph))
    return {graph: quads for graph, (quads, _) in graphs.items()}


def ensure_reference(store: Store, settings: Settings) -> None:
    """Write the ontology and reference graphs when missing or out of date (their content digest is
    kept as the graph's ``dcterms:identifier``)."""
    from kg.rdf.terms import iri
    from kg.rdf.vocab import DCTERMS

    wanted = reference_graphs(settings)
    stale = {}
    for graph, quads in wanted.items():
        digest = next(q.object for q in quads if q.predicate == iri(DCTERMS.identifier) and q.subject == graph)
        if not store.ask(f"ASK {{ GRAPH {graph} {{ {graph} {iri(DCTERMS.identifier)} {digest} }} }}"):
            stale[graph] = quads
    store.replace_graphs(stale)


class GraphSink(Protocol):
    """Where extracted article graphs go: a :class:`~kg.store.base.Store`, or a shard file being written
    (:mod:`kg.ingest.shards`). A sink with a ``flush()`` method is flushed every ``SYNC_EVERY`` articles."""

    def replace_graphs(self, graphs: dict[NamedNode, list[Quad]]) -> None: ...


def ingest(
    paths: Iterable[Path], store: Store, settings: Settings, progress: Callable[[int], None] | None = None
) -> IngestReport:
    """Read, extract, resolve and load articles; each article replaces its own named graph.

    Articles stream through (read, annotated, extracted and written a batch at a time), so memory does not
    grow with the input. Articles whose encounters are dated only in part wait until the whole run is
    extracted, so that every dated report of the run (and of the store) can corroborate them; so do those
    whose day another report may correct (a self-contradicting date, a call with a duration; see
    :mod:`kg.ingest.resolve`), and articles introducing someone without saying whom they speak for, who
    may be the person another article of the run places (:mod:`kg.ingest.identities`). ``progress``, when
    given, is called with the number of articles extracted so far."""
    from kg.gazetteer import cached_gazetteer
    from kg.ingest.identities import TextIdentities
    from kg.ingest.resolve import DatedEncounters
    from kg.lexicon import load_lexicon

    ensure_reference(store, settings)
    known = DatedEncounters()
    known.add_store(store)
    people = TextIdentities()
    lexicon = load_lexicon(settings.language) if settings.language else load_lexicon()
    people.add_store(store, cached_gazetteer(settings.gazetteer), lexicon.persons)
    return write_articles(paths, store, settings, known, progress, people)


def write_articles(
    paths: Iterable[Path], sink: GraphSink, settings: Settings, known: DatedEncounters,
    progress: Callable[[int], None] | None = None, people: TextIdentities | None = None,
) -> IngestReport:
    """Stages 1-5 and the write: the articles of ``paths`` as graphs into ``sink``, a batch at a time.
    ``known`` holds the dated encounters already in the target and ``people`` its placed text actors (the
    run's own are added to both as they come)."""
    from kg.ingest.identities import TextIdentities, needs_identity
    from kg.ingest.resolve import needs_resolution, resolve
    from kg.ingest.spill import Spill

    report = IngestReport()
    writer = _BatchWriter(sink, settings.batch_size, report)
    people = TextIdentities() if people is None else people
    with Spill[Extraction]() as pending, Spill[Extraction]() as dated_last:  # they wait on disk, not in memory

        def dates_or_write(extraction: Extraction) -> None:
            known.add_extraction(extraction)
            if needs_resolution(extraction):
                dated_last.append(extraction)
            else:
                writer.add(extraction)

        for done, extraction in enumerate(extract_articles(_articles(paths, report), settings), start=1):
            if progress is not None:
                progress(done)
            people.add_extraction(extraction)
            if needs_identity(extraction):
                pending.append(extraction)  # its dated reports count once its people have their identity
            else:
                dates_or_write(extraction)
        # every person first, so that the dates compare every report of the run under its final identity
        for extraction in pending.drain():
            dates_or_write(people.resolve(extraction))
        for extraction in dated_last.drain():
            writer.add(resolve(extraction, known))
    writer.flush()
    writer.sync()
    return report


def _articles(paths: Iterable[Path], report: IngestReport) -> Iterator[Article]:
    """The articles read from ``paths``, one at a time (an id read twice is a problem, not read again);
    problems go to the report as they are met."""
    for item in read_paths(paths):
        if isinstance(item, InputProblem):
            report.problems.append(item)
        else:
            yield item


# Articles between two store flushes. Oxigraph keeps what was written since its last flush in memory
# (RocksDB memtables, about 0.3 MB per article) and in its write-ahead log, which the next open replays;
# flushing every 256 articles keeps ingest memory flat and the store quick to open (docs/benchmarks.md).
SYNC_EVERY = 256


class _BatchWriter:
    """Maps extractions to quads and writes them a batch of articles per transaction."""

    def __init__(self, store: GraphSink, batch_size: int, report: IngestReport) -> None:
        self.store = store
        self.batch_size = batch_size
        self.report = report
        self.batch: dict[NamedNode, list[Quad]] = {}
        self.unsynced = 0

    def add(self, extraction: Extraction) -> None:
        from kg.ingest.resolve import identify
        from kg.rdf import iris
        from kg.rdf.mapping import extraction_quads

        try:
            quads = extraction_quads(identify(extraction))
        except (ValueError, KgError) as exc:
            self.report.problems.append(InputProblem(extraction.article.source, f"cannot map the article: {exc}"))
            return
        self.batch[iris.article_graph(extraction.article.id)] = quads
        self.report.articles.append(extraction.article.id)
        self.report.encounters += len(extraction.encounters)
        self.report.quads += len(quads)
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        self.store.replace_graphs(self.batch)
        self.unsynced += len(self.batch)
        self.batch = {}
        if self.unsynced >= SYNC_EVERY:
            self.sync()

    def sync(self) -> None:
        """Persist the store's buffers (stores without buffers have no ``flush``)."""
        if self.unsynced:
            flush_buffers(self.store)
        self.unsynced = 0


def remove_article(article_id: str, store: Store) -> bool:
    """Drop an article's graph: what only it supported disappears, what others also report stays."""
    from kg.keys import article_id_for
    from kg.rdf import iris

    return store.remove_graph(iris.article_graph(article_id_for(article_id, article_id)))
