"""``kg sparql``: an ad-hoc SPARQL query (text, a file, or standard input) over the store's union of graphs.

SELECT gives rows, ASK one row with the column ``ask``, CONSTRUCT and DESCRIBE one row per triple
(``subject``, ``predicate``, ``object``), all in the output formats of ``kg query``; a graph can also be
written as RDF (Turtle, N-Triples, JSON-LD). A syntax error names the line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions, RdfFormat, Triple, serialize

from kg.errors import QueryError, StoreError
from kg.query.results import Rows
from kg.query.syntax import query_error
from kg.rdf.vocab import PREFIXES, XSD
from kg.store.base import Store

GRAPH_FORMATS = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD}


@dataclass(frozen=True)
class QueryText:
    text: str
    source: str  # the file it came from, or "the query"


def query_text(given: str, stdin_text: str | None = None) -> QueryText:
    """The query: ``-`` is standard input, an existing file is read, anything else is the query itself."""
    if given == "-":
        return QueryText(stdin_text or "", "standard input")
    path = Path(given)
    try:
        is_file = len(given) < 4096 and "\n" not in given and path.is_file()
    except OSError:
        is_file = False
    if is_file:
        try:
            return QueryText(path.read_text(encoding="utf-8"), str(path))
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read the query file: {exc}", where=str(path)) from exc
    if not any(word in given.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise QueryError(f"{given!r} is neither a file nor a SPARQL query",
                         fix="give the query text (SELECT/ASK/CONSTRUCT/DESCRIBE ...), a .rq file, or - for stdin")
    return QueryText(given, "the query")


def run_sparql(store: Store, query: QueryText) -> Rows | list[Triple]:
    """Rows for SELECT and ASK, the triples for CONSTRUCT and DESCRIBE."""
    try:
        result = store.query(query.text)
    except SyntaxError as exc:
        error = query_error(exc, query.text)
        if query.source not in ("the query", "standard input") and error.where:
            error.where = f"{query.source}, {error.where}"
        raise error from exc
    except OSError as exc:
        raise StoreError(f"the store failed to answer: {exc}", where=store.location) from exc
    if isinstance(result, QuerySolutions):
        return Rows.of(result)
    if isinstance(result, QueryBoolean):
        value = Literal("true" if bool(result) else "false", datatype=NamedNode(XSD.boolean))
        return Rows(("ask",), ((value.value,),), ((value,),))
    return list(result)  # type: ignore[arg-type]


def triple_rows(triples: list[Triple]) -> Rows:
    """A graph as rows of subject, predicate, object."""
    from kg.query.results import term_text

    terms = tuple((t.subject, t.predicate, t.object) for t in triples)
    return Rows(("subject", "predicate", "object"), tuple(tuple(term_text(x) for x in row) for row in terms), terms)


def write_graph(triples: list[Triple], fmt: str) -> bytes:
    """A graph as RDF in one of :data:`GRAPH_FORMATS`."""
    rdf_format = GRAPH_FORMATS[fmt]
    kwargs = {"prefixes": PREFIXES} if rdf_format == RdfFormat.TURTLE else {}
    return serialize(triples, format=rdf_format, **kwargs) or b""  # type: ignore[arg-type]
