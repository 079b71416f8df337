"""One name, one type within a document (extractor/ner/consistency/), on hand-set spans."""
import pytest

from conftest import hand_built


def _labelled(extractor, text, spans):
    """(text, label) of the mentions after the pipeline, from hand-set spans (not the dates and money amounts
    the value rules add: these tests are about names)."""
    return [(e.text, e.label) for e in hand_built(extractor, text, spans).entities if e.source != "rule"]


def test_surname_of_a_full_name_is_a_person_everywhere_in_the_document(extractor):
    text = "Дональд Трамп прибув. Трамп заявив, що Трампа підтримали."
    document = hand_built(extractor, text, [("Дональд Трамп", "PERS"), ("Трамп", "LOC", 1)])
    people = [(e.text, e.label) for e in document.entities]
    assert people == [("Дональд Трамп", "PERS"), ("Трамп", "PERS"), ("Трампа", "PERS")]


def test_a_lone_surname_without_a_full_name_keeps_the_taggers_label(extractor):
    assert _labelled(extractor, "Трамп заявив, що Трампа підтримали.", [("Трамп", "LOC")]) == [("Трамп", "LOC")]


def test_a_name_that_goes_on_in_lower_case_after_a_common_noun_stays_whole(extractor):
    document = hand_built(extractor, "Міністерство закордонних справ України заявило.",
                          [("Міністерство закордонних справ України", "ORG")])
    assert [(e.text, e.label) for e in document.entities][0] == ("Міністерство закордонних справ України", "ORG")


@pytest.mark.parametrize("text, tagged, expected", [
    ("Європейська Комісія ухвалила звіт.", "Комісія", "Європейська Комісія"),
    ("Рішення ухвалила Європейська Комісія.", "Комісія", "Європейська Комісія"),
    ("Збірна Іспанії виграла.", "Іспанії", "Іспанії"),  # "Збірна" does not agree with "Іспанії"
])
def test_a_capitalized_adjective_agreeing_with_the_name_is_taken_in(extractor, text, tagged, expected):
    document = hand_built(extractor, text, [(tagged, "ORG" if "Комісія" in tagged else "LOC")])
    assert document.entities[0].text == expected


def test_a_name_keeps_the_type_most_of_its_mentions_have(extractor):
    text = "Європейський Союз ухвалив рішення. Країни Європейського Союзу погодились. Європейський Союз мовчить."
    document = hand_built(extractor, text, [("Європейський Союз", "ORG"), ("Європейського Союзу", "LOC"),
                                            ("Європейський Союз", "ORG", 1)])
    assert [e.label for e in document.entities] == ["ORG", "ORG", "ORG"]


def test_a_one_word_person_takes_the_type_most_mentions_of_its_name_have(extractor):
    text = "Бойовики здали позицію в Зайцевому. Із Зайцевого вийшли всі. Зайцеве обстрілюють щодня."
    spans = [("Зайцевому", "LOC"), ("Зайцевого", "PERS"), ("Зайцеве", "LOC")]
    assert [label for _, label in _labelled(extractor, text, spans)] == ["LOC", "LOC", "LOC"]


def test_a_surname_of_a_full_name_keeps_its_person_in_the_vote(extractor):
    text = "Прибув Іван Франко. Потім Франко виступив. У Франко тепло. Франко зустрічав гостей."
    spans = [("Іван Франко", "PERS"), ("Франко", "PERS", 1), ("Франко", "LOC", 2), ("Франко", "LOC", 3)]
    assert [label for _, label in _labelled(extractor, text, spans)] == ["PERS"] * 4


def test_a_name_tagged_two_ways_equally_often_stays_as_tagged(extractor):
    document = hand_built(extractor, "Вашингтон заявив. У Вашингтоні тепло.", [("Вашингтон", "ORG"), ("Вашингтоні", "LOC")])
    assert [e.label for e in document.entities] == ["ORG", "LOC"]


