"""Measure damage repair (``extractor-lab evaluate repair``).

Held-out BRUK texts are damaged the way scrapers damage news (apostrophes,
in-word hyphens and є/Є removed), then repaired; each word is compared with
the original. Damaged words are split into non-words and real words: a real
word is a damaged spelling that is itself a dictionary word or occurs at least
25 times (MIN_EVIDENCE) in the training BRUK texts ("Корею" for "Кореєю", "нема" for "немає").
"""
from __future__ import annotations

import re
from pathlib import Path

from extractor.cleaning.repair import Repairer, agreement_fix
from extractor.document import Token
from extractor.text import APOSTROPHES, plain_apostrophes as apostrophes
from extractor_lab.heldout import is_held_out

LOST = re.compile(rf"[{APOSTROPHES}\-єЄ]")
WORD = re.compile(rf"[^\W\d_]+(?:[-{APOSTROPHES}][^\W\d_]+)*|\S")


def damage(word: str) -> str:
    return LOST.sub("", word)


def bruk_lines(texts_folder: Path, max_files: int | None = None) -> tuple[str, list[str]]:
    """Lines of the held-out BRUK texts (never counted into the frequencies)."""
    files = [p for p in sorted(Path(texts_folder).rglob("*.txt")) if is_held_out(p.stem)][:max_files]
    lines = [line for p in files for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    return f"held-out BRUK texts: {len(files)} files", lines


def conllu_lines(conllu: Path) -> tuple[str, list[str]]:
    """The ``# text =`` sentences of a UD file: a second check on text other than BRUK."""
    lines = [line[len("# text = "):] for line in Path(conllu).read_text(encoding="utf-8").splitlines()
             if line.startswith("# text = ")]
    return f"{Path(conllu).name}: {len(lines)} sentences", lines


def evaluate(source: tuple[str, list[str]]) -> dict:
    repairer = Repairer()
    name, lines = source
    stats = {"source": name, "words": 0, "undamaged": 0, "undamaged_altered": 0,
             "nonword_damaged": 0, "nonword_restored": 0, "realword_damaged": 0, "realword_restored": 0,
             "repairs": 0, "correct_repairs": 0}
    for line in lines:
        previous = None
        for original in WORD.findall(line):
            broken = damage(original)
            if not broken or not broken[0].isalpha():
                previous = None
                continue
            token = Token(broken, 0, len(broken))
            fixed = repairer.repair_word(broken)
            if fixed is None and previous is not None and broken[:1].isupper():
                fixed = agreement_fix(previous, token)
            result = fixed or broken
            # case-insensitive: a lost capital Є leaves no trace in the word ("диного" <- "Єдиного")
            right = apostrophes(result).lower() == apostrophes(original).lower()
            stats["words"] += 1
            if broken == original:
                stats["undamaged"] += 1
                stats["undamaged_altered"] += fixed is not None
            else:
                kind = "realword" if repairer.is_real_word(broken) else "nonword"
                stats[f"{kind}_damaged"] += 1
                stats[f"{kind}_restored"] += right
            if fixed is not None:
                stats["repairs"] += 1
                stats["correct_repairs"] += right
            token.norm = result
            previous = token
    ratio = lambda a, b: stats[a] / stats[b] if stats[b] else 0.0
    stats.update(
        precision=ratio("correct_repairs", "repairs"),
        nonword_recall=ratio("nonword_restored", "nonword_damaged"),
        realword_recall=ratio("realword_restored", "realword_damaged"),
        undamaged_altered_per_10k=10_000 * ratio("undamaged_altered", "undamaged"),
    )
    return stats


def format_report(stats: dict) -> str:
    return "\n".join([
        f"{stats['source']}, {stats['words']} words",
        f"  repairs made: {stats['repairs']}, correct: {stats['correct_repairs']} (precision {stats['precision']:.4f})",
        f"  damaged non-words: {stats['nonword_damaged']}, restored {stats['nonword_restored']} (recall {stats['nonword_recall']:.4f})",
        f"  damaged real words: {stats['realword_damaged']}, restored {stats['realword_restored']} (recall {stats['realword_recall']:.4f})",
        f"  undamaged words altered: {stats['undamaged_altered']} of {stats['undamaged']} "
        f"({stats['undamaged_altered_per_10k']:.2f} per 10,000)",
    ])
