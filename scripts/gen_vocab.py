"""Generate ``kg/rdf/vocab.py`` and ``ontology/context.jsonld`` from ``ontology/kg.ttl``.

    python scripts/gen_vocab.py            # rewrite both files
    python scripts/gen_vocab.py --check    # exit 1 if either is out of date

``vocab.py`` gives the hot path the ontology's IRIs as plain strings (it imports nothing, rdflib
included); the JSON-LD context maps every kg term and the prefixes. Both are derived from the
ontology only, so renaming or adding a term in ``kg.ttl`` and rerunning this script keeps them in
step; ``tests/ontology`` fails when they drift.
"""

from __future__ import annotations

import argparse
import json
import keyword
import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, Graph, URIRef

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
VOCAB = ROOT / "kg" / "rdf" / "vocab.py"
CONTEXT = ROOT / "ontology" / "context.jsonld"

KG_BASE = "https://w3id.org/kg-diplomacy/"
KG_NS = KG_BASE + "ontology#"
SCHEMA_NS = "http://schema.org/"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
SCHEMA_RANGE_INCLUDES = URIRef(SCHEMA_NS + "rangeIncludes")

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgid": KG_BASE + "id/",
    "cameo": KG_BASE + "codes/cameo/",
    "plover": KG_BASE + "codes/plover/",
    "schema": SCHEMA_NS,
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD_NS,
    "wd": "http://www.wikidata.org/entity/",
}

# Prefixes of kg's data (resources and named graphs) that exports add to PREFIXES; not ontology terms.
DATA_PREFIXES: dict[str, str] = {"kgid": PREFIXES["kgid"], "kgg": KG_BASE + "graph/"}

# Vocabularies the SPARQL endpoint describes itself with (its Service Description); not in exports.
SERVICE_PREFIXES: dict[str, str] = {
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "formats": "http://www.w3.org/ns/formats/",
    "void": "http://www.w3.org/ns/void#",
}

# Terms of other vocabularies that kg data uses: (class name, prefix, docstring, local names).
EXTERNAL: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "SCHEMA",
        "schema",
        "schema.org terms, with http as in schema.org's own RDF.",
        (
            "Event",
            "NewsArticle",
            "OfflineEventAttendanceMode",
            "OnlineEventAttendanceMode",
            "about",
            "attendee",
            "datePublished",
            "eventAttendanceMode",
            "headline",
            "license",
            "mentions",
            "name",
            "url",
        ),
    ),
    ("RDF", "rdf", "RDF terms.", ("first", "langString", "nil", "rest", "type")),
    ("RDFS", "rdfs", "RDF Schema terms.", ("comment", "label", "seeAlso", "subClassOf")),
    (
        "SKOS",
        "skos",
        "SKOS terms.",
        ("Concept", "altLabel", "broader", "closeMatch", "inScheme", "notation", "prefLabel"),
    ),
    ("OWL", "owl", "OWL terms.", ("sameAs",)),
    (
        "XSD",
        "xsd",
        "XML Schema datatypes.",
        ("anyURI", "boolean", "date", "dateTime", "gYear", "gYearMonth", "integer", "string"),
    ),
    (
        "PROV",
        "prov",
        "PROV-O terms.",
        ("Activity", "Entity", "wasAttributedTo", "wasDerivedFrom", "wasInfluencedBy"),
    ),
    (
        "DCTERMS",
        "dcterms",
        "DCMI Metadata Terms.",
        ("created", "identifier", "license", "modified", "source", "title"),
    ),
    (
        "SD",
        "sd",
        "SPARQL 1.1 Service Description terms.",
        ("Dataset", "Graph", "SPARQL11Query", "SPARQL11Update", "Service", "UnionDefaultGraph",
         "defaultDataset", "defaultGraph", "endpoint", "feature", "resultFormat", "supportedLanguage"),
    ),
    (
        "FORMATS",
        "formats",
        "W3C format identifiers.",
        ("JSON-LD", "N-Quads", "N-Triples", "RDF_XML", "SPARQL_Results_CSV", "SPARQL_Results_JSON",
         "SPARQL_Results_TSV", "SPARQL_Results_XML", "TriG", "Turtle"),
    ),
    ("VOID", "void", "VoID terms.", ("triples",)),
)

_KINDS: tuple[tuple[str, URIRef], ...] = (
    ("classes", OWL.Class),
    ("object properties", OWL.ObjectProperty),
    ("datatype properties", OWL.DatatypeProperty),
    ("annotation properties", OWL.AnnotationProperty),
    ("individuals", OWL.NamedIndividual),
)


