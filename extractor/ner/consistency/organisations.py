"""Consistency steps about organisations: companies, councils, unions, plants and institutions.

The tagger reads a sentence at a time and misses what the words around a name say: a person's name
after a company's acronym is its owner ("ДТЕК" + "Ахметова"); capitalized words after a word for a
company name it ("акції Кернела"); a Latin-script brand before a country's name is one company
("Vodafone Україна"), and a town before a Latin-script company's name a place; councils in one word
("у Київраді"), names coordinated with companies, and the names of unions, plants and institutions
that grammar shows ("Незалежна профспілка гірників України", "Національний банк") are organisations,
as are names headed by a noun for an institution ("Світового банку" was MISC).
"""
from __future__ import annotations

import re

from extractor.document import Document
from extractor.morphology.analyzer import is_company_name, is_name, parses
from extractor.ner.consistency.edits import (AND, COMPANIES, a_country_or_a_town, agrees, is_country, new_mention,
    only_a_name, relational_adjective, set_tokens, tagged_tokens)
from extractor.text import has_latin, latin_script

ASSOCIATIONS = {"профспілка", "спілка", "федерація", "конфедерація", "асоціація", "об'єднання", "партія", "рух",
                "союз", "товариство", "фонд", "палата"}
POWER_PLANTS = {"тес", "тец", "гес", "аес", "гаес", "грес", "сес", "вес"}
# councils named in one word: "Київраді", "облради"; NER-UK tags all its 53 of them ORG
COUNCIL = re.compile(r"(київ|міськ|обл|рай|сіль|селищ)рад(а|и|і|у|ою|ам|ах)")
PLACE_PREPOSITIONS = {"у", "в", "на", "під", "біля"}
# words after which a capitalized name is a company's: "компанія Рошен", "акції Кернела", "мережа Сільпо"
COMPANY_WORDS = COMPANIES - {"газета", "гурт", "клуб", "партія", "фонд", "спілка", "організація"} | {
    "акція", "мережа", "оператор", "бренд", "виробник", "ритейлер", "забудовник", "девелопер", "постачальник"}
# a surname in the genitive after a company is its owner: "компанія Машненкова", "фірми Іванової"
OWNER = re.compile(r"((ов|ев|єв|ін|ин|їн)(а|ої)|(ськ|цьк|зьк)(ого|ої)|енка)$")
PLANTS = {"завод", "комбінат", "фабрика"}
# nouns that, after adjectives of relation, name an institution: "Національний банк", "Європейська комісія"
INSTITUTIONS = {"банк", "комісія", "поліція", "служба", "система", "фонд", "суд", "агенція", "агентство", "бюро",
                "прокуратура", "інспекція", "гвардія", "асамблея", "організація", "союз", "палата", "міністерство",
                "казначейство", "митниця", "біржа", "конгрес", "парламент"}


def _a_name_in_the_genitive(word: str) -> bool:
    """"Ахметова", "Ріната": a capitalized name that can be genitive, and no thing's name ("Львова")."""
    readings = parses(word.lower())
    return word[:1].isupper() and any(is_name(p) and p.tag.case == "gent" for p in readings) \
        and not any(p.tag.POS == "NOUN" and "inan" in p.tag.grammemes for p in readings)


def owner_out_of_company(document: Document) -> None:
    """ORG "ДТЕК Ахметова" -> ORG "ДТЕК" + PERS "Ахметова": a person's name in the genitive right
    after a company's acronym or compound name is its owner, not part of the name; so is one the
    tagger read into one person with the acronym ("ДНР Губарєва")."""
    for entity in list(document.entities):
        tokens = document.sentences[entity.sentence_id].tokens
        names = entity.token_end
        while names > entity.token_start + 1 and _a_name_in_the_genitive(tokens[names - 1].norm):
            names -= 1
        company = tokens[names - 1].norm
        if entity.label == "PERS" and names == entity.token_start + 1 < entity.token_end and len(company) > 1 \
                and company.isupper() and company.isalpha():  # PERS "ДНР Губарєва": no name starts with an acronym
            entity.label = "ORG"
        elif entity.label != "ORG" or names == entity.token_end or entity.token_end - names > 2 \
                or not (company.isupper() or is_company_name(company.lower())):
            continue
        document.entities.append(new_mention(document, entity.sentence_id, names, entity.token_end, "PERS"))
        set_tokens(document, entity, entity.token_start, names)
    document.entities.sort(key=lambda e: e.start)


