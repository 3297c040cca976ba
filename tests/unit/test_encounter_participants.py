"""Who took part: briefers, honourees and audiences are not participants (sentences written for the test)."""

from __future__ import annotations

import datetime as dt

import pytest


def _pairs(result) -> set[tuple[str, ...]]:
    return {e.participant_ids for e in result.encounters}


@pytest.mark.parametrize("text", [
    "Vladimir Putin met Olaf Scholz in Moscow on Sunday, Kremlin spokesman Dmitry Peskov told reporters.",
    "Vladimir Putin met Olaf Scholz on Sunday, according to Yuri Ushakov, a Kremlin aide.",
    "Putin's assistant, Yuri Ushakov, said the talks between Vladimir Putin and Olaf Scholz lasted three hours on "
    "Sunday.",
])
def test_aide_who_briefed_is_not_a_participant(extract, text):
    assert _pairs(extract(text, published=dt.date(2024, 12, 23))) == {("olaf-scholz", "vladimir-putin")}


def test_briefing_reporters_is_not_an_encounter(extract):
    result = extract("Yuri Ushakov, who spoke to reporters on Monday, said Vladimir Putin was ready for "
                          "contacts.", published=dt.date(2025, 1, 21))
    assert result.encounters == ()


def test_person_a_funeral_honours_is_not_a_participant(extract):
    result = extract("Donald Trump and Volodymyr Zelensky held talks minutes before the funeral ceremony for "
                          "Pope Francis on Saturday.", published=dt.date(2025, 4, 26))
    assert _pairs(result) == {("donald-trump", "volodymyr-zelensky")}


def test_inauguration_guest_does_not_meet_the_honouree(extract):
    result = extract("Javier Milei attended the inauguration of Karol Nawrocki and met Donald Trump there "
                          "on Sunday.", published=dt.date(2025, 8, 7))
    assert _pairs(result) == {("donald-trump", "javier-milei")}


@pytest.mark.parametrize("text", [
    "Xi Jinping held separate calls with Donald Trump and Vladimir Putin on Wednesday.",
    "Xi Jinping spoke separately with Donald Trump and Vladimir Putin on Wednesday.",
    "On Wednesday Xi Jinping held phone calls with Donald Trump and Vladimir Putin.",
])
def test_separate_encounters_with_two_counterparts_are_two(extract, text):
    result = extract(text, published=dt.date(2026, 2, 5))
    assert _pairs(result) == {("donald-trump", "xi-jinping"), ("vladimir-putin", "xi-jinping")}
    assert {e.date.value for e in result.encounters} == {dt.date(2026, 2, 4)}


def test_briefing_on_another_call_is_two_encounters(extract):
    result = extract("In a video call on Tuesday, Xi Jinping briefed Vladimir Putin on his call with Donald "
                          "Trump.", published=dt.date(2025, 1, 22))
    assert ("donald-trump", "vladimir-putin", "xi-jinping") not in _pairs(result)
    assert ("vladimir-putin", "xi-jinping") in _pairs(result)


@pytest.mark.parametrize("text", [
    "Emmanuel Macron met the Vice-President of the United States, Mike Pence, in Paris on Monday.",
    "Emmanuel Macron met US Vice-President Mike Pence in Paris on Monday.",
])
def test_a_vice_president_is_not_the_president(extract, text):
    """"Vice-President of the United States" names the vice-president, not the office inside the word."""
    assert _pairs(extract(text, published=dt.date(2018, 4, 16))) == {("emmanuel-macron", "mike-pence")}


def test_separate_meetings_whose_host_is_unread_are_not_one_summit(extract):
    """"bilateral meetings with the Presidents of Colombia, X; of Brazil, Y": one meeting with each, held by
    someone the sentence does not name; not one meeting of everybody listed."""
    result = extract("The agenda of the delegation included bilateral meetings with the Presidents of Colombia, "
                     "Juan Manuel Santos; of Brazil, Michel Temer; and of Haiti, Jovenel Moise.",
                     published=dt.date(2018, 4, 16))
    listed = {"col-juan-santos", "michel-temer", "jovenel-moise"}
    assert all(len(listed & set(e.participant_ids)) <= 1 for e in result.encounters)


@pytest.mark.parametrize("text", [
    "The Presidents of Kazakhstan and Uzbekistan held talks in Astana on Thursday.",
    "The presidents of Kazakhstan and Uzbekistan held talks in Astana on Thursday.",
    "The Kazakh and Uzbek presidents held talks in Astana on Thursday.",
])
def test_a_plural_title_names_the_holder_of_each_country_it_is_coordinated_with(extract, text):
    [meeting] = extract(text, published=dt.date(2024, 8, 9)).encounters
    assert meeting.participant_ids == ("kassym-jomart-tokayev", "shavkat-mirziyoyev")
    assert meeting.date.value == dt.date(2024, 8, 8)


def test_a_plural_title_of_ministers_names_the_foreign_ministers(extract):
    [meeting] = extract("The foreign ministers of China and Russia held talks in Moscow on Monday.",
                        published=dt.date(2024, 8, 9)).encounters
    assert meeting.participant_ids == ("sergei-lavrov", "wang-yi")


def test_the_leaders_of_two_countries_name_nobody_for_sure(extract):
    """A leader is a head of state or of government: "the leaders of Germany and France" names neither."""
    result = extract("Joe Biden spoke by phone with the leaders of Germany and France on Tuesday.",
                     published=dt.date(2021, 12, 8))
    assert "frank-walter-steinmeier" not in {p for e in result.encounters for p in e.participant_ids}


def test_titles_of_a_body_and_with_a_possessive_name_their_holders(extract):
    """"The NATO secretary general and Ukraine's president met": the holders of those offices that day."""
    [meeting] = extract("The NATO secretary general and Ukraine's president met in Brussels on Thursday.",
                        published=dt.date(2024, 6, 28)).encounters
    assert meeting.participant_ids == ("jens-stoltenberg", "volodymyr-zelensky")
    assert meeting.date.value == dt.date(2024, 6, 27)


def test_a_title_apposed_to_a_name_is_that_persons(extract):
    """"China's top diplomat, Wang Yi" is Wang Yi, whoever was foreign minister that day."""
    [meeting] = extract("Antony Blinken met China's top diplomat, Wang Yi, in Beijing on Monday.",
                        published=dt.date(2023, 6, 20)).encounters
    assert meeting.participant_ids == ("antony-blinken", "wang-yi")



@pytest.mark.parametrize("text", [
    "Lula spoke after the talks. \"President Cyril Ramaphosa and I also discussed the situation in Sudan,\" he said.",
    "\"Cyril Ramaphosa and I talked about Sudan for an hour,\" Lula said on Tuesday.",
    "\"I spoke with Cyril Ramaphosa on Monday,\" Lula told reporters.",
])
def test_the_speaker_in_his_own_words_takes_part(extract, text):
    """"X and I discussed ...", he said: an encounter of the speaker and X."""
    result = extract(text, published=dt.date(2025, 3, 19))
    assert ("cyril-ramaphosa", "luiz-inacio-lula-da-silva") in _pairs(result)


def test_an_i_with_no_single_speaker_names_nobody(extract):
    result = extract("\"Cyril Ramaphosa and I discussed Sudan,\" one official said on Tuesday.",
                     published=dt.date(2025, 3, 19))
    assert result.encounters == ()
