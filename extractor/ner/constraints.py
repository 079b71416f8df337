"""What the dictionary rules out for the NER tagger, word by word.

pymorphy3 knows that "Приватбанк", "Берліном" and "Картоплю" are inanimate
nouns and nothing else, and that "Тереза" is a first name. A token every
dictionary reading of which is an inanimate common noun cannot be (part of) a
person's name, so the tagger's PERS tags are forbidden on it; a plural noun
for people ("Міністри") does not start an organisation's name; a word the
dictionary knows only as a name ("Трамп") is no one-word place, organisation
or MISC, a first name starts none ("Дональд Трамп" is no place), and written
with a capital it is part of some entity (the tagger left "Дональд Трамп" at the
start of a sentence untagged). A word built like a Ukrainian company's name
("Нафтогазі", "Ощадбанк", "Укрзалізниці") can only be an organisation (the
tagger read "у Нафтогазі" as a place); a sea or a mountain ends no
organisation's name. A town's name (GeoNames, ``models/places``) that the
dictionary knows as nothing animate is no one-word person ("Рівного",
"Каштелу-Бранку"; not "Володимир", a name as well as a town) and no one-word
organisation ("Пекін ухвалить"), and one that is nothing else and that text
writes with a capital is some entity ("Москву тривожить"). A word that is
only an adverb, conjunction or pronoun is no one-word person or place
("Учора" at a sentence's start) and, in lower case, no word a name runs on through ("Комісії
офіційно"), a noun NER-UK tags as a job ("Голова", ``extractor-lab train jobs``) no
one-word name of anything, and an acronym joined to a lower-case word
("ВІЛ-інфекцією") is no name alone and part of no person's or place's. Decoding then
picks the best path without the forbidden tags (``ensemble.py``). Words
the dictionary does not know, or knows as an abbreviation, are left to the tagger.
"""
from __future__ import annotations

import gzip
import re
from functools import lru_cache

from extractor.cleaning.repair import read_frequencies
from extractor.lexicon import table, words
from extractor.models import PLACES, missing_model
from extractor.morphology.analyzer import WORD_CACHE_SIZE, is_company_name, is_first_name, is_name, parses
from extractor.ner.spans import LABELS, bioes_tags
from extractor.text import has_latin, plain_apostrophes