@dataclass(frozen=True)
class Terms:
    """The kg terms an ontology declares, by kind, each a sorted tuple of local names."""

    classes: tuple[str, ...]
    object_properties: tuple[str, ...]
    datatype_properties: tuple[str, ...]
    annotation_properties: tuple[str, ...]
    individuals: tuple[str, ...]

    def by_kind(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return (
            ("classes", self.classes),
            ("object properties", self.object_properties),
            ("datatype properties", self.datatype_properties),
            ("annotation properties", self.annotation_properties),
            ("individuals", self.individuals),
        )

    def all(self) -> tuple[str, ...]:
        return tuple(name for _, names in self.by_kind() for name in names)


def _sort_key(name: str) -> tuple[str, str]:
    return (name.lower(), name)


def load(path: Path = ONTOLOGY) -> Graph:
    return Graph().parse(path, format="turtle")


def declared_terms(graph: Graph) -> Terms:
    """The kg-namespace IRIs declared as classes, properties or named individuals."""
    found: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    for label, owl_type in _KINDS:
        names = []
        for subject in graph.subjects(RDF.type, owl_type):
            iri = str(subject)
            if not (isinstance(subject, URIRef) and iri.startswith(KG_NS)):
                continue
            name = iri[len(KG_NS) :]
            if not name.isidentifier() or keyword.iskeyword(name):
                raise SystemExit(f"{iri}: local name is not a usable Python identifier")
            if name in seen:
                raise SystemExit(f"{iri}: declared both as {seen[name]} and as {label}")
            seen[name] = label
            names.append(name)
        found[label] = sorted(names, key=_sort_key)
    return Terms(
        classes=tuple(found["classes"]),
        object_properties=tuple(found["object properties"]),
        datatype_properties=tuple(found["datatype properties"]),
        annotation_properties=tuple(found["annotation properties"]),
        individuals=tuple(found["individuals"]),
    )


def _ontology_info(graph: Graph) -> tuple[str, str]:
    ontology = next(graph.subjects(RDF.type, OWL.Ontology))
    version = graph.value(ontology, OWL.versionInfo)
    return str(ontology), str(version)


# --------------------------------------------------------------------------- vocab.py


_HEADER = '''\
"""IRIs of the kg ontology and of the other vocabularies kg data uses, as plain strings.

Generated from ontology/kg.ttl by scripts/gen_vocab.py: do not edit by hand (tests/ontology
fails when this file and the ontology disagree). Imports nothing, rdflib included. Each class
is a read-only namespace of ``str`` constants: ``KG.VideoCall`` is the full IRI, and a term
that does not exist (``KG.Videocall``) raises AttributeError.
"""

from __future__ import annotations


class _Namespace(type):
    """Metaclass of the namespaces below: their attributes cannot be set or deleted."""

    def __setattr__(cls, name: str, value: object) -> None:
        raise AttributeError(f"{cls.__name__} is read-only: cannot set {name!r}")

    def __delattr__(cls, name: str) -> None:
        raise AttributeError(f"{cls.__name__} is read-only: cannot delete {name!r}")

    def __call__(cls, *args: object, **kwargs: object) -> object:
        raise TypeError(f"{cls.__name__} is a namespace of IRIs, not a type")


'''


def render_vocab(graph: Graph) -> str:
    terms = declared_terms(graph)
    ontology_iri, version = _ontology_info(graph)
    out = [_HEADER]
    out.append(f'ONTOLOGY_IRI = "{ontology_iri}"\n')
    out.append(f'ONTOLOGY_VERSION = "{version}"\n')
    out.append(f'KG_BASE = "{KG_BASE}"\n')
    out.append(f'KG_NS = "{KG_NS}"\n')
    out.append(f'KG_ID_NS = "{PREFIXES["kgid"]}"\n')
    out.append(f'KG_GRAPH_NS = "{DATA_PREFIXES["kgg"]}"\n')
    out.append(f'CAMEO_NS = "{PREFIXES["cameo"]}"\n')
    out.append(f'PLOVER_NS = "{PREFIXES["plover"]}"\n')
    out.append(f'WD = "{PREFIXES["wd"]}"\n')
    out.append("\nPREFIXES: dict[str, str] = {\n")
    for prefix, namespace in PREFIXES.items():
        out.append(f'    "{prefix}": "{namespace}",\n')
    out.append("}\n")
    out.append("\n# the prefixes of kg's own data (resources, named graphs), for exports\n")
    out.append("DATA_PREFIXES: dict[str, str] = {\n")
    for prefix, namespace in DATA_PREFIXES.items():
        out.append(f'    "{prefix}": "{namespace}",\n')
    out.append("}\n")
    out.append("\n# the vocabularies of the endpoint's Service Description (not used by kg data)\n")
    out.append("SERVICE_PREFIXES: dict[str, str] = {\n")
    for prefix, namespace in SERVICE_PREFIXES.items():
        out.append(f'    "{prefix}": "{namespace}",\n')
    out.append("}\n")

    out.append("\n\nclass KG(metaclass=_Namespace):\n")
    out.append('    """Terms of the kg ontology (https://w3id.org/kg-diplomacy/ontology#)."""\n')
    for label, names in terms.by_kind():
        if not names:
            continue
        out.append(f"\n    # {label}\n")
        for name in names:
            out.append(f'    {name} = "{KG_NS}{name}"\n')

    for class_name, prefix, doc, names in EXTERNAL:
        namespace = {**PREFIXES, **SERVICE_PREFIXES}[prefix]
        out.append(f"\n\nclass {class_name}(metaclass=_Namespace):\n")
        out.append(f'    """{doc[:-1]} ({namespace})."""\n\n')
        for name in sorted(names, key=_sort_key):
            out.append(f'    {name.replace("-", "_")} = "{namespace}{name}"\n')  # "JSON-LD" -> JSON_LD

    sets = (
        ("KG_CLASSES", "classes", terms.classes),
        ("KG_OBJECT_PROPERTIES", "object properties", terms.object_properties),
        ("KG_DATATYPE_PROPERTIES", "datatype properties", terms.datatype_properties),
        ("KG_ANNOTATION_PROPERTIES", "annotation properties", terms.annotation_properties),
        ("KG_INDIVIDUALS", "named individuals", terms.individuals),
    )
    out.append("\n")
    for constant, label, names in sets:
        out.append(f"\n# The IRIs of all kg {label}.\n")
        out.append(f"{constant}: frozenset[str] = frozenset(\n    {{\n")
        for name in names:
            out.append(f"        KG.{name},\n")
        out.append("    }\n)\n")
    return "".join(out)


# --------------------------------------------------------------------------- context.jsonld


def _coercion(graph: Graph, name: str) -> str | None:
    """The JSON-LD @type of a datatype property: its single datatype, unless that is a string."""
    subject = URIRef(KG_NS + name)
    datatypes = {str(o) for o in graph.objects(subject, SCHEMA_RANGE_INCLUDES)}
    if not datatypes:
        datatypes = {str(o) for o in graph.objects(subject, URIRef(PREFIXES["rdfs"] + "range"))}
    datatypes.discard(PREFIXES["rdfs"] + "Literal")
    if len(datatypes) != 1:
        return None
    (datatype,) = datatypes
    if datatype == XSD_NS + "string":
        return None
    if datatype.startswith(XSD_NS):
        return "xsd:" + datatype[len(XSD_NS) :]
    return datatype


def render_context(graph: Graph) -> str:
    terms = declared_terms(graph)
    individuals = {URIRef(KG_NS + name) for name in terms.individuals}
    rdfs_range = URIRef(PREFIXES["rdfs"] + "range")
    context: dict[str, object] = dict(PREFIXES)
    context.update(
        {
            "id": "@id",
            "type": "@type",
            "label": "rdfs:label",
            "comment": "rdfs:comment",
            "prefLabel": "skos:prefLabel",
            "altLabel": "skos:altLabel",
            "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
            "url": "schema:url",
            "headline": "schema:headline",
            "datePublished": {"@id": "schema:datePublished", "@type": "xsd:date"},
            "eventAttendanceMode": {"@id": "schema:eventAttendanceMode", "@type": "@vocab"},
            "OnlineEventAttendanceMode": "schema:OnlineEventAttendanceMode",
            "OfflineEventAttendanceMode": "schema:OfflineEventAttendanceMode",
        }
    )
    for name in terms.classes + terms.individuals:
        context[name] = f"kg:{name}"
    for name in terms.object_properties:
        # Properties whose values are kg individuals take their short names ("polarity": "Support").
        ranges = set(graph.objects(URIRef(KG_NS + name), rdfs_range))
        enumerated = any((member, RDF.type, range_) in graph for range_ in ranges for member in individuals)
        context[name] = {"@id": f"kg:{name}", "@type": "@vocab" if enumerated else "@id"}
    for name in terms.datatype_properties:
        datatype = _coercion(graph, name)
        context[name] = {"@id": f"kg:{name}", "@type": datatype} if datatype else f"kg:{name}"
    for name in terms.annotation_properties:
        context[name] = {"@id": f"kg:{name}", "@type": "@id"}
    return json.dumps({"@context": context}, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------- main


def outputs(ontology: Path = ONTOLOGY) -> dict[Path, str]:
    graph = load(ontology)
    return {VOCAB: render_vocab(graph), CONTEXT: render_context(graph)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the files are current")
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.relative_to(ROOT))
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.check and stale:
        names = ", ".join(str(p) for p in stale)
        print(f"out of date: {names} (run python scripts/gen_vocab.py)", file=sys.stderr)
        return 1
    for path in stale:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
