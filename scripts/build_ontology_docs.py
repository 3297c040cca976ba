"""Generate the ontology documentation in ``docs/ontology/`` from ``ontology/kg.ttl``.

    python scripts/build_ontology_docs.py                  # rewrite docs/ontology/
    python scripts/build_ontology_docs.py --check          # exit 1 if a file there is out of date
    python scripts/build_ontology_docs.py --out-dir DIR    # write the files into DIR instead

Three files:

* ``index.html``: the pyLODE page of the ontology's classes and properties (pyLODE 3.3.4, OntPub
  profile, CSS inlined; ``pylode_view`` says what it is given);
* ``diagram.md``: a Mermaid class diagram of the kg classes, their subclass relations and the object
  properties between them (domain -> range), built here with rdflib;
* ``README.md``: what these files are and how to regenerate them.

The output is byte-for-byte reproducible: pyLODE writes no timestamp, but it orders the members of
``owl:unionOf`` lists and the nodes of its embedded JSON-LD block differently from run to run, so
both are put in a fixed order after rendering. ``tests/ontology/test_docs.py`` fails when the
committed files and the ontology disagree.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path

from rdflib import DCTERMS, OWL, RDF, RDFS, SKOS, BNode, Graph, URIRef
from rdflib.collection import Collection

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontology" / "kg.ttl"
OUT_DIR = ROOT / "docs" / "ontology"

KG_NS = "https://w3id.org/kg-diplomacy/ontology#"
PYLODE_VERSION = "3.3.4"

HTML_NAME = "index.html"
DIAGRAM_NAME = "diagram.md"
README_NAME = "README.md"

README = """\
# Ontology documentation

