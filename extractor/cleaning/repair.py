"""Repair scraping damage: apostrophes, hyphens and є/Є that a scraper dropped.

Real scraped news loses these characters: "звязку" (зв'язку), "будьякої"
(будь-якої), "вропі" (Європі), "перебува" (перебуває). Each word is tried
with one lost character put back at each position, and a spelling is taken when

- the word is not a standard dictionary word and exactly one restored spelling
  is (or one is much commoner in BRUK than the others), or
- the word is in the dictionary but never seen in BRUK while a restored
  spelling is common there ("будьякої" 0 times, "будь-якої" 50 times).

A hyphenated compound counts as a word when BRUK knows both parts, or when
grammar shows the hyphen: two nouns in one case ("жінокдипломаток" ->
"жінок-дипломаток") or coordinated adjectives ("молочнорослинні" ->
"молочно-рослинні"); parts that spelling writes solid ("спів-", "фото-",
"-подібний") never split a word. "'є" is restored as a pair, since scrapers
drop both ("підднані" -> "під'єднані"). The other way round, a hyphen that a
line break left inside a word of a printed source goes ("Ко-місія" -> "Комісія").

For real-word damage the frequency test is not enough ("Корею" is common too);
one context rule handles the commonest case: a noun that cannot agree in case
with the adjective before it while its є-restored spelling can
("Північною Корею" -> "Північною Кореєю").

The text and offsets the user gave stay as they are; only ``token.norm``, the
form the analysis sees, changes.
"""
from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from pathlib import Path

from extractor.document import Document, Token
from extractor.lexicon import words
from extractor.models import REPAIR_FREQUENCIES, missing_model
from extractor.morphology.analyzer import WORD_CACHE_SIZE, is_known, parses
from extractor.text import has_latin, plain_apostrophes as apostrophes

# an apostrophe separates a consonant from я ю є ї: "м'ясо", "з'явився", "під'їзд"
APOSTROPHE_AFTER = set("бпвмфрзднтжкгхсчшцБПВМФРЗДНТЖКГХСЧШЦ")
APOSTROPHE_BEFORE = set("яюєїЯЮЄЇ")
MIN_EVIDENCE = 25  # times a restored spelling must occur in BRUK to replace a dictionary word
COMPOUND_EVIDENCE = 2  # times each part of an unseen hyphenated compound must occur in BRUK
MAX_WORD = 40  # longer tokens are not tried at all
MAX_TWO_LOST = 20  # words tried for two lost characters at once
FUNCTION_WORDS = {"PREP", "CONJ", "PRCL", "INTJ"}
# Parts that make solid compounds in Ukrainian spelling: "трояндоподібний",
# "минулорічного", "співтовариства", "гідрореактивного". A word built with
# them that the dictionary lacks is a rare compound, not two words.
SOLID_SECOND_PARTS = ("подібн", "річн")
SOLID_PREFIXES = words("solid_prefixes")
HYPHEN_PREFIXES = words("hyphen_prefixes")  # "з-за", "по-своєму"
NAME_PREFIXES = words("name_prefixes")  # "МакҐінті"


def is_dictionary_word(word: str) -> bool:
    """Known to the dictionary as a standard form (VESUM also lists distorted spellings, tagged Dist)."""
    # the membership test is a cheap lookup; a full parse (with guessers) only for known words
    return is_known(word) and any(p.is_known and "Dist" not in p.tag.grammemes for p in parses(word.lower()))


@lru_cache(maxsize=2)
def read_frequencies(path: Path = REPAIR_FREQUENCIES) -> tuple[dict[str, int], frozenset[str]]:
    """The repair model's word counts and the words BRUK writes with a capital at least half the time,
    read once per process (the NER constraints read the capitals too)."""
    if not path.exists():
        raise missing_model(path, "word frequencies", "extractor-lab train repair")
    with gzip.open(path, "rt", encoding="utf-8") as source:
        data = json.load(source)
    return data["counts"], frozenset(data["capitalized"])


def candidates(word: str) -> list[str]:
    """Spellings of ``word`` with one lost apostrophe, hyphen or є put back."""
    upper = word.isupper() and len(word) > 1
    found = []
    for i in range(len(word) + 1):
        before, after = word[:i], word[i:]
        if before and after and before[-1] in APOSTROPHE_AFTER and after[0] in APOSTROPHE_BEFORE:
            found.append(before + "'" + after)
        if before and after and before[-1] in APOSTROPHE_AFTER:
            # "'є" is lost as a pair ("під'єднані" -> "підднані"), so it comes back as one
            found.append(before + ("'Є" if upper else "'є") + after)
        if before and len(after) > 1:
            found.append(before + "-" + after)
        if i == 0 and word[:1].isupper() and not upper:
            found.append("Є" + word[0].lower() + word[1:])  # "Вропи" -> "Європи"
        else:
            found.append(before + ("Є" if upper else "є") + after)
    return found


