"""The ontology (kg.ttl), the SHACL shapes, the generated vocabulary module and the JSON-LD context."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import types
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SH, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
CONTEXT = ROOT / "ontology" / "context.jsonld"
VOCAB = ROOT / "kg" / "rdf" / "vocab.py"
GENERATOR = ROOT / "scripts" / "gen_vocab.py"

KG_NS = "https://w3id.org/kg-diplomacy/ontology#"
KG = Namespace(KG_NS)
ID = Namespace("https://w3id.org/kg-diplomacy/id/")
SCHEMA = Namespace("http://schema.org/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
CODES = "https://w3id.org/kg-diplomacy/codes/"
ONTOLOGY_IRI = URIRef("https://w3id.org/kg-diplomacy/ontology")

# The terms the mapping code is written against: (local name, OWL kind).
REQUIRED_TERMS = {
    **{
        name: OWL.Class
        for name in (
            "Actor Person Country Organization Encounter PhoneCall VideoCall Meeting Summit StateVisit "
            "Treaty Stance Article Evidence Discussion Mention TreatyMention Topic OfficeTerm "
            "DatePrecision Polarity"
        ).split()
    },
    **{
        name: OWL.ObjectProperty
        for name in (
            "participant reportedBy reports discussed discussedTopic hasDiscussion about evidence "
            "inArticle mentions mentionOf datePrecision holder target polarity statedDuring party "
            "reaffirms treaty mentionsTreaty holdsOffice officeOf represents"
        ).split()
    },
    **{
        name: OWL.DatatypeProperty
        for name in (
            "date dateExpression dateBasis durationMinutes articleId outlet textSha256 sentenceIndex "
            "sentenceText charStart charEnd extractorVersion quote targetDescription officeTitle "
            "officeRole termStart termEnd year reaffirmed iso3166Alpha2 iso3166Alpha3 shortName"
        ).split()
    },
    **{
        name: OWL.NamedIndividual
        for name in (
            "DayPrecision MonthPrecision YearPrecision Support Oppose Concern Cooperate Neutral CallFor"
        ).split()
    },
}

DECLARATION_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)


def _load_module(name: str, path: Path) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is created
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


@pytest.fixture(scope="module")
def generator() -> types.ModuleType:
    return _load_module("kg_gen_vocab_under_test", GENERATOR)


@pytest.fixture(scope="module")
def vocab() -> types.ModuleType:
    return _load_module("kg_vocab_under_test", VOCAB)


def _declared(graph: Graph, namespace: str) -> set[URIRef]:
    return {
        s
        for kind in DECLARATION_TYPES + (SKOS.Concept, SKOS.ConceptScheme)
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(namespace)
    }


# --------------------------------------------------------------------------- (a) the Turtle


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    header = dict(ontology.predicate_objects(ONTOLOGY_IRI))
    assert header[OWL.versionIRI] == URIRef("https://w3id.org/kg-diplomacy/ontology/0.1.0")
    assert str(header[OWL.versionInfo]) == "0.1.0"
    dcterms = Namespace("http://purl.org/dc/terms/")
    vann = Namespace("http://purl.org/vocab/vann/")
    assert str(header[dcterms.creator]) == "kg contributors"
    assert header[dcterms.license] == URIRef("https://creativecommons.org/licenses/by/4.0/")
    for key in (dcterms.title, dcterms.description, dcterms.created, dcterms.modified):
        assert str(header[key]).strip()
    assert str(header[vann.preferredNamespacePrefix]) == "kg"
    assert str(header[vann.preferredNamespaceUri]) == KG_NS
    assert not list(ontology.objects(None, OWL.imports)), "kg.ttl must not import other ontologies"


@pytest.mark.parametrize("name", sorted(REQUIRED_TERMS))
def test_required_term_is_declared(ontology: Graph, name: str) -> None:
    assert (KG[name], RDF.type, REQUIRED_TERMS[name]) in ontology


def test_every_declared_term_has_english_label_and_comment(ontology: Graph) -> None:
    terms = _declared(ontology, KG_NS) | _declared(ontology, CODES)
    assert len(terms) > len(REQUIRED_TERMS)
    missing = []
    for term in sorted(terms):
        for prop in (RDFS.label, RDFS.comment):
            values = [v for v in ontology.objects(term, prop) if isinstance(v, Literal)]
            if not any(v.language == "en" and str(v).strip() for v in values):
                missing.append(f"{term} {prop}")
    assert not missing, "\n".join(missing)


def test_no_undeclared_kg_terms_are_used(ontology: Graph) -> None:
    declared = _declared(ontology, KG_NS)
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and t.startswith(KG_NS)}
    assert used <= declared, sorted(used - declared)


def test_external_terms_used_in_axioms_are_declared(ontology: Graph) -> None:
    """Self-contained OWL 2 DL: every IRI used as a class or property in an axiom is declared."""
    builtin = (str(OWL), str(RDFS), str(RDF), "http://www.w3.org/2001/XMLSchema#")
    used: set[URIRef] = set()
    for prop in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.inverseOf):
        used.update(o for o in ontology.objects(None, prop) if isinstance(o, URIRef))
    for o in ontology.objects(None, RDF.type):
        if not str(o).startswith(builtin):
            used.add(o)  # class assertions on individuals
    undeclared = [
        t
        for t in used
        if not str(t).startswith(builtin) and not any((t, RDF.type, kind) in ontology for kind in DECLARATION_TYPES)
    ]
    assert not undeclared, sorted(undeclared)


def test_datatype_ranges_are_in_the_owl2_datatype_map(ontology: Graph) -> None:
    """HermiT rejects xsd:date and xsd:gYear(Month) in axioms; those are left to the shapes."""
    xsd = Namespace("http://www.w3.org/2001/XMLSchema#")
    allowed = {xsd.string, xsd.integer, xsd.boolean, RDFS.Literal}
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        for range_ in ontology.objects(prop, RDFS.range):
            assert range_ in allowed, f"{prop} has range {range_}"


def test_disjointness_and_alignment_axioms(ontology: Graph) -> None:
    def disjoint_sets() -> list[set[URIRef]]:
        return [
            set(Collection(ontology, members))
            for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses)
            for members in ontology.objects(node, OWL.members)
        ]

    kinds = {KG.PhoneCall, KG.VideoCall, KG.Meeting, KG.Summit, KG.StateVisit}
    assert {KG.Person, KG.Country, KG.Organization} in disjoint_sets()
    remote, in_person = {KG.PhoneCall, KG.VideoCall}, {KG.Meeting, KG.Summit, KG.StateVisit}
    for kind in remote:
        assert set(ontology.objects(kind, OWL.disjointWith)) == in_person, kind
    assert kinds not in disjoint_sets()  # reports may disagree within a family; the merged node keeps both
    for kind in kinds:
        matches = {str(m) for m in ontology.objects(kind, SKOS.closeMatch)}
        assert any(m.startswith(CODES) for m in matches), kind
        assert (kind, KG.attendanceMode, None) in ontology
    assert (KG.PhoneCall, KG.attendanceMode, SCHEMA.OnlineEventAttendanceMode) in ontology
    assert (KG.Summit, KG.attendanceMode, SCHEMA.OfflineEventAttendanceMode) in ontology
    assert (KG.participant, RDFS.subPropertyOf, SCHEMA.attendee) in ontology
    assert (KG.reports, OWL.inverseOf, KG.reportedBy) in ontology
    for prop in (KG.datePrecision, KG.polarity):
        assert (prop, RDF.type, OWL.FunctionalProperty) in ontology
    assert not list(ontology.objects(None, OWL.cardinality)), "no exact cardinalities (HermiT cost)"
    assert not list(ontology.objects(None, OWL.qualifiedCardinality))


def test_turtle_is_valid_for_strict_parsers() -> None:
    """pyoxigraph parses Turtle strictly (as Jena riot does)."""
    pyoxigraph = pytest.importorskip("pyoxigraph")
    for path in (ONTOLOGY, SHAPES):
        with path.open("rb") as handle:
            assert list(pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE))


# --------------------------------------------------------------------------- (b) OWL reasoning

_no_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs java on PATH")


def java_missing(test):
    """HermiT runs in Java: skipped without it, and external (make test-fast leaves it out)."""
    return pytest.mark.external(_no_java(test))


@pytest.fixture
def owl_world(ontology: Graph, tmp_path: Path):
    """A fresh owlready2 world holding the ontology (owlready2 reads N-Triples best)."""
    owlready2 = pytest.importorskip("owlready2")
    nt = tmp_path / "kg.nt"
    nt.write_bytes(ontology.serialize(format="nt", encoding="utf-8"))
    world = owlready2.World()
    with nt.open("rb") as handle:
        onto = world.get_ontology(str(ONTOLOGY_IRI)).load(fileobj=handle)
    data = world.get_ontology(str(ID))
    return owlready2, world, onto, data


def _reason(owlready2, onto, data, *, ignore_unsupported_datatypes: bool = False) -> None:
    owlready2.sync_reasoner_hermit(
        [onto, data], infer_property_values=False, debug=0, ignore_unsupported_datatypes=ignore_unsupported_datatypes
    )


@java_missing
def test_hermit_finds_ontology_with_individuals_consistent(owl_world) -> None:
    owlready2, world, onto, data = owl_world
    with data:
        call = world[KG.VideoCall]("encounter-1")
        xi, putin = world[KG.Person]("xi-jinping"), world[KG.Person]("vladimir-putin")
        china = world[KG.Country]("CHN")
        article = owlready2.Thing("article-1")  # typed only by kg:reportedBy's range
        evidence = world[KG.Evidence]("evidence-1")
        stance = world[KG.Stance]("stance-1")
        call.participant = [xi, putin]
        call.discussed = [china]
        call.reportedBy = [article]
        call.evidence = [evidence]
        call.datePrecision = world[KG.DayPrecision]
        call.durationMinutes = [90]
        xi.represents = [china]
        stance.holder = xi
        stance.polarity = world[KG.Support]
        stance.evidence = [evidence]
        evidence.inArticle = article
        evidence.charStart, evidence.charEnd = 0, 42
    _reason(owlready2, onto, data)  # raises OwlReadyInconsistentOntologyError if inconsistent
    assert world[KG.Article] in article.is_a


@java_missing
def test_hermit_rejects_an_actor_that_is_person_and_country(owl_world) -> None:
    owlready2, world, onto, data = owl_world
    with data:
        odd = world[KG.Person]("person-and-country")
        odd.is_a.append(world[KG.Country])
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(owlready2, onto, data)


@java_missing
def test_hermit_rejects_a_stance_with_two_polarities(owl_world) -> None:
    owlready2, world, onto, data = owl_world
    with data:
        stance = world[KG.Stance]("stance-2")
        world[KG.polarity][stance] = [world[KG.Support], world[KG.Oppose]]
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        _reason(owlready2, onto, data)


@java_missing
def test_hermit_finds_the_shacl_sample_consistent(owl_world, tmp_path: Path) -> None:
    """The data the shapes accept (below) is consistent with the ontology's axioms too."""
    owlready2, world, onto, _ = owl_world
    nt = tmp_path / "sample.nt"
    nt.write_bytes(_data().serialize(format="nt", encoding="utf-8"))
    with nt.open("rb") as handle:
        sample = world.get_ontology("https://w3id.org/kg-diplomacy/sample/").load(fileobj=handle)
    assert world[KG.VideoCall] in world[str(ID["encounter/e1"])].is_a
    # xsd:date and xsd:gYear(Month) literals are outside the OWL 2 datatype map HermiT implements
    _reason(owlready2, onto, sample, ignore_unsupported_datatypes=True)


