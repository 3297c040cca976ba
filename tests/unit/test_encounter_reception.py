"""Triggers beyond "met" and "spoke": a visitor received, hosted, welcomed or greeted; a courtesy call on a
person; "discussed ... with"; and the day of an encounter from the article's opening sentence (sentences
written for the test)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.records import EncounterKind, Precision


def _pairs(result) -> set[tuple[str, ...]]:
    return {e.participant_ids for e in result.encounters}


@pytest.mark.parametrize("sentence", [
    "Brazilian President Luiz Inacio Lula da Silva received his Argentine counterpart Javier Milei in Brasilia "
    "on Monday.",
    "Luiz Inacio Lula da Silva hosted Javier Milei at the Planalto palace on Monday.",
    "Javier Milei was welcomed by Luiz Inacio Lula da Silva at the presidential palace on Monday.",
    "Luiz Inacio Lula da Silva greeted Javier Milei at the airport on Monday and the two spoke briefly.",
])
def test_a_visitor_received_hosted_welcomed_or_greeted_is_met(extract, sentence):
    [meeting] = extract(sentence, published=dt.date(2025, 3, 19)).encounters
    assert meeting.participant_ids == ("javier-milei", "luiz-inacio-lula-da-silva")
    assert meeting.kind is EncounterKind.MEETING
    assert meeting.date.value == dt.date(2025, 3, 17)


@pytest.mark.parametrize("sentence", [
    "Luiz Inacio Lula da Silva welcomed the agreement reached by the negotiators.",
    "Luiz Inacio Lula da Silva hosted a summit of Amazon countries in Belem.",
    "Luiz Inacio Lula da Silva welcomed Javier Milei's remarks on trade.",
])
def test_reception_words_without_a_visitor_are_no_encounter(extract, sentence):
    assert extract(sentence).encounters == ()


def test_a_received_call_is_a_call_not_a_meeting(extract):
    [call] = extract("Narendra Modi received a phone call from Benjamin Netanyahu on Tuesday.").encounters
    assert call.kind is EncounterKind.PHONE_CALL
    assert call.participant_ids == ("benjamin-netanyahu", "narendra-modi")


def test_talks_someone_hosted_are_in_person(extract):
    [talks] = extract("Qatar hosted talks between Paul Kagame and Felix Tshisekedi on Tuesday.").encounters
    assert talks.kind is EncounterKind.MEETING
    assert talks.participant_ids == ("felix-tshisekedi", "paul-kagame")


def test_a_courtesy_call_on_a_person_is_a_meeting(extract):
    [visit] = extract("Foreign Minister Penny Wong called on Ursula von der Leyen in Brussels this morning.").encounters
    assert visit.kind is EncounterKind.MEETING
    assert visit.participant_ids == ("penny-wong", "ursula-von-der-leyen")


@pytest.mark.parametrize("sentence", [
    "Recep Tayyip Erdogan called on Vladimir Putin to declare a ceasefire on Thursday.",
    "The ministers called on Russia to withdraw its troops.",
])
def test_an_appeal_is_not_a_courtesy_call(extract, sentence):
    assert extract(sentence).encounters == ()


@pytest.mark.parametrize("sentence", [
    "Mark Rutte discussed air defence and the reconstruction plan with President Volodymyr Zelensky on Thursday.",
    "Mark Rutte and Volodymyr Zelensky on Thursday discussed air defence.",
    "Mark Rutte discussed the war in Ukraine and Kyiv's victory plan with Volodymyr Zelensky on Thursday.",
])
def test_discussed_with_a_person_or_by_two_persons_is_an_encounter(extract, sentence):
    [talk] = extract(sentence).encounters
    assert talk.participant_ids == ("mark-rutte", "volodymyr-zelensky")
    assert talk.date.value == dt.date(2025, 3, 13)


@pytest.mark.parametrize("sentence", [
    "Mark Rutte discussed the plan at length on Thursday.",
    "Mark Rutte discussed the plan that he agreed with Volodymyr Zelensky last year.",
])
def test_discussing_a_plan_is_no_encounter(extract, sentence):
    assert extract(sentence).encounters == ()


def test_an_earlier_encounter_does_not_lend_its_participants_to_another_trigger(extract):
    result = extract("The visit comes days after Emmanuel Macron hosted Volodymyr Zelensky in Paris.")
    assert ("emmanuel-macron", "volodymyr-zelensky") not in {
        e.participant_ids for e in result.encounters if e.date is None}


def test_the_opening_sentence_naming_both_participants_dates_the_encounter(extract):
    result = extract(
        "Vladimir Putin and his Iranian counterpart, Masoud Pezeshkian, opened a gas pipeline Friday. "
        "Putin called the project historic. "
        "Hosting Pezeshkian for their third meeting this year, Putin hailed the pipeline.",
        published=dt.date(2025, 1, 17))
    [meeting] = result.encounters
    assert meeting.participant_ids == ("masoud-pezeshkian", "vladimir-putin")
    assert meeting.date.value == dt.date(2025, 1, 17) and meeting.date.precision is Precision.DAY


@pytest.mark.parametrize("text", [
    "Mark Rutte arrived in Kyiv on Thursday, two days after taking office. Rutte met Volodymyr Zelensky as air "
    "raid sirens sounded.",
    "The United States and Russia decided on Tuesday to reopen their consulates. A team under Sergei "
    "Lavrov met a delegation led by Marco Rubio in Istanbul.",
])
def test_the_lede_dates_an_encounter_reported_in_the_first_sentences(extract, text):
    [meeting] = extract(text, published=dt.date(2025, 3, 21)).encounters
    assert meeting.date.value in (dt.date(2025, 3, 20), dt.date(2025, 3, 18))
    assert meeting.date.precision is Precision.DAY


def test_the_lede_does_not_date_an_encounter_reported_later(extract):
    result = extract(
        "Mark Rutte arrived in Kyiv on Thursday. He toured a power plant. He visited a hospital. "
        "He laid a wreath. Rutte met Volodymyr Zelensky as air raid sirens sounded.",
        published=dt.date(2025, 3, 21))
    [meeting] = result.encounters
    assert meeting.date is None or meeting.date.precision is not Precision.DAY


def test_the_counterpart_of_a_planned_meeting_is_not_a_participant_of_the_held_talks(extract):
    result = extract("Antony Blinken opened talks with China's top diplomat Monday and could potentially meet "
                     "Xi Jinping later in the day.", published=dt.date(2023, 6, 19))
    assert ("antony-blinken", "xi-jinping") not in _pairs(result)


def test_a_weekday_and_month_day_without_a_year_take_the_year_the_participants_held_office(extract):
    result = extract("Donald Trump hosted Emmanuel Macron at the White House on Tuesday (November 18).",
                     published=None)
    [meeting] = result.encounters
    assert meeting.date.value == dt.date(2025, 11, 18)


def test_a_call_received_is_a_call(extract):
    [call] = extract("The statement said Narendra Modi received a call from Benjamin Netanyahu on Tuesday.").encounters
    assert call.kind is EncounterKind.PHONE_CALL


@pytest.mark.parametrize("sentence", [
    "Donald Trump gave Abdel Fattah el-Sisi a standing invitation to come to Washington and see him in the "
    "Oval Office.",
    "Abdel Fattah el-Sisi and Donald Trump extended mutual invitations for state visits.",
])
def test_an_invited_visit_and_the_meeting_joined_to_it_are_planned(extract, sentence):
    assert extract(sentence).encounters == ()


@pytest.mark.parametrize("sentence", [
    "Narendra Modi has spoken to Vladimir Putin as well as Volodymyr Zelensky a number of times.",
    "Narendra Modi has met Vladimir Putin on several occasions.",
])
def test_repeated_encounters_identify_none(extract, sentence):
    assert extract(sentence).encounters == ()


def test_their_talks_are_those_of_the_subject_and_the_person_addressed(extract):
    [talks] = extract("Cyril Ramaphosa invited Bola Tinubu to Pretoria during their bilateral "
                      "talks in Geneva on Monday.").encounters
    assert talks.participant_ids == ("bola-tinubu", "cyril-ramaphosa")


@pytest.mark.parametrize("sentence", [
    "The European Union and China held their annual strategic dialogue in Brussels on Monday, co-chaired by "
    "Kaja Kallas and Wang Yi.",
    "Kaja Kallas and Wang Yi co-chaired the meeting of the joint committee on Monday.",
])
def test_a_meeting_two_persons_co_chaired_is_theirs(extract, sentence):
    [meeting] = extract(sentence).encounters
    assert meeting.participant_ids == ("kaja-kallas", "wang-yi")
    assert meeting.kind is EncounterKind.MEETING


@pytest.mark.parametrize("text", [
    "Gustavo Petro flew to Caracas on Saturday to see Nicolas Maduro. The two leaders talked for roughly "
    "three hours at the presidential palace.",
    "Nicolas Maduro said on Saturday he would welcome Gustavo Petro soon. The announcement came after a meeting "
    "between both leaders in Caracas.",
])
def test_the_two_leaders_are_the_pair_named_just_before(extract, text):
    assert ("gustavo-petro", "nicolas-maduro") in _pairs(extract(text))


def test_the_two_leaders_after_three_names_stay_unresolved(extract):
    result = extract("Gustavo Petro, Nicolas Maduro and Luiz Inacio Lula da Silva spoke at a forum on Saturday. "
                     "The two leaders talked for roughly three hours.")
    assert all(len(e.participant_ids) != 2 for e in result.encounters)


def test_talks_held_on_arriving_are_in_person(extract):
    [talks] = extract("Mark Rutte discussed air defence with Volodymyr Zelensky on Thursday after arriving in "
                      "Kyiv.").encounters
    assert talks.kind is EncounterKind.MEETING


@pytest.mark.parametrize("sentence", [
    "Luiz Inacio Lula da Silva held discussions with Javier Milei in Brasilia on Monday.",
    "Luiz Inacio Lula da Silva on Monday held bilateral discussions with his counterpart Javier Milei.",
    "Luiz Inacio Lula da Silva had a long discussion with Javier Milei at the palace on Monday.",
    "Luiz Inacio Lula da Silva held consultations with Argentine President Javier Milei on Monday.",
])
def test_a_discussion_held_with_a_person_is_a_meeting(extract, sentence):
    [meeting] = extract(sentence, published=dt.date(2025, 3, 19)).encounters
    assert meeting.participant_ids == ("javier-milei", "luiz-inacio-lula-da-silva")
    assert meeting.kind is EncounterKind.MEETING
    assert meeting.date.value == dt.date(2025, 3, 17)


@pytest.mark.parametrize("sentence", [
    "Discussions with Javier Milei on the trade plan continue, the ministry said.",
    "Luiz Inacio Lula da Silva held discussions with business leaders on the budget.",
    "Luiz Inacio Lula da Silva said the discussions had been useful.",
])
def test_discussions_without_a_person_held_with_are_no_encounter(extract, sentence):
    assert extract(sentence).encounters == ()
