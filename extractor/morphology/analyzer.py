"""pymorphy3 with the Ukrainian dictionaries, with parses cached per word form."""
from __future__ import annotations

from functools import lru_cache

import pymorphy3

from extractor.text import plain_apostrophes

_ANALYZER: pymorphy3.MorphAnalyzer | None = None


def analyzer() -> pymorphy3.MorphAnalyzer:
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = pymorphy3.MorphAnalyzer(lang="uk")
    return _ANALYZER


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """All pymorphy3 parses of ``word`` (news text repeats words, so caching pays)."""
    return tuple(analyzer().parse(plain_apostrophes(word)))


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    """True when the dictionary (not a guesser) knows ``word``."""
    return analyzer().word_is_known(plain_apostrophes(word.lower()))
