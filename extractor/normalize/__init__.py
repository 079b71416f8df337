"""Put entity mentions into dictionary form: nominative, agreeing, original capitalization.

- People: every name part goes to the nominative on its own, keeping the
  gender the parts agree on ("Володимира Путіна" -> "Володимир Путін"); a
  woman's name that also reads as a man's genitive stays as written when a
  verb in the feminine follows ("Джорджа Мелоні зустрілася").
- Other names: the head noun (the first noun outside quotes) and the adjectives
  before it go to the nominative in the case, gender and number they share
  (jobs go to the singular: "міністрами закордонних справ" -> "міністр закордонних справ");
  whatever follows the head is a dependent and stays as written
  ("Міністерства закордонних справ Японії" -> "Міністерство закордонних справ Японії").
- An abbreviation with a case ending written after it is the abbreviation ("НАЗКу", "УДАРу" -> "НАЗК", "УДАР").
- Dates, times, money, percentages and quantities are kept as written.
- Jobs, dates and amounts at the start of a sentence lose the capital the
  sentence gave them ("Режисер фільму ..." -> "режисер"), unless the word is a name.
"""
from __future__ import annotations

import re

from extractor.document import Token
from extractor.morphology.analyzer import is_known, is_name, parses
from extractor.text import same_apostrophe
from extractor.normalize.forms import COMMON_NOUN_LABELS, INFLECTED_LABELS, join_tokens
from extractor.normalize.people import a_woman_in_the_nominative, people_agree_within_document, person_forms
from extractor.normalize.phrases import phrase_forms, town_reading


# news declines an abbreviation by writing the ending after it in lower case
DECLINED_ABBREVIATION = re.compile(r"([А-ЩЬЮЯҐЄІЇ]{2,})(?:у|ом|ові|а|і|ю|ем)")


def normalize_entity(tokens: list[Token], label: str) -> str:
    """Dictionary form of the mention made of ``tokens`` with the given label."""
    if label not in INFLECTED_LABELS:
        return join_tokens(tokens, [t.norm for t in tokens])
    abbreviation = DECLINED_ABBREVIATION.fullmatch(tokens[0].norm) if len(tokens) == 1 else None
    if abbreviation:
        return abbreviation.group(1)
    if label == "LOC" and len(tokens) == 1 and tokens[0].norm[:1].isupper():
        town = town_reading(tokens[0])
        if town:
            return town
    # a job is a role, so "міністри" and "міністра" are both the job "міністр"
    forms = person_forms(tokens) if label == "PERS" else phrase_forms(tokens, singular=label == "JOB")
    return same_apostrophe(join_tokens(tokens, forms), "".join(t.text for t in tokens))


def _sentence_case_lowered(lemma: str, first: Token) -> str:
    """"Режисер" at the start of a sentence is the common noun "режисер"; names keep their capital."""
    word = first.norm
    if not word[:1].isupper() or word.isupper() or not is_known(word):
        return lemma
    if any(is_name(p) for p in parses(word.lower())):
        return lemma
    return lemma[:1].lower() + lemma[1:]


def normalize_entities(document) -> None:
    """Pipeline component: set ``lemma`` of every entity of ``document`` that has none yet
    (place names got theirs from the countries step)."""
    for entity in document.entities:
        if entity.lemma:
            continue
        sentence = document.sentences[entity.sentence_id].tokens
        tokens = sentence[entity.token_start:entity.token_end]
        entity.lemma = normalize_entity(tokens, entity.label)
        if entity.label == "PERS" and entity.token_end < len(sentence) \
                and a_woman_in_the_nominative(tokens, sentence[entity.token_end]):
            entity.lemma = same_apostrophe(join_tokens(tokens, [t.norm for t in tokens]), entity.text)
        if entity.token_start == 0 and entity.label in COMMON_NOUN_LABELS:
            entity.lemma = _sentence_case_lowered(entity.lemma, tokens[0])
    people_agree_within_document(document)


def normalize_new_mentions(document) -> None:
    """The lemma of each mention a later rule added or widened (it left ``lemma`` empty); a document where
    nothing is new needs no second pass over its people."""
    if any(not entity.lemma for entity in document.entities):
        normalize_entities(document)
