"""Names of places, organisations, jobs and the rest: the head noun and the adjectives before it go to
the nominative; what follows the head is a dependent and stays as written."""
from __future__ import annotations

from extractor.document import Token
from extractor.morphology.analyzer import (company_name_form, is_known, is_name, names_a_person_as_a_noun, parses,
                                           readings_agree)
from extractor.normalize.forms import AGREEING_POS, CLOSING_QUOTES, OPENING_QUOTES, is_word, match_case, nominative_of, prefer, shared, singular_first


def _head_index(tokens: list[Token], inside_quotes: list[bool]) -> int | None:
    for i, token in enumerate(tokens):
        if inside_quotes[i] or not is_word(token):
            continue
        options = parses(token.norm.lower())
        followed_by_word = i + 1 < len(tokens) and is_word(tokens[i + 1]) and not inside_quotes[i + 1]
        # the parse chosen in context knows "Рада" is a noun here, not the short adjective
        chosen_pos = token.parse.tag.POS if token.parse is not None else None
        if chosen_pos == "NOUN":
            return i
        if chosen_pos in AGREEING_POS and followed_by_word:
            continue
        can_modify = any(p.tag.POS in AGREEING_POS for p in options)
        if can_modify and followed_by_word:
            continue  # "Нову Зеландію": an adjective before a word agrees with it
        if any(p.tag.POS == "NOUN" for p in options):
            return i
        if not can_modify:
            return None  # a verb, preposition, ... before any noun: not a noun phrase
    return None


def quote_mask(tokens: list[Token]) -> list[bool]:
    mask, depth = [], 0
    for token in tokens:
        if token.norm in CLOSING_QUOTES and depth and token.norm != '"':
            depth -= 1
            mask.append(True)
            continue
        if token.norm == '"':
            depth = 0 if depth else 1
            mask.append(True)
            continue
        if token.norm in OPENING_QUOTES:
            depth += 1
        mask.append(depth > 0 or token.norm in OPENING_QUOTES)
    return mask


def phrase_forms(tokens: list[Token], singular: bool = False) -> list[str]:
    forms = [t.norm for t in tokens]
    head = _head_index(tokens, quote_mask(tokens))
    if head is None:
        return forms
    head_options = [p for p in parses(tokens[head].norm.lower()) if p.tag.POS == "NOUN"]
    if singular:  # a job is held by a person: "Прем'єр" is прем'єр, not the genitive plural of "прем'єра"
        head_options = [p for p in head_options if "anim" in p.tag.grammemes] or head_options
    if not is_known(tokens[head].norm):
        # unknown words do not decline, but a company's compound name does ("Роснафти" -> Роснафта)
        company = company_name_form(tokens[head].norm.lower())
        if company:
            forms[head] = match_case(company, tokens[head].norm)
        return forms
    modifiers = [[p for p in parses(t.norm.lower()) if p.tag.POS in AGREEING_POS] for t in tokens[:head]]
    if modifiers and modifiers[0] and not readings_agree(modifiers[0], head_options) \
            and names_a_person_as_a_noun(tokens[0].norm):
        # "Слідчий поліції", "Уповноважена Верховної Ради": an adjective the dictionary also knows as
        # a noun for a person (the investigator, the commissioner) that cannot agree with the noun after
        # it heads the phrase
        return _adjective_as_noun(forms, tokens[0], modifiers[0], singular)
    fixed = [p for p in head_options if "Fixd" in p.tag.grammemes]
    if len(fixed) < len(head_options) and tokens[head].norm.islower():
        fixed = []  # "порту" in lower case is порт; the indeclinable one is the name Порту (as Перу)
    if fixed:
        # an abbreviation does not decline, but the adjectives before it agree with its gender:
        # "Чорнобильської АЕС" -> "Чорнобильська АЕС"
        case = shared([m for m in modifiers if m], lambda p: p.tag.case)
        return _agreeing(forms, tokens, modifiers, case, {fixed[0].tag.gender} - {None}) if case else forms
    # a place or organisation is no first name ("Києві" is Київ, not Кий), and the
    # lemma chosen in context beats a homonym ("Києві" is not the dative of "кий")
    common = [p for p in head_options if not is_name(p)] or head_options
    # a head that agrees with its adjectives beats the lemma chosen for the word alone:
    # "Київської Русі" is Русь (femn), not the locative of рух
    agreeing = [p for p in common if any(m.tag.gender == p.tag.gender and m.tag.case == p.tag.case
                                         for options in modifiers for m in options)]
    in_context = [p for p in (agreeing or common) if p.normal_form == tokens[head].lemma.lower()]
    common = singular_first(in_context or agreeing or common)
    case = shared([common] + [m for m in modifiers if m], lambda p: p.tag.case)
    chosen = prefer(common, case=case)
    if singular and chosen.tag.number == "plur":
        # the dictionary cannot inflect a plural to the singular, but its lemma is
        # the nominative singular, whose parse carries the gender modifiers agree with
        chosen = next((p for p in parses(chosen.normal_form) if p.tag.POS == "NOUN" and p.tag.number != "plur"
                       and p.normal_form == chosen.normal_form and p.tag.gender), chosen)
    nominative = nominative_of(chosen)
    if not nominative:
        return forms
    forms[head] = match_case(nominative, tokens[head].norm)
    agreement = {"plur"} if chosen.tag.number == "plur" else {chosen.tag.gender} - {None}
    return _agreeing(forms, tokens, modifiers, case, agreement)


def _adjective_as_noun(forms: list[str], token: Token, options: list, singular: bool) -> list[str]:
    """``forms`` with the first word, an adjective used as a noun, in the nominative (singular for a job);
    what follows it depends on it and stays as written."""
    chosen = token.parse if token.parse is not None and token.parse.tag.POS in AGREEING_POS else options[0]
    number = {chosen.tag.gender or "masc"} if singular or chosen.tag.number != "plur" else {"plur"}
    inflected = chosen.inflect({"nomn"} | number)
    if inflected:
        forms[0] = match_case(inflected.word, token.norm)
    return forms


def _agreeing(forms: list[str], tokens: list[Token], modifiers: list[list], case: str | None,
              agreement: set[str]) -> list[str]:
    """``forms`` with the modifiers before the head in the nominative, agreeing with it."""
    for i, options in enumerate(modifiers):
        if options:
            modifier = prefer(options, case=case)
            inflected = modifier.inflect({"nomn"} | agreement)
            if inflected:
                forms[i] = match_case(inflected.word, tokens[i].norm)
    return forms


def town_reading(token: Token) -> str | None:
    """A one-word place's town reading, where the lemma chosen in context is no town: "у Газі" is Газа,
    not газ; None when the context lemma is a town already or no reading is one."""
    from extractor.ner.constraints import town_names

    towns = town_names()
    readings = [p for p in parses(token.norm.lower()) if p.is_known and p.tag.POS == "NOUN" and p.normal_form in towns]
    if not readings or token.lemma.lower() in towns:
        return None
    nominative = nominative_of(readings[0])
    return match_case(nominative, token.norm) if nominative else None
