"""Text out of each supported file format: .txt, .html/.htm, .jsonl, .csv."""
from __future__ import annotations

import csv
import json
import re
from typing import Iterable, Iterator

TEXT_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".csv"}


def html_text(markup: str) -> tuple[str, str | None]:
    """(visible text, <title>) of an HTML page; scripts, styles and page chrome dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(["script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    text = soup.get_text("\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line), title


Record = tuple[str, "str | None", "str | None", "str | None"]  # (id, text, problem, publication date as written)


def jsonl_records(lines: Iterable[str], text_column: str, id_column: str | None,
                  published_column: str | None = None) -> Iterator[Record]:
    """(id, text, problem, published) per line of a JSON Lines file, one line at a time; a bad line is a
    problem, not an exception."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield f"line{number}", None, f"line {number}: invalid JSON ({error.msg})", None
            continue
        if not isinstance(row, dict) or not isinstance(row.get(text_column), str):
            yield f"line{number}", None, f"line {number}: no text in column {text_column!r}", None
            continue
        published = row.get(published_column) if published_column else None
        yield (str(row[id_column]) if id_column and row.get(id_column) is not None else f"line{number}",
               row[text_column], None, None if published is None else str(published))


def csv_records(lines: Iterable[str], text_column: str, id_column: str | None,
                published_column: str | None = None) -> Iterator[Record]:
    """(id, text, problem, published) per row of a CSV file with a header, one row at a time."""
    reader = csv.DictReader(lines)
    for column, option in ((text_column, "--text-column"), (published_column, "--published-column")):
        if column and (not reader.fieldnames or column not in reader.fieldnames):
            raise ValueError(f"no column {column!r} (columns: {', '.join(reader.fieldnames or [])}); use {option}")
    for number, row in enumerate(reader, 2):
        doc_id = row.get(id_column) if id_column else None
        yield doc_id or f"row{number}", row.get(text_column) or "", None, \
            (row.get(published_column) or None) if published_column else None
