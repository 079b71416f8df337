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
- Dates, times, money, percentages and quantities are kept as written.
- Jobs, dates and amounts at the start of a sentence lose the capital the
  sentence gave them ("Режисер фільму ..." -> "режисер"), unless the word is a name.
"""
from __future__ import annotations

from extractor.document import Token
from extractor.morphology.analyzer import (CASE_ENDINGS, company_name_form, is_known, is_name,
    names_a_person_as_a_noun, parses)
from extractor.text import has_latin, same_apostrophe

# titles of works and documents (ART, DOC) keep their written form: "Нові герої" is a title, not a phrase
INFLECTED_LABELS = {"PERS", "ORG", "LOC", "JOB", "MISC"}
# labels whose mentions are common words, capitalized only by the sentence start
COMMON_NOUN_LABELS = {"JOB", "DATE", "TIME", "PERIOD", "MON", "PCT", "QUANT"}
# "фон дер Ляєн", "ван Гог", "да Вінчі": what follows such a particle is a foreign name, kept as written
NAME_PARTICLES = {"фон", "дер", "ван", "де", "ді", "да", "дель", "делла", "ла", "ле", "дю", "аль", "ібн", "бін"}
INDECLINABLE_ENDINGS = ("о", "е", "є", "і", "ї")
# endings of declined Ukrainian surnames: "Макронові", "Шмігельського", "Кобилянській"
DECLINED_ENDINGS = ("ові", "еві", "єві", "ого", "ому", "ої", "ій", "ії", "їй")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")
AGREEING_POS = {"ADJF", "PRTF", "NUMR"}
OPENING_QUOTES, CLOSING_QUOTES = "«„“\"", "»”\""


def join_tokens(tokens: list[Token], forms: list[str]) -> str:
    """Join ``forms`` (one per token) with the spacing the tokens had in the text."""
    out = []
    for i, (token, form) in enumerate(zip(tokens, forms)):
        if i and tokens[i - 1].end < token.start:
            out.append(" ")
        out.append(form)
    return "".join(out)


def match_case(form: str, original: str) -> str:
    """Give ``form`` the capitalization pattern of ``original``, part by part for hyphenated words."""
    if len(original) > 1 and original.isupper():
        return form.upper()
    if "-" not in form + original and any(c.isupper() for c in original[1:]):  # "ПриватБанку": a capital inside stays
        common = next((i for i, (a, b) in enumerate(zip(form.lower(), original.lower())) if a != b),
                      min(len(form), len(original)))
        return original[:common] + form[common:]
    form_parts, original_parts = form.split("-"), original.split("-")
    if len(form_parts) != len(original_parts):
        return form[:1].upper() + form[1:] if original[:1].isupper() else form
    return "-".join(f[:1].upper() + f[1:] if o[:1].isupper() else f for f, o in zip(form_parts, original_parts))


def _is_word(token: Token) -> bool:
    return any(c.isalpha() for c in token.norm) and not has_latin(token.norm)


def _nominative(parse, extra: set[str] = frozenset()) -> str | None:
    # pymorphy3-dicts-uk leaves the case off some nominative singulars ("директор":
    # NOUN,anim masc), so a parse with no case is taken as already nominative
    if parse.tag.case in ("nomn", None) and not extra - set(parse.tag.grammemes):
        return parse.word
    inflected = parse.inflect({"nomn"} | extra) or parse.inflect({"nomn"})
    if inflected is None:
        return None
    if inflected.tag.number == "plur" and parse.tag.number != "plur":
        # the singular nominative is the one without a case tag: the lemma itself
        return parse.normal_form if parse.tag.POS == "NOUN" else None
    return inflected.word


def _keeps_its_form(tokens: list[Token], i: int) -> bool:
    """Foreign name parts that do not decline: after a particle ("Урсулою фон дер Ляєн"), and
    words the dictionary knows as no name that end in a vowel Ukrainian declension never leaves
    on a consonant stem ("Сандро Ґоці", "Пет Тумі"; "Макронові" and "Шмігельського" are declined)."""
    if any(t.norm in NAME_PARTICLES for t in tokens[:i]):
        return True
    word = tokens[i].norm.lower()
    not_a_name = not is_known(word) or not any(is_name(p) for p in parses(word))  # "Тумі" is no form of "тума"
    return not_a_name and word.endswith(INDECLINABLE_ENDINGS) and not word.endswith(DECLINED_ENDINGS)


def _person_forms(tokens: list[Token]) -> list[str]:
    candidates = []
    for token in tokens:
        options = [p for p in parses(token.norm.lower()) if p.tag.POS in ("NOUN", "ADJF")] \
            if _is_word(token) and len(token.norm) > 1 else []
        # one person is singular: "Кір" is the name Кір, not the genitive plural of "Кіра"
        options = _singular_first(options)
        # the guesser's "first name" for a word it does not know means nothing: "Сантера" is Сантер's genitive
        named = [p for p in options if is_name(p)] if is_known(token.norm) else []
        # a first name leads: "конгресмена Майка Помпео" is Майк's genitive, not a surname Майка
        # (news calls no one in the vocative: "Романо" is not Романа's)
        first_names = [p for p in named if "Name" in p.tag.grammemes and p.tag.case != "voct"]
        if token is not tokens[-1] and first_names:
            named = first_names
        nouns = [p for p in options if p.tag.POS == "NOUN"]
        candidates.append(named or [p for p in nouns if "anim" in p.tag.grammemes] or nouns or options)
    # the reading chosen in context goes first: "заява Павла Клімкіна" is Павло Клімкін's, in the
    # genitive, though "Павла Клімкіна" also reads as a woman's name in the nominative
    # an indeclinable word's case says nothing ("Помпео" reads as every case)
    in_context = [(t.parse.tag.case, t.parse.tag.gender) for t in tokens
                  if t.parse is not None and is_name(t.parse) and "Fixd" not in t.parse.tag.grammemes]
    shared_case, shared_gender = _shared_case_and_gender(candidates, in_context[:1])
    # a first name the dictionary knows fixes the case, and a surname it does not know follows
    # it: "Віктора Вакараша" -> "Віктор Вакараш", "Романа Шмігельського" -> "Роман Шмігельський"
    case_from_name = shared_case not in (None, "nomn") and any(
        is_known(t.norm) and any("Name" in p.tag.grammemes for p in options) for t, options in zip(tokens, candidates))
    forms, quoted = [], _quote_mask(tokens)
    for i, (token, options) in enumerate(zip(tokens, candidates)):
        if _keeps_its_form(tokens, i) or quoted[i]:  # a nickname: "Дмитро «Бобін» Александров"
            forms.append(token.norm)
            continue
        if options and not is_known(token.norm) and case_from_name:
            agreeing = [p for p in options if p.tag.case == shared_case and p.tag.gender in (shared_gender, None)]
            nominative = _nominative(agreeing[0]) if agreeing else None
            forms.append(match_case(nominative, token.norm) if nominative else token.norm)
            continue
        if not options or not is_known(token.norm):
            forms.append(token.norm)
            continue
        chosen = _prefer(options, token.parse, case=shared_case, gender=shared_gender)
        nominative = _nominative(chosen, {shared_gender} if shared_gender and chosen.tag.number != "plur" else set())
        forms.append(match_case(nominative, token.norm) if nominative else token.norm)
    return forms


def _shared(candidates: list[list], attribute) -> str | None:
    """The value of ``attribute`` possible for every token that has parses (the commonest if several)."""
    sets = [{attribute(p) for p in options} - {None} for options in candidates if options]
    if not sets:
        return None
    common = set.intersection(*sets)
    for value in ("nomn", *CASES, "masc", "femn", "neut"):
        if value in common:
            return value
    return None


def _singular_first(options: list) -> list:
    """Names are singular unless they exist only in the plural ("Сполучені Штати"):
    "Ради" is the genitive of "Рада", not the plural of it."""
    singular = [p for p in options if p.tag.number != "plur"]
    return singular or options


def _shared_case_and_gender(candidates: list[list], preferred: list[tuple] = ()) -> tuple[str | None, str | None]:
    """The case and gender that all name parts can have together ("Юлії Тимошенко": femn gent,
    not the masc loct that "Юлії" alone could be), the ``preferred`` pair first when they can."""
    with_parses = [options for options in candidates if options]
    for case, gender in [*preferred, *((c, g) for c in CASES for g in ("masc", "femn", "neut"))]:
        if all(any(p.tag.case in (case, None) and p.tag.gender in (gender, None) for p in options)
               for options in with_parses):
            return case, gender
    return _shared(candidates, lambda p: p.tag.case), _shared(candidates, lambda p: p.tag.gender)


def _prefer(options: list, in_context=None, **wanted):
    """The option with the most ``wanted`` tag values; on a tie, the reading chosen in context."""
    def score(parse):
        matches = sum(getattr(parse.tag, key) == value for key, value in wanted.items() if value)
        return matches, in_context is not None and (parse.normal_form, parse.tag) == (in_context.normal_form, in_context.tag)
    return max(options, key=score)


def _head_index(tokens: list[Token], inside_quotes: list[bool]) -> int | None:
    for i, token in enumerate(tokens):
        if inside_quotes[i] or not _is_word(token):
            continue
        options = parses(token.norm.lower())
        followed_by_word = i + 1 < len(tokens) and _is_word(tokens[i + 1]) and not inside_quotes[i + 1]
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


def _quote_mask(tokens: list[Token]) -> list[bool]:
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


def _phrase_forms(tokens: list[Token], singular: bool = False) -> list[str]:
    forms = [t.norm for t in tokens]
    head = _head_index(tokens, _quote_mask(tokens))
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
    if modifiers and modifiers[0] and not _can_agree(modifiers[0], head_options) \
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
        case = _shared([m for m in modifiers if m], lambda p: p.tag.case)
        return _agreeing(forms, tokens, modifiers, case, {fixed[0].tag.gender} - {None}) if case else forms
    # a place or organisation is no first name ("Києві" is Київ, not Кий), and the
    # lemma chosen in context beats a homonym ("Києві" is not the dative of "кий")
    common = [p for p in head_options if not is_name(p)] or head_options
    # a head that agrees with its adjectives beats the lemma chosen for the word alone:
    # "Київської Русі" is Русь (femn), not the locative of рух
    agreeing = [p for p in common if any(m.tag.gender == p.tag.gender and m.tag.case == p.tag.case
                                         for options in modifiers for m in options)]
    in_context = [p for p in (agreeing or common) if p.normal_form == tokens[head].lemma.lower()]
    common = _singular_first(in_context or agreeing or common)
    case = _shared([common] + [m for m in modifiers if m], lambda p: p.tag.case)
    chosen = _prefer(common, case=case)
    if singular and chosen.tag.number == "plur":
        # the dictionary cannot inflect a plural to the singular, but its lemma is
        # the nominative singular, whose parse carries the gender modifiers agree with
        chosen = next((p for p in parses(chosen.normal_form) if p.tag.POS == "NOUN" and p.tag.number != "plur"
                       and p.normal_form == chosen.normal_form and p.tag.gender), chosen)
    nominative = _nominative(chosen)
    if not nominative:
        return forms
    forms[head] = match_case(nominative, tokens[head].norm)
    agreement = {"plur"} if chosen.tag.number == "plur" else {chosen.tag.gender} - {None}
    return _agreeing(forms, tokens, modifiers, case, agreement)


def _can_agree(modifier_options: list, noun_options: list) -> bool:
    """Whether some reading of a modifier agrees in case and gender (or plural) with some reading of a noun."""
    def agree(m, n) -> bool:
        if n.tag.number == "plur" or m.tag.number == "plur":
            return m.tag.number == n.tag.number
        return m.tag.gender == n.tag.gender or n.tag.gender is None

    return any(m.tag.case == n.tag.case and agree(m, n) for m in modifier_options for n in noun_options)


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
            modifier = _prefer(options, case=case)
            inflected = modifier.inflect({"nomn"} | agreement)
            if inflected:
                forms[i] = match_case(inflected.word, tokens[i].norm)
    return forms


def _town_reading(token: Token) -> str | None:
    """A one-word place's town reading, where the lemma chosen in context is no town: "у Газі" is Газа,
    not газ; None when the context lemma is a town already or no reading is one."""
    from extractor.ner.constraints import town_names

    towns = town_names()
    readings = [p for p in parses(token.norm.lower()) if p.is_known and p.tag.POS == "NOUN" and p.normal_form in towns]
    if not readings or token.lemma.lower() in towns:
        return None
    nominative = _nominative(readings[0])
    return match_case(nominative, token.norm) if nominative else None


def normalize_entity(tokens: list[Token], label: str) -> str:
    """Dictionary form of the mention made of ``tokens`` with the given label."""
    if label not in INFLECTED_LABELS:
        return join_tokens(tokens, [t.norm for t in tokens])
    if label == "LOC" and len(tokens) == 1 and tokens[0].norm[:1].isupper():
        town = _town_reading(tokens[0])
        if town:
            return town
    # a job is a role, so "міністри" and "міністра" are both the job "міністр"
    forms = _person_forms(tokens) if label == "PERS" else _phrase_forms(tokens, singular=label == "JOB")
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
                and _a_woman_in_the_nominative(tokens, sentence[entity.token_end]):
            entity.lemma = same_apostrophe(join_tokens(tokens, [t.norm for t in tokens]), entity.text)
        if entity.token_start == 0 and entity.label in COMMON_NOUN_LABELS:
            entity.lemma = _sentence_case_lowered(entity.lemma, tokens[0])
    _people_agree_within_document(document)


def _a_woman_in_the_nominative(tokens: list[Token], after: Token) -> bool:
    """"Джорджа Мелоні зустрілася", "Роберта Мецола відвідала": a woman's first name that also reads
    as a man's genitive ("Джорджа" of Джордж), before a surname that does not show its case, is a woman
    in the nominative when a verb in the feminine past follows."""
    verb = after.parse
    if len(tokens) < 2 or verb is None or after.pos != "VERB" or verb.tag.tense != "past" or verb.tag.gender != "femn":
        return False
    first = [p for p in parses(tokens[0].norm.lower()) if "Name" in p.tag.grammemes]
    if not any(p.tag.gender == "masc" and p.tag.case == "gent" for p in first):
        return False
    surname = [p for p in parses(tokens[-1].norm.lower()) if p.tag.POS == "NOUN"]
    a_womans_name = any(p.tag.gender == "femn" and p.tag.case == "nomn" for p in first)
    shows_no_case = _keeps_its_form(tokens, len(tokens) - 1) or (
        bool(surname) and all("Fixd" in p.tag.grammemes for p in surname))
    return shows_no_case or (a_womans_name and not is_known(tokens[-1].norm))


# endings a Ukrainian text gives a foreign name with a consonant stem: "Стармера", "Шольцом", "Макронові"
FOREIGN_NAME_ENDINGS = CASE_ENDINGS + ("ем", "еві", "я", "ю")


def _declines_to(form: str, lemma: str) -> bool:
    """Whether ``form`` is ``lemma``, or ``lemma`` with a case ending added ("Кіра" of "Кір")."""
    return form == lemma or (form.startswith(lemma) and form[len(lemma):] in FOREIGN_NAME_ENDINGS)


def _people_agree_within_document(document) -> None:
    """A person's mention left as written because the dictionary lacks the name ("Кіра Стармера":
    also a woman's name) takes the form of a mention of the same person the document has in the
    nominative ("Кір Стармер", or "Стармер" for "Стармера" alone) when it is that name with case
    endings added, word by word; any other takes it when the dictionary reads it as that name."""
    named = {e.lemma for e in document.entities if e.label == "PERS" and e.lemma == e.text}
    named |= {lemma.split()[-1] for lemma in named}  # "Стармера" alone is Стармер too
    for entity in document.entities:
        if entity.label != "PERS" or (entity.lemma in named and entity.lemma != entity.text):
            continue
        # a name left as written declines to the nominative one; another one can read as it ("Джамалі":
        # Джамаль or Джамала, and the document has "Джамала")
        fits = _declines_to if entity.lemma == entity.text else _reads_as
        words = entity.text.split()
        for lemma in sorted(named - {entity.lemma}):  # sorted: the same choice in every process
            if len(lemma.split()) == len(words) and all(map(fits, words, lemma.split())):
                entity.lemma = lemma
                break


def _reads_as(form: str, lemma: str) -> bool:
    """Whether the dictionary reads ``form`` as a form of ``lemma``."""
    return any(p.normal_form == lemma.lower() for p in parses(form.lower()))
