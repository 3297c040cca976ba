"""Real SPARQL servers for tests: ``oxigraph serve`` (from the PyPI package ``oxigraph``, installed beside
the Python running the tests) started on 127.0.0.1 at a free port and stopped by its process id."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
NO_OXIGRAPH = "the oxigraph server (PyPI package oxigraph, the `test` extra) is not installed beside Python"
READY_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(url: str, process: subprocess.Popen, *, timeout: float = READY_TIMEOUT) -> None:
    """Poll ``url`` until it answers (any HTTP status) or the process dies; bounded by ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"server did not answer {url} within {timeout} s")


def stop(process: subprocess.Popen) -> None:
    """Stop the process we started, by its id: SIGTERM, then SIGKILL after a bounded wait."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@contextmanager
def running(args: Sequence[str], ready_url: str, log: Path) -> Iterator[subprocess.Popen]:
    with log.open("wb") as out:
        process = subprocess.Popen(list(args), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        wait_ready(ready_url, process)
        yield process
    finally:
        stop(process)


@contextmanager
def oxigraph_server(location: Path, *, read_only: bool = False, union: bool = False) -> Iterator[str]:
    """The base URL of an Oxigraph server over the store directory ``location``."""
    port = free_port()
    args = [str(OXIGRAPH), "serve-read-only" if read_only else "serve", "--location", str(location),
            "--bind", f"127.0.0.1:{port}"]
    if union:
        args.append("--union-default-graph")
    base = f"http://127.0.0.1:{port}"
    with running(args, f"{base}/query?query=ASK%7B%7D", location.parent / f"oxigraph-{port}.log"):
        yield base
