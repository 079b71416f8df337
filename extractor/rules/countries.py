"""Country gazetteer: Ukrainian country names, short forms and demonym adjectives -> ISO 3166-1 alpha-2.

Names come from pycountry's Ukrainian translations of ISO 3166-1 (maintained
upstream with the standard); news usage adds abbreviations ("РФ", "КНДР"),
short forms ("Росія", "Штати") and the adjectives that tie a quantity to a
country ("північнокорейських військових" -> KP). Keys are dictionary forms
in lower case, with one apostrophe, so inflected mentions match once normalized.
"""
from __future__ import annotations

import gettext
from functools import lru_cache

from extractor.lexicon import table
from extractor.text import plain_apostrophes

NEWS_NAMES = table("country_news_names", lambda names: names.split(" | "))

DEMONYMS = table("demonyms")


def key(name: str) -> str:
    """Lookup key: lower case, one kind of apostrophe, single spaces."""
    return " ".join(plain_apostrophes(name.lower()).split())


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    import pycountry

    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["uk"], fallback=True)
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            english = getattr(country, attribute, None)
            if english:
                names[key(translation.gettext(english))] = country.alpha_2
    for code, forms in NEWS_NAMES.items():
        for form in forms:
            names[key(form)] = code
    return names


def country_code(name: str) -> str | None:
    """ISO code of a country given in dictionary form ("Північна Корея" -> "KP"), else None."""
    return country_names().get(key(name))


def demonym_code(adjective_lemma: str) -> str | None:
    """ISO code for a country adjective in dictionary form ("північнокорейський" -> "KP")."""
    return DEMONYMS.get(key(adjective_lemma))


PLACE_LIKE = ("PERS", "ORG", "LOC", "MISC")


def _inside_longer_name(tokens, i: int) -> bool:
    """A capitalised adjective before the name makes a longer place name ("Північної Ірландії")."""
    if i == 0 or not tokens[i - 1].norm[:1].isupper():
        return False
    return bool(tokens[i - 1].parse) and tokens[i - 1].parse.tag.POS == "ADJF"  # labels the tagger gives country names


def _a_word_at_the_start(tokens, i: int) -> bool:
    """"Того ж вечора": at a sentence's start, where a capital says nothing, a one-word country name
    the dictionary also reads as a pronoun, verb or adjective (Того, Малі, Перу) is taken for that."""
    from extractor.morphology.analyzer import parses

    word = tokens[i].norm
    return i == 0 and word.istitle() and any(p.is_known and p.tag.POS not in ("NOUN", None)
                                             for p in parses(word.lower()))


def _country_reading(word: str) -> tuple[str, str | None]:
    """(name, code) of the first dictionary reading of ``word`` whose dictionary form is a country
    ("Кубу": куб or Куба; the lemma model, reading the common noun, said "Куб")."""
    from extractor.morphology.analyzer import parses

    for reading in parses(word.lower()):
        code = country_code(reading.normal_form)
        if code and reading.tag.POS == "NOUN":
            return reading.normal_form.capitalize(), code
    return word, None


def _country_at_the_end(tokens) -> str | None:
    """The country a job or an organisation ends in, as NER-UK tags them whole ("Президента України",
    "Верховного суду США", "Міністерство охорони здоров'я Латвії"): the mention keeps its label and gets
    the country's code."""
    from extractor.normalize import normalize_entity

    for start in range(max(1, len(tokens) - 3), len(tokens)):  # the longest name first
        if tokens[start].norm[:1].isupper():
            code = country_code(normalize_entity(tokens[start:], "LOC"))
            if code:
                return code
    return None


