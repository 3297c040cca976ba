"""Finds the project's data folders (ontology/, queries/, data/) in a checkout or an installed package."""

from __future__ import annotations

from pathlib import Path

from kg.errors import ConfigError

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent)


def resource_dir(name: str) -> Path:
    """Return the folder ``name`` ("ontology", "queries", "data/gazetteer", ...) shipped with kg."""
    for root in _CANDIDATES:
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise ConfigError(
        f"kg's resource folder {name!r} was not found",
        where=str(_PACKAGE_DIR),
        fix="reinstall kg (pip install -e .) from a complete checkout",
    )


def ontology_file(name: str = "kg.ttl") -> Path:
    return resource_dir("ontology") / name


def gazetteer_dir() -> Path:
    return resource_dir("data/gazetteer")


def lexicon_dir() -> Path:
    return resource_dir("data/lexicons")


def queries_dir() -> Path:
    return resource_dir("queries")
