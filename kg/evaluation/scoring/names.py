"""Text rules shared by every fact kind: normalised text, content tokens, and when two names are one person.

Names (participants, stance holders) are compared after normalising: diacritics dropped, case folded,
punctuation removed, suffixes (Jr, Sr, II, III) and initials dropped. Two names are the same person when
the normalised names are equal, when their surname tokens (last tokens) are equal after folding spelling
variants (doubled letters collapsed, a final -iy/-yi/-ii/-i written -y: Zelenskyy = Zelensky = Zelenskiy),
or when the tokens of one are a subset of the other's ("Xi" = "Xi Jinping").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.folding import fold

STOP_WORDS = frozenset(
    "a an and as at between by for from in into its of on or over s the their this to with".split()
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def normalise(text: str) -> str:
    """Lower case, no diacritics, punctuation as spaces, single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


def tokens(text: str) -> list[str]:
    return normalise(text).split()


def content_tokens(text: str) -> frozenset[str]:
    """Normalised tokens without stop words."""
    return frozenset(t for t in tokens(text) if t not in STOP_WORDS)


def _fold_spelling(token: str) -> str:
    collapsed = re.sub(r"(.)\1+", r"\1", token)
    return re.sub(r"(?:iy|yi|ii|i|y)$", "y", collapsed) if len(collapsed) > 2 else collapsed


def _name_tokens(name: str) -> list[str]:
    return [_fold_spelling(t) for t in tokens(name) if t not in _NAME_SUFFIXES and len(t) > 1]


def same_person(a: str, b: str) -> bool:
    """The name rule of the module docstring (equal, same surname up to spelling, or token subset)."""
    if normalise(a) == normalise(b):
        return True
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return False
    return ta[-1] == tb[-1] or set(ta) <= set(tb) or set(tb) <= set(ta)


def _perfect_matching(size: int, allowed: Callable[[int, int], bool]) -> bool:
    """Whether the square relation ``allowed`` has a perfect one-to-one matching (Kuhn's algorithm)."""
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in range(size):
            if j not in seen and allowed(i, j):
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return all(place(i, set()) for i in range(size))


def same_participants(gold_names: Sequence[str], predicted_names: Sequence[str]) -> bool:
    """Same set of people: equal sizes and a one-to-one pairing under :func:`same_person`."""
    gold_set = list(dict.fromkeys(normalise(n) for n in gold_names))
    pred_set = list(dict.fromkeys(normalise(n) for n in predicted_names))
    if len(gold_set) != len(pred_set) or not gold_set:
        return False
    return _perfect_matching(len(gold_set), lambda i, j: same_person(gold_set[i], pred_set[j]))


def organization_key(name: str) -> str:
    return normalise(name).replace(" ", "")


def overlap_dice(a: str, b: str) -> float:
    ta, tb = content_tokens(a), content_tokens(b)
    return 2 * len(ta & tb) / (len(ta) + len(tb)) if ta and tb else 0.0


def overlap_min(a: str, b: str) -> float:
    ta, tb = content_tokens(a), content_tokens(b)
    return len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0
