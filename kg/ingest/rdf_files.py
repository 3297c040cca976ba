"""Load RDF files into the store, streaming: N-Quads, TriG, Turtle, N-Triples and JSON-LD, plain or gzipped.

The bulk path for ``kg extract`` shards, ``kg export`` files and RDF from other tools. A file is read twice:
once to check its syntax (a file with an error is reported with line and column and loads nothing), then
to load it in batches of whole graphs, so memory stays flat however large the file.

Graph semantics are those of ``kg ingest`` (Graph Store PUT): a named graph in a file *replaces* the
store's graph of that name (a graph met again further down the same file is added to), so loading a file
again changes nothing. Triples outside any named graph (Turtle, N-Triples, or default-graph lines of
N-Quads) go to ``graph`` when given, which the load's files fill together, or else to a graph named after
each file (:func:`kg.rdf.iris.file_graph`), so they can be replaced and removed like an article's graph.

Each graph of up to ``graph_cap`` quads is written in one transaction with the others of its batch. A
larger graph is written in parts (first emptied, then added to), the parts transactional one by one: an
interrupted load leaves it partly loaded until the load is run again.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, RdfFormat, Triple, parse

from kg.articles import InputProblem
from kg.errors import InputError
from kg.rdf.iris import PROTECTED_GRAPHS
from kg.rdf.json_depth import MAX_DEPTH, too_deep
from kg.rdf.vocab import DCTERMS
from kg.store.base import Store, flush_buffers
from kg.walk import Skipped, walk_files

FORMATS = {
    "nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD,
}
SUFFIXES = {
    ".nq": "nquads", ".nquads": "nquads", ".trig": "trig", ".ttl": "turtle", ".turtle": "turtle",
    ".nt": "ntriples", ".ntriples": "ntriples", ".jsonld": "jsonld",
}
BATCH_QUADS = 50_000  # quads per write (whole graphs; a batch closes at the first graph boundary past this)
# a graph with more quads is written in parts rather than in one transaction: the quads of a transaction are
# Python objects until it is written (with their default-graph copies, about 1 KB each), so the cap is what
# bounds the memory of a load; article graphs hold a few hundred quads, far below it
GRAPH_CAP = BATCH_QUADS
# quads between two flushes of the embedded store, which otherwise keeps all it was written in memory and
# in its write-ahead log (as kg.ingest.pipeline.SYNC_EVERY does for ingest: about 256 articles' worth)
SYNC_QUADS = 100_000


@dataclass
class LoadReport:
    """What a load did; the CLI prints it."""

    files: list[str] = field(default_factory=list)
    graphs: int = 0
    quads: int = 0
    problems: list[InputProblem] = field(default_factory=list)


def _suffix(path: Path) -> str:
    """The last suffix that names a format, ``.gz`` looked through (``a.nq.gz`` -> ``.nq``)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes[-1:] == [".gz"]:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def check_format(name: str) -> str:
    """``name`` when it is a format kg loads, else a clear error listing them."""
    if name not in FORMATS:
        raise InputError(f"unknown RDF format {name!r}", fix=f"use one of {', '.join(FORMATS)}")
    return name


def format_of(path: Path, name: str | None = None) -> str:
    """The format name for ``path``: ``name`` when given, else from the suffix (``.gz`` looked through)."""
    if name:
        return check_format(name)
    if _suffix(path) not in SUFFIXES:
        raise InputError("cannot tell the RDF format from the file name", where=str(path),
                         fix=f"name it {', '.join(SUFFIXES)} (optionally .gz), or give --format")
    return SUFFIXES[_suffix(path)]


@contextmanager
def _opened(path: Path) -> Iterator[BinaryIO]:
    with path.open("rb") as raw:
        if raw.read(2) == b"\x1f\x8b":
            raw.seek(0)
            with gzip.open(raw, "rb") as unzipped:
                yield unzipped  # type: ignore[misc]
        else:
            raw.seek(0)
            yield raw


def _quads(path: Path, fmt: str, *, lenient: bool) -> Iterator[Quad]:
    with _opened(path) as handle:
        yield from parse(handle, FORMATS[fmt], base_iri=path.resolve().as_uri(), rename_blank_nodes=True,
                         lenient=lenient)


