"""The kg command, driven through its entry point as a user would."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

from kg.cli import main
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("store")
    assert main(["ingest", "--store", str(path), str(SAMPLES)]) == 0
    return path


def _run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.slow  # kg ingest runs the spaCy model
def test_query_csv_lists_both_calls(store_dir, capsys):
    code, out, _ = _run(capsys, "query", "--store", str(store_dir), "countries-discussed-per-call", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len({r["call"] for r in rows}) == 2
    assert {"IRN", "VEN", "CUB"} <= {r["iso3"] for r in rows if r["date"] == "2026-02-04"}


@pytest.mark.slow  # kg ingest runs the spaCy model
def test_reingest_is_idempotent(store_dir, capsys):
    _, before, _ = _run(capsys, "export", "--store", str(store_dir), "--format", "nquads")
    assert main(["ingest", "--store", str(store_dir), str(SAMPLES)]) == 0
    capsys.readouterr()
    _, after, _ = _run(capsys, "export", "--store", str(store_dir), "--format", "nquads")
    assert sorted(before.splitlines()) == sorted(after.splitlines())


@pytest.mark.slow  # kg ingest runs the spaCy model
def test_remove_drops_only_that_article(tmp_path, capsys):
    store = str(tmp_path / "s")
    assert main(["ingest", "--store", store, str(SAMPLES)]) == 0
    assert main(["remove", "--store", store, "003_b589b2e0dcd69780"]) == 0
    _, out, _ = _run(capsys, "query", "--store", store, "calls", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["date"] for r in rows] == ["2026-02-04"]
    code, _, err = _run(capsys, "remove", "--store", store, "no-such-article")
    assert code == 2 and "no article" in err


def test_queries_lists_parameters(capsys):
    code, out, _ = _run(capsys, "queries")
    assert code == 0
    assert "countries-discussed-per-call" in out and "--param actor=<name>" in out


@pytest.mark.slow  # kg ingest runs the spaCy model
def test_errors_are_clear_and_exit_2(store_dir, capsys):
    code, _, err = _run(capsys, "query", "--store", str(store_dir), "no-such-query")
    assert code == 2 and "no saved query named 'no-such-query'" in err
    code, _, err = _run(capsys, "query", "--store", str(store_dir), "calls-with")
    assert code == 2 and "needs parameter actor" in err


@pytest.mark.slow  # kg ingest runs the spaCy model
def test_bad_inputs_do_not_stop_good_ones(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xff\xfe\x00garbage\xc3")
    (tmp_path / "in" / "good.txt").write_text(
        "Title: Call\nPublished: 2025-03-19\n\nRussian President Vladimir Putin and US President Donald Trump "
        "spoke by phone on Tuesday and discussed Ukraine.\n", encoding="utf-8")
    code, _, err = _run(capsys, "ingest", "--store", str(tmp_path / "s"), str(tmp_path / "in"))
    assert code == 2
    assert "bad.txt" in err and "ingested 1 article(s), skipped 1" in err
    code, out, _ = _run(capsys, "query", "--store", str(tmp_path / "s"), "countries-discussed-per-call",
                        "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["date"], r["iso3"]) for r in rows] == [("2025-03-18", "UKR")]


@pytest.mark.slow  # kg ingest runs the spaCy model
def test_export_writes_atomically(store_dir, tmp_path, capsys):
    target = tmp_path / "out.ttl"
    assert main(["export", "--store", str(store_dir), "--format", "turtle", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("@prefix")
    assert not list(tmp_path.glob(".out.ttl.*"))


def test_console_script_runs():
    result = subprocess.run([sys.executable, "-m", "kg.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("kg ")


@pytest.mark.slow  # kg ingest runs the spaCy model
def test_query_commands_do_not_import_spacy(store_dir):
    code = (f"import sys; from kg.cli import main; main(['query', '--store', {str(store_dir)!r}, 'calls', "
            "'--format', 'csv']); main(['queries']); sys.exit(1 if 'spacy' in sys.modules else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