# --------------------------------------------------------------------------- (c) generated files


def test_vocab_module_is_in_sync_with_the_ontology(generator: types.ModuleType) -> None:
    graph = generator.load(ONTOLOGY)
    assert VOCAB.read_text(encoding="utf-8") == generator.render_vocab(graph), (
        "kg/rdf/vocab.py is stale: run python scripts/gen_vocab.py"
    )
    assert CONTEXT.read_text(encoding="utf-8") == generator.render_context(graph), (
        "ontology/context.jsonld is stale: run python scripts/gen_vocab.py"
    )
    assert generator.main(["--check"]) == 0


def test_vocab_module_constants(vocab: types.ModuleType, ontology: Graph) -> None:
    assert vocab.KG.VideoCall == KG_NS + "VideoCall"
    assert vocab.KG.participant == KG_NS + "participant"
    assert vocab.KG_NS == KG_NS
    assert vocab.SCHEMA.OnlineEventAttendanceMode == "http://schema.org/OnlineEventAttendanceMode"
    assert vocab.XSD.gYearMonth == "http://www.w3.org/2001/XMLSchema#gYearMonth"
    assert vocab.RDF.type == str(RDF.type)
    assert vocab.WD == "http://www.wikidata.org/entity/"
    assert vocab.PREFIXES["kg"] == KG_NS and vocab.PREFIXES["schema"] == "http://schema.org/"
    declared = {str(t) for t in _declared(ontology, KG_NS)}
    constants = {v for k, v in vars(vocab.KG).items() if not k.startswith("_")}
    assert constants == declared
    everything = (
        vocab.KG_CLASSES
        | vocab.KG_OBJECT_PROPERTIES
        | vocab.KG_DATATYPE_PROPERTIES
        | vocab.KG_ANNOTATION_PROPERTIES
        | vocab.KG_INDIVIDUALS
    )
    assert everything == declared
    assert KG_NS + "Encounter" in vocab.KG_CLASSES and KG_NS + "date" in vocab.KG_DATATYPE_PROPERTIES


