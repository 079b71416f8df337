"""Turn what the user gave (texts, files, folders, "-" for stdin) into raw documents.

A problem with one input never stops the run: it becomes a RawDocument with
``error`` set, which ends up as a row of the ``documents`` table.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

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


def _looks_like_path(item: str) -> bool:
    return item == "-" or ("\n" not in item and len(item) < 4096 and (
        Path(item).exists() or Path(item).suffix.lower() in TEXT_SUFFIXES))


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


def _read_file(path: Path, text_column: str, id_column: str | None, max_chars: int) -> Iterator[RawDocument]:
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
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".csv"):
        try:
            records = (jsonl_records if suffix == ".jsonl" else csv_records)(text, text_column, id_column)
        except ValueError as error:
            yield RawDocument(stem, None, shown, encoding=encoding, error=f"{shown}: {error}")
            return
        for record_id, record_text, problem in records:
            problem = problem or _check_text(record_text or "", max_chars)
            yield RawDocument(f"{stem}-{record_id}", None if problem else record_text, shown, encoding=encoding,
                              error=f"{shown}: {problem}" if problem else None)
        return
    title = None
    if suffix in (".html", ".htm"):
        text, title = html_text(text)
    problem = _check_text(text, max_chars)
    yield RawDocument(stem, None if problem else text, shown, title, encoding, f"{shown}: {problem}" if problem else None)


def _expand(item: str | Path) -> Iterator[tuple[Path, str | None]]:
    """(path, problem) for each file an input names; a folder yields its readable files."""
    path = Path(item)
    if not path.is_dir():
        yield path, None if path.exists() else f"{path}: no such file or folder"
        return
    files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    if not files:
        yield path, f"{path}: folder has no .txt, .html, .htm, .jsonl or .csv files"
    for file in files:
        yield file, None


def read_inputs(inputs: Iterable[str | Path], text_column: str = "text", id_column: str | None = None,
                max_chars: int = DEFAULT_MAX_CHARS, as_text: bool = False) -> Iterator[RawDocument]:
    """Raw documents, in input order, with unique doc_ids.

    A ``str`` is a path when it names an existing file or folder, ends in a known
    suffix, or is "-" (stdin); otherwise it is a text. ``as_text=True`` makes every
    ``str`` a text (a text such as "data" could otherwise name a folder).
    """
    seen: dict[str, int] = {}
    for number, item in enumerate(inputs, 1):
        if isinstance(item, str) and (as_text or not _looks_like_path(item)):
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
            for raw in _read_file(path, text_column, id_column, max_chars):
                raw.doc_id = _unique(raw.doc_id, seen)
                yield raw
