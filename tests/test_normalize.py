"""Entity mentions go to dictionary form: nominative, agreeing, original capitalization."""
import pytest

from conftest import hand_built
from extractor.document import Document
from extractor.normalize import normalize_entity
from extractor.segment import segment


@pytest.mark.parametrize("text, label, expected", [
    ("Курській області", "LOC", "Курська область"),
    ("Володимира Путіна", "PERS", "Володимир Путін"),
    ("Північною Кореєю", "LOC", "Північна Корея"),
    ("Міністерства закордонних справ Японії", "ORG", "Міністерство закордонних справ Японії"),
    ("Росією", "LOC", "Росія"),
    ("Юлії Тимошенко", "PERS", "Юлія Тимошенко"),
    ("Сполучених Штатах", "LOC", "Сполучені Штати"),
    ("Ради безпеки ООН", "ORG", "Рада безпеки ООН"),
    ("Києві", "LOC", "Київ"),
    ("НАЗКу", "ORG", "НАЗК"),  # an abbreviation with its case ending written after it
    ("УДАРу", "ORG", "УДАР"),
    ("НАБУ", "ORG", "НАБУ"),
    ("Нову Зеландію", "LOC", "Нова Зеландія"),
    ("Північно-Атлантичного альянсу", "ORG", "Північно-Атлантичний альянс"),
    ("ПАТ «Укртрансгаз»", "ORG", "ПАТ «Укртрансгаз»"),
    ("директор", "JOB", "директор"),
    ("міністрами закордонних справ", "JOB", "міністр закордонних справ"),  # jobs are singular
    ("генеральних директорів", "JOB", "генеральний директор"),
    # an adjective that is also a noun for a person, not agreeing with the noun after it, heads the phrase
    ("слідчий поліції", "JOB", "слідчий поліції"),
    ("слідчому поліції", "JOB", "слідчий поліції"),
    ("Уповноважена Верховної Ради з прав людини", "JOB", "Уповноважена Верховної Ради з прав людини"),
    ("черговими частини", "JOB", "черговий частини"),
    ("Збройних сил", "ORG", "Збройні сили"),  # plural-only names stay plural
    ("15 березня 2024 року", "DATE", "15 березня 2024 року"),
    # a surname the dictionary lacks agrees with the first name that fixes the case
    ("Віктора Вакараша", "PERS", "Віктор Вакараш"),
    ("Романа Шмігельського", "PERS", "Роман Шмігельський"),
    ("Олафом Шольцом", "PERS", "Олаф Шольц"),
    ("Тетяною Неліною", "PERS", "Тетяна Неліна"),
    ("Урсулою фон дер Ляєн", "PERS", "Урсула фон дер Ляєн"),
    # foreign surnames that do not decline keep their form; the guesser's "first name" does not
    # stop an unknown surname from agreeing ("Сантера" read as a woman's name Сантера)
    ("Сандро Ґоці", "PERS", "Сандро Ґоці"),
    ("Романо Проді", "PERS", "Романо Проді"),  # not the vocative of "Романа"
    ("Пет Тумі", "PERS", "Пет Тумі"),
    ("Алессандро Ізоні", "PERS", "Алессандро Ізоні"),
    ("Жана Сантера", "PERS", "Жан Сантер"),
    ("Шевченкові", "PERS", "Шевченко"),
    ("Кір Стармер", "PERS", "Кір Стармер"),  # not "Кіри": a person is singular
    ("Прем'єр", "JOB", "Прем'єр"),  # a job is held by a person, not a premiere ("прем'єра")
    # the lemma keeps the apostrophe the text uses
    ("Об’єднаних Арабських Еміратів", "LOC", "Об’єднані Арабські Емірати"),
    ("Об'єднаних Арабських Еміратів", "LOC", "Об'єднані Арабські Емірати"),
    # adjectives before an abbreviation agree with its gender
    ("Чорнобильської АЕС", "ORG", "Чорнобильська АЕС"),
    ("Запорізькою АЕС", "ORG", "Запорізька АЕС"),
    ("Генеральною Асамблеєю ООН", "ORG", "Генеральна Асамблея ООН"),
    # the head agrees with its adjective before the lemma of the word alone (not "Київський Рух")
    ("Київської Русі", "LOC", "Київська Русь"),
    ("Південно-Китайському морі", "LOC", "Південно-Китайське море"),  # the hyphen stays
])
def test_normalize_entity(extractor, text, label, expected):
    document = Document("t", text)
    segment(document)
    extractor.morphology(document)
    assert normalize_entity(document.sentences[0].tokens, label) == expected


def test_mentions_in_different_cases_collapse_into_one_entity(extractor):
    tables = extractor.extract(["Володимир Путін заявив про це. Заяву Володимира Путіна засудили. "
                                "Володимиру Путіну відповіли в Києві."])
    putin = tables.entities[tables.entities.lemma == "Володимир Путін"]
    assert len(putin) == 1
    assert int(putin.iloc[0].mentions) == 3


@pytest.mark.parametrize("text, label, expected", [
    ("Режисер фільму заявив про це.", "JOB", "режисер"),  # capital from the sentence start only
    ("Журналістка написала статтю.", "JOB", "журналістка"),
    ("Марія написала статтю.", "PERS", "Марія"),  # names keep theirs
    ("Олександр прийшов.", "JOB", "Олександр"),  # even under a common-noun label
])
def test_sentence_start_capital_is_dropped_for_common_nouns(extractor, text, label, expected):
    from extractor.document import Entity
    from extractor.normalize import normalize_entities

    document = Document("t", text)
    segment(document)
    extractor.morphology(document)
    first = document.sentences[0].tokens[0]
    document.entities.append(Entity(first.start, first.end, first.text, label, 0, 0, 1))
    normalize_entities(document)
    assert document.entities[0].lemma == expected


