"""The lexicon loader: one folder per language, every file checked against its typed section."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.errors import ConfigError
from kg.lexicon import available_languages, load_lexicon
from kg.lexicon.schema import Lexicon
from kg.records import EncounterKind, Polarity
from kg.resources import lexicon_dir


@pytest.fixture
def languages(tmp_path: Path) -> Path:
    """A copy of the shipped lexicons to break or extend."""
    root = tmp_path / "lexicons"
    shutil.copytree(lexicon_dir(), root)
    return root


def _edit(path: Path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_english_is_typed():
    lexicon = load_lexicon("en")
    assert isinstance(lexicon, Lexicon) and lexicon.language == "en"
    assert "video call" in lexicon.encounters.triggers[EncounterKind.VIDEO_CALL]
    assert isinstance(lexicon.sightings.habitual, frozenset) and "regularly" in lexicon.sightings.habitual
    assert lexicon.stances.noun_polarity["support"] is Polarity.SUPPORT
    assert lexicon.titles.titles["prime minister"] == ("head_of_government",)
    assert {t.id for t in lexicon.topics.topics} >= {"trade", "energy"}
    assert "Latin America" in lexicon.blockers.phrases


def test_every_shipped_language_loads():
    assert "en" in available_languages()
    for language in available_languages():
        assert load_lexicon(language).language == language


def test_a_second_language_is_a_second_folder(languages: Path):
    shutil.copytree(languages / "en", languages / "xx")
    _edit(languages / "xx" / "triggers.json", lambda d: d.update(call_forms=["anruf"]))
    assert available_languages(languages) == ("en", "xx")
    assert load_lexicon("xx", languages).triggers.call_forms == frozenset({"anruf"})
    assert "call" in load_lexicon("en", languages).triggers.call_forms


def test_unknown_language_names_the_known_ones(languages: Path):
    with pytest.raises(ConfigError, match="no lexicon for language 'fr'.*one of: en"):
        load_lexicon("fr", languages)


def test_missing_file_is_named(languages: Path):
    (languages / "en" / "sightings.json").unlink()
    with pytest.raises(ConfigError, match=r"sightings\.json: lexicon file is missing"):
        load_lexicon("en", languages)


BROKEN = [  # (file, how it is broken, what the error says)
    ("subjects.json", lambda d: d.pop("venue_verbs"), r"subjects\.json: entry 'venue_verbs' is missing"),
    ("linking.json", lambda d: d.update(adress_verbs=["tell"]), r"linking\.json: entry 'adress_verbs' is not a known"),
    ("triggers.json", lambda d: d["call_forms"].insert(1, 7), r"entry 'call_forms\[1\]' must be a non-empty string"),
    ("titles.json", lambda d: d.update(titles=["president"]), r"titles\.json: entry 'titles' must be a JSON object"),
    ("encounters.json", lambda d: d["triggers"].update(Lunch=["lunch"]), "'Lunch' is not one of PhoneCall, VideoCall"),
    ("topics.json", lambda d: d["topics"][0].pop("label"), r"entry 'topics\[0\]\.label' is missing"),
    ("sightings.json", lambda d: d.update(habitual="often"), r"entry 'habitual' must be a list, not str"),
]


@pytest.mark.parametrize(("name", "change", "message"), BROKEN, ids=[b[2][:30] for b in BROKEN])
def test_a_broken_entry_is_named_with_its_file(languages: Path, name: str, change, message: str):
    _edit(languages / "en" / name, change)
    with pytest.raises(ConfigError, match=message):
        load_lexicon("en", languages)


def test_bad_json_names_the_file(languages: Path):
    (languages / "en" / "names.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"names\.json: cannot read lexicon file"):
        load_lexicon("en", languages)
