"""What the dictionary rules out, the tagger never outputs, whatever the model."""
import pytest

from extractor.morphology.analyzer import is_company_name
from extractor.ner.constraints import forbidden_tags


@pytest.mark.parametrize("word, forbidden_label", [
    ("Приватбанк", "PERS"), ("Берліном", "PERS"), ("Картоплю", "PERS"), ("ЄС", "LOC"), ("Євросоюзу", "LOC"),
    ("Раді", "LOC"), ("Сенаті", "LOC"), ("Конгресу", "LOC"), ("Пентагону", "LOC"), ("парламенті", "LOC"),
])
def test_inanimate_nouns_and_known_organisations(word, forbidden_label):
    assert {f"{p}-{forbidden_label}" for p in "BIES"} <= forbidden_tags(word)


@pytest.mark.parametrize("word", ["ArcelorMittal", "lifecell", "europa.eu", "BMW"])
def test_a_latin_word_not_written_like_a_name_is_no_persons(word):
    assert {"S-PERS", "B-PERS", "I-PERS", "E-PERS"} <= forbidden_tags(word)


@pytest.mark.parametrize("word", ["Emma", "III", "D"])
def test_latin_words_written_like_names_and_roman_numerals_may_be_persons(word):
    assert not {t for t in forbidden_tags(word) if t.endswith("PERS")}


@pytest.mark.parametrize("word", ["Стармер", "2024", ","])
def test_unknown_words_are_left_to_the_tagger(word):
    assert forbidden_tags(word) == frozenset()


@pytest.mark.parametrize("word", ["5", "12", "215"])
def test_a_short_number_alone_is_no_date_time_or_period_but_may_start_one(word):
    assert {"S-DATE", "S-TIME", "S-PERIOD"} <= forbidden_tags(word)
    assert not {"B-DATE", "S-QUANT", "S-MON"} & forbidden_tags(word)


@pytest.mark.parametrize("word", ["Тереза", "Трамп", "Дональд"])
def test_a_word_that_is_only_a_name_is_no_place_or_organisation_alone(word):
    forbidden = forbidden_tags(word)
    assert {"S-LOC", "S-ORG", "S-MISC"} <= forbidden
    assert not {t for t in forbidden if t.endswith("PERS")}


def test_a_first_name_starts_no_place_but_a_surname_may_end_one():
    assert {"B-LOC", "B-JOB"} <= forbidden_tags("Дональд")  # "Дональд Трамп" is no place, "Дональд" no job
    assert "E-LOC" not in forbidden_tags("Франка")  # "вулиця Франка" is


def test_a_country_abbreviation_stays_a_place_or_an_organisation():
    assert not {t for t in forbidden_tags("КНДР") if t.endswith(("LOC", "ORG"))}


def test_a_plural_noun_for_people_does_not_start_an_organisation():
    assert forbidden_tags("Громадяни") == {"B-ORG", "S-ORG"}


def test_cities_are_never_people_in_the_tagger_output(extractor):
    sentence = "Переговори між Берліном і Варшавою тривали тиждень , а Брюссель мовчав .".split()
    spans = extractor.ner.tag([sentence])
    assert not [s for s in spans if s.label == "PERS"]


def test_a_capitalized_word_that_is_only_a_name_is_part_of_some_entity():
    assert "O" in forbidden_tags("Трамп") and "O" in forbidden_tags("Дональд")
    assert "O" not in forbidden_tags("трамп")  # lower case: not written as a name
    assert "O" not in forbidden_tags("Надія")  # also a common noun ("hope")


def test_a_name_at_the_start_of_a_sentence_is_a_person(extractor):
    spans = extractor.ner.tag(["Дональд Трамп переміг .".split()])
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 2, "PERS")]


@pytest.mark.parametrize("word", ["Нафтогазі", "Газпромом", "Ощадбанк", "Укрзалізниці", "Енергоатому", "Київміськбуд",
                                  "Азовсталі", "Кривбасзалізрудкому"])
