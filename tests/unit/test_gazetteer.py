"""The gazetteer: the real data in data/gazetteer/ and the loader's validation."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kg.errors import GazetteerError
from kg.gazetteer import (
    COUNTRIES_FILE,
    ORGANIZATIONS_FILE,
    PEOPLE_FILE,
    TREATIES_FILE,
    Gazetteer,
    load_gazetteer,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "gazetteer"
G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()
# Territories with no standard English demonym (uninhabited, or with no settled form).
NO_DEMONYM = {
    "ATA",
    "ATF",
    "BES",
    "BLM",
    "BVT",
    "GGY",
    "HMD",
    "IOT",
    "JEY",
    "MAF",
    "SGS",
    "SJM",
    "SPM",
    "SXM",
    "UMI",
    "VAT",
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(DATA)


def forms_of(gaz: Gazetteer, text: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.ref, f.form) for f in gaz.surface_forms() if f.text == text]


# ------------------------------------------------------------------------ countries


def test_all_iso_countries_and_kosovo(gaz: Gazetteer) -> None:
    assert len(gaz.countries) >= 250
    kosovo = gaz.countries["XKX"]
    assert (kosovo.iso2, kosovo.name, kosovo.wikidata) == ("XK", "Kosovo", "Q1246")


@pytest.mark.parametrize(
    ("iso3", "name", "qid"),
    [
        ("RUS", "Russia", "Q159"),
        ("CHN", "China", "Q148"),
        ("IRN", "Iran", "Q794"),
        ("VEN", "Venezuela", "Q717"),
        ("CUB", "Cuba", "Q241"),
        ("USA", "United States", "Q30"),
        ("UKR", "Ukraine", "Q212"),
        ("TWN", "Taiwan", "Q865"),
        ("PSE", "Palestine", "Q219060"),
        ("TUR", "Turkey", "Q43"),
        ("KOR", "South Korea", "Q884"),
        ("PRK", "North Korea", "Q423"),
    ],
)
def test_key_countries(gaz: Gazetteer, iso3: str, name: str, qid: str) -> None:
    country = gaz.countries[iso3]
    assert (country.name, country.wikidata) == (name, qid)


def test_codes_names_and_demonyms(gaz: Gazetteer) -> None:
    missing = []
    for iso3, country in gaz.countries.items():
        assert country.iso3 == iso3 and len(iso3) == 3 and len(country.iso2) == 2
        assert country.name
        if not country.demonyms and iso3 not in NO_DEMONYM:
            missing.append(iso3)
    assert missing == []
    assert all(not gaz.countries[code].demonyms for code in NO_DEMONYM)


def test_country_surface_forms(gaz: Gazetteer) -> None:
    assert ("country", "RUS", "metonym") in forms_of(gaz, "the Kremlin")
    assert ("country", "UKR", "capital") in forms_of(gaz, "Kyiv")
    assert ("country", "UKR", "capital") in forms_of(gaz, "Kiev")
    assert ("country", "USA", "metonym") in forms_of(gaz, "the White House")
    assert ("country", "USA", "alias") in forms_of(gaz, "U.S.")
    assert ("country", "CHN", "alias") in forms_of(gaz, "PRC")
    assert ("country", "CHN", "alias") in forms_of(gaz, "People’s Republic of China")  # typographic apostrophe
    assert ("country", "TUR", "alias") in forms_of(gaz, "Türkiye")
    assert ("country", "VAT", "alias") in forms_of(gaz, "the Vatican")
    assert ("country", "IRN", "demonym") in forms_of(gaz, "Iranian")
    assert ("country", "GBR", "demonym") in forms_of(gaz, "British")


def test_demonym_of_two_countries_is_left_out(gaz: Gazetteer) -> None:
    assert "Congolese" in gaz.countries["COD"].demonyms and "Congolese" in gaz.countries["COG"].demonyms
    assert forms_of(gaz, "Congolese") == []


def test_no_text_names_two_entries_of_one_kind(gaz: Gazetteer) -> None:
    counts = Counter((f.kind, f.text) for f in gaz.surface_forms())
    assert [key for key, n in counts.items() if n > 1] == []


# ------------------------------------------------------------------------ people


def test_putin_president_on_call_day(gaz: Gazetteer) -> None:
    offices = gaz.people["vladimir-putin"].offices_on(date(2026, 2, 4))
    assert [(o.role, o.of) for o in offices] == [("head_of_state", "RUS")]


def test_biden_term(gaz: Gazetteer) -> None:
    biden = gaz.people["joe-biden"]
    assert ("head_of_state", "USA") in {(o.role, o.of) for o in biden.offices_on(date(2022, 11, 14))}
    assert not any(o.role == "head_of_state" for o in biden.offices_on(date(2025, 3, 18)))


def test_holders(gaz: Gazetteer) -> None:
    assert [p.id for p in gaz.holders("USA", "head_of_state", date(2025, 3, 18))] == ["donald-trump"]
    assert [p.id for p in gaz.holders("CHN", "head_of_state", date(2022, 11, 14))] == ["xi-jinping"]
    assert [p.id for p in gaz.holders("IND", "head_of_government", date(2023, 6, 30))] == ["narendra-modi"]
    assert [p.id for p in gaz.holders("TUR", "head_of_state", date(2023, 1, 5))] == ["recep-tayyip-erdogan"]
    assert [p.id for p in gaz.holders("UKR", "head_of_state", date(2025, 2, 12))] == ["volodymyr-zelensky"]
    assert [p.id for p in gaz.holders("UN", "organization_head", date(2024, 1, 1))] == ["antonio-guterres"]
    ever = [p.id for p in gaz.holders("USA", "head_of_state", None)]
    assert ever.index("barack-obama") < ever.index("donald-trump") < ever.index("joe-biden")


@pytest.mark.parametrize("iso3", G20)
def test_every_g20_member_has_a_head_of_state(gaz: Gazetteer, iso3: str) -> None:
    assert len(gaz.holders(iso3, "head_of_state", date(2024, 1, 1))) == 1
    assert len(gaz.holders(iso3, "head_of_government", date(2024, 1, 1))) == 1


def test_people_named_in_the_articles(gaz: Gazetteer) -> None:
    for text, person in [
        ("Zelenskyy", "volodymyr-zelensky"),
        ("Zelensky", "volodymyr-zelensky"),
        ("Erdogan", "recep-tayyip-erdogan"),
        ("Xi", "xi-jinping"),
        ("Peskov", "dmitry-peskov"),
        ("Ushakov", "yuri-ushakov"),
        ("Joseph R. Biden, Jr.", "joe-biden"),
        ("Pope Leo XIV", "pope-leo-xiv"),
        ("Yevgeny Prigozhin", "yevgeny-prigozhin"),
        ("Ibrahim Kalin", "ibrahim-kalin"),
        ("Hua Chunying", "hua-chunying"),
    ]:
        assert [(k, r) for k, r, _form in forms_of(gaz, text)] == [("person", person)], text
    vance = gaz.people["jd-vance"]
    assert vance.offices_on(date(2025, 2, 14))[0].title == "Vice President of the United States"


def test_people_ids_and_countries(gaz: Gazetteer) -> None:
    for person_id, person in gaz.people.items():
        assert person_id == person.id and person.id.isascii() and person.id == person.id.lower()
        assert person.country in gaz.countries
        assert person.offices


# ------------------------------------------------------------------------ organizations and treaties


def test_organizations(gaz: Gazetteer) -> None:
    for org_id in [
        "UN",
        "NATO",
        "EU",
        "G7",
        "G20",
        "BRICS",
        "SCO",
        "APEC",
        "ASEAN",
        "Hamas",
        "PKK",
        "YPG",
        "Wagner-Group",
    ]:
        assert org_id in gaz.organizations, org_id
    assert set(gaz.organizations["G7"].members) == {"CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"}
    assert set(G20) == set(gaz.organizations["G20"].members)
    assert len(gaz.organizations["NATO"].members) == 32
    assert ("organization", "SCO", "name") in forms_of(gaz, "Shanghai Cooperation Organisation")
    assert ("organization", "G20", "alias") in forms_of(gaz, "Group of 20")


def test_treaties(gaz: Gazetteer) -> None:
    good = gaz.treaties["treaty-of-good-neighborliness-2001"]
    assert (good.year, good.parties) == (2001, ("CHN", "RUS"))
    assert ("treaty", "black-sea-grain-initiative-2022", "alias") in forms_of(gaz, "grain corridor agreement")
    assert ("treaty", "three-joint-communiques", "alias") in forms_of(gaz, "three US-China joint communiques")
    assert ("treaty", "military-maritime-consultative-agreement-1998", "name") in forms_of(
        gaz, "Military Maritime Consultative Agreement"
    )
    assert gaz.treaties["new-start-2010"].parties == ("RUS", "USA")


# ------------------------------------------------------------------------ validation


def _write(directory: Path, files: dict[str, list[str]]) -> Path:
    base = {
        COUNTRIES_FILE: [
            json.dumps(
                {
                    "iso3": code,
                    "iso2": code[:2],
                    "name": code,
                    "official_name": None,
                    "wikidata": None,
                    "aliases": [],
                    "demonyms": [],
                    "capitals": [],
                    "metonyms": [],
                }
            )
            for code in ("RUS", "USA")
        ],
        ORGANIZATIONS_FILE: [
            json.dumps(
                {
                    "id": "UN",
                    "name": "United Nations",
                    "short": "UN",
                    "wikidata": "Q1065",
                    "aliases": [],
                    "kind": "intergovernmental",
                }
            )
        ],
        PEOPLE_FILE: [_person("a-b", "RUS")],
        TREATIES_FILE: [
            json.dumps(
                {"id": "t-1", "name": "T", "year": 2010, "parties": ["RUS", "USA"], "wikidata": None, "aliases": []}
            )
        ],
    }
    base.update(files)
    for name, lines in base.items():
        (directory / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def _person(person_id: str, of: str, **extra: object) -> str:
    office = {"title": "President", "role": "head_of_state", "of": of, "start": "2000-05-07", "end": None}
    record = {"id": person_id, "name": "A B", "wikidata": None, "aliases": [], "country": "RUS", "offices": [office]}
    record.update(extra)
    return json.dumps(record)


def test_minimal_valid_directory(tmp_path: Path) -> None:
    gaz = load_gazetteer(_write(tmp_path, {PEOPLE_FILE: ["", _person("a-b", "UN"), "   "]}))
    assert gaz.people["a-b"].offices[0].of == "UN"


@pytest.mark.parametrize(
    ("files", "where", "message"),
    [
        ({PEOPLE_FILE: [_person("a-b", "RUS"), "{not json"]}, PEOPLE_FILE + ":2", "not valid JSON"),
        ({PEOPLE_FILE: ['["a list"]']}, PEOPLE_FILE + ":1", "expected a JSON object"),
        ({PEOPLE_FILE: [json.dumps({"id": "a-b", "name": "A B"})]}, PEOPLE_FILE + ":1", "missing field"),
        ({PEOPLE_FILE: ["", _person("a-b", "FRA")]}, PEOPLE_FILE + ":2", "unknown country or organization 'FRA'"),
        ({PEOPLE_FILE: [_person("a-b", "RUS"), _person("a-b", "USA")]}, PEOPLE_FILE + ":2", "duplicate id 'a-b'"),
        ({PEOPLE_FILE: [_person("a-b", "RUS", country="Rus")]}, PEOPLE_FILE + ":1", "alpha-3"),
        ({PEOPLE_FILE: [_person("a-b", "RUS", wikidata="159")]}, PEOPLE_FILE + ":1", "Wikidata id"),
        ({PEOPLE_FILE: [_person("A B", "RUS")]}, PEOPLE_FILE + ":1", "slug"),
        ({PEOPLE_FILE: [_person("a-b", "RUS", aliases="Putin")]}, PEOPLE_FILE + ":1", "list of strings"),
        ({PEOPLE_FILE: [_person("a-b", "RUS", nickname="x")]}, PEOPLE_FILE + ":1", "unknown field"),
        (
            {PEOPLE_FILE: [_person("a-b", "RUS").replace('"2000-05-07"', '"7 May 2000"')]},
            PEOPLE_FILE + ":1",
            "ISO date",
        ),
        (
            {PEOPLE_FILE: [_person("a-b", "RUS").replace('"end": null', '"end": "1999-01-01"')]},
            PEOPLE_FILE + ":1",
            "ends",
        ),
        (
            {PEOPLE_FILE: [_person("a-b", "RUS").replace("head_of_state", "tsar")]},
            PEOPLE_FILE + ":1",
            "role",
        ),
        (
            {COUNTRIES_FILE: [json.dumps({"iso3": "RU", "iso2": "RU", "name": "Russia"})]},
            COUNTRIES_FILE + ":1",
            "alpha-3",
        ),
        (
            {
                TREATIES_FILE: [
                    json.dumps({"id": "t", "name": "T", "year": 1, "parties": [], "wikidata": None, "aliases": []})
                ]
            },
            TREATIES_FILE + ":1",
            "year",
        ),
        (
            {
                TREATIES_FILE: [
                    json.dumps(
                        {"id": "t", "name": "T", "year": None, "parties": ["XXX"], "wikidata": None, "aliases": []}
                    )
                ]
            },
            TREATIES_FILE + ":1",
            "unknown country 'XXX'",
        ),
        (
            {
                ORGANIZATIONS_FILE: [
                    json.dumps({"id": "UN", "name": "U", "short": "U", "wikidata": None, "aliases": [], "kind": "club"})
                ]
            },
            ORGANIZATIONS_FILE + ":1",
            "kind",
        ),
    ],
)
def test_malformed_lines_name_file_and_line(
    tmp_path: Path, files: dict[str, list[str]], where: str, message: str
) -> None:
    directory = _write(tmp_path, files)
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer(directory)
    assert caught.value.where == str(directory / where.split(":")[0]) + ":" + where.split(":")[1]
    assert message in caught.value.what
    assert caught.value.fix
    assert where in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    _write(tmp_path, {})
    (tmp_path / TREATIES_FILE).unlink()
    with pytest.raises(GazetteerError, match="missing"):
        load_gazetteer(tmp_path)


def test_countries_file_is_up_to_date() -> None:
    """countries.jsonl is what scripts/build_countries.py makes from pycountry and the overlay."""
    pytest.importorskip("pycountry")
    import importlib.util

    script = Path(__file__).resolve().parents[2] / "scripts" / "build_countries.py"
    spec = importlib.util.spec_from_file_location("build_countries", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.render(module.build_records(module.read_overlay(DATA / "country_overlay.jsonl")))
    assert built == (DATA / COUNTRIES_FILE).read_text(encoding="utf-8")
