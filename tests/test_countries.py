"""Every mention that denotes a country gets its ISO 3166-1 alpha-2 code, whatever its case or form."""
import pytest

from extractor.rules.countries import country_code, demonym_code
from extractor.linking import entity_id

from conftest import hand_built


@pytest.mark.parametrize("sentence, surface, code", [
    ("Війська Росії відступили.", "Росії", "RU"),
    ("Україна воює з Росією.", "Росією", "RU"),
    ("Санкції проти РФ посилили.", "РФ", "RU"),
    ("Війська КНДР прибули.", "КНДР", "KP"),
    ("Солдати з Північної Кореї прибули.", "Північної Кореї", "KP"),
    ("Представники США прибули.", "США", "US"),
    ("Заява Японії була різкою.", "Японії", "JP"),
])
@pytest.mark.parametrize("tagged_as", [None, "LOC", "ORG"])
def test_country_mentions_get_codes(extractor, sentence, surface, code, tagged_as):
    """Whether the tagger missed the name (the gazetteer finds it), called it a place, or an organisation."""
    document = hand_built(extractor, sentence, [(surface, tagged_as)] if tagged_as else [])
    found = [(e.text, e.label, e.country_code) for e in document.entities]
    assert (surface, "LOC", code) in found
    assert all(code for _, _, code in found)  # nothing else is taken for a country


def test_gazetteer_uses_pycountry_names_and_news_forms():
    assert country_code("Нова Зеландія") == "NZ"  # from pycountry's Ukrainian names
    assert country_code("Північна Корея") == "KP"
    assert country_code("РФ") == "RU"
    assert country_code("Європа") is None
    assert demonym_code("північнокорейський") == "KP"


@pytest.mark.parametrize("label", ["ORG", "PERS"])
def test_a_country_the_tagger_called_something_else_becomes_a_place(extractor, label):
    document = hand_built(extractor, "Війська КНДР прибули до Курської області.",
                          [("КНДР", label), ("Курської області", "LOC")])
    assert [(e.text, e.label, e.lemma, e.country_code) for e in document.entities] == [
        ("КНДР", "LOC", "КНДР", "KP"), ("Курської області", "LOC", "Курська область", None)]


def test_a_name_that_is_not_a_country_keeps_its_label(extractor):
    document = hand_built(extractor, "Компанія Нафтогаз заявила про це.", [("Нафтогаз", "ORG")])
    assert [(e.label, e.country_code) for e in document.entities] == [("ORG", None)]


@pytest.mark.parametrize("sentence, found", [
    ("Того ж вечора про це дізналися глядачі.", []),  # a pronoun at the start, not Togo
    ("Малі діти гралися надворі.", []),  # an adjective, not Mali
    ("Президент Того прибув до Києва.", [("Того", "TG")]),  # a capital mid-sentence: Togo
    ("Україна перемогла.", [("Україна", "UA")]),  # only a noun: a country at the start too
])
def test_a_country_name_that_is_also_a_common_word_is_not_one_at_a_sentences_start(extractor, sentence, found):
    document = hand_built(extractor, sentence, [])
    assert [(e.text, e.country_code) for e in document.entities if e.label == "LOC"] == found


@pytest.mark.parametrize("spans, expected", [
    ([("Сполученим", "PERS")], [("Україна", "LOC"), ("Сполученим Штатам", "LOC")]),
    ([("Штатам", "LOC")], [("Україна", "LOC"), ("Сполученим Штатам", "LOC")]),
    # a mention that reaches outside the country's name is left to the tagger
    ([("Сполученим Штатам за", "ORG")], [("Україна", "LOC"), ("Сполученим Штатам за", "ORG")]),
])
def test_a_country_name_of_several_words_replaces_mentions_inside_it(extractor, spans, expected):
    document = hand_built(extractor, "Україна дякує Сполученим Штатам за підтримку.", spans)
    assert [(e.text, e.label) for e in document.entities] == expected


