"""Export the store: Turtle and N-Triples (the union of all graphs), TriG, N-Quads and JSON-LD (graphs kept).

Files are written to a temporary file beside the target and renamed into place, so a failed export
never leaves a truncated file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from pyoxigraph import RdfFormat, serialize

from kg.errors import ExportError
from kg.rdf.vocab import DATA_PREFIXES, PREFIXES
from kg.store.base import Store

FORMATS = {
    "turtle": (RdfFormat.TURTLE, False),
    "ntriples": (RdfFormat.N_TRIPLES, False),
    "trig": (RdfFormat.TRIG, True),
    "nquads": (RdfFormat.N_QUADS, True),
    "jsonld": (RdfFormat.JSON_LD, True),
}
EXTENSIONS = {"turtle": ".ttl", "ntriples": ".nt", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}
T = TypeVar("T")


def write_export(store: Store, fmt: str, output: BinaryIO) -> None:
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format '{fmt}'", fix=f"use one of {', '.join(FORMATS)}")
    rdf_format, with_graphs = FORMATS[fmt]
    prefixes = {**PREFIXES, **DATA_PREFIXES} if rdf_format.supports_datasets or fmt == "turtle" else None
    source = store.quads() if with_graphs else store.triples()
    if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG):
        serialize(source, output, rdf_format, prefixes=prefixes)
    else:
        serialize(source, output, rdf_format)


def export(store: Store, fmt: str, path: Path) -> None:
    """Write the export to ``path`` atomically (temporary file, fsync, rename)."""
    atomic_write(path, lambda output: write_export(store, fmt, output))


def atomic_write(path: Path, write: Callable[[BinaryIO], T]) -> T:
    """Call ``write`` with a temporary file beside ``path``, then fsync and rename it into place; on any
    failure the temporary file is removed and ``path`` is left as it was."""
    directory = path.resolve().parent
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise ExportError(f"cannot write in {directory}: {exc.strerror or exc}", where=str(path),
                          fix="choose a writable output directory") from exc
    try:
        with os.fdopen(handle, "wb") as output:
            result = write(output)
            output.flush()
            os.fsync(output.fileno())
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise ExportError(f"cannot write the export: {exc.strerror or exc}", where=str(path),
                          fix="free some space or choose another output file") from exc
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return result
