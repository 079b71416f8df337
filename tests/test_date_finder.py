"""Dates the tagger need not find: the date finder and the resolution of its expressions, on the real
pipeline (the examples of the dates issue, publication date 2025-03-20, a Thursday)."""
import pytest

from extractor import Extractor


@pytest.fixture(scope="module")
def dated():
    extractor = Extractor(reference_date="2025-03-20")

    def dates(text):
        return [(e.text, e.date) for e in extractor(text).entities if e.label in ("DATE", "PERIOD", "TIME")]
    return dates


@pytest.mark.parametrize("text, expected", [
    ("У понеділок міністр заявив, що позавчора уряд ухвалив рішення.",
     [("понеділок", "2025-03-17"), ("позавчора", "2025-03-18")]),
    ("У понеділок міністр підпише указ.", [("понеділок", "2025-03-24")]),
    ("Це сталося три дні тому.", [("три дні тому", "2025-03-17")]),
    ("Звіт оприлюднять наприкінці року.", [("наприкінці року", "2025-10/2025-12")]),
    ("Взимку ціни зросли.", [("Взимку", "2024-12/2025-02")]),
    ("Виставка триватиме з 3 по 9 березня 2025 року.", [("з 3 по 9 березня 2025 року", "2025-03-03/2025-03-09")]),
    ("Фестиваль відбудеться 5-7 квітня.", [("5-7 квітня", "2025-04-05/2025-04-07")]),
    ("Зустрічі відбулися 10 і 11 травня.", [("10 і 11 травня", "2024-05-10/2024-05-11")]),
    ("Угоду підписали 12 березня. Наступного дня її ратифікували.",
     [("12 березня", "2025-03-12"), ("Наступного дня", "2025-03-13")]),
    ("Угоду підписали 12 березня, а напередодні сторони погодили текст.",
     [("12 березня", "2025-03-12"), ("напередодні", "2025-03-11")]),
    ("Через два тижні почнеться сесія.", [("Через два тижні", "2025-04-03")]),
    ("Минулого тижня вони зустрілися у Львові.", [("Минулого тижня", "2025-W11")]),
    ("У ХХ столітті все було інакше.", [("ХХ столітті", "1901/2000")]),
    # a season after "до" or "з" bounds the clause's time: the nearest such season, whatever the tense
    ("Угоду відклали до літа.", [("літа", "2025-06/2025-08")]),
    ("З весни ціни зросли.", [("весни", "2025-03/2025-05")]),
    # a year's word takes no sentence's full stop, an abbreviation its own
    ("Угоду уклали восени 2024 року.", [("восени 2024 року", "2024-09/2024-11")]),
    ("Це сталося у 2015 р. Потім усе змінилося.", [("2015 р.", "2015")]),
])
def test_relative_and_calendar_expressions_are_found_and_resolved(dated, text, expected):
    assert dated(text) == expected


def test_a_written_year_wins_and_a_list_of_ranges_keeps_every_range():
    extractor = Extractor(reference_date="2016-06-01")
    found = {e.text: e.date for e in extractor("Ремонт тривав з вересня до грудня 2016-го.").entities}
    assert found == {"з вересня до грудня 2016-го": "2016-09/2016-12"}
    ranges = [e.date for e in extractor("Він працював там у 2001-2005 та 2009-2012 рр.").entities]
    assert ranges == ["2001/2005,2009/2012"]


def test_what_nothing_anchors_stays_unresolved():
    extractor = Extractor()  # no publication date, no reference
    found = {e.text: e.date for e in extractor("Позавчора уряд ухвалив рішення, а взимку ціни зросли.").entities}
    assert found == {"Позавчора": None, "взимку": None}
    vague = {e.text: e.date for e in Extractor(reference_date="2025-03-20")("Кілька років тому все було інакше.").entities}
    assert vague == {"Кілька років тому": None}


def test_a_newspaper_named_today_is_no_date(dated):
    assert dated("Про це пише газета «Сьогодні».") == []