def test_vocab_module_rejects_unknown_terms_and_changes(vocab: types.ModuleType) -> None:
    with pytest.raises(AttributeError):
        _ = vocab.KG.Videocall
    with pytest.raises(AttributeError):
        vocab.KG.VideoCall = "changed"
    with pytest.raises(TypeError):
        vocab.KG()
    assert vocab.KG.VideoCall == KG_NS + "VideoCall"


def test_vocab_module_imports_nothing() -> None:
    imports = [line for line in VOCAB.read_text(encoding="utf-8").splitlines() if line.startswith(("import ", "from "))]
    assert imports == ["from __future__ import annotations"]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's JSON-LD parser uses ConjunctiveGraph
def test_jsonld_context_expands_kg_terms() -> None:
    context = json.loads(CONTEXT.read_text(encoding="utf-8"))
    document = {
        "@context": context["@context"],
        "id": "kgid:encounter/2026-02-04/remote/chn--rus",
        "type": ["VideoCall", "Encounter"],
        "participant": ["kgid:person/xi-jinping", "kgid:person/vladimir-putin"],
        "datePrecision": "DayPrecision",
        "date": {"@value": "2026-02-04", "@type": "xsd:date"},
        "durationMinutes": 90,
        "dateBasis": "stated",
        "eventAttendanceMode": "OnlineEventAttendanceMode",
    }
    graph = Graph().parse(data=json.dumps(document), format="json-ld")
    node = ID["encounter/2026-02-04/remote/chn--rus"]
    xsd = Namespace("http://www.w3.org/2001/XMLSchema#")
    assert (node, RDF.type, KG.VideoCall) in graph
    assert (node, KG.participant, ID["person/xi-jinping"]) in graph
    assert (node, KG.datePrecision, KG.DayPrecision) in graph
    assert (node, KG.date, Literal("2026-02-04", datatype=xsd.date)) in graph
    assert (node, KG.durationMinutes, Literal(90)) in graph
    assert (node, SCHEMA.eventAttendanceMode, SCHEMA.OnlineEventAttendanceMode) in graph
    assert len(graph) == 9


