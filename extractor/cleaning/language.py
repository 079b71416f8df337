"""Guess whether a text is Ukrainian, Russian or English from its letters.

Ukrainian and Russian share most of the Cyrillic alphabet; each has letters
the other lacks (і ї є ґ vs. ы э ъ ё), which is enough for news-length text.
"""
from __future__ import annotations

from extractor.text import is_latin

UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
RUSSIAN_ONLY = set("ыэъёЫЭЪЁ")


def guess_language(text: str) -> str:
    """"uk", "ru", "en" (mostly Latin letters) or "unknown" (hardly any letters)."""
    cyrillic = latin = uk = ru = 0
    for char in text:
        if "а" <= char.lower() <= "я" or char in UKRAINIAN_ONLY or char in RUSSIAN_ONLY:
            cyrillic += 1
            uk += char in UKRAINIAN_ONLY
            ru += char in RUSSIAN_ONLY
        elif is_latin(char):
            latin += 1
    if cyrillic + latin < 20:
        return "unknown" if cyrillic + latin == 0 else ("uk" if cyrillic >= latin else "en")
    if latin > cyrillic:
        return "en"
    return "ru" if ru > uk else "uk"
