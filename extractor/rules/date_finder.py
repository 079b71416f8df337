"""Find date expressions the tagger missed, and widen the ones it cut short.

NER-UK's annotators tag few relative dates, so the tagger rarely finds "у
понеділок", "позавчора", "взимку", "три дні тому" or "наприкінці року". The
patterns below are read off the words (lower-cased) and their lemmas, so every
case form counts. A found expression becomes a DATE mention unless it overlaps
a mention of another type; one that overlaps a DATE, TIME or PERIOD mention
widens it instead (one mention per expression: the tagger's "11 травня" becomes
"10 і 11 травня", its "3 по 9 березня" becomes "з 3 по 9 березня").
"""
from __future__ import annotations

import re

from extractor.document import Document, new_mention, set_tokens
from extractor.lexicon import phrases
from extractor.rules.date_kinds import (DAYS_FROM_REFERENCE, DECADE, MONTHS, RESOLVED_LABELS, SEASON_ADVERBS, SHIFTS,
                                        WEEKDAYS, YEAR, YEAR_RANGE, YEARS_FROM_REFERENCE, a_season_bound)
from extractor.rules.numbers import word_value

PREPOSITIONS = {"у", "в", "до", "з", "із", "від", "на", "по", "протягом", "щодо"}
RELATIVE_DAYS = set(DAYS_FROM_REFERENCE) | set(YEARS_FROM_REFERENCE) | {"напередодні"}
WEEKDAY_LEMMAS, SHIFT_LEMMAS, MONTH_LEMMAS = set(WEEKDAYS), set(SHIFTS), set(MONTHS)
PERIOD_LEMMAS = {"тиждень", "місяць", "рік"}
PLURAL_PERIODS = {"тижні", "тижнів", "місяці", "місяців", "роки", "років", "роках", "роками"}
ANCHORED_DAYS = phrases("anchored_days")
SEASON_NOUN = re.compile(r"(зим|весн)[аиіуою]{1,3}|літ(о|а|і|ом)|осін(ь|ню)|осен(і|ю)")
PARTS = phrases("parts_of_periods")
UNIT_LEMMAS = {"день": "day", "доба": "day", "тиждень": "week", "місяць": "month", "рік": "year", "літо": "year"}
AGO, LATER = {"тому"}, {"через"}
COUNTS = {"кілька", "декілька", "кільканадцять", "багато"}
ROMAN = re.compile(r"[IVXLCХІ]+")  # Latin or Cyrillic letters: "ХХ століття"
CENTURY_WORDS = {"століття", "сторіччя", "ст"}


def _is_number(word: str, lemma: str) -> bool:
    return word.isdigit() or word_value(lemma) is not None or lemma in COUNTS


def _year_end(words: list[str], lemmas: list[str], i: int) -> int:
    """Where a year expression starting at ``i`` ends ("2012 року", "2012 р .", "цього року", "2016-го"), or ``i``."""
    if i < len(words) and YEAR.fullmatch(words[i]):
        i += 1
        if i < len(words) and lemmas[i] in ("рік", "р", "рр"):
            i += 1
            if i < len(words) and words[i] == "." and words[i - 1] in ("р", "рр"):  # the abbreviation's period
                i += 1
        return i
    if i + 1 < len(words) and lemmas[i] in SHIFT_LEMMAS and lemmas[i + 1] == "рік":
        return i + 2
    return i


def _a_year_range(written: list[str], i: int) -> bool:
    """"2004-2016", "2014-2020 рр.": two years, the first before the second, with no lower-case word after
    the range but a year's ("1900-2000 гривень" counts money)."""
    years = YEAR_RANGE.fullmatch(written[i])
    following = written[i + 1] if i + 1 < len(written) else ""
    return bool(years) and years.group(1) < years.group(2) \
        and (not following[:1].isalpha() or not following.islower() or following in ("року", "роки", "роках", "р", "рр"))


def _matches(lemmas: list[str], i: int, pattern: tuple[str, ...]) -> bool:
    return tuple(lemmas[i:i + len(pattern)]) == pattern


