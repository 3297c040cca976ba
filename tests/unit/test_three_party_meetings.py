"""Meetings of three (sentences written for the test): the host of a meeting called trilateral is a party,
a host who only hosted is not; 'the meeting, which included X' adds X; the date of a summit named in a
clause beside the meeting is not the meeting's."""

from __future__ import annotations

import datetime as dt

from kg.records import EncounterKind

_HOSTED = ("William Ruto attended a meeting with his Ugandan counterpart, Yoweri Museveni, hosted by the Emir "
           "of Qatar, Tamim bin Hamad Al Thani, in Doha on Tuesday.")


def test_the_host_of_a_trilateral_meeting_is_a_party(extract):
    result = extract(_HOSTED + " The trilateral meeting called for an end to the fighting.",
                     published=dt.date(2025, 3, 19))
    [meeting] = result.encounters
    assert meeting.participant_ids == ("tamim-bin-hamad-al-thani", "william-ruto", "yoweri-museveni")
    assert meeting.kind is EncounterKind.MEETING  # three leaders at one table, not a summit


def test_a_host_who_only_hosted_is_not_a_party(extract):
    result = extract(_HOSTED + " The meeting called for an end to the fighting.", published=dt.date(2025, 3, 19))
    assert [e.participant_ids for e in result.encounters] == [("william-ruto", "yoweri-museveni")]


def test_the_meeting_which_included_x_has_x_among_its_parties(extract):
    result = extract("William Ruto and Yoweri Museveni met in Doha on Tuesday. The meeting, which included the "
                     "Emir of Qatar, Sheikh Tamim bin Hamad Al Thani, lasted two hours.",
                     published=dt.date(2025, 3, 19))
    [meeting] = result.encounters
    assert meeting.participant_ids == ("tamim-bin-hamad-al-thani", "william-ruto", "yoweri-museveni")
    assert meeting.date.value == dt.date(2025, 3, 18)


def test_the_day_of_a_summit_held_beside_is_not_the_meetings(extract):
    result = extract("William Ruto met Yoweri Museveni in Kampala on Tuesday. The meeting welcomed the regional "
                     "summit held in Arusha on February 8, 2025.", published=dt.date(2025, 3, 19))
    [meeting] = result.encounters
    assert meeting.date.value == dt.date(2025, 3, 18)
    assert len(meeting.evidence) == 2  # the second sentence tells of the same meeting
