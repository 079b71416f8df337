"""Link short mentions of a person to the full name used in the same document.

News names a person in full once ("Володимир Зеленський") and then by surname
("Зеленський") or with initials ("В. Зеленський"). Counting "who" needs those
to be one entity, so a short PERS mention is linked to the full name it abbreviates,
but only when exactly one full name in the document fits: with "Петро
Порошенко" and "Марина Порошенко" both present, "Порошенко" stays as it is.
The mention keeps its own lemma; the full name goes into ``canonical``, which the
tables show as the mention's lemma and group entities by. A lone surname the
dictionary does not know, which normalizing left as written, is linked to the
one full name a singular reading of it fits ("Задури" with "Василь Задура" in
the document is his). A lone word the dictionary knows as a common noun and no
name is nobody's surname ("Бог" stayed apart from "Христос Бог"). Across the documents of a run,
the entity ids of the tables are linked the same way (``links_across_documents``).
"""
from __future__ import annotations

from typing import Iterable

from extractor.morphology.analyzer import is_common_noun, is_known, may_be_a_first_name, parses


def entity_id(label: str, lemma: str, country_code: str | None) -> str:
    """The id of the entity a mention belongs to: a country by its code, anything else by label and
    lower-cased lemma (so "Рада Безпеки ООН" and "Рада безпеки ООН" are one entity; a job or a body of a
    country, "Президент України", "Сенат США", is a job or an organisation with that country's code)."""
    return f"LOC:{country_code}" if country_code and label not in ("JOB", "ORG") else f"{label}:{lemma.lower()}"


def _words(lemma: str) -> list[str]:
    return lemma.replace(".", ". ").split()


def _is_initial(word: str) -> bool:
    return word.endswith(".") and len(word) <= 3


def _abbreviates(short: list[str], full: list[str]) -> bool:
    """"Зеленський" and "В. Зеленський" abbreviate "Володимир Зеленський"."""
    if len(short) > len(full) or short[-1].casefold() != full[-1].casefold():
        return False
    for word, full_word in zip(short[:-1], full):
        if _is_initial(word):
            if word[0].casefold() != full_word[0].casefold():
                return False
        elif word.casefold() != full_word.casefold():
            return False
    return len(short) < len(full) or any(_is_initial(w) for w in short)


def link_people(document) -> None:
    """Pipeline component: give PERS mentions the document's one matching full name as ``canonical``."""
    people = [e for e in document.entities if e.label == "PERS" and e.lemma]
    by_surname: dict[str, dict[str, str]] = {}  # last word -> {casefolded full name: full name}
    for entity in people:
        words = _words(entity.lemma)
        if len(words) >= 2 and not any(_is_initial(w) for w in words):
            by_surname.setdefault(words[-1].casefold(), {}).setdefault(entity.lemma.casefold(), entity.lemma)
    for entity in people:
        short = _words(entity.lemma)
        if len(short) == 1 and is_common_noun(short[0]):
            continue
        full_names = by_surname.get(short[-1].casefold(), {})
        matches = [lemma for lemma in full_names.values() if _abbreviates(short, _words(lemma))]
        if not matches and len(short) == 1 and entity.lemma == entity.text and not is_known(entity.text):
            matches = _full_names_by_reading(entity.text, by_surname)
        if len(matches) == 1:
            entity.canonical = matches[0]


def _full_names_by_reading(word: str, by_surname: dict[str, dict[str, str]]) -> list[str]:
    """The full names whose surname is one reading of ``word``."""
    # a plural is a family ("Макарчуків"), not the one person of the full name
    readings = {p.normal_form.casefold() for p in parses(word.lower())
                if p.tag.POS == "NOUN" and p.tag.number != "plur"}
    fitting = [surname for surname in readings if surname in by_surname]
    return list(by_surname[fitting[0]].values()) if len(fitting) == 1 else []


def links_across_documents(entity_ids: Iterable[str]) -> dict[str, str]:
    """Across a run: a surname-only PERS entity id -> the one full-name PERS id of the run that ends in that
    surname, when exactly one does. A lone first name ("Оксана", "Роман") or common noun ("Бог") is no
    surname, and a name with initials is no full name."""
    ids = list(entity_ids)
    full: dict[str, list[str]] = {}
    for key in ids:
        words = key.split(":", 1)[1].split()
        if key.startswith("PERS:") and len(words) >= 2 and not any(w.endswith(".") for w in words):
            full.setdefault(words[-1], []).append(key)
    return {key: full[key[5:]][0] for key in ids
            if key.startswith("PERS:") and " " not in key and len(full.get(key[5:], [])) == 1
            and not may_be_a_first_name(key[5:]) and not is_common_noun(key[5:])}
