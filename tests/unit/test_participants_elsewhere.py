"""Who took part, from the shape of the sentence (sentences written for the test): persons in the phrase of
another event or in a topic are not parties; a pronoun subject of a 'when'/'where' clause stands for the
subject above it; 'X confirmed the meeting' does not make X a party; a session of a body is not an
encounter; a visit to one country does not take the sentences about a visit to another."""

from __future__ import annotations

import datetime as dt

import pytest


def _pairs(result) -> set[tuple[str, ...]]:
    return {e.participant_ids for e in result.encounters}


@pytest.mark.parametrize("second", [
    "It was the second meeting of the two leaders since Petro replaced Ivan Duque in office.",
    "It was their third meeting since Ivan Duque handed over to Petro.",
])
def test_person_in_the_clause_of_another_event_is_not_a_party(extract, second):
    result = extract("Gustavo Petro met Nicolas Maduro in Caracas on Saturday. " + second,
                     published=dt.date(2023, 1, 9))
    assert _pairs(result) == {("gustavo-petro", "nicolas-maduro")}


def test_a_session_of_a_body_is_not_an_encounter_of_the_persons_named(extract):
    result = extract("At a meeting of the Security Council on Monday, Vladimir Putin wished Donald Trump "
                     "success.", published=dt.date(2025, 1, 21))
    assert result.encounters == ()


def test_a_session_that_two_leaders_chaired_is_theirs(extract):
    result = extract("Tamim bin Hamad Al Thani and Recep Tayyip Erdogan co-chaired the meeting of the "
                     "strategic committee in Doha on Monday.", published=dt.date(2023, 12, 5))
    assert _pairs(result) == {("recep-tayyip-erdogan", "tamim-bin-hamad-al-thani")}


@pytest.mark.parametrize("text", [
    "William Ruto raised the debt issue with the lenders when he met Narendra Modi in New Delhi on Friday.",
    "William Ruto flew on to New Delhi, where he met Narendra Modi on Friday.",
])
def test_pronoun_of_a_when_or_where_clause_is_the_subject_above(extract, text):
    assert _pairs(extract(text, published=dt.date(2025, 4, 5))) == {("narendra-modi", "william-ruto")}


def test_the_subject_above_wins_over_a_person_named_as_a_topic(extract):
    result = extract("William Ruto raised the extradition of Sheikh Hasina when he met Narendra Modi in New "
                     "Delhi on Friday.", published=dt.date(2025, 4, 5))
    assert _pairs(result) == {("narendra-modi", "william-ruto")}


@pytest.mark.parametrize("text", [
    "Kremlin spokesman Dmitry Peskov confirmed the meeting on Monday.",
    "Dmitry Peskov announced the meeting on Monday.",
])
def test_who_confirmed_a_meeting_is_not_its_party(extract, text):
    result = extract("Vladimir Putin met Xi Jinping in Beijing on Monday. " + text, published=dt.date(2024, 5, 17))
    assert _pairs(result) == {("vladimir-putin", "xi-jinping")}


def test_talks_on_a_persons_case_are_not_talks_with_that_person(extract):
    result = extract("Vikram Misri: talks on Sheikh Hasina's extradition.", published=dt.date(2025, 4, 5))
    assert result.encounters == ()


def test_the_first_call_between_the_two_leaders_is_theirs(extract):
    result = extract("Abdel Fattah el-Sisi told Donald Trump on Saturday that peace was near. The Saturday "
                     "phone call was the first one between the two leaders this year, after Trump aired a plan "
                     "that Sisi rejected.", published=dt.date(2025, 2, 2))
    assert _pairs(result) == {("abdel-fattah-el-sisi", "donald-trump")}


def test_a_pair_named_in_another_clause_is_not_the_pair_of_the_talks(extract):
    result = extract("The delegation included Marco Rubio and Scott Bessent. Following the talks, Donald Trump "
                     "said the two leaders had reached many decisions.", published=dt.date(2025, 10, 31))
    assert ("marco-rubio", "scott-bessent") not in _pairs(result)


def test_a_visit_to_one_country_is_not_the_visit_to_another(extract):
    result = extract("Xi Jinping arrived in Belgrade on Wednesday for talks with Aleksandar Vucic. Xi arrived "
                     "after a visit to France, where he spoke with Emmanuel Macron. Xi's visit to Serbia "
                     "comes on an anniversary.", published=dt.date(2024, 5, 9))
    serbia = next(e for e in result.encounters if e.participant_ids == ("aleksandar-vucic", "xi-jinping"))
    assert len(serbia.evidence) == 2  # the arrival and the visit to Serbia, not the visit to France


def test_an_office_titled_with_an_aides_word_is_an_office(extract):
    result = extract("Chief Adviser Muhammad Yunus pressed for the return of Sheikh Hasina when he met Narendra "
                     "Modi on Friday.", published=dt.date(2025, 4, 5))
    assert len(result.encounters) == 1
    assert {p.label for p in result.encounters[0].participants} == {"Muhammad Yunus", "Narendra Modi"}


def test_the_official_who_briefed_on_a_visit_is_not_its_party(extract):
    result = extract("At a briefing about Narendra Modi's visit to Bangkok, Foreign Secretary Vikram Misri "
                     "confirmed the meeting.", published=dt.date(2025, 4, 5))
    assert all("vikram-misri" not in e.participant_ids for e in result.encounters)


def test_hours_after_ones_meeting_with_x_the_list_that_follows_is_another_clause(extract):
    result = extract("Donald Trump and Xi Jinping talked by phone on Wednesday. Only hours after Xi's video call "
                     "with President Vladimir Putin, Xi and Trump discussed tariffs.", published=dt.date(2026, 2, 5))
    assert ("donald-trump", "vladimir-putin", "xi-jinping") not in _pairs(result)
    putin = next(e for e in result.encounters if e.participant_ids == ("vladimir-putin", "xi-jinping"))
    assert putin.date.value == dt.date(2026, 2, 4)  # hours before the story's call: the same day


def test_an_earlier_leg_of_the_trip_is_not_the_encounter_reported(extract):
    result = extract("Xi Jinping held talks with Aleksandar Vucic in Belgrade on Wednesday. Xi had arrived in "
                     "Serbia after a stay in France, where he spoke with Emmanuel Macron. Xi's visit to Serbia "
                     "marks an anniversary.", published=dt.date(2024, 5, 9))
    assert _pairs(result) == {("aleksandar-vucic", "xi-jinping")}
    [serbia] = result.encounters
    assert [e.sentence_index for e in serbia.evidence] == [0, 2]
