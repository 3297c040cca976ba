"""The one way names are compared: folded to lower case without diacritics, so that a user (or an article)
writing "Erdogan", "ERDOĞAN" or "Erdoğan" means the same person.

Used by every name filter (``kg query`` name parameters, ``kg show --participants``, ``kg timeline
--country``), by the gazetteer's country look-up, the text-actor cast and the evaluation's name matching.
Plain data: this module imports nothing but the standard library.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Latin letters that Unicode does not decompose into a base letter and a combining mark (after casefold).
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ħ": "h", "ŧ": "t", "ŀ": "l",
                               "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"})


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """``text`` in lower case without diacritics ("Recep Tayyip Erdoğan" -> "recep tayyip erdogan",
    "Łukaszenka" -> "lukaszenka", "Straße" -> "strasse"); compatibility forms (ligatures, full-width letters)
    become their plain letters. Spaces and punctuation are kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())  # casefold first: "İ" folds to i + a mark
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)


def folded_in(needle: str, haystack: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` once both are folded (an empty needle occurs everywhere)."""
    return fold(needle) in fold(haystack)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, any value above ``limit`` reported as ``limit + 1`` (how far
    one spelling of a name is from another: "Zelenskiy" / "Zelensky", "Toqaev" / "Tokayev")."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