class _Unsupported(Exception):
    """A construct the store's write path does not take, found while checking a file."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what, self.fix = what, fix


_IDENTIFIER = NamedNode(DCTERMS.identifier)
_MISSING = "no digest"


def kept_graphs(store: Store) -> frozenset[str]:
    """The protected graphs (reference, ontology) the store holds: a file may replace one of them only with
    a whole graph as kg writes it, which carries its content digest (``<graph> dcterms:identifier``); kg
    ingest rewrites it from the gazetteer when the digest is not the current one."""
    return frozenset(g for g in PROTECTED_GRAPHS if store.ask(f"ASK {{ GRAPH {NamedNode(g)} {{ ?s ?p ?o }} }}"))


def _check_quad(quad: Quad, number: int, kept: frozenset[str], brought: dict[str, str]) -> None:
    graph = quad.graph_name
    if isinstance(graph, BlankNode):
        raise _Unsupported(f"quad {number} names its graph by a blank node ({graph}); kg stores only graphs "
                           "named by IRIs", "give the graph an IRI; nothing of the file was loaded")
    if isinstance(quad.subject, Triple) or isinstance(quad.object, Triple):
        raise _Unsupported(f"quad {number} has an RDF 1.2 triple term (<<( ... )>>), which kg's stores do not "
                           "take", "leave out the statements about statements; nothing of the file was loaded")
    if kept and isinstance(graph, NamedNode) and graph.value in kept:
        brought.setdefault(graph.value, _MISSING)
        if quad.subject == graph and quad.predicate == _IDENTIFIER:
            brought[graph.value] = str(quad.object)


def _protected_problem(brought: dict[str, str]) -> _Unsupported | None:
    partial = sorted(g for g, digest in brought.items() if digest == _MISSING)
    if not partial:
        return None
    return _Unsupported(f"the file writes {', '.join(f'<{g}>' for g in partial)}, which kg ingest keeps in step "
                        "with the gazetteer and the ontology, and not as kg writes it (no content digest): "
                        "loading it would replace the whole graph",
                        "leave that graph out of the file, or give --replace-reference to replace it on "
                        "purpose; nothing of the file was loaded")


def check_file(path: Path, fmt: str, *, kept: frozenset[str] = frozenset()) -> InputProblem | None:
    """Parse the whole file without keeping it: ``None`` when it is well-formed and holds only what the
    stores take (graphs named by IRIs, no triple terms), else a problem saying where and what. ``kept``:
    the protected graphs of the target store (:func:`kept_graphs`), which the file may bring only whole."""
    try:
        if fmt == "jsonld":
            with _opened(path) as handle:
                deep_at = too_deep(handle)
            if deep_at is not None:  # the JSON-LD parser would crash the process (stack overflow)
                return InputProblem(str(path), f"the JSON-LD nests deeper than {MAX_DEPTH} levels (at byte "
                                               f"{deep_at})", "flatten it; nothing of it was loaded")
        brought: dict[str, str] = {}
        for number, quad in enumerate(_quads(path, fmt, lenient=False), start=1):
            _check_quad(quad, number, kept, brought)
        refused = _protected_problem(brought)
        if refused is not None:
            raise refused
    except _Unsupported as exc:
        return InputProblem(str(path), exc.what, exc.fix)
    except SyntaxError as exc:
        where = f"{path}:{exc.lineno}:{exc.offset}" if exc.lineno else str(path)
        what = str(exc.args[0]) if exc.args else str(exc)
        return InputProblem(where, f"not valid {fmt}: {what}", "fix the file; nothing of it was loaded")
    except (OSError, EOFError, ValueError) as exc:
        return InputProblem(str(path), f"cannot read the file: {exc}", "nothing of it was loaded")
    return None


def _graph_runs(quads: Iterable[Quad], default: NamedNode) -> Iterator[tuple[NamedNode, list[Quad]]]:
    """Consecutive quads of one graph, at most ``GRAPH_CAP`` at a time; default-graph quads go to ``default``."""
    current: NamedNode | None = None
    run: list[Quad] = []
    for quad in quads:
        graph = quad.graph_name
        if isinstance(graph, DefaultGraph):
            graph, quad = default, Quad(quad.subject, quad.predicate, quad.object, default)
        if graph != current or len(run) >= GRAPH_CAP:
            if run:
                assert current is not None
                yield current, run
            current, run = graph, []  # type: ignore[assignment]
        run.append(quad)
    if run:
        assert current is not None
        yield current, run


class _GraphWriter:
    """Writes runs of graphs in batches: a graph met for the first time replaces the store's, later runs of
    it (a graph split by the cap, or one that comes back further down a TriG file) are added to it."""

    def __init__(self, store: Store, report: LoadReport, batch_quads: int) -> None:
        self.store = store
        self.report = report
        self.batch_quads = batch_quads
        self.seen: set[NamedNode] = set()
        self.replace: dict[NamedNode, list[Quad]] = {}
        self.add: list[Quad] = []
        self.size = 0
        self.unsynced = 0

    def write(self, graph: NamedNode, quads: list[Quad]) -> None:
        if graph in self.seen:
            self.add += quads
        elif len(quads) >= GRAPH_CAP:  # too large for one transaction: empty it, then add in parts
            self.flush()
            self.store.replace_graphs({graph: []})
            self.add += quads
        else:
            self.replace[graph] = quads
        self.seen.add(graph)
        self.report.quads += len(quads)
        self.size += len(quads)
        if self.size >= self.batch_quads:
            self.flush()

    def flush(self) -> None:
        if self.replace:
            self.store.replace_graphs(self.replace)
        if self.add:
            self.store.add_quads(self.add)
        self.unsynced += self.size
        self.replace, self.add, self.size = {}, [], 0
        if self.unsynced >= SYNC_QUADS:
            self.sync()

    def sync(self) -> None:
        """Persist the store's buffers (stores without buffers have no ``flush``)."""
        if self.unsynced:
            flush_buffers(self.store)
        self.unsynced = 0