# --------------------------------------------------------------------------- (d) SHACL

DATA_PREFIXES = """\
@prefix kg: <https://w3id.org/kg-diplomacy/ontology#> .
@base <https://w3id.org/kg-diplomacy/id/> .
@prefix schema: <http://schema.org/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

CONFORMING = (
    DATA_PREFIXES
    + """
<country/CHN> a kg:Country ; rdfs:label "China"@en ;
    kg:iso3166Alpha3 "CHN" ; kg:iso3166Alpha2 "CN" ; owl:sameAs wd:Q148 .
<country/RUS> a kg:Country ; rdfs:label "Russia"@en ;
    kg:iso3166Alpha3 "RUS" ; kg:iso3166Alpha2 "RU" ; owl:sameAs wd:Q159 .
<country/XKX> a kg:Country ; rdfs:label "Kosovo"@en ; kg:iso3166Alpha3 "XKX" .
<organization/un> a kg:Organization ; rdfs:label "United Nations"@en .
<person/xi-jinping> a kg:Person ; rdfs:label "Xi Jinping"@en ;
    kg:represents <country/CHN> ; kg:holdsOffice <office/xi-jinping/president-2013-03-14> .
<person/vladimir-putin> a kg:Person ; rdfs:label "Vladimir Putin"@en ;
    kg:represents <country/RUS> .
