"""Consistency steps about people: where a person's name starts and ends, and what is a job, not a name.

A word that is only a name starts the person's name after it ("Європейської комісії Урсула" + "фон дер
Ляєн"); a name split around particles, a surname after a first name and a name given after a person are
joined (so is a name after "ім." with what it names); a word before a first name and a surname is not
theirs ("мер Луцька" + "Микола Романюк"); forms of address go; a noun for people before a name is a job
("Адвокат", "Канцлер Олаф Шольц"), as is an adjective used as one before an organisation ("Уповноважений"
+ "Верховної Ради"), and the country at a job's end a place ("Міністр оборони" + "України"); a person
after a word for a street is a street, and a one-word name read as an adjective takes in its noun
("Білого дому", "Білому домі"); lower-case words with no noun for a person are no job ("закордонних справ").
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
        while entity.label == "PERS" and entity.token_end - start > 1 and sentence.tokens[start].lemma.lower() in HONORIFICS:
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
    a place, anything else a person of its own ("Блоку Порошенка" + "Костянтину Яринічу")."""
    edits = []
    for entity in mentions:
        words = sentence.tokens[entity.token_start:entity.token_end]
        if entity.label != "PERS" or len(words) != 3 or not all(w.norm.isalpha() for w in words) \
                or may_be_a_first_name(words[0].norm) or not may_be_a_first_name(words[1].norm) \
                or is_patronymic(words[2].norm) or may_be_a_first_name(words[2].norm):
            continue
        label = "LOC" if a_country_or_a_town(words[0]) else "PERS"
        edits += [add(sentence.index, entity.token_start, entity.token_start + 1, label),
                  resize(entity, entity.token_start + 1, entity.token_end)]
    return edits


def job_before_a_person(sentence: Sentence, mentions: list[Entity]) -> list[Edit]:
    """PERS "Адвокат" + "пан Свиридовський" -> JOB "Адвокат": a one-word person that the dictionary
    knows only as a common noun for people, right before a person's name (a form of address between
    them allowed), is what that person is (alone it may be a story's characters: "Бог", "Тюлень").
    Kept though it moves neither independent set: ``name_before_a_full_name`` cuts such a word off
    ("Канцлер" + "Олаф Шольц") and leaves it to this step to call it a job."""
    edits, tokens = [], sentence.tokens
    people = {e.token_start for e in mentions if e.label == "PERS"}
    for entity in mentions:
        if entity.label != "PERS" or entity.token_end - entity.token_start != 1:
            continue
        after = entity.token_end
        while after < len(tokens) and tokens[after].lemma.lower() in HONORIFICS:
            after += 1
        readings = [p for p in parses(tokens[entity.token_start].norm.lower()) if p.is_known]
        if readings and all(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and not is_name(p) for p in readings) \
                and after in people:
            edits.append(relabel(entity, "JOB"))
    return edits
