"""Site furniture: navigation lines that scrapers leave before or after an article.

A line counts as furniture when it is short, has no sentence punctuation and
matches a known phrase ("Останні новини", "більше новин", "Читайте також").
Only runs of such lines at the very start or end of the body are dropped.
"""
from __future__ import annotations

import re

FURNITURE = re.compile(
    r"^(останні новини|більше новин|усі новини|всі новини|читайте також|читайте більше|"
    r"поділитися|поширити|коментарі|новини партнерів|популярне|реклама|підписуйтеся.*|"
    r"підписатися|головна|новини|на головну|теги|теги:.*|джерело:.*|фото:.*|"
    r"додати коментар|хочете повідомити новину\?.*|читати далі|більше|ще новини)\s*$",
    re.IGNORECASE)


def _is_furniture(line: str) -> bool:
    line = line.strip()
    return bool(line) and len(line) <= 80 and bool(FURNITURE.match(line))


def body_bounds(text: str, start: int = 0) -> tuple[int, int]:
    """(start, end) of ``text`` from ``start`` with leading and trailing furniture lines cut off."""
    lines = []
    position = 0
    for line in text.split("\n"):
        lines.append((position, position + len(line), line))
        position += len(line) + 1
    lines = [entry for entry in lines if entry[1] > start]
    while lines and (not lines[0][2].strip() or _is_furniture(lines[0][2])):
        lines.pop(0)
    while lines and (not lines[-1][2].strip() or _is_furniture(lines[-1][2])):
        lines.pop()
    if not lines:
        return start, start
    return max(lines[0][0], start), lines[-1][1]