PERSON_TAGS = bioes_tags("PERS")
ONE_WORD_PERSON = frozenset({"S-PERS"})
# a town's name alone is a place, also where news makes it speak ("Пекін ухвалить"): NER-UK's training text
# has 562 one-word places that are towns, and 26 organisations, all abbreviations ("УКУ", "БЮТ")
NOT_A_TOWN = frozenset({"S-PERS", "S-ORG"})
ORGANISATION_STARTS = frozenset({"B-ORG", "S-ORG"})
PLACE_TAGS = bioes_tags("LOC")
PERSON_ONLY_FORBIDS = frozenset({"S-LOC", "S-ORG", "S-MISC", "S-JOB"})
FIRST_NAME_FORBIDS = PERSON_ONLY_FORBIDS | {"B-LOC", "B-ORG", "B-JOB"}
NOT_OUTSIDE = frozenset({"O"})
NOT_A_COMPANY = NOT_OUTSIDE.union(*(bioes_tags(label) for label in LABELS if label != "ORG"))
ORGANISATIONS = words("organisations_named_as_places")
COMMON_WORD_ORGANISATIONS = {"рада", "парламент"}
LANDFORMS = words("landforms")
NOT_AFTER_A_NAME = frozenset({"E-ORG", "S-ORG", "B-LOC", "S-LOC"})
# Latin-script words in Ukrainian news: NER-UK tags 190 mentions with them ORG and 5 PERS; a person's name
# is written like "Emma", a Roman numeral follows a monarch's ("Карл III")
LATIN_NAME_SHAPE = re.compile(r"[A-Z][a-z]+|[IVXLCM]+|[A-Z]")
# a word that is only an adverb, conjunction, preposition, particle or pronoun is no one-word person or place
# ("Учора" at a sentence's start was a person); titles and newspapers may be such words ("Сьогодні")
FUNCTION_WORDS = {"ADVB", "CONJ", "PREP", "PRCL", "NPRO", "INTJ"}
NOT_ALONE = frozenset({"S-PERS", "S-LOC"})
# nor does a name run on through a lower-case word that is only an adverb, pronoun, particle, interjection or
# verb ("Комісії офіційно", "Комісії та службовці її департаментів"): NER-UK's training text has such words
# 41,439 times, 11 of them inside a person's, place's or organisation's name: 2 name particles ("дель",
# "де"; left out here), six times the "(б)" of "КП(б)", and 3 verbs
RUN_ON_WORDS = {"ADVB", "NPRO", "PRCL", "INTJ", "VERB", "INFN", "GRND"}
NOT_INSIDE_A_NAME = frozenset(f"{p}-{label}" for p in "IE" for label in ("PERS", "LOC", "ORG"))
NAME_PARTICLES = words("name_particles")
COMMON_ABBREVIATIONS = words("common_abbreviations")
NO_NAME_START = frozenset(f"{p}-{label}" for p in "BS" for label in ("PERS", "LOC", "ORG", "MISC"))
# an acronym joined to a lower-case word is a common noun or adjective ("ВІЛ-інфекцією", "IT-компанія"), a
# name of nothing alone, starts none and is in no person's or place's: NER-UK has such a word alone as 2 organisations
# ("ВТБ-лізинг") and 1 MISC ("IP-адреси"), and none in a person's or place's name
ACRONYM_COMPOUND = re.compile(r"[А-ЯІЇЄҐA-Z]{2,}-[а-яіїєґ'a-z]+")
NO_ACRONYM_COMPOUND_NAME = PERSON_TAGS | PLACE_TAGS | bioes_tags("MISC") | ORGANISATION_STARTS
# a vertical bar parts a headline from the site's name ("... з Німеччиною | Новини | Українське радіо"): in no mention
SEPARATORS = {"|"}
IN_NO_MENTION = frozenset().union(*(bioes_tags(label) for label in LABELS))
# a colon ends a source before a headline ("The New York Times: Дональд Трамп") and is inside no name of a
# person, place or organisation (titles may hold one: ART, DOC, MISC)
INSIDE_A_NAME = frozenset(f"I-{label}" for label in ("PERS", "LOC", "ORG"))
# a currency word is in no date or period ("в один долар", "1 долар на рік" were PERIOD): money is MON
CURRENCIES = frozenset(table("currencies")) | frozenset(table("currency_subunits"))
NO_TIME = bioes_tags("DATE") | bioes_tags("TIME") | bioes_tags("PERIOD")
# a number of one to three digits alone is a count, not a date ("за Хілларі Клінтон – 215" was PERIOD): NER-UK's
# training text has 1,693 such numbers, 2 of them a one-word DATE ("21 або 22" of December) and none TIME or PERIOD
SHORT_NUMBER = re.compile(r"\d{1,3}")
NO_ONE_WORD_TIME = frozenset({"S-DATE", "S-TIME", "S-PERIOD"})
# news writes an office with a capital ("її Голова", "Президент заявив"), where the tagger read a person
JOB_NOUNS = words("job_nouns")
# and is in no person's name ("Христос Стиліанідес, Європейський Комісар з ..." gave PERS "Європейський Комісар"):
# NER-UK's training text has these nouns 1,770 times, none in a person's name
NO_JOB_NOUN_NAME = frozenset({"S-PERS", "S-LOC", "S-ORG", "S-MISC"}) | PERSON_TAGS


@lru_cache(maxsize=1)
def town_names() -> frozenset[str]:
    """Lower-case one-word town names (``extractor-lab train places``)."""
    if not PLACES.exists():
        raise missing_model(PLACES, "town name list", "extractor-lab train places")
    with gzip.open(PLACES, "rt", encoding="utf-8") as source:
        return frozenset(source.read().split())


@lru_cache(maxsize=WORD_CACHE_SIZE)
def forbidden_tags(word: str) -> frozenset[str]:
    """The BIOES tags the dictionary, the town list and the job nouns rule out on ``word``."""
    ruled_out = _what_the_dictionary_rules_out(word) | (NO_JOB_NOUN_NAME if _a_job_noun(word) else frozenset())
    if word[:1].isupper() and _a_town_and_nobody(word):
        if word.isupper():
            return ruled_out | ONE_WORD_PERSON
        return ruled_out | NOT_A_TOWN | (NOT_OUTSIDE if _only_a_town(word) else frozenset())
    return ruled_out


