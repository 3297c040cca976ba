"""What the kg command leaves behind and says: a failed `kg extract` writes no file, exports get the mode
of any new file (the umask applies), `kg remove` says what it removed. The inputs are missing files and
hand-written graphs loaded with `kg load`."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

import pytest

from kg.cli import main
from kg.errors import ExportError
from kg.query.export import atomic_write
from kg.rdf import iris

GRAPH = '<https://example.org/s> <https://example.org/p> "one" .\n'


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.slow  # kg extract loads the spaCy model before it reads the inputs
def test_extract_of_nothing_readable_writes_no_file(tmp_path, capsys):
    out = tmp_path / "x.nq"
    assert main(["extract", str(tmp_path / "nonexistent"), "--out", str(out)]) == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []
    err = capsys.readouterr().err
    assert "nonexistent" in err and f"{out} not written" in err


@pytest.mark.slow  # kg extract loads the spaCy model before it reads the inputs
def test_extract_of_nothing_readable_leaves_an_earlier_shard_as_it_was(tmp_path, capsys):
    out = tmp_path / "x.nq"
    out.write_text(GRAPH)
    assert main(["extract", str(tmp_path / "nonexistent"), "--out", str(out)]) == 2
    assert out.read_text() == GRAPH and sorted(p.name for p in tmp_path.iterdir()) == ["x.nq"]
    assert "left as it was" in capsys.readouterr().err


@pytest.mark.usefixtures("umask")
def test_a_new_file_written_atomically_gets_the_umask_mode(tmp_path):
    target = tmp_path / "export.ttl"
    atomic_write(target, lambda output: output.write(b"data"))
    assert target.read_bytes() == b"data" and _mode(target) == 0o640  # 0666 less umask 027, not 0600


@pytest.mark.usefixtures("umask")
def test_a_file_written_over_keeps_its_mode(tmp_path):
    target = tmp_path / "export.ttl"
    target.write_bytes(b"old")
    target.chmod(0o604)
    atomic_write(target, lambda output: output.write(b"new"))
    assert target.read_bytes() == b"new" and _mode(target) == 0o604


def test_a_failed_atomic_write_leaves_no_file(tmp_path):
    def fail(output):
        output.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left"):
        atomic_write(tmp_path / "export.ttl", fail)
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_keeps_no_file_when_told_the_result_is_not_worth_one(tmp_path):
    assert atomic_write(tmp_path / "x.nq", lambda output: output.write(b"ref") and 0, keep=bool) == 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("umask")
def test_kg_export_respects_the_umask(tmp_path):
    (tmp_path / "one.ttl").write_text(GRAPH)
    store = str(tmp_path / "store")
    assert main(["load", "--store", store, str(tmp_path / "one.ttl")]) == 0
    assert main(["export", "--store", store, "--format", "nquads", "-o", str(tmp_path / "out.nq")]) == 0
    assert _mode(tmp_path / "out.nq") == 0o640


def test_remove_says_what_it_removed(tmp_path, capsys):
    graph = iris.article_graph("hand-written").value
    (tmp_path / "article.nq").write_text(GRAPH.replace(" .\n", f" <{graph}> .\n"))
    (tmp_path / "one.ttl").write_text(GRAPH)
    store = str(tmp_path / "store")
    assert main(["load", "--store", store, str(tmp_path / "article.nq"), str(tmp_path / "one.ttl")]) == 0
    capsys.readouterr()
    file_graph = iris.file_graph("one.ttl").value
    assert main(["remove", "--store", store, "hand-written", "--graph", file_graph]) == 0
    err = capsys.readouterr().err
    assert f"removed article 'hand-written' and what only it supported from {store}" in err
    assert f"removed graph <{file_graph}> from {store}" in err
    assert main(["remove", "--store", store, "hand-written"]) == 2
    assert "no article 'hand-written' in the store" in capsys.readouterr().err


def test_a_table_keeps_each_row_on_one_line():
    """Issue 16: an evidence sentence with its line break broke the table; CSV keeps the value as it is."""
    from kg.query.results import Rows, format_rows

    rows = Rows(("sentence", "start"), (("They met.\n", "3"), ("One\ttab and\r\na break.", "9")))
    table = format_rows(rows, "table").splitlines()
    assert len(table) == 5 and table[2].startswith("They met. ") and table[3].startswith("One tab and a break.")
    assert "They met.\n" in format_rows(rows, "csv")
