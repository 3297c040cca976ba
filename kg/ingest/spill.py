"""A first-in first-out queue of records kept in a temporary file rather than in memory.

The ingest holds back the extractions that wait for the resolve stage until the whole run is extracted
(:mod:`kg.ingest.resolve`); in a large run they can be a good part of the input, so they wait on disk (pickled,
one after the other) and memory stays flat however large the run is.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Spill(Generic[T]):
    """Append records, then read them back once, in order. The file is removed when closed (or collected)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="kg-pending-")
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def append(self, record: T) -> None:
        pickle.dump(record, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self._count += 1

    def drain(self) -> Iterator[T]:
        """The records in the order they were appended; the queue is empty afterwards."""
        self._file.flush()
        self._file.seek(0)
        for _ in range(self._count):
            yield pickle.load(self._file)  # noqa: S301 -- our own file, written just before
        self._file.seek(0)
        self._file.truncate()
        self._count = 0

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spill[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
