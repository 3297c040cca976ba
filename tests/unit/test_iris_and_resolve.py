import datetime as dt
from dataclasses import replace

import pytest
from pyoxigraph import NamedNode

from kg.ingest.resolve import DatedEncounters, encounter_key, identify, parties, resolve
from kg.keys import EncounterKey
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
    assert encounter_key(phone, "a") == encounter_key(video, "b")
    assert iris.encounter(encounter_key(phone, "a")) == iris.encounter(encounter_key(video, "b"))
    meeting = _encounter(EncounterKind.MEETING, _day(dt.date(2025, 3, 18)))
    assert iris.encounter(encounter_key(meeting, "a")) != iris.encounter(encounter_key(phone, "a"))
    assert iris.encounter(encounter_key(phone, "a")).value.endswith(
        "encounter/2025-03-18/remote/donald-trump--vladimir-putin")


def test_undated_encounters_never_merge_across_articles():
    assert encounter_key(_encounter(), "a") == EncounterKey("remote", ("donald-trump", "vladimir-putin"), None, "a")
    assert iris.encounter(encounter_key(_encounter(), "a")) != iris.encounter(encounter_key(_encounter(), "b"))


def test_year_precision_keeps_its_precision_in_the_key():
    year = _encounter(date=PartialDate(dt.date(2025, 1, 1), Precision.YEAR, "of 2025", "stated"))
    assert encounter_key(year, "a").date == "2025"
    assert "/encounter/2025/remote/" in iris.encounter(encounter_key(year, "a")).value


@pytest.mark.parametrize("broken", [
    dict(family="remote", participants=("b", "a"), date="2025"),  # not sorted
    dict(family="online", participants=("a",), date="2025"),  # no such family
    dict(family="remote", participants=("a",)),  # neither dated nor scoped to an article
    dict(family="remote", participants=("a",), date="2025", article_id="x"),  # both
])
def test_an_encounter_key_refuses_what_would_mint_a_wrong_iri(broken):
    with pytest.raises(ValueError):
        EncounterKey(**broken)


def test_identify_keys_every_encounter_and_the_mapping_needs_the_key():
    from kg.rdf.mapping import extraction_quads

    extraction = _extraction(_encounter(date=_day(dt.date(2025, 3, 18))), _encounter())
    keyed = identify(extraction)
    assert [e.key for e in keyed.encounters] == [encounter_key(e, "a") for e in extraction.encounters]
    with pytest.raises(TypeError, match="identity key"):
        extraction_quads(extraction)
    assert extraction_quads(keyed)


@pytest.mark.parametrize("hostile", ['a b"c<d>{e}', "x\u200by\u202ez", "Пу́тин 习近平", "", "../../etc"])
def test_hostile_ids_mint_valid_iris(hostile):
    for node in (iris.article(hostile), iris.article_graph(hostile), iris.person(hostile),
                 iris.organization(hostile), iris.treaty(hostile), iris.evidence(hostile, 3)):
        assert isinstance(node, NamedNode)
        assert NamedNode(node.value) == node
        assert not set(node.value) & set(' "<>{}\u200b\u202e')


def test_distinct_hostile_ids_stay_distinct():
    assert iris.person("a b") != iris.person("a-b")


def _extraction(*encounters, article_id="a"):
    return Extraction(Article(id=article_id, text="Text."), encounters=encounters)


def _known(*dated: tuple[Encounter, tuple[str, ...]]) -> DatedEncounters:
    known = DatedEncounters()
    for encounter, gatherings in dated:
        known.add(parties(encounter), encounter.date.value, gatherings)
    return known


def _report(day: dt.date, kind=EncounterKind.PHONE_CALL, people=(PUTIN, TRUMP)) -> tuple[Encounter, tuple[str, ...]]:
    return _encounter(kind, _day(day), people=people), ()


def test_resolve_takes_the_one_fitting_date():
    known = _known(_report(dt.date(2025, 3, 18)), _report(dt.date(2025, 2, 12)))  # a Tuesday, a Wednesday
    tuesday = _encounter(clues=DateClues(weekday=1))
    [resolved] = resolve(_extraction(tuesday), known).encounters
    assert (resolved.date.value, resolved.date.basis) == (dt.date(2025, 3, 18), "corroborated")


