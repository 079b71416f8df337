"""Resolve DATE, TIME and PERIOD mentions to ISO 8601 values against a reference date.

The reference is the document's publication date (``documents.published``) or,
when that is unknown, the date the user gives (``--reference-date``); with
neither, only dates the text spells out in full are resolved; nothing is
guessed from the clock. Precision is
what the text gives: "5 листопада" -> 2024-11-05, "у листопаді" -> 2024-11,
"минулого року" -> 2023, "з 20 грудня до 10 січня" -> 2024-12-20/2025-01-10,
"2015-2017 роки" -> 2015/2017, "5-7 квітня" and "10 і 11 травня" -> intervals,
"2001-2005 та 2009-2012 рр." -> 2001/2005,2009/2012 (a list keeps every range). A day
or month without a year takes the year that puts it nearest the reference ("30
грудня" in a January article is the December before), on the side the clause's
tense points to; a year written anywhere in the expression wins ("з вересня до
грудня 2016-го"). A weekday ("у четвер") is the last one for the past and the next
one for the future. "Наступного дня", "того ж дня" and "напередодні" count from the
last date resolved before them in the document (or the reference). Seasons and
parts of a year are month intervals ("взимку" -> 2024-12/2025-02, "наприкінці
року" -> 2024-10/2024-12), a part of a month is the month, "три дні тому" counts
back, "ХХ століття" -> 1901/2000, "90-х" -> 1990/1999. The rules are read off the
words' lemmas, so every case form counts; what nothing anchors stays unresolved.
"""
from __future__ import annotations

from datetime import date, timedelta

from extractor.document import set_tokens
from extractor.normalize import normalize_new_mentions
from extractor.rules.date_finder import add_found_dates
from extractor.rules.date_kinds import (
    CLOCK, DAY_RANGE, DAYS_FROM_REFERENCE, MONTHS, NUMERIC_DATE, RESOLVED_LABELS, SHIFTS, WEEKDAYS, YEAR, YEAR_RANGE,
    YEARS_FROM_REFERENCE, anchored, counted, decade_or_century, part_of_year, season)


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
    numeric = NUMERIC_DATE.search(text)
    if numeric:
        day, month, year = map(int, numeric.groups())
        return (value := date(year, month, day)).isoformat(), value
    years = [int(w[:4]) for w in words if YEAR.fullmatch(w)]
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


def _days(words: list[str], lemmas: list[str], reference: date | None, tense: str) -> str | None:
    """Several days of one month: "5-7 квітня", "10 і 11 травня"."""
    if len(words) < 2:
        return None
    span = DAY_RANGE.fullmatch(words[0])
    if span:
        first, last = span.groups()
        rest_words, rest_lemmas = words[1:], lemmas[1:]
    elif len(words) >= 4 and words[0].isdigit() and words[1] in ("і", "й", "та", ",") and words[2].isdigit():
        first, last = words[0], words[2]
        rest_words, rest_lemmas = words[3:], lemmas[3:]
    else:
        return None
    end = _point(rest_lemmas, [last] + rest_words, reference, tense)
    start = _point(rest_lemmas, [first] + rest_words, reference, tense)
    return f"{start[0]}/{end[0]}" if start and end and len(start[0]) == 10 else None


def resolve(words: list[str], lemmas: list[str], reference: date | None, tense: str = "",
            anchor: date | None = None) -> str | None:
    """The ISO 8601 value of a date mention (an interval as START/END, a list of ranges joined by ","),
    or None; with no reference only what the text spells out in full ("15 березня 2024 року", "2015-2017").
    ``anchor`` is the day the document's narrative is at ("наступного дня" counts from it)."""
    ranges = YEAR_RANGE.findall(" ".join(words))
    if ranges:
        return ",".join(f"{first}/{last}" for first, last in ranges)
    found = (decade_or_century(words, lemmas) or counted(words, lemmas, reference)
             or season(words, lemmas, reference, tense) or part_of_year(words, lemmas, reference)
             or anchored(words, lemmas, anchor or reference) or _days(words, lemmas, reference, tense))
    if found:
        return found
    cut = next((i for i, l in enumerate(lemmas) if l in ("до", "по") and i > 0), None)
    if cut is not None and (lemmas[0] in ("з", "із", "від") or words[0].isdigit()):
        first = 1 if lemmas[0] in ("з", "із", "від") else 0
        start_words, end_words = words[first:cut], words[cut + 1:]
        start_lemmas, end_lemmas = lemmas[first:cut], lemmas[cut + 1:]
        end = _point(end_lemmas, end_words, reference, tense)
        if end and all(w.isdigit() and len(w) <= 2 for w in start_words):  # "з 1 по 5 листопада"
            start_words, start_lemmas = start_words + end_words[1:], start_lemmas + end_lemmas[1:]
        elif end and not any(YEAR.fullmatch(w) for w in start_words):  # "з вересня до грудня 2016-го"
            written = [i for i, w in enumerate(end_words) if YEAR.fullmatch(w)]
            if written:
                start_words, start_lemmas = start_words + end_words[written[0]:], start_lemmas + end_lemmas[written[0]:]
        start = _point(start_lemmas, start_words, reference, tense)
        if start and end:
            if end[1] < start[1] and len(end[0]) == 10:  # "з 20 грудня до 10 січня": the end is in the next year
                end = (end[1].replace(year=end[1].year + 1).isoformat(), end[1])
            return f"{start[0]}/{end[0]}"
    point = _point(lemmas, words, reference, tense)
    return point[0] if point else None


