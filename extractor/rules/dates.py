"""Resolve DATE, TIME and PERIOD mentions to ISO 8601 values against a reference date.

The reference is the document's publication date (``documents.published``) or,
when that is unknown, the date the user gives (``--reference-date``); with
neither, only dates the text spells out in full are resolved; nothing is
guessed from the clock. Precision is
what the text gives: "5 листопада" -> 2024-11-05, "у листопаді" -> 2024-11,
"минулого року" -> 2023, "з 20 грудня до 10 січня" -> 2024-12-20/2025-01-10,
"2015-2017 роки" -> 2015/2017. A day or month without a year takes the year
that puts it nearest the reference ("30 грудня" in a January article is the
December before). A weekday ("у четвер") is the one of the publication week
the sentence's tense points to: the last one for the past, the next one for
the future. The rules are read off the words' lemmas, so every case form counts.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {name: number for number, name in enumerate(
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень".split(), 1)}
WEEKDAYS = {name: number for number, name in enumerate(
    "понеділок вівторок середа четвер п'ятниця субота неділя".split())}
DAYS_FROM_REFERENCE = {"сьогодні": 0, "вчора": -1, "учора": -1, "позавчора": -2, "напередодні": -1, "завтра": 1,
                       "післязавтра": 2}
YEARS_FROM_REFERENCE = {"торік": -1, "минулорічний": -1}
SHIFTS = {"минулий": -1, "попередній": -1, "цей": 0, "поточний": 0, "наступний": 1, "майбутній": 1}
RESOLVED_LABELS = {"DATE", "TIME", "PERIOD"}
_NUMERIC = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_YEARS = re.compile(r"((?:1[89]|20)\d\d)\s*[-–—]\s*((?:1[89]|20)\d\d)")


def _year_of(month: int, day: int | None, reference: date, tense: str) -> int:
    """The year that puts the day (or month) nearest the reference, on the side the tense points to."""
    year = min((abs((date(y, month, min(day or 15, 28)) - reference).days), y)
               for y in (reference.year - 1, reference.year, reference.year + 1))[1]
    if tense == "past" and date(year, month, day or 1) > reference:
        return year - 1
    if tense == "futr" and date(year, month, day or 28) < reference:
        return year + 1
    return year


def _point(lemmas: list[str], words: list[str], reference: date | None, tense: str) -> tuple[str, date] | None:
    """(ISO value, the date it starts at) of one point in time, or None."""
    text = " ".join(words)
    numeric = _NUMERIC.search(text)
    if numeric:
        day, month, year = map(int, numeric.groups())
        return (value := date(year, month, day)).isoformat(), value
    years = [int(w) for w in words if re.fullmatch(r"(1[89]|20)\d\d", w)]
    month = next((MONTHS[l] for l in lemmas if l in MONTHS), None)
    day = next((int(w) for w, l in zip(words, lemmas) if w.isdigit() and 1 <= int(w) <= 31 and len(w) <= 2), None)
    if month and (years or reference):
        year = years[0] if years else _year_of(month, day, reference, tense)
        if day:
            return (value := date(year, month, day)).isoformat(), value
        return f"{year:04d}-{month:02d}", date(year, month, 1)
    if years:
        return f"{years[0]:04d}", date(years[0], 1, 1)
    if reference is None:
        return None  # what is left is relative to the reference
    for lemma in lemmas:
        if lemma in DAYS_FROM_REFERENCE:
            value = reference + timedelta(days=DAYS_FROM_REFERENCE[lemma])
            return value.isoformat(), value
        if lemma in YEARS_FROM_REFERENCE:
            year = reference.year + YEARS_FROM_REFERENCE[lemma]
            return f"{year:04d}", date(year, 1, 1)
        if lemma in WEEKDAYS:
            back = (reference.weekday() - WEEKDAYS[lemma]) % 7
            value = reference + timedelta(days=(7 - back) % 7 if tense == "futr" else -back)  # no verb: the past
            return value.isoformat(), value
    shift = next((SHIFTS[l] for l in lemmas if l in SHIFTS), None)
    if shift is not None and "тиждень" in lemmas:
        year, week, _ = (reference + timedelta(weeks=shift)).isocalendar()
        return f"{year:04d}-W{week:02d}", reference + timedelta(weeks=shift)
    if shift is not None and "рік" in lemmas:
        return f"{reference.year + shift:04d}", date(reference.year + shift, 1, 1)
    if shift is not None and "місяць" in lemmas:
        month_index = reference.year * 12 + reference.month - 1 + shift
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", date(month_index // 12, month_index % 12 + 1, 1)
    return None


def resolve(words: list[str], lemmas: list[str], reference: date | None, tense: str = "") -> str | None:
    """The ISO 8601 value of a date mention (an interval as START/END), or None; with no
    reference only what the text spells out in full ("15 березня 2024 року", "2015-2017")."""
    text = " ".join(words)
    years = _YEARS.search(text)
    if years:
        return f"{years.group(1)}/{years.group(2)}"
    cut = next((i for i, l in enumerate(lemmas) if l in ("до", "по") and i > 0), None)
    if cut is not None and lemmas[0] in ("з", "із", "від"):
        end = _point(lemmas[cut + 1:], words[cut + 1:], reference, tense)
        if end and all(w.isdigit() and len(w) <= 2 for w in words[1:cut]):  # "з 1 по 5 листопада"
            start = _point(lemmas[1:cut] + lemmas[cut + 2:], words[1:cut] + words[cut + 2:], reference, tense)
        else:
            start = _point(lemmas[1:cut], words[1:cut], reference, tense)
        if start and end:
            if end[1] < start[1] and len(end[0]) == 10:  # "з 20 грудня до 10 січня": the end is in the next year
                end = (end[1].replace(year=end[1].year + 1).isoformat(), end[1])
            return f"{start[0]}/{end[0]}"
    found = _point(lemmas, words, reference, tense)
    return found[0] if found else None


def _tense(tokens) -> str:
    """"past", "futr" or "" (no verb, or both) for the sentence."""
    tenses = {t.parse.tag.tense for t in tokens if t.parse is not None and t.pos == "VERB"} & {"past", "futr"}
    return tenses.pop() if len(tenses) == 1 else ""


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:  # a publication date the reader could not make sense of resolves nothing
        return None


def add_dates(document, reference_date: str | None = None) -> None:
    """Pipeline component: give DATE, TIME and PERIOD mentions their ISO value (``entity.date``)."""
    reference = _day(document.published) or _day(reference_date)
    for entity in document.entities:
        if entity.label not in RESOLVED_LABELS:
            continue
        sentence = document.sentences[entity.sentence_id].tokens
        tokens = sentence[entity.token_start:entity.token_end]
        try:
            entity.date = resolve([t.norm.lower() for t in tokens], [t.lemma.lower() for t in tokens], reference,
                                  _tense(sentence))
        except ValueError:  # "31 лютого": no such day
            entity.date = None