def test_resolve_leaves_ambiguous_and_unfitting_dates_alone():
    known = _known(_report(dt.date(2025, 3, 18)), _report(dt.date(2025, 3, 25)))
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
    xi = ActorRef(ActorKind.PERSON, "xi-jinping", "Xi Jinping")
    biden = ActorRef(ActorKind.PERSON, "joe-biden", "Joe Biden")
    g20 = _report(dt.date(2022, 11, 14), EncounterKind.MEETING, (xi, biden))[0], ("G20",)
    apec = _report(dt.date(2023, 11, 15), EncounterKind.MEETING, (xi, biden))[0], ("APEC",)
    known = _known(g20, apec)
    at_apec = Encounter(EncounterKind.MEETING, (biden, xi), None, None, (), (EV,),
                        clues=DateClues(gatherings=frozenset({"APEC"})), gatherings=("APEC",))
    [resolved] = resolve(_extraction(at_apec), known).encounters
    assert resolved.date.value == dt.date(2023, 11, 15)
    nowhere = Encounter(EncounterKind.MEETING, (biden, xi), None, None, (), (EV,))
    assert resolve(_extraction(nowhere), known).encounters[0].date is None


def _stored(*extractions: Extraction):
    from kg.rdf.mapping import extraction_quads
    from kg.store import open_store

    store = open_store("memory:")
    store.replace_graphs({iris.article_graph(e.article.id): extraction_quads(identify(e)) for e in extractions})
    return store


def test_the_store_corroborates_from_its_triples_countries_and_large_groups_too():
    """Dated reports already in the store are read back from their triples (kind, date, participants),
    not from their IRIs: participants whose ids are not lowercase slugs (countries: "RUS") and groups too
    large for a readable IRI (hashed) corroborate like any other."""
    russia = ActorRef(ActorKind.COUNTRY, "RUS", "Russia")
    ukraine = ActorRef(ActorKind.COUNTRY, "UKR", "Ukraine")
    crowd = tuple(ActorRef(ActorKind.PERSON, f"leader-of-a-long-named-country-{n}", f"Leader {n}") for n in range(8))
    store = _stored(
        _extraction(_encounter(EncounterKind.MEETING, _day(dt.date(2025, 3, 18)), people=(russia, ukraine)),
                    article_id="countries"),
        _extraction(_encounter(EncounterKind.SUMMIT, _day(dt.date(2025, 3, 19)), people=crowd), article_id="crowd"),
    )
    assert "/group-" in iris.encounter(encounter_key(_encounter(date=_day(dt.date(2025, 3, 19)), people=crowd),
                                                     "crowd")).value
    known = DatedEncounters()
    known.add_store(store)
    talks = _encounter(EncounterKind.MEETING, people=(ukraine, russia), clues=DateClues(weekday=1))
    summit = _encounter(EncounterKind.MEETING, people=tuple(reversed(crowd)), clues=DateClues(weekday=2))
    resolved = resolve(_extraction(talks, summit), known).encounters
    assert [(e.date.value, e.date.basis) for e in resolved] == [
        (dt.date(2025, 3, 18), "corroborated"), (dt.date(2025, 3, 19), "corroborated")]


def test_the_store_offers_only_day_dated_encounters_of_the_same_family():
    store = _stored(
        _extraction(_encounter(EncounterKind.MEETING, _day(dt.date(2025, 3, 18))), article_id="met"),
        _extraction(_encounter(date=PartialDate(dt.date(2025, 3, 1), Precision.MONTH, "in March", "stated")),
                    article_id="march"),
        _extraction(_encounter(), article_id="undated"),
    )
    known = DatedEncounters()
    known.add_store(store)
    call = _encounter(clues=DateClues(weekday=1))
    assert resolve(_extraction(call), known).encounters[0].date is None


def _partial(article_id: str, clues: DateClues, kind=EncounterKind.MEETING, gatherings=()) -> Extraction:
    encounter = Encounter(kind, (TRUMP, PUTIN), None, None, (), (EV,), clues=clues, gatherings=gatherings)
    return _extraction(encounter, article_id=article_id)


def _run(*extractions: Extraction) -> list[PartialDate | None]:
    """Each extraction's first encounter date after resolving against the whole run."""
    known = DatedEncounters()
    for extraction in extractions:
        known.add_extraction(extraction)
    return [resolve(e, known).encounters[0].date for e in extractions]


_WEEK_BEFORE = DateClues(not_after=dt.date(2024, 6, 14), not_before=dt.date(2024, 6, 7))


def test_two_partial_reports_that_fix_one_day_together_date_both():
    window, month_day = _partial("a", _WEEK_BEFORE), _partial("b", DateClues(month=6, day=12))
    dated = _run(window, month_day)
    assert [(d.value, d.basis) for d in dated] == [(dt.date(2024, 6, 12), "corroborated")] * 2
    weekday = _partial("c", DateClues(weekday=2))  # a Wednesday: 12 June 2024
    assert [d.value for d in _run(window, weekday)] == [dt.date(2024, 6, 12)] * 2
    year = _partial("d", DateClues(month=6, year=2024))
    assert _run(year, _partial("e", DateClues(month=6, day=12)))[1].value == dt.date(2024, 6, 12)


