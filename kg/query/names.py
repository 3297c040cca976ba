"""Name parameters of saved queries, matched as every name filter of kg is: folded (:func:`kg.folding.fold`).

SPARQL has no function that drops diacritics, so the saved queries compare a ``name`` parameter with the
stored labels, aliases and ISO codes by ``LCASE`` alone. Before binding, ``kg query`` replaces the value
given by every stored spelling that folds to the same text ("Erdogan" -> "Erdoğan", "erdogan"); the query
text stays plain SPARQL that any tool runs with a value spelled as stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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


def stored_spellings(store: Store) -> dict[str, tuple[str, ...]]:
    """Every label, alias and ISO code in the store, by its folded text."""
    spellings: dict[str, list[str]] = {}
    for solution in store.select(load_query(SPARQL_DIR, "stored-names").text):
        name = solution["name"]
        if name is not None:
            spellings.setdefault(fold(name.value), []).append(name.value)
    return {key: tuple(sorted(values)) for key, values in spellings.items()}


def bind_names(store: Store, query: SavedQuery, params: Mapping[str, str]) -> BoundNames:
    """``params`` with each ``name`` parameter's value replaced by the stored spellings folding to it; a value
    none folds to is kept (the query then finds nothing) and reported in ``unmatched``."""
    names = [p.name for p in query.parameters if p.type == "name" and p.name in params]
    if not names:
        return BoundNames(params)
    spellings = stored_spellings(store)
    values: dict[str, str | Sequence[str]] = dict(params)
    unmatched = []
    for name in names:
        found = spellings.get(fold(params[name].strip()), ())
        if found:
            values[name] = found
        else:
            unmatched.append((name, params[name]))
    return BoundNames(values, tuple(unmatched))
