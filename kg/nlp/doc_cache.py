"""Per-Doc views that spaCy rebuilds on every access (``Doc.text`` joins every token, ``Doc.ents`` and
``Span.ents`` walk the whole Doc), computed once and kept in ``doc.user_data``. Extraction runs after the
pipeline and never changes the Doc, so the views stay valid for the Doc's life."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

_TEXT = "kg.text"
_ENTS = "kg.ents"
_ENT_STARTS = "kg.ent_starts"
_TOKENS = "kg.tokens"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once (in text order)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
        doc.user_data[_ENT_STARTS] = [e.start for e in ents]
    return ents


def entities_in(span: Span) -> tuple[Span, ...]:
    """The entities that lie wholly inside ``span`` (what ``span.ents`` gives), in text order."""
    ents = entities(span.doc)
    first = bisect_left(span.doc.user_data[_ENT_STARTS], span.start)
    inside = []
    for ent in ents[first:]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            inside.append(ent)
    return tuple(inside)


def tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as one list, built once: ``doc[i]`` and iterating a Doc or Span make a new Token
    object at every access, which is most of the time a rule spends walking the text."""
    found = doc.user_data.get(_TOKENS)
    if found is None:
        found = doc.user_data[_TOKENS] = list(doc)
    return found


def tokens_in(span: Span) -> list[Token]:
    """The tokens of ``span`` (what iterating it gives), from the Doc's one list."""
    return tokens(span.doc)[span.start : span.end]


def span_text(span: Span) -> str:
    """``span.text``, cut from the Doc's text by character offsets."""
    return doc_text(span.doc)[span.start_char : span.end_char]
