"""Turn what the user gave (texts, files, folders, "-" for stdin) into raw documents.

A problem with one input never stops the run: it becomes a RawDocument with
``error`` set, which ends up as a row of the ``documents`` table.
"""
from __future__ import annotations

import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from extractor.cleaning.layout import parse_date
from extractor.reading.decode import DecodeError, decode
from extractor.reading.formats import TEXT_SUFFIXES, csv_records, html_text, jsonl_records

DEFAULT_MAX_CHARS = 2_000_000


class InputError(ValueError):
    """An input that cannot be read at all (used for errors outside a batch)."""


@dataclass
class RawDocument:
    doc_id: str
    text: str | None
    path: str | None = None
    title: str | None = None
    encoding: str | None = None
    error: str | None = None
    published: str | None = None  # ISO 8601, from a record's publication-date column


def _looks_like_path(item: str) -> bool:
    return item == "-" or ("\n" not in item and len(item) < 4096 and (
        Path(item).exists() or Path(item).suffix.lower() in TEXT_SUFFIXES))


def _looks_like_missing_path(item: str) -> bool:
    return len(item) < 256 and not any(c.isspace() for c in item) and ("/" in item or "\\" in item or item.startswith("."))


def _unique(doc_id: str, seen: dict[str, int]) -> str:
    count = seen.get(doc_id, 0)
    seen[doc_id] = count + 1
    return doc_id if count == 0 else f"{doc_id}-{count + 1}"


def _check_text(text: str, max_chars: int) -> str | None:
    if not text:
        return "empty file"
    if not text.strip():
        return "only whitespace"
    if len(text) > max_chars:
        return f"{len(text):,} characters, more than the limit of {max_chars:,} (raise it with --max-chars)"
    return None


def _read_records(path: Path, text_column: str, id_column: str | None, max_chars: int,
                  published_column: str | None = None) -> Iterator[RawDocument]:
    """The documents of a .jsonl or .csv file, one record at a time, so the file may be of any size;
    ``max_chars`` limits each record. A publication date that cannot be read is an error row
    naming the record, so that no document's dates are silently resolved against the wrong day."""
    stem, shown = path.stem, str(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
        if not head:
            raise DecodeError("empty file")
        # the encoding, from whole lines of the file's start
        _, encoding = decode(head if len(head) < 1 << 16 else head[:head.rfind(b"\n") + 1] or head)
        records = jsonl_records if path.suffix.lower() == ".jsonl" else csv_records
        with open(path, encoding=encoding, newline="") as lines:
            for record_id, text, problem, written_date in records(lines, text_column, id_column, published_column):
                problem = problem or _check_text(text or "", max_chars)
                published = parse_date(written_date) if written_date else None
                if written_date and not published and not problem:
                    problem = f"record {record_id}: unreadable date {written_date!r} in column {published_column!r}"
                yield RawDocument(f"{stem}-{record_id}", None if problem else text, shown, encoding=encoding,
                                  error=f"{shown}: {problem}" if problem else None, published=published)
    except OSError as error:
        yield RawDocument(stem, None, shown, error=f"{shown}: cannot open ({error.strerror or error})")
    except ValueError as error:  # DecodeError, UnicodeDecodeError, a missing column
        yield RawDocument(stem, None, shown, error=f"{shown}: {error}")


def _read_file(path: Path, text_column: str, id_column: str | None, max_chars: int,
               published_column: str | None = None) -> Iterator[RawDocument]:
    if path.suffix.lower() in (".jsonl", ".csv"):
        yield from _read_records(path, text_column, id_column, max_chars, published_column)
        return
    stem, shown = path.stem, str(path)
    try:
        size = path.stat().st_size
        if size > 4 * max_chars + 4:
            yield RawDocument(stem, None, shown, error=f"{shown}: {size:,} bytes, more than the limit of "
                                                       f"{max_chars:,} characters (raise it with --max-chars)")
            return
        data = path.read_bytes()
    except OSError as error:
        yield RawDocument(stem, None, shown, error=f"{shown}: cannot open ({error.strerror or error})")
        return
    if not data:
        yield RawDocument(stem, None, shown, error=f"{shown}: empty file")
        return
    try:
        text, encoding = decode(data)
    except DecodeError as error:
        yield RawDocument(stem, None, shown, error=f"{shown}: {error}")
        return
    title = None
    if path.suffix.lower() in (".html", ".htm"):
        text, title = html_text(text)
    problem = _check_text(text, max_chars)
    yield RawDocument(stem, None if problem else text, shown, title, encoding, f"{shown}: {problem}" if problem else None)


def _expand(item: str | Path) -> Iterator[tuple[Path, str | None]]:
    """(path, problem) for each file an input names; a folder yields its readable files."""
    path = Path(item)
    if not path.is_dir():
        yield path, None if path.exists() else f"{path}: no such file or folder"
        return
    # an extractor output folder (its _run/manifest.jsonl) holds our own tables, not articles
    ours = [m.parent.parent for m in path.rglob("_run/manifest.jsonl")]
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                   and not any(folder in p.parents for folder in ours))
    if not files:
        yield path, f"{path}: folder has no .txt, .html, .htm, .jsonl or .csv files{' of its own' if ours else ''}"
    for file in files:
        yield file, None


