import datetime as dt

from kg.extract.dates import DateGrammar
from kg.extract.durations import DurationGrammar
from kg.lexicon import load_lexicon
from kg.records import Precision

_ENGLISH = DateGrammar(load_lexicon().dates)
parse_date, find_dateline = _ENGLISH.parse_date, _ENGLISH.find_dateline
parse_duration_minutes = DurationGrammar(load_lexicon().dates).minutes


def test_stated_full_date():
    d = parse_date("a video call on February 4, 2026, to", None)
    assert (d.value, d.precision, d.basis) == (dt.date(2026, 2, 4), Precision.DAY, "stated")


def test_weekday_resolves_against_the_anchor():
    d = parse_date("held a call on Wednesday", dt.date(2025, 1, 22))
    assert d.value == dt.date(2025, 1, 22) and d.basis == "relative"
    d = parse_date("spoke on Tuesday", dt.date(2025, 3, 19))
    assert d.value == dt.date(2025, 3, 18)


def test_weekday_without_anchor_keeps_only_the_stated_year():
    d = parse_date("held their first video call of 2025 on Wednesday", None)
    assert (d.value.year, d.precision) == (2025, Precision.YEAR)
    assert parse_date("spoke on Wednesday", None) is None


def test_month_day_takes_the_year_of_the_anchor():
    assert parse_date("on Tuesday (March 18)", dt.date(2025, 3, 19)).value == dt.date(2025, 3, 18)
    assert parse_date("on December 30", dt.date(2025, 1, 2)).value == dt.date(2024, 12, 30)


def test_month_precision_and_lowercase_may_is_not_a_month():
    d = parse_date("since their meeting in November 2023", None)
    assert (d.iso(), d.precision) == ("2023-11", Precision.MONTH)
    assert parse_date("Trump may 5 times meet", dt.date(2025, 1, 1)) is None


def test_dateline():
    assert find_dateline("ANCHORAGE, Alaska – August 15, 2025 — Leaders met") == dt.date(2025, 8, 15)


def test_durations():
    cases = {"This 85-minute dialogue": 85, "about an hour and a half": 90, "a two-hour call": 120,
             "nearly three hours": 180, "approximately 1 hour": 60, "lasted 50 minutes": 50,
             "an hour-long call": 60, "no length here": None}
    for text, minutes in cases.items():
        assert parse_duration_minutes(text) == minutes, text


def test_the_date_words_are_the_lexicons():
    """Month and weekday names, "yesterday" and the length units come from the lexicon's dates section: a
    language with other words parses its own dates (here a made-up two-month calendar)."""
    import dataclasses

    words = dataclasses.replace(load_lexicon().dates, months={"brumaire": 2, "frimaire": 3},
                                weekdays={"primidi": 0}, days_back={"hier": 1}, day_of=("de",),
                                minute_units=("minuten",))
    other = DateGrammar(words)
    assert other.parse_date("le 4 de Brumaire 2026", None).value == dt.date(2026, 2, 4)
    assert other.parse_date("hier", dt.date(2026, 3, 10)).value == dt.date(2026, 3, 9)
    assert other.parse_date("on February 4, 2026", None) is None
    assert DurationGrammar(words).minutes("a 40-minuten call") == 40


def test_a_weekday_that_contradicts_the_stated_day_makes_it_doubtful():
    doubtful = parse_date("she posted on Friday, April 8, 2027, that", None)  # 8 April 2027 is a Thursday
    assert (doubtful.value, doubtful.doubtful) == (dt.date(2027, 4, 8), True)
    assert doubtful.expression == "Friday, April 8, 2027" and doubtful.basis == "stated"
    agreeing = parse_date("she posted on Thursday, April 8, 2027, that", None)
    assert not agreeing.doubtful and agreeing.expression == "April 8, 2027"
    assert not parse_date("on Friday the talks of April 8, 2027 resumed", None).doubtful  # not its weekday
