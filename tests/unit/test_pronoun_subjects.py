"""A "he"/"she" subject of a clause that an encounter frames ("he set out his plan in a meeting attended
by X") is the one person named just before, and takes part (sentences written for the test)."""

from __future__ import annotations


def test_the_pronoun_subject_of_a_framed_clause_takes_part(extract):
    text = ("Anthony Albanese arrived in New Delhi on Monday. "
            "On Tuesday he set out his trade proposals in a long meeting attended by Narendra Modi.")
    pairs = {e.participant_ids for e in extract(text).encounters}
    assert ("anthony-albanese", "narendra-modi") in pairs


def test_a_pronoun_that_could_be_two_people_names_nobody(extract):
    text = ("Anthony Albanese and Joe Biden arrived in New Delhi on Monday. "
            "On Tuesday he set out his trade proposals in a long meeting attended by Narendra Modi.")
    assert not any("anthony-albanese" in e.participant_ids or "joe-biden" in e.participant_ids
                   for e in extract(text).encounters)
