"""The seams of docs/decisions/0006-package-layout.md, enforced over the source with ``ast``: stage packages
import only the stages below them and never each other in a circle; the NLP side never reaches an RDF
library nor the RDF side spaCy; only the CLI prints or exits; only the CLI and the settings read the
environment; namespace IRIs are written only in the generated vocabulary module. Each rule's checker is
itself tested on a few lines of made-up source."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.rdf import vocab
from tests.architecture.scan import Module, cycles, reachable, scan_package, scan_source

ROOT = Path(__file__).resolve().parents[2] / "kg"

# Every module belongs to the stage of its longest matching prefix.
STAGES: dict[str, str] = {
    "kg": "core", "kg.errors": "core", "kg.records": "core", "kg.settings": "core", "kg.resources": "core",
    "kg.keys": "core", "kg.folding": "core",
    "kg.articles": "read", "kg.walk": "read", "kg.gazetteer": "read", "kg.lexicon": "read",
    "kg.nlp": "nlp", "kg.extract": "extract",
    "kg.rdf": "rdf", "kg.store": "store",
    "kg.query": "query", "kg.ingest": "ingest",
    "kg.validate": "validate", "kg.evaluation": "evaluation", "kg.views": "views", "kg.serve": "serve",
    "kg.cli": "cli",
}
# What each stage may import besides itself. Anything else is an upward (or sideways) arrow.
ALLOWED: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "read": frozenset({"core"}),
    "nlp": frozenset({"core", "read"}),
    "extract": frozenset({"core", "read", "nlp"}),
    "rdf": frozenset({"core", "read"}),
    "store": frozenset({"core", "rdf"}),
    "query": frozenset({"core", "rdf", "store"}),
    "ingest": frozenset({"core", "read", "nlp", "extract", "rdf", "store", "query"}),
    "validate": frozenset({"core", "rdf", "store", "query"}),
    "evaluation": frozenset({"core", "read", "rdf", "store", "query", "ingest"}),
    "views": frozenset({"core", "rdf", "store", "query"}),
    "serve": frozenset({"core", "rdf", "store", "query"}),
    "cli": frozenset(STAGES.values()),
}
NLP_SIDE = ("nlp", "extract")
RDF_SIDE = ("rdf", "store")
RDF_LIBRARIES = frozenset({"rdflib", "pyoxigraph", "pyshacl", "owlready2", "owlrl"})
NLP_LIBRARIES = frozenset({"spacy", "thinc"})
VOCABULARY_MODULE = "kg.rdf.vocab"
# settings are resolved once, in the CLI, from the environment it reads (load_settings is given it)
ENVIRONMENT_READERS = ("kg.cli", "kg.settings")


def stage_of(module: str) -> str:
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        stage = STAGES.get(".".join(parts[:end]))
        if stage is not None:
            return stage
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES (and to the module map of 0006)")


def module_graph(modules: dict[str, Module]) -> dict[str, set[str]]:
    return {name: {t for t in m.kg_imports if t in modules and t != name} for name, m in modules.items()}


def upward_imports(modules: dict[str, Module]) -> list[str]:
    found = []
    for name, module in sorted(modules.items()):
        stage = stage_of(name)
        for target, line in sorted(module.kg_imports.items()):
            other = stage_of(target)
            if other != stage and other not in ALLOWED[stage]:
                found.append(f"{module.path.name}:{line}: {name} ({stage}) imports {target} ({other})")
    return found


def libraries_reached(modules: dict[str, Module], stages: tuple[str, ...], libraries: frozenset[str]) -> list[str]:
    """The forbidden libraries the modules of ``stages`` import, directly or through other kg modules."""
    graph = module_graph(modules)
    found = []
    for name in sorted(n for n in modules if stage_of(n) in stages):
        for reached in sorted(reachable(graph, [name])):
            for library in sorted(set(modules[reached].external) & libraries):
                via = "" if reached == name else f" through {reached}"
                found.append(f"{name} reaches {library}{via} (line {modules[reached].external[library]})")
    return found


def exits_outside_cli(modules: dict[str, Module]) -> list[str]:
    return [f"{m.name}:{line}: {what}" for m in modules.values() if stage_of(m.name) != "cli"
            for line, what in sorted(m.exits)]


def environment_reads(modules: dict[str, Module]) -> list[str]:
    return [f"{m.name}:{line}: {what}" for m in modules.values()
            if not any(m.name == r or m.name.startswith(r + ".") for r in ENVIRONMENT_READERS)
            for line, what in sorted(m.environ)]


def namespaces() -> tuple[str, ...]:
    return tuple(sorted({*vocab.PREFIXES.values(), *vocab.DATA_PREFIXES.values(), *vocab.SERVICE_PREFIXES.values(),
                         vocab.KG_BASE}))


def namespace_literals(modules: dict[str, Module]) -> list[str]:
    known = namespaces()
    return [f"{m.name}:{line}: {text[:80]!r}" for m in modules.values() if m.name != VOCABULARY_MODULE
            for line, text in m.strings if any(ns in text for ns in known)]


@pytest.fixture(scope="module")
def modules() -> dict[str, Module]:
    return scan_package(ROOT)


def test_every_module_belongs_to_a_stage(modules):
    for name in modules:
        stage_of(name)


def test_no_import_cycles_between_modules(modules):
    assert cycles(module_graph(modules)) == []


def test_no_import_cycles_between_stages(modules):
    graph: dict[str, set[str]] = {}
    for name, module in modules.items():
        graph.setdefault(stage_of(name), set()).update(
            stage_of(t) for t in module.kg_imports if stage_of(t) != stage_of(name))
    assert cycles(graph) == []


def test_no_upward_imports(modules):
    assert upward_imports(modules) == []


def test_the_nlp_side_never_reaches_an_rdf_library(modules):
    assert libraries_reached(modules, NLP_SIDE, RDF_LIBRARIES) == []


def test_the_rdf_side_never_reaches_spacy(modules):
    assert libraries_reached(modules, RDF_SIDE, NLP_LIBRARIES) == []


def test_only_the_cli_prints_or_exits(modules):
    assert exits_outside_cli(modules) == []


def test_only_the_cli_and_the_settings_read_the_environment(modules):
    assert environment_reads(modules) == []


def test_namespace_iris_are_written_only_in_the_vocabulary_module(modules):
    assert namespace_literals(modules) == []


# --- the checkers find what they are meant to find ---------------------------------------------------


def _fake(name: str, source: str, known: set[str] = frozenset()) -> Module:
    return scan_source(name, Path(name.replace(".", "/") + ".py"), source, set(known))


def test_the_checkers_catch_each_kind_of_breach():
    known = {"kg.rdf.iris", "kg.ingest.pipeline", "kg.extract.helper", "kg.cli.main"}
    fake = {
        "kg.extract.helper": _fake("kg.extract.helper", "def f():\n    from kg.rdf import iris\n", known),
        "kg.rdf.iris": _fake("kg.rdf.iris", "import spacy\nfrom kg.ingest.pipeline import x\n"
                             "PREFIX = 'https://w3id.org/kg-diplomacy/id/'\n", known),
        "kg.ingest.pipeline": _fake("kg.ingest.pipeline", "import pyoxigraph\nfrom ..rdf import iris\n"
                                    "print('done')\nraise SystemExit(2)\nimport os\nSTORE = os.environ['KG_STORE']\n",
                                    known),
        "kg.cli.main": _fake("kg.cli.main", "import sys\nprint('ok')\nsys.exit(0)\n", known),
    }
    assert upward_imports(fake) == [
        "helper.py:2: kg.extract.helper (extract) imports kg.rdf.iris (rdf)",
        "iris.py:2: kg.rdf.iris (rdf) imports kg.ingest.pipeline (ingest)",
    ]
    assert cycles(module_graph(fake)) == [["kg.ingest.pipeline", "kg.rdf.iris"]]
    assert libraries_reached(fake, NLP_SIDE, RDF_LIBRARIES) == [
        "kg.extract.helper reaches pyoxigraph through kg.ingest.pipeline (line 1)"]
    assert libraries_reached(fake, RDF_SIDE, NLP_LIBRARIES) == ["kg.rdf.iris reaches spacy (line 1)"]
    assert exits_outside_cli(fake) == ["kg.ingest.pipeline:3: print()", "kg.ingest.pipeline:4: raise SystemExit"]
    assert namespace_literals(fake) == ["kg.rdf.iris:3: 'https://w3id.org/kg-diplomacy/id/'"]
    assert environment_reads(fake) == ["kg.ingest.pipeline:6: os.environ"]


def test_docstrings_and_f_strings_are_told_apart():
    source = ('"""See https://w3id.org/kg-diplomacy/ontology# for the terms."""\n'
              'def f(x):\n    """Mints http://schema.org/ IRIs."""\n    return f"{x}http://www.w3.org/2002/07/owl#"\n')
    assert namespace_literals({"kg.x": _fake("kg.x", source)}) == ["kg.x:4: 'http://www.w3.org/2002/07/owl#'"]
