"""Scale-out: extract a shard of articles to N-Quads without a store, for any store's bulk loader.

Extraction is per article and deterministic, so shards made on different machines give the same IRIs,
and loading them into one store merges the encounters they share. One limit: a partially dated encounter
("on Tuesday", no publication date) is corroborated only by dated reports in its own shard (see
:mod:`kg.resolve`); ingesting everything in one run, or `kg ingest` of that article into the loaded
store afterwards, corroborates across shards.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from kg.export import export, write_export
from kg.pipeline import IngestReport, ingest
from kg.settings import Settings
from kg.store.base import MEMORY, open_store


def extract_shard(paths: Iterable[Path], settings: Settings, out: Path | BinaryIO, *,
                  reference: bool = True) -> IngestReport:
    """Read, extract and resolve the articles as ``kg ingest`` does, and write their graphs as N-Quads
    (with the ontology and reference graphs unless ``reference`` is False) to ``out``: a path, written
    atomically, or a binary stream."""
    from kg.rdf import iris

    store = open_store(MEMORY)
    try:
        report = ingest(paths, store, settings)
        if not reference:
            store.remove_graph(iris.ontology_graph())
            store.remove_graph(iris.reference_graph())
        if isinstance(out, Path):
            export(store, "nquads", out)
        else:
            write_export(store, "nquads", out)
    finally:
        store.close()
    return report
