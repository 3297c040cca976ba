"""Scale-out: extract a shard of articles to N-Quads without a store, for any store's bulk loader.

Extraction is per article and deterministic, so shards made on different machines give the same IRIs,
and loading them into one store merges the encounters they share. The shard streams: each batch of
article graphs is written as it is extracted, so memory does not grow with the shard. One limit: a
partially dated encounter ("on Tuesday", no publication date) is corroborated only by dated reports in
its own shard (see :mod:`kg.ingest.resolve`); ingesting everything in one run, or `kg ingest` of that article
into the loaded store afterwards, corroborates across shards.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import NamedNode, Quad, RdfFormat, serialize

from kg.ingest.pipeline import IngestReport, reference_graphs, write_articles
from kg.query.export import atomic_write
from kg.settings import Settings


class NQuadsSink:
    """Writes graphs to an N-Quads stream as they come (each graph once: the run reads an id only once)."""

    def __init__(self, output: BinaryIO) -> None:
        self.output = output

    def replace_graphs(self, graphs: dict[NamedNode, list[Quad]]) -> None:
        serialize((quad for quads in graphs.values() for quad in quads), self.output, RdfFormat.N_QUADS)


def extract_shard(paths: Iterable[Path], settings: Settings, out: Path | BinaryIO, *,
                  reference: bool = True) -> IngestReport:
    """Read, extract and resolve the articles as ``kg ingest`` does, and write their graphs as N-Quads
    (with the ontology and reference graphs unless ``reference`` is False) to ``out``: a path, written
    atomically and only when at least one article was extracted (inputs that are all missing or unreadable
    leave no file), or a binary stream."""
    from kg.ingest.resolve import DatedEncounters

    def write(output: BinaryIO) -> IngestReport:
        sink = NQuadsSink(output)
        if reference:
            sink.replace_graphs(reference_graphs(settings))
        return write_articles(paths, sink, settings, DatedEncounters())

    if isinstance(out, Path):
        return atomic_write(out, write, keep=lambda report: bool(report.articles))
    return write(out)
