"""Find quantities in a sentence: a number, its scale, its unit and the country it belongs to.

"3 тис. північнокорейських військових" -> value 3000, unit "військових" (lemma
"військовий"), country KP. Numbers may be digits, words or vague counts
("кілька тисяч" -> 2000..9000), with hedges ("понад", "близько",
"щонайменше") and ranges ("10-12 тис."). When the unit noun is left out
("зросте до 12 тис."), the unit and country of the previous quantity in the
document carry over. A troop count with no country of its own takes the
country that is the sentence's subject ("КНДР може відправити 12 тисяч
військових" -> KP). Numbers inside dates, times and names are not quantities.
"""
from __future__ import annotations

import re

from extractor.document import Entity, Quantity, Sentence, Token
from extractor.lexicon import table, words
from extractor.morphology.analyzer import parses
from extractor.rules import numbers
from extractor.rules.countries import country_code, demonym_code
from extractor.rules.date_kinds import CLOCK, MONTHS, YEAR
from extractor.rules.numbers import apply_hedge, join_range, pos_set, read_number
from extractor.rules.values_agree import values_agree

CURRENCIES = table("currencies")
MEASURES = table("measures")
# an adjective whose noun is left out names beings only in counts beings can have ("3 тис. військових"):
# "1 трлн старих" counts money, and its unit is not "старий"
MOST_BEINGS = 1e10
CURRENCY_CODES = table("currency_codes")
SUBUNITS = table("currency_subunits", str.split)
NOT_UNITS = set(MONTHS) | {"рік", "р", "рр", "місяць", "день", "число", "година", "хвилина", "тиждень", "століття", "ст"}
COUNTED_LABELS = {"MON", "QUANT", "PCT"}
NOUN_LIKE = {"NOUN"}
MODIFIER_POS = {"ADJF", "PRTF", "NUMR"}
FUNCTION_POS = {"PREP", "CONJ", "PRCL", "NPRO", "INTJ"}
NUMBER_SIGNS = {"№", "#"}
COORDINATORS = words("and") | {"або", "чи"}
TROOP_UNITS = words("troop_units")


def _money_or_measure(token: Token) -> bool:
    """A currency (word, sign, abbreviation) or an abbreviated measure: a unit whatever its form."""
    return token.lemma.lower() in CURRENCIES or token.norm in CURRENCIES or token.norm.lower() in MEASURES


def _read_unit(tokens: list[Token], j: int) -> tuple[int | None, int, str | None]:
    """(head index, end of the unit phrase, country code) of the unit after token j."""
    if j < len(tokens) and _money_or_measure(tokens[j]):
        return j, j + 1, None
    country = None
    k = j
    while k < len(tokens) and k < j + 6:
        pos = pos_set(tokens[k])
        if k > j and tokens[k].norm.lower() in COORDINATORS:
            k += 1  # "116 фізичних та юридичних осіб": coordinated adjectives share the noun
            continue
        if not any(c.isalpha() for c in tokens[k].norm) or pos & FUNCTION_POS:
            break  # "від 200 до 500": a preposition is never the unit
        code = demonym_code(tokens[k].lemma)
        if code:
            country = code
        if pos & NOUN_LIKE:
            return k, k + 1, country
        if not pos & MODIFIER_POS:
            break
        k += 1
    while k > j and tokens[k - 1].norm.lower() in COORDINATORS:
        k -= 1  # "5 поранених і": the conjunction is not part of the unit
    if k > j:  # only adjectives: the last one is used as a noun ("3 тис. військових")
        return k - 1, k, country
    return None, j, None


def _country_after(tokens: list[Token], k: int, entities: list[Entity]) -> str | None:
    """Country named right after the unit: "військових КНДР", "армії Росії" (``entities``: the sentence's)."""
    for entity in entities:
        if entity.token_start == k and entity.country_code:
            return entity.country_code
    if k < len(tokens):
        return country_code(tokens[k].lemma) or country_code(tokens[k].norm)
    return None