class Repairer:
    """Pipeline component: set ``token.norm`` for damaged words and count them."""

    def __init__(self, frequencies: Path = REPAIR_FREQUENCIES):
        self.freq, self.capitalized = read_frequencies(Path(frequencies))
        self._cache: dict[str, str | None] = {}

    def _count(self, word: str) -> int:
        return self.freq.get(apostrophes(word.lower()), 0)

    def is_real_word(self, word: str) -> bool:
        """A dictionary word, or one that real text uses (the dictionary lacks a few: "немає")."""
        return is_dictionary_word(word) or self._count(word) >= MIN_EVIDENCE

    def _valid(self, candidate: str) -> bool:
        if is_dictionary_word(candidate) or self._count(candidate) > 0:
            return True
        if "-" not in candidate:
            return False
        # compounds BRUK lacks, of two common words: "жінок-послів", "художник-модельєр"
        first, second = candidate.split("-", 1)
        if first.lower() == "по" and re.search(r"(ому|ему|ськи|цьки|зьки)$", second) and is_dictionary_word(second):
            return True  # adverbs of manner: "по-літньому", "по-братськи"
        if first.lower() in HYPHEN_PREFIXES:
            return False  # "з-за" and the like are dictionary words when real
        # a capitalised unknown word is more likely a name ("Сирватка") than two words
        if first[:1].isupper() and not second[:1].isupper():
            return False
        # "безцінний" is one word with a prefix, not "без-цінний"
        if any(p.tag.POS in FUNCTION_WORDS for p in parses(first.lower())):
            return False
        if first.lower() in SOLID_PREFIXES or second.lower().startswith(SOLID_SECOND_PARTS):
            return False
        if len(first) <= 2 or len(second) <= 4 or not is_dictionary_word(second):
            return False
        if is_dictionary_word(first) and min(self._count(first), self._count(second)) >= COMPOUND_EVIDENCE:
            return True
        # compounds whose parts are rare but whose grammar shows the hyphen
        return first.islower() and (_apposition(first, second) or _coordinate_adjective(first, second))

    def repair_word(self, word: str) -> str | None:
        """The restored spelling of a damaged word, or None when it looks undamaged or is unclear."""
        if word in self._cache:
            return self._cache[word]
        fixed = self._line_break_hyphen(word) if word.count("-") == 1 and len(word) <= MAX_WORD else None
        # the longest Ukrainian words run to about 30 letters; longer strings are not
        # words, and the search below grows with the square of the length
        if 3 <= len(word) <= MAX_WORD and word.isalpha():
            fixed = _case_boundary(word)
            if fixed is None and not has_latin(word):
                fixed = self._choose(word)
        if fixed and fixed[:1] == "є" and apostrophes(fixed.lower()) in self.capitalized:
            fixed = "Є" + fixed[1:]  # "вропі" -> "Європі": the lost letter was the name's capital
        if len(self._cache) >= WORD_CACHE_SIZE:
            self._cache.clear()  # bounded, so that a long run's memory stays flat
        self._cache[word] = fixed
        return fixed

    def _line_break_hyphen(self, word: str) -> str | None:
        """"Ко-місія" -> "Комісія", "Брюс-сель" -> "Брюссель": a hyphen that a line break left inside a
        word of a printed source. Joined when the dictionary knows the solid word and not the
        hyphenated one, and the hyphen makes no compound the way a lost one would ("жінок-дипломаток")."""
        joined = word.replace("-", "")
        if word[word.index("-") + 1:][:1].isupper():
            return None  # a line break keeps the word's lower case: "Південно-Китайському" is a compound
        if not joined.isalpha() or not is_dictionary_word(joined) or self._valid(word):
            return None
        return joined

    def _choose(self, word: str) -> str | None:
        if self._count(word) > 0:
            return None  # real text uses this spelling: leave it (checked first: it costs no parse)
        known = self.is_real_word(word)
        # a real word gives way only to a spelling BRUK uses (below), and any spelling BRUK uses is
        # valid: the cheap count decides for it, without parsing its candidates
        usable = (lambda c: self._count(c) > 0) if known else self._valid
        valid = sorted({c for c in candidates(word) if usable(c)}, key=lambda c: (-self._count(c), c))
        if not valid and not known and len(word) <= MAX_TWO_LOST:
            # two characters lost in one word: "обднаної" -> "об'єднаної"
            valid = sorted({c2 for c in candidates(word) for c2 in candidates(c) if self._count(c2) > 0},
                           key=lambda c: (-self._count(c), c))
        if not valid:
            return None
        best, best_count = valid[0], self._count(valid[0])
        runner_up = self._count(valid[1]) if len(valid) > 1 else -1
        if known:
            return best if best_count >= MIN_EVIDENCE and best_count > 3 * max(runner_up, 0) else None
        if best_count > 3 * max(runner_up, 0) and best_count > 0:
            return best
        if len(valid) == 1 and word.islower():
            return best  # the only spelling the dictionary knows (names and acronyms need BRUK evidence)
        # a capital letter inside a word marks where a hyphen was: "ІндоТихоокеанському"
        inner = [c for c in valid if "-" in c and c[c.index("-") + 1:][:1].isupper()]
        return inner[0] if len(inner) == 1 else None

    def __call__(self, document: Document) -> None:
        repaired = 0
        for sentence in document.sentences:
            previous = None
            for token in sentence.tokens:
                fixed = self.repair_word(token.text)
                if fixed is None and previous is not None and token.text[:1].isupper():
                    fixed = agreement_fix(previous, token)
                if fixed:
                    token.norm = fixed
                    repaired += 1
                previous = token
        document.repaired_words = repaired


