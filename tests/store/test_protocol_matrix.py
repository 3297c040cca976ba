"""docs/serve-protocol.md, the request x result matrix of kg serve (SPARQL 1.1 Protocol and Graph Store
Protocol), holds against a running `kg serve`: each row's request is sent, in order, to a read-only and to a
`--writable` server (processes on 127.0.0.1, each over its own copy of a small store, stopped by pid), and
the status and media type must be the ones the row gives (issue 16: the closing protocol matrix)."""

from __future__ import annotations

import http.client
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest

from kg.cli import main
from tests.contract.servers import free_port, running

pytestmark = pytest.mark.slow  # two server processes

DOC = Path(__file__).resolve().parents[2] / "docs" / "serve-protocol.md"
DATA = """<https://example.org/graph/a> {
  <urn:kg:a> <urn:kg:p> "a" ; <urn:kg:q> <urn:kg:b> .
}
"""
FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Row:
    operation: str
    method: str
    target: str
    headers: dict[str, str]
    body: str
    statuses: dict[str, int]  # server kind ("read-only", "writable") -> status
    media: str


def _cell(text: str) -> str:
    return text.strip().strip("`")


def matrix(text: str) -> list[Row]:
    """The rows of the doc's table."""
    lines = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| operation")]
    rows = []
    for line in lines:
        operation, request, headers, body, read_only, writable, media = (
            _cell(c) for c in line.strip().strip("|").split("|"))
        method, target = request.split(" ", 1)
        named = dict(h.split(": ", 1) for h in headers.split("`, `") if h) if headers else {}
        rows.append(Row(operation, method, target, named, body, {"read-only": int(read_only),
                                                                  "writable": int(writable)}, media))
    return rows


def _encoded(pairs: str) -> str:
    """``a=b c&d`` percent-encoded per value (``d`` alone stays a bare key, as in ``?default``)."""
    parts = []
    for pair in pairs.split("&"):
        key, sep, value = pair.partition("=")
        parts.append(quote(key, safe="") + (sep + quote(value, safe="") if sep else ""))
    return "&".join(parts)


def send(port: int, row: Row) -> tuple[int, str]:
    path, sep, query = row.target.partition("?")
    body = row.body.encode("utf-8")
    if row.headers.get("Content-Type") == FORM:
        body = _encoded(row.body).encode("ascii")
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(row.method, path + (sep + _encoded(query) if sep else ""), body=body or None,
                           headers=row.headers)
        response = connection.getresponse()
        response.read()
        return response.status, (response.getheader("Content-Type") or "").split(";")[0].strip()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[dict[str, int]]:
    folder = tmp_path_factory.mktemp("matrix")
    (folder / "data.trig").write_text(DATA, encoding="utf-8")
    ports = {}
    with ExitStack() as stack:
        for kind, flags in (("read-only", []), ("writable", ["--writable"])):
            store = folder / kind
            assert main(["load", "--store", str(store), str(folder / "data.trig")]) == 0
            port = free_port()
            args = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port),
                    "--query-workers", "1", *flags]
            stack.enter_context(running(args, f"http://127.0.0.1:{port}/queries", folder / f"{kind}.log"))
            ports[kind] = port
        yield ports


def test_the_doc_has_the_protocol_operations() -> None:
    rows = matrix(DOC.read_text(encoding="utf-8"))
    assert len(rows) >= 40
    methods = {(r.method, r.target.split("?")[0]) for r in rows}
    assert {("GET", "/query"), ("POST", "/query"), ("POST", "/update"), ("GET", "/store"), ("HEAD", "/store"),
            ("PUT", "/store"), ("POST", "/store"), ("DELETE", "/store"), ("OPTIONS", "/query")} <= methods


@pytest.mark.parametrize("kind", ["read-only", "writable"])
def test_kg_serve_answers_as_the_matrix_says(servers: dict[str, int], kind: str) -> None:
    wrong = []
    for row in matrix(DOC.read_text(encoding="utf-8")):
        status, media = send(servers[kind], row)
        expected_media = row.media if status in (200, 201) else media
        if (status, media) != (row.statuses[kind], expected_media):
            wrong.append(f"{row.operation}: {status} {media} (the doc: {row.statuses[kind]} {row.media})")
    assert not wrong, "\n".join(wrong)
