"""Strict entity scoring: a prediction counts only with exact span and type."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Hashable, Iterable

# An entity to score: (where, start, end, label); "where" identifies the sentence.
Entity = tuple[Hashable, int, int, str]


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    gold: int
    predicted: int
    correct: int

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "gold": self.gold, "predicted": self.predicted, "correct": self.correct}


def _score(gold: int, predicted: int, correct: int) -> Score:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, gold, predicted, correct)


def strict_scores(gold: Iterable[Entity], predicted: Iterable[Entity],
                  labels: Iterable[str]) -> tuple[dict[str, Score], Score]:
    """Per-label scores and their micro average over ``labels``."""
    labels = tuple(labels)
    gold_set = {e for e in gold if e[3] in labels}
    pred_set = {e for e in predicted if e[3] in labels}
    correct = gold_set & pred_set
    n_gold, n_pred, n_correct = (Counter(e[3] for e in s) for s in (gold_set, pred_set, correct))
    per_label = {label: _score(n_gold[label], n_pred[label], n_correct[label]) for label in labels}
    micro = _score(len(gold_set), len(pred_set), len(correct))
    return per_label, micro


def spans_from_bioes(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of a BIOES (or BIO) tag sequence; ill-formed runs are closed where they break."""
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        if start is not None and (prefix in ("O", "B", "S") or kind != label):
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "S") or (prefix in ("I", "E") and start is None):
            start, label = i, kind
        if prefix in ("E", "S") and start is not None:
            spans.append((start, i + 1, label))
            start, label = None, None
    return spans
