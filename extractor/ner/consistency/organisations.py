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

from extractor.document import Document
from extractor.lexicon import words
from extractor.morphology.analyzer import agrees, is_name
from extractor.ner.consistency.edits import (AND, a_country_or_a_town, new_mention, relational_adjective,
                                             set_tokens)
from extractor.text import has_latin, latin_script

INSTITUTIONS = words("institutions")


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


def institutions_are_organisations(document: Document) -> None:
    """MISC "Світового банку" -> ORG: a name headed by a noun for an institution is an organisation
    (NER-UK has no MISC so headed)."""
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens[entity.token_start:entity.token_end]
        head = next((t for t in tokens if t.pos == "NOUN"), None)
        if entity.label == "MISC" and head is not None and head.lemma.lower() in INSTITUTIONS:
            entity.label = "ORG"
