"""Export the store: Turtle and N-Triples (the union of all graphs), TriG, N-Quads and JSON-LD (graphs kept).

Files are written to a temporary file beside the target and renamed into place, so a failed export
never leaves a truncated file. A new file gets the mode any program's new file gets (0666 less the umask);
a file written over keeps its mode.
"""

from __future__ import annotations

import os
import secrets
import stat
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


def _create_beside(path: Path) -> tuple[int, str]:
    """A new, empty temporary file in the folder of ``path``, opened for writing with mode 0666 (the umask
    applies, as to any new file; ``tempfile.mkstemp`` would give 0600), or ``path``'s own mode when it exists."""
    directory = path.resolve().parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else None
        while True:
            name = str(directory / f".{path.name}.{secrets.token_hex(6)}.part")
            try:
                handle = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
                break
            except FileExistsError:
                continue
        if mode is not None:
            os.chmod(handle, mode)
    except OSError as exc:
        raise ExportError(f"cannot write in {directory}: {exc.strerror or exc}", where=str(path),
                          fix="choose a writable output directory") from exc
    return handle, name


def atomic_write(path: Path, write: Callable[[BinaryIO], T], *, keep: Callable[[T], bool] | None = None) -> T:
    """Call ``write`` with a temporary file beside ``path``, then fsync and rename it into place; on any
    failure, or when ``keep`` says the result is not worth a file, the temporary file is removed and ``path``
    is left as it was."""
    handle, temp_name = _create_beside(path)
    try:
        with os.fdopen(handle, "wb") as output:
            result = write(output)
            output.flush()
            os.fsync(output.fileno())
        if keep is not None and not keep(result):
            Path(temp_name).unlink()
            return result
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise ExportError(f"cannot write the export: {exc.strerror or exc}", where=str(path),
                          fix="free some space or choose another output file") from exc
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return result
