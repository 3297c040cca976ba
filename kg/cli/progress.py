"""A progress line for long ingests: articles done, articles/s and an ETA, redrawn in place on a terminal.

The CLI creates one only when standard error is a terminal, so pipes, logs and CI stay quiet. The
library never prints: it calls the ``progress(done)`` callback it is given.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

_SUFFIXES = (".txt", ".jsonl")


def count_articles(paths: Iterable[Path]) -> int:
    """A cheap estimate of the number of articles: one per ``.txt``, one per non-blank ``.jsonl`` line."""
    total = 0
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.suffix in _SUFFIXES) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".jsonl":
                try:
                    with file.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    continue
            else:
                total += 1
    return total


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class ProgressBar:
    """``[#####.....] 1,200/10,000 articles  14.8/s  ETA 9:55`` on one line of ``stream``."""

    def __init__(self, total: int, stream: TextIO, *, width: int = 24, interval: float = 0.25) -> None:
        self.total = total
        self.stream = stream
        self.width = width
        self.interval = interval
        self.started = time.monotonic()
        self.drawn = 0.0
        self.done = 0

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        total = max(self.total, self.done)
        filled = int(self.width * self.done / total) if total else self.width
        eta = _duration((total - self.done) / rate) if rate > 0 else "?"
        return (f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done:,}/{total:,} articles"
                f"  {rate:.1f}/s  ETA {eta}")

    def __call__(self, done: int) -> None:
        self.done = done
        now = time.monotonic()
        if now - self.drawn >= self.interval:
            self.drawn = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def close(self) -> None:
        """Draw the final state and end the line."""
        self.stream.write("\r" + self.line(time.monotonic()) + "\x1b[K\n")
        self.stream.flush()
