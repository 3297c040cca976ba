"""The year of a weekday and a month-day written without one, from the offices the participants held
(hand-built gazetteer; no model)."""

from __future__ import annotations

import datetime as dt

from kg.extract.office_years import day_from_offices, office_horizon
from kg.records import ActorKind, ActorRef, DateClues
from tests.unit.handmade import gazetteer

GAZETTEER = gazetteer()  # Trump in office from 2025-01-20, Macron from 2017-05-14, Putin from 2012-05-07


def _people(*ids: str) -> tuple[ActorRef, ...]:
    return tuple(ActorRef(ActorKind.PERSON, i, GAZETTEER.people[i].name) for i in ids)


def test_the_horizon_is_a_year_past_the_latest_recorded_office_date():
    assert office_horizon(GAZETTEER) == dt.date(2025, 1, 20) + dt.timedelta(days=366)


def test_one_fitting_year_while_both_held_office_dates_the_encounter():
    tuesday_november_18 = DateClues(weekday=1, month=11, day=18)
    day = day_from_offices(tuesday_november_18, _people("donald-trump", "emmanuel-macron"), GAZETTEER,
                           office_horizon(GAZETTEER))
    assert day == dt.date(2025, 11, 18)


def test_several_fitting_years_leave_it_undated():
    wednesday_march_15 = DateClues(weekday=2, month=3, day=15)  # 2017 and 2023 under Putin and Xi
    assert day_from_offices(wednesday_march_15, _people("vladimir-putin", "xi-jinping"), GAZETTEER,
                            dt.date(2026, 1, 1)) is None


def test_no_weekday_or_a_stated_year_is_not_this_rule():
    people = _people("donald-trump", "emmanuel-macron")
    horizon = office_horizon(GAZETTEER)
    assert day_from_offices(DateClues(month=11, day=18), people, GAZETTEER, horizon) is None
    assert day_from_offices(DateClues(weekday=1, month=11, day=18, year=2025), people, GAZETTEER, horizon) is None
