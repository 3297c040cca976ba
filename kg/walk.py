"""Input files: the files of a folder (recursively, in name order) with what could not be looked at, and
opening one input without hanging on a named pipe that nobody writes to.

Shared by the article readers (``kg ingest``) and ``kg load``: neither skips anything without a word.
"""

from __future__ import annotations

import os
import select
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

FIFO_WAIT = 5.0  # seconds a named pipe given as input may take to get a writer


@dataclass(frozen=True)
class Skipped:
    """A path under a folder that is not read, and why (an unreadable folder, a named pipe, ...)."""

    path: Path
    why: str


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def walk_files(folder: Path) -> Iterator[Path | Skipped]:
    """Every regular file under ``folder`` in name order, and a :class:`Skipped` for each folder that cannot
    be listed and each entry that is no regular file. Symbolic links are followed, each folder once."""
    found: list[Path | Skipped] = []
    visited: set[tuple[int, int]] = set()

    def visit(directory: Path) -> None:
        try:
            info = directory.stat()
            if (info.st_dev, info.st_ino) in visited:
                return
            visited.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            found.append(Skipped(directory, f"cannot read the folder: {exc.strerror or exc}"))
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_dir():
                    visit(path)
                    continue
                mode = entry.stat().st_mode
            except OSError as exc:
                found.append(Skipped(path, f"cannot read: {exc.strerror or exc}"))
                continue
            found.append(path if stat.S_ISREG(mode) else Skipped(path, f"{_kind(mode)}, not read"))

    visit(folder)
    yield from found


def open_input(path: Path, *, wait: float | None = None) -> BinaryIO:
    """``path`` opened for reading. A named pipe (``<(command)``, ``mkfifo``) is read when a writer comes
    within ``wait`` seconds; otherwise OSError says so (plain ``open`` would wait forever). Devices and
    sockets are refused."""
    wait = FIFO_WAIT if wait is None else wait
    mode = path.stat().st_mode
    if stat.S_ISREG(mode):
        return path.open("rb")
    if not stat.S_ISFIFO(mode):
        raise OSError(f"{_kind(mode)}: kg reads files and named pipes")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        if not poller.poll(int(wait * 1000)):
            raise OSError(f"a named pipe (FIFO) that nothing wrote to within {wait:g} s")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
