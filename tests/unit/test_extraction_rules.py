"""Extraction rules on short hand-written texts (the real model and gazetteer; no article of the corpus)."""

from __future__ import annotations

import datetime as dt

from kg.records import EncounterKind, Precision


def _discussed(encounter) -> set[str]:
    return {d.subject.id for d in encounter.discussions if not isinstance(d.subject, str)}


def test_call_with_weekday_date_participants_and_topics(extract):
    result = extract("Russian President Vladimir Putin and US President Donald Trump spoke by phone on Tuesday. "
                     "The two leaders discussed Ukraine and the situation in the Middle East, including Iran.")
    [encounter] = result.encounters
    assert {p.id for p in encounter.participants} == {"vladimir-putin", "donald-trump"}
    assert encounter.kind is EncounterKind.PHONE_CALL
    assert (encounter.date.value, encounter.date.precision, encounter.date.basis) == (
        dt.date(2025, 3, 18), Precision.DAY, "relative")
    assert _discussed(encounter) == {"UKR", "IRN"}


def test_planned_visit_is_not_an_encounter(extract):
    result = extract("Xi Jinping invited Vladimir Putin to visit China next year, and Putin said he would meet "
                     "Xi in Beijing.")
    assert result.encounters == ()


def test_negated_discussion_is_not_a_subject(extract):
    result = extract("Putin and Xi held a video call on Monday. Nothing was discussed concerning Venezuela, "
                     "the Kremlin said, but the leaders talked about Iran.")
    [encounter] = result.encounters
    assert encounter.kind is EncounterKind.VIDEO_CALL
    assert _discussed(encounter) == {"IRN"}


def test_venue_is_not_a_topic_and_metonym_is(extract):
    result = extract("Joe Biden met Xi Jinping in Bali, Indonesia on November 14, 2022. Biden told Xi that "
                     "Pyongyang must stop its missile tests.", published=dt.date(2022, 11, 15))
    [encounter] = result.encounters
    assert encounter.kind is EncounterKind.MEETING
    assert encounter.date.value == dt.date(2022, 11, 14)
    assert _discussed(encounter) == {"PRK"}


def test_office_title_names_the_holder_on_the_date(extract):
    result = extract("Turkish President Recep Tayyip Erdogan spoke with the Russian President on Thursday, "
                     "January 5, 2023 about Syria.", published=None)
    [encounter] = result.encounters
    assert {p.id for p in encounter.participants} == {"recep-tayyip-erdogan", "vladimir-putin"}
    assert _discussed(encounter) == {"SYR"}


def test_other_encounter_told_as_a_fact_is_not_a_topic(extract):
    result = extract("Joe Biden held a video call with Vladimir Putin on Tuesday. Later that day Biden also "
                     "spoke with the leaders of Italy, Japan and Canada.",
                     published=dt.date(2021, 12, 8))
    call = next(e for e in result.encounters if e.kind is EncounterKind.VIDEO_CALL)
    assert _discussed(call) == set()


def test_two_encounters_in_one_article_stay_apart(extract):
    result = extract("Donald Trump spoke with Vladimir Putin by phone on Monday about Ukraine. Trump then "
                     "updated Volodymyr Zelensky regarding his call with Putin.", published=dt.date(2025, 5, 20))
    pairs = {frozenset(p.id for p in e.participants): e for e in result.encounters}
    assert frozenset({"donald-trump", "vladimir-putin"}) in pairs
    zelensky_call = pairs[frozenset({"donald-trump", "volodymyr-zelensky"})]
    assert zelensky_call.date is not None and zelensky_call.date.value == dt.date(2025, 5, 19)
    assert "RUS" in _discussed(zelensky_call)  # the other party of what was reported


def test_earlier_meeting_referred_back_to_is_its_own_encounter(extract):
    result = extract("Xi Jinping and Joe Biden held a phone call on April 2. Xi referred back to their meeting "
                     "at last year's APEC summit in San Francisco.", published=dt.date(2024, 4, 2))
    kinds = sorted((e.kind.value, e.date.iso() if e.date else None) for e in result.encounters)
    assert kinds == [("Meeting", "2023"), ("PhoneCall", "2024-04-02")]


def test_year_only_when_no_anchor(extract):
    result = extract("Chinese President Xi Jinping and Russian President Vladimir Putin held their first video "
                     "call of 2025 on Wednesday.", published=None)
    [encounter] = result.encounters
    assert (encounter.date.iso(), encounter.date.precision) == ("2025", Precision.YEAR)
    assert encounter.clues is not None and encounter.clues.weekday == 2


def test_evidence_spans_point_into_the_text(extract):
    text = "Intro line.\nPutin and Trump talked by phone on Tuesday about Iran."
    result = extract(text)
    [encounter] = result.encounters
    evidence = encounter.discussions[0].evidence
    assert text[evidence.start : evidence.end] == evidence.sentence
    assert evidence.sentence.startswith("Putin and Trump")


def test_a_trip_expected_for_a_summit_is_not_held(extract):
    result = extract("French President Emmanuel Macron held a telephone conversation with Indian Prime Minister "
                     "Narendra Modi on Monday. Modi is expected to travel to Paris later this year for a summit on "
                     "artificial intelligence, where he may meet Chancellor Olaf Scholz.",
                     published=dt.date(2024, 3, 12))
    assert [sorted(p.id for p in e.participants) for e in result.encounters] == [["emmanuel-macron", "narendra-modi"]]


def test_three_leaders_meeting_is_one_summit(extract):
    result = extract("US President Joe Biden, Japanese Prime Minister Fumio Kishida and South Korean President "
                     "Yoon Suk Yeol met at Camp David on Friday for a trilateral summit. The leaders condemned "
                     "North Korea's missile launches.", published=dt.date(2023, 8, 19))
    [summit] = result.encounters
    assert summit.kind is EncounterKind.SUMMIT and len(summit.participants) == 3
    assert _discussed(summit) == {"PRK"}


def test_pronoun_call_owner_through_a_preposition_tagged_as_verb(extract):
    result = extract("Donald Trump spoke with Vladimir Putin on Monday. Trump later said that he had briefed "
                     "Ukrainian President Volodymyr Zelenskyy regarding his phone call with Putin.",
                     published=dt.date(2025, 5, 20))
    pairs = {frozenset(p.id for p in e.participants) for e in result.encounters}
    assert pairs == {frozenset({"donald-trump", "vladimir-putin"}), frozenset({"donald-trump", "volodymyr-zelensky"})}


def test_a_recent_visit_told_in_the_call_is_not_the_call(extract):
    result = extract("French President Emmanuel Macron held a telephone conversation with Indian Prime Minister "
                     "Narendra Modi on Monday. Macron also briefed Modi on his recent visit to Brazil.",
                     published=dt.date(2024, 3, 12))
    [call] = result.encounters
    assert call.kind is EncounterKind.PHONE_CALL
    assert _discussed(call) == {"BRA"}


def test_evidence_is_the_sentence_without_the_line_break_after_it(extract):
    """Issue 16: a sentence at the end of a line kept its line break in the evidence."""
    from kg.extract.context import trimmed

    text = ("Heads of the two governments met in Oslo on Monday.\n"
            "Vladimir Putin and Xi Jinping spoke by phone on Tuesday.\nThey discussed Iran.\n")
    result = extract(text)
    evidence = [ev for enc in result.encounters for ev in enc.evidence]
    assert evidence and all(text[ev.start:ev.end] == ev.sentence == ev.sentence.strip() for ev in evidence)
    assert trimmed("\n  A line.\n", 10) == (13, 20, "A line.")
