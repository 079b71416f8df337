"""Consistency steps over the whole document: news names a person and an organisation in full first.

The surname of a full name is a person throughout ("Трамп" as a place, or untagged); a place,
organisation or MISC name takes the type most of its mentions have; a name of two or more words is
tagged wherever the document repeats it.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from extractor.document import Document
from extractor.morphology.analyzer import may_be_a_first_name
from extractor.ner.consistency.edits import OTHER_NAMES, Edit, add, by_sentence, covered, relabel, resize
from extractor.ner.constraints import ORGANISATIONS


def _surnames(document: Document) -> set[str]:
    """Lemmas of the last words of the document's PERS mentions of two or more words."""
    found = set()
    for entity in document.entities:
        if entity.label == "PERS" and entity.token_end - entity.token_start >= 2:
            last = document.sentences[entity.sentence_id].tokens[entity.token_end - 1]
            if last.norm.istitle() and last.norm.isalpha() and len(last.norm) > 2 and last.pos not in ("ADJF", "PRTF"):
                found.add(last.lemma.lower())
    return found


def _person_at_the_end(tokens, surnames: set[str]) -> int | None:
    """Where a person named in the nominative (a known surname, with first names before it) starts at the
    end of a longer name: "NBC Трамп", "Республіканської партії Дональд Трамп" (two names glued by the
    tagger; an organisation named after a person names them in the genitive); 0: the whole mention is
    that person ("Дональд Трамп" as ORG). None: no person there."""
    last = tokens[-1]
    if len(tokens) < 2 or last.lemma.lower() not in surnames or last.parse is None or last.parse.tag.case != "nomn":
        return None
    start = len(tokens) - 1
    while start > 0 and tokens[start - 1].norm.istitle() and may_be_a_first_name(tokens[start - 1].norm) \
            and tokens[start - 1].parse is not None and tokens[start - 1].parse.tag.case == "nomn":
        start -= 1
    return start


def surnames_are_people(document: Document) -> list[Edit]:
    """The surname of a full name is a person wherever the document names it: a one-word place or
    organisation ("Трамп" as a place), the end of a longer name (``_person_at_the_end``), or untagged."""
    surnames = _surnames(document)
    if not surnames:
        return []
    edits, mentions_of = [], by_sentence(document)
    for sentence in document.sentences:
        mentions = mentions_of[sentence.index]
        for entity in mentions:
            tokens = sentence.tokens[entity.token_start:entity.token_end]
            if entity.label not in OTHER_NAMES:
                continue
            if len(tokens) == 1 and tokens[0].lemma.lower() in surnames:
                edits.append(relabel(entity, "PERS"))  # "Трамп" as a place, in a text about Дональд Трамп
            elif (start := _person_at_the_end(tokens, surnames)) == 0:
                edits.append(relabel(entity, "PERS"))
            elif start is not None:
                person = entity.token_start + start
                edits += [add(sentence.index, person, entity.token_end, "PERS"),
                          resize(entity, entity.token_start, person)]
        tagged = covered(mentions)  # a split above leaves every token as covered as it was
        edits += [add(sentence.index, i, i + 1, "PERS") for i, token in enumerate(sentence.tokens)
                  if i not in tagged and token.norm[:1].isupper() and token.lemma.lower() in surnames]
    return edits


def one_type_per_name(document: Document) -> list[Edit]:
    """A place, organisation or MISC name keeps the type most of its mentions have ("Європейського
    Союзу" as a place, in a text that names "Європейський Союз" an organisation twice); a one-word
    person votes too ("Зайцевого" as a person, in a text that names the village "Зайцеве" a place
    twice); the surnames of full names are people by now (``surnames_are_people``)."""
    by_name = defaultdict(list)
    for entity in document.entities:
        name = _lemmas(document, entity.sentence_id, entity.token_start, entity.token_end)
        if entity.label in OTHER_NAMES or (entity.label == "PERS" and len(name) == 1):
            by_name[name].append(entity)
    heads = _heads(document, by_name)
    for name, mentions in list(by_name.items()):
        if len(name) == 1 and name[0] in heads:  # "Союзу" after "Європейського Союзу"
            by_name[heads[name[0]]].extend(by_name.pop(name))
    edits = []
    for name, mentions in by_name.items():
        ranked = Counter(e.label for e in mentions).most_common()
        if " ".join(name) in ORGANISATIONS:  # "країн Європейського Союзу": an organisation news names like a place
            edits += [relabel(entity, "ORG") for entity in mentions]
        elif len(ranked) > 1 and ranked[0][1] > ranked[1][1]:  # a tie stays as tagged
            edits += [relabel(entity, ranked[0][0]) for entity in mentions]
    return edits


def _heads(document: Document, by_name: dict) -> dict[str, tuple[str, ...]]:
    """Head noun -> the one longer name of the document made of adjectives and that noun: news names an
    institution in full, then by its head ("Європейського Союзу", then "Союзу"). A head two names share
    ("Верховна Рада", "Київська міська рада") stands for neither."""
    found = defaultdict(set)
    for name, mentions in by_name.items():
        entity = mentions[0]
        tokens = document.sentences[entity.sentence_id].tokens[entity.token_start:entity.token_end]
        if len(tokens) > 1 and all(t.pos in ("ADJF", "PRTF") for t in tokens[:-1]) and tokens[-1].pos == "NOUN":
            found[name[-1]].add(name)
    return {head: next(iter(names)) for head, names in found.items() if len(names) == 1}


def _lemmas(document: Document, sentence: int, start: int, end: int) -> tuple[str, ...]:
    return tuple(t.lemma.lower() for t in document.sentences[sentence].tokens[start:end])
