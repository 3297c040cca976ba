"""Which sentences carry on a quotation opened in an earlier sentence of the same paragraph.

A quotation that runs over several sentences ("I just had a very good call with President Xi. We discussed
Ukraine, fentanyl and soybeans," he wrote.) is one report: what its later sentences say was said by the
speaker of its first. News text closes an open quotation at the end of a paragraph and opens it again at the
start of the next one, so the state is reset at every paragraph break.
"""

from __future__ import annotations

from spacy.tokens import Span

_OPEN = {"\u201c"}  # “
_CLOSE = {"\u201d"}  # ”
_TOGGLE = {'"'}


def _ends_paragraph(sentence: Span) -> bool:
    if "\n" in sentence.text[len(sentence.text.rstrip()) :]:
        return True
    doc = sentence.doc
    return sentence.end < len(doc) and doc[sentence.end].is_space and "\n" in doc[sentence.end].text


def quote_continuations(sentences: list[Span]) -> list[int | None]:
    """For each sentence, the index of the earlier sentence whose quotation it is still inside, else None."""
    opened_in: int | None = None
    result: list[int | None] = []
    for index, sentence in enumerate(sentences):
        result.append(opened_in)
        for char in sentence.text:
            if char in _OPEN:
                opened_in = index if opened_in is None else opened_in
            elif char in _CLOSE:
                opened_in = None
            elif char in _TOGGLE:
                opened_in = index if opened_in is None else None
        if _ends_paragraph(sentence):
            opened_in = None
    return result
