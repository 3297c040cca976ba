"""The embedded Oxigraph store (a directory on disk, or in memory)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import NamedNode, Quad, QueryBoolean, QuerySolutions, QueryTriples, RdfFormat, Triple
from pyoxigraph import Store as OxStore

from kg.errors import StoreError

_FORMATS = {"nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG}
# subjects with triples in more than one graph (the default graph counts as one)
_SHARED_SUBJECTS = """
SELECT ?s WHERE { { SELECT DISTINCT ?s ?g WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } } } }
GROUP BY ?s HAVING (COUNT(*) > 1)"""


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
    """pyoxigraph's Store; an update is one transaction, so each article goes in whole or not at all."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.location = str(path) if path is not None else "memory:"
        self.read_only = read_only and path is not None
        try:
            if path is None:
                self._store = OxStore()
            elif read_only:
                self._store = OxStore.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = OxStore(str(path))
        except OSError as exc:
            held = "lock" in str(exc).lower() or "resource temporarily unavailable" in str(exc).lower()
            raise StoreError(
                f"cannot open the store: {exc}",
                where=self.location,
                fix="another kg or oxigraph process holds it; stop that process or use another --store"
                if held else "check the directory exists and is writable, or choose another --store",
            ) from exc

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("cannot write: the store was opened read-only", where=self.location)

    def replace_graphs(self, graphs: dict[NamedNode, list[Quad]]) -> None:
        if not graphs:
            return
        self._writable()
        try:
            self._store.update(replace_update(graphs))
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write to the store: {exc}", where=self.location) from exc

    def add_quads(self, quads: list[Quad]) -> None:
        """One transaction; blank nodes keep their identity across calls (``extend``, not ``INSERT DATA``)."""
        self._writable()
        try:
            self._store.extend(quads)
        except OSError as exc:
            raise StoreError(f"cannot write to the store: {exc}", where=self.location) from exc

    def remove_graph(self, graph: NamedNode) -> bool:
        self._writable()
        if not self._store.contains_named_graph(graph):
            return False
        self._store.update(f"DROP GRAPH {graph}")
        return True

    def graphs(self) -> list[NamedNode]:
        return [g for g in self._store.named_graphs() if isinstance(g, NamedNode)]

    def select(self, query: str) -> QuerySolutions:
        result = self._store.query(query, use_default_graph_as_union=True)
        if not isinstance(result, QuerySolutions):
            raise StoreError("the query is not a SELECT query", where=self.location)
        return result

    def ask(self, query: str) -> bool:
        return bool(self._store.query(query, use_default_graph_as_union=True))

    def query(self, query: str) -> QuerySolutions | QueryBoolean | QueryTriples:
        return self._store.query(query, use_default_graph_as_union=True)

    def update(self, text: str) -> None:
        self._writable()
        try:
            self._store.update(text)
        except OSError as exc:
            raise StoreError(f"cannot write to the store: {exc}", where=self.location) from exc

    def triples(self) -> Iterator[Triple]:
        """Streams the union: only triples whose subject occurs in more than one graph can repeat, so only
        those are remembered (memory stays flat for a store of millions of triples; see docs/benchmarks.md)."""
        shared = {row[0] for row in self._store.query(_SHARED_SUBJECTS)}
        seen: set[Triple] = set()
        for quad in self._store:
            triple = quad.triple
            if triple.subject in shared:
                if triple in seen:
                    continue
                seen.add(triple)
            yield triple

    def quads(self) -> Iterator[Quad]:
        return iter(self._store)

    def dump_quads(self, output: BinaryIO, format_name: str) -> None:
        self._store.dump(output, _FORMATS[format_name])

    def flush(self) -> None:
        if self.location != "memory:":
            self._store.flush()

    def close(self) -> None:
        if hasattr(self, "_store"):
            del self._store
