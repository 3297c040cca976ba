"""Annotate articles with spaCy, streaming; articles longer than the model's ``max_length`` are parsed in
chunks cut at paragraph or line breaks and joined back into one ``Doc`` whose text is the article's text
(so character offsets, entities and sentences stay right, including those of the last chunk)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.records import Article


def split_text(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters whose concatenation is ``text``, cut after a blank line,
    else after a line break, else after a sentence end, else hard."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for separator in ("\n\n", "\n", ". ", " "):
            found = window.rfind(separator)
            if found > limit // 4:
                cut = found + len(separator)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _long_doc(nlp: Language, text: str, limit: int) -> Doc:
    docs = list(nlp.pipe(split_text(text, limit), batch_size=1))  # one piece at a time: memory of one piece
    return Doc.from_docs(docs, ensure_whitespace=False)


def annotate(
    nlp: Language, articles: Iterable[Article], *, batch_size: int, batch_chars: int = 0, limit: int | None = None,
) -> Iterator[tuple[Doc, Article]]:
    """(Doc, Article) pairs in input order.

    Articles are parsed in batches of at most ``batch_size`` articles and ``batch_chars`` characters (0: no
    bound): the parser's working memory grows with the characters of a batch (about 3 KB per character
    with the small English model), so a bound on characters keeps memory flat whatever the articles'
    length. An article longer than the bound is a batch of its own; one longer than ``limit`` (default the
    model's ``max_length``) is parsed in pieces and joined."""
    limit = limit or nlp.max_length
    for batch in _batches(articles, batch_size, batch_chars, limit):
        if len(batch) == 1 and len(batch[0].text) > limit:
            yield _long_doc(nlp, batch[0].text, limit), batch[0]
        else:
            yield from nlp.pipe(((a.text, a) for a in batch), as_tuples=True, batch_size=len(batch))


def _batches(articles: Iterable[Article], size: int, chars: int, limit: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    total = 0
    for article in articles:
        length = len(article.text)
        if batch and (len(batch) >= size or (chars and total + length > chars) or length > limit):
            yield batch
            batch, total = [], 0
        batch.append(article)
        total += length
        if length > limit:  # parsed alone, in pieces
            yield batch
            batch, total = [], 0
    if batch:
        yield batch
