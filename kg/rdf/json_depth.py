"""How deep a JSON document nests, read as a stream: the JSON-LD parser recurses once per level and
crashes the process (SIGSEGV, no message) a few thousand levels down, so kg checks the depth first."""

from __future__ import annotations

import re
from typing import BinaryIO

MAX_DEPTH = 1000  # JSON-LD written by people or tools nests a few dozen levels; the parser survives 2,000
_SIGNIFICANT = re.compile(rb'["\\\[\]{}]')
_CHUNK = 1 << 20


def too_deep(handle: BinaryIO, limit: int = MAX_DEPTH) -> int | None:
    """The byte offset where the document first nests deeper than ``limit`` objects and arrays, or None.
    Brackets inside strings do not count; the document need not be valid JSON."""
    depth = 0
    in_string = False
    escaped_at = -1  # the offset of the byte a backslash escapes
    base = 0
    while chunk := handle.read(_CHUNK):
        for match in _SIGNIFICANT.finditer(chunk):
            at = base + match.start()
            if at == escaped_at:
                continue
            char = chunk[match.start()]
            if in_string:
                if char == 0x5C:  # backslash
                    escaped_at = at + 1
                elif char == 0x22:  # quote
                    in_string = False
            elif char == 0x22:
                in_string = True
            elif char in (0x5B, 0x7B):  # [ {
                depth += 1
                if depth > limit:
                    return at
            elif char in (0x5D, 0x7D):  # ] }
                depth -= 1
        base += len(chunk)
    return None