def test_a_word_built_like_a_company_name_can_only_be_an_organisation(word):
    forbidden = forbidden_tags(word)
    assert "O" in forbidden and "S-LOC" in forbidden and "S-PERS" in forbidden and "S-MISC" in forbidden
    assert not {t for t in forbidden if t.endswith("ORG")}


@pytest.mark.parametrize("word", ["Україна", "Дніпром", "Банк", "газпромом"])
def test_words_that_only_look_like_company_names_are_left_alone(word):
    assert "S-LOC" not in forbidden_tags(word)  # a company-built word could only be an organisation


@pytest.mark.parametrize("word", ["кличком", "батьком", "пасічником", "хімії", "Південно-Китайському", "Північно-Кримському"])
def test_case_endings_do_not_make_a_company_name(word):
    assert not is_company_name(word)


@pytest.mark.parametrize("word", ["морі", "озера", "океані", "горі"])
def test_a_lower_case_sea_or_mountain_ends_no_organisation_and_starts_no_place(word):
    forbidden = forbidden_tags(word)
    assert {"E-ORG", "S-ORG", "S-LOC", "B-LOC"} <= forbidden
    assert not {"E-LOC", "I-LOC", "I-ORG", "O"} & forbidden  # "ТОВ «Срібна затока»" ends on its quote


def test_a_sea_with_an_adjective_unknown_to_the_dictionary_is_one_place(extractor):
    spans = extractor.ner.tag(["Інцидент стався в Південно-Китайському морі .".split()])
    assert [(s.start, s.end, s.label) for s in spans] == [(3, 5, "LOC")]


def test_an_organisation_news_names_like_a_place_is_an_entity_when_capitalized():
    assert "O" in forbidden_tags("Європарламент") and "O" in forbidden_tags("НАТО")
    assert "O" not in forbidden_tags("Раді")  # "рада" is also advice


@pytest.mark.parametrize("word", ["Рівного", "Каштелу-Бранку", "Пекін"])
def test_a_town_the_dictionary_knows_as_nobody_is_no_one_word_person_or_organisation(word):
    assert {"S-PERS", "S-ORG"} <= forbidden_tags(word)
    assert "B-ORG" not in forbidden_tags(word)  # "Київстар" is no town, but "Динамо Київ" may end in one


@pytest.mark.parametrize("word, an_entity", [("Москву", True), ("Києва", True), ("Хор", False), ("Диво", False),
                                             ("Вашингтон", False)])
def test_a_word_that_is_only_a_town_and_written_with_a_capital_is_some_entity(word, an_entity):
    # "хор" and "диво" are towns on the list too, but text writes them in lower case; Washington was a man
    assert ("O" in forbidden_tags(word)) == an_entity


def test_a_town_in_capitals_may_still_be_an_abbreviation_of_an_organisation():
    assert "S-PERS" in forbidden_tags("ЛЬВІВ") and "S-ORG" not in forbidden_tags("ЛЬВІВ")


@pytest.mark.parametrize("word", ["Володимир", "Ізмаїла", "рівного"])
def test_a_town_that_is_also_a_person_or_written_in_lower_case_is_left_to_the_tagger(word):
    assert "S-PERS" not in forbidden_tags(word)


def test_the_town_list_is_read_from_the_models_folder():
    from extractor.ner.constraints import town_names

    assert {"рівне", "київ", "каштелу-бранку"} <= town_names()
    assert "ровно" in town_names()  # Ukraine's towns keep their Russian names too: news quotes them


def test_a_parliament_named_with_a_capital_is_an_entity_but_the_common_word_need_not_be():
    assert "O" in forbidden_tags("Сенат")  # the Senate
    assert "O" not in forbidden_tags("Парламент")  # "Парламент ухвалив закон": any parliament


@pytest.mark.parametrize("word", ["Учора", "Однак", "Тут", "Нього"])
def test_a_function_word_is_no_one_word_person_or_place(word):
    forbidden = forbidden_tags(word)
    assert {"S-PERS", "S-LOC"} <= forbidden and "S-ORG" not in forbidden  # newspapers: «Сьогодні»


def test_the_cabinet_is_an_organisation_named_like_a_place():
    assert {"S-LOC", "S-PERS", "O"} <= forbidden_tags("Кабміні")


