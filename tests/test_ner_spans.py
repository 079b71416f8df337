"""Decoding tag sequences into spans: coordinated names are cut apart (hand-built tags, no model)."""
import pytest

from extractor.ner.spans import decode


def _spans(sentence: str, tags: str):
    words = sentence.split()
    return [(" ".join(words[a:b]), label) for a, b, label in decode(words, tags.split())]


def test_two_whole_names_joined_by_a_coordinator_are_two_mentions():
    assert _spans("Компанії Shell та BP AG і Equinor ASA підписали",
                  "O S-ORG O B-ORG I-ORG I-ORG I-ORG E-ORG O") == [
        ("Shell", "ORG"), ("BP AG", "ORG"), ("Equinor ASA", "ORG")]
    assert _spans("Дональд Трамп і Володимир Зеленський зустрілися", "B-PERS I-PERS I-PERS I-PERS E-PERS O") == [
        ("Дональд Трамп", "PERS"), ("Володимир Зеленський", "PERS")]


def test_names_that_share_a_word_or_a_quote_stay_one_mention():
    kept = [("Донецької та Луганської областей", "B-LOC I-LOC I-LOC E-LOC"),
            ("Оксана і Олексій Кулагіни", "B-PERS I-PERS I-PERS E-PERS"),
            ("Сент-Кітс і Невіс", "B-LOC I-LOC E-LOC"),
            ("Міністерство освіти і науки", "B-ORG I-ORG I-ORG E-ORG"),
            ("фірмою « Пукшин Олег і Партнери »", "B-ORG I-ORG I-ORG I-ORG I-ORG I-ORG E-ORG")]
    for sentence, tags in kept:
        assert _spans(sentence, tags) == [(sentence, tags.split()[0][2:])]


def test_other_types_are_not_cut():
    assert _spans("з 3 і 4 Травня", "B-DATE I-DATE I-DATE E-DATE O") == [("з 3 і 4", "DATE")]


def test_a_quote_a_span_neither_opens_nor_closes_is_left_out_and_an_open_one_is_closed():
    assert _spans("Кореспондент сайту « Остров » повідомив", "B-JOB I-JOB E-JOB B-ORG E-ORG O") == [
        ("Кореспондент сайту", "JOB"), ("Остров", "ORG")]
    assert _spans("кінофестивалю « Корона Карпат » у", "B-ORG I-ORG I-ORG E-ORG O O") == [
        ("кінофестивалю « Корона Карпат »", "ORG")]
    assert _spans("ТОВ « Срібна затока » працює", "B-ORG I-ORG I-ORG I-ORG E-ORG O") == [
        ("ТОВ « Срібна затока »", "ORG")]


def test_two_one_word_companies_are_two_but_adjectives_share_their_noun():
    assert _spans("Приватбанк і Ощадбанк знизили", "B-ORG I-ORG E-ORG O") == [("Приватбанк", "ORG"), ("Ощадбанк", "ORG")]
    assert _spans("Харківський та Київський університети", "B-ORG I-ORG I-ORG E-ORG") == [
        ("Харківський та Київський університети", "ORG")]
    assert _spans("Ricondo & Associates", "B-ORG I-ORG E-ORG") == [("Ricondo & Associates", "ORG")]


def test_a_quote_opened_before_the_span_and_adjectives_sharing_a_noun_keep_it_whole():
    assert _spans("Компанію « Пукшин Олег і Партнери » заснували", "O O B-ORG I-ORG I-ORG E-ORG O O") == [
        ("Пукшин Олег і Партнери", "ORG")]
    assert _spans("півдня України - Херсонської та Запорізької областей", "O B-LOC I-LOC I-LOC I-LOC I-LOC E-LOC") == [
        ("України - Херсонської та Запорізької областей", "LOC")]


@pytest.mark.parametrize("sentence, tags, expected", [
    # a name ending in lower case is cut from a capitalized name after the coordinator
    ("Європейського парламенту та Ради Європи", "B-ORG I-ORG I-ORG I-ORG E-ORG",
     [("Європейського парламенту", "ORG"), ("Ради Європи", "ORG")]),
    ("Радою міністрів та Комісією", "B-ORG I-ORG I-ORG E-ORG", [("Радою міністрів", "ORG"), ("Комісією", "ORG")]),
    # after a lower-case word an acronym goes on the name, as NER-UK tags it
    ("Міністерства регіонального розвитку , будівництва і ЖКГ", "B-ORG I-ORG I-ORG I-ORG I-ORG I-ORG E-ORG",
     [("Міністерства регіонального розвитку , будівництва і ЖКГ", "ORG")]),
    # a dash or an unclosed bracket outside quotes parts names, and no name ends on punctuation
    ("Європейська спільнота з вугілля та сталі — ЄСВС )", "B-ORG I-ORG I-ORG I-ORG I-ORG I-ORG I-ORG E-ORG O",
     [("Європейська спільнота з вугілля та сталі", "ORG"), ("ЄСВС", "ORG")]),
    ("Гаазька конференція ( HCCH . Далі", "B-ORG I-ORG I-ORG E-ORG O O",
     [("Гаазька конференція", "ORG"), ("HCCH", "ORG")]),
    ("Європейський інвестиційний банк – фінансує", "B-ORG I-ORG I-ORG E-ORG O",
     [("Європейський інвестиційний банк", "ORG")]),
    ("Резолюції Res ( 2002 )", "B-ORG I-ORG I-ORG E-ORG O", [("Резолюції Res", "ORG")]),
])
def test_coordinators_dashes_and_brackets_part_names(sentence, tags, expected):
    assert _spans(sentence, tags) == expected


def test_a_closed_bracket_a_dash_inside_quotes_and_titles_stay_whole():
    kept = [("КП ( б )", "B-ORG I-ORG I-ORG E-ORG"), ("ТОВ « Анпрайм – Збут »", "B-ORG I-ORG I-ORG I-ORG I-ORG E-ORG"),
            ("Війна – це мир", "B-ART I-ART I-ART E-ART")]
    for sentence, tags in kept:
        assert _spans(sentence, tags) == [(sentence, tags.split()[0][2:])]
