"""A joint press or news conference is given together, in person: the leaders named at one met (sentences
written for the test, including the "Remarks by X at the joint press conference with Y" header of an
official transcript)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.records import EncounterKind


@pytest.mark.parametrize("sentence", [
    "Anthony Albanese and Narendra Modi took questions at a joint news conference in Canberra on Monday.",
    "Remarks by the Prime Minister and Minister for Trade Anthony Albanese at the joint press conference with "
    "Indian Prime Minister Narendra Modi in Canberra on 17 March 2025.",
    "Anthony Albanese held a joint press conference with Narendra Modi in Canberra on Monday.",
])
def test_a_joint_press_conference_is_a_meeting_of_those_who_gave_it(extract, sentence):
    [meeting] = extract(sentence).encounters
    assert meeting.participant_ids == ("anthony-albanese", "narendra-modi")
    assert meeting.kind is EncounterKind.MEETING
    assert meeting.date.value == dt.date(2025, 3, 17)


@pytest.mark.parametrize("sentence", [
    "Joe Biden said he would not hold a joint press conference with Vladimir Putin.",
    "Joe Biden told a press conference in Washington that Vladimir Putin had broken his word.",
])
def test_a_planned_joint_press_conference_or_a_press_conference_alone_is_no_encounter(extract, sentence):
    assert extract(sentence).encounters == ()
