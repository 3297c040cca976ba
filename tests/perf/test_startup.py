"""The read-only commands start without loading spaCy."""

from __future__ import annotations

import subprocess
import sys


def test_export_does_not_import_spacy(tmp_path):
    out = str(tmp_path / "graph.ttl")
    code = ("import sys; from kg.cli import main; "
            f"main(['export', '--store', 'memory:', '--format', 'turtle', '-o', {out!r}]); "
            "main(['export', '--store', 'memory:', '--format', 'nquads']); "
            "sys.exit(1 if 'spacy' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
