import datetime as dt

import pytest
from pyoxigraph import NamedNode

from kg.ingest.resolve import DatedEncounters, resolve
from kg.rdf import iris
from kg.records import (
    ActorKind,
    ActorRef,
    Article,
    DateClues,
    Encounter,
    EncounterKind,
    Evidence,
    Extraction,
    PartialDate,
    Precision,
)

PUTIN = ActorRef(ActorKind.PERSON, "vladimir-putin", "Vladimir Putin")
TRUMP = ActorRef(ActorKind.PERSON, "donald-trump", "Donald Trump")
EV = Evidence("a", 0, 0, 5, "Text.")


def _encounter(kind=EncounterKind.PHONE_CALL, date=None, clues=None, people=(TRUMP, PUTIN)):
    return Encounter(kind, people, date, None, (), (EV,), clues=clues)


def _day(value: dt.date) -> PartialDate:
    return PartialDate(value, Precision.DAY, value.isoformat(), "stated")


def test_encounter_iri_is_deterministic_and_merges_within_a_family():
    phone = _encounter(EncounterKind.PHONE_CALL, _day(dt.date(2025, 3, 18)))
    video = _encounter(EncounterKind.VIDEO_CALL, _day(dt.date(2025, 3, 18)), people=(PUTIN, TRUMP))
    assert iris.encounter(phone, "a") == iris.encounter(video, "b")
    meeting = _encounter(EncounterKind.MEETING, _day(dt.date(2025, 3, 18)))
    assert iris.encounter(meeting, "a") != iris.encounter(phone, "a")
    assert iris.encounter(phone, "a").value.endswith("encounter/2025-03-18/remote/donald-trump--vladimir-putin")


def test_undated_encounters_never_merge_across_articles():
    assert iris.encounter(_encounter(), "a") != iris.encounter(_encounter(), "b")


def test_year_precision_keeps_its_precision_in_the_key():
    year = _encounter(date=PartialDate(dt.date(2025, 1, 1), Precision.YEAR, "of 2025", "stated"))
    assert "/encounter/2025/remote/" in iris.encounter(year, "a").value


@pytest.mark.parametrize("hostile", ['a b"c<d>{e}', "x\u200by\u202ez", "Пу́тин 习近平", "", "../../etc"])
def test_hostile_ids_mint_valid_iris(hostile):
    for node in (iris.article(hostile), iris.article_graph(hostile), iris.person(hostile),
                 iris.organization(hostile), iris.treaty(hostile), iris.evidence(hostile, 3)):
        assert isinstance(node, NamedNode)
        assert NamedNode(node.value) == node
        assert not set(node.value) & set(' "<>{}\u200b\u202e')


def test_distinct_hostile_ids_stay_distinct():
    assert iris.person("a b") != iris.person("a-b")


def test_parse_encounter_iri_round_trips():
    node = iris.encounter(_encounter(date=_day(dt.date(2025, 3, 18))), "a")
    assert iris.parse_encounter_iri(node.value) == ("2025-03-18", "remote", ("donald-trump", "vladimir-putin"))


def _extraction(*encounters):
    return Extraction(Article(id="a", text="Text."), encounters=encounters)


def test_resolve_takes_the_one_fitting_date():
    known = DatedEncounters()
    known.add("remote", ("vladimir-putin", "donald-trump"), dt.date(2025, 3, 18))  # a Tuesday
    known.add("remote", ("vladimir-putin", "donald-trump"), dt.date(2025, 2, 12))  # a Wednesday
    tuesday = _encounter(clues=DateClues(weekday=1))
    [resolved] = resolve(_extraction(tuesday), known).encounters
    assert (resolved.date.value, resolved.date.basis) == (dt.date(2025, 3, 18), "corroborated")


def test_resolve_leaves_ambiguous_and_unfitting_dates_alone():
    known = DatedEncounters()
    known.add("remote", ("vladimir-putin", "donald-trump"), dt.date(2025, 3, 18))
    known.add("remote", ("vladimir-putin", "donald-trump"), dt.date(2025, 3, 25))
    ambiguous = _encounter(clues=DateClues(weekday=1))
    assert resolve(_extraction(ambiguous), known).encounters[0].date is None
    meeting = _encounter(EncounterKind.MEETING, clues=DateClues(weekday=1))
    assert resolve(_extraction(meeting), known).encounters[0].date is None


def test_month_day_without_year_is_dated_before_the_articles_encounter():
    main = _encounter(date=_day(dt.date(2023, 1, 5)))
    earlier = _encounter(people=(TRUMP,), clues=DateClues(month=12, day=11))
    resolved = resolve(_extraction(main, earlier), DatedEncounters()).encounters
    assert resolved[1].date.value == dt.date(2022, 12, 11)


def test_the_summit_of_a_bilateral_meeting_identifies_it():
    known = DatedEncounters()
    xi = ActorRef(ActorKind.PERSON, "xi-jinping", "Xi Jinping")
    biden = ActorRef(ActorKind.PERSON, "joe-biden", "Joe Biden")
    known.add("in-person", ("joe-biden", "xi-jinping"), dt.date(2022, 11, 14), ("G20",))
    known.add("in-person", ("joe-biden", "xi-jinping"), dt.date(2023, 11, 15), ("APEC",))
    at_apec = Encounter(EncounterKind.MEETING, (biden, xi), None, None, (), (EV,),
                        clues=DateClues(gatherings=frozenset({"APEC"})), gatherings=("APEC",))
    [resolved] = resolve(_extraction(at_apec), known).encounters
    assert resolved.date.value == dt.date(2023, 11, 15)
    nowhere = Encounter(EncounterKind.MEETING, (biden, xi), None, None, (), (EV,))
    assert resolve(_extraction(nowhere), known).encounters[0].date is None