@pytest.mark.parametrize("word", ["ВВП", "ДТП", "ПДВ"])
def test_an_abbreviation_of_a_common_noun_starts_no_name(word):
    assert {"S-ORG", "B-ORG", "S-LOC", "S-PERS", "S-MISC"} <= forbidden_tags(word)


@pytest.mark.parametrize("word", ["ВІЛ-інфекцією", "ВІЛ-позитивний", "IT-компанія", "SMS-повідомлення"])
def test_an_acronym_joined_to_a_lower_case_word_is_no_name_alone_and_starts_none(word):
    forbidden = forbidden_tags(word)
    assert {"S-PERS", "B-PERS", "S-LOC", "E-LOC", "S-MISC", "S-ORG", "B-ORG"} <= forbidden
    assert "E-ORG" not in forbidden and "O" not in forbidden  # it may end an organisation's name


@pytest.mark.parametrize("word", ["Су-25", "ЄС-Україна", "Франко-Прусська"])
def test_other_hyphenated_words_are_not_taken_for_acronym_compounds(word):
    assert not {"S-PERS", "S-LOC"} <= forbidden_tags(word)


@pytest.mark.parametrize("word", ["долар", "гривень", "євро", "центів"])
def test_a_currency_word_is_in_no_date_or_period(word):
    assert {f"{p}-{label}" for p in "BIES" for label in ("DATE", "TIME", "PERIOD")} <= forbidden_tags(word)
    assert not forbidden_tags(word) & {"B-MON", "E-MON", "S-MON"}


def test_a_vertical_bar_parting_a_headline_from_its_site_is_in_no_mention():
    assert {"B-ORG", "I-ORG", "E-ORG", "S-LOC", "I-PERS"} <= forbidden_tags("|")
    assert "O" not in forbidden_tags("|")


def test_a_colon_is_inside_no_name_of_a_person_place_or_organisation():
    assert {"I-PERS", "I-LOC", "I-ORG"} <= forbidden_tags(":")
    assert not {"I-ART", "I-MISC", "I-DOC", "O"} & forbidden_tags(":")


@pytest.mark.parametrize("word", ["Голова", "Головою", "Президент", "Директора", "Міністри"])
def test_a_noun_ner_uk_tags_as_a_job_is_no_one_word_name_and_in_no_persons_name(word):
    assert {"S-PERS", "S-ORG", "S-LOC", "S-MISC", "B-PERS", "I-PERS", "E-PERS"} <= forbidden_tags(word)
    assert not {"E-ORG", "B-JOB"} & forbidden_tags(word)  # "Кабінет Міністрів"; "Президент України" is a job


@pytest.mark.parametrize("word", ["Вчитель", "Трамп"])
def test_a_job_noun_that_is_also_a_character_or_a_name_may_be_a_person(word):
    assert "S-PERS" not in forbidden_tags(word)


def test_the_job_nouns_are_what_ner_uk_tags_as_one_word_jobs():
    from extractor.lexicon import words
    from extractor_lab.job_nouns import job_nouns
    from conftest import SHARED

    built = job_nouns(SHARED / "ner-uk-2.0")
    assert {"директор", "голова", "президент"} <= set(built)
    assert "вчитель" not in built  # also a one-word person in NER-UK's stories
    assert set(built) == words("job_nouns")  # the shipped list is the one `extractor-lab train jobs` writes


@pytest.mark.parametrize("word", ["офіційно", "її", "заявив", "ухвалити", "зріс"])
def test_no_name_runs_on_through_a_lower_case_adverb_pronoun_or_verb(word):
    assert {f"{p}-{label}" for p in "IE" for label in ("PERS", "LOC", "ORG")} <= forbidden_tags(word)
    assert not {"I-MISC", "I-ART", "I-DOC"} & forbidden_tags(word)  # titles may hold any word


@pytest.mark.parametrize("word", ["дель", "Офіційно", "з", "та", "справ"])
def test_name_particles_capitals_prepositions_conjunctions_and_nouns_may_be_inside_a_name(word):
    assert not {"I-ORG", "E-PERS"} & forbidden_tags(word)
