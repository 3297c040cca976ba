"""A spaCy component that starts a new sentence after every line break.

News text extracted from web pages puts headings, bullet items and paragraphs on lines of their own;
the parser alone would join a heading to the next sentence. Runs before the parser, which respects
sentence starts that are already set. Within a line, a sentence never starts right after a word (only
after punctuation): the parser alone sometimes cuts a long sentence after a title ("... on PM | Modi's visit").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if "\n" in token.text_with_ws:
            following.is_sent_start = True
        elif token.is_alpha and not (following.is_punct or following.is_space):
            # "... a briefing on PM Modi's visit": no sentence starts right after a word on the same line
            following.is_sent_start = False
    return doc
