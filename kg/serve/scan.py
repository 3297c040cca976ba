"""What a SPARQL request would make the server do, read from its tokens (no evaluation): whether it calls
out to other servers (``SERVICE``), fetches a document (``LOAD``), or may write a protected graph.

SPARQL processes ``\\u`` escapes before parsing, so they are decoded first; comments, string literals and
IRIs are lexed as such, so the word SERVICE in a literal, a comment, an IRI or a variable name is not a
keyword. Prefixed names are expanded with the request's own ``PREFIX`` declarations and IRIs resolved
against its ``BASE``. The scan errs on the side of refusing: an update that may touch every graph (``ALL``,
``NAMED``, ``GRAPH ?g`` in a template) counts as touching the protected ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<comment>\#[^\n]*)
      | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                  |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
      | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:
                  (?:[\w\-:%.\\\u00b7\u00c0-\uffff]*[\w\-:%\\\u00c0-\uffff])?)
      | (?P<word>[A-Za-z_][\w]*)
      | (?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


def decode_escapes(text: str) -> str:
    """The text with SPARQL's ``\\uXXXX`` / ``\\UXXXXXXXX`` code point escapes replaced."""
    def char(match: re.Match[str]) -> str:
        try:
            return chr(int(match.group(1) or match.group(2), 16))
        except (ValueError, OverflowError):
            return match.group(0)
    return _ESCAPE.sub(char, text)


def tokens(text: str) -> Iterator[Token]:
    """The significant tokens (no spaces, no comments)."""
    for match in _TOKEN.finditer(decode_escapes(text)):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield Token(kind, match.group(0))


@dataclass
class Scan:
    """What the tokens of one request say."""

    keywords: list[str] = field(default_factory=list)  # upper-cased bare words, in order
    iris: set[str] = field(default_factory=set)  # every IRI written, resolved and expanded
    variable_graph: bool = False  # GRAPH ?g somewhere (an update template may then write any graph)

    def uses(self, keyword: str) -> bool:
        return keyword in self.keywords


def scan(text: str) -> Scan:
    result = Scan()
    prefixes: dict[str, str] = {}
    base = ""
    items = list(tokens(text))
    for index, token in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        if token.kind == "word":
            word = token.text.upper()
            result.keywords.append(word)
            if word == "GRAPH" and following is not None and following.kind == "var":
                result.variable_graph = True
        elif token.kind == "pname":
            previous = items[index - 1] if index else None
            if previous is not None and previous.kind == "word" and previous.text.upper() == "PREFIX":
                if following is not None and following.kind == "iri":
                    value = following.text[1:-1]
                    prefixes[token.text.split(":")[0]] = urljoin(base, value) if base else value
                continue
            prefix, _, local = token.text.partition(":")
            if prefix in prefixes:
                result.iris.add(prefixes[prefix] + local.replace("\\", ""))
        elif token.kind == "iri":
            previous = items[index - 1] if index else None
            value = token.text[1:-1]
            resolved = urljoin(base, value) if base else value
            if previous is not None and previous.kind == "word" and previous.text.upper() == "BASE":
                base = resolved
            result.iris.add(resolved)
    return result


def may_touch(text: str, protected: frozenset[str]) -> str | None:
    """Why an update may write one of the ``protected`` graphs, or ``None`` when it cannot."""
    found = scan(text)
    named = sorted(found.iris & protected)
    if named:
        return f"it names {', '.join(f'<{iri}>' for iri in named)}"
    for word in ("ALL", "NAMED"):
        if found.uses(word) and (found.uses("DROP") or found.uses("CLEAR")):
            return f"{found.keywords[found.keywords.index(word) - 1]} {word} would empty every graph"
    if found.variable_graph and (found.uses("INSERT") or found.uses("DELETE")):
        return "GRAPH ?variable in an update may write any graph"
    return None
