"""Content negotiation for the endpoint: which serialization a client asked for."""

from __future__ import annotations

from pyoxigraph import QueryResultsFormat, RdfFormat

RESULTS = {
    "json": ("application/sparql-results+json", QueryResultsFormat.JSON),
    "csv": ("text/csv", QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", QueryResultsFormat.TSV),
    "xml": ("application/sparql-results+xml", QueryResultsFormat.XML),
}
GRAPHS = {
    "ntriples": ("application/n-triples", RdfFormat.N_TRIPLES),
    "turtle": ("text/turtle", RdfFormat.TURTLE),
    "rdfxml": ("application/rdf+xml", RdfFormat.RDF_XML),
}


def pick(table: dict, accept: str, named: str | None) -> tuple[str, object]:
    """The (media type, format) for a ``format=`` name, else the first media type of the Accept header
    the table knows, else the table's first entry."""
    if named and named in table:
        return table[named]
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        for entry in table.values():
            if entry[0] == media:
                return entry
    return next(iter(table.values()))
