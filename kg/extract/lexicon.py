"""Loads the trigger and cue lexicons of ``data/lexicons/`` (JSON) into one frozen value."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import ConfigError
from kg.records import EncounterKind, Polarity
from kg.resources import lexicon_dir


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[EncounterKind, tuple[str, ...]]
    remote_only_verbs: frozenset[str]
    planned_cues: frozenset[str]
    negation_cues: frozenset[str]
    anaphors: tuple[str, ...]
    anaphor_determiners: tuple[str, ...]
    anaphor_nouns: tuple[str, ...]
    speech_verbs: frozenset[str]
    topic_heads: frozenset[str]
    discussion_words: frozenset[str]
    venue_nouns: frozenset[str]
    location_preps: frozenset[str]
    titles: dict[str, tuple[str, ...]]
    topics: tuple[Topic, ...]
    stance_cues: dict[Polarity, tuple[str, ...]]
    stance_nouns: dict[str, Polarity]
    stance_carriers: frozenset[str]
    aide_nouns: frozenset[str] = frozenset()
    aide_phrases: tuple[str, ...] = ()
    ceremony_nouns: frozenset[str] = frozenset()
    audience_nouns: frozenset[str] = frozenset()
    host_verbs: frozenset[str] = frozenset()


def _read(directory: Path, name: str) -> dict:
    path = directory / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"cannot read lexicon: {exc}", where=str(path), fix="restore the file from the repository"
        ) from exc


@lru_cache(maxsize=2)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    root = directory or lexicon_dir()
    enc, cues, titles, topics, stances, roles = (
        _read(root, n)
        for n in ("encounters.json", "cues.json", "titles.json", "topics.json", "stances.json", "roles.json")
    )
    try:
        return Lexicon(
            triggers={EncounterKind(k): tuple(v) for k, v in enc["triggers"].items()},
            remote_only_verbs=frozenset(enc["remote_only_verbs"]),
            planned_cues=frozenset(enc["planned_cues"]),
            negation_cues=frozenset(enc["negation_cues"]),
            anaphors=tuple(enc["anaphors"]),
            anaphor_determiners=tuple(enc["anaphor_determiners"]),
            anaphor_nouns=tuple(enc["anaphor_nouns"]),
            speech_verbs=frozenset(cues["speech_verbs"]),
            topic_heads=frozenset(cues["topic_heads"]),
            discussion_words=frozenset(cues["discussion_words"]),
            venue_nouns=frozenset(cues["venue_nouns"]),
            location_preps=frozenset(cues["location_preps"]),
            titles={k: tuple(v) for k, v in titles["titles"].items()},
            topics=tuple(Topic(t["id"], t["label"], tuple(t["phrases"])) for t in topics["topics"]),
            stance_cues={Polarity(k): tuple(v) for k, v in stances["polarity"].items()},
            stance_nouns={noun: Polarity(k) for k, nouns in stances["nouns"].items() for noun in nouns},
            stance_carriers=frozenset(stances["carriers"]),
            aide_nouns=frozenset(roles["aide_nouns"]),
            aide_phrases=tuple(roles["aide_phrases"]),
            ceremony_nouns=frozenset(roles["ceremony_nouns"]),
            audience_nouns=frozenset(roles["audience_nouns"]),
            host_verbs=frozenset(roles["host_verbs"]),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ConfigError(f"a lexicon file lacks or misnames a field: {exc}", where=str(root)) from exc
