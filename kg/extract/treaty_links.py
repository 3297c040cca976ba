"""Links a treaty name written in the text to the gazetteer entry it names, when exactly one entry fits.

A written name fits an entry when its words are among the words of the entry's name or of one alias
("the comprehensive strategic partnership treaty" fits "Treaty on Comprehensive Strategic Partnership
between Russia and Iran") and say more than the head word; when several entries fit, only those whose
parties the article names are kept. A year alone ("the 1997 treaty") fits the entries of that year whose
parties the article names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.gazetteer import Treaty
from kg.lexicon.schema import TreatyWords

_WORD = re.compile(r"[^\W_]+")
_MIN_NAMING_WORDS = 2


def words_of(text: str, words: TreatyWords) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in words.link_ignored)


@dataclass(frozen=True)
class TreatyIndex:
    """The gazetteer's treaties with the words of their names, built once per pipeline."""

    treaties: dict[str, Treaty]
    names: tuple[tuple[str, frozenset[str]], ...]  # (treaty id, words of one of its names)
    heads: frozenset[str]

    @classmethod
    def build(cls, treaties: Iterable[Treaty], words: TreatyWords) -> TreatyIndex:
        by_id = {t.id: t for t in treaties}
        names = tuple((t.id, words_of(n, words)) for t in by_id.values() for n in (t.name, *t.aliases))
        heads = frozenset(w.lower() for w in (*words.head_words, *words.written_heads))
        return cls(by_id, names, heads)

    def link(self, name: str, year: int | None, countries: set[str], words: TreatyWords) -> Treaty | None:
        """The one gazetteer treaty ``name`` (or ``year``) names, else None."""
        if year is not None:
            fits = {t.id for t in self.treaties.values() if t.year == year}
            return self._one(fits, countries, need_parties=True)
        written = words_of(name, words)
        if len(written - self.heads) < _MIN_NAMING_WORDS:
            return None
        fits = {tid for tid, names in self.names if written <= names}
        return self._one(fits, countries, need_parties=False)

    def _one(self, fits: set[str], countries: set[str], need_parties: bool) -> Treaty | None:
        if need_parties or len(fits) > 1:
            fits = {t for t in fits if self.treaties[t].parties and set(self.treaties[t].parties) <= countries}
        return self.treaties[next(iter(fits))] if len(fits) == 1 else None
