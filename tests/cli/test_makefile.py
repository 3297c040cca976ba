"""The README's two commands, `make run` and `make test`, on a fresh clone, with a stand-in Python whose
venv's pip and kg only log what they were asked (no network, under a second). Issue 16: `make run` installed
the test extras and printed pip's ~170 lines before the answer."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# `PYTHON -m venv DIR` makes DIR/bin with a pip that logs its arguments, a kg that prints a known answer and a
# python that stands for pytest.
FAKE_PYTHON = """#!/bin/sh
[ "$1 $2" = "-m venv" ] || exit 9
mkdir -p "$3/bin"
for tool in pip kg python; do
  printf '#!/bin/sh\\necho "%s $*" >> "%s/calls.log"\\n' "$tool" "$PWD" > "$3/bin/$tool"
  chmod +x "$3/bin/$tool"
done
printf '#!/bin/sh\\necho "kg $*" >> "%s/calls.log"\\n[ "$1" = query ] && echo THE-ANSWER\\nexit 0\\n' "$PWD" \\
  > "$3/bin/kg"
"""


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    for name in ("Makefile", "pyproject.toml", "scripts/test.sh"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, tmp_path / name)
    python = tmp_path / "fake-python"
    python.write_text(FAKE_PYTHON, encoding="utf-8")
    python.chmod(0o755)
    return tmp_path


def _make(clone: Path, target: str) -> tuple[str, list[str]]:
    """What ``make target`` printed, and the tool calls it made (and clears the log)."""
    done = subprocess.run(["make", "--no-print-directory", target, f"PYTHON={clone / 'fake-python'}"], cwd=clone,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    log = clone / "calls.log"
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return done.stdout + done.stderr, calls


def _installs(calls: list[str]) -> list[str]:
    return [c.split()[-1] for c in calls if c.startswith("pip install") and "--upgrade" not in c]


def test_run_installs_only_the_runtime_quietly_and_prints_the_answer_last(clone: Path) -> None:
    out, calls = _make(clone, "run")
    assert _installs(calls) == ["."]
    assert all("--quiet --quiet" in c for c in calls if c.startswith("pip"))
    assert out.rstrip().splitlines()[-1] == "THE-ANSWER"
    assert len(out.splitlines()) <= 4, out
    _, calls = _make(clone, "test")  # then make test adds the test extras, and only them
    assert _installs(calls) == [".[test]"] and calls[-1].startswith("python -m pytest")
    _, again = _make(clone, "run")
    assert _installs(again) == []


def test_test_first_then_run_installs_nothing_more(clone: Path) -> None:
    _, calls = _make(clone, "test")
    assert _installs(calls) == [".", ".[test]"]
    out, calls = _make(clone, "run")
    assert _installs(calls) == [] and out.strip().endswith("THE-ANSWER")


def test_an_edited_pyproject_redoes_both(clone: Path) -> None:
    _make(clone, "setup")
    earlier = time.time() - 60  # the set-up was done a minute before the edit
    for stamp in (clone / ".venv").glob(".installed-*"):
        os.utime(stamp, (earlier, earlier))
    os.utime(clone / "pyproject.toml")  # edited now
    _, calls = _make(clone, "run")
    assert _installs(calls) == ["."]
    _, calls = _make(clone, "test")
    assert _installs(calls) == [".[test]"]