def test_a_dateline_in_capitals_is_read_as_the_place_it_spells(extractor):
    from conftest import hand_built

    document = hand_built(extractor, "КИЇВ. Рада НАТО ухвалила рішення.\nЛЬВІВ, 5 листопада. Виставка відкрилася.",
                          [("КИЇВ", "LOC"), ("ЛЬВІВ", "LOC")])
    assert [(e.text, e.lemma) for e in document.entities] == [("КИЇВ", "Київ"), ("ЛЬВІВ", "Львів")]
    assert [t.norm for t in document.tokens if t.text == "НАТО"] == ["НАТО"]  # only the opening word of a line


@pytest.mark.parametrize("text, mention, label, lemma", [
    # "Павла Клімкіна" is also a woman's name in the nominative; after "заява" it is Павло Клімкін's
    pytest.param("Це заява Павла Клімкіна на зустрічі.", "Павла Клімкіна", "PERS", "Павло Клімкін",
                 id="a name that reads two ways takes the reading of its context"),
    pytest.param("Він зустрівся з Майком Помпео.", "Майком Помпео", "PERS", "Майк Помпео",
                 id="a first name and a surname of one form take the first name in context"),
    pytest.param("Трамп призначив конгресмена Майка Помпео головою ЦРУ.", "Майка Помпео", "PERS", "Майк Помпео",
                 id="a first name before an indeclinable surname is a first name, not a surname Майка"),
    pytest.param("Кіра Стармера зустріла журналістів.", "Кіра Стармера", "PERS", "Кіра Стармера",
                 id="a name without its nominative in the document stays as written (a woman's, as far as it tells)"),
    pytest.param("Санкції проти Роснафти запровадили.", "Роснафти", "ORG", "Роснафта",
                 id="a company name the dictionary lacks declines like its stems"),
    pytest.param("Представники Кривбасзалізрудкому мовчать.", "Кривбасзалізрудкому", "ORG", "Кривбасзалізрудком",
                 id="a company name the guesser misreads keeps its stem"),
    pytest.param("Повідомили в Ізмаїльському порту.", "Ізмаїльському порту", "LOC", "Ізмаїльський порт",
                 id="a lower-case head is no indeclinable name (not Ізмаїльське agreeing with Порту)"),
    pytest.param("Книгу Роман Гюго видали.", "Роман Гюго", "PERS", "Роман Гюго",
                 id="an indeclinable name keeps the spelling written (the dictionary also has it as Гюґо)"),
    # a woman's first name that also reads as a man's genitive, before a surname that does not show
    # its case: the verb after it tells
    pytest.param("Прем'єрка Італії Джорджа Мелоні зустрілася з ним.", "Джорджа Мелоні", "PERS", "Джорджа Мелоні",
                 id="a woman in the nominative, by the feminine verb after her name"),
    pytest.param("Голова Європарламенту Роберта Мецола відвідала Київ.", "Роберта Мецола", "PERS", "Роберта Мецола",
                 id="a woman's name the dictionary knows, with a surname it lacks"),
    pytest.param("Брат Джорджа Мелоні заявив про відставку.", "Джорджа Мелоні", "PERS", "Джордж Мелоні",
                 id="without a feminine verb it is a man's genitive"),
    pytest.param("Позиція Олафа Шольца змінилася.", "Олафа Шольца", "PERS", "Олаф Шольц",
                 id="a feminine verb after a declined surname agrees with something else"),
])
def test_one_mention_in_context(extractor, text, mention, label, lemma):
    document = hand_built(extractor, text, [(mention, label)])
    assert [e.lemma for e in document.entities if e.text == mention] == [lemma]


def test_a_declined_foreign_name_takes_the_nominative_the_document_gives_it(extractor):
    text = "Кір Стармер заявив про підтримку. Зустріч Кіра Стармера з журналістами відбулася."
    document = hand_built(extractor, text, [("Кір Стармер", "PERS"), ("Кіра Стармера", "PERS")])
    assert [e.lemma for e in document.entities] == ["Кір Стармер", "Кір Стармер"]


@pytest.mark.parametrize("nominative", ["Джамала", "Джамаль"])
def test_a_name_with_two_readings_takes_the_one_the_document_gives_in_the_nominative(extractor, nominative):
    """"Джамалі" reads as a form of Джамала and of Джамаль: the document's nominative decides."""
    text = f"{nominative} виступила. Джамалі аплодували."
    document = hand_built(extractor, text, [(nominative, "PERS"), ("Джамалі", "PERS")])
    assert [e.lemma for e in document.entities] == [nominative, nominative]


def test_a_brand_in_two_capitals_and_a_town_in_an_oblique_case_keep_an_analysts_form(extractor):
    found = {e.text: e.lemma for e in extractor('Банки "ПриватБанк" і "Ощадбанк" знизили ставки. У Газі тривають бої.').entities}
    assert found["ПриватБанк"] == "ПриватБанк" and found["Ощадбанк"] == "Ощадбанк"
    assert found["Газі"] == "Газа"
