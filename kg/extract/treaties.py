"""Treaties and agreements named in an article: gazetteer entries, capitalised names ending in "Treaty",
"Agreement", "Accords", ..., and names written as :mod:`kg.extract.treaty_phrases` recognises them;
a written name is linked to its gazetteer entry when there is one (:mod:`kg.extract.treaty_links`)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract.mentions import Mark
from kg.extract.prose import is_prose
from kg.extract.treaty_links import TreatyIndex
from kg.extract.treaty_phrases import YEAR, WrittenName, modified_names, quoted_names, signed_names
from kg.keys import slugify
from kg.lexicon import Lexicon


@dataclass(frozen=True)
class TreatyName:
    id: str
    name: str
    span: Span
    year: int | None
    parties: tuple[str, ...] = ()  # the gazetteer's, or the countries a written name names


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


def treaty_names(doc: Doc, marks: list[Mark], index: TreatyIndex, lexicon: Lexicon,
                 countries: set[str] | None = None) -> list[TreatyName]:
    """Every treaty named in the doc, gazetteer ones first; unknown names get an id from their slug.
    ``countries``: the article's countries (named, or of the people named), else those its marks name."""
    found: list[TreatyName] = []
    covered: set[int] = set()
    for mark in marks:
        if mark.kind == "treaty":
            known = index.treaties.get(mark.ref)
            found.append(TreatyName(mark.ref, known.name if known else mark.span.text, mark.span,
                                    (known.year if known else None) or _year_before(doc, mark.span),
                                    known.parties if known else ()))
            covered.update(range(mark.start, mark.end))
    countries = countries if countries is not None else {m.ref for m in marks if m.kind == "country"}
    words = lexicon.treaties
    written = [*signed_names(doc, marks, words), *quoted_names(doc, words), *modified_names(doc, marks, words)]
    for name in written:
        if covered & set(range(name.span.start, name.span.end)):
            continue
        covered.update(range(name.span.start, name.span.end))
        treaty = _written(name, marks, countries, index, lexicon)
        if treaty is not None:
            found.append(treaty)
    for token in doc:
        if token.text not in words.head_words or token.i in covered or not is_prose(token.sent):
            continue
        span = _capitalised_name(doc, token.i, lexicon)
        if span is None or covered & set(range(span.start, span.end)):
            continue
        covered.update(range(span.start, span.end))
        found.append(_written(WrittenName(span, span.text), marks, countries, index, lexicon) or
                     TreatyName("treaty-" + slugify(span.text), span.text, span, _year_before(doc, span)))
    return sorted(found, key=lambda t: (not is_prose(t.span.sent), t.span.start))  # a prose mention first


def _written(name: WrittenName, marks: list[Mark], countries: set[str], index: TreatyIndex,
             lexicon: Lexicon) -> TreatyName | None:
    """A written name as its gazetteer entry when it names one, else as a treaty of its own; a year alone
    ("the 1997 treaty") that names no gazetteer entry is None."""
    year = name.year or _year_before(name.span.doc, name.span)
    known = index.link(name.name, name.year, countries, lexicon.treaties)
    if known is not None:
        return TreatyName(known.id, known.name, name.span, known.year or year, known.parties)
    if name.year is not None:
        return None
    named = tuple(dict.fromkeys(m.ref for m in marks
                                if m.kind == "country" and name.span.start <= m.start < name.span.end))
    return TreatyName("treaty-" + slugify(name.name), name.name, name.span, year, named)


def _year_before(doc: Doc, span: Span) -> int | None:
    for token in doc[max(0, span.start - 2) : span.start]:
        if YEAR.match(token.text):
            return int(token.text)
    return None


def is_reaffirmed(sentence: Span, lexicon: Lexicon) -> bool:
    """The sentence reports the parties standing by the treaty ("reaffirmed their commitment to ...")."""
    return any(t.lemma_.lower() in lexicon.treaties.reaffirm_cues for t in sentence)
