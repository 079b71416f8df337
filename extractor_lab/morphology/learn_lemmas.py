"""Learn the lemma model from BRUK gold lemmas (``extractor-lab train lemmas``)."""
from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from pathlib import Path

from extractor.morphology.analyzer import parses
from extractor.morphology.lemmas import LemmaModel, suffix_of
from extractor.text import plain_apostrophes
from extractor_lab.morphology.bruk import read_sentences


def learn(files: list[Path], min_context: int = 2) -> LemmaModel:
    """The lemma model of the gold lemmas in BRUK ``files``."""
    form_lemmas: dict[str, Counter] = defaultdict(Counter)
    pair_lemmas: dict[tuple[str, str], Counter] = defaultdict(Counter)
    lemma_counts: Counter = Counter()
    suffix_pos: dict[str, Counter] = defaultdict(Counter)
    for path in files:
        for sentence in read_sentences(path):
            previous = "<s>"
            for token in sentence:
                form, lemma = plain_apostrophes(token.text.lower()), plain_apostrophes(token.lemma.lower())
                if token.scored:
                    form_lemmas[form][lemma] += 1
                    pair_lemmas[(previous, form)][lemma] += 1
                    lemma_counts[lemma] += 1
                    pos = next((p.tag.POS for p in parses(form) if p.normal_form == lemma), None)
                    if pos:
                        suffix_pos[suffix_of(form)][pos] += 1
                previous = form
    forms = {f: c.most_common(1)[0][0] for f, c in form_lemmas.items()}
    context = {}
    for (previous, form), counts in pair_lemmas.items():
        lemma, count = counts.most_common(1)[0]
        if lemma != forms[form] and count >= min_context and count > counts[forms[form]]:
            context[f"{previous} {form}"] = lemma
    # forms whose lemma pymorphy3's first parse gets right anyway need no entry
    forms = {f: l for f, l in forms.items() if _first_lemma(f) != l}
    return LemmaModel(forms, context, dict(lemma_counts), {s: dict(c) for s, c in suffix_pos.items()})


def save(model: LemmaModel, path: Path) -> None:
    data = {"forms": model.forms, "context": model.context, "lemma_counts": model.lemma_counts,
            "suffix_pos": model.suffix_pos}
    with gzip.open(path, "wt", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, separators=(",", ":"))


def _first_lemma(form: str) -> str:
    candidates = parses(form)
    return candidates[0].normal_form if candidates else form
