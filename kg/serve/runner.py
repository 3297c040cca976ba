"""Running the endpoint's queries within limits: a time limit per query and a size limit per answer.

Oxigraph cannot stop a query once it runs (it neither checks for signals nor offers cancellation), so a
time limit that frees the CPU needs a process that can be killed: over an embedded store directory,
queries run in a small pool of worker processes, each with the directory opened read-only; a query past
its time is answered 503 and its worker is killed and replaced. Writes stay in the server process; a
worker reopens the directory after a write, so it reads what was written.

Over ``memory:`` or a remote store there is no second process to share the data with: the query runs in
the server's thread and the time limit is checked while the answer is written (a remote store's own
server also has the HTTP timeout of ``store_timeout``). The size limit holds everywhere: the answer is
serialized into a buffer that refuses to grow past ``max_bytes``.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from pyoxigraph import QueryBoolean, QuerySolutions, serialize

from kg.errors import KgError, StoreError
from kg.serve.formats import GRAPHS, RESULTS, pick

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
DEFAULT_WORKERS = 2
STARTUP_TIMEOUT = 120.0  # seconds for a new worker to start and open the store (not counted as query time)


@dataclass(frozen=True)
class Limits:
    """``timeout``: seconds per query (None: no limit); ``max_bytes``: size of one serialized answer."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES

    def describe(self) -> str:
        timeout = f"{self.timeout:g} s" if self.timeout else "no"
        return f"{timeout} query timeout, answers up to {self.max_bytes // (1024 * 1024)} MB"


class QueryTimeout(KgError):
    """The query ran past the server's time limit (HTTP 503)."""


class AnswerTooLarge(KgError):
    """The answer is larger than the server's size limit (HTTP 507: the server will not hold it)."""