def rdf_files(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """The files named, and in folders (recursively, in name order) the files with an RDF suffix; what in a
    folder cannot be read (an unreadable folder, a named pipe) as :class:`~kg.walk.Skipped`."""
    for path in paths:
        if path.is_dir():
            for entry in walk_files(path):
                if isinstance(entry, Skipped) or _suffix(entry) in SUFFIXES:
                    yield entry
        else:
            yield path


def load_files(paths: Iterable[Path], store: Store, *, fmt: str | None = None, graph: NamedNode | None = None,
               batch_quads: int = BATCH_QUADS, replace_protected: bool = False) -> LoadReport:
    """Load RDF files (and the RDF files in folders) into ``store`` (see the module notes). A file that
    cannot be read or parsed, or holds what the stores do not take, is reported in the returned report and
    loads nothing; the others still load. The store's reference and ontology graphs are replaced by other
    content only with ``replace_protected``: they are what ``kg ingest`` links articles to."""
    from kg.rdf import iris

    if fmt:
        check_format(fmt)  # an unknown --format is a usage error, not a problem of every file
    kept = frozenset() if replace_protected else kept_graphs(store)
    if kept and graph is not None and graph.value in kept:
        raise InputError(f"--graph {graph} would replace a graph kg ingest keeps in step with the gazetteer "
                         "and the ontology", fix="choose another graph, or give --replace-reference")
    report = LoadReport()
    writer = _GraphWriter(store, report, batch_quads)
    for path in rdf_files(paths):
        if isinstance(path, Skipped):
            report.problems.append(InputProblem(str(path.path), path.why, "nothing of it was loaded"))
            continue
        try:
            file_format = format_of(path, fmt)
        except InputError as exc:
            report.problems.append(InputProblem(exc.where or str(path), exc.what, exc.fix or ""))
            continue
        problem = check_file(path, file_format, kept=kept)
        if problem is not None:
            report.problems.append(problem)
            continue
        # a file replaces the graphs it names; the --graph target is replaced once, then filled by every file
        writer.seen = {graph} & writer.seen if graph is not None else set()
        for name, quads in _graph_runs(_quads(path, file_format, lenient=True), graph or iris.file_graph(path.name)):
            writer.write(name, quads)
        writer.flush()
        report.graphs += len(writer.seen)
        report.files.append(str(path))
    writer.sync()
    return report
