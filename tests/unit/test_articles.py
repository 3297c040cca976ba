import datetime as dt
import json

import pytest

from kg.articles import InputProblem, parse_published, read_path, read_paths, split_header
from kg.records import Article


def _articles(items):
    return [i for i in items if isinstance(i, Article)]


def _problems(items):
    return [i for i in items if isinstance(i, InputProblem)]


def test_header_block_is_read(tmp_path):
    path = tmp_path / "a1.txt"
    path.write_text("Title: Leaders talk\nURL: https://example.org/x\nOutlet: Example\nPublished: 2025-03-19\n"
                    "License: test\n\nBody text here.\n", encoding="utf-8")
    [article] = _articles(read_path(path))
    assert article.id == "a1"
    assert article.title == "Leaders talk"
    assert article.url == "https://example.org/x"
    assert article.published == dt.date(2025, 3, 19)
    assert article.text == "Body text here."


def test_text_without_header_keeps_a_leading_colon_line():
    header, body = split_header("Pulse Summary: Presidents met.\nMore text.")
    assert header == {}
    assert body.startswith("Pulse Summary:")


def test_unknown_publication_date_is_none():
    assert parse_published("unknown") is None
    assert parse_published("March 18, 2025") == dt.date(2025, 3, 18)
    with pytest.raises(ValueError):
        parse_published("yesterday")


def test_malformed_published_is_a_warning_not_a_loss(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Title: T\nPublished: yesterday\nColour: blue\n\nText.\n", encoding="utf-8")
    items = list(read_path(path))
    [article] = _articles(items)
    [problem] = _problems(items)
    assert not problem.fatal and "Published" in problem.message
    assert article.published is None
    assert ("colour", "blue") in article.extra


def test_jsonl_with_a_broken_line_keeps_the_others(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = {"id": "one", "title": "T", "published": "2025-01-02", "text": "Putin spoke."}
    path.write_text(json.dumps(good) + "\n{broken\n" + json.dumps({**good, "id": "two"}) + "\n", encoding="utf-8")
    items = list(read_path(path))
    assert [a.id for a in _articles(items)] == ["one", "two"]
    [problem] = _problems(items)
    assert problem.where.endswith("feed.jsonl:2")


def test_bad_bytes_name_the_offset(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Good start \xff\xfe\xfa bad")
    [problem] = _problems(read_path(path))
    assert "offset 11" in problem.message


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Title: T\n\nXi met Putin.".encode("utf-16"))
    [article] = _articles(read_path(path))
    assert article.text == "Xi met Putin."


def test_empty_file_and_unknown_type_are_problems(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF")
    items = list(read_path(tmp_path / "empty.txt")) + list(read_path(tmp_path / "doc.pdf"))
    assert len(_problems(items)) == 2 and not _articles(items)


def test_duplicate_ids_are_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text("Two.", encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert len(_articles(items)) == 1
    assert "already read" in _problems(items)[0].message


def test_control_characters_are_dropped(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("Xi\x00 met\x07 Putin.", encoding="utf-8")
    [article] = _articles(read_path(path))
    assert article.text == "Xi met Putin."


def test_jsonl_streams_and_a_line_with_bad_bytes_loses_only_itself(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "one", "text": "Putin spoke \u2028 with Xi."}).encode()  # U+2028 inside a string
    bad = b'{"id": "two", "text": "caf\xe9"}'
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\r\n" + bad + b"\n" + good.replace(b"one", b"three") + b"\n")
    items = list(read_path(path))
    assert [a.id for a in _articles(items)] == ["one", "three"]
    [problem] = _problems(items)
    offset = 3 + len(good) + 2 + bad.index(b"\xe9")
    assert problem.where.endswith("feed.jsonl:2") and f"offset {offset}" in problem.message


def test_jsonl_is_read_line_by_line_not_whole(tmp_path, monkeypatch):
    from pathlib import Path

    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": "Xi met Putin."}) + "\n" for i in range(3)))

    def whole_file(self):
        raise AssertionError("a JSONL file must not be read whole")

    monkeypatch.setattr(Path, "read_bytes", whole_file)
    assert [a.id for a in _articles(read_path(path))] == ["a0", "a1", "a2"]


def test_utf16_jsonl_is_read(tmp_path):
    path = tmp_path / "u16.jsonl"
    path.write_bytes((json.dumps({"id": "x", "text": "Xi met Putin."}) + "\r\n").encode("utf-16"))
    assert [a.text for a in _articles(read_path(path))] == ["Xi met Putin."]
