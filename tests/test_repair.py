"""Scraping damage is repaired for analysis while offsets stay on the user's text."""
import pytest

from extractor.cleaning.repair import Repairer


@pytest.fixture(scope="module")
def repairer():
    return Repairer()


@pytest.mark.parametrize("damaged, restored", [
    ("звязку", "зв'язку"), ("будьякої", "будь-якої"), ("інтервю", "інтерв'ю"), ("вропі", "Європі"),
    ("перебува", "перебуває"), ("ІндоТихоокеанському", "Індо-Тихоокеанському"), ("обєднання", "об'єднання"),
])
def test_damaged_words_from_the_real_article_are_restored(repairer, damaged, restored):
    assert repairer.repair_word(damaged) == restored


@pytest.mark.parametrize("damaged, restored", [
    ("підднані", "під'єднані"),  # apostrophe and є lost together
    ("жінкудипломата", "жінку-дипломата"),  # two nouns in one case: apposition
    ("молочнорослинні", "молочно-рослинні"),  # two coordinated adjectives
])
def test_compounds_and_lost_pairs_are_restored(repairer, damaged, restored):
    assert repairer.repair_word(damaged) == restored


@pytest.mark.parametrize("word", [
    "нововиявленими",  # short adverb-like stem before a participle: written solid
    "трояндоподібний",  # "-подібний" makes solid compounds
    "фотопримочками",  # "фото" is indeclinable, so it agrees with anything
])
def test_solid_compounds_stay_solid(repairer, word):
    assert repairer.repair_word(word) is None


@pytest.mark.parametrize("word", ["Зеленський", "привіт", "Кислиця", "ЗСУ", "США", "iPhone", "зв'язку"])
def test_undamaged_words_are_left_alone(repairer, word):
    assert repairer.repair_word(word) is None


def test_real_word_damage_in_context(extractor):
    document = extractor("Вони засуджують співпрацю між Північною Корею і Росією.")
    korea = next(t for t in document.tokens if t.text == "Корею")
    assert korea.norm == "Кореєю"
    assert document.repaired_words >= 1


def test_repair_changes_analysis_not_offsets(article_doc):
    text = article_doc.text
    assert article_doc.repaired_words > 0
    repaired = [t for t in article_doc.tokens if t.norm != t.text]
    assert any(t.text == "звязку" and t.norm == "зв'язку" for t in repaired)
    for token in article_doc.tokens:
        assert text[token.start:token.end] == token.text
    korea = [e for e in article_doc.entities if e.text.startswith("Північною")]
    assert all(e.lemma == "Північна Корея" for e in korea)


def test_repair_can_be_switched_off():
    from extractor import Extractor

    plain = Extractor(repair=False)
    document = plain("Міністри заявили про стурбованість у звязку з цим.")
    assert document.repaired_words == 0
    assert all(t.norm == t.text for t in document.tokens)


@pytest.mark.parametrize("word, restored", [("Ко-місія", "Комісія"), ("Брюс-сель", "Брюссель"), ("Договора-ми", "Договорами")])
def test_a_hyphen_a_line_break_left_inside_a_word_is_taken_out(repairer, word, restored):
    assert repairer.repair_word(word) == restored


@pytest.mark.parametrize("word", ["жінок-дипломаток", "Івано-Франківськ", "екс-президент", "північно-атлантичний",
                                  "Південно-Китайському", "Північно-Атлантичного"])
def test_real_hyphenated_words_keep_their_hyphen(repairer, word):
    assert repairer.repair_word(word) is None


@pytest.mark.parametrize("word, restored", [("МакҐінті", None), ("МакКейн", None), ("РоузМері", "Роуз-Мері")])
def test_a_capital_inside_a_mac_surname_is_no_lost_hyphen(repairer, word, restored):
    assert repairer.repair_word(word) == restored
