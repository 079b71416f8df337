"""Quantities, troop counts included: value, bounds, unit lemma and country.

Texts run through the real pipeline with no tagged entities (``hand_built``):
countries come from the gazetteer, so a retrained tagger changes nothing here."""
import pytest

from conftest import hand_built


def quantities(extractor, text, spans=()):
    return hand_built(extractor, text, spans).quantities


def only(extractor, text):
    found = quantities(extractor, text)
    assert len(found) == 1, found
    return found[0]


def test_troops_with_demonym(extractor):
    q = only(extractor, "На фронт прибули 3 тис. північнокорейських військових.")
    assert q.value == 3000 and q.unit_lemma == "військовий" and q.country_code == "KP"
    assert not q.approximate


def test_unit_carried_over_from_the_sentence_before(extractor):
    found = quantities(extractor, "Росія отримала 3 тис. північнокорейських військових. "
                                  "До кінця місяця їхня кількість зросте до 12 тис.")
    assert [q.value for q in found] == [3000, 12000]
    assert found[1].unit_lemma == "військовий" and found[1].country_code == "KP"


def test_vague_count_with_country_after_the_unit(extractor):
    q = only(extractor, "Кілька тисяч військових КНДР були розгорнуті в Росії.")
    assert q.approximate and q.low == 2000 and q.high == 9000
    assert q.unit_lemma == "військовий" and q.country_code == "KP"


@pytest.mark.parametrize("text, country", [
    ("КНДР може відправити до Росії ще 12 тисяч військових.", "KP"),  # the subject sends them
    ("Росія перекинула 10 тисяч солдатів до Курської області.", "RU"),
    ("До Росії прибули 3 тисячі військових.", None),  # "до Росії" is not the subject
    ("Туди відправили дванадцять тисяч солдатів.", None),  # no country at all
])
def test_troop_count_takes_the_subject_country(extractor, text, country):
    q = next(q for q in quantities(extractor, text) if q.unit_lemma in ("військовий", "солдат"))
    assert q.country_code == country


@pytest.mark.parametrize("text, value, unit_lemma", [
    ("Штрафи отримали 116 фізичних та юридичних осіб.", 116, "особа"),  # coordinated adjectives, one noun
    ("Загинули 5 цивільних і 3 військових.", 5, "цивільний"),  # a second number is not part of the unit
])
def test_coordinated_units(extractor, text, value, unit_lemma):
    q = quantities(extractor, text)[0]
    assert q.value == value and q.unit_lemma == unit_lemma


@pytest.mark.parametrize("text, value, unit_lemma", [
    ("Туди відправили дванадцять тисяч солдатів.", 12000, "солдат"),
    ("Евакуювали півтори тисячі людей.", 1500, "людина"),
    ("Бюджет становить 1,5 млн гривень.", 1_500_000, "гривня"),
    ("Збито 35 дронів.", 35, "дрон"),
])
def test_numbers_in_digits_and_words(extractor, text, value, unit_lemma):
    q = only(extractor, text)
    assert q.value == value and q.unit_lemma == unit_lemma


def test_ranges_and_hedges(extractor):
    q = only(extractor, "На кордоні зосереджено 10-12 тис. військових.")
    assert (q.low, q.high) == (10000, 12000)
    q = only(extractor, "Знеструмлено понад 40 тис. абонентів.")
    assert q.low == 40000 and q.high is None and q.approximate
    q = only(extractor, "Там перебуває близько 500 бійців.")
    assert q.value == 500 and q.approximate
    q = only(extractor, "Загинули щонайменше 15 людей.")
    assert q.low == 15 and q.approximate


def test_dates_are_not_quantities(extractor):
    assert quantities(extractor, "Закон ухвалили 15 березня 2024 року.") == []


@pytest.mark.parametrize("text", ["Дзвоніть за номером (0342)591104.", "Телефон гарячої лінії +38 (044) 123-45-67.",
                                  "Телефонуйте 067-123-45-67 або 0 800 500 500.", "Довідки за тел. 234-56-78."])
def test_phone_numbers_are_not_quantities(extractor, text):
    assert quantities(extractor, text) == []


