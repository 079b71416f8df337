"""Choose the right lemma among pymorphy3's parses, from context and BRUK statistics.

The Ukrainian pymorphy3 dictionaries carry no frequencies, so the first parse
is arbitrary ("року" -> "рок", "вона" -> "вон"). This model learns from the
hand-disambiguated BRUK files, in order of preference:

1. ``context``: lemma of a word form after a given previous word, kept only where
   it differs from the form's usual lemma ("стали" after "ми" vs. after "з");
2. ``forms``: the commonest gold lemma of a lower-cased word form;
3. for unseen forms, pymorphy3's parses ranked by how often their lemma occurs in
   BRUK and how often their part of speech goes with the word's last letters, a
   reading whose lemma is the form itself first when the counts are close.

It is stored as one gzipped JSON file in ``models/`` and rebuilt with
``extractor-lab train lemmas`` (``extractor_lab/morphology/learn_lemmas.py``).
"""
from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from pathlib import Path

from extractor.morphology.analyzer import WORD_CACHE_SIZE, parses
from extractor.text import plain_apostrophes

SUFFIX_LEN = 3
# an unseen form that is the dictionary form of one of its readings is more often that word than an
# inflected form of another: "Прем'єр" is the prime minister, not the genitive plural of "прем'єра"
# (which literary BRUK names three times as often); 2 is the best of 0.5 to 4 on UD-IU dev
OWN_LEMMA_BONUS = 2.0


def suffix_of(form: str) -> str:
    return form[-SUFFIX_LEN:]


class LemmaModel:
    def __init__(self, forms: dict[str, str], context: dict[str, str], lemma_counts: dict[str, int],
                 suffix_pos: dict[str, dict[str, int]]):
        self.forms = forms
        self.context = context
        self.lemma_counts = lemma_counts
        self.suffix_pos = suffix_pos
        self._unseen_cache: dict[str, str] = {}
        self._parse_with_lemma = lru_cache(maxsize=WORD_CACHE_SIZE)(self._parse_with_lemma)  # per form and lemma

    # -- storage ------------------------------------------------------------
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
            if len(self._unseen_cache) >= WORD_CACHE_SIZE:
                self._unseen_cache.clear()  # bounded, so that a long run's memory stays flat
            self._unseen_cache[form] = cached
        return cached

    def analyse(self, word: str, previous: str | None = None):
        """(lemma, the pymorphy3 parse that agrees with it or None) of ``word`` after ``previous``."""
        lemma = self.lemma(word, previous)
        return lemma, self._parse_with_lemma(word.lower(), lemma)

    def _parse_with_lemma(self, form: str, lemma: str):
        candidates = [p for p in parses(form) if p.normal_form == lemma]
        if not candidates:
            return None
        counts = self.suffix_pos.get(suffix_of(plain_apostrophes(form)), {})
        return max(candidates, key=lambda p: counts.get(p.tag.POS, 0))

    def _rank_parses(self, form: str) -> str:
        candidates = parses(form)
        if not candidates:
            return form
        pos_counts = self.suffix_pos.get(suffix_of(form), {})
        total = sum(pos_counts.values()) or 1

        def score(parse) -> float:
            return (math.log(self.lemma_counts.get(parse.normal_form, 0) + 1)
                    + 2 * math.log((pos_counts.get(parse.tag.POS, 0) + 0.5) / total)
                    + OWN_LEMMA_BONUS * (parse.normal_form == form))

        return max(candidates, key=score).normal_form
