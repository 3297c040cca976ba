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


def test_a_participants_words_before_any_report_of_the_encounter_are_not_about_it(extract):
    text = f"Modi announced new tariffs on Canada in January. {CALL}"
    assert _subjects(extract(text), first=1) == set()


def test_two_other_people_make_their_call_another_encounter(extract):
    text = (f"{CALL} They discussed Iran. Chinese Foreign Minister Wang Yi told Russian Foreign Minister "
            "Sergey Lavrov during their call on Tuesday that Taiwan was a red line.")
    assert "TWN" not in _subjects(extract(text))


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


@pytest.mark.parametrize("text", [
    "On Monday in Paris, Emmanuel Macron held separate meetings with Narendra Modi and with the President of "
    "Kenya, William Ruto.",
    "Emmanuel Macron met Prime Minister of India Narendra Modi and, separately, the President of Kenya, William "
    "Ruto, in Paris on Monday.",
])
def test_the_party_of_a_meeting_told_beside_this_one_is_not_its_subject(extract, text):
    result = extract(text)
    assert {frozenset(p.id for p in e.participants) for e in result.encounters} == {
        frozenset({"emmanuel-macron", "narendra-modi"}), frozenset({"emmanuel-macron", "william-ruto"})}
    assert all(not e.discussions for e in result.encounters)


