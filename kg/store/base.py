"""The store protocol every backend implements, and ``open_store``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from pyoxigraph import NamedNode, Quad, QueryBoolean, QuerySolutions, Triple

if TYPE_CHECKING:
    from kg.settings import Settings

MEMORY = "memory:"

# what ``Store.query`` gives: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)
QueryResult = QuerySolutions | QueryBoolean | Iterable[Triple]


class Store(Protocol):
    """What kg needs of a quad store. Writes are atomic per call."""

    location: str

    def replace_graphs(self, graphs: dict[NamedNode, list[Quad]]) -> None:
        """Replace each named graph by the given quads, all in one transaction."""

    def add_quads(self, quads: list[Quad]) -> None:
        """Add quads to their named graphs, keeping what the graphs hold (``kg load`` of a graph too large
        for one transaction, or met twice in a file)."""

    def remove_graph(self, graph: NamedNode) -> bool:
        """Drop a named graph; False when it was not there."""

    def graphs(self) -> list[NamedNode]:
        """The named graphs in the store."""

    def select(self, query: str) -> QuerySolutions:
        """Run a SELECT over the union of all graphs."""

    def ask(self, query: str) -> bool:
        """Run an ASK over the union of all graphs."""

    def query(self, query: str) -> QueryResult:
        """Run any query form over the union of all graphs (for ``kg serve``)."""

    def update(self, text: str) -> None:
        """Run a SPARQL Update (refused by a read-only store)."""

    def triples(self) -> Iterator[Triple]:
        """Every distinct triple of the union of all graphs."""

    def quads(self) -> Iterator[Quad]:
        """Every quad, with its graph."""

    def dump_quads(self, output: BinaryIO, format_name: str) -> None:
        """Write the whole dataset (named graphs kept) as N-Quads or TriG."""

    def close(self) -> None:
        """Release the store (its lock, for a directory)."""


def flush_buffers(store: object) -> None:
    """Persist a store's write buffers: the embedded store's ``flush()``; stores without buffers have none."""
    flush = getattr(store, "flush", None)
    if flush is not None:
        flush()


def open_store(
    location: str,
    *,
    read_only: bool = False,
    settings: Settings | None = None,
    environ: Mapping[str, str] | None = None,
) -> Store:
    """The store at ``location``: ``memory:``, an ``http(s)://`` SPARQL endpoint, or else a directory for the
    embedded Oxigraph store. A remote store takes its endpoints, union mode, timeout and retries from
    ``settings`` (default: the defaults) and its credentials from ``environ`` (default: none; the CLI passes
    the process environment, docs/stores.md). This module never reads the environment itself."""
    from kg.store.endpoints import is_remote

    if is_remote(location):
        return _open_remote(location, read_only, settings, {} if environ is None else environ)
    if "://" in location:
        from kg.errors import StoreError

        raise StoreError(f"unsupported store URL scheme in {location.split('://')[0]!r}://", where="--store / KG_STORE",
                         fix="use a directory, memory:, or an http:// or https:// SPARQL endpoint")
    from kg.store.oxigraph_store import OxigraphStore

    if location == MEMORY:
        return OxigraphStore(None)
    return OxigraphStore(Path(location), read_only=read_only)


def _open_remote(location: str, read_only: bool, settings: Settings | None, environ: Mapping[str, str]) -> Store:
    from kg.settings import Settings
    from kg.store.endpoints import derive
    from kg.store.http import Auth, HttpClient
    from kg.store.remote import RemoteStore

    config = settings or Settings(store=location)
    endpoints = derive(location, query=config.store_query_url, update=config.store_update_url,
                       gsp=config.store_gsp_url)
    client = HttpClient(Auth.from_environ(environ), timeout=config.store_timeout, retries=config.store_retries)
    return RemoteStore(location, endpoints, client, union=config.store_union, read_only=read_only)