def _oblique_country_first(document, entity) -> int:
    """How many words of a longer place-like mention are a country's name in an oblique case, followed by
    another name: the tagger glued two names into one ("анексію Росією Криму" read as one place). A name
    starts with its head in the nominative, so a country in another case opens no longer name. 0: none."""
    from extractor.normalize import normalize_entity

    tokens = document.sentences[entity.sentence_id].tokens[entity.token_start:entity.token_end]
    head = tokens[0].parse
    if head is None or head.tag.case in (None, "nomn"):
        return 0
    for width in range(min(3, len(tokens) - 1), 0, -1):
        if tokens[width].norm[:1].isupper() and country_code(normalize_entity(tokens[:width], "LOC")):
            return width
    return 0


def _split_glued_countries(document) -> None:
    from extractor.document import new_mention, set_tokens

    for entity in list(document.entities):
        width = _oblique_country_first(document, entity) if entity.label in PLACE_LIKE else 0
        if width:
            document.entities.append(new_mention(document, entity.sentence_id, entity.token_start,
                                                 entity.token_start + width, "LOC", source=entity.source))
            set_tokens(document, entity, entity.token_start + width, entity.token_end)


def tag_countries(document) -> None:
    """Pipeline component: give country mentions their ISO code and the label LOC,
    and add the country names the tagger missed ("КНДР", "РФ") as LOC mentions.
    Runs before normalization, and gives place mentions their lemma on the way."""
    from extractor.document import Entity
    from extractor.normalize import normalize_entity

    _split_glued_countries(document)
    for entity in document.entities:
        tokens = document.sentences[entity.sentence_id].tokens[entity.token_start:entity.token_end]
        if entity.label == "JOB":
            entity.country_code = _country_at_the_end(tokens)
            continue
        if entity.label not in PLACE_LIKE:
            entity.country_code = country_code(entity.text)
            continue
        as_place = normalize_entity(tokens, "LOC")
        entity.country_code = country_code(as_place) or country_code(entity.text)
        if not entity.country_code and entity.label == "ORG" and len(tokens) > 1:
            entity.country_code = _country_at_the_end(tokens)  # "Сенатом США": a body of the country
        elif entity.country_code:
            # a whole mention that is a country name is a place, whatever the tagger
            # said ("КНДР" as ORG, "Франція" as PERS): users count countries as places
            entity.label = "LOC"
        if entity.label == "LOC":  # its lemma, which the normalize step would compute the same way
            entity.lemma = as_place
    covered = {(e.sentence_id, i): e for e in document.entities for i in range(e.token_start, e.token_end)}
    for sentence in document.sentences:
        tokens = sentence.tokens
        i = 0
        while i < len(tokens):
            found = None
            if tokens[i].norm[:1].isupper():
                for width in (3, 2, 1):  # longest name first: "Північної Кореї" before "Кореї"
                    span = tokens[i:i + width]
                    # a country name of several words replaces shorter mentions inside it
                    # (PERS "Сполученим" + "Штатам"), never one that reaches outside it
                    inside = {id(e): e for k in range(width) if (e := covered.get((sentence.index, i + k)))}
                    if len(span) < width or (inside and width == 1) or any(
                            e.token_start < i or e.token_end > i + width or e.token_end - e.token_start == width
                            for e in inside.values()):
                        continue
                    lemma = normalize_entity(span, "LOC")
                    code = country_code(lemma) or country_code(document.text[span[0].start:span[-1].end])
                    if not code and width == 1:  # "Кубу", "Чаду": a capitalized word that one reading says is a country
                        lemma, code = _country_reading(span[0].norm)
                    if code and (_inside_longer_name(tokens, i) or (width == 1 and _a_word_at_the_start(tokens, i))):
                        break  # "Північної Ірландії" is not Ireland
                    if code:
                        found = (width, lemma, code, inside)
                        break
            if found:
                width, lemma, code, inside = found
                document.entities = [e for e in document.entities if id(e) not in inside]
                start, end = tokens[i].start, tokens[i + width - 1].end
                document.entities.append(Entity(start, end, document.text[start:end], "LOC", sentence.index,
                                                i, i + width, lemma=lemma, country_code=code,
                                                source="gazetteer"))
                i += width
            else:
                i += 1
    document.entities.sort(key=lambda e: (e.start, e.end))
