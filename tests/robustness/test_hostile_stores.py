"""A damaged store directory and an output that cannot be written (issue 17): exit 3 saying the store is
damaged and how to rebuild it; a full standard output is a clear error; never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad
from pyoxigraph import Store as OxStore

from kg.cli import main

FULL = Path("/dev/full")


def _written_store(location: Path, quads: int = 30_000) -> list[Path]:
    """A store directory whose data sits in .sst files (flushed and compacted); the files, largest first."""
    store = OxStore(str(location))
    store.extend([Quad(NamedNode(f"http://example.org/s{n}"), NamedNode("http://example.org/p"),
                       Literal("padding " * 6 + str(n)), NamedNode("http://example.org/g")) for n in range(quads)])
    store.flush()
    store.optimize()
    del store
    return sorted(location.glob("*.sst"), key=lambda p: p.stat().st_size, reverse=True)


def _assert_damaged(capsys, code: int, location: Path) -> None:
    err = capsys.readouterr().err
    assert code == 3, err
    assert "the store is damaged" in err and "rebuild it" in err and str(location) in err
    assert "Traceback" not in err


def test_truncated_store_files_are_exit_3_with_how_to_rebuild(tmp_path, capsys):
    location = tmp_path / "store"
    for sst in _written_store(location):
        with sst.open("r+b") as handle:
            handle.truncate(100)
    _assert_damaged(capsys, main(["query", "calls", "--store", str(location)]), location)
    _assert_damaged(capsys, main(["export", "--store", str(location), "-o", str(tmp_path / "out.ttl")]), location)


def test_a_damaged_block_found_while_reading_is_exit_3(tmp_path, capsys):
    location = tmp_path / "store"
    biggest = _written_store(location)[0]
    size = biggest.stat().st_size
    with biggest.open("r+b") as handle:  # same size, garbage in the middle: found only when read
        handle.seek(size // 3)
        handle.write(b"\xff" * 2000)
    _assert_damaged(capsys, main(["export", "--store", str(location), "--format", "nquads",
                                  "-o", str(tmp_path / "out.nq")]), location)


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", [["export"], ["export", "--format", "nquads"], ["query", "calls"]])
def test_a_full_standard_output_is_a_clear_error(tmp_path, command):
    location = tmp_path / "store"
    store = OxStore(str(location))
    store.add(Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), Literal("o"),
                   NamedNode("http://example.org/g")))
    del store
    with FULL.open("wb") as full:
        done = subprocess.run([sys.executable, "-m", "kg.cli", *command, "--store", str(location)], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "cannot write to standard output: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