These files are generated from `ontology/kg.ttl` by `scripts/build_ontology_docs.py`; do not edit
them by hand. `index.html` is the reference page of the ontology's classes and properties (object,
datatype and annotation), with their labels, definitions, domains, ranges and super-terms, rendered
by pyLODE 3.3.4 (OntPub profile) as one self-contained file; pyLODE shows no named individuals, so
the members of the enumerations `kg:DatePrecision` and `kg:Polarity` are listed in `diagram.md`, a
Mermaid class diagram of the kg classes, their subclass relations and the object properties between
them, followed by a table of each class's superclasses in other vocabularies. After editing
`kg.ttl`, run `python scripts/build_ontology_docs.py` (pyLODE comes with the `test` extra) and
commit the result: `python scripts/build_ontology_docs.py --check` exits 1 while these files are out
of date, and `pytest tests/ontology/test_docs.py` fails.
"""


# --------------------------------------------------------------------------------------------------
# Reading the ontology
# --------------------------------------------------------------------------------------------------


def load(path: Path = ONTOLOGY) -> Graph:
    # "core" bindings, as pyLODE uses: only the prefixes kg.ttl declares (and rdf/rdfs/owl/xsd).
    return Graph(bind_namespaces="core").parse(path, format="turtle")


def _is_kg(term: object) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(KG_NS)


def _local(term: URIRef) -> str:
    return str(term)[len(KG_NS) :]


def kg_classes(graph: Graph) -> list[URIRef]:
    """The kg classes declared in the ontology, sorted by IRI."""
    return sorted({c for c in graph.subjects(RDF.type, OWL.Class) if _is_kg(c)})


def _members(graph: Graph, node: object) -> list[URIRef]:
    """The named classes a class expression stands for: itself, or the members of an owl:unionOf."""
    if isinstance(node, URIRef):
        return [node]
    if isinstance(node, BNode):
        union = graph.value(node, OWL.unionOf)
        if union is not None:
            return [m for m in Collection(graph, union) if isinstance(m, URIRef)]
    return []


def _qname(graph: Graph, term: URIRef) -> str:
    return graph.namespace_manager.normalizeUri(term)


# --------------------------------------------------------------------------------------------------
# diagram.md
# --------------------------------------------------------------------------------------------------


def render_diagram(graph: Graph) -> str:
    classes = kg_classes(graph)
    names = {c: _local(c) for c in classes}

    lines = ["classDiagram", "    direction LR"]

    # Classes; a class whose instances the ontology enumerates is shown with them.
    for cls in classes:
        individuals = sorted(
            _local(i)
            for i in graph.subjects(RDF.type, cls)
            if _is_kg(i) and (i, RDF.type, OWL.NamedIndividual) in graph
        )
        if individuals:
            lines.append(f"    class {names[cls]} {{")
            lines.append("        <<enumeration>>")
            lines.extend(f"        {name}" for name in individuals)
            lines.append("    }")
        else:
            lines.append(f"    class {names[cls]}")

    # Subclass relations between kg classes.
    subclass_edges = sorted(
        (names[sup], names[sub]) for sub in classes for sup in graph.objects(sub, RDFS.subClassOf) if sup in names
    )
    lines.extend(f"    {sup} <|-- {sub}" for sup, sub in subclass_edges)

    # Object properties between kg classes: domain --> range, "0..1" when the property is functional.
    property_edges = set()
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        if not _is_kg(prop):
            continue
        functional = (prop, RDF.type, OWL.FunctionalProperty) in graph
        domains = [d for node in graph.objects(prop, RDFS.domain) for d in _members(graph, node) if d in names]
        ranges = [r for node in graph.objects(prop, RDFS.range) for r in _members(graph, node) if r in names]
        for domain in domains:
            for range_ in ranges:
                property_edges.add((names[domain], _local(prop), names[range_], functional))
    for domain, prop, range_, functional in sorted(property_edges):
        multiplicity = ' "0..1"' if functional else ""
        lines.append(f"    {domain} -->{multiplicity} {range_} : {prop}")

    # Superclasses outside kg, which the diagram leaves out.
    rows = []
    for cls in classes:
        external = sorted(
            _qname(graph, s) for s in graph.objects(cls, RDFS.subClassOf) if isinstance(s, URIRef) and s not in names
        )
        rows.append(f"| `kg:{names[cls]}` | {', '.join(f'`{q}`' for q in external) or '–'} |")

    return "\n".join(
        [
            "# kg classes",
            "",
            "Generated from `ontology/kg.ttl` by `scripts/build_ontology_docs.py`; do not edit by hand.",
            "",
            "The kg classes with their subclass relations (`<|--`) and the kg object properties between them,",
            'drawn from each property\'s domain to its range (`"0..1"`: functional). A domain or range that',
            "is a union of classes gives one arrow per member. Enumerations list their named individuals.",
            "",
            "```mermaid",
            *lines,
            "```",
            "",
            "## Superclasses in other vocabularies",
            "",
            "| Class | Subclass of |",
            "|---|---|",
            *rows,
            "",
        ]
    )


# --------------------------------------------------------------------------------------------------
# index.html (pyLODE)
# --------------------------------------------------------------------------------------------------

_JSON_LD = re.compile(r'(<script id="schema.org" type="application/ld\+json">\n)(.*?)(\n\s*</script>)', re.S)
_TD = re.compile(r"(<td>\n)(.*?)(\n[ \t]*</td>)", re.S)
_SEPARATOR = re.compile(r'[ \t]*<span class="cardinality">(?:or|and)</span>')


def _sort_json_ld(match: re.Match[str]) -> str:
    def canonical(value: object) -> object:
        if isinstance(value, list):
            items = [canonical(v) for v in value]
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        if isinstance(value, dict):
            return {k: canonical(v) for k, v in value.items()}
        return value

    data = canonical(json.loads(match.group(2)))
    return match.group(1) + json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + match.group(3)


def _sort_set_members(match: re.Match[str]) -> str:
    """Order the members of a rendered union or intersection ("A or B or C") by their markup."""
    body = match.group(2)
    lines = body.split("\n")
    indent = re.match(r"[ \t]*", lines[0]).group(0)
    separators = [line for line in lines if _SEPARATOR.fullmatch(line) and line.startswith(indent + "<")]
    if not separators or len(set(separators)) != 1:
        return match.group(0)
    separator = separators[0]
    items: list[list[str]] = [[]]
    for line in lines:
        if line == separator:
            items.append([])
        else:
            items[-1].append(line)
    members = sorted("\n".join(item) for item in items)
    return match.group(1) + f"\n{separator}\n".join(members) + match.group(3)


def normalize_html(html: str) -> str:
    html = _JSON_LD.sub(_sort_json_ld, html, count=1)
    html = _TD.sub(_sort_set_members, html)
    return html.rstrip("\n") + "\n"


def pylode_view(graph: Graph) -> Graph:
    """A copy of the ontology as pyLODE's OntPub profile should see it.

    * OntPub lists terms in the order the graph holds them (its own ``sort_subjects`` sorts by IRI,
      which puts the stub declarations of schema.org, SEM, SKOS, OWL-Time and PROV-O terms, all
      ``http://``, before kg's): the copy holds the kg terms first, each part sorted by IRI.
    * OntPub reads its page metadata from every ``owl:Ontology`` *and* every ``skos:ConceptScheme``
      and takes ``rdfs:label``/``rdfs:comment`` as further titles and descriptions: on kg.ttl as it
      is, the page would be titled after the PLOVER code scheme, give that scheme's IRI as the
      ontology's and run four titles into one heading. So the two code schemes lose their
      ``skos:ConceptScheme`` type in the copy (OntPub has no section for individuals, so they are
      not rendered either way), and the ontology keeps only ``dcterms:title``/``dcterms:description``.
    """
    ontologies = set(graph.subjects(RDF.type, OWL.Ontology))
    dropped = {(s, RDF.type, SKOS.ConceptScheme) for s in graph.subjects(RDF.type, SKOS.ConceptScheme)}
    dropped -= {(o, RDF.type, SKOS.ConceptScheme) for o in ontologies}
    for ontology in ontologies:
        if (ontology, DCTERMS.title, None) in graph:
            dropped |= set(graph.triples((ontology, RDFS.label, None)))
        if (ontology, DCTERMS.description, None) in graph:
            dropped |= set(graph.triples((ontology, RDFS.comment, None)))

    # Blank nodes (class expressions, lists) keep the order the parser met them in.
    order = {s: i for i, s in enumerate(dict.fromkeys(graph.subjects()))}

    def key(subject: object) -> tuple[int, str, int]:
        if isinstance(subject, URIRef):
            return (0 if _is_kg(subject) else 1, str(subject), 0)
        return (2, "", order[subject])

    view = Graph(bind_namespaces="core")
    for prefix, namespace in graph.namespaces():
        view.bind(prefix, namespace, override=True)
    for subject in sorted(order, key=key):
        for triple in graph.triples((subject, None, None)):
            if triple not in dropped:
                view.add(triple)
    return view


def render_html(path: Path = ONTOLOGY) -> str:
    """The pyLODE page of the ontology. Raises ImportError without pyLODE."""
    root_level = logging.getLogger().level
    import pylode  # imports set the root logger to DEBUG (pylode.profiles.supermodel)

    logging.getLogger().setLevel(root_level)
    if pylode.__version__ != PYLODE_VERSION:
        raise RuntimeError(
            f"pyLODE {PYLODE_VERSION} is required (pinned in pyproject.toml), found {pylode.__version__}"
        )
    doc = pylode.OntPub(ontology=pylode_view(load(path)), sort_subjects=False)
    return normalize_html(doc.make_html(include_css=True))


# --------------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------------


def outputs(out_dir: Path = OUT_DIR, path: Path = ONTOLOGY) -> dict[Path, str]:
    return {
        out_dir / HTML_NAME: render_html(path),
        out_dir / DIAGRAM_NAME: render_diagram(load(path)),
        out_dir / README_NAME: README,
    }


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the files are current")
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where to write (default: docs/ontology)")
    args = parser.parse_args(argv)
    try:
        files = outputs(args.out_dir)
    except ImportError as exc:
        print(f"pyLODE {PYLODE_VERSION} is needed: pip install pylode=={PYLODE_VERSION} ({exc})", file=sys.stderr)
        return 2
    stale = []
    for path, text in files.items():
        current = path.read_bytes() if path.exists() else None
        if current == text.encode("utf-8"):
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
    if args.check and stale:
        names = ", ".join(_display(p) for p in stale)
        print(f"out of date: {names} (run python scripts/build_ontology_docs.py)", file=sys.stderr)
        return 1
    for path in stale:
        print(f"wrote {_display(path)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
