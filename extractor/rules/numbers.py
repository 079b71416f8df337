"""Read numbers written in digits ("3", "1,5", "10 000", "10-12") or in words ("дванадцять", "півтори")."""
from __future__ import annotations

import re

from extractor.text import plain_apostrophes

UNITS = {
    "нуль": 0, "один": 1, "одна": 1, "одне": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5,
    "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12,
    "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15, "шістнадцять": 16, "сімнадцять": 17,
    "вісімнадцять": 18, "дев'ятнадцять": 19, "двадцять": 20, "тридцять": 30, "сорок": 40,
    "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80, "дев'яносто": 90, "сто": 100,
    "двісті": 200, "триста": 300, "чотириста": 400, "п'ятсот": 500, "шістсот": 600, "сімсот": 700,
    "вісімсот": 800, "дев'ятсот": 900, "півтора": 1.5, "півтори": 1.5,
}
ORDINALS = {"перший", "другий", "третій", "четвертий", "п'ятий", "шостий", "сьомий", "восьмий", "дев'ятий",
            "десятий", "двадцятий", "тридцятий", "сотий", "тисячний"}
# Vague counts: (low, high) of what they can mean.
VAGUE = {"кілька": (2, 9), "декілька": (2, 9), "кількадесят": (20, 90), "кількасот": (200, 900),
         "десяток": (10, 90), "сотня": (100, 900)}
SCALES = {"тис": 1e3, "тисяча": 1e3, "тисяч": 1e3, "млн": 1e6, "мільйон": 1e6, "млрд": 1e9,
          "мільярд": 1e9, "трлн": 1e12, "трильйон": 1e12, "десяток": 10, "сотня": 100}
# one word for half a scale: "півмільйона гривень"
HALVES = {"півтисячі": 500, "півмільйона": 5e5, "півмільярда": 5e8}

_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
# a cardinal's case ending written after the digits: "3-х гривень", "25-ти", "5-ма" (not an ordinal's: "5-му
# каналі", "90-х", "1-х класів"; "-х" is a cardinal's only after 2, 3 and 4: "трьох", "перших")
_CASE_ENDING = re.compile(r"(\d+)-(ти|ми|ох|ьох|ма)|(\d*(?<!1)[234])-х")
_RANGE = re.compile(r"(\d+(?:[.,]\d+)?)-(\d+(?:[.,]\d+)?)")


def _apostrophe(word: str) -> str:
    return plain_apostrophes(word.lower())


def digits_value(text: str) -> float | None:
    """3 -> 3.0, "1,5" -> 1.5, "3-х" -> 3.0; None when ``text`` is not a plain number."""
    ending = _CASE_ENDING.fullmatch(text)
    if ending:
        return float(ending.group(1) or ending.group(3))
    if not _DIGITS.fullmatch(text):
        return None
    return float(text.replace(",", "."))


def digits_range(text: str) -> tuple[float, float] | None:
    match = _RANGE.fullmatch(text)
    if not match:
        return None
    low, high = (float(g.replace(",", ".")) for g in match.groups())
    return (low, high) if low < high else None


def word_value(lemma: str) -> float | None:
    return UNITS.get(_apostrophe(lemma))


def half_scale(word: str) -> float | None:
    return HALVES.get(word.lower())


def vague_bounds(lemma: str) -> tuple[float, float] | None:
    return VAGUE.get(_apostrophe(lemma))


def scale(lemma: str) -> float | None:
    return SCALES.get(_apostrophe(lemma))