@pytest.mark.parametrize("text, low, high", [("Заборгували 3 000 000 гривень.", 3_000_000, 3_000_000),
                                             ("Прибуло 10-12 тис. осіб.", 10_000, 12_000)])
def test_numbers_grouped_like_thousands_or_ranges_still_count(extractor, text, low, high):
    (q,) = quantities(extractor, text)
    assert (q.low, q.high) == (low, high)


def test_uncounted_thousands_are_scaled_once(extractor):
    q = only(extractor, "Тисячі військових КНДР прибули до Росії.")
    assert q.approximate and (q.low, q.high) == (2000, 9000) and q.value is None
    assert q.unit_lemma == "військовий" and q.country_code == "KP"


@pytest.mark.parametrize("text, low, unit_lemma", [("Кошти допоможуть тисячам людей.", 2000, "людина"),
                                                   ("Держава володіє мільйонами гектарів.", 2_000_000, "гектар")])
def test_uncounted_thousands_and_millions_in_every_case(extractor, text, low, unit_lemma):
    q = only(extractor, text)
    assert q.approximate and (q.low, q.high) == (low, 4.5 * low) and q.value is None and q.unit_lemma == unit_lemma


def test_group_of_seven_is_a_name_even_when_the_tagger_misses_it(extractor):
    from extractor.rules.quantities import find_quantities

    text = "Міністри країн Групи семи засудили співпрацю Росії та КНДР."
    assert quantities(extractor, text, [("Групи семи", "ORG")]) == []
    # with no entities at all, as when the tagger misses "Групи семи"
    document = hand_built(extractor, text)
    assert find_quantities(document.sentences[0], document.text, entities=[]) == []
    counted = quantities(extractor, "Сім країн засудили співпрацю Росії та КНДР.")
    assert [q.value for q in counted] == [7]  # a numeral elsewhere still counts


def test_a_count_the_tagger_took_for_money_is_a_quantity(extractor):
    document = hand_built(extractor, "У таборах перебуває 3 тис. військових, а зарплата 32 тисячі гривень.",
                          [("3 тис", "MON"), ("32 тисячі гривень", "MON")])
    assert [(e.text, e.label) for e in document.entities] == [("3 тис", "QUANT"), ("32 тисячі гривень", "MON")]


@pytest.mark.parametrize("text, unit_lemma", [
    ("Довжина дамби 2500 м, ширина 42 метри.", "метр"),
    ("Колона пройшла 15 км за ніч.", "кілометр"),
    ("Фермер зібрав 300 кг меду.", "кілограм"),
    ("Ділянка площею 5 га пустує.", "гектар"),
])
def test_abbreviated_measures_take_the_written_out_unit(extractor, text, unit_lemma):
    assert extractor(text).quantities[0].unit_lemma == unit_lemma


@pytest.mark.parametrize("text, unit_lemma, low, high", [
    ("Пориви вітру 15-20 м/с.", "м/с", 15, 20),
    ("Він їхав зі швидкістю 90 км/год містом.", "км/год", 90, 90),
])
def test_a_speed_is_one_unit(extractor, text, unit_lemma, low, high):
    quantity = extractor(text).quantities[0]
    assert (quantity.unit_lemma, quantity.low, quantity.high) == (unit_lemma, low, high)


@pytest.mark.parametrize("text, value, currency", [
    ("Костюми на суму понад мільйон гривень отримали вогнеборці.", 1_000_000, "UAH"),
    ("Усього на тисячу гривень менше, ніж пропонували.", 1000, "UAH"),
    ("Проїзд подорожчав до 3-х гривень.", 3, "UAH"),
    ("Польща отримала майже $70 мільйонів експорту.", 70_000_000, "USD"),
    ("Прийшли тисяча двісті п'ять мешканців села.", 1205, None),
])
def test_money_written_with_a_scale_word_a_case_ending_or_a_sign(extractor, text, value, currency):
    quantity = extractor(text).quantities[0]
    assert (quantity.value, quantity.currency) == (value, currency)


@pytest.mark.parametrize("text", ["Це показали на 5-му каналі.", "Навчання для 11-х класів почалося."])
def test_an_ordinal_written_in_digits_counts_nothing(extractor, text):
    assert extractor(text).quantities == []


