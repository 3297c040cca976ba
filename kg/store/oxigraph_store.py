"""The embedded Oxigraph store (a directory on disk, or in memory)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    serialize,
)
from pyoxigraph import Store as OxStore

from kg.errors import QueryError, StoreError
from kg.store import union

_FORMATS = {"nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG}


def replace_update(graphs: dict[NamedNode, list[Quad]]) -> str:
    """One SPARQL Update that drops and refills each graph; terms are written by their own serializer."""
    parts = []
    for graph, quads in graphs.items():
        parts.append(f"DROP SILENT GRAPH {graph}")
        if quads:
            parts.append(_insert(graph, quads))
    return " ;\n".join(parts)


def by_graph(quads: list[Quad]) -> dict[NamedNode, list[Quad]]:
    """The quads grouped by their (named) graph, in order of first appearance."""
    graphs: dict[NamedNode, list[Quad]] = {}
    for quad in quads:
        graphs.setdefault(quad.graph_name, []).append(quad)  # type: ignore[arg-type]
    return graphs


def insert_update(quads: list[Quad]) -> str:
    """One SPARQL Update adding the quads to their graphs (kept as they are otherwise)."""
    return " ;\n".join(_insert(graph, part) for graph, part in by_graph(quads).items())


def _insert(graph: NamedNode, quads: list[Quad]) -> str:
    body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    return f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}"


class OxigraphStore:
    """pyoxigraph's Store; an update is one transaction, so each article goes in whole or not at all.

    The default graph is kept as the union of the named graphs, as a set (:mod:`kg.store.union`): every
    write updates it in the same transaction, and queries run on it. A store whose default graph was never
    derived (written by an older kg, or filled by ``oxigraph load``) gets it when first opened; a read-only
    open does that through a short writable open, which fails if another process holds the store."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.location = str(path) if path is not None else "memory:"
        self.read_only = read_only and path is not None
        self._path = path
        self._store = self._open(path, read_only)
        if path is not None and bool(self._store.query(union.UNDERIVED)):
            self._derive_union(path)
        self._stamp = _stamp(path) if self.read_only else None

    def _derive_union(self, path: Path) -> None:
        if not self.read_only:
            self._store.update(union.REDERIVE)
            return
        del self._store
        writer = self._open(path, False)
        writer.update(union.REDERIVE)
        writer.flush()
        del writer
        self._store = self._open(path, True)

    def _open(self, path: Path | None, read_only: bool) -> OxStore:
        try:
            if path is None:
                return OxStore()
            if read_only:
                return OxStore.read_only(str(path))
            path.mkdir(parents=True, exist_ok=True)
            return OxStore(str(path))
        except OSError as exc:
            held = "lock" in str(exc).lower() or "resource temporarily unavailable" in str(exc).lower()
            raise StoreError(
                f"cannot open the store: {exc}",
                where=self.location,
                fix="another kg or oxigraph process holds it; stop that process or use another --store"
                if held else "check the directory exists and is writable, or choose another --store",
            ) from exc

    def refresh(self) -> bool:
        """A read-only store sees what other processes wrote since it was opened (``kg ingest`` into the
        directory ``kg serve`` serves): when the store's files changed, it is opened again. True if it was."""
        if not self.read_only or self._path is None:
            return False
        stamp = _stamp(self._path)
        if stamp == self._stamp:
            return False
        try:
            self._store = self._open(self._path, True)  # queries running on the old snapshot keep it
        except StoreError:  # caught the writer mid-way through renaming its files: try on the next request
            return False
        self._stamp = stamp
        return True

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("cannot write: the store was opened read-only", where=self.location)

    def replace_graphs(self, graphs: dict[NamedNode, list[Quad]]) -> None:
        if not graphs:
            return
        self._writable()
        try:
            self._store.update(union.replace(graphs))
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write to the store: {exc}", where=self.location) from exc

    def add_quads(self, quads: list[Quad]) -> None:
        """One transaction; blank nodes keep their identity across calls (``extend``, not ``INSERT DATA``)."""
        self._writable()
        try:
            self._store.extend(union.with_union(quads))
        except OSError as exc:
            raise StoreError(f"cannot write to the store: {exc}", where=self.location) from exc

    def remove_graph(self, graph: NamedNode) -> bool:
        self._writable()
        if not self._store.contains_named_graph(graph):
            return False
        self._store.update(union.release(graph))
        return True

    def graphs(self) -> list[NamedNode]:
        return [g for g in self._store.named_graphs() if isinstance(g, NamedNode)]

    def select(self, query: str) -> QuerySolutions:
        result = self._store.query(query)
        if not isinstance(result, QuerySolutions):
            raise StoreError("the query is not a SELECT query", where=self.location)
        return result

    def ask(self, query: str) -> bool:
        return bool(self._store.query(query))

    def query(self, query: str) -> QuerySolutions | QueryBoolean | QueryTriples:
        return self._store.query(query)

    def update(self, text: str) -> None:
        """A SPARQL Update on the named graphs, then the union re-derived, in one transaction. The default
        graph is that union: an update that writes data into it (``INSERT DATA`` without ``GRAPH``) is
        refused, as what it wrote would not be kept."""
        self._writable()
        _refuse_default_graph_data(text)
        try:
            try:
                self._store.update(f"{text}\n;\n{union.REDERIVE}")
            except SyntaxError:  # the text ends with its own ';'
                self._store.update(f"{text}\n{union.REDERIVE}")
        except RuntimeError as exc:  # the update could not be applied (DROP GRAPH of a missing graph)
            raise QueryError(f"the update failed: {exc}", where=self.location) from exc
        except OSError as exc:
            raise StoreError(f"cannot write to the store: {exc}", where=self.location) from exc

    def triples(self) -> Iterator[Triple]:
        """The union of the named graphs, each distinct triple once: the default graph, streamed."""
        return (q.triple for q in self._store.quads_for_pattern(None, None, None, DefaultGraph()))

    def quads(self) -> Iterator[Quad]:
        """The quads of the named graphs (the default graph is derived from them)."""
        for graph in self._store.named_graphs():
            yield from self._store.quads_for_pattern(None, None, None, graph)

    def dump_quads(self, output: BinaryIO, format_name: str) -> None:
        serialize(self.quads(), output, _FORMATS[format_name])

    def flush(self) -> None:
        if self.location != "memory:":
            self._store.flush()

    def close(self) -> None:
        if hasattr(self, "_store"):
            del self._store


def _stamp(path: Path | None) -> tuple[tuple[str, int, int], ...]:
    """The store directory's files with their sizes and modification times: changes when anything is written."""
    if path is None:
        return ()
    try:
        entries = [(e.name, e.stat()) for e in os.scandir(path) if e.is_file()]
    except OSError:
        return ()
    return tuple(sorted((name, st.st_size, st.st_mtime_ns) for name, st in entries))


def _refuse_default_graph_data(text: str) -> None:
    """Dry-run ``text`` on an empty store: a syntax error is the user's, with its position; data written
    into the default graph means the update names no graph."""
    probe = OxStore()
    try:
        probe.update(text)
    except (RuntimeError, OSError):  # e.g. DROP GRAPH of a graph the empty store lacks: the real run decides
        return
    if any(True for _ in probe.quads_for_pattern(None, None, None, DefaultGraph())):
        raise QueryError("this update writes into the default graph, which is the union of the named graphs "
                         "(derived, not stored)", fix="write into a named graph: INSERT DATA { GRAPH <IRI> { ... } }")
