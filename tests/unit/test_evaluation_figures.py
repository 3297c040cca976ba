"""The figures `kg evaluate` added for open-world actors and several sets, on hand-built gold and predictions:
participant recall, actors from the text, encounter nodes without a day, countries with missed encounters
counted, pooling, the coverage errors, and how sets are named on a command line."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluation.gold import GoldArticle, load_gold
from kg.evaluation.predictions import PredictedArticle, PredictedParticipant
from kg.evaluation.report import EvaluationReport, failed_thresholds
from kg.evaluation.run import EvaluationRun
from kg.evaluation.runner import build_report, check_coverage
from kg.evaluation.scoring import Counts, Ratio, gold_participants, pool, score
from kg.evaluation.sets import resolve_sets
from tests.unit.test_evaluation_scoring import PUTIN, TRUMP, gold_encounter, predicted_encounter, run

ZELENSKY, XI, RUTO = ("Volodymyr Zelensky", "UKR"), ("Xi Jinping", "CHN"), ("William Ruto", "KEN")


# -------------------------------------------------------------------------------------- participants


def test_participant_recall_counts_actors_of_unmatched_reports_too():
    gold = (gold_encounter(), gold_encounter("k2", people=(TRUMP, ZELENSKY), date="2025-03-19"))
    # the Trump-Zelensky call is reported with the wrong date (no match), but Zelensky is an actor of it
    pred = (predicted_encounter(), predicted_encounter("urn:x:b", people=(TRUMP, ZELENSKY), date="2024-01-01"))
    scores = run({"001": gold}, {"001": pred})
    assert scores.encounters == Counts(tp=1, fp=1, fn=1)
    assert scores.participants == Ratio(3, 3)  # Putin, Trump, Zelensky: each person once per article


def test_participant_recall_misses_people_no_report_names_and_ignores_background():
    gold = (gold_encounter(people=(PUTIN, RUTO)),
            gold_encounter("old", people=(XI, TRUMP), date="2019-06-01", background=True))
    scores = run({"001": gold}, {"001": (predicted_encounter(people=(PUTIN, TRUMP)),)})
    assert scores.participants == Ratio(1, 2)
    assert scores.articles[0].participants.missed == ("William Ruto",)


def test_participant_recall_uses_the_name_rule():
    gold = (gold_encounter(people=(("Volodymyr Zelenskyy", "UKR"), ("Recep Tayyip Erdoğan", "TUR"))),)
    pred = (predicted_encounter(people=(("Zelensky", "UKR"), ("Recep Tayyip Erdogan", "TUR"))),)
    assert run({"001": gold}, {"001": pred}).participants == Ratio(2, 2)


def test_participant_recall_is_per_article():
    scores = run({"001": (gold_encounter(),), "002": (gold_encounter(),)}, {"001": (predicted_encounter(),)})
    assert scores.participants == Ratio(2, 4)


def test_gold_participants_are_distinct_per_article():
    article = GoldArticle(file="001.txt", encounters=(gold_encounter(), gold_encounter("k2", people=(TRUMP, XI))))
    assert gold_participants(article) == ("Vladimir Putin", "Donald Trump", "Xi Jinping")


# -------------------------------------------------------------------------------------- text actors


def _with_text_actor(node: str, name: str, country: str, *, from_text: bool):
    return PredictedParticipant(name, country, node=node, from_text=from_text)


def test_text_actor_share_counts_distinct_actor_nodes():
    ruto = _with_text_actor("urn:actor:ruto", "William Ruto", "KEN", from_text=True)
    putin = _with_text_actor("urn:actor:putin", "Vladimir Putin", "RUS", from_text=False)
    first = replace(predicted_encounter("urn:x:a"), participants=(putin, ruto))
    second = replace(first, node="urn:x:b")
    gold = {"001": (gold_encounter(people=(PUTIN, RUTO)),), "002": (gold_encounter(people=(PUTIN, RUTO)),)}
    scores = run(gold, {"001": (first,), "002": (second,)})
    assert scores.text_actors == Ratio(1, 2)  # Ruto and Putin, each counted once over both articles
    assert EvaluationReport(scores=scores).figures()["text_actor_share"] == 0.5


def test_text_actor_share_only_over_scored_articles():
    gold = {"001": (gold_encounter(),)}
    scores = score({"001": GoldArticle(file="001.txt", encounters=gold["001"])},
                   {"001": PredictedArticle("001", (predicted_encounter(),)),
                    "999": PredictedArticle("999", (predicted_encounter("urn:x:z", people=(XI, RUTO)),))})
    assert scores.text_actors.total == 2 and scores.encounters_without_day.total == 1


# ------------------------------------------------------------------------------------ days, countries


def test_encounter_nodes_without_a_day():
    day = predicted_encounter("urn:x:a")
    month = predicted_encounter("urn:x:b", people=(TRUMP, ZELENSKY), date="2025-03", precision="month")
    undated = predicted_encounter("urn:x:c", people=(XI, PUTIN), date=None, precision=None)
    same_node_dated_elsewhere = predicted_encounter("urn:x:a", date="2025", precision="year")
    scores = run({"001": (gold_encounter(),), "002": (gold_encounter(),)},
                 {"001": (day, month, undated), "002": (same_node_dated_elsewhere,)})
    assert scores.encounters_without_day == Ratio(2, 3)  # b and c; a has a day in article 001
    report = EvaluationReport(scores=scores)
    assert failed_thresholds(report, {"encounters_without_day": 0.5}) == [
        "encounters_without_day: 0.667 > maximum 0.5"]
    assert failed_thresholds(report, {"encounters_without_day": 0.7}) == []


def test_countries_strict_counts_the_countries_of_missed_encounters():
    gold = (gold_encounter(countries=("UKR",)),
            gold_encounter("k2", people=(TRUMP, ZELENSKY), countries=("RUS", "POL"), countries_acceptable=("POL",)))
    scores = run({"001": gold}, {"001": (predicted_encounter(countries=("UKR", "IRN")),)})
    assert scores.countries == Counts(tp=1, fp=1, fn=0)
    assert scores.countries_strict == Counts(tp=1, fp=1, fn=1)  # RUS missed with its call; POL acceptable
    figures = EvaluationReport(scores=scores).figures()
    assert figures["countries_strict_recall"] == 0.5 and figures["countries_f1"] == pytest.approx(2 / 3)


# ---------------------------------------------------------------------------------------------- pool


def test_pool_adds_counts_and_ratios_and_recomputes_the_merge_ratio():
    a = run({"001": (gold_encounter(),), "002": (gold_encounter(),)},
            {"001": (predicted_encounter("urn:x:a"),), "002": (predicted_encounter("urn:x:b"),)})
    b = run({"001": (gold_encounter(), gold_encounter("k2", people=(TRUMP, ZELENSKY)))},
            {"001": (predicted_encounter(date="2025-03", precision="month"),)})
    pooled = pool([a, b])
    assert pooled.encounters == a.encounters + b.encounters == Counts(tp=3, fp=0, fn=1)
    assert (a.merge_ratio, b.merge_ratio, pooled.merge_ratio) == (2.0, 1.0, 1.5)
    assert pooled.date_exact == Ratio(2, 3)
    assert pooled.participants == Ratio(4 + 2, 4 + 3)
    assert pooled.encounters_without_day == Ratio(1, 3)
    assert len(pooled.articles) == 3


def _report(name: str, gold: dict, predicted: dict) -> EvaluationReport:
    gold_articles = {a: GoldArticle(file=f"{a}.txt", encounters=e) for a, e in gold.items()}
    predicted_articles = {a: PredictedArticle(a, e) for a, e in predicted.items()}
    return build_report(Path(name) / "gold.json", gold_articles, predicted_articles, ingested=list(predicted),
                        name=name)


def test_run_json_keeps_the_figures_keys_and_lists_every_set():
    one = _report("dev", {"001": (gold_encounter(),)}, {"001": (predicted_encounter(),)})
    two = _report("dev2", {"001": (gold_encounter(),)}, {"001": ()})
    single = json.loads(json.dumps(EvaluationRun((one,)).to_json()))
    for key in ("encounter_f1", "countries_f1", "stances_f1", "treaties_f1", "date_exact", "participant_recall",
                "text_actor_share", "encounters_without_day", "countries_strict_f1"):
        assert key in single["figures"], key
    assert single["figures"] == one.figures()
    assert [s["name"] for s in single["sets"]] == ["dev"]
    both = json.loads(json.dumps(EvaluationRun((one, two)).to_json()))
    assert both["figures"]["encounter_recall"] == 0.5
    assert both["counts"]["encounter"]["fn"] == 1
    assert [s["figures"]["encounter_recall"] for s in both["sets"]] == [1.0, 0.0]
    assert both["sets"][1]["articles"][0]["participants"]["missed"] == ["Vladimir Putin", "Donald Trump"]


def test_run_text_has_a_table_per_set_and_pooled():
    one = _report("dev", {"001": (gold_encounter(),)}, {"001": (predicted_encounter(),)})
    two = _report("dev2", {"001": (gold_encounter(),)}, {"001": ()})
    table = EvaluationRun((one, two)).table()
    assert table[0].split() == ["figure", "dev", "dev2", "pooled"]
    row = next(line for line in table if line.startswith("encounters P/R/F1"))
    assert row.split()[-3:] == ["1.000/1.000/1.000", "1.000/0.000/0.000", "1.000/0.500/0.667"]
    recall = next(line for line in table if line.startswith("participant recall"))
    assert recall.endswith("0.500 (2/4)")
    text = EvaluationRun((one, two)).render_summary()
    assert "== dev: dev/gold.json, 1 article(s) scored ==" in text and "Per set and pooled" in text
    assert EvaluationRun((one,)).render_summary() == one.render_summary()  # one set: as before


# ------------------------------------------------------------------------------------------ coverage


def test_missing_gold_articles_are_an_error_naming_them_unless_partial():
    report = _report("dev", {"001": (gold_encounter(),), "002": (), "003": ()}, {"001": ()})
    with pytest.raises(InputError) as caught:
        check_coverage(report)
    assert "2 gold article(s) not in the input: 002, 003" in caught.value.message
    assert "--partial" in caught.value.message
    check_coverage(report, partial=True)


def test_nothing_scored_is_an_error_even_when_partial():
    report = _report("dev", {"001": (gold_encounter(),)}, {"a": (), "b": ()})
    with pytest.raises(InputError) as caught:
        check_coverage(report, partial=True)
    assert "nothing to score" in caught.value.message and "a, b" in caught.value.message


def test_a_long_list_of_missing_articles_is_shortened():
    report = _report("dev", {f"{i:03d}": () for i in range(30)} | {"100": (gold_encounter(),)}, {"100": ()})
    with pytest.raises(InputError, match="and 18 more"):
        check_coverage(report)


def test_a_gold_file_nested_deep_is_a_clear_error(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text('{"articles": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    with pytest.raises(InputError, match="nested too deeply"):
        load_gold(path)


# ---------------------------------------------------------------------------------------------- sets


def _set_dir(root: Path, name: str) -> Path:
    (root / name / "articles").mkdir(parents=True)
    (root / name / "gold.json").write_text('{"articles": []}', encoding="utf-8")
    return root / name


def test_set_folders_and_gold_groups(tmp_path):
    dev, dev2 = _set_dir(tmp_path, "dev"), _set_dir(tmp_path, "dev2")
    sets = resolve_sets([], [str(dev), str(dev2)])
    assert [(s.name, s.gold, s.articles) for s in sets] == [
        ("dev", dev / "gold.json", (dev / "articles",)), ("dev2", dev2 / "gold.json", (dev2 / "articles",))]
    groups = resolve_sets([[str(dev / "gold.json"), str(dev / "articles" / "a.txt")], [str(dev2 / "gold.json")]], [])
    assert [(s.name, s.articles) for s in groups] == [("dev", (dev / "articles" / "a.txt",)),
                                                      ("dev2", (dev2 / "articles",))]


def test_one_gold_with_positional_articles_is_the_one_set_form(tmp_path):
    dev = _set_dir(tmp_path, "dev")
    (sole,) = resolve_sets([[str(dev / "gold.json")]], [str(dev / "articles")])
    assert sole.articles == (dev / "articles",)


def test_repeated_set_names_are_made_unique(tmp_path):
    dev = _set_dir(tmp_path, "dev")
    other = tmp_path / "other.json"
    other.write_text('{"articles": []}', encoding="utf-8")
    names = [s.name for s in resolve_sets([[str(other), str(dev)]], [str(dev), str(dev)])]
    assert names == ["other", "dev", "dev-2"]


def test_bad_set_arguments_are_clear_errors(tmp_path):
    dev = _set_dir(tmp_path, "dev")
    with pytest.raises(InputError, match="nothing to evaluate"):
        resolve_sets([], [])
    with pytest.raises(InputError, match="not an evaluation set"):
        resolve_sets([], [str(dev / "articles")])
    with pytest.raises(InputError, match="give each gold file its articles after it"):
        resolve_sets([[str(dev / "gold.json")], [str(dev / "gold.json")]], [str(dev / "articles")])
    lone = tmp_path / "lone.json"
    lone.write_text('{"articles": []}', encoding="utf-8")
    with pytest.raises(InputError, match="no articles/ folder beside it"):
        resolve_sets([[str(lone)]], [])


# ----------------------------------------------------------------------------------- store read-back


def test_read_predictions_marks_actors_typed_text_actor():
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.evaluation.predictions import read_predictions
    from kg.rdf.vocab import KG, RDF, RDFS
    from kg.store import open_store

    def n(value: str) -> NamedNode:
        return NamedNode(value)

    graph, article, encounter = n("urn:test:graph/001"), n("urn:test:article/001"), n("urn:test:encounter/1")
    known, read = n("urn:test:person/known"), n("urn:test:person/read")
    quads = [Quad(article, n(RDF.type), n(KG.Article), graph),
             Quad(article, n(KG.articleId), Literal("001"), graph),
             Quad(encounter, n(RDF.type), n(KG.Encounter), graph),
             Quad(encounter, n(KG.reportedBy), article, graph),
             Quad(encounter, n(KG.participant), known, graph),
             Quad(encounter, n(KG.participant), read, graph),
             Quad(read, n(RDF.type), n(KG.TextActor), graph),
             Quad(read, n(RDFS.label), Literal("William Ruto"), graph),
             Quad(known, n(RDFS.label), Literal("Vladimir Putin"), n("urn:test:graph/reference"))]
    store = open_store("memory:")
    store.replace_graphs({graph: quads[:-1], n("urn:test:graph/reference"): quads[-1:]})
    (predicted,) = read_predictions(store)["001"].encounters
    marks = {p.name: (p.node, p.from_text) for p in predicted.participants}
    assert marks == {"Vladimir Putin": (known.value, False), "William Ruto": (read.value, True)}