@pytest.mark.parametrize("text, mention, job, name", [
    ("Перший віце-президент Європейської комісії прибув до Києва.", "Перший віце-президент Європейської комісії",
     "Перший віце-президент", "Європейської комісії"),
    ("Глава МЗС Польщі прибув до Києва.", "Глава МЗС Польщі", "Глава", "МЗС Польщі"),  # "глава" is a chapter too
])
def test_a_job_heading_an_organisation_is_split_from_its_name(extractor, text, mention, job, name):
    assert _labelled(extractor, text, [(mention, "ORG")]) == [(job, "JOB"), (name, "ORG")]


def test_a_job_without_a_name_after_it_is_a_job(extractor):
    assert _labelled(extractor, "Про це заявив голова комісії.", [("голова комісії", "ORG")]) == \
        [("голова комісії", "JOB")]


def test_an_organisation_named_after_people_stays_whole(extractor):
    assert _labelled(extractor, "Кабінет Міністрів ухвалив постанову.", [("Кабінет Міністрів", "ORG")]) == \
        [("Кабінет Міністрів", "ORG")]


def test_a_place_after_a_surname_stays_a_place(extractor):
    assert _labelled(extractor, "Зустріч Шольц Берлін скасовано.", [("Шольц", "PERS"), ("Берлін", "LOC")]) == \
        [("Шольц", "PERS"), ("Берлін", "LOC")]


def test_a_name_of_several_words_is_tagged_wherever_the_document_repeats_it(extractor):
    text = "Європейська комісія запропонує скасувати візи. Про це повідомили в Європейській комісії."
    assert _labelled(extractor, text, [("Європейській комісії", "ORG")]) == [
        ("Європейська комісія", "ORG"), ("Європейській комісії", "ORG")]


def test_a_repeated_name_in_lower_case_is_a_common_phrase(extractor):
    text = "Європейська комісія засідала. Кожна європейська комісія має голову."
    document = hand_built(extractor, text, [("Європейська комісія", "ORG")])
    assert [e.text for e in document.entities] == ["Європейська комісія"]


def test_a_form_of_address_is_not_part_of_the_name(extractor):
    assert _labelled(extractor, "Пані Зеркаль зазначила це.", [("Пані Зеркаль", "PERS")]) == [("Зеркаль", "PERS")]


def test_a_character_named_by_a_common_noun_stays_a_person(extractor):
    assert _labelled(extractor, "Тюлень сказав це.", [("Тюлень", "PERS")]) == [("Тюлень", "PERS")]


def test_the_european_union_is_an_organisation_even_where_it_reads_as_a_place(extractor):
    assert _labelled(extractor, "Лідери країн Європейського Союзу зібралися.", [("Європейського Союзу", "LOC")]) == \
        [("Європейського Союзу", "ORG")]


def test_a_name_in_quotes_after_the_kind_of_work_is_a_title(extractor):
    assert _labelled(extractor, "Покажуть виставу за романом «Місто» у Львові.", [("Місто", "ORG"), ("Львові", "LOC")]) == \
        [("Місто", "ART"), ("Львові", "LOC")]


@pytest.mark.parametrize("text, name, tagged, expected", [
    ("Працівники фабрики «Світоч» вийшли на протест.", "Світоч", "PERS", "ORG"),
    ("Акції купила компанія «Дружба» з Полтави.", "Дружба", "LOC", "ORG"),
    ("Газопровід «Північний потік» так і не запустили.", "Північний потік", "LOC", "MISC"),
])
def test_a_name_in_quotes_after_a_company_or_a_pipeline_takes_that_kinds_type(extractor, text, name, tagged, expected):
    assert _labelled(extractor, text, [(name, tagged)]) == [(name, expected)]


def test_a_plural_noun_after_an_adjective_is_no_organisation(extractor):
    assert _labelled(extractor, "Ритуальні рухи священика вражали.", []) == []


def test_a_name_the_tagger_found_whole_is_not_cut_to_the_union_pattern(extractor):
    text = "Всесвітній фонд природи WWF закликав зберегти ліси."
    assert _labelled(extractor, text, [("Всесвітній фонд природи WWF", "ORG")]) == \
        [("Всесвітній фонд природи WWF", "ORG")]


def test_a_latin_brand_before_a_country_in_another_case_leaves_the_country(extractor):
    document = hand_built(extractor, "Продажі Samsung в Україні зросли.", [("Samsung", "ORG"), ("Україні", "LOC")])
    assert [(e.text, e.label) for e in document.entities] == [("Samsung", "ORG"), ("Україні", "LOC")]


