"""Extraction -> quads in the article's named graph (stage 5). No blank nodes; IRIs from kg.rdf.iris."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf import iris
from kg.rdf.terms import boolean, date, integer, iri, text, year, year_month
from kg.rdf.vocab import KG, RDF, RDFS, SCHEMA
from kg.records import Encounter, EncounterKind, Evidence, Extraction, PartialDate, Precision

_PRECISION = {Precision.DAY: KG.DayPrecision, Precision.MONTH: KG.MonthPrecision, Precision.YEAR: KG.YearPrecision}
_POLARITY = {
    "support": KG.Support, "oppose": KG.Oppose, "concern": KG.Concern,
    "cooperate": KG.Cooperate, "neutral": KG.Neutral, "call_for": KG.CallFor,
}
_ONLINE = {EncounterKind.PHONE_CALL, EncounterKind.VIDEO_CALL}

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]


def date_literal(value: PartialDate) -> Literal:
    if value.precision is Precision.DAY:
        return date(value.value)
    if value.precision is Precision.MONTH:
        return year_month(value.value)
    return year(value.value.year)


def _evidence(ev: Evidence, article_node: NamedNode) -> Iterator[Triple]:
    node = iris.evidence(ev.article_id, ev.sentence_index)
    yield node, iri(RDF.type), iri(KG.Evidence)
    yield node, iri(KG.inArticle), article_node
    yield node, iri(KG.sentenceIndex), integer(ev.sentence_index)
    yield node, iri(KG.charStart), integer(ev.start)
    yield node, iri(KG.charEnd), integer(ev.end)
    yield node, iri(KG.sentenceText), text(ev.sentence)
    yield node, iri(KG.extractorVersion), text(ev.extractor)


def _article(extraction: Extraction, node: NamedNode) -> Iterator[Triple]:
    article = extraction.article
    yield node, iri(RDF.type), iri(KG.Article)
    yield node, iri(RDF.type), iri(SCHEMA.NewsArticle)
    yield node, iri(KG.articleId), text(article.id)
    yield node, iri(KG.textSha256), text(hashlib.sha256(article.text.encode("utf-8")).hexdigest())
    yield node, iri(RDFS.label), text(article.title or article.id)
    if article.title:
        yield node, iri(SCHEMA.headline), text(article.title)
    if article.url:
        yield node, iri(SCHEMA.url), text(article.url)
    if article.outlet:
        yield node, iri(KG.outlet), text(article.outlet)
    if article.published:
        yield node, iri(SCHEMA.datePublished), date(article.published)


def encounter_label(encounter: Encounter) -> str:
    names = " – ".join(p.label for p in sorted(encounter.participants, key=lambda p: p.label))
    when = encounter.date.iso() if encounter.date else "date unknown"
    return f"{encounter.kind.label}: {names}, {when}"


def _encounter(encounter: Encounter, article_node: NamedNode) -> Iterator[Triple]:
    key = encounter.key
    if key is None:
        raise TypeError("an encounter reaches the mapping without its identity key: "
                        "pass the extraction through kg.ingest.resolve.identify first")
    node = iris.encounter(key)
    yield node, iri(RDF.type), iri(getattr(KG, encounter.kind.value))
    yield node, iri(RDF.type), iri(KG.Encounter)
    yield node, iri(RDFS.label), text(encounter_label(encounter))
    mode = SCHEMA.OnlineEventAttendanceMode if encounter.kind in _ONLINE else SCHEMA.OfflineEventAttendanceMode
    yield node, iri(SCHEMA.eventAttendanceMode), iri(mode)
    yield node, iri(KG.reportedBy), article_node
    yield article_node, iri(KG.reports), node
    for participant in encounter.participants:
        yield node, iri(KG.participant), iris.actor(participant)
    if encounter.date is not None:
        yield node, iri(KG.date), date_literal(encounter.date)
        yield node, iri(KG.datePrecision), iri(_PRECISION[encounter.date.precision])
        yield node, iri(KG.dateExpression), text(encounter.date.expression)
        yield node, iri(KG.dateBasis), text(encounter.date.basis)
    if encounter.duration_minutes is not None:
        yield node, iri(KG.durationMinutes), integer(encounter.duration_minutes)
    for ev in encounter.evidence:
        yield node, iri(KG.evidence), iris.evidence(ev.article_id, ev.sentence_index)
        yield from _evidence(ev, article_node)
    for discussion in encounter.discussions:
        subject = discussion.subject
        if isinstance(subject, str):
            subject_node, predicate, kind, ref = iris.topic(subject), KG.discussedTopic, "topic", subject
        else:
            subject_node, predicate, kind, ref = iris.actor(subject), KG.discussed, subject.kind.value, subject.id
        d_node = iris.discussion(key, kind, ref)
        yield node, iri(predicate), subject_node
        yield node, iri(KG.hasDiscussion), d_node
        yield d_node, iri(RDF.type), iri(KG.Discussion)
        yield d_node, iri(KG.about), subject_node
        said = discussion.evidence
        yield d_node, iri(KG.evidence), iris.evidence(said.article_id, said.sentence_index)
        yield from _evidence(discussion.evidence, article_node)
    for treaty_id in encounter.reaffirmed_treaties:
        yield node, iri(KG.reaffirms), iris.treaty(treaty_id)


def _mentions(extraction: Extraction, article_node: NamedNode) -> Iterator[Triple]:
    article_id = extraction.article.id
    for mention in extraction.mentions:
        actor_node = iris.actor(mention.actor)
        node = iris.mention(article_id, mention.actor.kind.value, mention.actor.id)
        yield article_node, iri(KG.mentions), actor_node
        yield node, iri(RDF.type), iri(KG.Mention)
        yield node, iri(KG.mentionOf), actor_node
        yield node, iri(KG.inArticle), article_node
        yield node, iri(KG.evidence), iris.evidence(article_id, mention.evidence.sentence_index)
        yield from _evidence(mention.evidence, article_node)


def _treaties(extraction: Extraction, article_node: NamedNode) -> Iterator[Triple]:
    article_id = extraction.article.id
    for mention in extraction.treaties:
        treaty_node = iris.treaty(mention.treaty_id)
        node = iris.treaty_mention(article_id, mention.treaty_id)
        yield treaty_node, iri(RDF.type), iri(KG.Treaty)
        yield treaty_node, iri(RDFS.label), text(mention.label)
        if mention.year is not None:
            yield treaty_node, iri(KG.year), year(mention.year)
        for party in mention.parties:
            yield treaty_node, iri(KG.party), iris.country(party)
        yield article_node, iri(KG.mentionsTreaty), treaty_node
        yield node, iri(RDF.type), iri(KG.TreatyMention)
        yield node, iri(KG.treaty), treaty_node
        yield node, iri(KG.inArticle), article_node
        yield node, iri(KG.reaffirmed), boolean(mention.reaffirmed)
        yield node, iri(KG.evidence), iris.evidence(article_id, mention.evidence.sentence_index)
        yield from _evidence(mention.evidence, article_node)


def _stances(extraction: Extraction, article_node: NamedNode) -> Iterator[Triple]:
    article_id = extraction.article.id
    for stance in extraction.stances:
        target_key = stance.target.id if stance.target else (stance.target_description or "")
        node = iris.stance(article_id, stance.holder.id, stance.polarity.value, target_key, stance.quote)
        yield node, iri(RDF.type), iri(KG.Stance)
        yield node, iri(KG.holder), iris.actor(stance.holder)
        yield node, iri(KG.polarity), iri(_POLARITY[stance.polarity.value])
        yield node, iri(KG.quote), text(stance.quote)
        if stance.target is not None:
            yield node, iri(KG.target), iris.actor(stance.target)
        if stance.target_description:
            yield node, iri(KG.targetDescription), text(stance.target_description)
        yield node, iri(KG.evidence), iris.evidence(article_id, stance.evidence.sentence_index)
        yield from _evidence(stance.evidence, article_node)


def extraction_quads(extraction: Extraction) -> list[Quad]:
    """All quads of one article, in its own named graph, without duplicates, in a stable order. Every
    encounter carries its identity key (the resolve stage sets it); its IRI is minted from the key."""
    article_id = extraction.article.id
    graph = iris.article_graph(article_id)
    article_node = iris.article(article_id)
    triples: dict[Triple, None] = {}
    for part in (
        _article(extraction, article_node),
        *(_encounter(e, article_node) for e in extraction.encounters),
        _mentions(extraction, article_node),
        _treaties(extraction, article_node),
        _stances(extraction, article_node),
    ):
        for triple in part:
            triples.setdefault(triple, None)
    return [Quad(s, p, o, graph) for s, p, o in triples]


