"""The speaker of a quotation in its own words: "I" and "me" inside quotation marks are the person the
quotation is attributed to ("'Prime Minister Luxon and I discussed Gaza,' Albanese said"), marked as that
person so that what the speaker says he did with someone reads as any other report of it."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from kg.extract.attribution import Attribution
from kg.extract.mentions import Mark
from kg.lexicon.schema import StanceWords
from kg.nlp import doc_cache
from kg.nlp.marks import MarkKind


def speaker_marks(doc: Doc, sentences: list[Span], marks: list[Mark], words: StanceWords) -> list[Mark]:
    """A person mark on each quoted "I"/"me" whose quotation has one person as its speaker."""
    pronouns = words.speaker_pronouns
    candidates = [t for t in doc_cache.tokens(doc) if t.lower_ in pronouns]
    if not candidates:
        return []
    attribution = Attribution(doc, sentences, marks, words)
    starts = [s.start for s in sentences]
    found: list[Mark] = []
    for token in candidates:
        if token.i not in attribution.quoted:
            continue
        speaker = attribution.speaker(bisect_right(starts, token.i) - 1)
        if speaker is not None and speaker.kind == MarkKind.PERSON:
            found.append(Mark(MarkKind.PERSON, speaker.ref, "speaker", doc[token.i : token.i + 1]))
    return found
