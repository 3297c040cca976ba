"""Which sentences report on an encounter, and which countries and organizations in them were discussed.

Every text here is written for the test (no corpus sentence); each test stands for a class of phrasing.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.quotes import quote_continuations

CALL = "French President Emmanuel Macron held a phone call with Indian Prime Minister Narendra Modi on Monday."


@pytest.fixture(scope="module")
def extract(extract):
    """The rule-test extraction, with articles published on Tuesday, 12 March 2024."""
    return lambda text, published=dt.date(2024, 3, 12): extract(text, published=published)


def _subjects(result, kind: str = "country", first: int = 0) -> set[str]:
    """Countries (or organizations) discussed in the encounter first reported in sentence ``first``."""
    [encounter] = [e for e in result.encounters if e.evidence[0].sentence_index == first]
    return {d.subject.id for d in encounter.discussions
            if not isinstance(d.subject, str) and d.subject.kind.value == kind}


def test_a_quotation_running_over_sentences_is_one_report(extract, nlp):
    text = (f"{CALL} Macron wrote afterwards: \"I had a warm conversation with my friend. We went over Iran, "
            "Syria and the Sahel.\"\n\nAnalysts doubt that Canada will follow.")
    assert _subjects(extract(text)) == {"IRN", "SYR"}
    sentences = list(nlp(text).sents)
    opened = quote_continuations(sentences)
    went_over = next(i for i, s in enumerate(sentences) if s.text.startswith("We went"))
    analysts = next(i for i, s in enumerate(sentences) if s.text.startswith("Analysts"))
    assert opened[went_over] == went_over - 1 and opened[analysts] is None  # the paragraph closed it


def test_a_title_referring_back_to_a_participant_continues_the_report(extract):
    text = (f"{CALL} The French president raised the situation in Lebanon. The Indian premier set out his "
            "view of Sri Lanka's debt.")
    assert _subjects(extract(text)) == {"LBN", "LKA"}


def test_a_participant_as_subject_of_a_past_tense_verb_reports_on_the_call(extract):
    text = f"{CALL} Separately, Modi set out his worries over Pakistan's support for militants."
    assert _subjects(extract(text)) == {"PAK"}


def test_also_carries_a_continuation_over_one_sentence(extract):
    text = (f"{CALL} They agreed to deepen defence ties. Trade between the two countries is growing fast. "
            "He also raised Nepal.")
    assert _subjects(extract(text)) == {"NPL"}


def test_a_participants_words_before_any_report_of_the_encounter_are_not_about_it(extract):
    text = f"Modi announced new tariffs on Canada in January. {CALL}"
    assert _subjects(extract(text), first=1) == set()


def test_a_dateline_names_where_the_story_was_filed(extract):
    text = ("Geneva, Switzerland, March 11 (Newswire) \u2013 Emmanuel Macron and Narendra Modi met on Monday "
            "and discussed Iran.")
    assert _subjects(extract(text)) == {"IRN"}


def test_a_subheading_is_not_part_of_the_report(extract):
    text = f"{CALL} They discussed Iran.\nCanada watches the deal closely\nThe leaders also discussed Oman."
    assert _subjects(extract(text)) == {"IRN", "OMN"}


def test_a_sentence_about_an_earlier_encounter_is_not_this_one(extract):
    text = (f"{CALL} They discussed Iran. Their previous call took place in January. During that earlier "
            "discussion, Modi raised Bhutan.")
    assert _subjects(extract(text)) == {"IRN"}


def test_two_other_people_make_their_call_another_encounter(extract):
    text = (f"{CALL} They discussed Iran. Chinese Foreign Minister Wang Yi told Russian Foreign Minister "
            "Sergey Lavrov during their call on Tuesday that Taiwan was a red line.")
    assert "TWN" not in _subjects(extract(text))


def test_expectations_are_not_reports(extract):
    text = f"{CALL} The two leaders are expected to discuss Syria at their next meeting."
    assert _subjects(extract(text)) == set()


def test_a_title_of_several_words_makes_a_demonym_a_descriptor(extract):
    text = f"{CALL} The leaders discussed Iran, Canadian Prime Minister John Hartley told reporters."
    assert _subjects(extract(text)) == {"IRN"}


def test_a_summit_agreed_upon_is_a_subject_and_the_one_hosting_the_meeting_is_not(extract):
    planned = f"{CALL} The two leaders agreed that they would meet at the G20 summit."
    assert _subjects(extract(planned), "organization") == {"G20"}
    venue = ("Emmanuel Macron met Narendra Modi on the sidelines of the G20 summit on Monday. They discussed "
             "Iran.")
    assert _subjects(extract(venue), "organization") == set()


def test_a_participants_own_organization_is_not_a_subject_of_its_encounter(extract):
    text = ("NATO Secretary General Mark Rutte met Volodymyr Zelensky in Kyiv on Thursday. Rutte said NATO "
            "would help Ukraine shoot down missiles fired from Belarus.")
    result = extract(text, published=dt.date(2024, 10, 4))
    assert _subjects(result, "organization") == set()
    assert _subjects(result) == {"BLR"}


def test_the_time_before_a_since_is_background(extract):
    text = f"{CALL} It was their first conversation since the invasion of Kuwait, and they discussed Qatar."
    assert _subjects(extract(text)) == {"QAT"}


def test_a_recent_summit_that_only_dates_the_call_is_a_venue(extract):
    text = f"{CALL} They spoke a week after their recent summit in Indonesia, and Modi raised Oman."
    assert _subjects(extract(text)) == {"OMN"}


def test_other_leaders_told_of_another_time_do_not_continue_the_report(extract):
    text = f"{CALL} They discussed Iran. Both the German and Italian prime ministers visited Delhi last month."
    assert _subjects(extract(text)) == {"IRN"}