def names_after_a_company_word(document: Document) -> None:
    """"Компанія Рошен", "акції Кернела", "мережа Сільпо": capitalized words right after a word for a
    company (no quotes) name the company (the tagger read "Кернела" as a person, "Сільпо" as nothing,
    "ТВі" after "телеканалу" as a title),
    unless they are a person's or a country's name ("компанії Ріната Ахметова", "компанія Машненкова",
    "компанія Маска", "банк Японії")."""
    for sentence in document.sentences:
        tokens = sentence.tokens
        starts = [i for i in range(1, len(tokens)) if tokens[i - 1].lemma.lower() in COMPANY_WORDS]
        while starts:
            i = starts.pop(0)
            word = tokens[i].norm
            if not word[:1].isupper() or not word.isalpha() or only_a_name(word) or is_country(tokens[i:i + 1]) \
                    or OWNER.search(word) or any(p.is_known and is_name(p) and p.tag.case == "gent"
                                                 for p in parses(word.lower())):
                continue
            end = i + 1
            while end < len(tokens) and tokens[end].norm[:1].isupper() and tokens[end].norm.isalpha():
                end += 1
            if end + 1 < len(tokens) and tokens[end].norm in AND:
                starts.insert(0, end + 1)  # "мережі Сільпо та Фокстрот"
            covering = [e for e in document.entities if e.sentence_id == sentence.index
                        and e.token_start < end and e.token_end > i]
            if not covering:
                document.entities.append(new_mention(document, sentence.index, i, end, "ORG"))
            elif len(covering) == 1 and covering[0].token_start == i \
                    and covering[0].label in ("PERS", "LOC", "MISC", "ART") \
                    and not (covering[0].label == "PERS" and covering[0].token_end - i > 1):
                covering[0].label = "ORG"
    document.entities.sort(key=lambda e: e.start)


def place_of_a_plant(document: Document) -> None:
    """ORG "Трипільську ТЕС у Київській області" -> ORG "Трипільську ТЕС" + LOC "Київській області":
    a power plant's name ends at the plant; one named by its kind alone ("ТЕС у Київській області")
    is no name, and only the place is left."""
    for entity in list(document.entities):
        tokens = document.sentences[entity.sentence_id].tokens
        plant = next((k for k in range(entity.token_start, entity.token_end - 2)
                      if tokens[k].norm.lower() in POWER_PLANTS and tokens[k + 1].norm.lower() in PLACE_PREPOSITIONS
                      and tokens[k + 2].norm[:1].isupper()), None)
        if plant is None:
            continue
        if plant > entity.token_start:
            document.entities.append(new_mention(document, entity.sentence_id, entity.token_start, plant + 1,
                                                 entity.label))
        entity.label = "LOC"
        set_tokens(document, entity, plant + 2, entity.token_end)
    document.entities.sort(key=lambda e: e.start)


def brand_of_a_country(document: Document) -> None:
    """"Vodafone Україна" is a company, not the country: a Latin-script name right before a country's
    name in the nominative is one organisation with it."""
    for entity in list(document.entities):
        tokens, before = document.sentences[entity.sentence_id].tokens, entity.token_start - 1
        country = tokens[entity.token_start]
        if entity.label != "LOC" or entity.token_end - entity.token_start != 1 or before < 0 \
                or not (tokens[before].norm[:1].isupper() and has_latin(tokens[before].norm)) \
                or not is_country([country]) or country.parse is None or country.parse.tag.case != "nomn":
            continue
        brand = next((e for e in document.entities
                      if e.sentence_id == entity.sentence_id and e.token_end == before + 1), None)
        if brand is not None:
            document.entities.remove(brand)
        entity.label, entity.country_code = "ORG", None
        set_tokens(document, entity, brand.token_start if brand else before, entity.token_end)


def place_before_a_latin_company(document: Document) -> None:
    """ORG "Таллінні Macte Gzu Ou" -> LOC "Таллінні" + ORG "Macte Gzu Ou": a town or a country in
    Cyrillic before a Latin-script company's name is where it is registered, not part of its name."""
    for entity in list(document.entities):
        tokens = document.sentences[entity.sentence_id].tokens
        first = tokens[entity.token_start]
        if entity.label == "ORG" and entity.token_end - entity.token_start > 1 and not has_latin(first.norm) \
                and latin_script(document.text[tokens[entity.token_start + 1].start:entity.end]) \
                and a_country_or_a_town(first):
            document.entities.append(new_mention(document, entity.sentence_id, entity.token_start,
                                              entity.token_start + 1, "LOC"))
            set_tokens(document, entity, entity.token_start + 1, entity.token_end)
    document.entities.sort(key=lambda e: e.start)


