"""Stage 4 (resolve), people: one identity per text actor across the articles of an ingest run.

A person the gazetteer does not know is a text actor keyed by the country or organization the person
speaks for plus the normalized name (:func:`kg.keys.text_actor_key`). An article that names the country
("Freedonia's Chief Minister Amara Okafor") gives ``fre-amara-okafor``; one that does not ("Chief Minister
Amara Okafor") gives ``amara-okafor``: two nodes for one person, and every encounter of theirs twice.

So a text actor whose article names no country or organization for them takes the identity of the one
text actor of the run with the same whole name (:attr:`~kg.records.TextActor.name_words`, at least two
words) that has one. Two or more such identities (two people of one name, placed in different countries):
it keeps its own. The identity is rewritten everywhere the article refers to the person: the text actor
record, encounter participants (so the encounter keys made afterwards), discussions, mentions and stances.
Articles with such a text actor wait until the whole run is extracted (:func:`kg.ingest.pipeline.write_articles`).
The placed text actors already in the store count too (:meth:`TextIdentities.add_store`), so an article
ingested after its namesake's gets the same node; an unplaced node already in the store stays as it is
until its article is ingested again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.gazetteer import Gazetteer
from kg.lexicon.schema import PersonWords
from kg.rdf import iris
from kg.rdf.vocab import KG_NS, RDFS
from kg.records import ActorKind, ActorMention, ActorRef, Discussion, Encounter, Extraction, Stance, TextActor
from kg.store.base import Store

_MIN_NAME_WORDS = 2  # a lone surname or first name is too weak to place anybody


def _unplaced(actor: TextActor) -> bool:
    return actor.represents is None and len(actor.name_words) >= _MIN_NAME_WORDS


def needs_identity(extraction: Extraction) -> bool:
    """The article introduces someone it does not place whom another article of the run may place."""
    return any(_unplaced(a) for a in extraction.text_actors)


@dataclass(frozen=True)
class Placed:
    """The identity of a text actor whose article says whom they speak for."""

    id: str
    represents: ActorRef


_PLACED_IN_STORE = f"""
PREFIX kg: <{KG_NS}>
SELECT DISTINCT ?actor ?name ?of WHERE {{
  GRAPH ?g {{
    ?actor a kg:TextActor ; <{RDFS.label}> ?name .
    {{ ?actor kg:represents ?of }} UNION {{ ?actor kg:holdsOffice ?office . ?office kg:officeOf ?of }}
  }}
}}
"""


class TextIdentities:
    """The placed text actors of the run (and of the store) by their whole name; then the identity of an
    unplaced one."""

    def __init__(self) -> None:
        self._placed: dict[tuple[str, ...], dict[str, Placed]] = {}

    def add(self, name_words: tuple[str, ...], placed: Placed) -> None:
        if len(name_words) >= _MIN_NAME_WORDS:
            self._placed.setdefault(name_words, {}).setdefault(placed.id, placed)

    def add_extraction(self, extraction: Extraction) -> None:
        for actor in extraction.text_actors:
            if actor.represents is not None:
                self.add(actor.name_words, Placed(actor.id, actor.represents))

    def add_store(self, store: Store, gazetteer: Gazetteer, words: PersonWords) -> None:
        """The placed text actors already in the store, read from their triples (name, represented country
        or organization). Their key is made again from these as the extraction makes it, and kept only when
        it mints the node's own IRI: nothing is read out of an IRI."""
        rows = list(store.select(_PLACED_IN_STORE))
        if not rows:
            return  # (and the extraction's modules, with spaCy, need not be imported in this process)
        from kg.extract.cast import full_name_words, identity_key

        represented = {iris.country(c.iso3).value: ActorRef(ActorKind.COUNTRY, c.iso3, c.name)
                       for c in gazetteer.countries.values()}
        represented.update({iris.organization(o.id).value: ActorRef(ActorKind.ORGANIZATION, o.id, o.short)
                            for o in gazetteer.organizations.values()})
        for row in rows:
            of, name = represented.get(row["of"].value), row["name"].value
            name_words = full_name_words(name, words)
            if of is None or len(name_words) < _MIN_NAME_WORDS:
                continue
            key = identity_key((of.kind.value, of.id), name, words)
            if iris.text_person(key).value == row["actor"].value:
                self.add(name_words, Placed(key, of))

    def placed_as(self, actor: TextActor) -> Placed | None:
        """The one placed text actor of the same whole name, when ``actor`` is unplaced and there is one."""
        if not _unplaced(actor):
            return None
        found = self._placed.get(actor.name_words, {})
        return next(iter(found.values())) if len(found) == 1 else None

    def resolve(self, extraction: Extraction) -> Extraction:
        """The extraction with every unplaced text actor under the identity of the one placed namesake."""
        renamed: dict[str, Placed] = {}
        for actor in extraction.text_actors:
            placed = self.placed_as(actor)
            if placed is not None and placed.id != actor.id:
                renamed[actor.id] = placed
        return rename(extraction, renamed) if renamed else extraction


def rename(extraction: Extraction, renamed: dict[str, Placed]) -> Extraction:
    """Every reference of ``extraction`` to a text actor of ``renamed`` (old id -> placed namesake) under
    the namesake's identity and represented country or organization; the name, title and evidence stay as
    the article gives them."""

    def ref(actor: ActorRef) -> ActorRef:
        placed = renamed.get(actor.id) if actor.from_text else None
        return replace(actor, id=placed.id) if placed is not None else actor

    def encounter(e: Encounter) -> Encounter:
        participants = tuple(dict.fromkeys(ref(p) for p in e.participants))
        discussions = tuple(_discussion(d, ref) for d in e.discussions)
        clues = e.clues
        if clues is not None and clues.story is not None:  # "the day before": the story's encounter, renamed too
            offset, ids = clues.story
            story = tuple(sorted({renamed[i].id if i in renamed else i for i in ids}))
            clues = replace(clues, story=(offset, story))
        return replace(e, participants=participants, discussions=discussions, clues=clues)

    actors: dict[str, TextActor] = {}
    for actor in extraction.text_actors:
        placed = renamed.get(actor.id)
        if placed is not None:
            actor = replace(actor, id=placed.id, represents=placed.represents)
        actors.setdefault(actor.id, actor)
    mentions: dict[tuple[str, str, str], ActorMention] = {}
    for mention in extraction.mentions:
        who = ref(mention.actor)
        mentions.setdefault((who.kind.value, who.source, who.id), replace(mention, actor=who))
    return replace(
        extraction,
        encounters=tuple(encounter(e) for e in extraction.encounters),
        mentions=tuple(mentions.values()),
        stances=tuple(_stance(s, ref) for s in extraction.stances),
        text_actors=tuple(actors.values()),
    )


def _discussion(discussion: Discussion, ref: Callable[[ActorRef], ActorRef]) -> Discussion:
    subject = discussion.subject
    return discussion if isinstance(subject, str) else replace(discussion, subject=ref(subject))


def _stance(stance: Stance, ref: Callable[[ActorRef], ActorRef]) -> Stance:
    target = ref(stance.target) if stance.target is not None else None
    return replace(stance, holder=ref(stance.holder), target=target)
