"""A failed export leaves no truncated or temporary file behind and says what to do."""

from __future__ import annotations

import errno
import os

import pytest

from kg.errors import ExportError
from kg.query.export import export


def test_disk_full_leaves_nothing_behind(sample_store, tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("previous export\n", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="No space left on device"):
        export(sample_store, "turtle", target)
    assert target.read_text(encoding="utf-8") == "previous export\n"  # the old file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_missing_output_directory_is_a_clear_error(sample_store, tmp_path):
    with pytest.raises(ExportError) as caught:
        export(sample_store, "nquads", tmp_path / "no" / "such" / "dir" / "graph.nq")
    assert "writable output directory" in caught.value.message


def test_unknown_format_names_the_known_ones(sample_store, tmp_path):
    with pytest.raises(ExportError, match="turtle"):
        export(sample_store, "rdfxml", tmp_path / "x")
    assert not list(tmp_path.iterdir())


def test_read_only_directory_is_a_clear_error(sample_store, tmp_path, monkeypatch):
    # root ignores directory permissions, so the refusal the OS would give is simulated: creating any file
    # fails as it does in a directory without write permission
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ExportError) as caught:
        export(sample_store, "turtle", tmp_path / "graph.ttl")
    assert "Permission denied" in caught.value.message and "writable output directory" in caught.value.message
    assert not list(tmp_path.iterdir())
