"""pymorphy3 with the Ukrainian dictionaries, with parses cached per word form."""
from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

from extractor.lexicon import entries
from extractor.text import plain_apostrophes

_ANALYZER: pymorphy3.MorphAnalyzer | None = None
# word forms each cache keeps: news repeats its common words, so a cache this size
# answers most lookups, while an unbounded one grows with every new form of a long run
# (about 1.4 KB a form over the caches together)
WORD_CACHE_SIZE = 30_000


def analyzer() -> pymorphy3.MorphAnalyzer:
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = pymorphy3.MorphAnalyzer(lang="uk")
    return _ANALYZER


@lru_cache(maxsize=WORD_CACHE_SIZE)
def parses(word: str) -> tuple:
    """All pymorphy3 parses of ``word`` (news text repeats words, so caching pays). Where the
    dictionary also has the word in another spelling (pymorphy3 reads "г" as "ґ" too: "Гюго" is also
    "Гюґо"), only the parses of the spelling written are kept."""
    word = plain_apostrophes(word)
    try:
        found = analyzer().parse(word)
    except ValueError:  # pymorphy3 asks unicodedata for every letter's name; some letters have none ("𗀀")
        return ()
    as_written = [p for p in found if p.word == word.lower()]
    return tuple(as_written or found)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_known(word: str) -> bool:
    """True when the dictionary (not a guesser) knows ``word``."""
    return analyzer().word_is_known(plain_apostrophes(word.lower()))


NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
PATRONYMIC_ENDINGS = ("ович", "евич", "йович", "івна", "ївна", "ьович")


def is_name(parse) -> bool:
    """A first name, surname or patronymic reading in the dictionary."""
    return bool(NAME_GRAMMEMES & parse.tag.grammemes)


def is_first_name(word: str) -> bool:
    """Whether the dictionary knows ``word`` and only as a first name ("Дональд", "Джорджа")."""
    readings = [p for p in parses(word.lower()) if p.is_known]
    return bool(readings) and all("Name" in p.tag.grammemes for p in readings)


def may_be_a_first_name(word: str) -> bool:
    """Whether one dictionary reading of ``word`` is a first name ("Оксана"; "Роман" is a novel too)."""
    return any(p.is_known and "Name" in p.tag.grammemes for p in parses(word.lower()))


def is_patronymic(word: str) -> bool:
    """"Володимирович", "Петрівна": by its ending or the dictionary."""
    return word.lower().endswith(PATRONYMIC_ENDINGS) or any("Patr" in p.tag.grammemes for p in parses(word.lower()))


def readings_agree(modifiers: list, nouns: list) -> bool:
    """Whether some reading of a modifier agrees in case and gender (or plural) with some reading of a noun:
    the one test of agreement, for normalizing phrases and for the rules."""
    def agree(m, n) -> bool:
        if n.tag.number == "plur" or m.tag.number == "plur":
            return m.tag.number == n.tag.number
        return m.tag.gender == n.tag.gender or n.tag.gender is None

    return any(m.tag.case == n.tag.case and agree(m, n) for m in modifiers for n in nouns)


def agrees(adjective: str, noun: str) -> bool:
    """Whether a known adjective reading of ``adjective`` agrees with a noun reading of ``noun``."""
    return readings_agree([a for a in parses(adjective.lower()) if a.tag.POS == "ADJF" and a.is_known],
                          [n for n in parses(noun.lower()) if n.tag.POS == "NOUN"])


def is_common_noun(word: str) -> bool:
    """Whether the dictionary knows ``word`` as a noun and as no name at all ("Бог"; not "Коваль", a surname
    too; not "Задури", which it does not know)."""
    readings = [p for p in parses(word.lower()) if p.is_known]
    return bool(readings) and any(p.tag.POS == "NOUN" for p in readings) and not any(is_name(p) for p in readings)


def names_a_person_as_a_noun(word: str) -> bool:
    """Whether the dictionary also knows ``word`` as a common noun for a person, as it does adjectives
    used as nouns ("слідчий", "уповноважений", "черговий"; not colloquial ones: "головний")."""
    return any(p.is_known and p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and "Infr" not in p.tag.grammemes
               and not is_name(p) for p in parses(word.lower()))


# Ukrainian company names are compounds of clipped stems: Укр- before a consonant (Укрнафта,
# Укрзалізниця, not Україна) or a branch at the end (Нафтогаз, Ощадбанк, Газпром, Енергоатом,
# Київміськбуд, Метінвест)
COMPANY_PREFIX = re.compile(r"укр[бвгґджзклмнпрстфхцчшщ]")
COMPANY_ENDINGS = entries("company_endings")
CASE_ENDINGS = ("у", "ові", "а", "ом", "і")  # of a masculine noun with a consonant stem ("Стармера")
ADJECTIVE_ENDING = re.compile(r"[сцз]ьк(ий|ого|ому|им|ім)$")  # "Південно-Китайському" is no "...ком" company


def company_name_form(word: str) -> str | None:
    """The dictionary form of ``word`` (lower case) if it is built like a company's name
    (``COMPANY_ENDINGS``), else None: "роснафти" -> "роснафта", "кривбасзалізрудкому" -> "кривбасзалізрудком"."""
    forms = sorted({p.normal_form for p in parses(word) if p.tag.POS == "NOUN"})
    if not is_known(word) and not ADJECTIVE_ENDING.search(word):
        # the guesser's lemma may miss the stem: also the word less a case ending
        forms += [word] + [word[:-len(e)] for e in CASE_ENDINGS if word.endswith(e)]
    for form in forms:
        if COMPANY_PREFIX.match(form) or any(form.endswith(e) and len(form) > len(e) + 2 for e in COMPANY_ENDINGS):
            return form
    return None


def is_company_name(word: str) -> bool:
    return company_name_form(word) is not None
