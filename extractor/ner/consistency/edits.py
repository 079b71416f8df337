"""What the consistency steps share: the edits a step returns, the one place they are applied, tests of words.

A step reads; it never changes a mention itself. It returns edits (relabel, resize, add, remove), and
``apply`` carries out one step's edits in order and sorts the mentions once, so a step sees the mentions
as the steps before it left them and no step half-done.
"""
from __future__ import annotations

from dataclasses import dataclass

from extractor.document import Document, Entity, new_mention, set_tokens
from extractor.lexicon import words
from extractor.ner.constraints import town_names
from extractor.normalize import normalize_entity
from extractor.rules.countries import country_code

OTHER_NAMES = {"LOC", "ORG", "MISC"}  # names that are not people's
COMPANIES = words("kinds_of_companies")
ORDINALS = words("ordinals") | {"останній", "наступний", "попередній"}


@dataclass(frozen=True)
class Edit:
    """One change a step asks for: ``mention`` gets ``label`` and/or the token span ``tokens`` of its
    sentence; ``mention`` None adds a mention of ``tokens`` of ``sentence``; ``remove`` drops ``mention``."""
    mention: Entity | None
    label: str | None = None
    tokens: tuple[int, int] | None = None
    sentence: int | None = None
    remove: bool = False


def relabel(mention: Entity, label: str) -> Edit:
    return Edit(mention, label=label)


def resize(mention: Entity, token_start: int, token_end: int) -> Edit:
    return Edit(mention, tokens=(token_start, token_end))


def add(sentence: int, token_start: int, token_end: int, label: str) -> Edit:
    return Edit(None, label=label, tokens=(token_start, token_end), sentence=sentence)


def remove(mention: Entity) -> Edit:
    return Edit(mention, remove=True)


def apply(document: Document, edits: list[Edit]) -> None:
    """Carry out ``edits`` in order, then drop the removed mentions and sort the rest by position."""
    removed = set()
    for edit in edits:
        if edit.remove:
            removed.add(id(edit.mention))
        elif edit.mention is None:
            document.entities.append(new_mention(document, edit.sentence, *edit.tokens, edit.label))
        else:
            if edit.tokens:
                set_tokens(document, edit.mention, *edit.tokens)
            edit.mention.label = edit.label or edit.mention.label
    document.entities = sorted((e for e in document.entities if id(e) not in removed), key=lambda e: e.start)


def by_sentence(document: Document) -> dict[int, list[Entity]]:
    """Each sentence's mentions, in order."""
    found: dict[int, list[Entity]] = {sentence.index: [] for sentence in document.sentences}
    for entity in document.entities:
        found[entity.sentence_id].append(entity)
    return found


def covered(mentions: list[Entity]) -> set[int]:
    """Token indices inside the given mentions of one sentence."""
    return {i for e in mentions for i in range(e.token_start, e.token_end)}


def is_country(tokens) -> bool:
    """Whether the tokens name a country, as written or in dictionary form ("Південної Кореї")."""
    return bool(country_code(" ".join(t.norm for t in tokens)) or country_code(normalize_entity(tokens, "LOC")))


def a_country_or_a_town(token) -> bool:
    """Whether one word names a country or (as written or by its lemma) a town: "Україна", "Києві"."""
    return bool({token.lemma.lower(), token.norm.lower()} & town_names()) or is_country([token])


def relational_adjective(token) -> bool:
    """An adjective of relation ("національний", "світовий"): pymorphy3 marks the others comparable,
    but not their superlatives ("найстаріша"), which "най-" makes."""
    return token.pos == "ADJF" and token.parse is not None and "compb" not in token.parse.tag \
        and token.lemma.lower() not in ORDINALS and token.norm.isalpha() and not token.norm.lower().startswith("най")
