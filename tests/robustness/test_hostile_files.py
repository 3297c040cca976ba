"""Careless and hostile input files for the readers (issue 17): each bad thing loses only itself and is
said; nothing hangs. Readers only (no NLP): what kg ingest reads is what it extracts from."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from kg import walk
from kg.articles import InputProblem, read_paths
from kg.records import Article

GOOD = "Chinese President Xi Jinping and Russian President Vladimir Putin held a video call on Monday."


def _read(*paths):
    items = list(read_paths(list(paths)))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputProblem)]


def test_a_jsonl_line_nested_100000_deep_loses_only_itself(tmp_path):
    feed = tmp_path / "feed.jsonl"
    deep = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    feed.write_text("\n".join([json.dumps({"id": "a", "text": GOOD}), deep, json.dumps({"id": "b", "text": GOOD})]),
                    encoding="utf-8")
    articles, problems = _read(feed)
    assert [a.id for a in articles] == ["a", "b"]
    assert len(problems) == 1 and problems[0].where.endswith("feed.jsonl:2") and "too deep" in problems[0].what


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # chmod 000 does not stop root, so refuse the listing the way the kernel would
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)
    articles, problems = _read(tmp_path)
    assert [a.id for a in articles] == ["a"]
    assert [(p.where, p.what) for p in problems] == [(str(locked), "cannot read the folder: Permission denied")]


def test_a_header_key_with_a_digit_keeps_the_header(tmp_path):
    article = tmp_path / "wire.txt"
    article.write_text(f"Title: Leaders talk\nSource2: wire\nX-Feed.ID: 7\nPublished: 2026-02-04\n\n{GOOD}\n",
                       encoding="utf-8")
    (read,), problems = _read(article)
    assert problems == []
    assert read.title == "Leaders talk" and read.text == GOOD
    assert dict(read.extra) == {"source2": "wire", "x-feed.id": "7"}


def test_control_characters_are_dropped_from_jsonl_fields(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"title": "T\u0000itle\u0007", "outlet": "Out\u001blet\nNews", "text": GOOD}),
                    encoding="utf-8")
    (read,), _ = _read(feed)
    assert read.title == "Title" and read.outlet == "Outlet News"


def test_a_named_pipe_with_no_writer_does_not_hang(tmp_path, monkeypatch):
    monkeypatch.setattr(walk, "FIFO_WAIT", 0.5)
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    started = time.monotonic()
    articles, problems = _read(pipe)
    assert articles == [] and "nothing wrote to" in problems[0].what
    assert time.monotonic() - started < 10


def test_a_named_pipe_with_a_writer_is_read(tmp_path):
    pipe = tmp_path / "feed.jsonl"
    os.mkfifo(pipe)

    def write() -> None:
        with open(pipe, "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"id": "piped", "text": GOOD}) + "\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    articles, problems = _read(pipe)
    writer.join(timeout=10)
    assert [a.id for a in articles] == ["piped"] and problems == []


def test_a_named_pipe_inside_a_folder_is_reported_not_opened(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    started = time.monotonic()
    articles, problems = _read(tmp_path)
    assert [a.id for a in articles] == ["a"]
    assert [(p.where, p.what) for p in problems] == [(str(tmp_path / "b.txt"), "a named pipe (FIFO), not read")]
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("name", ["x" * 300 + ".txt"])
def test_a_file_name_too_long_is_reported(tmp_path, name):
    articles, problems = _read(tmp_path / name)
    assert articles == [] and len(problems) == 1


@pytest.mark.slow
def test_kg_ingest_of_a_named_pipe_with_no_writer_exits_instead_of_hanging(tmp_path):
    """Through the command line: the pipe is reported with its name and exit 2, within a bounded wait."""
    import subprocess
    import sys

    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "folder" / "b.txt")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", "--store", "memory:", str(pipe),
                           str(tmp_path / "folder")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert str(pipe) in done.stderr and "nothing wrote to" in done.stderr
    assert "named pipe (FIFO), not read" in done.stderr
    assert "ingested 1 article(s)" in done.stdout + done.stderr
