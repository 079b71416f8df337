"""Pipeline component: give every token its lemma, part of speech and pymorphy3 parse."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from extractor.document import Document
from extractor.morphology.analyzer import WORD_CACHE_SIZE
from extractor.morphology.lemmas import LemmaModel
from extractor.models import LEMMA_MODEL, missing_model
from extractor.text import has_latin


@lru_cache(maxsize=WORD_CACHE_SIZE)
def coarse_pos(text: str) -> str | None:
    """Part of speech for tokens that are not Ukrainian words."""
    if not any(c.isalnum() for c in text):
        return "PUNCT"
    if not any(c.isalpha() for c in text):
        return "NUM"
    if has_latin(text):
        return "LATN"
    return None


class MorphTagger:
    def __init__(self, model_path: Path = LEMMA_MODEL):
        if not Path(model_path).exists():
            raise missing_model(Path(model_path), "lemma model", "extractor-lab train lemmas")
        self.model = LemmaModel.load(model_path)

    def __call__(self, document: Document) -> Document:
        for sentence in document.sentences:
            previous = None
            for token in sentence.tokens:
                pos = coarse_pos(token.norm)
                if pos:
                    token.lemma, token.pos = token.norm, pos
                else:
                    token.lemma, parse = self.model.analyse(token.norm, previous)
                    token.pos = parse.tag.POS or "X" if parse else "X"
                    token.parse = parse
                previous = token.norm
        return document
