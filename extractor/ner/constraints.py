"""What the dictionary rules out for the NER tagger, word by word.

pymorphy3 knows that "Приватбанк", "Берліном" and "Картоплю" are inanimate
nouns and nothing else, and that "Тереза" is a first name. A token every
dictionary reading of which is an inanimate common noun cannot be (part of) a
person's name, so the tagger's PERS tags are forbidden on it and decoding picks
the best path without them (``ensemble.predict``). Words the dictionary does not
know, or knows as a name or an animate noun, are left to the tagger.
"""
from __future__ import annotations

from functools import lru_cache

from extractor.morphology.analyzer import parses

NAME_GRAMMEMES = {"Name", "Surn", "Patr", "anim"}


@lru_cache(maxsize=200_000)
def forbidden_labels(word: str) -> frozenset[str]:
    if not word[:1].isalpha():
        return frozenset()
    readings = parses(word.lower())
    if readings and all(p.is_known and p.tag.POS == "NOUN" and "inan" in p.tag.grammemes
                        and not NAME_GRAMMEMES & p.tag.grammemes for p in readings):
        return frozenset({"PERS"})
    return frozenset()
