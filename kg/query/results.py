"""Running a saved query on a store and writing its rows as a table, CSV, TSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode

from kg.errors import QueryError, StoreError
from kg.query.saved import SavedQuery
from kg.rdf.vocab import KG_ID_NS
from kg.store.base import Store

FORMATS = ("table", "csv", "tsv", "json")


@dataclass(frozen=True)
class Rows:
    columns: tuple[str, ...]
    values: tuple[tuple[str, ...], ...]


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
    text = query.bind(params)
    try:
        solutions = store.select(text)
    except SyntaxError as exc:
        query.check_syntax()  # names file:line:column of the saved text
        raise QueryError(f"saved query '{query.name}' is not valid SPARQL: {exc}", where=str(query.path)) from exc
    except OSError as exc:
        raise StoreError(f"the store failed to answer: {exc}", where=store.location) from exc
    columns = tuple(v.value for v in solutions.variables)
    values = tuple(tuple(term_text(row[c]) for c in columns) for row in solutions)
    return Rows(columns, values)


def format_rows(rows: Rows, fmt: str) -> str:
    if fmt == "json":
        records = [dict(zip(rows.columns, r, strict=True)) for r in rows.values]
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
    """Tables show data IRIs by their path after /id/ to stay readable; CSV/TSV/JSON keep full IRIs."""
    return value[len(KG_ID_NS):] if value.startswith(KG_ID_NS) else value