def test_a_persons_name_after_a_party_is_not_part_of_its_name(extractor):
    text = "Кандидат Республіканської партії Дональда Трампа переміг."
    assert _labelled(extractor, text, [("Дональда Трампа", "PERS")]) == [("Дональда Трампа", "PERS")]


@pytest.mark.parametrize("text, spans", [
    ("Компанії Ріната Ахметова належить ДТЕК.", [("Ріната Ахметова", "PERS"), ("ДТЕК", "ORG")]),
    ("Це ще одна компанія Машненкова.", [("Машненкова", "PERS")]),  # its owner, in the genitive
    ("Акції компанії Маска подорожчали.", [("Маска", "PERS")]),  # a surname in the genitive, though "маска" is a word
    ("Ставку підвищив банк Японії.", [("Японії", "LOC")]),
])
def test_an_owner_or_a_country_after_a_word_for_a_company_keeps_its_type(extractor, text, spans):
    assert _labelled(extractor, text, spans) == spans


def test_a_capitalized_union_and_common_genitive_words_are_no_name(extractor):
    assert _labelled(extractor, "Профспілка вчителів заявила про страйк.", []) == []


def test_a_person_read_as_an_adjective_before_its_noun_is_a_place(extractor):
    assert _labelled(extractor, "Кремль відкинув пропозицію Білого дому.", [("Білого", "PERS")]) == [
        ("Білого дому", "LOC")]


def test_a_place_read_as_an_adjective_alone_takes_in_its_noun(extractor):
    document = hand_built(extractor, "Зустріч відбулася у Білому домі ввечері.", [("Білому", "LOC")])
    assert [(e.text, e.label, e.lemma) for e in document.entities] == [("Білому домі", "LOC", "Білий дім")]


def test_a_name_read_as_an_adjective_alone_takes_in_the_noun_it_agrees_with(extractor):
    assert _labelled(extractor, "Вони говорили про Київську громаду.", [("Київську", "LOC")]) == [
        ("Київську громаду", "LOC")]
    assert _labelled(extractor, "Він виступив на Українському радіо.", [("Українському", "ORG")]) == [
        ("Українському радіо", "ORG")]


def test_a_name_does_not_take_in_a_noun_its_adjective_does_not_agree_with(extractor):
    assert _labelled(extractor, "Від Сумської губернатор поїхав до Києва.", [("Сумської", "LOC")])[0] == (
        "Сумської", "LOC")
    assert _labelled(extractor, "Вона бачила Київську мерію вчора.", [("Київську", "LOC"), ("мерію", "ORG")]) == [
        ("Київську", "LOC"), ("мерію", "ORG")]


def test_a_misc_name_headed_by_an_institution_is_an_organisation(extractor):
    text = "Кошти надійдуть від Світового банку до кінця року."
    assert _labelled(extractor, text, [("Світового банку", "MISC")]) == [("Світового банку", "ORG")]
    assert _labelled(extractor, "Він зібрав Кубок світу.", [("Кубок світу", "MISC")]) == [("Кубок світу", "MISC")]


def test_an_adjective_that_agrees_or_opens_a_quote_is_no_job(extractor):
    text = "Гроші переказав уповноважений банк Національного банку."
    assert ("уповноважений банк", "ORG") in _labelled(extractor, text, [("уповноважений банк", "ORG")])
    text = "Їх нагородили медаллю «Будівничий України» минулого року."
    assert _labelled(extractor, text, [("Будівничий України", "ORG")]) == [("Будівничий України", "ORG")]


def test_a_word_before_a_first_name_and_a_surname_is_no_part_of_the_name(extractor):
    text = "На сесії мер Луцька Микола Романюк заявив про це."
    assert _labelled(extractor, text, [("Луцька Микола Романюк", "PERS")]) == [
        ("Луцька", "LOC"), ("Микола Романюк", "PERS")]
    text = "За списком Блоку Порошенка Костянтину Яринічу дісталося місце."
    assert _labelled(extractor, text, [("Порошенка Костянтину Яринічу", "PERS")]) == [
        ("Порошенка", "PERS"), ("Костянтину Яринічу", "PERS")]


