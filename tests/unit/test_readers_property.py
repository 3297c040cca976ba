"""Property tests: any bytes in, either articles or a clear problem out, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.articles import InputProblem, parse_published, read_path, split_header
from kg.records import Article

HEADER_LINES = st.lists(
    st.one_of(
        st.sampled_from(["Title: T", "URL: https://x.org/a", "Published: 2025-03-18", "Published: yesterday",
                         "Outlet: O", "License: l", "Colour: blue", "", " ", "Published: unknown"]),
        st.text(max_size=40),
    ),
    max_size=8,
)


def _read(data: bytes, suffix: str) -> list[Article | InputProblem]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return list(read_path(path))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.sampled_from([".txt", ".jsonl"]))
def test_any_bytes_give_articles_or_problems(data, suffix):
    for item in _read(data, suffix):
        assert isinstance(item, (Article, InputProblem))
        if isinstance(item, Article):
            assert item.text.strip() and item.id
            assert "\x00" not in item.text
        else:
            assert item.where and item.what


@settings(max_examples=200, deadline=None)
@given(HEADER_LINES, st.text(max_size=200))
def test_any_header_block_parses_or_is_body(lines, body):
    text = "\n".join(lines) + "\n\n" + body
    header, rest = split_header(text)
    assert isinstance(header, dict)
    if header:
        assert rest == text.split("\n\n", 1)[1] or text.endswith(rest)
    else:
        assert rest == text
    for item in _read(text.encode("utf-8", "surrogatepass"), ".txt"):
        assert isinstance(item, (Article, InputProblem))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_published_parses_or_raises_value_error(value):
    try:
        parse_published(value)
    except ValueError as exc:
        assert str(exc)
