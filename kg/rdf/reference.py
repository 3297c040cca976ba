"""Reference data as quads: the gazetteer's actors and treaties, the topics, and the ontology itself."""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from kg.gazetteer import Gazetteer
from kg.lexicon import Topic
from kg.rdf import iris
from kg.rdf.terms import date, iri, text, year
from kg.rdf.vocab import KG, OWL, RDF, RDFS, SKOS, WD
from kg.resources import ontology_file

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]


def _names(node: NamedNode, label: str, aliases: tuple[str, ...]) -> Iterator[Triple]:
    yield node, iri(RDFS.label), text(label, "en")
    for alias in aliases:
        if alias != label:
            yield node, iri(SKOS.altLabel), text(alias, "en")


def _same_as(node: NamedNode, qid: str | None) -> Iterator[Triple]:
    if qid:
        yield node, iri(OWL.sameAs), iri(WD + qid)


def gazetteer_triples(gazetteer: Gazetteer) -> Iterator[Triple]:
    for c in gazetteer.countries.values():
        node = iris.country(c.iso3)
        yield node, iri(RDF.type), iri(KG.Country)
        yield from _names(node, c.name, c.aliases)
        yield node, iri(KG.iso3166Alpha3), text(c.iso3)
        yield node, iri(KG.iso3166Alpha2), text(c.iso2)
        yield from _same_as(node, c.wikidata)
    for o in gazetteer.organizations.values():
        node = iris.organization(o.id)
        yield node, iri(RDF.type), iri(KG.Organization)
        yield from _names(node, o.short, (o.name, *o.aliases))
        yield node, iri(KG.shortName), text(o.short)
        yield from _same_as(node, o.wikidata)
    for p in gazetteer.people.values():
        node = iris.person(p.id)
        yield node, iri(RDF.type), iri(KG.Person)
        yield from _names(node, p.name, p.aliases)
        yield from _same_as(node, p.wikidata)
        if p.country in gazetteer.countries:
            yield node, iri(KG.represents), iris.country(p.country)
        for term in p.offices:
            office = iris.office_term(p.id, term.title, term.start.isoformat())
            holder_of = iris.country(term.of) if term.of in gazetteer.countries else iris.organization(term.of)
            yield node, iri(KG.holdsOffice), office
            yield office, iri(RDF.type), iri(KG.OfficeTerm)
            yield office, iri(RDFS.label), text(f"{term.title} ({p.name})", "en")
            yield office, iri(KG.officeTitle), text(term.title)
            yield office, iri(KG.officeRole), text(term.role)
            yield office, iri(KG.officeOf), holder_of
            yield office, iri(KG.termStart), date(term.start)
            if term.end is not None:
                yield office, iri(KG.termEnd), date(term.end)
    for t in gazetteer.treaties.values():
        node = iris.treaty(t.id)
        yield node, iri(RDF.type), iri(KG.Treaty)
        yield from _names(node, t.name, t.aliases)
        if t.year is not None:
            yield node, iri(KG.year), year(t.year)
        for party in t.parties:
            yield node, iri(KG.party), iris.country(party)
        yield from _same_as(node, t.wikidata)


def topic_triples(topics: tuple[Topic, ...]) -> Iterator[Triple]:
    for topic in topics:
        node = iris.topic(topic.id)
        yield node, iri(RDF.type), iri(KG.Topic)
        yield node, iri(RDFS.label), text(topic.label, "en")


def reference_quads(gazetteer: Gazetteer, topics: tuple[Topic, ...]) -> list[Quad]:
    graph = iris.reference_graph()
    seen: dict[Triple, None] = {}
    for triple in (*gazetteer_triples(gazetteer), *topic_triples(topics)):
        seen.setdefault(triple, None)
    return [Quad(s, p, o, graph) for s, p, o in seen]


def ontology_quads() -> list[Quad]:
    path = ontology_file()
    graph = iris.ontology_graph()
    with path.open("rb") as handle:
        return [Quad(t.subject, t.predicate, t.object, graph) for t in parse(handle, RdfFormat.TURTLE)]
