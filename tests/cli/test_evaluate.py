"""``kg evaluate`` through its entry point: one set, several sets, thresholds, and the inputs it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main

ARTICLES = {
    "alpha": {"a1.txt": "Title: Xi and Putin speak by phone\nPublished: 2025-06-03\n\nChinese President Xi Jinping "
                        "held a phone call with Russian President Vladimir Putin on Monday. The two leaders discussed "
                        "the situation in Iran.\n"},
    "beta": {"b1.txt": "Title: Erdogan hosts Zelensky\nPublished: 2025-07-10\n\nTurkish President Recep Tayyip "
                       "Erdogan met Ukrainian President Volodymyr Zelensky in Ankara on Wednesday. They talked about "
                       "the war and about Syria.\n",
             "b2.txt": "Title: Markets\nPublished: 2025-07-10\n\nStocks rose in Tokyo on Wednesday.\n"},
}
GOLD = {
    "alpha": [{"file": "a1.txt", "encounters": [
        {"key": "k1", "type": "phone_call", "date": "2025-06-02", "countries_discussed": ["IRN"],
         "participants": [{"name": "Xi Jinping", "country": "CHN"}, {"name": "Vladimir Putin", "country": "RUS"}]}]}],
    "beta": [{"file": "b1.txt", "encounters": [
        {"key": "k2", "type": "meeting", "date": "2025-07-09", "countries_discussed": ["SYR"],
         "participants": [{"name": "Recep Tayyip Erdoğan", "country": "TUR"},
                          {"name": "Volodymyr Zelensky", "country": "UKR"}]},
        {"key": "k3", "type": "phone_call", "date": "2025-07-08", "countries_discussed": ["RUS"],
         "participants": [{"name": "Volodymyr Zelensky", "country": "UKR"},
                          {"name": "Emmanuel Macron", "country": "FRA"}]}]},
             {"file": "b2.txt", "encounters": []}],
}


@pytest.fixture(scope="module")
def sets(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("sets")
    for name, files in ARTICLES.items():
        (root / name / "articles").mkdir(parents=True)
        for file, text in files.items():
            (root / name / "articles" / file).write_text(text, encoding="utf-8")
        (root / name / "gold.json").write_text(json.dumps({"articles": GOLD[name]}), encoding="utf-8")
    return {name: root / name for name in ARTICLES}


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["evaluate", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_one_set_as_before(sets, capsys, tmp_path):
    alpha = sets["alpha"]
    out_json = tmp_path / "alpha.json"
    code, out, _ = _run(capsys, "--gold", str(alpha / "gold.json"), str(alpha / "articles"), "--json", str(out_json),
                        "--min-encounter-f1", "1.0", "--min-participant-recall", "1.0")
    assert code == 0
    assert out.splitlines()[0].split() == ["figure", "P", "R", "F1", "TP", "FP", "FN"]
    data = json.loads(out_json.read_text(encoding="utf-8"))
    figures = data["figures"]
    assert (figures["encounter_f1"], figures["countries_f1"], figures["date_exact"]) == (1.0, 1.0, 1.0)
    assert figures["stances_f1"] == figures["treaties_f1"] == 1.0  # nothing to find, nothing found
    assert figures["participant_recall"] == 1.0 and figures["encounters_without_day"] == 0.0
    assert [s["name"] for s in data["sets"]] == ["alpha"]


def test_several_sets_per_set_and_pooled(sets, capsys, tmp_path):
    out_json = tmp_path / "both.json"
    code, out, _ = _run(capsys, str(sets["alpha"]), str(sets["beta"]), "--json", str(out_json))
    assert code == 0
    assert "== alpha: " in out and "== beta: " in out
    table = out[out.index("Per set and pooled"):].splitlines()
    assert table[2].split() == ["figure", "alpha", "beta", "pooled"]
    assert next(r for r in table if r.startswith("articles scored")).split()[-3:] == ["1", "2", "3"]
    data = json.loads(out_json.read_text(encoding="utf-8"))
    per_set = {s["name"]: s for s in data["sets"]}
    assert per_set["beta"]["counts"]["encounter"]["fn"] == 1  # the Zelensky-Macron call is not in the text
    pooled = data["counts"]["encounter"]
    assert (pooled["tp"], pooled["fp"], pooled["fn"]) == (2, 0, 1)
    assert data["ratios"]["participant_recall"] == {"hits": 4, "total": 5, "value": 0.8}  # Macron not found
    assert per_set["beta"]["counts"]["countries_strict"]["fn"] == 1  # RUS of the missed call
    assert data["counts"]["countries"]["fn"] == 0


def test_gold_groups_and_pooled_thresholds(sets, capsys):
    alpha, beta = sets["alpha"], sets["beta"]
    code, _, err = _run(capsys, "--gold", str(alpha / "gold.json"), "--gold", str(beta / "gold.json"),
                        str(beta / "articles"), "--target", "encounter_recall=0.9", "--min-encounter-f1", "0.5")
    assert code == 1
    assert "encounter_recall: 0.667 < minimum 0.9" in err and "encounter_f1" not in err
    code, _, err = _run(capsys, str(alpha), "--target", "encounter_recall=high")
    assert code == 2 and "--target wants FIGURE=NUMBER" in err
    code, _, err = _run(capsys, str(alpha), "--target", "encounter_rekall=0.5")
    assert code == 2 and "unknown threshold(s): encounter_rekall" in err


def test_gold_articles_missing_from_the_input_are_an_error(sets, capsys):
    beta = sets["beta"]
    code, _, err = _run(capsys, "--gold", str(beta / "gold.json"), str(beta / "articles" / "b1.txt"),
                        "--min-encounter-f1", "0")
    assert code == 2
    assert "1 gold article(s) not in the input: b2" in err
    code, out, _ = _run(capsys, "--gold", str(beta / "gold.json"), str(beta / "articles" / "b1.txt"), "--partial")
    assert code == 0 and "encounters" in out


def test_nothing_scored_is_an_error(sets, capsys):
    code, _, err = _run(capsys, "--gold", str(sets["alpha"] / "gold.json"), str(sets["beta"] / "articles"),
                        "--partial", "--min-encounter-f1", "0.5")
    assert code == 2
    assert "nothing to score" in err and "b1, b2" in err


def test_a_deeply_nested_gold_file_is_refused_before_any_ingest(sets, capsys, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"articles": ' + "[" * 50_000 + "]" * 50_000 + "}", encoding="utf-8")
    code, _, err = _run(capsys, str(sets["alpha"]), "--gold", str(deep), str(sets["alpha"] / "articles"))
    assert code == 2
    assert "nested too deeply" in err and "Traceback" not in err


def test_a_folder_that_is_not_a_set(sets, capsys):
    code, _, err = _run(capsys, str(sets["alpha"] / "articles"))
    assert code == 2
    assert "not an evaluation set" in err