def test_a_tagged_country_name_stays_the_taggers(extractor):
    """The gazetteer adds and replaces only what the tagger missed; a whole name it found stays its own."""
    document = hand_built(extractor, "Україна дякує Сполученим Штатам.", [("Сполученим Штатам", "ORG")])
    assert [(e.text, e.label, e.source) for e in document.entities] == [
        ("Україна", "LOC", "gazetteer"), ("Сполученим Штатам", "LOC", "ner")]


CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _country_forms():
    """(form, code) of every one-word country name the dictionary knows, in six cases (and, for a plural name
    such as "Нідерланди", in the plural), as pymorphy3 inflects them; capitalized as written."""
    from extractor.morphology.analyzer import parses
    from extractor.rules.countries import country_names

    forms = {}
    for name, code in country_names().items():
        if " " in name or "-" in name:
            continue
        readings = [p for p in parses(name) if p.is_known and p.tag.POS == "NOUN" and "nomn" in p.tag]
        if not readings or "Abbr" in readings[0].tag:
            continue
        for case in CASES:
            inflected = readings[0].inflect({case})
            if inflected:
                forms[inflected.word.capitalize()] = code
    return forms


def test_every_country_is_coded_in_every_case(extractor):
    forms = _country_forms()
    assert len(forms) > 600
    items = sorted(forms.items())
    text = "\n".join(f"Новина: про {form} пишуть." for form, _ in items)
    document = hand_built(extractor, text)
    coded = {e.text: e.country_code for e in document.entities if e.label == "LOC"}
    missed = [(form, code, coded.get(form)) for form, code in items if coded.get(form) != code]
    assert not missed, missed[:40]


@pytest.mark.parametrize("text, name, label, code, entity, text_without, name_without", [
    ("Міністр закордонних справ України наголосив на цьому.", "Міністр закордонних справ України", "JOB", "UA",
     "JOB:міністр закордонних справ україни", "Міністр оборони заявив.", "Міністр оборони"),
    ("Рішення Верховного суду США оприлюднили.", "Верховного суду США", "ORG", "US", "ORG:верховний суд сша",
     "Рішення Європейської комісії оприлюднили.", "Європейської комісії"),
])
def test_a_job_or_organisation_that_ends_in_a_country_keeps_its_label_and_gets_the_code(
        extractor, text, name, label, code, entity, text_without, name_without):
    document = hand_built(extractor, text, [(name, label)])
    assert [(e.text, e.label, e.country_code) for e in document.entities] == [(name, label, code)]
    assert entity_id(label, entity.split(":", 1)[1], code) == entity
    assert hand_built(extractor, text_without, [(name_without, label)]).entities[0].country_code is None


def test_a_country_name_tagged_misc_is_a_place(extractor):
    document = hand_built(extractor, 'Він подякував за "служіння Сполученим Штатам".', [("Сполученим Штатам", "MISC")])
    assert [(e.text, e.label, e.country_code) for e in document.entities] == [("Сполученим Штатам", "LOC", "US")]


@pytest.mark.parametrize("text, tagged, expected", [
    # a country in an oblique case opens no longer name: two names glued into one
    ("Він визнав анексію Росією Криму.", [("Росією Криму", "LOC")],
     [("Росією", "LOC", "RU"), ("Криму", "LOC", None)]),
    ("Прем'єр Норвегії Юнас Стере заявив.", [("Норвегії Юнас Стере", "PERS")],
     [("Норвегії", "LOC", "NO"), ("Юнас Стере", "PERS", None)]),
    # a country that is the head of the name, or the whole name, stays
    ("Делегація Сполучених Штатів Америки прибула.", [("Сполучених Штатів Америки", "LOC")],
     [("Сполучених Штатів Америки", "LOC", "US")]),
    ("Газета Україна молода писала.", [("Україна молода", "ORG")], [("Україна молода", "ORG", None)]),
])
def test_a_country_in_an_oblique_case_is_split_from_the_name_after_it(extractor, text, tagged, expected):
    document = hand_built(extractor, text, tagged)
    assert [(e.text, e.label, e.country_code) for e in document.entities] == expected
