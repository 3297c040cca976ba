"""Measuring helpers for the benchmarks: wall time and peak RSS of a subprocess tree, medians.

Peak RSS is the largest *sum* of the resident set sizes of the process and all its descendants (the spaCy
worker processes of ``--jobs N`` included), sampled from ``/proc`` every 50 ms; where ``/proc`` is missing
it falls back to ``resource.getrusage`` (largest single process).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    peak_rss: int  # bytes
    returncode: int
    stderr: str


def _children(pid: int) -> list[int]:
    found = []
    for task in (PROC / str(pid) / "task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _rss(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> int:
    """Resident memory of a process and its descendants, in bytes."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _rss(current)
        todo += _children(current)
    return total


def run(cmd: Sequence[str], *, env: dict[str, str] | None = None, stdout: int | None = subprocess.DEVNULL,
        cwd: Path | None = None) -> Run:
    """Run a command to its end (``env`` replaces the environment); its wall time and peak RSS (process tree)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    started = time.perf_counter()
    proc = subprocess.Popen(list(cmd), env=env, stdout=stdout,
                            stderr=subprocess.PIPE, cwd=cwd, text=True)
    peak = 0
    if PROC.is_dir():
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.05)
    _, err = proc.communicate()
    wall = time.perf_counter() - started
    if not peak:
        peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, before)
    return Run(wall, peak, proc.returncode, err)


def median_time(action: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls (after one warm-up call)."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def median_run(cmd: Sequence[str], runs: int, **kwargs: object) -> float:
    """Median wall time of ``runs`` runs of a command (after one warm-up run)."""
    return median_time(lambda: _checked(cmd, **kwargs), runs)


def _checked(cmd: Sequence[str], **kwargs: object) -> Run:
    result = run(cmd, **kwargs)  # type: ignore[arg-type]
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}): {result.stderr[-2000:]}")
    return result


def checked(cmd: Sequence[str], **kwargs: object) -> Run:
    """:func:`run`, raising when the command fails."""
    return _checked(cmd, **kwargs)
