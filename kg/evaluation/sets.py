"""Evaluation sets: a gold file and the articles it annotates, named for tables.

A set is given either as a folder holding ``gold.json`` and ``articles/`` (``kg evaluate dev dev2``), or as a
gold file followed by its articles (``--gold dev/gold.json dev/articles``); a gold file given alone takes the
``articles/`` folder beside it. A set is named after the folder that holds its gold file (``dev``), or after
the gold file's stem when it is not called ``gold.json``; names that repeat get ``-2``, ``-3``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

GOLD_FILE = "gold.json"
ARTICLES_DIR = "articles"
_USAGE = "give SETDIR (holding gold.json and articles/) or --gold GOLD.json [ARTICLES...]; see docs/evaluation.md"


@dataclass(frozen=True)
class EvaluationSet:
    name: str
    gold: Path
    articles: tuple[Path, ...]


def _default_name(gold: Path) -> str:
    resolved = gold.resolve()
    return (resolved.parent.name or resolved.stem) if gold.name == GOLD_FILE else gold.stem


def _beside(gold: Path) -> tuple[Path, ...]:
    folder = gold.parent / ARTICLES_DIR
    if not folder.is_dir():
        raise InputError(f"no articles given for {gold}, and no {ARTICLES_DIR}/ folder beside it",
                         where=str(gold), fix=f"name the articles after the gold file: --gold {gold} ARTICLES...")
    return (folder,)


def from_folder(folder: Path) -> EvaluationSet:
    """The set of a folder holding ``gold.json`` and ``articles/``."""
    gold = folder / GOLD_FILE
    if not gold.is_file():
        raise InputError(f"not an evaluation set: no {GOLD_FILE} in this folder", where=str(folder), fix=_USAGE)
    return from_gold(gold)


def from_gold(gold: Path, articles: Sequence[Path] = ()) -> EvaluationSet:
    """The set of a gold file and its articles (the ``articles/`` folder beside it when none are given)."""
    return EvaluationSet(name=_default_name(gold), gold=gold, articles=tuple(articles) or _beside(gold))


def resolve_sets(golds: Sequence[Sequence[str]], paths: Sequence[str]) -> tuple[EvaluationSet, ...]:
    """The sets of a command line: each ``--gold GOLD [ARTICLES...]`` group, then each positional path.

    Positional paths are set folders; with exactly one ``--gold`` that names no articles of its own, they
    are that gold file's articles instead (``kg evaluate --gold G.json ARTICLES...``, the one-set form)."""
    groups = [[Path(p) for p in group] for group in golds]
    if len(groups) == 1 and len(groups[0]) == 1 and paths:
        groups[0] += [Path(p) for p in paths]
        paths = ()
    sets = [from_gold(group[0], group[1:]) for group in groups if group]
    for path in map(Path, paths):
        if groups and not (path / GOLD_FILE).is_file():
            raise InputError(f"not an evaluation set (no {GOLD_FILE} in it); with several --gold, or a --gold "
                             "that names its articles, give each gold file its articles after it",
                             where=str(path), fix=_USAGE)
        sets.append(from_folder(path))
    if not sets:
        raise InputError("nothing to evaluate", fix=_USAGE)
    return _unique_names(sets)


def _unique_names(sets: list[EvaluationSet]) -> tuple[EvaluationSet, ...]:
    seen: dict[str, int] = {}
    out = []
    for s in sets:
        count = seen[s.name] = seen.get(s.name, 0) + 1
        out.append(s if count == 1 else EvaluationSet(f"{s.name}-{count}", s.gold, s.articles))
    return tuple(out)