<office/xi-jinping/president-2013-03-14> a kg:OfficeTerm ;
    kg:officeOf <country/CHN> ; kg:officeTitle "President of China" ;
    kg:officeRole "head_of_state" ; kg:termStart "2013-03-14"^^xsd:date .
<topic/energy> a kg:Topic ; rdfs:label "energy"@en .

<article/a1> a kg:Article, schema:NewsArticle ; rdfs:label "Xi and Putin hold video call" ;
    kg:articleId "a1" ; schema:headline "Xi and Putin hold video call" ;
    schema:url "https://example.org/news/a1" ;
    schema:datePublished "2026-02-05"^^xsd:date ; kg:outlet "Example News" ;
    kg:textSha256 "0f343b0931126a20f133d67c2b018a3b5d1e1e5d4a1a6c5e6a3b1d2c3e4f5a6b" ;
    kg:reports <encounter/e1> ;
    kg:mentions <person/xi-jinping> ; kg:mentionsTreaty <treaty/good-neighbourliness> .

<evidence/a1/s0> a kg:Evidence ; kg:inArticle <article/a1> ; kg:sentenceIndex 0 ;
    kg:charStart 0 ; kg:charEnd 52 ; kg:extractorVersion "kg-rules/0.1.0" ;
    kg:sentenceText "Xi and Putin held a video call on February 4, 2026." .

<encounter/e1> a kg:VideoCall, kg:Encounter ; rdfs:label "Video call: Putin - Xi, 2026-02-04" ;
    schema:eventAttendanceMode schema:OnlineEventAttendanceMode ;
    kg:participant <person/xi-jinping>, <person/vladimir-putin> ;
    kg:reportedBy <article/a1> ; kg:evidence <evidence/a1/s0> ;
    kg:date "2026-02-04"^^xsd:date ; kg:datePrecision kg:DayPrecision ;
    kg:dateExpression "February 4, 2026" ; kg:dateBasis "stated" ; kg:durationMinutes 90 ;
    kg:discussed <organization/un> ; kg:discussedTopic <topic/energy> ;
    kg:hasDiscussion <discussion/e1/topic-energy> ;
    kg:reaffirms <treaty/good-neighbourliness> .

<encounter/e2> a kg:Summit ;
    kg:participant <country/CHN>, <country/RUS>, <organization/un> ;
    kg:reportedBy <article/a1> ; kg:evidence <evidence/a1/s0> ;
    kg:date "2025-09"^^xsd:gYearMonth ; kg:datePrecision kg:MonthPrecision ; kg:dateBasis "relative" .

<encounter/e3> a kg:Meeting ;
    kg:participant <person/xi-jinping>, <country/XKX> ;
    kg:reportedBy <article/a1> ; kg:evidence <evidence/a1/s0> .

<discussion/e1/topic-energy> a kg:Discussion ;
    kg:about <topic/energy> ; kg:evidence <evidence/a1/s0> .

