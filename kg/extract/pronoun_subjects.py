"""Who "he" and "she" are when they are the subject of a clause an encounter frames: in "On Tuesday she set
out her plan in a meeting attended by X", "she" is the person the article named just before, as
:meth:`kg.extract.attribution.Attribution.antecedent` finds him (none when it could be two people)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract.attribution import Attribution
from kg.extract.mentions import Mark
from kg.lexicon.schema import StanceWords
from kg.nlp import doc_cache
from kg.nlp.marks import MarkKind

_SUBJECTS = ("nsubj", "nsubjpass")


def pronoun_subject_marks(
    doc: Doc, sentences: list[Span], marks: list[Mark], words: StanceWords, framing: frozenset[str],
    triggers: frozenset[int],
) -> list[Mark]:
    """A person mark on each unquoted subject "he"/"she" of a clause that a trigger frames ("he led the
    delegation *in* talks", "she spoke *at* the meeting") whose antecedent is one clear person."""
    candidates = [t for t in doc_cache.tokens(doc) if t.lower_ in words.pronouns and t.dep_ in _SUBJECTS
                  and any(c.dep_ == "prep" and c.lower_ in framing and any(o.i in triggers for o in c.children)
                          for c in t.head.children)]
    if not candidates:
        return []
    attribution = Attribution(doc, sentences, marks, words)
    found: list[Mark] = []
    for token in candidates:
        if token.i in attribution.quoted:
            continue
        person = attribution.antecedent(token)
        if person is not None and person.kind == MarkKind.PERSON:
            found.append(Mark(MarkKind.PERSON, person.ref, "pronoun", doc[token.i : token.i + 1]))
    return found
