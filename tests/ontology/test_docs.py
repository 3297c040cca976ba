"""The generated ontology documentation (docs/ontology/) is in step with ontology/kg.ttl."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "scripts" / "build_ontology_docs.py"
DOCS = ROOT / "docs" / "ontology"
FILES = ("index.html", "diagram.md", "README.md")
REGENERATE = "run python scripts/build_ontology_docs.py"


def _load_generator() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("build_ontology_docs", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen() -> types.ModuleType:
    return _load_generator()


@pytest.fixture(scope="module")
def class_names(gen) -> list[str]:
    names = [str(c)[len(gen.KG_NS) :] for c in gen.kg_classes(gen.load())]
    assert len(names) >= 20, names
    return names


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    """All the files, generated afresh by the script in a separate process (pyLODE's import
    reconfigures the root logger, which this test session should not inherit)."""
    if importlib.util.find_spec("pylode") is None:
        pytest.skip("pyLODE is not installed (pip install -e '.[test]' installs pylode==3.3.4)")
    out = tmp_path_factory.mktemp("ontology-docs")
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--out-dir", str(out)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("name", FILES)
def test_committed_file_matches_regenerated(regenerated, name):
    committed = DOCS / name
    assert committed.exists(), f"docs/ontology/{name} is missing: {REGENERATE}"
    assert committed.read_bytes() == (regenerated / name).read_bytes(), f"docs/ontology/{name} is stale: {REGENERATE}"


def test_diagram_and_readme_are_current_without_pylode(gen):
    """The parts that need only rdflib, so they are checked even where pyLODE is missing."""
    assert (DOCS / "diagram.md").read_text(encoding="utf-8") == gen.render_diagram(gen.load()), REGENERATE
    assert (DOCS / "README.md").read_text(encoding="utf-8") == gen.README, REGENERATE


def test_every_kg_class_is_in_the_diagram(class_names):
    diagram = (DOCS / "diagram.md").read_text(encoding="utf-8")
    block = re.search(r"```mermaid\n(.*?)```", diagram, re.S)
    assert block is not None, "diagram.md has no mermaid block"
    mermaid = block.group(1)
    assert mermaid.startswith("classDiagram\n")
    declared = set(re.findall(r"^    class (\w+)", mermaid, re.M))
    assert declared == set(class_names)


def test_diagram_has_the_subclass_and_property_edges(gen):
    mermaid = gen.render_diagram(gen.load())
    assert "    Encounter <|-- PhoneCall" in mermaid
    assert "    Actor <|-- Person" in mermaid
    assert "    Encounter --> Actor : participant" in mermaid
    assert '    Stance --> "0..1" Polarity : polarity' in mermaid
    # a union domain gives one arrow per member
    for cls in ("Discussion", "Encounter", "Mention", "Stance", "TreatyMention"):
        assert f"    {cls} --> Evidence : evidence" in mermaid


def test_every_kg_class_is_in_the_html(gen, class_names):
    html = (DOCS / "index.html").read_text(encoding="utf-8")
    assert "<title>kg: an ontology of diplomatic encounters reported in the news</title>" in html
    for name in class_names:
        assert f"<code>{gen.KG_NS}{name}</code>" in html, f"kg:{name} is not documented in index.html"


def test_html_has_no_machine_paths():
    html = (DOCS / "index.html").read_text(encoding="utf-8")
    assert str(ROOT) not in html


def test_normalize_html_orders_union_members(gen):
    def td(*members):
        sep = '\n                <span class="cardinality">or</span>\n'
        items = [
            f'                <span>\n                  <a href="#{m}">{m.lower()}</a>\n                </span>'
            for m in members
        ]
        return "<td>\n" + sep.join(items) + "\n              </td>"

    assert gen.normalize_html(td("Treaty", "Actor", "Topic")) == td("Actor", "Topic", "Treaty") + "\n"


def test_check_exits_1_when_stale(tmp_path):
    if importlib.util.find_spec("pylode") is None:
        pytest.skip("pyLODE is not installed (pip install -e '.[test]' installs pylode==3.3.4)")
    (tmp_path / "README.md").write_text("stale\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(GENERATOR), "--check", "--out-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "out of date" in result.stderr
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "stale\n"  # --check writes nothing