@pytest.mark.parametrize("text, low, high", [
    ("Польща отримала майже $70 мільйонів експорту.", None, 70_000_000),
    ("Понад $5 млн пішло на зброю.", 5_000_000, None),
])
def test_a_hedge_before_a_currency_sign_bounds_the_amount(extractor, text, low, high):
    quantity = extractor(text).quantities[0]
    assert (quantity.low, quantity.high, quantity.currency) == (low, high, "USD")


def test_a_money_mention_and_its_quantity_are_one_span_with_one_value(extractor):
    document = hand_built(extractor, "Кредит у розмірі 50 млрд доларів США надали Україні.", [("50 млрд доларів США", "MON")])
    (mention,) = [e for e in document.entities if e.label == "MON"]
    (quantity,) = document.quantities
    assert (mention.start, mention.end) == (quantity.start, quantity.end) and quantity.text == "50 млрд доларів США"
    assert quantity.value == 50e9 and quantity.currency == "USD"
    untagged = hand_built(extractor, "Уряд виділив 5 млн грн на ремонт.", [])
    assert [(e.text, e.label) for e in untagged.entities] == [("5 млн грн", "MON")]


def test_a_count_of_soldiers_is_never_money(extractor):
    document = hand_built(extractor, "Росія перекинула 3 тис. військових до кордону.", [("3 тис.", "MON")])
    assert [e.label for e in document.entities if e.text.startswith("3 тис")] == ["QUANT"]


@pytest.mark.parametrize("text, unit", [("Площа країни становить 38 млн км2.", "квадратний кілометр"),
                                        ("Ділянка має 20 м2.", "квадратний метр"),
                                        ("Озеро займає 5 км².", "квадратний кілометр")])
def test_square_measures_are_units(extractor, text, unit):
    (quantity,) = hand_built(extractor, text).quantities
    assert quantity.unit_lemma == unit and quantity.text.endswith(("км2", "м2", "км²"))


def test_an_adjective_is_no_unit_of_a_trillion(extractor):
    (quantity,) = hand_built(extractor, "Борг становить 1 трлн старих.").quantities
    assert quantity.value == 1e12 and quantity.unit_lemma != "старий"


@pytest.mark.parametrize("text", ["Ще один крок назад.", "Вони приблизно одного віку.",
                                  "Розглянули одне надзвичайне питання."])
def test_one_before_a_thing_is_another_or_the_same_not_a_count(extractor, text):
    assert quantities(extractor, text) == []


@pytest.mark.parametrize("text, value, unit", [
    ("У бою загинув один військовий.", 1, "військовий"), ("Поранено одного бійця.", 1, "боєць"),
    ("У нього п'ятеро дітей.", 5, "дитина"), ("Загинули троє людей.", 3, "людина"),
    ("Зарплата становитиме один долар.", 1, "долар"),
])
def test_one_counts_beings_and_money_and_collective_numerals_count(extractor, text, value, unit):
    q = only(extractor, text)
    assert (q.value, q.unit_lemma) == (value, unit)


def test_a_cent_takes_the_currency_of_the_nearest_amount_a_cent_divides(extractor):
    found = quantities(extractor, "Податок становив 95 центів/кг, а плитка коштувала 2,2 євро.")
    assert [(q.value, q.unit_lemma, q.currency) for q in found] == [(95, "цент", "EUR"), (2.2, "євро", "EUR")]
    assert only(extractor, "Проїзд подорожчав на 50 центів.").currency is None  # dollar or euro: not written
    assert only(extractor, "Хліб подорожчав на 50 копійок.").currency == "UAH"


@pytest.mark.parametrize("text", ["Про це повідомляє 5 канал.", "Він став 45 президентом країни."])
def test_a_singular_noun_after_a_number_not_ending_in_one_makes_it_a_name_or_an_ordinal(extractor, text):
    assert quantities(extractor, text) == []


def test_counts_take_the_plural_and_indeclinable_units_count_all_the_same(extractor):
    found = quantities(extractor, "Купили 5 каналів і 2 канали за 5 євро, а 21 канал закрили.")
    assert [(q.value, q.unit_lemma) for q in found] == [(5, "канал"), (2, "канал"), (5, "євро"), (21, "канал")]
