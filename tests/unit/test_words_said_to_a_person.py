"""Words quoted as said to a person ('"..., you ...," X told Y') were said to him: an encounter of the two,
of a medium another trigger tells (sentences written for the test)."""

from __future__ import annotations

import pytest

from kg.records import EncounterKind


def test_a_quotation_addressed_to_a_person_is_an_encounter(extract):
    [talk] = extract("\u201cWe are glad to see you in Brasilia again,\u201d Luiz Inacio Lula da Silva told "
                     "Javier Milei.").encounters
    assert talk.participant_ids == ("javier-milei", "luiz-inacio-lula-da-silva")


def test_the_meeting_it_was_said_at_tells_the_medium(extract):
    text = ("During the meeting at the palace, Luiz Inacio Lula da Silva spoke of the trade file. "
            "\u201cYour words open a new chapter for you and us,\u201d Lula told Javier Milei.")
    [meeting] = extract(text).encounters
    assert meeting.participant_ids == ("javier-milei", "luiz-inacio-lula-da-silva")
    assert meeting.kind is EncounterKind.MEETING


@pytest.mark.parametrize("sentence", [
    "Luiz Inacio Lula da Silva told Javier Milei that the border would stay open.",
    "\u201cThe border will stay open,\u201d Luiz Inacio Lula da Silva told Javier Milei.",
    "\u201cYou will see the border stay open,\u201d Luiz Inacio Lula da Silva told reporters.",
])
def test_told_without_a_quotation_addressed_to_a_person_is_no_encounter(extract, sentence):
    assert extract(sentence).encounters == ()


def test_words_said_do_not_lend_their_pair_to_a_video_call_called_a_meeting(extract):
    text = ("Luiz Inacio Lula da Silva held a video call with Javier Milei on Monday. "
            "\u201cI thank you for your time,\u201d Lula told Milei, according to a video of the meeting.")
    [call] = extract(text).encounters
    assert call.kind is EncounterKind.VIDEO_CALL
