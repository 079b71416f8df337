"""People's names in the nominative: every name part on its own, keeping the gender they agree on;
foreign names that do not decline keep their form."""
from __future__ import annotations

from extractor.document import Token
from extractor.morphology.analyzer import CASE_ENDINGS, is_known, is_name, parses
from extractor.normalize.forms import DECLINED_ENDINGS, INDECLINABLE_ENDINGS, NAME_PARTICLES, is_word, match_case, nominative_of, prefer, shared_case_and_gender, singular_first
from extractor.normalize.phrases import quote_mask


def _keeps_its_form(tokens: list[Token], i: int) -> bool:
    """Foreign name parts that do not decline: after a particle ("Урсулою фон дер Ляєн"), and
    words the dictionary knows as no name that end in a vowel Ukrainian declension never leaves
    on a consonant stem ("Сандро Ґоці", "Пет Тумі"; "Макронові" and "Шмігельського" are declined)."""
    if any(t.norm in NAME_PARTICLES for t in tokens[:i]):
        return True
    word = tokens[i].norm.lower()
    not_a_name = not is_known(word) or not any(is_name(p) for p in parses(word))  # "Тумі" is no form of "тума"
    return not_a_name and word.endswith(INDECLINABLE_ENDINGS) and not word.endswith(DECLINED_ENDINGS)


def person_forms(tokens: list[Token]) -> list[str]:
    candidates = []
    for token in tokens:
        options = [p for p in parses(token.norm.lower()) if p.tag.POS in ("NOUN", "ADJF")] \
            if is_word(token) and len(token.norm) > 1 else []
        # one person is singular: "Кір" is the name Кір, not the genitive plural of "Кіра"
        options = singular_first(options)
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
    shared_case, shared_gender = shared_case_and_gender(candidates, in_context[:1])
    # a first name the dictionary knows fixes the case, and a surname it does not know follows
    # it: "Віктора Вакараша" -> "Віктор Вакараш", "Романа Шмігельського" -> "Роман Шмігельський"
    case_from_name = shared_case not in (None, "nomn") and any(
        is_known(t.norm) and any("Name" in p.tag.grammemes for p in options) for t, options in zip(tokens, candidates))
    forms, quoted = [], quote_mask(tokens)
    for i, (token, options) in enumerate(zip(tokens, candidates)):
        if _keeps_its_form(tokens, i) or quoted[i]:  # a nickname: "Дмитро «Бобін» Александров"
            forms.append(token.norm)
            continue
        if options and not is_known(token.norm) and case_from_name:
            agreeing = [p for p in options if p.tag.case == shared_case and p.tag.gender in (shared_gender, None)]
            nominative = nominative_of(agreeing[0]) if agreeing else None
            forms.append(match_case(nominative, token.norm) if nominative else token.norm)
            continue
        if not options or not is_known(token.norm):
            forms.append(token.norm)
            continue
        chosen = prefer(options, token.parse, case=shared_case, gender=shared_gender)
        nominative = nominative_of(chosen, {shared_gender} if shared_gender and chosen.tag.number != "plur" else set())
        forms.append(match_case(nominative, token.norm) if nominative else token.norm)
    return forms


def a_woman_in_the_nominative(tokens: list[Token], after: Token) -> bool:
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


def declines_to(form: str, lemma: str) -> bool:
    """Whether ``form`` is ``lemma``, or ``lemma`` with a case ending added ("Кіра" of "Кір")."""
    return form == lemma or (form.startswith(lemma) and form[len(lemma):] in FOREIGN_NAME_ENDINGS)


def people_agree_within_document(document) -> None:
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
        fits = declines_to if entity.lemma == entity.text else reads_as
        words = entity.text.split()
        for lemma in sorted(named - {entity.lemma}):  # sorted: the same choice in every process
            if len(lemma.split()) == len(words) and all(map(fits, words, lemma.split())):
                entity.lemma = lemma
                break


def reads_as(form: str, lemma: str) -> bool:
    """Whether the dictionary reads ``form`` as a form of ``lemma``."""
    return any(p.normal_form == lemma.lower() for p in parses(form.lower()))
