"""A spaCy component that starts a new sentence after every line break.

News text extracted from web pages puts headings, bullet items and paragraphs on lines of their own;
the parser alone would join a heading to the next sentence. Runs before the parser, which respects
sentence starts that are already set. Within a line, a sentence never starts right after a word (only
after punctuation): the parser alone sometimes cuts a long sentence after a title ("... on PM | Modi's visit").
"""

from __future__ import annotations

from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    if len(doc) < 2:
        return doc
    flags = doc.to_array([IS_ALPHA, IS_PUNCT, IS_SPACE, SENT_START])
    starts = flags[:, 3].astype("int64")  # 1 starts a sentence, -1 does not, 0 the parser decides
    text = doc.text
    for token in doc[:-1]:
        i = token.i
        if "\n" in text[token.idx : token.idx + len(token.text_with_ws)]:
            starts[i + 1] = 1
        elif flags[i, 0] and not (flags[i + 1, 1] or flags[i + 1, 2]):
            # "... a briefing on PM Modi's visit": no sentence starts right after a word on the same line
            starts[i + 1] = -1
    starts[0] = 1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc
