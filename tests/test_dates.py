"""Date mentions resolved to ISO 8601 against the publication date (hand-set DATE spans)."""
import pytest

from extractor.rules.dates import resolve

from conftest import hand_built

REFERENCE = "2024-11-20"  # a Wednesday


@pytest.mark.parametrize("sentence, mention, expected", [
    ("Угоду підписали 5 листопада.", "5 листопада", "2024-11-05"),
    ("Угоду підписали у листопаді.", "у листопаді", "2024-11"),
    ("Угоду підписали минулого року.", "минулого року", "2023"),
    ("Угоду підпишуть наступного року.", "наступного року", "2025"),
    ("Угоду підписали вчора.", "вчора", "2024-11-19"),
    ("Угоду підписали напередодні.", "напередодні", "2024-11-19"),
    ("Угоду підписали у понеділок.", "у понеділок", "2024-11-18"),
    ("Угоду підпишуть у четвер.", "у четвер", "2024-11-21"),
    ("Угоду підписали 5 листопада 2022 року.", "5 листопада 2022 року", "2022-11-05"),
    ("Угоду підписали 05.11.2022.", "05.11.2022", "2022-11-05"),
    ("Будівництво тривало у 2015-2017 роках.", "2015-2017 роках", "2015/2017"),
    ("Виставка триватиме з 20 грудня до 10 січня.", "з 20 грудня до 10 січня", "2024-12-20/2025-01-10"),
    ("Угоду підписали торік.", "торік", "2023"),
])
def test_dates_resolve_against_the_publication_date(extractor, sentence, mention, expected):
    text = f"Заголовок новини\nukrinform.ua\n{REFERENCE}\n{sentence}"
    document = hand_built(extractor, text, [(mention, "DATE")])
    assert document.published.startswith(REFERENCE)
    assert [e.date for e in document.entities if e.label == "DATE"] == [expected]


def test_the_year_rolls_back_for_december_in_a_january_article():
    assert resolve(["30", "грудня"], ["30", "грудень"], __import__("datetime").date(2025, 1, 5)) == "2024-12-30"


def test_without_a_publication_or_reference_date_nothing_is_guessed(extractor):
    document = hand_built(extractor, "Угоду підписали 5 листопада, а закон ухвалили 15 березня 2024 року.",
                          [("5 листопада", "DATE"), ("15 березня 2024 року", "DATE")])
    assert [e.date for e in document.entities] == [None, "2024-03-15"]


def test_a_reference_date_stands_in_for_the_unknown_publication_date():
    from extractor import Extractor

    tables = Extractor(reference_date="2024-11-20").extract(["Угоду підписали 5 листопада 2024 року."], as_text=True)
    dates = tables.mentions[tables.mentions.label == "DATE"]
    assert list(dates.date) == ["2024-11-05"]


def test_a_clock_time_is_a_time_and_a_money_ranges_lower_bound_no_date(extractor):
    document = hand_built(extractor, "Концерт почнеться о 19:00, квитки коштують від 200 до 500 гривень.",
                          [("19:00", "DATE"), ("200", "DATE"), ("500 гривень", "MON")])
    assert [(e.text, e.label) for e in document.entities] == [("19:00", "TIME"), ("200 до 500 гривень", "MON")]
    (quantity,) = document.quantities
    assert (quantity.low, quantity.high, quantity.currency) == (200, 500, "UAH")


def test_a_range_of_two_years_is_a_period_and_no_count(extractor):
    document = hand_built(extractor, "© 2004-2016 Державне агентство рибного господарства.")
    assert [(e.text, e.date) for e in document.entities] == [("2004-2016", "2004/2016")]
    assert document.quantities == []
    money = hand_built(extractor, "Ціна становить 1900-2000 гривень.")
    assert [e.label for e in money.entities] == ["MON"] and (money.quantities[0].low, money.quantities[0].high) == (1900, 2000)
