"""Read the package with ``ast`` (nothing is imported): each module's imports of kg modules and of other
top-level packages, its calls of ``print``/``sys.exit``, and its string literals."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Module:
    name: str  # dotted: kg.ingest.pipeline (a package is named by its folder: kg.ingest)
    path: Path
    kg_imports: dict[str, int] = field(default_factory=dict)  # kg module -> first line
    external: dict[str, int] = field(default_factory=dict)  # top-level package (spacy, rdflib) -> first line
    exits: list[tuple[int, str]] = field(default_factory=list)  # (line, what): print(, sys.exit(, SystemExit
    strings: list[tuple[int, str]] = field(default_factory=list)  # (line, text) of literals, docstrings left out


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(node: ast.Import | ast.ImportFrom, module: str, is_package: bool, known: set[str]) -> Iterator[str]:
    """The modules an import statement names (``from kg.rdf import iris`` names kg.rdf.iris when that is a
    module, else kg.rdf)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, *([node.module] if node.module else [])])
    else:
        target = node.module or ""
    for alias in node.names:
        candidate = f"{target}.{alias.name}"
        yield candidate if candidate in known else target


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring constants (module, class, function): prose, not code."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _exit_call(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("print", "exit", "quit"):
            return f"{func.id}()"
        if isinstance(func, ast.Attribute) and func.attr in ("exit", "_exit") and isinstance(func.value, ast.Name) \
                and func.value.id in ("sys", "os"):
            return f"{func.value.id}.{func.attr}()"
    if isinstance(node, ast.Raise) and node.exc is not None:
        exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        if isinstance(exc, ast.Name) and exc.id == "SystemExit":
            return "raise SystemExit"
    return None


def scan_source(name: str, path: Path, source: str, known: set[str], is_package: bool = False) -> Module:
    tree = ast.parse(source, filename=str(path))
    module = Module(name, path)
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            for target in _imported(node, name, is_package, known):
                if target == "kg" or target.startswith("kg."):
                    module.kg_imports.setdefault(target, node.lineno)
                elif target:
                    module.external.setdefault(target.split(".")[0], node.lineno)
        elif (what := _exit_call(node)) is not None:
            module.exits.append((node.lineno, what))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            module.strings.append((node.lineno, node.value))
    return module


def scan_package(root: Path) -> dict[str, Module]:
    """Every module under ``root`` (the ``kg`` folder) by dotted name."""
    paths = sorted(root.rglob("*.py"))
    known = {module_name(p, root) for p in paths}
    return {
        module_name(p, root): scan_source(module_name(p, root), p, p.read_text(encoding="utf-8"), known,
                                          p.name == "__init__.py")
        for p in paths
    }


def cycles(graph: dict[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (or a self-loop): Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for succ in graph.get(node, ()):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def reachable(graph: dict[str, Iterable[str]], start: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(start)
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return seen
