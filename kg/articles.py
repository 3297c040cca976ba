"""Readers: files and folders in, :class:`~kg.records.Article` records out.

Formats: ``.txt`` (optional header block of ``Key: value`` lines, then a blank line, then the body) and
``.jsonl`` (one JSON object per line with ``id``, ``title``, ``url``, ``outlet``, ``published``, ``text``).
A reader never stops a run for one bad input: it yields an :class:`InputProblem` instead and goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.keys import article_id_for
from kg.records import Article

KNOWN_HEADER_KEYS = ("title", "url", "outlet", "published", "license")
TEXT_SUFFIXES = (".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*)$")
_UNKNOWN_DATES = {"", "unknown", "n/a", "none", "null", "-"}
_DATE_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%b. %d, %Y")


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read (or read only in part); ``where`` names file and line/byte."""

    where: str
    what: str
    fix: str = ""
    fatal: bool = True  # False: the article was still read, this is a warning

    @property
    def message(self) -> str:
        return f"{self.where}: {self.what}" + (f" ({self.fix})" if self.fix else "")


ReadItem = Article | InputProblem


def parse_published(value: str) -> dt.date | None:
    """Parse a publication date; ``None`` for "unknown". Raises ``ValueError`` when it is not a date."""
    text = value.strip()
    if text.lower() in _UNKNOWN_DATES:
        return None
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?$", text)
    if iso:
        return dt.date.fromisoformat(iso.group(1))
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date (expected YYYY-MM-DD or e.g. 'March 18, 2025')")


def clean_text(text: str) -> str:
    """Normalise newlines, drop NUL and other control characters (tab and newline stay), NFC-normalise."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates become U+FFFD
    return unicodedata.normalize("NFC", text)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split an optional header block off the text. A block counts as a header only when every line up
    to the first blank line is ``Key: value`` and at least one key is one kg knows (Title, URL, ...)."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if header and any(k in KNOWN_HEADER_KEYS for k in header):
                return header, "\n".join(lines[index + 1 :])
            break
        match = _HEADER_LINE.match(line)
        if not match:
            break
        header[match.group(1).strip().lower()] = match.group(2).strip()
    return {}, text


def article_from_fields(
    fields: dict[str, str], body: str, *, default_id: str, source: str
) -> tuple[Article | None, list[InputProblem]]:
    """Build an Article from header/JSON fields; problems with single fields are warnings."""
    problems: list[InputProblem] = []
    body = clean_text(body).strip()
    if not body:
        return None, [InputProblem(source, "the article has no text", "give it a body after the header")]
    published = None
    if fields.get("published"):
        try:
            published = parse_published(fields["published"])
        except ValueError as exc:
            problems.append(InputProblem(source, f"Published: {exc}; the date is ignored",
                                         "write Published: YYYY-MM-DD or unknown", fatal=False))
    extra = tuple(sorted((k, v) for k, v in fields.items() if k not in KNOWN_HEADER_KEYS + ("id", "text")))
    article = Article(
        id=article_id_for(fields.get("id") or default_id, body),
        text=body,
        title=fields.get("title") or None,
        url=fields.get("url") or None,
        outlet=fields.get("outlet") or None,
        published=published,
        license=fields.get("license") or None,
        source=source,
        extra=extra,
    )
    return article, problems


def decode_bytes(data: bytes, where: str) -> tuple[str | None, InputProblem | None]:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; report the byte offset of bad bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            return None, InputProblem(where, f"invalid UTF-16 at byte {exc.start}", "re-save the file as UTF-8")
    if b"\x00" in data[:4096] and data.count(b"\x00") > len(data) // 10:
        return None, InputProblem(where, "this is a binary file, not text", "give kg .txt or .jsonl articles")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, InputProblem(
            where, f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}",
            "re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
        )


def read_text_file(path: Path) -> Iterator[ReadItem]:
    text, problem = decode_bytes(path.read_bytes(), str(path))
    if problem:
        yield problem
        return
    assert text is not None
    header, body = split_header(clean_text(text))
    article, problems = article_from_fields(header, body, default_id=path.stem, source=str(path))
    yield from problems
    if article:
        yield article


def read_jsonl_file(path: Path) -> Iterator[ReadItem]:
    """One article per line, streamed (memory does not grow with the file). A line with bytes that are not
    UTF-8 is reported with its line and byte offset and skipped; the other lines are read."""
    with path.open("rb") as handle:
        head = handle.read(4096)
        handle.seek(0)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_binary(head):  # UTF-16 or binary: whole file
            text, problem = decode_bytes(handle.read(), str(path))
            if problem:
                yield problem
                return
            assert text is not None
            yield from _jsonl_records(path, enumerate(text.split("\n"), start=1))
            return
        yield from _jsonl_records(path, _utf8_lines(handle, path))


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head and head.count(b"\x00") > len(head) // 10


def _utf8_lines(handle: BinaryIO, path: Path) -> Iterator[tuple[int, str] | InputProblem]:
    offset = 0
    for line_no, raw in enumerate(handle, start=1):
        data = raw[3:] if line_no == 1 and raw.startswith(b"\xef\xbb\xbf") else raw
        try:
            yield line_no, data.decode("utf-8")
        except UnicodeDecodeError as exc:
            at = offset + (len(raw) - len(data)) + exc.start
            yield InputProblem(f"{path}:{line_no}", f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {at}",
                               "re-save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8); the other lines are read")
        offset += len(raw)


def _jsonl_records(path: Path, lines: Iterable[tuple[int, str] | InputProblem]) -> Iterator[ReadItem]:
    for item in lines:
        if isinstance(item, InputProblem):
            yield item
            continue
        line_no, line = item
        if not line.strip():
            continue
        where = f"{path}:{line_no}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"broken JSON at column {exc.colno}: {exc.msg}", "fix or remove this line")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputProblem(where, "a line must be a JSON object with a string field 'text'")
            continue
        fields = {k: str(v) for k, v in record.items() if v is not None and k != "text"}
        article, problems = article_from_fields(
            fields, record["text"], default_id=f"{path.stem}-{line_no}", source=where
        )
        yield from problems
        if article:
            yield article


def read_path(path: Path) -> Iterator[ReadItem]:
    """Read one file or a folder (recursively, in sorted order)."""
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        readable = [p for p in files if p.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES]
        if not readable:
            yield InputProblem(str(path), "the folder holds no .txt or .jsonl files")
        for file in readable:
            yield from read_path(file)
        return
    if not path.exists():
        yield InputProblem(str(path), "no such file or folder")
        return
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl_file(path)
        elif suffix in TEXT_SUFFIXES:
            yield from read_text_file(path)
        else:
            yield InputProblem(str(path), f"unknown file type '{suffix or path.name}'",
                               "give kg .txt articles (optional header block) or .jsonl")
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read: {exc.strerror or exc}")


def read_paths(paths: Iterable[Path]) -> Iterator[ReadItem]:
    """Read every path in order; duplicate article ids after the first are reported, not read twice."""
    seen: dict[str, str] = {}
    for path in paths:
        for item in read_path(Path(path)):
            if isinstance(item, Article):
                if item.id in seen:
                    yield InputProblem(item.source, f"article id '{item.id}' was already read from {seen[item.id]}",
                                       "give the articles distinct file names or ids")
                    continue
                seen[item.id] = item.source
            yield item
