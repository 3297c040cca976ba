"""Reads one lexicon JSON file into a typed, frozen section (a dataclass), checking every entry.

The section's field types say what each entry must hold; the reader converts and validates by them, so a
new word list is one field and one JSON entry. Errors name the file and the entry (and the item) at fault.
Supported field types: ``str``, ``int``, ``frozenset[str]``, ``tuple[str, ...]``, ``dict[K, V]`` (``K``
``str`` or an ``Enum``; ``V`` any supported type) and ``tuple[Section, ...]`` of nested dataclasses.
Keys starting with ``_`` are comments.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import typing
from pathlib import Path
from typing import Any, TypeVar

from kg.errors import ConfigError

S = TypeVar("S")


class LexiconEntryError(ValueError):
    """One entry has the wrong shape; ``path`` names the entry ("titles", "triggers.Meeting[3]")."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError("lexicon file is missing", where=str(path),
                          fix="restore it from the repository, or add it to this language's folder") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read lexicon file: {exc}", where=str(path),
                          fix="restore the file from the repository") from exc
    if not isinstance(data, dict):
        raise ConfigError("a lexicon file must hold a JSON object", where=str(path))
    return data


def read_section(path: Path, section: type[S]) -> S:
    """The dataclass ``section`` filled from the JSON object in ``path``; every field is required and an
    entry the section does not know is an error (a misspelt entry would otherwise be silently ignored)."""
    data = read_json(path)
    try:
        return _dataclass(section, data, "")
    except LexiconEntryError as exc:
        raise ConfigError(f"entry '{exc.path}' {exc.problem}", where=str(path),
                          fix="see data/lexicons/README.md for the entries of each file") from exc


def _dataclass(cls: type[S], data: Any, prefix: str) -> S:
    if not isinstance(data, dict):
        raise LexiconEntryError(prefix or "(file)", "must be a JSON object")
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls) if f.init]  # type: ignore[arg-type]
    unknown = sorted(k for k in data if not k.startswith("_") and k not in names)
    if unknown:
        raise LexiconEntryError(prefix + unknown[0], f"is not a known entry (known: {', '.join(names)})")
    values = {}
    for name in names:
        where = prefix + name
        if name not in data:
            raise LexiconEntryError(where, "is missing")
        values[name] = _convert(hints[name], data[name], where)
    return cls(**values)


def _convert(kind: Any, value: Any, where: str) -> Any:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind is str:
        if not isinstance(value, str) or not value:
            raise LexiconEntryError(where, f"must be a non-empty string, not {value!r}")
        return value
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise LexiconEntryError(where, f"must be an integer, not {value!r}")
        return value
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in kind)
            raise LexiconEntryError(where, f"{value!r} is not one of {allowed}") from None
    if dataclasses.is_dataclass(kind):
        return _dataclass(kind, value, where + ".")
    if origin in (frozenset, tuple):
        if not isinstance(value, list):
            raise LexiconEntryError(where, f"must be a list, not {type(value).__name__}")
        item_kind = args[0]
        items = [_convert(item_kind, item, f"{where}[{i}]") for i, item in enumerate(value)]
        return frozenset(items) if origin is frozenset else tuple(items)
    if origin is dict:
        if not isinstance(value, dict):
            raise LexiconEntryError(where, f"must be a JSON object, not {type(value).__name__}")
        key_kind, value_kind = args
        return {
            _convert(key_kind, key, f"{where} key {key!r}"): _convert(value_kind, item, f"{where}.{key}")
            for key, item in value.items() if not key.startswith("_")
        }
    raise TypeError(f"lexicon field type {kind!r} of {where} is not supported by the reader")
