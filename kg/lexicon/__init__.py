"""The words the extraction rules key on, read from ``data/lexicons/<language>/`` into one frozen value.

A language is a folder holding one JSON file per section of :class:`~kg.lexicon.schema.Lexicon`; the
``language`` setting (default ``en``) selects it. No spaCy and no RDF here: both sides may read it.
"""

from __future__ import annotations

import dataclasses
import typing
from functools import lru_cache
from pathlib import Path

from kg.errors import ConfigError
from kg.lexicon.reader import read_section
from kg.lexicon.schema import Lexicon, Topic
from kg.resources import lexicon_dir

DEFAULT_LANGUAGE = "en"

__all__ = ["DEFAULT_LANGUAGE", "Lexicon", "Topic", "available_languages", "load_lexicon"]


def available_languages(root: Path | None = None) -> tuple[str, ...]:
    base = root or lexicon_dir()
    return tuple(sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))))


@lru_cache(maxsize=4)
def load_lexicon(language: str = DEFAULT_LANGUAGE, root: Path | None = None) -> Lexicon:
    """The lexicon of ``language`` (a folder of ``root``, default the shipped ``data/lexicons``)."""
    base = root or lexicon_dir()
    folder = base / (language or DEFAULT_LANGUAGE)
    if not folder.is_dir():
        known = ", ".join(available_languages(base)) or "none"
        raise ConfigError(f"no lexicon for language {language!r}", where=str(base),
                          fix=f"set language to one of: {known}, or add a folder {language}/ with its files")
    hints = typing.get_type_hints(Lexicon)
    sections = {
        f.name: read_section(folder / f"{f.name}.json", hints[f.name])
        for f in dataclasses.fields(Lexicon) if f.name != "language"
    }
    return Lexicon(language=folder.name, **sections)
