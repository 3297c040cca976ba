"""The saved-query catalogue (``queries/*.rq``), typed parameters and safe binding.

A saved query is plain SPARQL with a comment header::

    # name: calls-with
    # summary: Encounters an actor took part in.
    # param: actor (name, required): a name, alias or ISO code, e.g. "Putin" or "RUS"

Parameter values become RDF terms and enter the query only through the term's own serializer, in a
``VALUES`` block placed at the top of the outer ``WHERE`` (never pasted into the query text). A ``name``
parameter is a plain string in the query text (any SPARQL tool runs it); ``kg query`` first replaces the
value given by the names the store holds that fold to it (:mod:`kg.query.names`), so "Erdogan" finds
"Erdoğan". A parameter bound to several values gives the ``VALUES`` block one row per value.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from kg.errors import QueryError
from kg.rdf.vocab import XSD
from kg.resources import queries_dir

_HEADER = re.compile(r"^#\s*(name|summary|param)\s*:\s*(.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<type>iri|string|name|date|integer)"
    r"(?:\s*,\s*(?P<req>required|optional))?\)\s*:?\s*(?P<doc>.*)$"
)
_OUTER_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str  # iri | string | name (a string compared folded by kg query) | date | integer
    required: bool
    doc: str

    def term(self, value: str) -> NamedNode | Literal:
        """The RDF term for a value given on the command line."""
        try:
            if self.type == "iri":
                return NamedNode(value)
            if self.type == "date":
                return Literal(dt.date.fromisoformat(value).isoformat(), datatype=NamedNode(XSD.date))
            if self.type == "integer":
                return Literal(str(int(value)), datatype=NamedNode(XSD.integer))
        except ValueError as exc:
            raise QueryError(f"parameter {self.name}: {value!r} is not a valid {self.type}") from exc
        return Literal(value)


@dataclass(frozen=True)
class SavedQuery:
    name: str
    summary: str
    parameters: tuple[Parameter, ...]
    text: str
    path: Path

    def check_syntax(self) -> None:
        """Raise a QueryError naming ``file:line:column`` when the saved text is not valid SPARQL."""
        from pyoxigraph import Store

        try:
            Store().query(self.text)  # an empty store: parsing is the point
        except SyntaxError as exc:
            message = str(exc)
            match = re.search(r"(\d+):(\d+)", message)
            where = f"{self.path}:{match.group(1)}:{match.group(2)}" if match else str(self.path)
            raise QueryError(f"saved query '{self.name}' is not valid SPARQL: {message}", where=where,
                             fix="fix the query file; check it with any SPARQL parser") from exc

    def bind(self, values: Mapping[str, str | Sequence[str]]) -> str:
        """The query text with the values bound (a sequence of values: one ``VALUES`` row each); unknown or
        missing parameters are errors."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        expected = ", ".join(f"{p.name} ({p.type}{'' if p.required else ', optional'})" for p in self.parameters)
        if unknown:
            raise QueryError(f"query '{self.name}' has no parameter {', '.join(unknown)}",
                             fix=f"its parameters: {expected or 'none'}")
        missing = [p.name for p in self.parameters if p.required and p.name not in values]
        if missing:
            raise QueryError(f"query '{self.name}' needs parameter {', '.join(missing)}",
                             fix=f"pass --param NAME=VALUE; its parameters: {expected}")
        if not self.parameters:
            return self.text
        choices = [[str(known[n].term(v)) for v in _listed(values[n])] if n in values else ["UNDEF"] for n in known]
        table = " ".join("(" + " ".join(row) + ")" for row in itertools.product(*choices))
        block = "VALUES (" + " ".join(f"?{n}" for n in known) + ") { " + table + " }"
        match = _OUTER_WHERE.search(_blank_comments(self.text))
        if match is None:
            raise QueryError(f"query '{self.name}' has no WHERE clause to bind parameters in", where=str(self.path))
        return self.text[: match.end()] + "\n  " + block + "\n" + self.text[match.end() :]


def _listed(value: str | Sequence[str]) -> Sequence[str]:
    return (value,) if isinstance(value, str) else value


def _blank_comments(text: str) -> str:
    """Same length, with comment text blanked (so positions still match the original)."""
    return re.sub(r"#[^\n]*", lambda m: " " * len(m.group(0)), text)


def parse_saved_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            param = _PARAM.match(value)
            if not param:
                raise QueryError(f"malformed parameter declaration: {value!r}", where=f"{path}:{line_no}",
                                 fix="write '# param: NAME (iri|string|name|date|integer[, optional]): description'")
            parameters.append(Parameter(param["name"], param["type"], param["req"] != "optional", param["doc"]))
        else:
            fields[key] = value
    return SavedQuery(fields.get("name", path.stem), fields.get("summary", ""), tuple(parameters), text, path)


@cache
def load_query(directory: Path, name: str) -> SavedQuery:
    """The saved query ``NAME.rq`` in ``directory``: the one loader of ``.rq`` files, for the catalogue and
    for the queries kg runs itself (``kg/evaluation/sparql``, ``kg/validate/sparql``, ``kg/views/sparql``)."""
    path = directory / f"{name}.rq"
    if not path.is_file():
        raise QueryError(f"no saved query {name}.rq", where=str(directory),
                         fix="reinstall kg from a complete checkout")
    return parse_saved_query(path)


def catalogue(directory: Path | None = None) -> dict[str, SavedQuery]:
    """Every saved query by name, sorted."""
    root = directory or queries_dir()
    queries = [parse_saved_query(p) for p in sorted(root.glob("*.rq"))]
    return {q.name: q for q in queries}


def get_query(name: str, directory: Path | None = None) -> SavedQuery:
    queries = catalogue(directory)
    if name not in queries:
        raise QueryError(f"no saved query named '{name}'", fix=f"known queries: {', '.join(queries)}")
    return queries[name]
