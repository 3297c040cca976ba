"""Held versus planned encounters: the modality of a verb above the trigger (sentences written for the test)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.triggers import is_planned_or_negated, sentence_triggers
from kg.lexicon import load_lexicon
from kg.records import EncounterKind


def _pairs(result) -> set[tuple[str, ...]]:
    return {e.participant_ids for e in result.encounters}


@pytest.mark.parametrize("sentence", [
    "Joe Biden said he would meet Xi Jinping at a regional summit in Peru next month.",
    "Emmanuel Macron is scheduled to meet Li Qiang before travelling to Chengdu for another meeting with Xi Jinping.",
    "Once the ballots are counted, Donald Trump said he intends to phone Vladimir Putin shortly.",
    "Both sides look forward to meeting Narendra Modi at the summit in Kazan.",
    "Neither side has confirmed a meeting between Antony Blinken and Xi Jinping.",
    "Diplomats say a meeting between Olaf Scholz and Xi Jinping is likely.",
    "Egypt denied that a call between Abdel Fattah el-Sisi and Donald Trump had taken place.",
])
def test_encounter_under_a_planning_or_denying_verb_is_not_held(extract, sentence):
    assert extract(sentence).encounters == ()


def test_earlier_call_under_a_future_verb_stays_held(extract):
    result = extract("Joe Biden said he would visit Beijing in the spring, following a phone call he held "
                          "with Xi Jinping on Friday.", published=dt.date(2023, 4, 8))
    [call] = result.encounters
    assert call.kind is EncounterKind.PHONE_CALL
    assert call.participant_ids == ("joe-biden", "xi-jinping")


def test_clause_with_its_own_tense_keeps_it(extract):
    result = extract("Donald Trump promised that the United States will keep its troops in Poland as he had a "
                          "warm meeting on Wednesday with Karol Nawrocki.", published=dt.date(2025, 9, 4))
    assert _pairs(result) == {("donald-trump", "karol-nawrocki")}


def test_negated_detail_does_not_deny_the_talks(extract):
    result = extract("Vladimir Putin held talks with Olaf Scholz on Sunday; the Kremlin did not give details "
                          "of the talks.", published=dt.date(2024, 12, 23))
    assert _pairs(result) == {("olaf-scholz", "vladimir-putin")}


def test_date_of_a_planned_clause_is_not_the_encounters(extract):
    result = extract("Describing his talks with Xi Jinping as a triumph, Donald Trump told journalists on "
                          "Thursday that he will travel to China in April.", published=dt.date(2025, 10, 30))
    [meeting] = result.encounters
    assert meeting.date is None or meeting.date.value.month != 4



@pytest.mark.parametrize("offer", [
    'Qatar would be "very interested" in hosting the Brazil-South Africa talks, Lula added.',
    "Norway would be happy about hosting peace talks, Lula said.",
    "Lula said Switzerland might be open to hosting talks between the two sides.",
])
def test_an_offer_to_host_talks_is_planned(nlp, offer):
    # a modal above an adjective ("would be interested in hosting talks") covers what the adjective governs
    doc = nlp(offer)
    lexicon = load_lexicon()
    [triggers] = sentence_triggers(doc, list(doc.sents), lexicon)
    assert triggers and all(is_planned_or_negated(t, lexicon) for t in triggers)


def test_an_encounter_ahead_of_another_event_is_held_and_not_dated_by_it(extract):
    """"Ahead of the summit, X and Y met": held; a day inside "ahead of Monday's summit" is the summit's;
    the organization whose gathering it is was not discussed."""
    result = extract("Ahead of the NATO summit, Joe Biden and Jens Stoltenberg met on Wednesday in Brussels.",
                     published=dt.date(2022, 3, 25))
    [meeting] = result.encounters
    assert meeting.participant_ids == ("jens-stoltenberg", "joe-biden")
    assert meeting.date.value == dt.date(2022, 3, 23)
    result = extract("Joe Biden met Emmanuel Macron in Paris ahead of Monday's summit of the United Nations.",
                     published=dt.date(2022, 3, 25))
    [meeting] = result.encounters
    assert meeting.date is None or meeting.date.value != dt.date(2022, 3, 21)
    assert "UN" not in {d.subject.id for d in meeting.discussions if not isinstance(d.subject, str)}


def test_encounters_counted_twice_are_habitual_not_one_held(extract):
    result = extract("Emmanuel Macron met Olaf Scholz in Paris on Monday. Macron and Giorgia Meloni have spoken "
                     "twice by phone since January.")
    assert [e.participant_ids for e in result.encounters] == [("emmanuel-macron", "olaf-scholz")]


def test_a_summit_a_relative_clause_puts_ahead_is_planned_and_keeps_its_days(extract):
    """"preparations for the July 9-11 summit where aid will be a priority": the summit is to come, and its
    days are not those of the meeting that discussed it."""
    result = extract("During a meeting in Brussels, Jens Stoltenberg and Volodymyr Zelensky discussed "
                     "preparations for the July 9-11 Washington summit where aid to Kyiv will be a priority.",
                     published=dt.date(2024, 6, 27))
    assert all(e.date is None or e.date.value.month != 7 for e in result.encounters)
    assert all(e.kind is not EncounterKind.SUMMIT for e in result.encounters)


@pytest.mark.parametrize("sentence", [
    "After arriving in Doha on July 2, Recep Tayyip Erdogan and Tamim bin Hamad Al Thani held talks at the palace.",
    "Recep Tayyip Erdogan met Tamim bin Hamad Al Thani after he arrived in Doha on July 2.",
])
def test_the_day_a_visitor_arrived_dates_the_meeting_after_it(extract, sentence):
    """"after arriving on July 2" dates the talks (a visitor meets on arrival); "since ... in July" would not."""
    [meeting] = extract(sentence, published=dt.date(2020, 7, 3)).encounters
    assert meeting.date.value == dt.date(2020, 7, 2)


def test_an_encounter_a_talk_to_come_is_about_is_no_encounter(extract):
    """"were to talk by phone to discuss details of Lula's visit": the visit is the topic of a planned call;
    a held talk about a call ("updated Zelensky on his call with Putin") still reports that call."""
    result = extract("Celso Amorim and Hillary Clinton were expected to talk by phone on Monday to discuss details "
                     "of Luiz Inacio Lula da Silva's visit.", published=dt.date(2009, 3, 1))
    assert result.encounters == ()
    result = extract("Donald Trump said he had updated Volodymyr Zelensky about his call with Vladimir Putin.",
                     published=dt.date(2025, 5, 20))
    assert ("donald-trump", "vladimir-putin") in {e.participant_ids for e in result.encounters}