class _Capped:
    """A write target that refuses to hold more than ``limit`` bytes or to be written past ``deadline``."""

    def __init__(self, limit: int, deadline: float | None, timeout: float | None) -> None:
        self.limit = limit
        self.deadline = deadline
        self.timeout = timeout
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise AnswerTooLarge(
                f"the answer is larger than this server's limit of {self.limit // (1024 * 1024)} MB",
                fix="add a LIMIT to the query, or start kg serve with a larger --max-result-mb")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise _timeout(self.timeout)
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: the parts are joined at the end."""


def _timeout(timeout: float | None) -> QueryTimeout:
    return QueryTimeout(f"the query ran longer than this server's limit of {timeout:g} s",
                        fix="narrow the query (a LIMIT, more specific patterns), or start kg serve with a "
                            "larger --query-timeout")


def render(result: object, accept: str, named: str | None, limits: Limits,
           deadline: float | None = None) -> tuple[str, bytes]:
    """The (media type, body) of a query result, in the format asked for, within the size limit."""
    out = _Capped(limits.max_bytes, deadline, limits.timeout)
    if isinstance(result, (QuerySolutions, QueryBoolean)):
        media, fmt = pick(RESULTS, accept, named)
        result.serialize(out, format=fmt)  # type: ignore[arg-type]
    else:
        media, fmt = pick(GRAPHS, accept, named)
        serialize(result, out, format=fmt)  # type: ignore[arg-type]
    return media, b"".join(out.parts)


class InProcessRunner:
    """Queries in the calling thread (``memory:`` and remote stores); the time limit is checked while the
    answer is written."""

    def __init__(self, store: object, limits: Limits) -> None:
        self.store = store
        self.limits = limits

    def run(self, text: str, accept: str, named: str | None) -> tuple[str, bytes]:
        deadline = time.monotonic() + self.limits.timeout if self.limits.timeout else None
        result = self.store.query(text)  # type: ignore[attr-defined]
        if deadline is not None and time.monotonic() > deadline:
            raise _timeout(self.limits.timeout)
        return render(result, accept, named, self.limits, deadline)

    def wrote(self) -> None:
        """Nothing to refresh: the queries read the store itself."""

    def close(self) -> None:
        """Nothing to stop."""


def _serve_queries(connection: Connection, location: str, limits: Limits) -> None:
    """A worker process: answer (generation, query, accept, format) messages until ``None`` comes."""
    from pyoxigraph import Store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    store = None
    opened = -1
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        generation, text, accept, named = message
        try:
            if store is None or generation != opened:
                store, opened = None, generation
                store = Store.read_only(location)
            connection.send(("started",))  # the time limit counts from here, not from the process start
            result = store.query(text, use_default_graph_as_union=True)
            connection.send(("ok", *render(result, accept, named, limits)))
        except KgError as exc:
            connection.send(("kg", type(exc).__name__, exc.what, exc.fix))
        except (SyntaxError, ValueError) as exc:
            connection.send(("syntax", str(exc)))
        except OSError as exc:
            connection.send(("store", str(exc)))


_ERRORS: dict[str, type[KgError]] = {"QueryTimeout": QueryTimeout, "AnswerTooLarge": AnswerTooLarge}


class _Worker:
    def __init__(self, location: str, limits: Limits) -> None:
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve_queries, args=(child, location, limits), daemon=True,
                                       name="kg-serve-query")
        self.process.start()
        child.close()

    def kill(self) -> None:
        if self.process.pid is not None and self.process.is_alive():
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.join(timeout=10)
        self.connection.close()

    def stop(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join(timeout=5)
        self.kill()


class ProcessRunner:
    """Queries in a pool of worker processes over a store directory, each killed when its query runs past
    the time limit. Workers start on the first queries and are reused."""

    def __init__(self, location: Path, limits: Limits, workers: int = DEFAULT_WORKERS) -> None:
        self.location = str(location)
        self.limits = limits
        self.size = max(1, workers)
        self.generation = 0
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(self.size)
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._closed = False

    def wrote(self) -> None:
        """The store was written: workers reopen it before their next query."""
        with self._lock:
            self.generation += 1

    def _checkout(self) -> _Worker:
        wait = self.limits.timeout if self.limits.timeout else None
        if not self._slots.acquire(timeout=wait):
            raise QueryTimeout("the server is busy: every query worker was taken for longer than the time limit",
                               fix="try again, or start kg serve with more --query-workers")
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            worker = _Worker(self.location, self.limits)
            with self._lock:
                self._all.add(worker)
            return worker

    def _release(self, worker: _Worker | None) -> None:
        if worker is not None and not self._closed:
            self._idle.put(worker)
        self._slots.release()

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def run(self, text: str, accept: str, named: str | None) -> tuple[str, bytes]:
        worker: _Worker | None = self._checkout()
        assert worker is not None
        try:
            try:
                worker.connection.send((self.generation, text, accept, named))
                answer = worker.connection.recv() if worker.connection.poll(STARTUP_TIMEOUT) else ("slow",)
                if answer[0] == "started":
                    ready = worker.connection.poll(self.limits.timeout)
                    answer = worker.connection.recv() if ready else None
                elif answer[0] == "slow":
                    raise OSError(f"it did not start within {STARTUP_TIMEOUT:g} s")
            except (EOFError, OSError) as exc:
                self._discard(worker)
                worker = None
                raise StoreError(f"the query worker failed: {exc}", where=self.location,
                                 fix="try again; see the server's log if it persists") from exc
            if answer is None:  # past the time limit: the only way to stop Oxigraph is to end its process
                self._discard(worker)
                worker = None
                raise _timeout(self.limits.timeout)
        finally:
            self._release(worker)
        kind = answer[0]
        if kind == "ok":
            return answer[1], answer[2]
        if kind == "kg":
            raise _ERRORS.get(answer[1], KgError)(answer[2], fix=answer[3])
        if kind == "syntax":
            raise SyntaxError(answer[1])
        raise StoreError(f"cannot read the store: {answer[1]}", where=self.location)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()


Runner = InProcessRunner | ProcessRunner


def runner_for(store: object, limits: Limits, workers: int = DEFAULT_WORKERS) -> Runner:
    """Worker processes over an embedded store directory; the server's own thread otherwise."""
    from kg.store.oxigraph_store import OxigraphStore

    if isinstance(store, OxigraphStore) and store.location != "memory:":
        return ProcessRunner(Path(store.location), limits, workers)
    return InProcessRunner(store, limits)