def test_partial_reports_combine_only_when_bounded_and_of_one_encounter():
    assert _run(_partial("a", DateClues(month=7, day=2)), _partial("b", DateClues(month=7, day=2))) == [None, None]
    assert _run(_partial("a", DateClues(month=7, day=2)), _partial("b", DateClues(weekday=2))) == [None, None]
    same_article = _extraction(_partial("a", _WEEK_BEFORE).encounters[0],
                               _partial("a", DateClues(month=6, day=12)).encounters[0])
    known = DatedEncounters()
    known.add_extraction(same_article)
    assert all(e.date is None for e in resolve(same_article, known).encounters)
    call = _partial("b", DateClues(month=6, day=12), kind=EncounterKind.PHONE_CALL)
    assert _run(_partial("a", _WEEK_BEFORE), call) == [None, None]
    ambiguous = _partial("b", DateClues(weekday=2)), _partial("c", DateClues(weekday=3))
    assert _run(_partial("a", _WEEK_BEFORE), *ambiguous)[0] is None
    summits = _partial("a", _WEEK_BEFORE, gatherings=("G7",)), _partial("b", DateClues(month=6, day=12),
                                                                          gatherings=("NATO",))
    summits = tuple(replace(e, encounters=(replace(e.encounters[0], clues=replace(
        e.encounters[0].clues, gatherings=frozenset(e.encounters[0].gatherings))),)) for e in summits)
    assert _run(*summits) == [None, None]


def test_a_day_dated_report_comes_before_combining_partial_ones():
    window, month_day = _partial("a", _WEEK_BEFORE), _partial("b", DateClues(month=6, day=12))
    known = DatedEncounters()
    for extraction in (window, month_day):
        known.add_extraction(extraction)
    known.add(parties(window.encounters[0]), dt.date(2024, 6, 10))
    assert resolve(window, known).encounters[0].date.value == dt.date(2024, 6, 10)


def test_a_span_before_an_office_picks_the_one_fitting_report():
    known = _known(_report(dt.date(2025, 1, 16)), _report(dt.date(2025, 9, 18)))  # both Thursdays
    before_office = DateClues(weekday=3, periods=((dt.date(2024, 6, 1), dt.date(2025, 1, 20)),))
    [resolved] = resolve(_extraction(_encounter(clues=before_office)), known).encounters
    assert resolved.date.value == dt.date(2025, 1, 16)
    month_day = _partial("b", DateClues(month=12, day=6))
    assert _run(_partial("a", before_office), month_day)[1] is None  # 6 December 2024 is a Friday
    assert _run(_partial("a", replace(before_office, weekday=None)), month_day)[1].value == dt.date(2024, 12, 6)


def test_a_report_that_tells_only_where_takes_the_one_dated_report_there():
    known = DatedEncounters()
    known.add(parties(_encounter()), dt.date(2025, 2, 18), venues=("SAU",))
    known.add(parties(_encounter()), dt.date(2025, 3, 11), venues=("CHE",))
    [resolved] = resolve(_extraction(_encounter(clues=DateClues(venues=frozenset({"SAU"})))), known).encounters
    assert (resolved.date.value, resolved.date.basis) == (dt.date(2025, 2, 18), "corroborated")
    known.add(parties(_encounter()), dt.date(2025, 4, 1), venues=("SAU",))  # two meetings there: either
    [undated] = resolve(_extraction(_encounter(clues=DateClues(venues=frozenset({"SAU"})))), known).encounters
    assert undated.date is None
    [elsewhere] = resolve(_extraction(_encounter(clues=DateClues(venues=frozenset({"TUR"})))), known).encounters
    assert elsewhere.date is None


def _dated(day: dt.date, article_id: str, minutes: int | None = None, doubtful: bool = False) -> Extraction:
    date = PartialDate(day, Precision.DAY, day.isoformat(), "stated", doubtful=doubtful)
    return _extraction(replace(_encounter(date=date), duration_minutes=minutes), article_id=article_id)


def _final_days(*extractions: Extraction) -> list[dt.date]:
    """The day every report of the run ends with (what pipeline.write_articles does)."""
    known = DatedEncounters()
    for extraction in extractions:
        known.add_extraction(extraction)
    return [resolve(x, known).encounters[0].date.value for x in extractions]


MAY_4, MAY_5, MAY_6 = dt.date(2027, 5, 4), dt.date(2027, 5, 5), dt.date(2027, 5, 6)