def _country_of_subject(tokens: list[Token], entities: list[Entity], before: int) -> str | None:
    """The one country named before token ``before`` that can be the sentence's subject (nominative)."""
    def can_be_subject(entity: Entity) -> bool:
        forms = [p for p in parses(tokens[entity.token_start].norm.lower()) if p.tag.POS == "NOUN"]
        # "до Росії", "з Китаю" are not subjects; abbreviations ("КНДР") do not decline
        return not forms or any(p.tag.case == "nomn" for p in forms)

    codes = {e.country_code for e in entities if e.country_code and e.token_end <= before and can_be_subject(e)}
    return codes.pop() if len(codes) == 1 else None  # several: whose troops they are is unclear


NUMBERING_WORDS = words("numbering_words")
# phone numbers: a Ukrainian area code in brackets ("(0342)591104"), a country code ("+38 (044) 123-45-67"), or
# digits grouped like "067-123-45-67", "0 800 500 500", "234-56-78" (thousands are grouped by threes after no 0)
PHONE = re.compile(r"\(0\d{1,4}\)[\s-]?\d[\d\s-]{3,}\d|\+\d[\d\s()-]{7,}\d"
                   r"|(?<!\d)(?<!\d\s)(?<!\d-)0\d{0,3}[\s-]\d{2,3}[\s-]\d{2,3}[\s-]\d{2,3}(?:[\s-]\d{2})?(?!\d)"
                   r"|(?<![\d-])\d{2,3}-\d{2}-\d{2}(?![\d-])")
RECIPROCAL = {"одного", "одному", "одним", "одну", "одна", "одне", "одної", "одній", "одною"}


def _not_a_count(tokens: list[Token], i: int) -> bool:
    """Numbers that count nothing: clock times ("о 10.30"), labels ("статті 17", list markers "1."),
    parts of names ("Турецький потік-2"), ordinals ("сто першим"), "один одному", "одна з",
    "з одного боку", "все одно", numbers that make an adjective ("58-річна") and a year in brackets ("(1922)")."""
    before = [t.norm.lower() for t in tokens[max(0, i - 2):i] if t.norm not in (":", "№", ".")]  # "п. 6"
    word = tokens[i].norm
    if CLOCK.fullmatch(word) and before and before[-1] in ("о", "об", "близько", "до", "після", "з", "від"):
        return True
    if before and (before[-1] in NUMBERING_WORDS or (i and tokens[i - 1].lemma.lower() in NUMBERING_WORDS)):
        return True
    if i == 0 and i + 1 < len(tokens) and tokens[i + 1].norm in (".", ")") and word.isdigit():
        return True  # a list marker
    if i and tokens[i - 1].norm == "-" and tokens[i - 1].start == tokens[i].start - 1 and i > 1 \
            and tokens[i - 2].end == tokens[i - 1].start and tokens[i - 2].norm[:1].isalpha():
        return True  # "потік-2", "Су-25"
    if word.lower() in RECIPROCAL and i and tokens[i - 1].norm.lower() == "один":
        return True
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if YEAR.fullmatch(word) and i and tokens[i - 1].norm == "(" and following is not None and following.norm == ")":
        return True  # a year after a title: "«Земля і вітер» (1922)"
    if following is not None and following.norm == "-" and following.start == tokens[i].end \
            and i + 2 < len(tokens) and tokens[i + 2].start == following.end and tokens[i + 2].norm[:1].isalpha():
        return True  # an age or size: "58-річна", "5-поверховий"
    if tokens[i].lemma.lower() == "один" and (word.lower() == "одно" or (
            following is not None and following.norm.lower() in ("з", "із", "зі"))):
        return True  # "одна з тих постатей", "Одним із них", "все одно"
    if word.lower() == "одного" and following is not None and following.norm.lower() == "боку":
        return True  # "з одного боку, ..."
    if following is not None and numbers.word_value(tokens[i].lemma) is not None:
        if word.lower() == "один" and following.norm.lower() in RECIPROCAL:
            return True
        if any(p.tag.POS == "ADJF" and "Ordinal" in str(p.tag) or p.normal_form in numbers.ORDINALS
               for p in parses(following.norm.lower())):
            return True
    return False


