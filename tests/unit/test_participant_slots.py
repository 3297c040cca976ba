"""Who took part, read from the phrases around a trigger (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.article import build_extractor
from kg.records import Article


@pytest.fixture(scope="module")
def extract(nlp):
    extractor = build_extractor()

    def run(text: str, published: dt.date | None = dt.date(2025, 6, 5)):
        return extractor(nlp(text), Article(id="t", text=text, published=published))

    return run


def _pairs(result) -> set[frozenset[str]]:
    return {frozenset(p.label for p in e.participants) for e in result.encounters}


@pytest.mark.parametrize("text", [
    "Zambian President Kalonde Mwaba said on Wednesday that his call with Chilean President Ignacio Varela "
    "had been cordial, unlike the remarks of Malawian President Chikondi Banda.",
    "Zambian President Kalonde Mwaba told reporters his long meeting with Chilean President Ignacio Varela "
    "ended with an agreement.",
])
def test_his_encounter_whose_phrase_is_the_subject_is_the_reporters(extract, text):
    """"X said his call with Y had been ...": "his" is X even though "his call" is the subject of its verb."""
    assert _pairs(extract(text)) == {frozenset({"Kalonde Mwaba", "Ignacio Varela"})}


def test_meeting_hosted_by_someone_counts_the_host(extract):
    result = extract("A meeting hosted by Zambian President Kalonde Mwaba and attended by Chilean President "
                     "Ignacio Varela took place in Lusaka on Monday, while Malawian President Chikondi Banda "
                     "stayed in Blantyre.")
    assert _pairs(result) == {frozenset({"Kalonde Mwaba", "Ignacio Varela"})}


def test_counterpart_holds_the_office_of_the_other_participant(extract):
    """"his Russian counterpart" of a defence secretary is Russia's defence minister, not its president."""
    result = extract("US Secretary of Defense Lloyd Austin spoke by phone with his Russian counterpart on Monday.",
                     published=dt.date(2022, 6, 1))
    assert _pairs(result) == {frozenset({"Lloyd Austin", "Sergei Shoigu"})}


def test_counterpart_of_a_head_of_state_is_a_head_of_state(extract):
    result = extract("Chinese President Xi Jinping held a phone call with his Russian counterpart on Monday.",
                     published=dt.date(2022, 6, 1))
    assert _pairs(result) == {frozenset({"Xi Jinping", "Vladimir Putin"})}


def test_his_before_a_reporting_verb_is_the_reported_subject(extract):
    """"After his call with X, a spokesman said Y also spoke with Z": "his" is Y, not the speaker."""
    result = extract("After his phone call with Chilean President Ignacio Varela on Monday, Zambian Foreign Minister "
                     "Mutale Phiri said President Kalonde Mwaba of Zambia also spoke with Malawian President Chikondi "
                     "Banda.")
    assert frozenset({"Mutale Phiri", "Ignacio Varela"}) not in _pairs(result)
    assert frozenset({"Kalonde Mwaba", "Ignacio Varela"}) in _pairs(result)
