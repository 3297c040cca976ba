"""People built from the Wikidata leaders table: the build script on small tables written here, the merge
with curated people on hand-made records, and the shipped files (current, merged, dated)."""

from __future__ import annotations

import importlib.util
import json
import sys
import types
from datetime import date
from pathlib import Path

import pytest

from kg.gazetteer import GENERATED_PEOPLE_FILE, PEOPLE_FILE, OfficeTerm, Person, load_gazetteer
from kg.gazetteer.people import CuratedIndex, fold_name, merge_people

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "gazetteer"
TABLE = ROOT.parent / "shared" / "data" / "wikidata-leaders" / "leaders.csv"
HEADER = ("person_qid,person_label,country_qid,country,position_qid,position,role,start_year,end_year,"
          "first_seen,last_seen")


@pytest.fixture(scope="module")
def script() -> types.ModuleType:
    path = ROOT / "scripts" / "build_people_wikidata.py"
    spec = importlib.util.spec_from_file_location("build_people_wikidata", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def term(role: str, of: str, start: date, end: date | None, title: str = "Office") -> OfficeTerm:
    return OfficeTerm(title=title, role=role, of=of, start=start, end=end)


def person(pid: str, name: str, country: str, *offices: OfficeTerm, qid: str | None = None,
           aliases: tuple[str, ...] = ()) -> Person:
    return Person(id=pid, name=name, wikidata=qid, aliases=aliases, country=country, offices=offices)


PM = ("head_of_government", "KAZ")


# ------------------------------------------------------------------------------------------- merging


def test_same_wikidata_id_merges_and_curated_wins():
    curated = person("jane-roe", "Jane Roe", "KAZ", term(*PM, date(2019, 2, 25), date(2022, 1, 5)), qid="Q1",
                     aliases=("Roe",))
    generated = person("jane-roe-of-kazakhstan", "Jane Roe of Kazakhstan", "KAZ",
                       term(*PM, date(2019, 1, 1), date(2023, 1, 1)),
                       term("head_of_state", "KAZ", date(2024, 1, 1), None, "President"), qid="Q1")
    merged = merge_people({"jane-roe": curated}, [generated])
    assert list(merged) == ["jane-roe"]
    jane = merged["jane-roe"]
    assert (jane.name, jane.aliases, jane.wikidata) == ("Jane Roe", ("Roe",), "Q1")
    # the curated premiership stays as typed; the presidency, a role curated has no term in, is added
    assert [(t.role, t.start, t.end) for t in jane.offices] == [
        ("head_of_government", date(2019, 2, 25), date(2022, 1, 5)), ("head_of_state", date(2024, 1, 1), None)]


def test_same_name_and_country_merge_only_without_a_different_id():
    curated = person("ana-lima", "Ana Lima", "BRA", term("minister", "BRA", date(2020, 1, 1), None))
    same = person("ana-lima", "Ána Líma", "BRA", term("head_of_state", "BRA", date(2023, 1, 1), None), qid="Q7")
    assert merge_people({"ana-lima": curated}, [same])["ana-lima"].wikidata == "Q7"
    known = person("ana-lima", "Ana Lima", "BRA", term("minister", "BRA", date(2020, 1, 1), None), qid="Q5")
    other = person("ana-lima", "Ana Lima", "BRA", term("head_of_state", "BRA", date(2023, 1, 1), None), qid="Q9")
    assert CuratedIndex([known]).match(other) is None  # another person of the same name
    assert CuratedIndex([known]).namesakes(other) == [known]
    renamed = person("ana-lima", "Ana M. Lima", "BRA", term("head_of_state", "BRA", date(2023, 1, 1), None), qid="Q9")
    merged = merge_people({"ana-lima": known}, [renamed])
    assert sorted(merged) == ["ana-lima", "ana-lima-q9"] and merged["ana-lima"] == known


def test_texts_of_curated_people_stay_theirs():
    curated = person("li-wei", "Li Wei", "CHN", term("minister", "CHN", date(2020, 1, 1), None), aliases=("Wei Li",))
    namesake = person("li-wei", "Li Wei", "SGP", term("head_of_state", "SGP", date(2021, 1, 1), None), qid="Q4")
    alias = person("wei-li-tan", "Wei Li Tan", "SGP", term("head_of_state", "SGP", date(2023, 1, 1), None), qid="Q6",
                   aliases=("Wei Li", "Tan Wei Li"))
    merged = merge_people({"li-wei": curated}, [namesake, alias])
    assert sorted(merged) == ["li-wei", "wei-li-tan"]  # the namesake of another country is left out
    assert merged["wei-li-tan"].aliases == ("Tan Wei Li",)
    assert merged["li-wei"] == curated


def test_a_spelling_variant_with_a_shared_term_is_the_same_person():
    curated = person("askar-mamin", "Askar Mamin", "KAZ", term(*PM, date(2019, 2, 25), date(2022, 1, 5)))
    variant = person("asqar-mamin", "Asqar Mamin", "KAZ", term(*PM, date(2019, 1, 1), date(2023, 1, 1)), qid="Q2")
    assert CuratedIndex([curated]).match(variant) is curated


def test_a_surname_romanized_otherwise_with_a_single_holder_term_is_the_same_person():
    """"Tokayev" / "Toqaev": two spellings of one president; a role with one holder at a time decides."""
    curated = person("dauren-tokayev", "Dauren Tokayev", "KAZ", term("head_of_state", "KAZ", date(2019, 3, 20), None))
    variant = person("dauren-toqaev", "Dáuren Toqaev", "KAZ", term("head_of_state", "KAZ", date(2019, 1, 1), None),
                     qid="Q8")
    assert CuratedIndex([curated]).match(variant) is curated
    # ministers of one state are many at a time, and short surnames differ by two letters too easily
    minister = person("dauren-tokayev", "Dauren Tokayev", "KAZ", term("minister", "KAZ", date(2019, 3, 20), None))
    other = person("dauren-toqaev", "Dauren Toqaev", "KAZ", term("minister", "KAZ", date(2019, 1, 1), None), qid="Q8")
    assert CuratedIndex([minister]).match(other) is None
    short = person("ali-kim", "Ali Kim", "KAZ", term("head_of_state", "KAZ", date(2019, 3, 20), None))
    near = person("ali-kam", "Ali Kaam", "KAZ", term("head_of_state", "KAZ", date(2019, 1, 1), None), qid="Q9")
    assert CuratedIndex([short]).match(near) is None


def test_a_successor_of_the_same_family_is_not_merged():
    father = person("khalid-al-x", "Khalid bin Said Al X", "ARE",
                    term("head_of_state", "ARE", date(2004, 11, 3), date(2022, 5, 13)))
    son = person("omar-al-x", "Omar bin Khalid Al X", "ARE", term("head_of_state", "ARE", date(2022, 1, 1), None),
                 qid="Q3")
    # same surname, same office, but the terms overlap only in the handover year
    assert CuratedIndex([father]).match(son) is None


def test_fold_name():
    assert fold_name("Recep Tayyip Erdoğan") == "recep tayyip erdogan"
    assert fold_name("Ferdinand Marcos Jr.") == "ferdinand marcos"


# ------------------------------------------------------------------------------------------- the build


def _gazetteer_dir(tmp_path: Path, curated: list[dict]) -> Path:
    folder = tmp_path / "gazetteer"
    folder.mkdir()
    countries = [{"iso3": "KEN", "iso2": "KE", "name": "Kenya", "official_name": None, "wikidata": "Q114",
                  "aliases": [], "demonyms": ["Kenyan"], "capitals": [], "metonyms": []},
                 {"iso3": "ESP", "iso2": "ES", "name": "Spain", "official_name": None, "wikidata": "Q29",
                  "aliases": [], "demonyms": ["Spanish"], "capitals": [], "metonyms": []}]
    (folder / "countries.jsonl").write_text("".join(json.dumps(c) + "\n" for c in countries), encoding="utf-8")
    (folder / "organizations.jsonl").write_text("", encoding="utf-8")
    (folder / "treaties.jsonl").write_text("", encoding="utf-8")
    (folder / PEOPLE_FILE).write_text("".join(json.dumps(p, separators=(",", ":")) + "\n" for p in curated),
                                      encoding="utf-8")
    (folder / "people_wikidata_overlay.jsonl").write_text(
        '{"wikidata":"Q40","name":"Juan Ortiz","_why":"the label is wrong"}\n', encoding="utf-8")
    return folder


ROWS = [
    "Q10,Amos Oduya,Q114,Kenya,Q500,President of Kenya,head_of_state,2013,2022,2021-08-26,2026",
    "Q11,Beth Wanjiru,Q114,Kenya,Q500,President of Kenya,head_of_state,2022,,2022-09-11,2026",
    "Q12,Chege Kamau,Q114,Kenya,Q501,Prime Cabinet Secretary,head_of_government,2019,,2021-08-26,2022-10-10",
    "Q13,Dan Otieno,Q114,Kenya,Q501,Prime Cabinet Secretary,head_of_government,2023,,2023-06-03,2026",
    "Q14,Esther Njeri,Q114,Kenya,Q502,Deputy Something,other,2020,,2021-08-26,2022-10-10",
    "Q14,Esther Njeri,Q114,Kenya,Q507,Deputy Something,other,2020,,2022-10-10,2023-06-03",
    "Q20,Felipe IX of Spain,Q29,Spain,Q503,Monarch of Spain,head_of_state,2014,,2021-08-26,2026",
    "Q20,Felipe IX of Spain,Q29,Spain,Q503,Monarch of Spain,head_of_state,2015,,2021-08-26,2022-01-01",
    "Q30,Gil Abkhaz,Q31354462,Republic of Abkhazia,Q504,President of Abkhazia,head_of_state,2020,,2021-08-26,2026",
    "Q31,Q31,Q114,Kenya,Q505,Governor-General of Kenya,governor_general,2024,,2026,2026",
    "Q40,Jaun Ortz,Q29,Spain,Q506,President of the Government of Spain,head_of_government,2018,,2024-03-16,2026",
]


def _build(script: types.ModuleType, tmp_path: Path, curated: list[dict] | None = None):
    table = tmp_path / "leaders.csv"
    table.write_text(HEADER + "\n" + "\n".join(ROWS) + "\n", encoding="utf-8")
    folder = _gazetteer_dir(tmp_path, curated or [])
    return script.build(table, folder), folder, table


def test_build_turns_rows_into_people_with_year_terms(script, tmp_path):
    result, _, _ = _build(script, tmp_path)
    people = {r["wikidata"]: r for r in result.records}
    assert sorted(people) == ["Q10", "Q11", "Q12", "Q13", "Q14", "Q20", "Q40"]  # no Abkhazia, no bare id
    assert result.skipped["row of an entity without an ISO code (Republic of Abkhazia)"] == 1
    assert result.skipped["person without a name (a bare Wikidata id as label)"] == 1

    def offices(qid: str) -> list[tuple[str, str, str | None]]:
        return [(o["role"], o["start"], o["end"]) for o in people[qid]["offices"]]

    assert offices("Q10") == [("head_of_state", "2013", "2023")]  # ended in 2022: covers all of 2022
    assert offices("Q11") == [("head_of_state", "2022", None)]  # still listed by the last version
    assert offices("Q12") == [("head_of_government", "2019", "2024")]  # a successor started in 2023
    # two items of one title are one office; gone after 2023-06-03, and the next version is of 2024
    assert offices("Q14") == [("official", "2020", "2025")]
    assert offices("Q20") == [("head_of_state", "2014", None)]  # two rows of one term joined
    assert (people["Q20"]["name"], people["Q20"]["aliases"]) == ("Felipe IX", ["Felipe IX of Spain"])
    assert people["Q20"]["id"] == "felipe-ix"
    assert people["Q40"]["name"] == "Juan Ortiz"  # from the overlay
    assert people["Q10"]["country"] == "KEN" and people["Q10"]["offices"][0]["title"] == "President of Kenya"


def test_handover_year_has_two_holders_and_later_years_one(script, tmp_path):
    result, folder, _ = _build(script, tmp_path)
    (folder / GENERATED_PEOPLE_FILE).write_text(script.render(result.records), encoding="utf-8")
    gaz = load_gazetteer(folder)
    assert [p.name for p in gaz.holders("KEN", "head_of_state", date(2024, 3, 1))] == ["Beth Wanjiru"]
    assert [p.name for p in gaz.holders("KEN", "head_of_state", date(2021, 3, 1))] == ["Amos Oduya"]
    assert len(gaz.holders("KEN", "head_of_state", date(2022, 3, 1))) == 2  # unknown day of the handover


def test_curated_people_get_the_ids_and_keep_everything_else(script, tmp_path):
    curated = [{"id": "amos-oduya", "name": "Amos Oduya", "wikidata": None, "aliases": ["Oduya"], "country": "KEN",
                "offices": [{"title": "President of Kenya", "role": "head_of_state", "of": "KEN",
                             "start": "2013-04-09", "end": "2022-09-13"}]},
               {"id": "felipe-ix", "name": "Felipe IX", "wikidata": "Q99", "aliases": [], "country": "ESP",
                "offices": [{"title": "King of Spain", "role": "head_of_state", "of": "ESP", "start": "2014-06-19",
                             "end": None}]}]
    result, folder, _ = _build(script, tmp_path, curated)
    text, conflicts = script.curated_with_ids((folder / PEOPLE_FILE).read_text(encoding="utf-8"), result.records,
                                              folder)
    lines = [json.loads(line) for line in text.splitlines()]
    assert lines[0] == {**curated[0], "wikidata": "Q10"}
    assert lines[1] == curated[1]  # a different id is reported, never changed
    assert conflicts == ["felipe-ix has Q99, the table says Q20"]
    assert script.curated_with_ids(text, result.records, folder)[0] == text  # a second run changes nothing


def test_a_table_with_other_columns_is_refused(script, tmp_path):
    table = tmp_path / "leaders.csv"
    table.write_text("qid,label\nQ1,A\n", encoding="utf-8")
    with pytest.raises(script.BuildError, match="expected the columns"):
        script.build(table, _gazetteer_dir(tmp_path, []))


# ------------------------------------------------------------------------------------- shipped files


@pytest.mark.skipif(not TABLE.is_file(), reason="the Wikidata leaders table (../shared/data) is not beside the repo")
def test_shipped_files_are_what_the_script_builds(script):
    result = script.build(TABLE, DATA)
    assert script.render(result.records) == (DATA / GENERATED_PEOPLE_FILE).read_text(encoding="utf-8"), \
        "people_wikidata.jsonl is out of date: run python scripts/build_people_wikidata.py"
    curated = (DATA / PEOPLE_FILE).read_text(encoding="utf-8")
    assert script.curated_with_ids(curated, result.records, DATA)[0] == curated, \
        "people.jsonl lacks Wikidata ids the table gives: run python scripts/build_people_wikidata.py"


def test_shipped_gazetteer_merges_the_generated_people():
    gaz = load_gazetteer(DATA)
    curated = sum(1 for line in (DATA / PEOPLE_FILE).read_text(encoding="utf-8").splitlines() if line.strip())
    assert len(gaz.people) > curated + 500
    share = sum(1 for p in gaz.people.values() if p.wikidata) / len(gaz.people)
    assert share > 0.7
    assert [p.name for p in gaz.holders("KEN", "head_of_state", date(2024, 5, 1))] == ["William Ruto"]
    assert gaz.people["vladimir-putin"].wikidata == "Q7747"
    assert gaz.people["felipe-vi"].offices[0].start == date(2014, 6, 19)  # the curated term, not the table's year
    for p in gaz.people.values():  # an office term's IRI is minted from its title and start: one end each
        ends = {(t.title, t.start): t.end for t in p.offices}
        assert all(ends[(t.title, t.start)] == t.end for t in p.offices), p.id
