"""The store protocol every backend implements, and ``open_store``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from pyoxigraph import NamedNode, Quad, QuerySolutions, Triple

from kg.errors import StoreError

MEMORY = "memory:"


class Store(Protocol):
    """What kg needs of a quad store. Writes are atomic per call."""

    location: str

    def replace_graphs(self, graphs: dict[NamedNode, list[Quad]]) -> None:
        """Replace each named graph by the given quads, all in one transaction."""

    def remove_graph(self, graph: NamedNode) -> bool:
        """Drop a named graph; False when it was not there."""

    def graphs(self) -> list[NamedNode]:
        """The named graphs in the store."""

    def select(self, query: str) -> QuerySolutions:
        """Run a SELECT over the union of all graphs."""

    def ask(self, query: str) -> bool:
        """Run an ASK over the union of all graphs."""

    def triples(self) -> Iterator[Triple]:
        """Every distinct triple of the union of all graphs."""

    def quads(self) -> Iterator[Quad]:
        """Every quad, with its graph."""

    def dump_quads(self, output: BinaryIO, format_name: str) -> None:
        """Write the whole dataset (named graphs kept) as N-Quads or TriG."""

    def close(self) -> None:
        """Release the store (its lock, for a directory)."""


def open_store(location: str, *, read_only: bool = False) -> Store:
    """``memory:`` for an in-memory store, anything else a directory for the embedded Oxigraph store."""
    from kg.store.oxigraph_store import OxigraphStore

    if location.startswith(("http://", "https://")):
        raise StoreError(
            f"remote SPARQL stores are not supported yet: {location}",
            fix="use a directory (embedded Oxigraph) or memory:, then load the export into your server",
        )
    if location == MEMORY:
        return OxigraphStore(None)
    return OxigraphStore(Path(location), read_only=read_only)


def sorted_quads(quads: Iterable[Quad]) -> list[Quad]:
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
