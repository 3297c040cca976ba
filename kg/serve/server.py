"""The connection side of ``kg serve``: a listening socket with a real backlog, a bounded pool of handler
threads, and time limits on every connection.

- Backlog ``BACKLOG``: a burst of clients waits in the kernel's queue instead of being refused.
- ``threads`` handler threads take connections from a bounded queue; when all are busy and the queue is
  full, the server stops accepting for a moment (the backlog holds the rest): memory and threads stay
  bounded however many clients come.
- ``idle_timeout``: a connection that sends nothing for that long (half-sent request, idle keep-alive)
  is closed; ``request_deadline``: a request whose line, headers and body are not all in by then (a client
  trickling a byte at a time) is cut off.
- Errors in a handler never reach the log as tracebacks: the handler answers 4xx/5xx itself, and what
  still escapes is reported in one line through ``on_error`` (the CLI prints it).
"""

from __future__ import annotations

import queue
import socket
import threading
import time
from collections.abc import Callable
from http.server import HTTPServer
from typing import Any

BACKLOG = 1024
THREADS = 16
IDLE_TIMEOUT = 10.0
REQUEST_DEADLINE = 30.0


class PooledHTTPServer(HTTPServer):
    """An HTTPServer whose requests are handled by a fixed pool of threads (see the module notes)."""

    request_queue_size = BACKLOG
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type, *, threads: int = THREADS,
                 idle_timeout: float = IDLE_TIMEOUT, request_deadline: float = REQUEST_DEADLINE,
                 on_error: Callable[[str], None] | None = None) -> None:
        self.idle_timeout = idle_timeout
        self.request_deadline = request_deadline
        self.on_error = on_error
        self._pending: queue.Queue[tuple[socket.socket, Any] | None] = queue.Queue(maxsize=threads * 4)
        self._reading: dict[socket.socket, float] = {}  # connection -> when its current request must be in
        self._reading_lock = threading.Lock()
        self._stopping = threading.Event()
        super().__init__(address, handler)
        self._threads = [threading.Thread(target=self._work, name=f"kg-serve-{n}", daemon=True)
                         for n in range(max(1, threads))]
        for thread in self._threads:
            thread.start()
        self._reaper = threading.Thread(target=self._reap, name="kg-serve-deadlines", daemon=True)
        self._reaper.start()

    # -- the pool ----------------------------------------------------------------------------------

    def process_request(self, request: Any, client_address: Any) -> None:
        """Queue the connection for a pool thread (blocks while the queue is full: the backlog waits)."""
        while not self._stopping.is_set():
            try:
                self._pending.put((request, client_address), timeout=0.5)
                return
            except queue.Full:
                continue
        self.shutdown_request(request)

    def _work(self) -> None:
        while True:
            item = self._pending.get()
            if item is None:
                return
            request, client_address = item
            try:
                self.finish_request(request, client_address)
            except Exception as exc:  # noqa: BLE001 -- one connection's failure must not end the thread
                self.handle_error(request, client_address, exc)
            finally:
                self.reading_done(request)
                self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any, exc: BaseException | None = None) -> None:
        """One line, never a traceback (socketserver's default prints one to standard error)."""
        if self.on_error is not None and exc is not None and not isinstance(exc, (ConnectionError, TimeoutError)):
            self.on_error(f"{client_address[0]}:{client_address[1]}: {type(exc).__name__}: {exc}")

    # -- request deadlines -------------------------------------------------------------------------

    def reading(self, connection: socket.socket) -> None:
        """A request starts on ``connection``: it must be read whole within ``request_deadline``."""
        with self._reading_lock:
            self._reading[connection] = time.monotonic() + self.request_deadline

    def reading_done(self, connection: socket.socket) -> None:
        with self._reading_lock:
            self._reading.pop(connection, None)

    def _reap(self) -> None:
        while not self._stopping.wait(0.5):
            now = time.monotonic()
            with self._reading_lock:
                late = [c for c, deadline in self._reading.items() if deadline < now]
                for connection in late:
                    del self._reading[connection]
            for connection in late:
                try:
                    connection.shutdown(socket.SHUT_RDWR)  # the handler's next read ends; it closes
                except OSError:
                    pass

    # -- stopping ----------------------------------------------------------------------------------

    def server_close(self) -> None:
        super().server_close()
        self._stopping.set()
        for _ in self._threads:
            self._pending.put(None)
        for thread in self._threads:
            thread.join(timeout=5)