<mention/a1/person-xi-jinping> a kg:Mention ; kg:mentionOf <person/xi-jinping> ;
    kg:inArticle <article/a1> ; kg:evidence <evidence/a1/s0> .

<treaty/good-neighbourliness> a kg:Treaty ;
    rdfs:label "Treaty of Good-Neighbourliness and Friendly Cooperation"@en ;
    kg:year "2001"^^xsd:gYear ; kg:party <country/CHN>, <country/RUS> .

<treaty-mention/a1/good-neighbourliness> a kg:TreatyMention ;
    kg:treaty <treaty/good-neighbourliness> ; kg:inArticle <article/a1> ;
    kg:reaffirmed true ; kg:evidence <evidence/a1/s0> .

<stance/a1/s1> a kg:Stance ; kg:holder <person/xi-jinping> ; kg:polarity kg:Cooperate ;
    kg:target <country/RUS> ; kg:quote "a new grand plan" ;
    kg:statedDuring <encounter/e1> ; kg:evidence <evidence/a1/s0> .

<stance/a1/s2> a kg:Stance ; kg:holder <person/vladimir-putin> ; kg:polarity kg:Concern ;
    kg:targetDescription "Western sanctions" ; kg:evidence <evidence/a1/s0> .
"""
)

# A focus node, a path (None: a node-level constraint such as sh:or) and the update breaking it.
BROKEN_CASES = {
    "one participant": (
        ID["encounter/e1"],
        KG.participant,
        "DELETE DATA { <encounter/e1> kg:participant <person/vladimir-putin> }",
    ),
    "participant not an actor": (
        ID["encounter/e3"],
        KG.participant,
        "INSERT DATA { <encounter/e3> kg:participant <topic/energy> }",
    ),
    "stance without polarity": (
        ID["stance/a1/s1"],
        KG.polarity,
        "DELETE DATA { <stance/a1/s1> kg:polarity kg:Cooperate }",
    ),
    "stance without target": (
        ID["stance/a1/s2"],
        None,
        'DELETE DATA { <stance/a1/s2> kg:targetDescription "Western sanctions" }',
    ),
    "lowercase iso3": (
        ID["country/CHN"],
        KG.iso3166Alpha3,
        'DELETE DATA { <country/CHN> kg:iso3166Alpha3 "CHN" } ; INSERT DATA { <country/CHN> kg:iso3166Alpha3 "chn" }',
    ),
    "sameAs outside Wikidata": (
        ID["country/RUS"],
        OWL.sameAs,
        "INSERT DATA { <country/RUS> owl:sameAs <https://www.geonames.org/2017370> }",
    ),
    "date precision does not match the date": (
        ID["encounter/e1"],
        None,
        "DELETE DATA { <encounter/e1> kg:datePrecision kg:DayPrecision } ;"
        " INSERT DATA { <encounter/e1> kg:datePrecision kg:YearPrecision }",
    ),
    "date without precision": (
        ID["encounter/e2"],
        None,
        "DELETE DATA { <encounter/e2> kg:datePrecision kg:MonthPrecision }",
    ),
    "date of a wrong datatype": (
        ID["encounter/e1"],
        KG.date,
        'INSERT DATA { <encounter/e1> kg:date "4 February 2026" }',
    ),
    "negative duration": (
        ID["encounter/e1"],
        KG.durationMinutes,
        "DELETE DATA { <encounter/e1> kg:durationMinutes 90 } ; INSERT DATA { <encounter/e1> kg:durationMinutes -5 }",
    ),
    "encounter without a kind": (
        ID["encounter/e2"],
        RDF.type,
        "DELETE DATA { <encounter/e2> a kg:Summit } ; INSERT DATA { <encounter/e2> a kg:Encounter }",
    ),
    "encounter without evidence": (
        ID["encounter/e3"],
        KG.evidence,
        "DELETE DATA { <encounter/e3> kg:evidence <evidence/a1/s0> }",
    ),
    "empty evidence span": (
        ID["evidence/a1/s0"],
        KG.charStart,
        "DELETE DATA { <evidence/a1/s0> kg:charEnd 52 } ; INSERT DATA { <evidence/a1/s0> kg:charEnd 0 }",
    ),
    "evidence in two articles": (
        ID["evidence/a1/s0"],
        KG.inArticle,
        'INSERT DATA { <evidence/a1/s0> kg:inArticle <article/a2> . <article/a2> a kg:Article ; kg:articleId "a2" }',
    ),
    "discussion without evidence": (
        ID["discussion/e1/topic-energy"],
        KG.evidence,
        "DELETE DATA { <discussion/e1/topic-energy> kg:evidence <evidence/a1/s0> }",
    ),
    "article published twice": (
        ID["article/a1"],
        SCHEMA.datePublished,
        'INSERT DATA { <article/a1> schema:datePublished "2026-02-06"^^xsd:date }',
    ),
    "treaty year not a gYear": (
        ID["treaty/good-neighbourliness"],
        KG.year,
        'DELETE DATA { <treaty/good-neighbourliness> kg:year "2001"^^xsd:gYear } ;'
        " INSERT DATA { <treaty/good-neighbourliness> kg:year 2001 }",
    ),
    "treaty party not a country": (
        ID["treaty/good-neighbourliness"],
        KG.party,
        "INSERT DATA { <treaty/good-neighbourliness> kg:party <organization/un> }",
    ),
}


def _validate(data: Graph, shapes: Graph) -> tuple[bool, Graph]:
    pyshacl = pytest.importorskip("pyshacl")
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
    return bool(conforms), report


def _results(report: Graph) -> set[tuple[URIRef, URIRef | None]]:
    return {
        (report.value(r, SH.focusNode), report.value(r, SH.resultPath))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }


def _data(update: str | None = None) -> Graph:
    graph = Graph().parse(data=CONFORMING, format="turtle")
    if update:
        sparql = (line.replace("@prefix", "PREFIX").replace("@base", "BASE") for line in DATA_PREFIXES.splitlines())
        prologue = "".join(line.rstrip(" .") + "\n" for line in sparql)
        graph.update(prologue + update)
    return graph


def test_shapes_describe_themselves(shapes: Graph) -> None:
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) >= 10
    for shape in node_shapes:
        assert shapes.value(shape, RDFS.label) and shapes.value(shape, RDFS.comment), shape
    for shape in node_shapes:
        for prop in shapes.objects(shape, SH.property):
            for key in (SH.name, SH.description, SH.message):
                assert shapes.value(prop, key), (shape, shapes.value(prop, SH.path), key)


def test_shapes_are_valid_shacl(shapes: Graph) -> None:
    """pySHACL's meta-validation checks the shapes graph against SHACL-SHACL."""
    pyshacl = pytest.importorskip("pyshacl")
    conforms, _, text = pyshacl.validate(_data(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_conforming_data_conforms(shapes: Graph) -> None:
    conforms, report = _validate(_data(), shapes)
    assert conforms, report.serialize(format="turtle")


def test_broken_data_does_not_conform(shapes: Graph) -> None:
    data = _data(
        "DELETE DATA { <encounter/e1> kg:participant <person/vladimir-putin> ."
        " <stance/a1/s1> kg:polarity kg:Cooperate ."
        ' <country/CHN> kg:iso3166Alpha3 "CHN" } ;'
        ' INSERT DATA { <country/CHN> kg:iso3166Alpha3 "chn" }'
    )
    conforms, report = _validate(data, shapes)
    assert not conforms
    assert {
        (ID["encounter/e1"], KG.participant),
        (ID["stance/a1/s1"], KG.polarity),
        (ID["country/CHN"], KG.iso3166Alpha3),
    } <= _results(report)
    messages = {str(m) for m in report.objects(None, SH.resultMessage)}
    assert any("at least two kg:participant" in m for m in messages), messages


@pytest.mark.parametrize("case", sorted(BROKEN_CASES))
def test_each_constraint_catches_its_violation(shapes: Graph, case: str) -> None:
    focus, path, update = BROKEN_CASES[case]
    conforms, report = _validate(_data(update), shapes)
    assert not conforms
    assert (focus, path) in _results(report), sorted(_results(report))
