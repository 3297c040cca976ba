"""An ingest killed in the middle (SIGKILL) leaves no half-written article; re-running it gives exactly
the graph a clean run gives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow  # kg ingest processes with the spaCy model

ARTICLE = ("Title: Call {n}\nPublished: 2025-03-{day:02d}\n\nRussian President Vladimir Putin and US President "
           "Donald Trump spoke by phone on Tuesday about Ukraine and Iran. The two leaders also discussed Syria.\n")


def _kg(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kwargs)


def _nquads(store) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "kg.cli", "export", "--store", str(store), "--format", "nquads"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    # the ontology graph has blank nodes, whose labels differ from store to store: compare their count only
    lines = result.stdout.splitlines()
    ontology = [line for line in lines if line.endswith("/graph/ontology> .")]
    return sorted(line for line in lines if not line.endswith("/graph/ontology> .")) + [f"ontology: {len(ontology)}"]


def test_rerun_after_sigkill_equals_a_clean_run(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    filler = "Analysts said the talks would shape trade and energy policy for years. " * 40
    for n in range(80):
        text = ARTICLE.format(n=n, day=1 + n % 28) + filler + "\n"
        (articles / f"a{n:03d}.txt").write_text(text, encoding="utf-8")
    (articles / "sample.txt").write_text((SAMPLES / "000_a7c74c352d17316b.txt").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    env = {**os.environ, "KG_BATCH_SIZE": "4"}
    killed = tmp_path / "killed"
    process = _kg("ingest", "--store", str(killed), str(articles), env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and not (killed / "CURRENT").exists():
        time.sleep(0.1)
    time.sleep(3.0)  # the model loads, the first batches go in: kill it in the middle
    assert process.poll() is None, "the ingest ended before it could be killed; give it more work"
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL
    rerun = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", "--store", str(killed), str(articles)],
                           capture_output=True, text=True, timeout=600, env=env)
    assert rerun.returncode == 0, rerun.stderr
    clean = tmp_path / "clean"
    first = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", "--store", str(clean), str(articles)],
                           capture_output=True, text=True, timeout=600, env=env)
    assert first.returncode == 0, first.stderr
    assert _nquads(killed) == _nquads(clean)