def councils(document: Document) -> None:
    """LOC "Київраді", "Львівській облраді" -> ORG: a council is an organisation, though news says
    "у Київраді" as of a place."""
    for entity in document.entities:
        last = document.sentences[entity.sentence_id].tokens[entity.token_end - 1]
        if entity.label == "LOC" and COUNCIL.fullmatch(last.norm.lower()):
            entity.label = "ORG"


def two_companies_in_one(document: Document) -> None:
    """ORG "Приватбанк і Ощадбанк" -> ORG "Приватбанк" + ORG "Ощадбанк": two capitalized words joined by
    "і"/"та", one of them a company-built name, are two companies (NER-UK has no such three-word name
    but "Пукшин і Партнери" and "Дух і Літера")."""
    for entity in list(document.entities):
        words = [t.norm for t in document.sentences[entity.sentence_id].tokens[entity.token_start:entity.token_end]]
        if entity.label == "ORG" and len(words) == 3 and words[1] in AND and words[0][:1].isupper() \
                and words[2][:1].isupper() and any(is_company_name(w.lower()) for w in (words[0], words[2])):
            document.entities.append(new_mention(document, entity.sentence_id, entity.token_start + 2,
                                              entity.token_end, "ORG"))
            set_tokens(document, entity, entity.token_start, entity.token_start + 1)
    document.entities.sort(key=lambda e: e.start)


def company_and_a_company(document: Document) -> None:
    """"Vodafone Україна та Київстар": a one-word place coordinated right after an organisation is an
    organisation too, unless it is a country or a town ("НАТО та Україна", "Нафтогаз і Київ")."""
    mentions = sorted(document.entities, key=lambda e: e.start)
    for first, second in zip(mentions, mentions[1:]):
        tokens = document.sentences[second.sentence_id].tokens
        if first.label != "ORG" or second.label != "LOC" or first.sentence_id != second.sentence_id \
                or second.token_end - second.token_start != 1 or second.token_start != first.token_end + 1 \
                or tokens[first.token_end].norm not in AND:
            continue
        if not a_country_or_a_town(tokens[second.token_start]):
            second.label = "ORG"


def latin_company_after_a_company(document: Document) -> None:
    """"Shell та BP": a Latin-script name the tagger left untagged, coordinated right after a
    Latin-script organisation, is an organisation too."""
    tagged = tagged_tokens(document)
    for entity in list(document.entities):
        tokens, after = document.sentences[entity.sentence_id].tokens, entity.token_end + 1
        if entity.label != "ORG" or after >= len(tokens) or tokens[entity.token_end].norm not in AND \
                or not latin_script(entity.text):
            continue
        end = after
        while end < len(tokens) and tokens[end].norm[:1].isupper() and latin_script(tokens[end].norm) \
                and tokens[end].norm.isalnum() and (entity.sentence_id, end) not in tagged:
            end += 1
        if end > after:
            document.entities.append(new_mention(document, entity.sentence_id, after, end, "ORG"))
    document.entities.sort(key=lambda e: e.start)


def _genitive(token) -> bool:
    """A genitive noun or adjective that is no person's name ("партії Дональда Трампа" is the party's owner)."""
    return token.parse is not None and token.parse.tag.case == "gent" and token.pos in ("NOUN", "ADJF") \
        and not is_name(token.parse)


def _genitive_chain_end(tokens, start: int) -> int:
    """Where the genitive words from ``start`` end, coordinated ones included ("залізничників і
    транспортних будівельників України")."""
    end = start
    while end < len(tokens) and (_genitive(tokens[end]) or (
            tokens[end].norm in AND and end > start and end + 1 < len(tokens) and _genitive(tokens[end + 1]))):
        end += 1
    return end