def _case_boundary(word: str) -> str | None:
    """A lost hyphen shows where lower case meets upper case: "РоузМері", "НСфільтрів", "IPадреса"."""
    match = (re.fullmatch(r"([А-ЯІЇЄҐ][а-яіїєґ']{2,})([А-ЯІЇЄҐ][а-яіїєґ']{2,})", word)  # РоузМері
             or re.fullmatch(r"([A-ZА-ЯІЇЄҐ]{2,})([а-яіїєґ']{3,})", word)  # НСфільтрів, IPадреса
             or re.fullmatch(r"([A-Za-z]{2,})([А-ЯІЇЄҐа-яіїєґ']{3,})", word))  # script switch
    if not match or is_dictionary_word(word):
        return None  # the dictionary knows the solid word: a brand written so ("ПриватБанк" was "Приват-Банк")
    first, second = match.groups()
    if first.lower() in NAME_PREFIXES:
        return None  # a surname written so: "МакҐінті"
    if second.islower() and not is_dictionary_word(second):
        return None
    return f"{first}-{second}"


def _noun_forms(word: str) -> set[tuple[str, str]]:
    # Indeclinable nouns ("фото", "стерео") fit every case and vocatives fit
    # nothing here; both would turn solid compounds ("фотопримочками") into pairs.
    return {(p.tag.case, p.tag.number) for p in parses(word.lower())
            if p.is_known and p.tag.POS == "NOUN" and not {"Dist", "Fixd", "voct"} & p.tag.grammemes}


def _apposition(first: str, second: str) -> bool:
    """Two nouns in the same case and number: "жінок-дипломаток", "атласу-довідника".

    Short parts match too easily by chance ("каракульки" is not "кара-кульки").
    """
    return min(len(first), len(second)) >= 5 and bool(_noun_forms(first) & _noun_forms(second))


def _coordinate_adjective(first: str, second: str) -> bool:
    """An adjective stem in -о/-е before an adjective: "молочно-рослинні", "аналітично-методичної".

    Short stems are left alone: "ново-", "темно-", "високо-" mostly modify the
    adjective and are written solid ("нововиявленими"), as are participles.
    """
    if len(first) < 7 or first[-1] not in "ое":
        return False
    if not any(p.tag.POS == "ADJF" and p.is_known and not {"actv", "pssv"} & p.tag.grammemes
               for p in parses(second.lower())):
        return False
    stem = first[:-1].lower()
    return any(is_dictionary_word(stem + ending) for ending in ("ий", "ій", "ний", "ський"))


def agreement_fix(previous: Token, token: Token) -> str | None:
    """"Північною Корею" -> "Кореєю": restore є when only then noun and adjective agree."""
    adjective = [p for p in parses(previous.norm.lower()) if p.tag.POS == "ADJF"]
    nouns = [p for p in parses(token.norm.lower()) if p.tag.POS == "NOUN"]
    if not adjective or not nouns or len(token.norm) < 3:
        return None
    cases = {p.tag.case for p in adjective}
    if cases & {p.tag.case for p in nouns}:
        return None
    for candidate in candidates(token.norm):
        if "є" in candidate.lower() and "-" not in candidate and "'" not in candidate:
            options = [p for p in parses(candidate.lower()) if p.tag.POS == "NOUN" and p.is_known]
            if {p.tag.case for p in options} & cases:
                return candidate
    return None