def _a_job_noun(word: str) -> bool:
    """Whether a noun reading of ``word`` is a job's (``JOB_NOUNS``) and none is a name ("Голова" is a surname)."""
    readings = [p for p in parses(word.lower()) if p.is_known] if word[:1].isalpha() else []
    return not any(is_name(p) for p in readings) and bool(
        {p.normal_form for p in readings if p.tag.POS == "NOUN"} & JOB_NOUNS)


def _only_a_town(word: str) -> bool:
    """Whether every dictionary reading of ``word`` is a town's name and text writes it with a capital:
    "Москву" at the start of a sentence is a place ("Москву тривожить" was untagged); "Хор" is a choir."""
    readings = [p for p in parses(word.lower()) if p.is_known]
    _, written_capitalized = read_frequencies()  # the repair model's list
    return bool(readings) and plain_apostrophes(word.lower()) in written_capitalized \
        and all(p.tag.POS == "NOUN" and p.normal_form in town_names() for p in readings)


def _a_town_and_nobody(word: str) -> bool:
    """Whether a dictionary form of ``word`` (or the word) is a town's name, and no reading the dictionary
    knows is animate: "Рівного" (рівне, рівний) is a town; "Володимир" is a town and a man."""
    readings = parses(word.lower())
    forms = {p.normal_form for p in readings} | {plain_apostrophes(word.lower())}
    return bool(forms & town_names()) and not any(p.is_known and "anim" in p.tag.grammemes for p in readings)


def _what_the_dictionary_rules_out(word: str) -> frozenset[str]:
    if word in SEPARATORS:
        return IN_NO_MENTION
    if word == ":":
        return INSIDE_A_NAME
    if SHORT_NUMBER.fullmatch(word):
        return NO_ONE_WORD_TIME
    if not word[:1].isalpha():
        return frozenset()
    if word.lower() in COMMON_ABBREVIATIONS:
        return NO_NAME_START
    if ACRONYM_COMPOUND.fullmatch(word):
        return NO_ACRONYM_COMPOUND_NAME
    if has_latin(word) and not LATIN_NAME_SHAPE.fullmatch(word):
        return PERSON_TAGS  # brands and sites ("ArcelorMittal", "lifecell", "europa.eu") are no one's names
    if word[0].isupper() and is_company_name(word.lower()):
        return NOT_A_COMPANY
    readings = [p for p in parses(word.lower()) if p.is_known]
    lemmas = {p.normal_form for p in readings} | {word.lower()}
    if word.islower() and lemmas & CURRENCIES:
        return NO_TIME
    if lemmas & ORGANISATIONS:
        # written with a capital, such a name is an entity ("Європарламент ухвалив"); "Рада" may be advice
        named = word[0].isupper() and not lemmas & COMMON_WORD_ORGANISATIONS
        return PLACE_TAGS | PERSON_TAGS | (NOT_OUTSIDE if named else frozenset())
    if word.islower() and lemmas & LANDFORMS:
        return PERSON_TAGS | NOT_AFTER_A_NAME
    if readings and all(p.tag.POS == "NOUN" and is_name(p) for p in readings):
        outside = NOT_OUTSIDE if word[0].isupper() else frozenset()
        if is_first_name(word):
            return FIRST_NAME_FORBIDS | outside
        return PERSON_ONLY_FORBIDS | outside  # "Трамп", "Дональд": a name alone is no place or organisation
    if word.islower() and readings and word not in NAME_PARTICLES and all(p.tag.POS in RUN_ON_WORDS for p in readings):
        return NOT_INSIDE_A_NAME | (NOT_ALONE if all(p.tag.POS in FUNCTION_WORDS for p in readings) else frozenset())
    if readings and all(p.tag.POS in FUNCTION_WORDS for p in readings):
        return NOT_ALONE
    if not readings or any(p.tag.POS != "NOUN" or is_name(p) or "Abbr" in p.tag.grammemes for p in readings):
        return frozenset()
    if all("inan" in p.tag.grammemes for p in readings):
        return PERSON_TAGS  # "Приватбанк", "Берліном", "Картоплю": things, not people
    if all({"anim", "plur"} <= p.tag.grammemes for p in readings):
        return ORGANISATION_STARTS  # "Міністри", "Військові": people, not the start of an organisation
    return frozenset()
