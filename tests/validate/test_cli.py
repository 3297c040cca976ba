"""``kg validate`` and ``kg infer`` through the CLI: exit codes 0 / 1 / 2, JSON, the SHACL report file."""

from __future__ import annotations

import json
from pathlib import Path

from kg.cli import main

from .conftest import BASE


def test_validate_exit_codes(broken, tmp_path: Path, capsys) -> None:
    assert main(["validate", str(BASE), "--skip", "owl"]) == 0
    assert "CONFORMS" in capsys.readouterr().out
    path = broken("DELETE DATA { GRAPH art:a1 { <stance/a1/s1> kg:polarity kg:Cooperate } }")
    shacl_out = tmp_path / "shacl.ttl"
    code = main(["validate", str(path), "--skip", "owl", "--format", "json", "--shacl-report", str(shacl_out)])
    assert code == 1
    data = json.loads(capsys.readouterr().out)
    assert data["conforms"] is False
    assert "sh:ValidationReport" in shacl_out.read_text(encoding="utf-8")
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_validate_and_infer_on_a_store(tmp_path: Path, capsys) -> None:
    from kg.store import open_store
    from kg.validate import load_file

    store_dir = tmp_path / "store"
    source = load_file(BASE)
    store = open_store(str(store_dir))
    graphs: dict = {}
    for quad in source.quads():
        graphs.setdefault(quad.graph_name, []).append(quad)
    store.replace_graphs(graphs)
    store.close()
    assert main(["infer", "--store", str(store_dir)]) == 0
    assert "graph/inferred" in capsys.readouterr().err
    assert main(["validate", "--store", str(store_dir), "--skip", "owl"]) == 0


def test_check_names_match_the_validation_stack():
    from kg.cli.checks import CHECK_NAMES
    from kg.validate import CHECKS

    assert CHECK_NAMES == CHECKS
