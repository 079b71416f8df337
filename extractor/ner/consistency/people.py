"""Consistency steps about people: where a person's name starts and ends, and what is a job, not a name.

A word before a first name and a surname is not theirs ("мер Луцька" + "Микола Романюк"); forms of
address go ("Пані Зеркаль"); a noun for a person heading a name is a job ("Канцлер Олаф Шольц",
"Перший віце-президент Європейської комісії"); a one-word name read as an adjective takes in its noun
("Білого дому", "Білому домі").
"""
from __future__ import annotations

from extractor import lexicon
from extractor.document import Entity, Sentence
from extractor.morphology.analyzer import agrees, is_name, is_patronymic, may_be_a_first_name, parses
from extractor.ner.consistency.edits import OTHER_NAMES, Edit, a_country_or_a_town, add, relabel, resize

HEADS = {"глава", "голова"}  # of a state, a ministry, a board: nouns for things too
HONORIFICS = lexicon.words("honorifics")


def drop_honorifics(sentence: Sentence, mentions: list[Entity]) -> list[Edit]:
    """"Пані Зеркаль" -> "Зеркаль": a form of address is not part of the name (NER-UK never
    takes it in; the tagger does at the start of a sentence, where it is capitalized)."""
    edits = []
    for entity in mentions:
        start = entity.token_start
        while entity.label == "PERS" and entity.token_end - start > 1 \
                and sentence.tokens[start].lemma.lower() in HONORIFICS:
            start += 1
        if start > entity.token_start:
            edits.append(resize(entity, start, entity.token_end))
    return edits


def _is_person_noun(token) -> bool:
    """A common noun for a person ("віце-президент", "речник"), by the reading chosen in context, or a
    head of something whose reading out of context is a thing ("Глава" as "chapter")."""
    parse = token.parse
    return parse is not None and parse.tag.POS == "NOUN" and not is_name(parse) and (
        "anim" in parse.tag.grammemes or parse.normal_form in HEADS)


def split_job_from_name(sentence: Sentence, mentions: list[Entity]) -> list[Edit]:
    """"Перший віце-президент Європейської комісії" -> JOB "Перший віце-президент" + ORG "Європейської
    комісії", "Канцлер Олаф Шольц" -> JOB "Канцлер" + PERS "Олаф Шольц": a name is not headed by a
    noun for a person. An organisation without a capitalized word after that noun ("голови
    комісії") is a job; a person without one stays (a story's characters: "Тюлень")."""
    edits, tokens = [], sentence.tokens
    for entity in mentions:
        nouns = [i for i in range(entity.token_start, entity.token_end) if tokens[i].pos == "NOUN"]
        if entity.label not in ("ORG", "PERS") or not nouns or not _is_person_noun(tokens[nouns[0]]) \
                or (entity.label == "PERS" and any(is_name(p) for p in parses(tokens[nouns[0]].norm.lower()))):
            continue
        name = next((i for i in range(nouns[0] + 1, entity.token_end) if tokens[i].norm[:1].isupper()), None)
        if name is None:
            edits += [relabel(entity, "JOB")] if entity.label == "ORG" else []
        else:
            edits += [add(sentence.index, entity.token_start, name, "JOB"), resize(entity, name, entity.token_end)]
    return edits


def adjective_names_with_its_noun(sentence: Sentence, mentions: list[Entity]) -> list[Edit]:
    """PERS "Білого" before "дому" -> LOC "Білого дому", LOC "Білому" before "домі" -> LOC "Білому домі":
    a one-word name read as an adjective that agrees with the lower-case noun after it names something
    with that noun. A person so read is a place if the adjective is qualitative (possessive ones are
    people's: "Данкова компанія" is Danko's)."""
    edits, tokens = [], sentence.tokens
    starts = {e.token_start for e in mentions}
    for entity in mentions:
        adjective, after = tokens[entity.token_start], entity.token_end
        if entity.token_end - entity.token_start == 1 and after < len(tokens) and adjective.pos == "ADJF" \
                and (entity.label in OTHER_NAMES or (entity.label == "PERS" and "compb" in adjective.parse.tag)) \
                and "plur" not in adjective.parse.tag \
                and tokens[after].pos == "NOUN" \
                and tokens[after].norm.isalpha() and tokens[after].norm.islower() \
                and after not in starts and agrees(adjective.norm, tokens[after].norm):
            edits += [relabel(entity, "LOC" if entity.label == "PERS" else entity.label),
                      resize(entity, entity.token_start, after + 1)]
    return edits


def name_before_a_full_name(sentence: Sentence, mentions: list[Entity]) -> list[Edit]:
    """PERS "Луцька Микола Романюк" ("мер Луцька Микола Романюк") -> LOC "Луцька" + PERS "Микола Романюк":
    a word before a first name and a surname (not a patronymic or a second first name: "Рудь Петро
    Володимирович", "Вінклер Томас Рольф" are one person each) is no part of the name; a town's name is
    a place, a common noun for a person a job ("Канцлер" + "Олаф Шольц"), anything else a person of its
    own ("Блоку Порошенка" + "Костянтину Яринічу")."""
    edits = []
    for entity in mentions:
        words = sentence.tokens[entity.token_start:entity.token_end]
        if entity.label != "PERS" or len(words) != 3 or not all(w.norm.isalpha() for w in words) \
                or may_be_a_first_name(words[0].norm) or not may_be_a_first_name(words[1].norm) \
                or is_patronymic(words[2].norm) or may_be_a_first_name(words[2].norm):
            continue
        label = "LOC" if a_country_or_a_town(words[0]) else "JOB" if _is_person_noun(words[0]) else "PERS"
        edits += [add(sentence.index, entity.token_start, entity.token_start + 1, label),
                  resize(entity, entity.token_start + 1, entity.token_end)]
    return edits

