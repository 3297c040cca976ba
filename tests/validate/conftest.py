"""Small hand-written graphs for the checks: ``data/base.trig`` conforms; ``broken(update)`` breaks it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Dataset

BASE = Path(__file__).resolve().parent / "data" / "base.trig"
PREFIXES = """\
PREFIX kg: <https://w3id.org/kg-diplomacy/ontology#>
BASE <https://w3id.org/kg-diplomacy/id/>
PREFIX kgg: <https://w3id.org/kg-diplomacy/graph/>
PREFIX art: <https://w3id.org/kg-diplomacy/graph/article/>
PREFIX schema: <http://schema.org/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture
def broken(tmp_path: Path) -> Callable[[str], Path]:
    """Apply a SPARQL Update to the base graph and write the result as TriG; returns the file.

    Relative IRIs are data (``<encounter/e1>``); ``art:a1`` and ``kgg:reference`` are graphs."""

    def make(update: str) -> Path:
        dataset = Dataset()
        dataset.parse(BASE, format="trig")
        for operation in re.split(r";\s*(?=INSERT|DELETE)", update):  # rdflib keeps the prologue for one operation only
            dataset.update(PREFIXES + operation)
        path = tmp_path / "broken.trig"
        path.write_text(dataset.serialize(format="trig"), encoding="utf-8")
        return path

    return make
