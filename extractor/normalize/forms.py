"""What every kind of mention's dictionary form is made with: the shared word lists, a word's
nominative, capitalization as written, and the choice among a word's readings."""
from __future__ import annotations

from extractor.document import Token
from extractor.lexicon import words
from extractor.text import has_latin


# titles of works and documents (ART, DOC) keep their written form: "Нові герої" is a title, not a phrase
INFLECTED_LABELS = {"PERS", "ORG", "LOC", "JOB", "MISC"}
# labels whose mentions are common words, capitalized only by the sentence start
COMMON_NOUN_LABELS = {"JOB", "DATE", "TIME", "PERIOD", "MON", "PCT", "QUANT"}
NAME_PARTICLES = words("name_particles")
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


def is_word(token: Token) -> bool:
    return any(c.isalpha() for c in token.norm) and not has_latin(token.norm)


def nominative_of(parse, extra: set[str] = frozenset()) -> str | None:
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


def shared(candidates: list[list], attribute) -> str | None:
    """The value of ``attribute`` possible for every token that has parses (the commonest if several)."""
    sets = [{attribute(p) for p in options} - {None} for options in candidates if options]
    if not sets:
        return None
    common = set.intersection(*sets)
    for value in ("nomn", *CASES, "masc", "femn", "neut"):
        if value in common:
            return value
    return None


def singular_first(options: list) -> list:
    """Names are singular unless they exist only in the plural ("Сполучені Штати"):
    "Ради" is the genitive of "Рада", not the plural of it."""
    singular = [p for p in options if p.tag.number != "plur"]
    return singular or options


def shared_case_and_gender(candidates: list[list], preferred: list[tuple] = ()) -> tuple[str | None, str | None]:
    """The case and gender that all name parts can have together ("Юлії Тимошенко": femn gent,
    not the masc loct that "Юлії" alone could be), the ``preferred`` pair first when they can."""
    with_parses = [options for options in candidates if options]
    for case, gender in [*preferred, *((c, g) for c in CASES for g in ("masc", "femn", "neut"))]:
        if all(any(p.tag.case in (case, None) and p.tag.gender in (gender, None) for p in options)
               for options in with_parses):
            return case, gender
    return shared(candidates, lambda p: p.tag.case), shared(candidates, lambda p: p.tag.gender)


def prefer(options: list, in_context=None, **wanted):
    """The option with the most ``wanted`` tag values; on a tie, the reading chosen in context."""
    def score(parse):
        matches = sum(getattr(parse.tag, key) == value for key, value in wanted.items() if value)
        return matches, in_context is not None and (parse.normal_form, parse.tag) == (in_context.normal_form, in_context.tag)
    return max(options, key=score)
