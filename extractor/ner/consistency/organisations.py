"""Consistency steps about institutions.

The tagger reads a sentence at a time and misses what the words around a name say: an institution
named at a sentence's start, where the capital says nothing, is still an organisation ("Національний
банк підвищив ставку"); so is a name headed by a noun for an institution ("Світового банку" was MISC).
"""
from __future__ import annotations

from extractor.document import Entity, Sentence
from extractor.lexicon import words
from extractor.morphology.analyzer import agrees, is_name
from extractor.ner.consistency.edits import Edit, add, relabel, relational_adjective, remove
from extractor.ner.spans import COORDINATORS

INSTITUTIONS = words("institutions")


def _genitive(token) -> bool:
    """A genitive noun or adjective that is no person's name ("партії Дональда Трампа" is the party's owner)."""
    return token.parse is not None and token.parse.tag.case == "gent" and token.pos in ("NOUN", "ADJF") \
        and not is_name(token.parse)


def _genitive_chain_end(tokens, start: int) -> int:
    """Where the genitive words from ``start`` end, coordinated ones included ("залізничників і
    транспортних будівельників України")."""
    end = start
    while end < len(tokens) and (_genitive(tokens[end]) or (
            tokens[end].norm in COORDINATORS and end > start and end + 1 < len(tokens) and _genitive(tokens[end + 1]))):
        end += 1
    return end


def institutions_at_sentence_start(sentence: Sentence, mentions: list[Entity]) -> list[Edit]:
    """"Національний банк підвищив ставку", "Європейська комісія схвалила": at a sentence's start,
    where a capital says nothing, the tagger misses a lower-case institution's name. Relational
    adjectives (not comparable: "Національний", "Федеральна резервна", unlike "Новий банк") before a
    singular noun for an institution that agrees with them, and a name in the genitive after it
    ("Національний банк України"), are an organisation, unless the tagger tagged some of it (but
    for a mention within the genitive words: "Центральний банк" + LOC "Росії"); so is such a noun
    without adjectives before a name in the genitive ("Прокуратура" + LOC "Німеччини"; NER-UK:
    ORG "Прокуратура Києва")."""
    tokens, head = sentence.tokens, 0
    while head < len(tokens) and relational_adjective(tokens[head]) and (head == 0) == tokens[head].norm.istitle():
        head += 1
    alone = head == 0 and len(tokens) > 1 and tokens[0].norm.istitle()  # "Прокуратура Німеччини"
    after_adjectives = 0 < head < len(tokens) and tokens[head].norm.islower() \
        and agrees(tokens[0].norm, tokens[head].norm)
    if not (alone or after_adjectives) or tokens[head].lemma.lower() not in INSTITUTIONS \
            or tokens[head].parse is None or "plur" in tokens[head].parse.tag or "plur" in tokens[0].parse.tag:
        return []
    end = _genitive_chain_end(tokens, head + 1)
    end = end if tokens[end - 1].norm[:1].isupper() else head + 1
    inside = [e for e in mentions if e.token_start < end]
    if (alone and end == 1) or not all(e.token_start > head and e.token_end <= end for e in inside):
        return []  # an institution's noun alone is no name; a name of the tagger's that begins earlier stays
    return [*map(remove, inside), add(sentence.index, 0, end, "ORG")]


def institutions_are_organisations(sentence: Sentence, mentions: list[Entity]) -> list[Edit]:
    """MISC "Світового банку" -> ORG: a name headed by a noun for an institution is an organisation
    (NER-UK has no MISC so headed)."""
    edits = []
    for entity in mentions:
        head = next((t for t in sentence.tokens[entity.token_start:entity.token_end] if t.pos == "NOUN"), None)
        if entity.label == "MISC" and head is not None and head.lemma.lower() in INSTITUTIONS:
            edits.append(relabel(entity, "ORG"))
    return edits
