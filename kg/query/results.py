"""Running a saved query on a store and writing its rows as a table, CSV, TSV or JSON.

The table, CSV and TSV hold text; JSON is typed: numbers (xsd:integer, decimal, double and their kin) are
JSON numbers, booleans JSON booleans, an unbound value ``null``; IRIs and other literals are strings.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions

from kg.errors import QueryError, StoreError
from kg.query.names import bind_names
from kg.query.saved import SavedQuery
from kg.rdf.vocab import KG_ID_NS, XSD
from kg.store.base import Store

FORMATS = ("table", "csv", "tsv", "json")


_XSD = XSD.integer.removesuffix("integer")
_INTEGERS = frozenset(_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_REALS = frozenset(_XSD + t for t in ("decimal", "double", "float"))


@dataclass(frozen=True)
class Rows:
    columns: tuple[str, ...]
    values: tuple[tuple[str, ...], ...]
    terms: tuple[tuple[object, ...], ...] = field(default=(), compare=False)  # the RDF terms, for typed JSON
    # the name parameters whose value no stored name folds to, as (parameter, value): why rows may be missing
    unmatched: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, solutions: QuerySolutions, unmatched: tuple[tuple[str, str], ...] = ()) -> Rows:
        columns = tuple(v.value for v in solutions.variables)
        terms = tuple(tuple(row[c] for c in columns) for row in solutions)
        return cls(columns, tuple(tuple(term_text(t) for t in row) for row in terms), terms, unmatched)


def term_json(term: object) -> object:
    """A result term as a JSON value: a number, a boolean, null when unbound, else its text."""
    if isinstance(term, Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _REALS:
                number = float(term.value)
                return number if number == number and abs(number) != float("inf") else term.value
        except ValueError:  # an ill-typed literal stays text
            return term.value
        if datatype == XSD.boolean:
            return term.value in ("true", "1")
    return None if term is None else term_text(term)


def term_text(term: object) -> str:
    """The plain text of a result term: an IRI's IRI, a literal's lexical form, "" when unbound."""
    if term is None:
        return ""
    if isinstance(term, (NamedNode, Literal)):
        return term.value
    if isinstance(term, BlankNode):
        return "_:" + term.value
    return str(term)


def run_query(store: Store, query: SavedQuery, params: dict[str, str]) -> Rows:
    """The rows of ``query`` with ``params`` bound; a ``name`` parameter matches the stored names that fold
    to its value (:mod:`kg.query.names`), and one that matches none is named in ``Rows.unmatched``."""
    query.bind(params)  # unknown, missing and ill-typed parameters are errors before the store is asked
    bound = bind_names(store, query, params)
    text = query.bind(bound.values)
    try:
        solutions = store.select(text)
    except SyntaxError as exc:
        query.check_syntax()  # names file:line:column of the saved text
        raise QueryError(f"saved query '{query.name}' is not valid SPARQL: {exc}", where=str(query.path)) from exc
    except OSError as exc:
        raise StoreError(f"the store failed to answer: {exc}", where=store.location) from exc
    return Rows.of(solutions, bound.unmatched)


def format_rows(rows: Rows, fmt: str) -> str:
    if fmt == "json":
        typed = rows.terms if len(rows.terms) == len(rows.values) else rows.values
        records = [dict(zip(rows.columns, (term_json(t) if rows.terms else t for t in r), strict=True))
                   for r in typed]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(rows.columns)
        writer.writerows(rows.values)
        return buffer.getvalue()
    if fmt == "table":
        return _table(rows)
    raise QueryError(f"unknown output format '{fmt}'", fix=f"use one of {', '.join(FORMATS)}")


def _table(rows: Rows) -> str:
    shown = [tuple(_short(v) for v in row) for row in rows.values]
    widths = [max([len(c)] + [len(r[i]) for r in shown]) for i, c in enumerate(rows.columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(rows.columns, widths, strict=True)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in shown]
    out.append(f"({len(rows.values)} row{'s' if len(rows.values) != 1 else ''})")
    return "\n".join(out) + "\n"


def _short(value: str) -> str:
    """Tables show data IRIs by their path after /id/ to stay readable, and a value's line breaks and tabs
    as spaces so that each row stays one line (a store written before evidence sentences were trimmed
    holds them with their line break); CSV/TSV/JSON keep values as they are."""
    if value.startswith(KG_ID_NS):
        return value[len(KG_ID_NS):]
    return " ".join(value.split()) if any(ch in value for ch in "\n\r\t\v\f\x85\u2028\u2029") else value