def _organisation_at(tokens, i: int) -> int | None:
    """Where an organisation's name that starts at ``i`` ends: a capitalized adjective, a lower-case
    singular noun for a union or association agreeing with it and the genitive words after that
    ("Незалежна профспілка гірників України"); a capitalized such noun and genitive words ending in a
    name ("Профспілка залізничників і транспортних будівельників України"); or a capitalized
    adjective and a noun for a plant with an adjective between ("Криворізькому залізорудному комбінаті")."""
    first = tokens[i]
    if first.norm.istitle() and first.lemma in ASSOCIATIONS and first.parse is not None \
            and "plur" not in first.parse.tag:
        end = _genitive_chain_end(tokens, i + 1)
        return end if end > i + 1 and tokens[end - 1].norm[:1].isupper() else None
    head = i + 1
    while head < len(tokens) and tokens[head].pos == "ADJF" and tokens[head].norm.islower():
        head += 1
    if head >= len(tokens) or not first.norm.istitle() or first.pos != "ADJF" \
            or not tokens[head].norm.islower() or tokens[head].lemma not in ASSOCIATIONS | PLANTS \
            or tokens[head].parse is None or "plur" in tokens[head].parse.tag \
            or not agrees(first.norm, tokens[head].norm):
        return None
    end = _genitive_chain_end(tokens, head + 1)
    named = end > head + 1 or (tokens[head].lemma in PLANTS and head > i + 1)
    return end if named else None


def unions_and_plants(document: Document) -> None:
    """Names of unions, associations and plants the tagger read only in part ("України" in
    "Незалежна профспілка гірників України", LOC "Криворізькому" in "Криворізькому залізорудному
    комбінаті") are organisations; mentions reaching outside such a name are left alone."""
    for sentence in document.sentences:
        i = 0
        while i < len(sentence.tokens) - 1:
            end = _organisation_at(sentence.tokens, i)
            inside = [e for e in document.entities if e.sentence_id == sentence.index
                      and e.token_start < end and e.token_end > i] if end else []
            if end is None or any(e.token_start < i or e.token_end > end for e in inside):
                i += 1
                continue
            document.entities = [e for e in document.entities if e not in inside]
            document.entities.append(new_mention(document, sentence.index, i, end, "ORG"))
            i = end
    document.entities.sort(key=lambda e: e.start)


def institutions_at_sentence_start(document: Document) -> None:
    """"Національний банк підвищив ставку", "Європейська комісія схвалила": at a sentence's start,
    where a capital says nothing, the tagger misses a lower-case institution's name. Relational
    adjectives (not comparable: "Національний", "Федеральна резервна", unlike "Новий банк") before a
    singular noun for an institution that agrees with them, and a name in the genitive after it
    ("Національний банк України"), are an organisation, unless the tagger tagged some of it (but
    for a mention within the genitive words: "Центральний банк" + LOC "Росії"); so is such a noun
    without adjectives before a name in the genitive ("Прокуратура" + LOC "Німеччини"; NER-UK:
    ORG "Прокуратура Києва")."""
    for sentence in document.sentences:
        tokens = sentence.tokens
        head = 0
        while head < len(tokens) and relational_adjective(tokens[head]) and (head == 0) == tokens[head].norm.istitle():
            head += 1
        alone = head == 0 and len(tokens) > 1 and tokens[0].norm.istitle()  # "Прокуратура Німеччини"
        after_adjectives = 0 < head < len(tokens) and tokens[head].norm.islower() \
            and agrees(tokens[0].norm, tokens[head].norm)
        if not (alone or after_adjectives) or tokens[head].lemma.lower() not in INSTITUTIONS \
                or tokens[head].parse is None or "plur" in tokens[head].parse.tag or "plur" in tokens[0].parse.tag:
            continue
        end = _genitive_chain_end(tokens, head + 1)
        end = end if tokens[end - 1].norm[:1].isupper() else head + 1
        if alone and end == 1:
            continue  # an institution's noun alone is no name
        inside = [e for e in document.entities if e.sentence_id == sentence.index and e.token_start < end]
        if all(e.token_start > head and e.token_end <= end for e in inside):
            document.entities = [e for e in document.entities if e not in inside]
            document.entities.append(new_mention(document, sentence.index, 0, end, "ORG"))
    document.entities.sort(key=lambda e: e.start)


def institutions_are_organisations(document: Document) -> None:
    """MISC "Світового банку" -> ORG: a name headed by a noun for an institution is an organisation
    (NER-UK has no MISC so headed)."""
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens[entity.token_start:entity.token_end]
        head = next((t for t in tokens if t.pos == "NOUN"), None)
        if entity.label == "MISC" and head is not None and head.lemma.lower() in INSTITUTIONS:
            entity.label = "ORG"
