"""Date expressions that are no calendar day: decades and centuries, "N days ago", seasons, parts of a
year and days counted from the narrative ("наступного дня"); and the words every date rule reads.
Each function gives the ISO 8601 value of such an expression, or None when it is not one of its kind."""
from __future__ import annotations

import re
from datetime import date, timedelta

from extractor.lexicon import table, whole_numbers
from extractor.rules.numbers import word_value

MONTHS = {name: number for number, name in enumerate(
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень".split(), 1)}
WEEKDAYS = {name: number for number, name in enumerate(
    "понеділок вівторок середа четвер п'ятниця субота неділя".split())}
DAYS_FROM_REFERENCE = table("days_from_reference", int)
YEARS_FROM_REFERENCE = {"торік": -1, "минулорічний": -1}
SHIFTS = table("period_shifts", int)
RESOLVED_LABELS = {"DATE", "TIME", "PERIOD"}
CLOCK = re.compile(r"([01]?\d|2[0-3]) ?[:.] ?[0-5]\d")  # a time of day: "10:00", "18.00", "18 : 00" (a mention's text)
NUMERIC_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
YEAR_RANGE = re.compile(r"((?:1[89]|20)\d\d)\s*[-–—]\s*((?:1[89]|20)\d\d)")
YEAR = re.compile(r"((?:1[89]|20)\d\d)(?:-(?:го|й|му|м|х|ий))?")
DAY_RANGE = re.compile(r"(\d{1,2})-(\d{1,2})")  # "5-7 квітня"
DECADE = re.compile(r"(1[89]\d0|20[0-2]0|[1-9]0)-(?:х|ті|тих|ми)")
ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "І": 1, "Х": 10}  # Cyrillic І and Х too
SEASONS = {"зим": (12, 2), "весн": (3, 5), "літ": (6, 8), "осін": (9, 11), "осен": (9, 11)}
SEASON_ADVERBS = table("season_adverbs")
YEAR_PARTS = table("parts_of_a_year", whole_numbers)
UNITS = {"день": 1, "доба": 1, "тиждень": 7}
MONTH_UNITS = {"місяць": 1, "рік": 12, "літо": 12}



def _month_shift(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _last_day(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _months(first: tuple[int, int], last: tuple[int, int]) -> str:
    return f"{first[0]:04d}-{first[1]:02d}/{last[0]:04d}-{last[1]:02d}"


def _explicit_year(words: list[str], lemmas: list[str], reference: date | None) -> int | None:
    """A year the expression names: written ("2012 року", "2016-го") or by a shift ("минулого року")."""
    years = [int(w[:4]) for w in words if YEAR.fullmatch(w)]
    if years:
        return years[0]
    shift = next((SHIFTS[l] for l, n in zip(lemmas, lemmas[1:]) if l in SHIFTS and n == "рік"), None)
    return reference.year + shift if shift is not None and reference else None


def decade_or_century(words: list[str], lemmas: list[str]) -> str | None:
    for word, lemma, following in zip(words, lemmas, lemmas[1:] + [""]):
        decade = DECADE.fullmatch(word)
        if decade:
            first = int(decade.group(1))
            first = first + 1900 if first < 100 else first
            return f"{first:04d}/{first + 9:04d}"
        letters = word.upper()
        if following in ("століття", "сторіччя", "ст") and letters and all(c in ROMAN_DIGITS for c in letters):
            values = [ROMAN_DIGITS[c] for c in letters]
            number = sum(-v if v < n else v for v, n in zip(values, values[1:] + [0]))
            return f"{(number - 1) * 100 + 1:04d}/{number * 100:04d}"
    return None


def counted(words: list[str], lemmas: list[str], reference: date | None) -> str | None:
    """"три дні тому", "через два тижні", "рік тому"; a vague count ("кілька років тому") stays unresolved."""
    back = "тому" in words
    if reference is None or not (back or "через" in words):
        return None
    unit = next((l for l in lemmas if l in UNITS or l in MONTH_UNITS), None)
    if unit is None:
        return None
    i = lemmas.index(unit)
    count = 1.0 if i == 0 or words[i - 1] == "через" else \
        (float(words[i - 1]) if words[i - 1].isdigit() else word_value(lemmas[i - 1]))
    if count is None or count != int(count):
        return None
    sign = -1 if back else 1
    if unit in UNITS:
        return (reference + timedelta(days=sign * int(count) * UNITS[unit])).isoformat()
    year, month = _month_shift(reference, sign * int(count) * MONTH_UNITS[unit])
    return f"{year:04d}" if unit != "місяць" else f"{year:04d}-{month:02d}"


def a_season_bound(word: str) -> bool:
    """"літа", "весни", "осені" (a season's word, not its adverb, in the genitive): after до/з/від it bounds
    the clause's time rather than naming it."""
    return word not in SEASON_ADVERBS and word[-1:] in ("и", "і", "а")


def season(words: list[str], lemmas: list[str], reference: date | None, tense: str) -> str | None:
    stem = next((SEASON_ADVERBS[w] for w in words if w in SEASON_ADVERBS), None) or next(
        (stem for w in words for stem in SEASONS if w.startswith(stem) and w[:4] not in ("літе", "літр")
         and re.fullmatch(r"(зим|весн)\w{1,3}|літ(о|а|і|ом)|осін(ь|ню)|осен(і|ю)", w)), None)
    if stem is None:
        return None
    first, last = SEASONS[stem]
    year = _explicit_year(words, lemmas, reference)
    if year is not None:
        return _months((year, 1), (year, last)) if first > last else _months((year, first), (year, last))
    if reference is None:
        return None
    if len(words) == 1 and a_season_bound(words[0]):
        tense = ""  # "до літа", "з весни": whatever the tense, the nearest season
    seasons = [(date(y, first, 1), _last_day(y + (first > last), last)) for y in range(reference.year - 2, reference.year + 2)]
    if tense == "past":
        start, end = max(s for s in seasons if s[0] <= reference)
    elif tense == "futr":
        start, end = min(s for s in seasons if s[1] >= reference)
    else:
        start, end = min(seasons, key=lambda s: 0 if s[0] <= reference <= s[1] else abs((s[0] - reference).days))
    return _months((start.year, start.month), (end.year, end.month))


def part_of_year(words: list[str], lemmas: list[str], reference: date | None) -> str | None:
    """"наприкінці року", "на початку 2011 року", "в середині цього року": a part of a year, as months."""
    part = next((YEAR_PARTS[l] for l in lemmas[:2] if l in YEAR_PARTS), None)
    if part is None or any(l in MONTHS for l in lemmas) or "рік" not in lemmas and not any(YEAR.fullmatch(w) for w in words):
        return None
    year = _explicit_year(words, lemmas, reference) or (reference.year if reference else None)
    return _months((year, part[0]), (year, part[1])) if year else None


def anchored(words: list[str], lemmas: list[str], anchor: date | None) -> str | None:
    """"наступного дня", "того ж дня", "у цей день", "напередодні": the day the narrative is at."""
    if anchor is None:
        return None
    if "напередодні" in words:
        return (anchor - timedelta(days=1)).isoformat()
    if "день" in lemmas and ("наступний" in lemmas or "той" in lemmas or "цей" in lemmas):
        return (anchor + timedelta(days=1 if "наступний" in lemmas else 0)).isoformat()
    return None
