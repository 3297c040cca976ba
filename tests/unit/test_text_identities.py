"""One identity per text actor across an ingest run (kg.ingest.identities, kg.ingest.pipeline.write_articles).

Records written by hand: an invented minister of an invented-sounding name, placed in one article, not in
another."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.ingest import pipeline
from kg.ingest.identities import TextIdentities, needs_identity
from kg.ingest.resolve import DatedEncounters, identify
from kg.rdf import iris
from kg.rdf.vocab import KG_NS
from kg.records import (
    ActorKind,
    ActorMention,
    ActorRef,
    Article,
    DateClues,
    Discussion,
    Encounter,
    EncounterKind,
    Evidence,
    Extraction,
    PartialDate,
    Polarity,
    Precision,
    Stance,
    TextActor,
)
from kg.settings import Settings

KEN = ActorRef(ActorKind.COUNTRY, "KEN", "Kenya")
UGA = ActorRef(ActorKind.COUNTRY, "UGA", "Uganda")
MODI = ActorRef(ActorKind.PERSON, "narendra-modi", "Narendra Modi")
WORDS = ("amara", "okafor")


def _ev(article_id: str) -> Evidence:
    return Evidence(article_id, 0, 0, 10, "A sentence.")


def _actor(article_id: str, key: str, represents: ActorRef | None, words=WORDS) -> TextActor:
    return TextActor(key, "Amara Okafor", "Chief Minister", "head_of_government", represents, _ev(article_id), words)


def _article(article_id: str, key: str, represents: ActorRef | None, day: dt.date | None = dt.date(2025, 5, 2),
             words=WORDS, clues: DateClues | None = None) -> Extraction:
    person = ActorRef(ActorKind.PERSON, key, "Amara Okafor", "text")
    date = PartialDate(day, Precision.DAY, "on Friday", "stated") if day else None
    meeting = Encounter(EncounterKind.MEETING, (person, MODI), date, None,
                        (Discussion(person, _ev(article_id)),), (_ev(article_id),), clues=clues)
    stance = Stance(person, Polarity.CALL_FOR, "more trade", _ev(article_id), target=MODI)
    return Extraction(
        Article(article_id, "Text.", published=dt.date(2025, 5, 3)),
        encounters=(meeting,),
        mentions=(ActorMention(person, _ev(article_id)), ActorMention(MODI, _ev(article_id))),
        stances=(stance,),
        text_actors=(_actor(article_id, key, represents, words),),
    )


def _identities(*extractions: Extraction) -> TextIdentities:
    people = TextIdentities()
    for extraction in extractions:
        people.add_extraction(extraction)
    return people


def _keys(extraction: Extraction) -> set[str]:
    """Every text-actor id the extraction refers to, wherever it does."""
    refs = [p for e in extraction.encounters for p in e.participants]
    refs += [d.subject for e in extraction.encounters for d in e.discussions if not isinstance(d.subject, str)]
    refs += [m.actor for m in extraction.mentions] + [s.holder for s in extraction.stances]
    refs += [s.target for s in extraction.stances if s.target is not None]
    return {r.id for r in refs if r.from_text} | {a.id for a in extraction.text_actors}


def test_an_unplaced_text_actor_takes_the_identity_of_the_one_placed_namesake():
    placed = _article("placed", "ken-amara-okafor", KEN)
    unplaced = _article("unplaced", "amara-okafor", None)
    assert needs_identity(unplaced) and not needs_identity(placed)
    resolved = _identities(placed, unplaced).resolve(unplaced)
    assert _keys(resolved) == {"ken-amara-okafor"}
    assert resolved.text_actors[0].represents == KEN
    assert resolved.text_actors[0].title == "Chief Minister"  # as this article titles the person
    assert identify(resolved).encounters[0].key == identify(placed).encounters[0].key


def test_namesakes_placed_in_two_countries_leave_the_unplaced_one_alone():
    unplaced = _article("unplaced", "amara-okafor", None)
    people = _identities(_article("k", "ken-amara-okafor", KEN), _article("u", "uga-amara-okafor", UGA), unplaced)
    assert people.resolve(unplaced) is unplaced


@pytest.mark.parametrize("words", [("okafor",), ("amara", "n", "okafor"), ("amara", "okafor", "jr")])
def test_only_the_same_whole_name_of_two_words_or_more_places_someone(words):
    """A lone surname is too weak; another middle name or a suffix may be another person."""
    unplaced = _article("unplaced", "amara-okafor" if len(words) > 1 else "okafor", None, words=words)
    people = _identities(_article("placed", "ken-amara-okafor", KEN), unplaced)
    assert people.resolve(unplaced) is unplaced


def test_the_ingest_writes_one_encounter_node_for_both_articles(monkeypatch):
    """The unplaced article comes first and is held back; its encounter node is the placed one's, and a
    partial report of the unplaced person is dated by the placed report under the new identity."""
    from kg.store import open_store

    unplaced = _article("unplaced", "amara-okafor", None)
    partial = _article("partial", "amara-okafor", None, day=None, clues=DateClues(weekday=4))
    placed = _article("placed", "ken-amara-okafor", KEN)
    monkeypatch.setattr(pipeline, "extract_articles", lambda articles, settings: iter([unplaced, partial, placed]))
    store = open_store("memory:")
    report = pipeline.write_articles([], store, Settings(), DatedEncounters())
    assert sorted(report.articles) == ["partial", "placed", "unplaced"]
    rows = store.select(f"PREFIX kg: <{KG_NS}> SELECT DISTINCT ?e ?p WHERE {{ GRAPH ?g {{ ?e a kg:Encounter ;"
                        " kg:participant ?p } }")
    found = {(row["e"].value, row["p"].value) for row in rows}
    assert {e for e, _ in found} == {iris.encounter(identify(placed).encounters[0].key).value}
    assert {p for _, p in found} == {iris.text_person("ken-amara-okafor").value, iris.person("narendra-modi").value}


def _ingested(store, *extractions: Extraction, people: TextIdentities | None = None, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "extract_articles", lambda articles, settings: iter(extractions))
    pipeline.write_articles([], store, Settings(), DatedEncounters(), people=people)


def _store_people(store) -> TextIdentities:
    from kg.gazetteer import cached_gazetteer
    from kg.lexicon import load_lexicon

    people = TextIdentities()
    people.add_store(store, cached_gazetteer(), load_lexicon().persons)
    return people


def test_a_placed_namesake_already_in_the_store_gives_its_identity(monkeypatch):
    """Read back from its triples (name, represented country); its key is made again and must mint the
    node's IRI, so a node whose key cannot be remade from them is no candidate."""
    from kg.store import open_store

    store = open_store("memory:")
    _ingested(store, _article("placed", "ken-amara-okafor", KEN), monkeypatch=monkeypatch)
    unplaced = _article("unplaced", "amara-okafor", None)
    assert _keys(_store_people(store).resolve(unplaced)) == {"ken-amara-okafor"}

    other = open_store("memory:")
    _ingested(other, _article("edited", "someone-else", KEN), monkeypatch=monkeypatch)
    assert _store_people(other).resolve(unplaced) is unplaced


def test_a_store_namesake_and_a_run_namesake_of_other_countries_leave_it_alone(monkeypatch):
    from kg.store import open_store

    store = open_store("memory:")
    _ingested(store, _article("placed", "ken-amara-okafor", KEN), monkeypatch=monkeypatch)
    people = _store_people(store)
    people.add_extraction(_article("u", "uga-amara-okafor", UGA))
    unplaced = _article("unplaced", "amara-okafor", None)
    assert people.resolve(unplaced) is unplaced


def test_a_day_before_link_follows_the_story_encounter_renamed():
    placed = _article("placed", "ken-amara-okafor", KEN)
    link = DateClues(story=(-1, ("amara-okafor", "narendra-modi")))  # "The day before, ..." told after that meeting
    unplaced = _article("unplaced", "amara-okafor", None, day=None, clues=link)
    resolved = _identities(placed, unplaced).resolve(unplaced)
    assert resolved.encounters[0].clues.story == (-1, ("ken-amara-okafor", "narendra-modi"))
