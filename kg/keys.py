"""Identity keys shared by both sides of the seam: article ids and encounter keys.

The NLP side makes them (the reader gives every article its id, the resolve stage gives every encounter
its key); the RDF side mints IRIs from them (:mod:`kg.rdf.iris`) and never decodes an IRI back into a key.
Plain data: this module imports nothing but the standard library.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

FAMILIES = ("remote", "in-person")


def slugify(text: str, *, max_length: int = 80) -> str:
    """An ASCII slug: lowercase letters, digits and hyphens (empty when nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_length].strip("-")


def article_id_for(name: str, text: str) -> str:
    """The article id: a slug of the file stem or given id, or a content hash when nothing is left.
    The one place an article id is made: the reader, ``kg remove`` and the gold files all call it."""
    return slugify(name) or "a-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class EncounterKey:
    """What makes two reports one encounter: the kind family, the sorted participant ids and the date at
    its precision. An undated report is scoped to its article (``article_id``), so undated reports never
    merge across articles. Made by the resolve stage (:func:`kg.ingest.resolve.encounter_key`)."""

    family: str  # one of FAMILIES: kinds in one family may describe the same encounter
    participants: tuple[str, ...]  # participant ids, sorted
    date: str | None = None  # ISO at its precision: 2026-02-04, 2026-02 or 2026
    article_id: str | None = None  # set exactly when date is None

    def __post_init__(self) -> None:
        if self.family not in FAMILIES:
            raise ValueError(f"unknown encounter family {self.family!r}: expected one of {', '.join(FAMILIES)}")
        if tuple(sorted(self.participants)) != self.participants:
            raise ValueError(f"encounter key participants must be sorted: {self.participants!r}")
        if (self.date is None) == (self.article_id is None):
            raise ValueError("an encounter key has either a date or, when undated, the article it is scoped to")