def _in_phone_numbers(tokens: list[Token], text: str) -> set[int]:
    """Indices of the tokens (a sentence's, never empty) inside phone numbers ("за номером (0342)591104")."""
    start = tokens[0].start
    phones = [(start + m.start(), start + m.end()) for m in PHONE.finditer(text[start:tokens[-1].end])]
    return {i for i, t in enumerate(tokens) if any(a <= t.start and t.end <= b for a, b in phones)}


def _names_a_group(tokens: list[Token], i: int) -> bool:
    """"Групи семи", "Групою двадцяти": a spelled numeral after a capitalized "Група" names G7/G20."""
    return (i > 0 and tokens[i].norm.isalpha() and tokens[i - 1].norm[:1].isupper()
            and tokens[i - 1].lemma.lower() == "група")


def find_quantities(sentence: Sentence, text: str, entities: list[Entity],
                    previous: Quantity | None = None) -> list[Quantity]:
    """Quantities of one sentence; ``entities`` are that sentence's (the whole document's would make
    a long document's run grow with the square of its length)."""
    tokens = sentence.tokens
    # numbers inside dates, names ("Групи семи", "G7") and phone numbers are not quantities
    in_dates = {i for e in entities if e.label not in COUNTED_LABELS for i in range(e.token_start, e.token_end)}
    in_dates |= _in_phone_numbers(tokens, text)
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        after_sign = i > 0 and tokens[i - 1].norm in NUMBER_SIGNS
        skip = i in in_dates or after_sign or _names_a_group(tokens, i) or _not_a_count(tokens, i)
        number = None if skip else read_number(tokens, i)
        if number is None:
            i += 1
            continue
        first = join_range(tokens, number, in_dates)
        first = apply_hedge(tokens, number) if first == number.first else first
        prefix_currency = number.first > 0 and tokens[number.first - 1].norm in ("$", "€")
        head, end, country = _read_unit(tokens, number.last)
        if head is not None and tokens[head].pos != "NOUN" and (number.high or number.value or 0) > MOST_BEINGS:
            head, end, country = None, number.last, None
        if _an_article(tokens, number, head) or _a_label(tokens, number, head):
            i = number.last
            continue
        if head is not None and tokens[head].lemma.lower() in NOT_UNITS:
            i = number.last
            continue  # "2024 року", "5 квітня": a date the tagger missed
        if prefix_currency and (head is None or tokens[head].lemma.lower() not in CURRENCIES):
            # "$ 70 мільйонів експорту": the $ is the unit ("майже $70": the hedge stays first)
            head, first, end = number.first - 1, min(first, number.first - 1), number.last
        if head is not None and head + 1 < len(tokens) and tokens[head].norm.lower().startswith("відсотков") \
                and tokens[head + 1].lemma.lower() == "пункт":
            head, end = head + 1, head + 2  # "на 2 відсоткові пункти"
        if head is not None:
            unit = tokens[head].norm
            lemma = tokens[head].lemma.lower()
            unit_lemma = CURRENCIES.get(lemma) or CURRENCIES.get(unit) or MEASURES.get(unit.lower()) or lemma
            if unit_lemma == "пункт" and head > 0 and tokens[head - 1].norm.lower().startswith("відсотков"):
                unit_lemma = "відсотковий пункт"  # percentage points are not percentages
            if end + 1 < len(tokens) and tokens[end].norm == "/" and tokens[end + 1].norm in ("с", "год"):
                unit = unit_lemma = f"{unit}/{tokens[end + 1].norm}"  # a speed: "15-20 м/с", "90 км/год"
                end += 2
            country = country or _country_after(tokens, end, entities)
            if country is None and unit_lemma in TROOP_UNITS:
                country = _country_of_subject(tokens, entities, first)
        elif previous is not None and (number.last > number.first + 1 or number.value is None or number.approximate):
            # a scaled number with no noun: "зросте до 12 тис." counts what was counted before
            unit, unit_lemma, country = previous.unit, previous.unit_lemma, previous.country_code
        else:
            unit = unit_lemma = None
        span_end = max(number.last, end) if head is not None else number.last
        if tokens[span_end - 1].norm == "." and span_end - 1 > number.first:
            span_end -= 1  # the abbreviation period belongs to the sentence too
        start, stop = tokens[first].start, tokens[span_end - 1].end
        quantity = Quantity(start, stop, text[start:stop], number.value, number.low, number.high,
                            number.approximate, unit, unit_lemma, country, sentence.index,
                            currency=CURRENCY_CODES.get(unit_lemma or ""))
        found.append(quantity)
        previous = quantity if unit else previous
        i = max(span_end, i + 1)
    return found


