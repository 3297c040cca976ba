"""The SPARQL 1.1 Service Description of the endpoint (``GET /query`` without a query): what it speaks, the
result formats it serves, and that its default graph is the union of the named graphs."""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kg.rdf.vocab import RDF, RDFS, XSD
from kg.serve.formats import GRAPHS, RESULTS

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
VOID = "http://www.w3.org/ns/void#"
RDF_TYPE = NamedNode(RDF.type)
COMMENT = NamedNode(RDFS.comment)
XSD_INTEGER = NamedNode(XSD.integer)
PREFIXES = {"sd": SD, "formats": FORMATS, "void": VOID}

# the W3C format IRIs (https://www.w3.org/ns/formats/) of what RESULTS and GRAPHS serve
_FORMAT_IRIS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
                "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples", "rdfxml": "RDF_XML",
                "jsonld": "JSON-LD", "nquads": "N-Quads", "trig": "TriG"}


def _sd(name: str) -> NamedNode:
    return NamedNode(SD + name)


def describe(endpoint: str, *, writable: bool, triples: int) -> list[Triple]:
    """The description of the service at ``endpoint`` (its /query URL) over a union of ``triples`` triples."""
    service = NamedNode(endpoint)
    dataset, default = BlankNode(), BlankNode()
    languages = ["SPARQL11Query"] + (["SPARQL11Update"] if writable else [])
    out = [Triple(service, RDF_TYPE, _sd("Service")), Triple(service, _sd("endpoint"), service)]
    out += [Triple(service, _sd("supportedLanguage"), _sd(lang)) for lang in languages]
    out += [Triple(service, _sd("resultFormat"), NamedNode(FORMATS + _FORMAT_IRIS[name]))
            for name in (*RESULTS, *GRAPHS)]
    out += [
        Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        Triple(service, COMMENT, Literal(
            "kg serve: the default graph is the union of the named graphs as a set (each distinct triple once, "
            "as the Turtle export holds it); one named graph per article, graph/reference and graph/ontology. "
            "Graph Store Protocol at /store" + (" (read and write)." if writable else " (read-only)."))),
        Triple(service, _sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, _sd("Dataset")),
        Triple(dataset, _sd("defaultGraph"), default),
        Triple(default, RDF_TYPE, _sd("Graph")),
        Triple(default, NamedNode(VOID + "triples"), Literal(str(triples), datatype=XSD_INTEGER)),
    ]
    return out
