"""Scoring of `kg evaluate` on small hand-built gold and prediction records (no NLP pipeline)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kg.errors import ConfigError, InputError
from kg.evaluation.gold import (
    GoldArticle,
    GoldEncounter,
    GoldParticipant,
    GoldStance,
    GoldTreaty,
    load_gold,
    parse_gold,
)
from kg.evaluation.predictions import (
    PredictedArticle,
    PredictedEncounter,
    PredictedParticipant,
    PredictedStance,
    PredictedTreaty,
    read_predictions,
)
from kg.evaluation.report import EvaluationReport, failed_thresholds
from kg.evaluation.runner import build_report
from kg.evaluation.scoring import (
    Counts,
    date_relation,
    same_participants,
    same_person,
    score,
    stance_similarity,
    treaty_similarity,
)

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev"
PUTIN, TRUMP = ("Vladimir Putin", "RUS"), ("Donald Trump", "USA")
NODE = "https://w3id.org/kg-diplomacy/id/encounter/2025-03-18/remote/donald-trump--vladimir-putin"


def gold_encounter(key: str = "2025-03-18_putin-trump", *, people=(PUTIN, TRUMP), **fields) -> GoldEncounter:
    values = dict(type="phone_call", date="2025-03-18", date_basis="stated")
    values.update(fields)
    participants = tuple(GoldParticipant(name, country) for name, country in people)
    return GoldEncounter(key=key, participants=participants, **values)


def predicted_encounter(node: str = NODE, *, people=(PUTIN, TRUMP), **fields) -> PredictedEncounter:
    values = dict(types=("PhoneCall",), date="2025-03-18", precision="day")
    values.update(fields)
    participants = tuple(PredictedParticipant(name, country) for name, country in people)
    return PredictedEncounter(node=node, participants=participants, **values)


def run(gold: dict[str, tuple], predicted: dict[str, tuple], **article_fields):
    """Score {article id: gold encounters} against {article id: predicted encounters}."""
    gold_articles = {
        a: GoldArticle(file=f"{a}.txt", encounters=encounters, **article_fields.get(a, {}).get("gold", {}))
        for a, encounters in gold.items()
    }
    predicted_articles = {
        a: PredictedArticle(article_id=a, encounters=encounters, **article_fields.get(a, {}).get("pred", {}))
        for a, encounters in predicted.items()
    }
    return score(gold_articles, predicted_articles)


# ------------------------------------------------------------------------------------------- encounters


def test_perfect_match_scores_one_everywhere():
    gold = gold_encounter(countries=("UKR",), organizations=("NATO",), duration_minutes=90)
    pred = predicted_encounter(countries=("UKR",), organizations=("nato",), duration_minutes=90)
    scores = run({"001": (gold,)}, {"001": (pred,)})
    report = EvaluationReport(scores=scores)
    figures = report.figures()
    for name in ("encounter_f1", "countries_f1", "organizations_f1", "treaties_f1", "stances_f1",
                 "merge_ratio", "date_exact", "type_accuracy", "duration_exact"):
        assert figures[name] == 1.0, name
    assert failed_thresholds(report, {"encounter_f1": 1.0, "merge_ratio": 1.0}) == []


def test_missed_encounter_is_a_miss_and_its_countries_are_listed_not_counted():
    gold = (gold_encounter(countries=("UKR",)), gold_encounter("2025-03-18_trump-zelensky",
            people=(TRUMP, ("Volodymyr Zelensky", "UKR")), countries=("RUS",)))
    scores = run({"001": gold}, {"001": (predicted_encounter(countries=("UKR",)),)})
    assert scores.encounters == Counts(tp=1, fp=0, fn=1)
    assert scores.encounters.recall == 0.5
    assert scores.countries == Counts(tp=1)
    assert scores.countries_in_missed_encounters == 1
    missed = [o for o in scores.outcomes() if o.status == "missed"]
    assert missed[0].countries.misses[0][0] == "RUS" and not missed[0].countries.counted


def test_false_alarm_and_its_countries_are_false_positives():
    other = predicted_encounter("urn:x:other", people=(PUTIN, ("Xi Jinping", "CHN")), countries=("UKR", "USA"),
                                evidence=(("UKR", "They discussed Ukraine."),))
    scores = run({"001": (gold_encounter(),)}, {"001": (predicted_encounter(), other)})
    assert scores.encounters == Counts(tp=1, fp=1, fn=0)
    assert scores.countries == Counts(tp=0, fp=2, fn=0)
    alarm = next(o for o in scores.outcomes() if o.status == "false_alarm")
    assert ("UKR", "They discussed Ukraine.") in alarm.countries.false_alarms


def test_acceptable_countries_are_neutral_and_own_countries_ignored():
    gold = gold_encounter(countries=("UKR",), countries_acceptable=("SAU", "TUR"))
    pred = predicted_encounter(countries=("UKR", "SAU", "RUS", "USA"))  # RUS, USA: the participants' own
    scores = run({"001": (gold,)}, {"001": (pred,)})
    assert scores.countries == Counts(tp=1, fp=0, fn=0)
    assert scores.outcomes()[0].countries.neutral == ("SAU",)


def test_countries_precision_and_recall_with_evidence():
    gold = gold_encounter(countries=("UKR", "IRN"), evidence=(("IRN", "gold quote about Iran"),))
    pred = predicted_encounter(countries=("UKR", "ISR"), evidence=(("ISR", "system sentence"),))
    outcome = run({"001": (gold,)}, {"001": (pred,)}).outcomes()[0]
    assert outcome.countries.counts == Counts(tp=1, fp=1, fn=1)
    assert outcome.countries.false_alarms == (("ISR", "system sentence"),)
    assert outcome.countries.misses == (("IRN", "gold quote about Iran"),)


def test_merge_ratio_two_when_one_encounter_got_two_nodes():
    gold = {"001": (gold_encounter(),), "002": (gold_encounter(),)}
    split = {"001": (predicted_encounter("urn:x:a"),), "002": (predicted_encounter("urn:x:b"),)}
    assert run(gold, split).merge_ratio == 2.0
    merged = {"001": (predicted_encounter("urn:x:a"),), "002": (predicted_encounter("urn:x:a"),)}
    assert run(gold, merged).merge_ratio == 1.0
    report = EvaluationReport(scores=run(gold, split))
    assert failed_thresholds(report, {"merge_ratio": 1.2}) == ["merge_ratio: 2.000 > maximum 1.2"]


def test_overmerged_node_is_reported():
    gold = {"001": (gold_encounter(), gold_encounter("2025-03-19_putin-trump", date="2025-03-19"))}
    pred = {"001": (predicted_encounter("urn:x:a", date="2025-03-18"),)}
    pred2 = {"002": (predicted_encounter("urn:x:a", date="2025-03-19"),)}
    gold2 = {"002": (gold_encounter("2025-03-19_putin-trump", date="2025-03-19"),)}
    scores = run({**gold, **gold2}, {**pred, **pred2})
    assert scores.overmerged_nodes == ("urn:x:a",)


def test_date_one_day_off_matches_but_is_not_exact():
    scores = run({"001": (gold_encounter(),)}, {"001": (predicted_encounter(date="2025-03-19"),)})
    assert scores.encounters == Counts(tp=1)
    assert scores.date_exact.value == 0.0
    far = run({"001": (gold_encounter(),)}, {"001": (predicted_encounter(date="2025-03-20"),)})
    assert far.encounters == Counts(tp=0, fp=1, fn=1)


def test_month_and_year_precision_match_when_they_contain_the_gold_date():
    month = run({"001": (gold_encounter(),)}, {"001": (predicted_encounter(date="2025-03", precision="month"),)})
    assert month.encounters == Counts(tp=1) and month.date_exact.value == 0.0
    wrong = run({"001": (gold_encounter(),)}, {"001": (predicted_encounter(date="2025-04", precision="month"),)})
    assert wrong.encounters.tp == 0
    year = predicted_encounter(date="2025", precision="year")
    assert date_relation(gold_encounter(), year) == "contains"


def test_undated_prediction_matches_only_an_external_gold_date():
    undated = predicted_encounter(date=None, precision=None)
    assert date_relation(gold_encounter(date_basis="external"), undated) == "undated"
    assert date_relation(gold_encounter(date_basis="stated"), undated) is None


def test_background_gold_is_optional():
    background = gold_encounter("2023-11-15_biden-xi", people=(("Joe Biden", "USA"), ("Xi Jinping", "CHN")),
                                date="2023-11-15", background=True, countries=("TWN",))
    gold = {"001": (gold_encounter(), background)}
    pred_bg = predicted_encounter("urn:x:bg", people=(("Joe Biden", "USA"), ("Xi Jinping", "CHN")),
                                  date="2023-11-15", countries=("RUS",))
    with_it = run(gold, {"001": (predicted_encounter(), pred_bg)})
    without = run(gold, {"001": (predicted_encounter(),)})
    assert with_it.encounters == without.encounters == Counts(tp=1)
    assert with_it.countries == without.countries == Counts()
    assert {o.status for o in with_it.outcomes()} == {"matched", "background"}
    assert {o.status for o in without.outcomes()} == {"matched", "background_unmatched"}


def test_type_accuracy_honours_alternatives():
    pred = predicted_encounter(types=("Meeting",))
    wrong = run({"001": (gold_encounter(type="summit"),)}, {"001": (pred,)})
    assert wrong.encounters.tp == 1 and wrong.type_accuracy.value == 0.0
    alt = run({"001": (gold_encounter(type="summit", type_alternatives=("meeting",)),)}, {"001": (pred,)})
    assert alt.type_accuracy.value == 1.0


def test_name_variants_match():
    assert same_person("Volodymyr Zelensky", "Volodymyr Zelenskyy")
    assert same_person("Zelenskiy", "Volodymyr Zelensky")
    assert same_person("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan")
    assert same_person("Xi", "Xi Jinping")
    assert same_person("Joseph R. Biden Jr.", "Joe Biden")
    assert not same_person("Donald Trump", "Donald Tusk")
    assert same_participants(["Xi Jinping", "Joe Biden"], ["joe biden", "XI JINPING"])
    assert not same_participants(["Xi Jinping", "Joe Biden"], ["Joe Biden"])
    assert not same_participants(["Xi Jinping", "Joe Biden"], ["Joe Biden", "Vladimir Putin"])


def test_organizations_compare_case_insensitively():
    gold = gold_encounter(organizations=("G20", "BRICS"), organizations_acceptable=("APEC",))
    pred = predicted_encounter(organizations=("g-20", "APEC", "NATO"))
    scores = run({"001": (gold,)}, {"001": (pred,)})
    assert scores.organizations == Counts(tp=1, fp=1, fn=1)


# ------------------------------------------------------------------------------------ treaties, stances


def treaty(label: str, year: int | None = None, names: tuple[str, ...] = ()) -> PredictedTreaty:
    return PredictedTreaty(node="urn:x:t", label=label, names=names, year=year)


def test_treaty_rule():
    gold = GoldTreaty("three US-China joint communiques", None, ("CHN", "USA"))
    assert treaty_similarity(gold, treaty("the Three Joint Communiqués")) == 1.0  # contained
    assert treaty_similarity(GoldTreaty("grain corridor agreement"), treaty("Grain Corridor Deal")) == 0.5
    assert treaty_similarity(GoldTreaty("grain corridor initiative"), treaty("Black Sea Grain Initiative")) is None
    assert treaty_similarity(GoldTreaty("New START", 2010), treaty("New START", 2011)) is None
    assert treaty_similarity(GoldTreaty("New START", 2010), treaty("New START")) == 1.0
    aliased = treaty("x", names=("New START", "Strategic Arms Reduction Treaty"))
    assert treaty_similarity(GoldTreaty("Strategic Arms Reduction"), aliased) == 1.0  # any name of the node
    gold_article = GoldArticle(file="014.txt", treaties=(GoldTreaty("Military Maritime Consultative Agreement"),))
    pred_article = PredictedArticle("014", treaties=(treaty("Military Maritime Consultative Agreement"),
                                                     treaty("Paris Agreement")))
    scores = score({"014": gold_article}, {"014": pred_article})
    assert scores.treaties == Counts(tp=1, fp=1, fn=0)


def stance(holder="Donald Trump", polarity="support", iso=None, description=None, quote="",
           holder_iso=None) -> PredictedStance:
    return PredictedStance("urn:x:s", holder, polarity, quote, iso, description, holder_iso)


def test_a_state_holder_is_compared_by_its_code():
    gold = GoldStance("CHN", "JPN", "oppose", "rebuked the remarks")
    assert stance_similarity(gold, stance(holder="China", polarity="oppose", iso="JPN", holder_iso="CHN")) \
        is not None
    assert stance_similarity(gold, stance(holder="China", polarity="oppose", iso="JPN")) is None
    assert stance_similarity(gold, stance(holder="Taiwan", polarity="oppose", iso="JPN", holder_iso="TWN")) \
        is None


def test_stance_rule():
    iso = GoldStance("Donald Trump", "RUS", "cooperate", "We agreed to work together very closely.")
    assert stance_similarity(iso, stance(polarity="cooperate", iso="RUS")) is not None
    assert stance_similarity(iso, stance(polarity="cooperate", iso="UKR", quote=iso.quote)) is None
    assert stance_similarity(iso, stance(polarity="support", iso="RUS")) is None
    assert stance_similarity(iso, stance(holder="Vladimir Putin", polarity="cooperate", iso="RUS")) is None
    text = GoldStance("Donald Trump", "negotiations to end the Russia-Ukraine war", "support", "start negotiations")
    assert stance_similarity(text, stance(description="negotiations")) is not None  # Dice 2/6 >= 0.3
    assert stance_similarity(text, stance(description="tariffs")) is None
    assert stance_similarity(text, stance(description="tariffs", quote="we will start negotiations now")) is not None
    assert stance_similarity(text, stance(iso="UKR", quote="unrelated words entirely")) is None


def test_stances_one_to_one_per_article():
    gold = GoldArticle(file="003.txt", stances=(GoldStance("Donald Trump", "IRN", "oppose", "q"),
                                                GoldStance("Vladimir Putin", "IRN", "oppose", "q")))
    pred = PredictedArticle("003", stances=(stance(polarity="oppose", iso="IRN"),
                                            stance(polarity="oppose", iso="IRN"),
                                            stance(holder="Putin", polarity="oppose", iso="IRN")))
    assert score({"003": gold}, {"003": pred}).stances == Counts(tp=2, fp=1, fn=0)


# --------------------------------------------------------------------------------- thresholds, report


def test_failed_thresholds():
    scores = run({"001": (gold_encounter(), gold_encounter("k2", date="2025-05-01"))},
                 {"001": (predicted_encounter(date="2025-03-19"),)})
    report = EvaluationReport(scores=scores)
    failures = failed_thresholds(report, {"encounter_f1": 0.9, "date_exact": 0.5, "type_accuracy": 1.0,
                                          "countries_f1": 1.0})
    assert failures == ["encounter_f1: 0.667 < minimum 0.9", "date_exact: 0.000 < minimum 0.5"]
    empty = EvaluationReport(scores=run({"001": (gold_encounter(),)}, {"001": ()}))
    assert failed_thresholds(empty, {"date_exact": 0.5})[0].startswith("date_exact: not measurable")
    with pytest.raises(ConfigError):
        failed_thresholds(report, {"encounter_f2": 0.5})


def test_report_text_and_json():
    gold = GoldArticle(file="001.txt", encounters=(gold_encounter(countries=("UKR", "IRN")),),
                       stances=(GoldStance("Donald Trump", "IRN", "oppose", "q"),))
    pred = PredictedArticle("001", encounters=(predicted_encounter(countries=("ISR",),
                                                                   evidence=(("ISR", "Israel came up."),)),))
    report = build_report(Path("gold.json"), {"001": gold, "002": GoldArticle(file="002.txt")}, {"001": pred},
                          ingested=["001", "999"], problems=["x.txt: the article has no text"])
    assert report.scored_articles == ("001",)
    assert report.unscored_articles == ("999",)
    assert report.missing_articles == ("002",)
    text = report.render_text()
    for expected in ("Summary", "encounters", "false alarm ISR: Israel came up.", "miss IRN", "999", "002",
                     "== 001 =="):
        assert expected in text
    data = json.loads(json.dumps(report.to_json()))
    assert data["figures"]["encounter_f1"] == 1.0
    assert data["counts"]["countries"] == {"tp": 0, "fp": 1, "fn": 2, "precision": 0.0, "recall": 0.0, "f1": 0.0}


# ----------------------------------------------------------------------------------------------- gold


def test_gold_loader_reads_optional_and_unknown_fields():
    data = {"articles": [{"file": "001.txt", "published": "unknown", "novel": 1, "encounters": [
        {"key": "k", "type": "meeting", "date": "2025-01-02", "participants": [{"name": "A", "country": "USA"}],
         "mention": "background", "type_alternatives": ["summit"], "extra": {"x": 1},
         "evidence": {"UKR": "quote"}}]}]}
    article = parse_gold(data).articles[0]
    encounter = article.encounters[0]
    assert article.article_id == "001" and article.published is None
    assert encounter.background and encounter.accepted_types == {"meeting", "summit"}
    assert encounter.evidence_for("ukr") == "quote"


def test_gold_loader_reads_the_acceptable_spelling_of_alternatives():
    data = {"articles": [{"file": "001.txt", "encounters": [
        {"key": "k", "type": "phone_call", "date": "2025-01-02", "participants": [{"name": "A", "country": "USA"}],
         "type_acceptable": ["video_call"], "date_acceptable": ["2025-01-01"]}]}]}
    encounter = parse_gold(data).articles[0].encounters[0]
    assert encounter.accepted_types == {"phone_call", "video_call"}
    assert set(encounter.accepted_dates) == {"2025-01-02", "2025-01-01"}


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({}, "$.articles"),
        ({"articles": [{"file": "a.txt", "encounters": [{"key": "k", "type": "t", "participants": []}]}]},
         "$.articles[0].encounters[0].participants"),
        ({"articles": [{"file": "a.txt", "encounters": [
            {"key": "k", "type": "t", "participants": [{"name": 3}]}]}]},
         "$.articles[0].encounters[0].participants[0].name"),
        ({"articles": [{"file": "a.txt", "stances": "none"}]}, "$.articles[0].stances"),
        ({"articles": [{"file": "a.txt"}, {"file": "a.txt"}]}, "$.articles[1].file"),
    ],
)
def test_gold_loader_errors_name_the_json_path(data, where):
    with pytest.raises(InputError) as error:
        parse_gold(data, "gold.json")
    assert error.value.where == f"gold.json: {where}"


def test_gold_loader_reports_broken_json(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text('{"articles": [', encoding="utf-8")
    with pytest.raises(InputError, match="broken JSON"):
        load_gold(path)


def test_dev_gold_loads():
    gold_file = DEV / "gold.json"
    if not gold_file.is_file():
        pytest.skip(f"the dev corpus is not checked out next to the repository ({gold_file.name} not found)")
    gold = load_gold(gold_file)
    assert gold.articles and all(a.article_id for a in gold.articles)


# ----------------------------------------------------------------------------------- store read-back


def test_read_predictions_from_mapped_extractions():
    from pyoxigraph import Literal, Quad

    from kg.ingest.resolve import identify
    from kg.rdf import iris
    from kg.rdf.mapping import extraction_quads
    from kg.rdf.terms import iri, text
    from kg.rdf.vocab import KG, RDFS
    from kg.records import (
        ActorKind,
        ActorRef,
        Article,
        Discussion,
        Encounter,
        EncounterKind,
        Evidence,
        Extraction,
        PartialDate,
        Polarity,
        Precision,
        Stance,
    )
    from kg.store import open_store

    putin = ActorRef(ActorKind.PERSON, "vladimir-putin", "Vladimir Putin")
    trump = ActorRef(ActorKind.PERSON, "donald-trump", "Donald Trump")
    ukraine = ActorRef(ActorKind.COUNTRY, "UKR", "Ukraine")
    graph = iris.reference_graph()
    reference = []
    for person, country in ((putin, "RUS"), (trump, "USA")):
        node = iris.actor(person)
        reference += [Quad(node, iri(RDFS.label), Literal(person.label, language="en"), graph),
                      Quad(node, iri(KG.represents), iris.country(country), graph)]
    for code in ("RUS", "USA", "UKR"):
        reference.append(Quad(iris.country(code), iri(KG.iso3166Alpha3), text(code), graph))

    def extraction(article_id: str, kind: EncounterKind, discussed: tuple[ActorRef, ...]) -> Extraction:
        def evidence(index: int) -> Evidence:
            return Evidence(article_id, index, 0, 10, f"sentence {index}")

        encounter = Encounter(kind, (putin, trump), PartialDate(dt.date(2025, 3, 18), Precision.DAY, "x", "stated"),
                              None, tuple(Discussion(s, evidence(i)) for i, s in enumerate(discussed)), (evidence(9),))
        return Extraction(Article(id=article_id, text="x"), (encounter,),
                          stances=(Stance(putin, Polarity.CALL_FOR, "we call", evidence(5), target=ukraine),))

    store = open_store("memory:")
    graphs = {graph: reference}
    for e in (extraction("001", EncounterKind.PHONE_CALL, (ukraine,)), extraction("002", EncounterKind.VIDEO_CALL, ())):
        graphs[iris.article_graph(e.article.id)] = extraction_quads(identify(e))
    store.replace_graphs(graphs)
    predictions = read_predictions(store)
    first, second = predictions["001"].encounters[0], predictions["002"].encounters[0]
    assert first.node == second.node  # one node, reported by both articles
    assert (first.types, second.types) == (("PhoneCall",), ("VideoCall",))  # each article's own kind
    assert first.countries == ("UKR",) and second.countries == ()
    assert first.evidence == (("UKR", "sentence 0"),)
    assert [(p.name, p.country) for p in first.participants] == [("Donald Trump", "USA"), ("Vladimir Putin", "RUS")]
    assert (first.date, first.precision) == ("2025-03-18", "day")
    assert predictions["001"].stances == (
        PredictedStance(node=predictions["001"].stances[0].node, holder="Vladimir Putin", polarity="call_for",
                        quote="we call", target_iso3="UKR", target_description=None),
    )
