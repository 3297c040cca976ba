"""spaCy makes a new ``Token`` object on every access (``doc[0] is doc[0]`` is False), so comparing tokens
with ``is`` is always false: "climb to the root while ``t.head is not t``" never stops. Tokens are compared
with ``==`` (same document, same index) or by ``.i``."""

from __future__ import annotations

import ast
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[2] / "kg"


def identity_comparisons_of_heads(source: str) -> list[int]:
    """Lines comparing a ``.head`` with ``is`` / ``is not``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Attribute) and s.attr == "head" for s in sides):
                found.append(node.lineno)
    return found


def test_tokens_are_new_objects_on_each_access():
    doc = spacy.blank("en")("a b")
    assert doc[0] is not doc[0] and doc[0] == doc[0] and doc[0].head == doc[0]


def test_the_checker_finds_an_identity_comparison():
    assert identity_comparisons_of_heads("while t.head is not t:\n    t = t.head\n") == [1]
    assert identity_comparisons_of_heads("while t.head != t:\n    t = t.head\n") == []


def test_no_token_head_is_compared_by_identity():
    found = {f"{p.relative_to(ROOT.parent)}:{line}" for p in ROOT.rglob("*.py")
             for line in identity_comparisons_of_heads(p.read_text(encoding="utf-8"))}
    assert not found, f"tokens compared with 'is' (always false in spaCy): {sorted(found)}"