def test_a_self_contradicting_date_takes_the_day_a_report_a_day_away_gives():
    assert _final_days(_dated(MAY_4, "a"), _dated(MAY_5, "b", doubtful=True)) == [MAY_4, MAY_4]
    assert _final_days(_dated(MAY_6, "a"), _dated(MAY_5, "b", doubtful=True)) == [MAY_6, MAY_6]
    known = DatedEncounters()
    known.add_extraction(_dated(MAY_5, "b", doubtful=True))
    moved = resolve(_dated(MAY_5, "b", doubtful=True), known)
    assert moved.encounters[0].date.value == MAY_5  # nobody a day away: as the article says
    # another article gives the stated day itself: it stands
    confirmed = _final_days(_dated(MAY_4, "a"), _dated(MAY_5, "b", doubtful=True), _dated(MAY_5, "c"))
    assert confirmed == [MAY_4, MAY_5, MAY_5]


def test_the_corrected_date_keeps_the_articles_words_and_says_it_was_corroborated():
    known = DatedEncounters()
    known.add(parties(_encounter()), MAY_4)  # a report in the store
    [moved] = resolve(_dated(MAY_5, "b", doubtful=True), known).encounters
    assert (moved.date.value, moved.date.basis, moved.date.expression) == (MAY_4, "corroborated", "2027-05-05")
    assert not moved.date.doubtful and identify(_extraction(moved)).encounters[0].key.date == "2027-05-04"


def test_two_reports_of_one_duration_a_day_apart_take_the_earlier_day():
    assert _final_days(_dated(MAY_5, "a", 60), _dated(MAY_4, "b", 60)) == [MAY_4, MAY_4]
    assert _final_days(_dated(MAY_4, "a", 60), _dated(MAY_5, "b", 45)) == [MAY_4, MAY_5]  # other durations
    assert _final_days(_dated(MAY_4, "a"), _dated(MAY_5, "b", 60)) == [MAY_4, MAY_5]  # nothing to compare


def test_consecutive_days_stay_apart_when_an_article_tells_them_apart_or_they_chain():
    one_article = Extraction(Article(id="a", text="Text."), encounters=(
        replace(_encounter(date=_day(MAY_4)), duration_minutes=60),
        replace(_encounter(date=_day(MAY_5)), duration_minutes=60)))
    assert _final_days(one_article, _dated(MAY_5, "b", 60)) == [MAY_4, MAY_5]
    chain = _final_days(_dated(MAY_4, "a", 60), _dated(MAY_5, "b", 60), _dated(MAY_6, "c", 60))
    assert chain == [MAY_4, MAY_5, MAY_6]  # three days in a row: which two are one is not known
    background = replace(_dated(MAY_5, "b", 60).encounters[0], background=True)
    assert _final_days(_dated(MAY_4, "a", 60), _extraction(background, article_id="b")) == [MAY_4, MAY_5]


def test_meetings_of_one_duration_a_day_apart_stay_two():
    def meeting(day: dt.date, article_id: str) -> Extraction:
        return _extraction(replace(_encounter(EncounterKind.MEETING, _day(day)), duration_minutes=90),
                           article_id=article_id)

    assert _final_days(meeting(MAY_4, "a"), meeting(MAY_5, "b")) == [MAY_4, MAY_5]


def test_a_call_in_the_store_of_one_duration_a_day_earlier_takes_the_later_report():
    store = _stored(_dated(MAY_4, "a", 60))
    again = DatedEncounters()
    again.add_store(store)
    later = _dated(MAY_5, "b", 60)
    again.add_extraction(later)
    assert resolve(later, again).encounters[0].date.value == MAY_4
    other = _dated(MAY_5, "c", 30)
    again.add_extraction(other)
    assert resolve(other, again).encounters[0].date.value == MAY_5


def test_the_day_before_the_story_takes_its_day_once_another_report_dates_it():
    zelensky = ActorRef(ActorKind.PERSON, "volodymyr-zelensky", "Volodymyr Zelensky")
    story = _encounter(EncounterKind.MEETING, clues=DateClues(weekday=0))  # "on Monday", no publication date
    before = _encounter(EncounterKind.MEETING, people=(TRUMP, zelensky),
                        clues=DateClues(story=(-1, story.participant_ids)))  # "The day before, Trump met Zelensky"
    known = _known(_report(dt.date(2025, 3, 17), kind=EncounterKind.MEETING))  # a Monday
    dated = resolve(_extraction(story, before), known).encounters
    assert [(e.date.value, e.date.basis) for e in dated] == [
        (dt.date(2025, 3, 17), "corroborated"), (dt.date(2025, 3, 16), "relative")]
    alone = resolve(_extraction(story, before), DatedEncounters()).encounters
    assert all(e.date is None for e in alone)