def normalize_newlines(text: str) -> str:
    """"\r\n" and a lone "\r" as "\n": a line break is one character whatever system wrote the text
    (a headline ending in "\r\r" was glued to the next sentence, and a "\r" broke CSV rows)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_inputs(inputs: Iterable[str | Path], text_column: str = "text", id_column: str | None = None,
                max_chars: int = DEFAULT_MAX_CHARS, as_text: bool = False,
                published_column: str | None = None) -> Iterator[RawDocument]:
    """Raw documents, in input order, with unique doc_ids, their line breaks as "\n".

    A ``str`` is a path when it names an existing file or folder, ends in a known
    suffix, or is "-" (stdin); otherwise it is a text. ``as_text=True`` makes every
    ``str`` a text (a text such as "data" could otherwise name a folder). ``published_column``
    names the publication date's column of .jsonl/.csv records (ISO 8601, RFC 2822, "20.03.2025",
    or a Unix time).
    """
    for raw in _read_inputs(inputs, text_column, id_column, max_chars, as_text, published_column):
        if raw.text:
            raw.text = normalize_newlines(raw.text)
        yield raw


def _read_inputs(inputs: Iterable[str | Path], text_column: str, id_column: str | None, max_chars: int,
                 as_text: bool, published_column: str | None) -> Iterator[RawDocument]:
    seen: dict[str, int] = {}
    for number, item in enumerate(inputs, 1):
        if isinstance(item, str) and (as_text or not _looks_like_path(item)):
            if not as_text and _looks_like_missing_path(item):
                warnings.warn(f"{item!r} is read as a text, since no such file or folder exists; "
                              "pass as_text=True if texts are meant", stacklevel=3)
            problem = _check_text(item, max_chars)
            yield RawDocument(_unique(f"text{number}", seen), None if problem else item,
                              error=f"text {number}: {problem}" if problem else None)
            continue
        if str(item) == "-":
            data = sys.stdin.buffer.read()
            try:
                text, encoding = decode(data)
                problem = _check_text(text, max_chars)
            except DecodeError as error:
                text, encoding, problem = None, None, str(error)
            yield RawDocument(_unique("stdin", seen), None if problem else text, "-", encoding=encoding,
                              error=f"<stdin>: {problem}" if problem else None)
            continue
        for path, problem in _expand(item):
            if problem:
                yield RawDocument(_unique(path.stem or "input", seen), None, str(path), error=problem)
                continue
            for raw in _read_file(path, text_column, id_column, max_chars, published_column):
                raw.doc_id = _unique(raw.doc_id, seen)
                yield raw


def count_documents(inputs: Iterable[str | Path], as_text: bool = False) -> int | None:
    """How many documents ``read_inputs`` will give (for a progress bar with an ETA), or None
    when that cannot be known beforehand (stdin). Records of .jsonl/.csv files are counted by lines."""
    total = 0
    for item in inputs:
        if isinstance(item, str) and (as_text or not _looks_like_path(item)):
            total += 1
        elif str(item) == "-":
            return None
        else:
            for path, problem in _expand(item):
                if problem or path.suffix.lower() not in (".jsonl", ".csv"):
                    total += 1
                    continue
                with open(path, "rb") as handle:
                    lines = sum(1 for line in handle if line.strip())
                total += max(1, lines - (path.suffix.lower() == ".csv"))  # a CSV's header is no record
    return total