CLAUSE_EDGES = {",", ";", ":", "—", "–", "(", ")"}


def _tense(tokens, start: int = 0, end: int | None = None) -> str:
    """"past", "futr" or "" for the clause around tokens[start:end] (between commas, dashes, brackets):
    "У понеділок міністр заявив, що завтра підпише" is past for "понеділок", future for "завтра".
    A clause with no such verb takes the sentence's, when the sentence has one tense."""
    end = len(tokens) if end is None else end
    left = next((i + 1 for i in range(start - 1, -1, -1) if tokens[i].text in CLAUSE_EDGES), 0)
    right = next((i for i in range(end, len(tokens)) if tokens[i].text in CLAUSE_EDGES), len(tokens))
    for part in (tokens[left:right], tokens):
        tenses = {t.parse.tag.tense for t in part if t.parse is not None and t.pos == "VERB"} & {"past", "futr"}
        if tenses:
            return tenses.pop() if len(tenses) == 1 else ""
    return ""


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:  # a publication date the reader could not make sense of resolves nothing
        return None


def _times_and_amounts(document) -> None:
    """What the tagger calls a date and is none: a time of day in figures is TIME ("10:00"; NER-UK tags every
    one so), and the lower bound of a money range is part of the amount ("від 200 до 500 гривень" tagged
    DATE "200" + MON "500 гривень" -> MON "200 до 500 гривень", which the quantities then read as a range)."""
    for entity in document.entities:
        if entity.label == "DATE" and CLOCK.fullmatch(entity.text):
            entity.label = "TIME"
    for money in [e for e in document.entities if e.label == "MON"]:
        tokens, start = document.sentences[money.sentence_id].tokens, money.token_start
        if start < 3 or tokens[start - 1].norm.lower() != "до" or not tokens[start - 2].norm.isdigit() \
                or tokens[start - 3].norm.lower() != "від":
            continue
        document.entities = [e for e in document.entities if not (
            e.sentence_id == money.sentence_id and e.token_start == start - 2 and e.token_end == start - 1)]
        set_tokens(document, money, start - 2, money.token_end)
        money.lemma = ""  # normalize gives it again below


def add_dates(document, reference_date: str | None = None) -> None:
    """Pipeline component: add the date expressions the tagger missed (``date_finder``), then give
    DATE, TIME and PERIOD mentions their ISO value (``entity.date``), in document order, so that
    "наступного дня" counts from the last day resolved before it."""
    _times_and_amounts(document)
    add_found_dates(document)
    normalize_new_mentions(document)
    reference = _day(document.published) or _day(reference_date)
    anchor = None
    for entity in sorted(document.entities, key=lambda e: e.start):
        if entity.label not in RESOLVED_LABELS:
            continue
        sentence = document.sentences[entity.sentence_id].tokens
        tokens = sentence[entity.token_start:entity.token_end]
        try:
            entity.date = resolve([t.norm.lower() for t in tokens], [t.lemma.lower() for t in tokens], reference,
                                  _tense(sentence, entity.token_start, entity.token_end), anchor)
        except ValueError:  # "31 лютого": no such day
            entity.date = None
        day = entity.date.split("/")[-1] if entity.date else ""
        if len(day) == 10:
            anchor = date.fromisoformat(day)
