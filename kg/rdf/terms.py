"""pyoxigraph terms for the vocabulary constants of :mod:`kg.rdf.vocab`, and typed literal helpers."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from kg.rdf.vocab import XSD


@lru_cache(maxsize=1024)
def iri(value: str) -> NamedNode:
    return NamedNode(value)


def text(value: str, language: str | None = None) -> Literal:
    return Literal(value, language=language) if language else Literal(value)


def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=iri(XSD.integer))


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=iri(XSD.boolean))


def date(value: dt.date) -> Literal:
    return Literal(value.isoformat(), datatype=iri(XSD.date))


def year(value: int) -> Literal:
    return Literal(f"{value:04d}", datatype=iri(XSD.gYear))


def year_month(value: dt.date) -> Literal:
    return Literal(f"{value.year:04d}-{value.month:02d}", datatype=iri(XSD.gYearMonth))