def _an_article(tokens: list[Token], number, head: int | None) -> bool:
    """"Ще один крок", "одне питання", "одного віку": the word "один" before a thing is "another", "a",
    "the same"; it counts beings ("один військовий", "одного бійця"), money and measures ("один долар")."""
    if number.last - number.first != 1 or tokens[number.first].lemma.lower() != "один":
        return False
    if head is None:
        return True
    unit = tokens[head]
    if _money_or_measure(unit) or unit.pos != "NOUN":
        return False
    readings = [unit.parse] if unit.parse is not None else parses(unit.norm.lower())  # the reading in context
    return not any("anim" in p.tag.grammemes for p in readings)


def _a_label(tokens: list[Token], number, head: int | None) -> bool:
    """"5 канал", "45 президентом": after a whole number that does not end in one, a count's noun is plural
    ("5 каналів", "45 президентами"); a noun with no plural reading there makes the number a name or an
    ordinal. Indeclinable nouns, currencies and measures ("5 євро", "5 км") are counted all the same."""
    if head is None or number.last - number.first != 1 or not tokens[number.first].norm.isdigit():
        return False
    value, unit = int(tokens[number.first].norm), tokens[head]
    if (value % 10 == 1 and value % 100 != 11) or unit.pos != "NOUN" or _money_or_measure(unit):
        return False
    readings = [p for p in parses(unit.norm.lower()) if p.tag.POS == "NOUN" and p.is_known]
    return bool(readings) and not any(p.tag.number == "plur" or "Fixd" in p.tag.grammemes for p in readings)


def _hundredths_take_a_currency(quantities: list[Quantity]) -> None:
    """A cent is money in the currency of the nearest amount around it that a cent divides; a kopiyka is
    the hryvnia's; with no such amount a cent keeps no code (dollar or euro is not written)."""
    money = [q for q in quantities if q.currency]
    for quantity in quantities:
        codes = SUBUNITS.get(quantity.unit_lemma or "")
        if quantity.currency or not codes:
            continue
        nearest = sorted((abs(m.start - quantity.start), m.currency) for m in money if m.currency in codes)
        quantity.currency = nearest[0][1] if nearest else (codes[0] if len(codes) == 1 else None)


def add_quantities(document) -> None:
    """Pipeline component: fill ``document.quantities``, carrying units across sentences."""
    previous = None
    by_sentence: dict[int, list[Entity]] = {}
    for entity in document.entities:
        by_sentence.setdefault(entity.sentence_id, []).append(entity)
    for sentence in document.sentences:
        found = find_quantities(sentence, document.text, by_sentence.get(sentence.index, []), previous)
        document.quantities.extend(found)
        with_unit = [q for q in found if q.unit]
        if with_unit:
            previous = with_unit[-1]
    _hundredths_take_a_currency(document.quantities)
    values_agree(document)