def find_spans(written: list[str], lemmas: list[str]) -> list[tuple[int, int]]:
    """(start, end) token spans of the date expressions of one sentence: its words as written, and lemmas."""
    words = [w.lower() for w in written]
    spans = []
    for i, (word, lemma) in enumerate(zip(words, lemmas)):
        before = words[i - 1] if i else ""
        if word in RELATIVE_DAYS and before != "«":
            spans.append((i, i + 1))
        elif word in SEASON_ADVERBS:
            spans.append((i, max(i + 1, _year_end(words, lemmas, i + 1))))
        elif lemma in WEEKDAY_LEMMAS and (before in PREPOSITIONS or (i and lemmas[i - 1] in SHIFT_LEMMAS)):
            spans.append((i - 1 if lemmas[i - 1] in SHIFT_LEMMAS else i, i + 1))
        elif lemma in SHIFT_LEMMAS and i + 1 < len(words) and lemmas[i + 1] in PERIOD_LEMMAS \
                and words[i + 1] not in PLURAL_PERIODS:  # "цього року", not "ці роки"
            spans.append((i, i + 2))
        elif lemma in SHIFT_LEMMAS and i + 1 < len(words) and SEASON_NOUN.fullmatch(words[i + 1]):
            spans.append((i, i + 2))
        elif SEASON_NOUN.fullmatch(word) and _year_end(words, lemmas, i + 1) > i + 1:
            spans.append((i, _year_end(words, lemmas, i + 1)))
        elif SEASON_NOUN.fullmatch(word) and before in ("до", "з", "із", "від") and a_season_bound(word):
            spans.append((i, i + 1))  # "до літа", "з весни"
        elif _a_year_range(written, i):  # its abbreviation's period left out, as NER-UK tags "2006-2009 рр"
            spans.append((i, i + 1 + (i + 1 < len(words) and lemmas[i + 1] in ("рік", "р", "рр"))))
        elif DECADE.fullmatch(word):
            end = i + 1 + (i + 1 < len(words) and lemmas[i + 1] in ("рік", "рр", "р"))
            spans.append((i, end))
        elif ROMAN.fullmatch(written[i]) and i + 1 < len(words) and lemmas[i + 1] in CENTURY_WORDS:
            spans.append((i, i + 2))  # "ХХ століття", "XIX ст" (in capitals: "і століття" is no century)
        elif lemma in UNIT_LEMMAS and i + 1 < len(words) and words[i + 1] in AGO:
            start = i - 1 if i and _is_number(words[i - 1], lemmas[i - 1]) else i
            spans.append((start, i + 2))
        elif word in LATER and i + 2 < len(words) and _is_number(words[i + 1], lemmas[i + 1]) \
                and lemmas[i + 2] in UNIT_LEMMAS:
            spans.append((i, i + 3))
        for pattern in ANCHORED_DAYS:
            if _matches(lemmas, i, pattern):
                spans.append((i, i + len(pattern)))
                break
        for part in PARTS:
            if tuple(words[i:i + len(part)]) == part:
                # NER-UK leaves the preposition of "з початку", "до кінця" out of the date (not "на початку")
                start = i + 1 if part[0] in ("з", "до") else i
                spans.extend(_part_of(words, lemmas, start, i + len(part)))
                break
    return spans


def _part_of(words: list[str], lemmas: list[str], start: int, i: int) -> list[tuple[int, int]]:
    """"наприкінці року", "на початку березня 2025 року", "в середині 2011 року", "до кінця цього тижня"."""
    if i < len(words) and lemmas[i] in MONTH_LEMMAS:
        return [(start, max(i + 1, _year_end(words, lemmas, i + 1)))]
    if i < len(words) and lemmas[i] == "рік":
        return [(start, i + 1)]
    end = _year_end(words, lemmas, i)
    if end > i:
        return [(start, end)]
    if i + 1 < len(words) and lemmas[i] in SHIFT_LEMMAS and lemmas[i + 1] in PERIOD_LEMMAS:
        return [(start, i + 2)]
    return []


def _widened(words: list[str], start: int, end: int) -> tuple[int, int]:
    """A date span with what belongs to it before: "з" of "з 3 по 9 березня", "10 і" of "10 і 11 травня"."""
    inside = words[start:end]
    if start >= 1 and words[start - 1] in ("з", "із", "від") and any(w in ("до", "по") for w in inside):
        return start - 1, end
    if start >= 2 and words[start].isdigit() and words[start - 1] in ("і", "й", "та", ",") \
            and words[start - 2].isdigit() and len(words[start - 2]) <= 2:
        return start - 2, end
    return start, end


def add_found_dates(document: Document) -> None:
    """Add the date expressions of every sentence to ``document.entities``, widening the temporal
    mentions that overlap them (the widest wins; two it joins become one)."""
    for sentence in document.sentences:
        written = [t.norm for t in sentence.tokens]
        words = [w.lower() for w in written]
        lemmas = [(t.lemma or t.norm).lower() for t in sentence.tokens]
        mentions = [e for e in document.entities if e.sentence_id == sentence.index]
        for start, end in find_spans(written, lemmas):
            overlapping = [e for e in mentions if e.token_start < end and start < e.token_end]
            if any(e.label not in RESOLVED_LABELS for e in overlapping):
                continue
            if not overlapping:
                entity = new_mention(document, sentence.index, start, end, "DATE", source="rule")
                document.entities.append(entity)
                mentions.append(entity)
                continue
            keep, *joined = overlapping
            set_tokens(document, keep, min([start] + [e.token_start for e in overlapping]),
                       max([end] + [e.token_end for e in overlapping]))
            keep.lemma = ""
            for entity in joined:
                document.entities.remove(entity)
                mentions.remove(entity)
        for entity in mentions:
            if entity.label in RESOLVED_LABELS:
                widened = _widened(words, entity.token_start, entity.token_end)
                if widened != (entity.token_start, entity.token_end):
                    set_tokens(document, entity, *widened)
                    entity.lemma = ""
    document.entities.sort(key=lambda e: (e.start, e.end))
