"""Where the memory of a command goes: peak RSS of the process and of each descendant, and the process
tree's total over time (sampled from ``/proc`` every 0.2 s).

    .venv/bin/python benchmarks/rss_by_process.py -- .venv/bin/kg ingest --store /tmp/s --jobs 2 corpus.jsonl
"""

from __future__ import annotations

import subprocess
import sys
import time

from measure import _children, _rss


def main(argv: list[str]) -> int:
    cmd = argv[argv.index("--") + 1:] if "--" in argv else argv
    proc = subprocess.Popen(cmd)
    started = time.perf_counter()
    peaks: dict[int, int] = {}
    timeline: list[tuple[float, int, int]] = []
    while proc.poll() is None:
        pids, todo = [], [proc.pid]
        while todo:
            pid = todo.pop()
            pids.append(pid)
            todo += _children(pid)
        sizes = {pid: _rss(pid) for pid in pids}
        for pid, size in sizes.items():
            peaks[pid] = max(peaks.get(pid, 0), size)
        timeline.append((time.perf_counter() - started, sizes.get(proc.pid, 0), sum(sizes.values())))
        time.sleep(0.2)
    mb = 1024 * 1024
    print(f"# exit {proc.returncode} after {time.perf_counter() - started:.1f} s")
    print(f"parent {proc.pid}: peak {peaks.get(proc.pid, 0) // mb} MB")
    for pid, peak in sorted(peaks.items()):
        if pid != proc.pid:
            print(f"child {pid}: peak {peak // mb} MB")
    step = max(1, len(timeline) // 20)
    for at, parent, total in timeline[::step]:
        print(f"t={at:7.1f} s  parent {parent // mb:5d} MB  tree {total // mb:5d} MB")
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
