"""Which sentences carry on a quotation opened in an earlier sentence of the same paragraph.

A quotation that runs over several sentences ("I just had a very good call with President Xi. We discussed
Ukraine, fentanyl and soybeans," he wrote.) is one report: what its later sentences say was said by the
speaker of its first. News text closes an open quotation at the end of a paragraph and opens it again at the
start of the next one, so the state is reset at every paragraph break.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.nlp.doc_cache import tokens_in

_OPEN = {"\u201c"}  # “
_CLOSE = {"\u201d"}  # ”
_TOGGLE = {'"'}
_MARKS = _OPEN | _CLOSE | _TOGGLE


def _ends_paragraph(sentence: Span) -> bool:
    """A line break ends the sentence, or follows it (read off the tokens, not the sentence's text)."""
    doc = sentence.doc
    for token in reversed(tokens_in(sentence)):
        if not token.is_space:
            if "\n" in token.whitespace_:
                return True
            break
        if "\n" in token.text:
            return True
    return sentence.end < len(doc) and doc[sentence.end].is_space and "\n" in doc[sentence.end].text


def quote_continuations(sentences: list[Span]) -> list[int | None]:
    """For each sentence, the index of the earlier sentence whose quotation it is still inside, else None."""
    opened_in: int | None = None
    result: list[int | None] = []
    for index, sentence in enumerate(sentences):
        result.append(opened_in)
        for char in (c for t in tokens_in(sentence) if t.text[:1] in _MARKS for c in t.text):
            if char in _OPEN:
                opened_in = index if opened_in is None else opened_in
            elif char in _CLOSE:
                opened_in = None
            elif char in _TOGGLE:
                opened_in = index if opened_in is None else None
        if _ends_paragraph(sentence):
            opened_in = None
    return result


def quoted_tokens(doc: Doc, sentences: list[Span]) -> set[int]:
    """The indexes of the tokens inside quotation marks (the marks themselves excluded); an open quotation
    ends at the end of its paragraph."""
    inside: set[int] = set()
    open_ = False
    for sentence in sentences:
        for token in tokens_in(sentence):
            text = token.text
            if text in _OPEN or (text in _TOGGLE and not open_):
                open_ = True
            elif text in _CLOSE or text in _TOGGLE:
                open_ = False
            elif open_:
                inside.add(token.i)
        if _ends_paragraph(sentence):
            open_ = False
    return inside


def quotation_blocks(sentences: list[Span], quoted: set[int]) -> list[list[int]]:
    """Runs of sentences one quotation spans (a sentence with quoted words, and the sentences the same
    quotation carries on into), each as the list of its sentence indexes."""
    blocks: list[list[int]] = []
    continued = quote_continuations(sentences)
    for index, sentence in enumerate(sentences):
        opener = continued[index]
        if opener is not None and blocks and blocks[-1][0] == opener:
            blocks[-1].append(index)
        elif any(i in quoted for i in range(sentence.start, sentence.end)):
            blocks.append([index])
    return blocks
