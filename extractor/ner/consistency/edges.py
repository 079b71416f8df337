"""Consistency steps about where a name ends and what its context makes it.

A name holds no verb ("Дунай зріс") and does not take in the word for a town before a town's name;
a name opening a quote takes in the closing quote; a name in quotes after the kind of thing it names
has that kind's type («Місто» after "романом" is ART); a country or acronym does not run on into
lower-case words; a capitalized adjective that agrees with a name right after it is part of it; the
lower bound of a money range joins the amount; a time of day in figures is TIME ("10:00"); a quote a
mention does not open or close is not its.
"""
from __future__ import annotations

from extractor.document import Document
from extractor.morphology.analyzer import parses
from extractor.ner.consistency.edits import (COMPANIES, OTHER_NAMES, agrees,
    is_country, relational_adjective, set_tokens, tagged_tokens)
from extractor.ner.constraints import ORGANISATIONS, town_names
from extractor.normalize import NAME_PARTICLES, OPENING_QUOTES
from extractor.rules.quantities import CLOCK
from extractor.text import latin_script

WORKS = {"роман", "повість", "вистава", "п'єса", "фільм", "серіал", "пісня", "альбом", "книга", "поема", "вірш",
         "опера", "балет", "картина", "мюзикл", "оповідання", "збірка", "кліп", "трек"}
TOWN_WORDS = {"місто", "міста", "місту", "містом", "місті", "село", "села", "селу", "селом", "селі", "селище",
              "селища", "селищу", "селищем", "селищі", "смт"}
PRODUCTS = {"газопровід", "нафтопровід", "трубопровід", "газогін"}
KINDS = {**{kind: "ART" for kind in WORKS}, **{kind: "ORG" for kind in COMPANIES},
         **{kind: "MISC" for kind in PRODUCTS}}


def kind_before_quotes(document: Document) -> None:
    """A name in quotes right after the kind of thing it names has that kind's type: ORG «Місто» after
    "романом" is a title (ART), PERS «Дружба» after "фабрика" or "фірмою" a company (ORG), LOC
    «Північний потік» after "газопровід" a product (MISC). A Latin-script name needs no quotes to be a
    pipeline's: PERS "Baltic Pipe" after "газопровід" is MISC."""
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens
        before = entity.token_start - 1
        if entity.label in ("ORG", "LOC", "MISC", "PERS") and before >= 1 and tokens[before].norm in OPENING_QUOTES:
            entity.label = KINDS.get(tokens[before - 1].lemma.lower(), entity.label)
        elif before >= 0 and tokens[before].lemma.lower() in PRODUCTS and latin_script(entity.text):
            entity.label = "MISC"


def cut_before_verb(document: Document) -> None:
    """LOC "Дунай зріс" -> "Дунай": a person's, place's or organisation's name holds no verb
    (titles of works may: "Я піду в далекі гори")."""
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens
        verb = next((i for i in range(entity.token_start + 1, entity.token_end)
                     if tokens[i].pos == "VERB" and tokens[i].norm.islower() and tokens[i].norm not in NAME_PARTICLES),
                    None)
        if entity.label in ("PERS", "LOC", "ORG") and verb is not None:
            set_tokens(document, entity, entity.token_start, verb)


def cut_before_town_word(document: Document) -> None:
    """ORG "церкви міста" + "Славутич" -> ORG "церкви": the word for a settlement before a town's
    name belongs to neither (NER-UK ends no person's, place's or organisation's name with it)."""
    for entity in document.entities:
        tokens, end = document.sentences[entity.sentence_id].tokens, entity.token_end
        if entity.label in ("PERS", "LOC", "ORG") and end - entity.token_start > 1 and end < len(tokens) \
                and tokens[end - 1].norm in TOWN_WORDS and tokens[end].norm[:1].isupper():
            set_tokens(document, entity, entity.token_start, end - 1)


def cut_after_country(document: Document) -> None:
    """"КНДР агресивної війни ..." -> "КНДР", "ЄС із закордонних справ" -> "ЄС": a name complete in itself
    (a country, an international organisation's acronym, a town) does not go on in lower case (NER-UK's gold
    starts such a run with a country once in 3,600 organisations)."""
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens
        first = entity.token_start
        if entity.token_end - first < 2 or not tokens[first].norm[:1].isupper() \
                or not tokens[first + 1].norm.isalpha() or not tokens[first + 1].norm.islower():
            continue
        word = tokens[first].norm
        if is_country(tokens[first:first + 1]) or (word.isupper() and word.lower() in ORGANISATIONS):
            set_tokens(document, entity, first, first + 1)
        elif entity.label in ("ORG", "LOC") and word.istitle() and tokens[first].lemma.lower() in town_names() \
                and not any(p.tag.POS == "ADJF" for p in parses(word.lower())):  # "Краматорська міська рада"
            entity.label = "LOC"  # "Москви ролі центру Східної Європи" was one ORG
            set_tokens(document, entity, first, first + 1)


def money_ranges(document: Document) -> None:
    """"від 200 до 500 гривень" tagged DATE "200" + MON "500 гривень" -> MON "200 до 500 гривень": the
    lower bound of a money range is part of the amount (the quantities step then reads the range)."""
    for money in [e for e in document.entities if e.label == "MON"]:
        tokens, start = document.sentences[money.sentence_id].tokens, money.token_start
        if start < 3 or tokens[start - 1].norm.lower() != "до" or not tokens[start - 2].norm.isdigit() \
                or tokens[start - 3].norm.lower() != "від":
            continue
        document.entities = [e for e in document.entities if not (
            e.sentence_id == money.sentence_id and e.token_start == start - 2 and e.token_end == start - 1)]
        set_tokens(document, money, start - 2, money.token_end)


def take_adjective_before(document: Document) -> None:
    tagged = tagged_tokens(document)
    for entity in document.entities:
        tokens, before = document.sentences[entity.sentence_id].tokens, entity.token_start - 1
        if entity.label not in OTHER_NAMES or before < 0 or (entity.sentence_id, before) in tagged:
            continue
        adjective = tokens[before].norm
        # at a sentence's start the capital says nothing: "Сучасна Росія" is Russia, described
        named = before > 0 or relational_adjective(tokens[before]) or is_country(tokens[before:entity.token_end])
        if adjective.istitle() and adjective.isalpha() and named \
                and agrees(adjective, tokens[entity.token_start].norm):
            set_tokens(document, entity, before, entity.token_end)


def clock_times(document: Document) -> None:
    """DATE "10:00" -> TIME: a time of day written in figures is a time (NER-UK tags every one so)."""
    for entity in document.entities:
        if entity.label == "DATE" and CLOCK.fullmatch(entity.text):
            entity.label = "TIME"
