"""Scraped-article layout: a title line, a source line and a date line, then the body.

Plain text (no such header) is all body. The date is given back as ISO 8601.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

_SOURCE = re.compile(r"^(?:https?://)?[\w.-]+\.[a-zа-яіїєґ]{2,}(?:/\S*)?$|^[^.!?]{1,60}$", re.IGNORECASE)
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y", "%d.%m.%Y %H:%M")


@dataclass
class Layout:
    title: str | None
    source: str | None
    published: str | None
    body_start: int  # character offset where the body starts
    title_span: tuple[int, int] | None  # the title is content too: it gets tagged


def parse_date(line: str) -> str | None:
    """ISO form of a date line ("Tue, 05 Nov 2024 15:54:03 +0200" -> "2024-11-05T15:54:03+02:00"),
    also of a Unix time in seconds ("1426089600" -> "2015-03-11T16:00:00+00:00")."""
    line = line.strip()
    if line.isdigit() and 9 <= len(line) <= 10:
        return datetime.fromtimestamp(int(line), timezone.utc).isoformat()
    try:
        return parsedate_to_datetime(line).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(line, fmt).isoformat()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(line).isoformat()
    except ValueError:
        return None


def read_layout(text: str) -> Layout:
    lines = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((line, position))
        if len(lines) == 3:
            break
        position += len(line) + 1
    if len(lines) == 3:
        (title, t_pos), (source, _), (date_line, d_pos) = lines
        published = parse_date(date_line)
        if published and _SOURCE.match(source.strip()) and len(title) < 300:
            return Layout(title.strip(), source.strip(), published, d_pos + len(date_line) + 1,
                          (t_pos, t_pos + len(title.rstrip())))
    return Layout(None, None, None, 0, None)
