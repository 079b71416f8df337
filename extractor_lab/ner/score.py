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


def paired_bootstrap(gold: Iterable[Entity], predicted_a: Iterable[Entity], predicted_b: Iterable[Entity],
                     labels: Iterable[str], documents: Iterable[Hashable] = (), resamples: int = 2000,
                     seed: int = 0) -> dict:
    """How sure is "A beats B"? Micro-F1 of A minus B over documents drawn with replacement.

    Entities are grouped by their first field (the document), so a resample keeps
    whole documents, the unit in which annotation style and errors cluster. Returns
    the observed difference, its 95% interval and the share of resamples A wins.
    ``documents`` adds documents with no entity at all, which count in a resample too.
    """
    import numpy as np

    labels = tuple(labels)
    gold_set = {e for e in gold if e[3] in labels}
    sets = [{e for e in p if e[3] in labels} for p in (predicted_a, predicted_b)]
    documents = sorted(set(documents) | {e[0] for e in gold_set} | {e[0] for s in sets for e in s}, key=str)
    index = {d: i for i, d in enumerate(documents)}
    # per document: gold, then (predicted, correct) of A and of B
    counts = np.zeros((len(documents), 5))
    for e in gold_set:
        counts[index[e[0]], 0] += 1
    for column, predicted in ((1, sets[0]), (3, sets[1])):
        for e in predicted:
            counts[index[e[0]], column] += 1
            counts[index[e[0]], column + 1] += e in gold_set

    def f1(total, predicted, correct):  # F1 = 2 * correct / (gold + predicted), 0 where both are 0
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.nan_to_num(2 * total[..., correct] / (total[..., 0] + total[..., predicted]))

    def a_minus_b(total):
        return f1(total, 1, 2) - f1(total, 3, 4)

    observed = float(a_minus_b(counts.sum(axis=0)))
    draws = np.random.default_rng(seed).integers(0, len(documents), size=(resamples, len(documents)))
    differences = a_minus_b(counts[draws].sum(axis=1))
    low, high = np.percentile(differences, [2.5, 97.5])
    return {"difference": round(observed, 4), "low": round(float(low), 4), "high": round(float(high), 4),
            "a_wins": round(float((differences > 0).mean()), 4), "documents": len(documents), "resamples": resamples}
