"""SHACL validation with pySHACL and ``ontology/shapes.ttl`` (no inference: the shapes target concrete classes)."""

from __future__ import annotations

import time
from functools import cache

from pyshacl import validate
from rdflib import RDF, SH, Graph, URIRef
from rdflib.term import Node

from kg.resources import ontology_file
from kg.validate.report import FAILED, CheckResult, Finding


@cache
def shapes_graph() -> Graph:
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def _local(node: Node | None) -> str | None:
    if node is None:
        return None
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if isinstance(node, URIRef) else text


def _rule(shapes: Graph, source: Node | None, component: Node | None) -> str:
    """``EncounterShape/participants MinCount``: the named node shape, the property's sh:name, the constraint."""
    owner = source
    if source is not None and not isinstance(source, URIRef):
        owner = next(iter(shapes.subjects(SH.property, source)), source)
    name = shapes.value(source, SH.name) if source is not None else None
    parts = [_local(owner) or "shape"]
    if name is not None and owner is not source:
        parts[0] += f"/{name}"
    component_name = (_local(component) or "").removesuffix("ConstraintComponent")
    return f"{parts[0]} {component_name}".strip()


def _findings(results: Graph, shapes: Graph) -> list[Finding]:
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        value = results.value(result, SH.value)
        path = results.value(result, SH.resultPath)
        source, component = results.value(result, SH.sourceShape), results.value(result, SH.sourceConstraintComponent)
        findings.append(
            Finding(
                rule=_rule(shapes, source, component),
                focus=str(results.value(result, SH.focusNode)),
                message=str(results.value(result, SH.resultMessage) or "constraint not met"),
                severity=_local(results.value(result, SH.resultSeverity)) or "Violation",
                path=str(path) if isinstance(path, URIRef) else None,
                value=value.n3() if value is not None else None,
            )
        )
    return sorted(findings, key=lambda f: (f.focus, f.rule, f.path or "", f.value or ""))


def check_shacl(data: Graph) -> tuple[CheckResult, Graph]:
    """Validate ``data``; returns the check result and pySHACL's report graph."""
    started = time.perf_counter()
    shapes = shapes_graph()
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    assert isinstance(report, Graph)
    result = CheckResult("shacl", stats={"triples": len(data)})
    result.findings = _findings(report, shapes)
    if not conforms:
        result.status = FAILED
    result.seconds = time.perf_counter() - started
    return result, report
