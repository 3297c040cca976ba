"""Content negotiation for the endpoint: which serialization a client asked for, or none it can have (406).

Each table maps a ``format=`` name to (media type, pyoxigraph format); the first entry is the default, given
for no Accept header, ``*/*`` and ``text/html`` (a browser's address bar). Accept is read with its
q-values; ``application/json`` counts as the table's JSON form. docs/serve.md lists what each request gets.
"""

from __future__ import annotations

from pyoxigraph import QueryResultsFormat, RdfFormat

from kg.errors import KgError

Entry = tuple[str, object]

RESULTS: dict[str, Entry] = {
    "json": ("application/sparql-results+json", QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", QueryResultsFormat.XML),
    "csv": ("text/csv", QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", QueryResultsFormat.TSV),
}
# CONSTRUCT and DESCRIBE results, and one graph of the Graph Store (N-Quads and TriG hold it as the default graph)
GRAPHS: dict[str, Entry] = {
    "turtle": ("text/turtle", RdfFormat.TURTLE),
    "ntriples": ("application/n-triples", RdfFormat.N_TRIPLES),
    "rdfxml": ("application/rdf+xml", RdfFormat.RDF_XML),
    "jsonld": ("application/ld+json", RdfFormat.JSON_LD),
    "nquads": ("application/n-quads", RdfFormat.N_QUADS),
    "trig": ("application/trig", RdfFormat.TRIG),
}
# the whole dataset, named graphs kept (Graph Store GET without ?graph or ?default)
DATASETS: dict[str, Entry] = {
    "trig": ("application/trig", RdfFormat.TRIG),
    "nquads": ("application/n-quads", RdfFormat.N_QUADS),
    "jsonld": ("application/ld+json", RdfFormat.JSON_LD),
}
_ALIASES = {"application/json": ("application/sparql-results+json", "application/ld+json"),
            "text/plain": ("application/n-triples",), "application/xml": ("application/sparql-results+xml",)}
_BROWSER = "text/html"


class NotAcceptable(KgError):
    """None of the media types the client accepts can be served (HTTP 406)."""


def _ranges(accept: str) -> list[tuple[float, int, str]]:
    """The media ranges of an Accept header as (q, order, range), best first; q=0 ranges dropped."""
    ranges = []
    for order, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for field in fields[1:]:
            name, _, value = field.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((-q, order, media))
    return [(-q, order, media) for q, order, media in sorted(ranges)]


def _matches(media_range: str, media: str) -> bool:
    if media_range in ("*/*", _BROWSER):
        return True
    if media_range.endswith("/*"):
        return media.startswith(media_range[:-1])
    return media_range == media or media in _ALIASES.get(media_range, ())


def pick(table: dict[str, Entry], accept: str, named: str | None = None) -> Entry:
    """The (media type, format) for a ``format=`` name, else the best entry the Accept header allows, else
    the default (no Accept header). Raises :class:`NotAcceptable` naming what can be served."""
    if named:
        if named in table:
            return table[named]
        raise NotAcceptable(f"unknown format={named}", fix=f"use one of {', '.join(table)}")
    if not accept.strip():
        return next(iter(table.values()))
    for _, _, media_range in _ranges(accept):
        for entry in table.values():
            if _matches(media_range, entry[0]):
                return entry
    raise NotAcceptable(f"cannot serve any of: {accept}",
                        fix="accept one of " + ", ".join(media for media, _ in table.values()))
