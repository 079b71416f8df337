"""Read numbers written in digits ("3", "1,5", "10 000", "10-12") or in words ("дванадцять", "півтори"),
with their scale ("3 тис."), ranges ("10-12 тис.", "від 200 до 500") and hedges ("понад", "близько")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.document import Token
from extractor.lexicon import table, whole_numbers, words
from extractor.morphology.analyzer import parses
from extractor.text import plain_apostrophes

UNITS = table("number_words", float)
ORDINALS = words("ordinals")
VAGUE = table("vague_counts", whole_numbers)
SCALES = table("scales", float)
HALVES = table("halves", float)
RANGE_DASHES = {"-", "–", "—"}
# the plural in every case: "тисячі військових", "тисячам людей", "мільйонами гривень"
UNCOUNTED_SCALES = {stem + ending for stem, endings in (("тисяч", ("і", "", "ам", "ами", "ах")),
                                                        ("мільйон", ("и", "ів", "ам", "ами", "ах")),
                                                        ("мільярд", ("и", "ів", "ам", "ами", "ах")))
                    for ending in endings}
ONE_SCALE = {"тисяча", "тисячу", "мільйон", "мільярд", "трильйон"}  # one thousand, one million

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


def _hedge(written: str) -> tuple[str | None, bool]:
    """"low approximate" -> ("low", True): the bound a hedge sets, and whether it makes the number approximate."""
    bound, kind = written.split()
    return (None if bound == "none" else bound), kind == "approximate"


HEDGES = table("hedges", _hedge)


@dataclass
class Number:
    first: int  # token indices of the number, scale included: tokens[first:last]
    last: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool


def pos_set(token: Token) -> set[str]:
    return {p.tag.POS for p in parses(token.norm.lower())}


def _spelled_sum(tokens: list[Token], j: int) -> tuple[float, int]:
    """The sum of the numerals spelled out from token j on ("сімдесят п'ять" -> 75), and the index after them."""
    total = 0.0
    while j < len(tokens) and (value := word_value(tokens[j].lemma)) is not None:
        total += value
        j += 1
    return total, j


def read_number(tokens: list[Token], i: int) -> Number | None:
    """A number starting at token i, with its scale word and a following "тис ." period."""
    token = tokens[i]
    text = token.norm
    low = high = value = None
    approximate = False
    j = i + 1
    if digits_value(text) is not None:
        value = digits_value(text)
        # "10 000": digit groups of three written with spaces
        while j < len(tokens) and len(tokens[j].norm) == 3 and tokens[j].norm.isdigit() \
                and tokens[j].start - tokens[j - 1].end == 1 and "," not in text:
            value = value * 1000 + float(tokens[j].norm)
            j += 1
    elif digits_range(text):
        low, high = digits_range(text)
    elif word_value(token.lemma) is not None:
        value, j = _spelled_sum(tokens, i)
    elif vague_bounds(token.lemma):
        low, high = vague_bounds(token.lemma)
        approximate = True
    elif half_scale(text):
        value = half_scale(text)
    elif scale(token.lemma) and token.norm.lower() in UNCOUNTED_SCALES:
        # "тисячі військових", "мільйонів гривень": thousands, millions, uncounted
        factor = scale(token.lemma)
        return Number(i, i + 1, None, 2 * factor, 9 * factor, True)
    elif token.norm.lower() in ONE_SCALE:  # "понад мільйон гривень", "на тисячу гривень", "тисячу сімдесят п'ять"
        rest, j = _spelled_sum(tokens, i + 1)
        value = scale(token.lemma) + rest
        return Number(i, j, value, value, value, False)
    else:
        return None
    factor = (scale(tokens[j].norm) or scale(tokens[j].lemma)) if j < len(tokens) else None
    if factor:
        j += 1
        if j < len(tokens) and tokens[j].norm == "." and tokens[j - 1].norm.lower() in ("тис", "млн", "млрд", "трлн"):
            j += 1
        value, low, high = (None if x is None else x * factor for x in (value, low, high))
    if value is not None and low is None:
        low = high = value
    if value is None and low is not None and not approximate:
        value = (low + high) / 2
    return Number(i, j, value, low, high, approximate)


def join_range(tokens: list[Token], number: Number, skipped: set[int]) -> int:
    """"від 200 до 500 гривень", "200–400 доларів": widen ``number`` into a range; returns its first token index."""
    i = number.first
    dash = number.last
    if dash + 1 < len(tokens) and tokens[dash].norm in RANGE_DASHES and dash + 1 not in skipped \
            and number.low is not None and number.last == number.first + 1:
        upper = read_number(tokens, dash + 1)
        if upper is not None and upper.high is not None and upper.value is not None and upper.value > number.low:
            factor = upper.value / digits_value(tokens[dash + 1].norm) \
                if digits_value(tokens[dash + 1].norm) else 1  # "10–12 тис.": the scale is on the upper bound
            number.low, number.high, number.last = number.low * factor, upper.high, upper.last
            number.value = (number.low + number.high) / 2
            return i
    if i > 0 and tokens[i - 1].norm.lower() == "від" and number.last < len(tokens) \
            and tokens[number.last].norm.lower() == "до" and number.last + 1 not in skipped:
        upper = read_number(tokens, number.last + 1)
        if upper is not None and upper.high is not None and number.low is not None:
            scale = (upper.high / upper.value) if upper.value and number.value and upper.last > upper.first + 1 else 1
            number.low, number.high = number.low * scale, upper.high
            number.value = (number.low + number.high) / 2  # as for "10-12 тис."
            number.last = upper.last
            return i - 1
    return i


def apply_hedge(tokens: list[Token], number: Number) -> int:
    """Widen the number by a hedge before it ("понад", "майже на", "не більш як"); returns the new first token index."""
    first = number.first
    words = [t.norm.lower() for t in tokens[max(0, first - 3):first]]
    if words[-3:-1] in (["не", "більш"], ["не", "більше"], ["не", "менш"], ["не", "менше"]) and words[-1] in ("як", "ніж"):
        bound = "high" if words[-2].startswith("біл") else "low"  # "не більш як 3,1%": at most
        number.low, number.high = (None, number.high) if bound == "high" else (number.low, None)
        number.approximate = True
        return first - 3
    if first > 1 and words[-1] in ("на", "$", "€") and words[-2] in HEDGES:
        first -= 1  # "майже на 90%", "майже $70 мільйонів": the hedge is before the preposition or sign
    if first and tokens[first - 1].norm.lower() in HEDGES:
        bound, approximate = HEDGES[tokens[first - 1].norm.lower()]
        if bound == "low":
            number.high = None
        elif bound == "high":
            number.low = None
        number.approximate = number.approximate or approximate
        if approximate:
            first -= 1
    return first
