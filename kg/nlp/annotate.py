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
    docs = list(nlp.pipe(split_text(text, limit)))
    return Doc.from_docs(docs, ensure_whitespace=False)


def annotate(
    nlp: Language, articles: Iterable[Article], *, batch_size: int, n_process: int, limit: int | None = None,
) -> Iterator[tuple[Doc, Article]]:
    """(Doc, Article) pairs in input order."""
    limit = limit or nlp.max_length
    buffer: list[Article] = []

    def flush() -> Iterator[tuple[Doc, Article]]:
        pairs = ((a.text, a) for a in buffer)
        yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process)
        buffer.clear()

    for article in articles:
        if len(article.text) <= limit:
            buffer.append(article)
            if len(buffer) >= batch_size * max(1, n_process) * 4:
                yield from flush()
            continue
        yield from flush()
        yield _long_doc(nlp, article.text, limit), article
    yield from flush()