def test_a_surname_first_with_a_patronymic_or_second_first_name_is_one_person(extractor):
    for name in ("Рудь Петро Володимирович", "Вінклер Томас Рольф"):
        assert _labelled(extractor, f"Наказ підписав {name} учора.", [(name, "PERS")]) == [(name, "PERS")]


def test_a_party_in_quotes_between_two_people_joins_nobody(extractor):
    text = "Від партії «Блок Петра Порошенка «Солідарність» Сергій Дапринда пройшов."
    spans = [("Петра Порошенка", "PERS"), ("Солідарність", "ORG"), ("Сергій Дапринда", "PERS")]
    assert _labelled(extractor, text, spans) == [
        ("Петра Порошенка", "PERS"), ("Солідарність", "ORG"), ("Сергій Дапринда", "PERS")]


def test_an_adjective_for_a_person_is_a_job(extractor):
    text = "Слідчий групи допитав свідка, а слідчому повідомили про це."
    assert _labelled(extractor, text, [("Слідчий групи", "JOB"), ("слідчому", "JOB")]) == [
        ("Слідчий групи", "JOB"), ("слідчому", "JOB")]
    assert _labelled(extractor, "Його викликав слідчий групи.", [("слідчий групи", "JOB")]) == [
        ("слідчий групи", "JOB")]


def test_a_date_in_figures_stays_a_date(extractor):
    text = "Угоду підписали 18.12.2015 у Києві."
    assert _labelled(extractor, text, [("18.12.2015", "DATE")])[0] == ("18.12.2015", "DATE")


def test_a_possessive_adjective_of_a_person_stays_a_person(extractor):
    assert _labelled(extractor, "Поруч біситься весела Данкова компанія.", [("Данкова", "PERS")]) == [
        ("Данкова", "PERS")]


@pytest.mark.parametrize("text, organisation, place", [
    ("Угоду підписали НАТО та Україна.", "НАТО", "Україна"),  # a country
    ("Кредит отримали Нафтогаз і Київ.", "Нафтогаз", "Київ"),  # a town
    ("Нафтогаз, а також Київстар заявили про збої.", "Нафтогаз", "Київстар"),  # not joined by "і", "й", "та"
])
def test_countries_towns_and_other_neighbours_of_an_organisation_stay_places(extractor, text, organisation, place):
    assert _labelled(extractor, text, [(organisation, "ORG"), (place, "LOC")]) == [(organisation, "ORG"), (place, "LOC")]


@pytest.mark.parametrize("text, spans, expected", [
    ("Газопровід Baltic Pipe запрацював.", [("Baltic Pipe", "PERS")], [("Baltic Pipe", "MISC")]),
    ("Газопровід Nord Stream 2 зупинили.", [("Nord Stream 2", "ORG")], [("Nord Stream 2", "MISC")]),
    ("Газопровід Росії зупинили.", [("Росії", "LOC")], [("Росії", "LOC")]),  # Cyrillic: not without quotes
    ("Компанія Baltic Pipe заявила.", [("Baltic Pipe", "ORG")], [("Baltic Pipe", "ORG")]),
])
def test_a_latin_script_name_after_a_pipeline_word_is_the_pipeline(extractor, text, spans, expected):
    assert _labelled(extractor, text, spans) == expected


