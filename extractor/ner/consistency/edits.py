"""What the consistency steps share: changing a mention's tokens, adding a mention, and tests of words."""
from __future__ import annotations

from extractor.document import Document, new_mention, set_tokens  # noqa: F401 (the steps' edits)
from extractor.lexicon import words
from extractor.ner.constraints import town_names
from extractor.normalize import normalize_entity
from extractor.rules.countries import country_code

OTHER_NAMES = {"LOC", "ORG", "MISC"}  # names that are not people's
COMPANIES = words("kinds_of_companies")
AND = words("and")  # coordinated names: "мережі Сільпо та Фокстрот"
ORDINALS = words("ordinals") | {"останній", "наступний", "попередній"}


def tagged_tokens(document: Document) -> set[tuple[int, int]]:
    """(sentence, token) of every token inside a mention."""
    return {(e.sentence_id, i) for e in document.entities for i in range(e.token_start, e.token_end)}


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
