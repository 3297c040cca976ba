"""Treaties and agreements named in an article: gazetteer entries, and capitalised names ending in
"Treaty", "Agreement", "Accords", ... that the gazetteer does not know yet."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract.mentions import Mark
from kg.keys import slugify
from kg.lexicon import Lexicon

_YEAR = re.compile(r"^(1[89]|20)\d\d$")


@dataclass(frozen=True)
class TreatyName:
    id: str
    name: str
    span: Span
    year: int | None


def _capitalised_name(doc: Doc, head: int, lexicon: Lexicon) -> Span | None:
    words = lexicon.treaties
    start = head
    while start > 0 and (doc[start - 1].is_title or doc[start - 1].text in ("-",)) and not doc[start - 1].is_sent_start:
        start -= 1
    end = head + 1
    if end < len(doc) and doc[end].lower_ in words.name_links and end + 1 < len(doc) and doc[end + 1].is_title:
        end += 1
        while end < len(doc) and (
            doc[end].is_title or (doc[end].lower_ in words.linkers and end + 1 < len(doc) and doc[end + 1].is_title)
        ):
            end += 1
    span = doc[start:end]
    if end == head + 1 and end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
        return None  # "The 25-Year Treaty Anchor": a headline in title case, not a treaty's name
    naming = [t for t in span
              if t.is_alpha and t.text not in words.head_words and t.lower_ not in words.generic_words]
    if not naming:
        return None
    return span


def treaty_names(
    doc: Doc, marks: list[Mark], gazetteer_years: dict[str, int | None], labels: dict[str, str], lexicon: Lexicon,
) -> list[TreatyName]:
    """Every treaty named in the doc, gazetteer ones first; unknown names get an id from their slug."""
    found: list[TreatyName] = []
    covered: set[int] = set()
    for mark in marks:
        if mark.kind == "treaty":
            found.append(TreatyName(mark.ref, labels.get(mark.ref, mark.span.text), mark.span,
                                    gazetteer_years.get(mark.ref) or _year_before(doc, mark.span)))
            covered.update(range(mark.start, mark.end))
    for token in doc:
        if token.text not in lexicon.treaties.head_words or token.i in covered:
            continue
        span = _capitalised_name(doc, token.i, lexicon)
        if span is None or covered & set(range(span.start, span.end)):
            continue
        covered.update(range(span.start, span.end))
        name = span.text
        found.append(TreatyName("treaty-" + slugify(name), name, span, _year_before(doc, span)))
    return sorted(found, key=lambda t: t.span.start)


def _year_before(doc: Doc, span: Span) -> int | None:
    for token in doc[max(0, span.start - 2) : span.start]:
        if _YEAR.match(token.text):
            return int(token.text)
    return None


def is_reaffirmed(sentence: Span, lexicon: Lexicon) -> bool:
    """The sentence reports the parties standing by the treaty ("reaffirmed their commitment to ...")."""
    return any(t.lemma_.lower() in lexicon.treaties.reaffirm_cues for t in sentence)