@pytest.mark.parametrize("text, spans, expected", [
    ("Національний банк підвищив облікову ставку.", [], [("Національний банк", "ORG")]),
    ("Федеральна резервна система знизила ставку.", [], [("Федеральна резервна система", "ORG")]),
    ("Національний банк України знизив ставку.", [("України", "LOC")], [("Національний банк України", "ORG")]),
    ("Європейська комісія схвалила план.", [], [("Європейська комісія", "ORG")]),
    ("Новий банк відкрився в центрі.", [], []),  # comparable: a description, not a name
    ("Перший банк відкрився в центрі.", [], []),  # an ordinal
    ("Найстаріша неурядова організація США опублікувала заяву.", [("США", "LOC")], [("США", "LOC")]),  # superlative
    ("Міжнародні організації засудили напад.", [], []),  # plural: a kind, not one
    ("Вчора національний банк знизив ставку.", [], []),  # not at the start: the tagger's, with its capitals
    ("Прокуратура Німеччини продовжує розслідування.", [("Німеччини", "LOC")], [("Прокуратура Німеччини", "ORG")]),
    ("Прокуратура Києва відкрила справу.", [], [("Прокуратура Києва", "ORG")]),
    ("Банк Японії підвищив ставку.", [("Японії", "LOC")], [("Банк Японії", "ORG")]),
    ("Прокуратура відкрила справу.", [], []),  # the noun alone names no one
    ("Суди Києва ухвалили рішення.", [], []),  # plural: a kind, not one
])
def test_an_institution_at_a_sentences_start_is_an_organisation(extractor, text, spans, expected):
    assert _labelled(extractor, text, spans) == expected


@pytest.mark.parametrize("text, spans, expected", [
    ("Сучасна Росія стала імперією.", [("Росія", "LOC")], [("Росія", "LOC")]),  # described, not named
    ("Велика Британія вийшла з угоди.", [("Британія", "LOC")], [("Велика Британія", "LOC")]),  # a country's name
    ("Вчора Сучасна Росія видала книгу.", [("Росія", "ORG")], [("Сучасна Росія", "ORG")]),  # a capital mid-sentence
])
def test_an_adjective_at_a_sentences_start_is_taken_in_only_when_it_names(extractor, text, spans, expected):
    assert _labelled(extractor, text, spans) == expected


def test_an_acronym_alone_read_as_a_person_is_left_to_the_later_steps(extractor):
    """A one-word PERS "КНДР" has no name after it to split off: no empty mention appears."""
    document = hand_built(extractor, "Війська КНДР прибули.", [("КНДР", "PERS")])
    assert [(e.text, e.label) for e in document.entities] == [("КНДР", "LOC")]


def test_a_number_before_a_money_amount_without_a_range_stays_apart(extractor):
    document = hand_built(extractor, "У 2024 до 500 гривень додали ще 100.",
                          [("2024", "DATE"), ("500 гривень", "MON")])
    assert [(e.text, e.label) for e in document.entities] == [("2024", "DATE"), ("500 гривень", "MON")]


@pytest.mark.parametrize("name, text, spans, expected", [
    ("drop_honorifics", "Пані Зеркаль заявила про це.", [("Пані Зеркаль", "PERS")], [("Зеркаль", "PERS")]),
    ("split_job_from_name", "Канцлер Олаф Шольц прибув.", [("Канцлер Олаф Шольц", "PERS")],
     [("Канцлер", "JOB"), ("Олаф Шольц", "PERS")]),
    ("surnames_are_people", "Дональд Трамп прибув. Трамп заявив.", [("Дональд Трамп", "PERS"), ("Трамп", "LOC", 1)],
     [("Дональд Трамп", "PERS"), ("Трамп", "PERS")]),
    # a full name's surname, in the nominative, at the end of another name: two names glued
    ("surnames_are_people", "Дональд Трамп виграв. В інтерв'ю NBC Трамп сказав це.",
     [("Дональд Трамп", "PERS"), ("NBC Трамп", "ORG")], [("Дональд Трамп", "PERS"), ("NBC", "ORG"), ("Трамп", "PERS")]),
    ("surnames_are_people", "Дональд Трамп виграв. Від партії республіканців Дональд Трамп пішов.",
     [("Дональд Трамп", "PERS"), ("партії республіканців Дональд Трамп", "ORG")],
     [("Дональд Трамп", "PERS"), ("партії республіканців", "ORG"), ("Дональд Трамп", "PERS")]),
    # the whole mention is the full name: a person, not an organisation with a name cut off
    ("surnames_are_people", "Дональд Трамп виграв. Мільярдер Дональд Трамп заявив.",
     [("Дональд Трамп", "PERS"), ("Дональд Трамп", "ORG", 1)], [("Дональд Трамп", "PERS"), ("Дональд Трамп", "PERS")]),
    # named after a person, in the genitive: one name
    ("surnames_are_people", "Тарас Шевченко писав. Університет Шевченка відкрився.",
     [("Тарас Шевченко", "PERS"), ("Університет Шевченка", "ORG")],
     [("Тарас Шевченко", "PERS"), ("Університет Шевченка", "ORG")]),
    # an institution named by its head noun after its full name: one name, one type
    ("one_type_per_name", "Посли Європейського Союзу зустрілися. Держави Союзу погодили санкції.",
     [("Європейського Союзу", "ORG"), ("Союзу", "LOC", 1)], [("Європейського Союзу", "ORG"), ("Союзу", "ORG")]),
    # a head two names share stands for neither
    ("one_type_per_name", "Посли Європейського Союзу і Митного Союзу зустрілися. Держави Союзу погодили санкції.",
     [("Європейського Союзу", "ORG"), ("Митного Союзу", "ORG"), ("Союзу", "LOC", 2)],
     [("Європейського Союзу", "ORG"), ("Митного Союзу", "ORG"), ("Союзу", "LOC")]),
])
def test_a_step_called_by_name_mends_its_mistake_alone(extractor, name, text, spans, expected):
    from conftest import one_step

    assert one_step(extractor, name, text, spans) == expected


