"""Dates as readers resolve them: relative to the story, days apart, planned clauses (sentences written for the
test)."""

from __future__ import annotations

import datetime as dt

from kg.extract.relative_days import StoryDays
from kg.lexicon import load_lexicon

story_day_offset = StoryDays(load_lexicon().dates).offset


def _by_pair(result) -> dict[tuple[str, ...], object]:
    return {e.participant_ids: e for e in result.encounters}


def test_story_day_phrases():
    assert story_day_offset("Later that day, the ministers met again.") == (0, "Later that day")
    assert story_day_offset("Earlier on the same day, she spoke to him.")[0] == 0
    assert story_day_offset("The day before, he had met the premier.")[0] == -1
    assert story_day_offset("A day later they talked by phone.")[0] == 1
    assert story_day_offset("The talks came the same day that parliament voted.") is None
    assert story_day_offset("The call took place the day after the election was held.") is None
    assert story_day_offset("They spoke about the economy.") is None


def test_same_day_encounter_takes_the_storys_date(extract):
    result = extract("Xi Jinping held a video call with Vladimir Putin on Friday. Earlier the same day, Wang Yi "
                          "spoke by phone with Sergei Lavrov.", published=dt.date(2022, 2, 26))
    found = _by_pair(result)
    assert found[("vladimir-putin", "xi-jinping")].date.value == dt.date(2022, 2, 25)
    assert found[("sergei-lavrov", "wang-yi")].date.value == dt.date(2022, 2, 25)


def test_day_before_encounter_is_one_day_earlier(extract):
    result = extract("Antony Blinken met Xi Jinping in Beijing on Monday. The day before, Blinken had met "
                          "Qin Gang for seven hours.", published=dt.date(2023, 6, 19))
    assert _by_pair(result)[("antony-blinken", "qin-gang")].date.value == dt.date(2023, 6, 18)


def test_encounter_days_apart_is_background_and_dropped_without_date(extract):
    result = extract("Donald Trump and Xi Jinping talked by telephone on Monday, some four weeks after the pair "
                          "had met face to face in Seoul.", published=dt.date(2025, 11, 25))
    [call] = result.encounters
    assert call.kind.value == "PhoneCall"
    assert call.date.value == dt.date(2025, 11, 24)


def test_earlier_conversation_days_before_is_not_reported_as_held_now(extract):
    result = extract("Lula and Xi Jinping talked by phone on Monday. The conversation came days after Lula "
                          "spoke to Narendra Modi about tariffs.", published=dt.date(2025, 8, 12))
    assert set(_by_pair(result)) == {("luiz-inacio-lula-da-silva", "xi-jinping")}


def test_encounter_put_in_the_past_by_a_vague_date_is_not_reported_as_held(extract):
    for later in ("Macron, on a short trip to Rome last month, met Giorgia Meloni.",
                  "Days later, Scholz visited Giorgia Meloni in Rome.",
                  "Scholz said last week that he and Giorgia Meloni had held a long phone call."):
        result = extract("Emmanuel Macron met Olaf Scholz in Paris on Monday. They talked about energy. " + later)
        assert set(_by_pair(result)) == {("emmanuel-macron", "olaf-scholz")}, later


def test_a_vague_date_in_the_opening_sentence_is_the_reported_encounters(extract):
    result = extract("Emmanuel Macron met Giorgia Meloni in Rome last week to discuss migration. The two "
                     "leaders agreed on a plan.")
    [meeting] = result.encounters
    assert meeting.participant_ids == ("emmanuel-macron", "giorgia-meloni") and not meeting.background


def test_an_earlier_encounter_dated_only_by_month_is_dropped_at_resolve(extract):
    from kg.ingest.resolve import DatedEncounters, needs_resolution, resolve

    month = extract("Antonio Guterres met Vladimir Putin in Kazan on Thursday. Guterres and Putin last met "
                    "in April 2022.")
    assert [e.background for e in month.encounters] == [False, True] and needs_resolution(month)
    [kept] = resolve(month, DatedEncounters()).encounters
    assert kept.date.value == dt.date(2025, 3, 13)
    day = extract("Antonio Guterres met Vladimir Putin in Kazan on Thursday. Guterres and Putin last met on "
                  "April 26, 2022.")
    assert [e.date.value for e in resolve(day, DatedEncounters()).encounters] == [
        dt.date(2025, 3, 13), dt.date(2022, 4, 26)]


def _day(result, pair):
    date = _by_pair(result)[pair].date
    return date.value if date is not None and date.precision.value == "day" else None


