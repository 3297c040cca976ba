"""A spaCy component that starts a new sentence after every line break.

News text extracted from web pages puts headings, bullet items and paragraphs on lines of their own;
the parser alone would join a heading to the next sentence. Runs before the parser, which respects
sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
    return doc
