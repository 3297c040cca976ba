"""Name parameters of saved queries, matched as every name filter of kg is: folded (:func:`kg.folding.fold`).

SPARQL has no function that drops diacritics, so the saved queries compare a ``name`` parameter with the
stored labels, aliases and ISO codes by ``LCASE`` alone. Before binding, ``kg query`` replaces the value
given by every stored spelling that folds to the same text ("Erdogan" -> "Erdoğan", "erdogan"); the query
text stays plain SPARQL that any tool runs with a value spelled as stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.folding import fold
from kg.query.saved import SavedQuery, load_query
from kg.store.base import Store

SPARQL_DIR = Path(__file__).resolve().parent / "sparql"


@dataclass(frozen=True)
class BoundNames:
    """The values to bind, and the name parameters whose value no stored name folds to (parameter, value)."""

    values: Mapping[str, str | Sequence[str]]
    unmatched: tuple[tuple[str, str], ...] = ()


def names_query() -> SavedQuery:
    """The query of every text a name parameter is compared with (one ``?name`` column)."""
    return load_query(SPARQL_DIR, "stored-names")


def spellings_of(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The stored ``names`` by their folded text."""
    spellings: dict[str, set[str]] = {}
    for name in names:
        spellings.setdefault(fold(name), set()).add(name)
    return {key: tuple(sorted(values)) for key, values in spellings.items()}


def stored_spellings(store: Store) -> dict[str, tuple[str, ...]]:
    """Every label, alias and ISO code in the store, by its folded text."""
    return spellings_of(s["name"].value for s in store.select(names_query().text) if s["name"] is not None)


def name_parameters(query: SavedQuery, params: Mapping[str, str]) -> list[str]:
    """The ``name`` parameters of ``query`` that ``params`` gives a value."""
    return [p.name for p in query.parameters if p.type == "name" and p.name in params]


def bind_spellings(spellings: Mapping[str, Sequence[str]], query: SavedQuery,
                   params: Mapping[str, str]) -> BoundNames:
    """``params`` with each ``name`` parameter's value replaced by the ``spellings`` folding to it; a value
    none folds to is kept (the query then finds nothing) and reported in ``unmatched``."""
    values: dict[str, str | Sequence[str]] = dict(params)
    unmatched = []
    for name in name_parameters(query, params):
        found = spellings.get(fold(params[name].strip()), ())
        if found:
            values[name] = found
        else:
            unmatched.append((name, params[name]))
    return BoundNames(values, tuple(unmatched))


def bind_names(store: Store, query: SavedQuery, params: Mapping[str, str]) -> BoundNames:
    """:func:`bind_spellings` with the spellings stored in ``store`` (not read when no name is given)."""
    if not name_parameters(query, params):
        return BoundNames(params)
    return bind_spellings(stored_spellings(store), query, params)


def unmatched_words(unmatched: Sequence[tuple[str, str]]) -> str:
    """What found nothing, in words: ``no stored name matches actor "Nobody"``."""
    return "; ".join(f"no stored name matches {name} {value!r}" for name, value in unmatched)
