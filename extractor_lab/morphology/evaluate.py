"""Lemma accuracy on gold data (``extractor-lab evaluate lemmas``): pymorphy3's first parse vs. ours.

Punctuation, numbers and symbols are left out; comparison ignores case and
the apostrophe variant (’ ʼ ').
BRUK gold comes as XML (VESUM tags), UD as CoNLL-U (UPOS).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from extractor.morphology.analyzer import parses
from extractor.text import plain_apostrophes
from extractor_lab.morphology.bruk import read_sentences
from extractor.morphology.lemmas import LemmaModel

UD_SKIPPED = {"PUNCT", "NUM", "SYM", "X"}


def conllu_sentences(path: Path) -> list[list[tuple[str, str, bool]]]:
    """(form, lemma, scored) per word of a CoNLL-U file, multiword-token lines skipped."""
    sentences, current = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue
        current.append((cols[1], cols[2], cols[3] not in UD_SKIPPED and any(c.isalpha() for c in cols[1])))
    if current:
        sentences.append(current)
    return sentences


def bruk_sentences(folder: Path) -> list[list[tuple[str, str, bool]]]:
    files = sorted(Path(folder).glob("*.xml")) if Path(folder).is_dir() else [Path(folder)]
    return [[(t.text, t.lemma, t.scored) for t in s] for f in files for s in read_sentences(f)]


def score(sentences: list[list[tuple[str, str, bool]]], model: LemmaModel) -> dict:
    total = first_ok = ours_ok = 0
    errors: Counter = Counter()
    for sentence in sentences:
        previous = None
        for form, gold, scored in sentence:
            if scored:
                gold = plain_apostrophes(gold.lower())  # ’ and ' are one letter for this comparison
                candidates = parses(form.lower())
                first = candidates[0].normal_form if candidates else form.lower()
                ours = model.lemma(form, previous)
                total += 1
                first_ok += first == gold
                ours_ok += ours == gold
                if ours != gold:
                    errors[(form.lower(), ours, gold)] += 1
            previous = form
    return {"tokens": total, "pymorphy3_first": first_ok / total if total else 0.0,
            "ours": ours_ok / total if total else 0.0,
            "top_errors": [{"form": f, "ours": o, "gold": g, "count": c} for (f, o, g), c in errors.most_common(20)]}


def format_report(name: str, result: dict) -> str:
    lines = [f"{name}: {result['tokens']} tokens (no punctuation, numbers, symbols)",
             f"  pymorphy3 first parse: {result['pymorphy3_first']:.4f}",
             f"  ours (context model):  {result['ours']:.4f}",
             "  commonest remaining errors (form: ours -> gold, count):"]
    lines += [f"    {e['form']}: {e['ours']} -> {e['gold']} ({e['count']})" for e in result["top_errors"]]
    return "\n".join(lines)
