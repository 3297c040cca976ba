"""The SPARQL 1.1 Service Description of the endpoint (``GET /query`` without a query): what it speaks, the
result formats it serves, and that its default graph is the union of the named graphs."""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kg.rdf.vocab import FORMATS, RDF, RDFS, SD, SERVICE_PREFIXES, VOID, XSD
from kg.serve.formats import GRAPHS, RESULTS

RDF_TYPE = NamedNode(RDF.type)
COMMENT = NamedNode(RDFS.comment)
XSD_INTEGER = NamedNode(XSD.integer)
PREFIXES = SERVICE_PREFIXES

# the W3C format IRIs (https://www.w3.org/ns/formats/) of what RESULTS and GRAPHS serve
_FORMAT_IRIS = {"json": FORMATS.SPARQL_Results_JSON, "xml": FORMATS.SPARQL_Results_XML,
                "csv": FORMATS.SPARQL_Results_CSV, "tsv": FORMATS.SPARQL_Results_TSV, "turtle": FORMATS.Turtle,
                "ntriples": FORMATS.N_Triples, "rdfxml": FORMATS.RDF_XML, "jsonld": FORMATS.JSON_LD,
                "nquads": FORMATS.N_Quads, "trig": FORMATS.TriG}


def _sd(name: str) -> NamedNode:
    return NamedNode(getattr(SD, name))


def describe(endpoint: str, *, writable: bool, triples: int) -> list[Triple]:
    """The description of the service at ``endpoint`` (its /query URL) over a union of ``triples`` triples."""
    service = NamedNode(endpoint)
    dataset, default = BlankNode(), BlankNode()
    languages = ["SPARQL11Query"] + (["SPARQL11Update"] if writable else [])
    out = [Triple(service, RDF_TYPE, _sd("Service")), Triple(service, _sd("endpoint"), service)]
    out += [Triple(service, _sd("supportedLanguage"), _sd(lang)) for lang in languages]
    out += [Triple(service, _sd("resultFormat"), NamedNode(_FORMAT_IRIS[name]))
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
        Triple(default, NamedNode(VOID.triples), Literal(str(triples), datatype=XSD_INTEGER)),
    ]
    return out
