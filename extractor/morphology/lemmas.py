"""Choose the right lemma among pymorphy3's parses, from context and BRUK statistics.

The Ukrainian pymorphy3 dictionaries carry no frequencies, so the first parse
is arbitrary ("року" -> "рок", "вона" -> "вон"). This model learns from the
hand-disambiguated BRUK files, in order of preference:

1. ``context``: lemma of a word form after a given previous word, kept only where
   it differs from the form's usual lemma ("стали" after "ми" vs. after "з");
2. ``forms``: the commonest gold lemma of a lower-cased word form;
3. for unseen forms, pymorphy3's parses ranked by how often their lemma occurs in
   BRUK and how often their part of speech goes with the word's last letters.

It is stored as one gzipped JSON file in ``models/`` and rebuilt with
``extractor train lemmas``.
"""
from __future__ import annotations

import gzip
import json
import math
from collections import Counter, defaultdict
from pathlib import Path

from extractor.morphology.analyzer import parses, plain_apostrophes
from extractor.morphology.bruk import read_sentences

SUFFIX_LEN = 3


def _suffix(form: str) -> str:
    return form[-SUFFIX_LEN:]


class LemmaModel:
    def __init__(self, forms: dict[str, str], context: dict[str, str], lemma_counts: dict[str, int],
                 suffix_pos: dict[str, dict[str, int]]):
        self.forms = forms
        self.context = context
        self.lemma_counts = lemma_counts
        self.suffix_pos = suffix_pos
        self._unseen_cache: dict[str, str] = {}

    # -- learning -----------------------------------------------------------
    @classmethod
    def learn(cls, files: list[Path], min_context: int = 2) -> "LemmaModel":
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
                            suffix_pos[_suffix(form)][pos] += 1
                    previous = form
        forms = {f: c.most_common(1)[0][0] for f, c in form_lemmas.items()}
        context = {}
        for (previous, form), counts in pair_lemmas.items():
            lemma, count = counts.most_common(1)[0]
            if lemma != forms[form] and count >= min_context and count > counts[forms[form]]:
                context[f"{previous} {form}"] = lemma
        # forms whose lemma pymorphy3's first parse gets right anyway need no entry
        forms = {f: l for f, l in forms.items() if _first_lemma(f) != l}
        return cls(forms, context, dict(lemma_counts), {s: dict(c) for s, c in suffix_pos.items()})

    # -- storage ------------------------------------------------------------
    def save(self, path: Path) -> None:
        data = {"forms": self.forms, "context": self.context, "lemma_counts": self.lemma_counts,
                "suffix_pos": self.suffix_pos}
        with gzip.open(path, "wt", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: Path) -> "LemmaModel":
        try:
            with gzip.open(path, "rt", encoding="utf-8") as src:
                data = json.load(src)
        except (OSError, ValueError) as error:
            raise ValueError(f"{path}: cannot read lemma model ({error})") from error
        return cls(data["forms"], data["context"], data["lemma_counts"], data["suffix_pos"])

    # -- use ----------------------------------------------------------------
    def lemma(self, word: str, previous: str | None = None) -> str:
        """Lower-case lemma of ``word`` given the previous word (or None at sentence start)."""
        form = plain_apostrophes(word.lower())
        key = f"{plain_apostrophes((previous or '<s>').lower())} {form}"
        if key in self.context:
            return self.context[key]
        if form in self.forms:
            return self.forms[form]
        cached = self._unseen_cache.get(form)
        if cached is None:
            cached = self._rank_parses(form)
            self._unseen_cache[form] = cached
        return cached

    def best_parse(self, word: str, previous: str | None = None):
        """The pymorphy3 parse that agrees with the chosen lemma (None if no parse does)."""
        lemma = self.lemma(word, previous)
        candidates = [p for p in parses(word.lower()) if p.normal_form == lemma]
        word = plain_apostrophes(word)
        if not candidates:
            return None
        counts = self.suffix_pos.get(_suffix(word.lower()), {})
        return max(candidates, key=lambda p: counts.get(p.tag.POS, 0))

    def _rank_parses(self, form: str) -> str:
        candidates = parses(form)
        if not candidates:
            return form
        pos_counts = self.suffix_pos.get(_suffix(form), {})
        total = sum(pos_counts.values()) or 1

        def score(parse) -> float:
            return (math.log(self.lemma_counts.get(parse.normal_form, 0) + 1)
                    + 2 * math.log((pos_counts.get(parse.tag.POS, 0) + 0.5) / total))

        return max(candidates, key=score).normal_form


def _first_lemma(form: str) -> str:
    candidates = parses(form)
    return candidates[0].normal_form if candidates else form
