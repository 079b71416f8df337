"""Consistency steps about where a name ends and what its context makes it.

A name in quotes after the kind of thing it names has that kind's type («Місто» after "романом" is ART);
a capitalized adjective that agrees with a place's, organisation's or MISC name right after it is part
of it ("Європейська" + "Комісія").
"""
from __future__ import annotations

from extractor.document import Entity, Sentence
from extractor.lexicon import words
from extractor.morphology.analyzer import agrees
from extractor.ner.consistency.edits import (COMPANIES, OTHER_NAMES, Edit, covered, is_country, relabel,
                                             relational_adjective, resize)
from extractor.normalize.forms import OPENING_QUOTES
from extractor.text import latin_script

WORKS = words("kinds_of_works")
PRODUCTS = words("kinds_of_products")
KINDS = {**{kind: "ART" for kind in WORKS}, **{kind: "ORG" for kind in COMPANIES},
         **{kind: "MISC" for kind in PRODUCTS}}


def kind_before_quotes(sentence: Sentence, mentions: list[Entity]) -> list[Edit]:
    """A name in quotes right after the kind of thing it names has that kind's type: ORG «Місто» after
    "романом" is a title (ART), PERS «Дружба» after "фабрика" or "фірмою" a company (ORG), LOC
    «Північний потік» after "газопровід" a product (MISC). A Latin-script name needs no quotes to be a
    pipeline's: PERS "Baltic Pipe" after "газопровід" is MISC."""
    edits, tokens = [], sentence.tokens
    for entity in mentions:
        before = entity.token_start - 1
        if entity.label in ("ORG", "LOC", "MISC", "PERS") and before >= 1 and tokens[before].norm in OPENING_QUOTES:
            edits.append(relabel(entity, KINDS.get(tokens[before - 1].lemma.lower(), entity.label)))
        elif before >= 0 and tokens[before].lemma.lower() in PRODUCTS and latin_script(entity.text):
            edits.append(relabel(entity, "MISC"))
    return edits


def take_adjective_before(sentence: Sentence, mentions: list[Entity]) -> list[Edit]:
    """"Європейська" + ORG "Комісія" -> "Європейська Комісія": a capitalized adjective that agrees with the
    first word of a place, organisation or MISC name right after it is part of that name."""
    edits, tokens, tagged = [], sentence.tokens, covered(mentions)
    for entity in mentions:
        before = entity.token_start - 1
        if entity.label not in OTHER_NAMES or before < 0 or before in tagged:
            continue
        adjective = tokens[before].norm
        # at a sentence's start the capital says nothing: "Сучасна Росія" is Russia, described
        named = before > 0 or relational_adjective(tokens[before]) or is_country(tokens[before:entity.token_end])
        if adjective.istitle() and adjective.isalpha() and named \
                and agrees(adjective, tokens[entity.token_start].norm):
            edits.append(resize(entity, before, entity.token_end))
    return edits
