"""What a marked span names, as a typed value stored on the span (``span._.kg_entry``).

The gazetteer marker sets it on each entity it marks; :mod:`kg.extract.mentions` reads it back. The value
travels with the ``Doc`` (spaCy keeps span extensions in ``doc.user_data`` by character offsets, and
``Doc.from_docs`` carries them over when a long article is parsed in pieces), so nothing is encoded into
entity ids or labels and nothing is parsed back from a string.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from spacy.tokens import Span

ENTRY_EXTENSION = "kg_entry"

if not Span.has_extension(ENTRY_EXTENSION):
    Span.set_extension(ENTRY_EXTENSION, default=None)


class MarkKind(enum.StrEnum):
    """What a mark names: a gazetteer entry of one of the first four kinds, or an office ("Russian
    President") whose holder depends on the date."""

    COUNTRY = "country"
    PERSON = "person"
    ORGANIZATION = "organization"
    TREATY = "treaty"
    ROLE = "role"


@dataclass(frozen=True)
class GazetteerEntry:
    """The gazetteer entry a span names: ``kind`` and ``ref`` (iso3, person, organization or treaty id)
    say which, ``form`` how it was named (name, short, alias, demonym, capital, metonym)."""

    kind: MarkKind
    ref: str
    form: str


def entry_of(span: Span) -> GazetteerEntry | None:
    """The gazetteer entry the marker stored on ``span``; ``None`` for entities of the statistical NER."""
    return span._.get(ENTRY_EXTENSION)


def set_entry(span: Span, entry: GazetteerEntry) -> None:
    span._.set(ENTRY_EXTENSION, entry)