def test_the_day_of_a_report_is_not_the_day_of_the_earlier_encounter_it_tells(extract):
    pair = ("emmanuel-macron", "giorgia-meloni")
    for text in ("An Italian official said on Tuesday that Emmanuel Macron had raised migration during a meeting "
                 "with Giorgia Meloni in Rome.",
                 "Giorgia Meloni revealed in a post on Tuesday that her meeting with Emmanuel Macron strengthened "
                 "the partnership."):
        found = _by_pair(extract(text))[pair]
        assert found.date is None and found.clues.not_after == dt.date(2025, 3, 19), text


def test_a_report_that_tells_the_encounter_itself_keeps_its_day(extract):
    after = extract("After a long meeting with Xi Jinping in Busan, Donald Trump said on Thursday that he would "
                    "cut tariffs.")
    assert _day(after, ("donald-trump", "xi-jinping")) == dt.date(2025, 3, 13)
    readout = extract("Lloyd Austin spoke with Sergei Shoigu by phone, the Pentagon announced on Friday.")
    assert _day(readout, ("lloyd-austin", "sergei-shoigu")) == dt.date(2025, 3, 14)
    dateline = extract("PARIS, March 18, 2025 — Emmanuel Macron said that he had met Olaf Scholz.", published=None)
    assert _day(dateline, ("emmanuel-macron", "olaf-scholz")) == dt.date(2025, 3, 18)


def test_the_day_of_another_event_in_the_lede_is_not_the_encounters(extract):
    result = extract("Xi Jinping and Vladimir Putin held a video call hours after Donald Trump took office on "
                     "Monday.")
    call = _by_pair(result)[("vladimir-putin", "xi-jinping")]
    assert call.date is None and call.clues.weekday is None


def test_the_day_in_a_clause_of_a_named_gathering_or_place_is_not_the_encounters(extract):
    pair = ("emmanuel-macron", "olaf-scholz")
    for text in ("Emmanuel Macron held talks with Olaf Scholz on the margins of the European Council, which "
                 "opens on Thursday.",
                 "Emmanuel Macron met Olaf Scholz in Brussels, where the leaders gather again on Friday."):
        found = _by_pair(extract(text, published=None))[pair]
        assert found.date is None and (found.clues is None or found.clues.weekday is None), text
    held = extract("Emmanuel Macron and Olaf Scholz held talks, which took place on Thursday.")
    assert _day(held, pair) == dt.date(2025, 3, 13)


def test_an_incoming_title_puts_the_encounter_before_the_office(extract):
    text = "President-elect Donald Trump held a phone call with Vladimir Putin on Thursday, aides said."
    call = _by_pair(extract(text, published=None))[("donald-trump", "vladimir-putin")]
    assert call.clues.weekday == 3
    inauguration = dt.date(2025, 1, 20)
    assert any(last == inauguration and first < last - dt.timedelta(days=60) for first, last in call.clues.periods)
    assert call.clues.admits(dt.date(2025, 1, 16)) and not call.clues.admits(dt.date(2025, 3, 13))
    plain = _by_pair(extract(text.replace("President-elect", "President"), published=None))
    assert plain[("donald-trump", "vladimir-putin")].clues.periods == ()


def test_where_is_a_clue_only_when_nothing_tells_when(extract):
    undated = extract("Sergei Lavrov held talks with Marco Rubio in Riyadh, the ministry said.", published=None)
    assert [e.clues.venues for e in undated.encounters] == [frozenset({"SAU"})]
    dated = extract("Sergei Lavrov held talks with Marco Rubio in Riyadh, the ministry said.",
                    published=dt.date(2025, 2, 19))
    assert all(e.clues is None or not e.clues.venues for e in dated.encounters)
    assert dated.encounters[0].venues == ("SAU",)


def test_also_on_another_day_is_another_occasion(extract):
    result = extract("Gustavo Petro met Nicolas Maduro in Caracas on Saturday for three hours. The talks covered "
                     "the border. Petro also visited Maduro on November 1, when the two discussed trade.",
                     published=dt.date(2023, 1, 9))
    days = sorted(e.date.value for e in result.encounters if e.participant_ids == ("gustavo-petro", "nicolas-maduro"))
    assert days == [dt.date(2022, 11, 1), dt.date(2023, 1, 7)]


def test_also_on_an_unfixed_day_is_an_earlier_mention_not_kept(extract):
    result = extract("Donald Trump spoke with Xi Jinping by phone on Friday. The call went well, he said. The two "
                     "men also spoke in June about rare earths.", published=dt.date(2025, 9, 20))
    assert [e.date.value for e in result.encounters] == [dt.date(2025, 9, 19)]


def test_the_day_before_an_encounter_not_yet_dated_keeps_the_link(extract):
    result = extract("Antony Blinken met Wang Yi in Beijing on Monday. The day before, Blinken had met Qin Gang "
                     "for seven hours.", published=None)
    earlier = next(e for e in result.encounters if "qin-gang" in e.participant_ids)
    assert earlier.clues.story == (-1, ("antony-blinken", "wang-yi"))
