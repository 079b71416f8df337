"""Count BRUK word frequencies for damage repair (``extractor-lab train repair``).

Held-out BRUK texts (``extractor_lab.heldout``) stay out of the counts, so the
repair can be measured on them.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from extractor.text import APOSTROPHES, plain_apostrophes as apostrophes
from extractor_lab.heldout import is_held_out

WORD = re.compile(rf"[^\W\d_]+(?:[-{APOSTROPHES}][^\W\d_]+)*")


def count_words(texts_folder: Path) -> tuple[Counter, Counter]:
    """(all occurrences, capitalized occurrences) per lower-cased word of the training BRUK texts."""
    counts: Counter = Counter()
    capitalized: Counter = Counter()
    for path in sorted(Path(texts_folder).rglob("*.txt")):
        if is_held_out(path.stem):
            continue
        for word in WORD.findall(path.read_text(encoding="utf-8", errors="replace")):
            key = apostrophes(word.lower())
            counts[key] += 1
            capitalized[key] += word[:1].isupper()
    return counts, capitalized


def save_frequencies(counts: Counter, capitalized: Counter, path: Path, min_count: int = 2) -> None:
    """Words seen at least ``min_count`` times, and those written with a capital at least half the time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = {w: n for w, n in sorted(counts.items()) if n >= min_count}
    names = sorted(w for w, n in kept.items() if capitalized[w] >= 0.5 * n)
    with gzip.open(path, "wt", encoding="utf-8") as out:
        json.dump({"counts": kept, "capitalized": names}, out, ensure_ascii=False, separators=(",", ":"))