# (text, kind of subject, what the encounter reported first is found to be about), one case per class
CASES = [
    pytest.param(
        f"{CALL} The French president raised the situation in Lebanon. The Indian premier set out his "
        "view of Sri Lanka's debt.",
        "country", {"LBN", "LKA"}, id="a_title_referring_back_to_a_participant_continues_the_report",
    ),
    pytest.param(
        f"{CALL} Separately, Modi set out his worries over Pakistan's support for militants.",
        "country", {"PAK"}, id="a_participant_as_subject_of_a_past_tense_verb_reports_on_the_call",
    ),
    pytest.param(
        f"{CALL} They agreed to deepen defence ties. Trade between the two countries is growing fast. "
        "He also raised Nepal.",
        "country", {"NPL"}, id="also_carries_a_continuation_over_one_sentence",
    ),
    pytest.param(
        "Geneva, Switzerland, March 11 (Newswire) \u2013 Emmanuel Macron and Narendra Modi met on Monday "
        "and discussed Iran.",
        "country", {"IRN"}, id="a_dateline_names_where_the_story_was_filed",
    ),
    pytest.param(
        f"{CALL} They discussed Iran.\nCanada watches the deal closely\nThe leaders also discussed Oman.",
        "country", {"IRN", "OMN"}, id="a_subheading_is_not_part_of_the_report",
    ),
    pytest.param(
        f"{CALL} They discussed Iran. Their previous call took place in January. During that earlier "
        "discussion, Modi raised Bhutan.",
        "country", {"IRN"}, id="a_sentence_about_an_earlier_encounter_is_not_this_one",
    ),
    pytest.param(
        f"{CALL} The two leaders are expected to discuss Syria at their next meeting.",
        "country", set(), id="expectations_are_not_reports",
    ),
    pytest.param(
        f"{CALL} The leaders discussed Iran, Canadian Prime Minister John Hartley told reporters.",
        "country", {"IRN"}, id="a_title_of_several_words_makes_a_demonym_a_descriptor",
    ),
    pytest.param(
        f"{CALL} It was their first conversation since the invasion of Kuwait, and they discussed Qatar.",
        "country", {"QAT"}, id="the_time_before_a_since_is_background",
    ),
    pytest.param(
        f"{CALL} They spoke a week after their recent summit in Indonesia, and Modi raised Oman.",
        "country", {"OMN"}, id="a_recent_summit_that_only_dates_the_call_is_a_venue",
    ),
    pytest.param(
        f"{CALL} They discussed Iran. Both the German and Italian prime ministers visited Delhi last month.",
        "country", {"IRN"}, id="other_leaders_told_of_another_time_do_not_continue_the_report",
    ),
    pytest.param(
        f"{CALL} Both sides want more trade. Officials are upbeat. The French president thanked Modi "
        "for India's help in Mali.",
        "country", {"MLI"}, id="a_definite_title_of_a_participants_office_reports_after_a_gap",
    ),
    pytest.param(
        "Emmanuel Macron met Narendra Modi in Delhi on Monday, hours after the funeral of the King of "
        "Thailand, and days after talks with the leaders of Kenya. They discussed Iran.",
        "country", {"IRN"}, id="a_time_phrase_on_the_main_verb_places_the_encounter_beside_another_event",
    ),
    pytest.param(
        f"{CALL} Macron told Modi that France would not act before Qatar had been consulted.",
        "country", {"QAT"}, id="a_time_phrase_inside_what_was_said_is_content",
    ),
    pytest.param(
        f"{CALL} According to Kenya Broadcasting, the two leaders discussed Iran.",
        "country", {"IRN"}, id="the_source_of_a_report_is_not_a_subject",
    ),
    pytest.param(
        f"{CALL} Both look forward to meeting at ASEAN next month, Macron wrote.",
        "organization", {"ASEAN"}, id="looking_forward_to_meeting_at_a_gathering_makes_it_a_subject",
    ),
    pytest.param(
        f"{CALL} Both said that as fellow members of the UN Security Council they share a duty. As permanent "
        "G20 members, they also discussed Iran.",
        "organization", set(), id="membership_of_an_organization_describes_the_participants_countries",
    ),
    pytest.param(
        "Emmanuel Macron met Narendra Modi in Delhi on Monday. Macron left Delhi for the Nepalese capital "
        "Kathmandu on Tuesday night.",
        "country", set(), id="where_a_participant_travelled_from_or_to_is_a_place",
    ),
    pytest.param(
        "Emmanuel Macron and Narendra Modi met for about 40 minutes in Bali in central Indonesia on Monday and "
        "discussed Iran.",
        "country", {"IRN"}, id="a_place_hung_on_the_duration_or_on_another_place_is_a_venue",
    ),
    pytest.param(
        f"{CALL} Macron's call comes on the anniversary of the war between Iraq and Kuwait. They discussed Oman.",
        "country", {"OMN"}, id="the_encounter_as_subject_of_a_present_tense_verb_is_framing",
    ),
    pytest.param(
        f"{CALL} They discussed a forum that was hosted by Benjamin Netanyahu.",
        "country", set(), id="the_agent_of_a_passive_is_not_whom_the_talk_was_about",
    ),
    pytest.param(
        "Emmanuel Macron met Narendra Modi on Monday as part of his engagements ahead of the ASEAN summit in "
        "Malaysia. They discussed Iran.",
        "country", {"IRN"}, id="ahead_of_another_event_on_the_main_verb_is_framing",
    ),
    pytest.param(
        f"{CALL} They discussed Iran and a deal reached after days of negotiations in Oslo, Norway.",
        "country", {"IRN"}, id="the_place_of_negotiations_is_a_venue",
    ),
    pytest.param(
        f"{CALL} Macron urged Brussels to speed up the trade deal.",
        "organization", {"EU"}, id="brussels_names_the_european_union",
    ),
    pytest.param(
        "Emmanuel Macron met Narendra Modi on Monday in talks hosted by the Emir of Qatar. The Qatari side said "
        "Qatar supports all efforts for peace and they discussed Iran.",
        "country", {"IRN"}, id="the_country_of_who_hosted_the_talks_is_their_place",
    ),
    pytest.param(
        "Emmanuel Macron and Narendra Modi held talks on Monday. Both leaders thanked their Omani hosts, and "
        "Macron said Oman is a trusted mediator. They discussed Iran.",
        "country", {"IRN"}, id="the_hosts_named_by_their_demonym_are_the_place",
    ),
    pytest.param(
        "Emmanuel Macron met Narendra Modi in Doha on Monday. Qatar, which hosted the talks, said they "
        "discussed Iran.",
        "country", {"IRN"}, id="a_country_which_hosted_the_talks_is_their_place",
    ),
    pytest.param(
        f"{CALL} They discussed a forum that Kenya will host next year, and Iran.",
        "country", {"KEN", "IRN"}, id="who_will_host_another_gathering_is_a_subject",
    ),
    pytest.param(
        "Emmanuel Macron and Narendra Modi held their first direct talks without aides in Abu Dabi, UAE on "
        "Monday and discussed Iran.",
        "country", {"IRN"}, id="a_place_hung_on_another_phrase_of_the_meeting_is_a_venue",
    ),
    pytest.param(
        "Emmanuel Macron and Narendra Modi held talks for about two hours at the Miraflores presidential palace "
        "on Monday and discussed Iran.",
        "country", {"IRN"}, id="a_seat_of_government_naming_the_building_of_the_meeting_is_a_venue",
    ),
    pytest.param(
        f"{CALL} They talked about aid for refugees in Poland.",
        "country", {"POL"}, id="a_place_inside_what_was_talked_about_is_a_subject",
    ),
    pytest.param(
        "Emmanuel Macron met Narendra Modi at the G20 summit in Rome on Monday. The two-day summit was attended "
        "by the leaders of Brazil, Kenya and Chile. They discussed Iran.",
        "country", {"IRN"}, id="who_attended_the_gathering_of_the_meeting_is_not_a_subject",
    ),
    pytest.param(
        "Emmanuel Macron met Narendra Modi in Delhi on Monday. The meeting came just days after the reopening "
        "of the border, closed in a row over Pakistan's election. They discussed Iran.",
        "country", {"IRN"}, id="the_encounter_placed_in_time_by_the_writer_is_framing",
    ),
    pytest.param(
        "On Monday, the day of King Charles's coronation, Emmanuel Macron met Narendra Modi in Delhi. They "
        "discussed Iran.",
        "country", {"IRN"}, id="a_day_phrase_dating_the_encounter_is_not_a_subject",
    ),
    pytest.param(
        f"{CALL} They discussed the day of Kenya's election.",
        "country", {"KEN"}, id="a_day_discussed_is_content",
    ),
    pytest.param(
        f"{CALL} They discussed Iran. Modi said last month that Nepal must hold elections.",
        "country", {"IRN"}, id="what_a_participant_said_at_another_time_is_not_about_the_encounter",
    ),
    pytest.param(
        "Geneva, (AFP - Kenya Daily News - 11th Mar) Emmanuel Macron and Narendra Modi met on Monday and "
        "discussed Iran.",
        "country", {"IRN"}, id="the_agency_in_brackets_after_a_dateline_is_its_source",
    ),
    pytest.param(
        f"{CALL} Macron and Modi also held a trilateral discussion with Kenyan President William Ruto on Monday.",
        "country", set(), id="whom_else_the_participants_met_by_an_encounter_noun_is_a_party",
    ),
    pytest.param(
        f"{CALL} Macron and Modi also held a discussion with the aim of closer ties with Kenya.",
        "country", {"KEN"}, id="a_phrase_on_the_encounter_noun_naming_nobody_is_content",
    ),
    pytest.param(
        f"{CALL} They discussed Iran. \"The call shows that both sides want calm,\" said Jane Roe of the "
        "Royal United Services Institute of the United Kingdom.",
        "country", {"IRN"}, id="a_country_in_the_name_of_a_commentators_institution_is_not_a_subject",
    ),
    pytest.param(
        f"{CALL} They discussed Oman, but it is unclear whether they talked about Iran.",
        "country", {"OMN"}, id="an_uncertain_discussion_is_not_reported",
    ),
    pytest.param(
        f"{CALL} They discussed Iran. New Delhi has supported the position of Paris that Chad is a key partner.",
        "country", {"IRN"}, id="a_long_standing_position_in_the_present_perfect_is_the_writers_background",
    ),
    pytest.param(
        f"{CALL} They discussed Iran. New Delhi has said that Chad is a key partner.",
        "country", {"IRN", "TCD"}, id="what_a_participants_government_has_said_is_reported_speech",
    ),
    pytest.param(
        f"{CALL} They discussed Iran. In previous meetings between the two men, the two leaders argued over "
        "Nepal and Bhutan.",
        "country", {"IRN"}, id="a_phrase_on_earlier_encounters_makes_the_sentence_about_them",
    ),
    pytest.param(
        f"{CALL} They discussed Iran. Modi also said he intended to ask Macron about Chad.",
        "country", {"IRN"}, id="what_a_participant_intended_to_say_is_not_what_was_said",
    ),
    pytest.param(
        f"{CALL} They discussed Iran. India hopes the call will bring support for Nepal.",
        "country", {"IRN"}, id="what_a_participants_country_hopes_of_the_call_is_not_a_report",
    ),
]


@pytest.mark.parametrize(("text", "kind", "expected"), CASES)
def test_subjects_of_the_reported_encounter(extract, text, kind, expected):
    assert _subjects(extract(text), kind) == expected
