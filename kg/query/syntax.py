"""Readable SPARQL syntax errors: the parser's message, line and column, and the line with a caret.

Oxigraph reports ``error at 1:28: expected one of Prefix not found, ['%'], ['-' | '0' ..= '9' | ...]``: the
character classes it lists are noise to a reader. :func:`explain` keeps the position and the words, names an
undeclared prefix, and shows where in the text it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import QueryError

_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)
_CLASSES = re.compile(r"\[[^\]]*\]")
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:[\w.%-]*$")
# what hides prefixed-name look-alikes: comments, strings, IRIs (each replaced by blanks of its length)
_OPAQUE = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>')
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_NAME = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%]|\s|$)")


@dataclass(frozen=True)
class SyntaxProblem:
    message: str
    line: int | None
    column: int | None
    excerpt: str

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}: " if self.line is not None else ""
        return f"{where}{self.message}" + (f"\n{self.excerpt}" if self.excerpt else "")


def explain(exc: SyntaxError, text: str) -> SyntaxProblem:
    """The parser's complaint about ``text`` as message, 1-based line and column, and an excerpt."""
    raw = str(exc)
    match = _POSITION.match(raw)
    if match is None:
        return SyntaxProblem(raw, None, None, "")
    line, column, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    undeclared = _undeclared_prefix(text)
    if undeclared is not None and "Prefix not found" not in detail:
        line, column = undeclared  # the parser lost its way after it: the prefix is the cause
        detail = "Prefix not found"
    lines = text.splitlines() or [""]
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    message = _message(detail, source[: max(column - 1, 0)])
    excerpt = f"  {source}\n  {' ' * max(column - 1, 0)}^" if source else ""
    return SyntaxProblem(message, line, column, excerpt)


def _undeclared_prefix(text: str) -> tuple[int, int] | None:
    """Line and column just after the first prefixed name whose prefix no PREFIX declares."""
    plain = _OPAQUE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    declared = {m.group(1) or "" for m in _DECLARED.finditer(plain)}
    for found in _NAME.finditer(plain):
        if (found.group(1) or "") in declared or re.search(r"PREFIX\s+$", plain[: found.start()], re.I):
            continue
        end = found.end()
        while end < len(plain) and re.match(r"[\w.%-]", plain[end]):
            end += 1
        line = plain.count("\n", 0, end) + 1
        return line, end - (plain.rfind("\n", 0, end) + 1) + 1
    return None


def _message(detail: str, before: str) -> str:
    if "Prefix not found" in detail:
        prefixed = _PREFIXED.search(before)
        name = (prefixed.group(1) or "") if prefixed else ""
        return f"unknown prefix '{name}:' (declare it: PREFIX {name}: <...>)"
    if not detail.startswith("expected"):
        return detail
    words = [w.strip() for w in _CLASSES.sub("", detail.removeprefix("expected one of").removeprefix("expected"))
             .split(",")]
    words = [w for w in words if w and w != "|"]
    sentences = [w for w in words if " " in w or w[:1].isupper() and w[1:2].islower()]
    if sentences:
        return "; ".join(s[0].lower() + s[1:] if s[1:2].islower() else s for s in sentences)
    if not words:
        return "syntax error: unexpected character"
    return "syntax error, expected " + ", ".join(words[:8]) + (", ..." if len(words) > 8 else "")


def query_error(exc: SyntaxError, text: str, what: str = "the query") -> QueryError:
    """A QueryError for ``exc``: where in ``text``, and what the parser expected."""
    problem = explain(exc, text)
    where = f"line {problem.line}, column {problem.column}" if problem.line is not None else None
    error = QueryError(f"{what} is not valid SPARQL: {problem.message}", where=where)
    error.problem = problem  # type: ignore[attr-defined] -- the excerpt, for who shows it
    return error