def test_every_step_has_a_unique_name_and_an_unknown_name_is_refused():
    from extractor import Extractor
    from extractor.ner.consistency import STEPS

    assert len({step.name for step in STEPS}) == len(STEPS) == 10
    with pytest.raises(ValueError, match="unknown consistency step"):
        Extractor(consistency_off=["no_such_step"])


def test_a_trace_says_which_step_changed_which_mention(extractor):
    from extractor.document import mention_at
    from extractor.ner.consistency import make_names_consistent

    def tagged():
        document = hand_built(extractor, "Канцлер Олаф Шольц прибув.", [])
        document.entities = [mention_at(document, "Канцлер Олаф Шольц", "PERS")]
        return document

    document, trace = tagged(), []
    make_names_consistent(document, trace=trace)
    # a word before a full name is cut off it, as the job it is
    assert trace == [("name_before_a_full_name", [("Канцлер Олаф Шольц", "PERS")],
                      [("Канцлер", "JOB"), ("Олаф Шольц", "PERS")])]
    off = tagged()
    make_names_consistent(off, off=frozenset({"name_before_a_full_name"}))
    # with both off, the later split_job_from_name mends it the same way
    assert [(e.text, e.label) for e in off.entities] == [("Канцлер", "JOB"), ("Олаф Шольц", "PERS")]


def test_a_step_only_returns_edits_and_apply_carries_them_out(extractor):
    from extractor.document import mention_at
    from extractor.ner.consistency import STEPS
    from extractor.ner.consistency.edits import apply, by_sentence

    document = hand_built(extractor, "Канцлер Олаф Шольц прибув.", [])
    document.entities = [mention_at(document, "Канцлер Олаф Шольц", "PERS")]
    step = next(step for step in STEPS if step.name == "split_job_from_name")
    edits = step.find(document.sentences[0], by_sentence(document)[0])
    # finding changes nothing: the step asks for a new JOB mention and a shorter name
    assert [(e.text, e.label) for e in document.entities] == [("Канцлер Олаф Шольц", "PERS")]
    assert [(e.mention is None, e.label, e.tokens) for e in edits] == [(True, "JOB", (0, 1)), (False, None, (1, 3))]
    apply(document, edits)
    assert [(e.text, e.label) for e in document.entities] == [("Канцлер", "JOB"), ("Олаф Шольц", "PERS")]


def test_apply_removes_relabels_and_sorts_once(extractor):
    from extractor.document import mention_at
    from extractor.ner.consistency.edits import add, apply, relabel, remove, resize

    document = hand_built(extractor, "Прокуратура Німеччини і Польщі заявила.", [])
    germany, poland = mention_at(document, "Німеччини", "ORG"), mention_at(document, "Польщі", "PERS")
    document.entities = [poland, germany]
    apply(document, [remove(germany), relabel(poland, "LOC"), add(0, 0, 1, "ORG"), resize(poland, 3, 4)])
    assert [(e.text, e.label) for e in document.entities] == [("Прокуратура", "ORG"), ("Польщі", "LOC")]
