"""Which sentences are prose: headings, bullet labels and other lines that are not sentences are no
evidence for a stance or a treaty."""

from __future__ import annotations

from spacy.tokens import Span

from kg.nlp.doc_cache import doc_text, tokens_in

_BULLETS = ("\u2022", "\u25cf", "\u25aa", "\u2013", "\u2014", "-", "*", "\u00b7", ">")
_ENDS = (".", "!", "?", "\u201d", '"', "\u2019", "'", ")", ":", "\u2026")
_MIN_WORDS = 3
_CACHE = "kg.prose"  # Doc.user_data key: sentence start -> is_prose


def line_of(sentence: Span) -> str:
    """The line of the text (between line breaks) on which ``sentence`` starts, stripped."""
    text = doc_text(sentence.doc)
    first = next((t.idx for t in sentence if not t.is_space), sentence.start_char)
    start = text.rfind("\n", 0, first) + 1
    end = text.find("\n", first)
    return text[start : end if end >= 0 else len(text)].strip()


def is_prose(sentence: Span) -> bool:
    """The sentence's line ends like a sentence and does not start like a bullet line, and the sentence
    has a few words, some of them lowercase (a headline in title case is no sentence)."""
    known = sentence.doc.user_data.setdefault(_CACHE, {})
    if sentence.start not in known:
        known[sentence.start] = _is_prose(sentence)
    return known[sentence.start]


def _is_prose(sentence: Span) -> bool:
    line = line_of(sentence)
    if not line or line.startswith(_BULLETS) or not line.endswith(_ENDS):
        return False
    words = [t for t in tokens_in(sentence) if t.is_alpha]
    return len(words) >= _MIN_WORDS and any(t.is_lower for t in words)
