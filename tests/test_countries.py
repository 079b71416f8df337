"""Every mention that denotes a country gets its ISO 3166-1 alpha-2 code, whatever its case or form."""
import pytest

from extractor.rules.countries import country_code, demonym_code


@pytest.mark.parametrize("sentence, surface, code", [
    ("Війська Росії відступили.", "Росії", "RU"),
    ("Україна воює з Росією.", "Росією", "RU"),
    ("Санкції проти РФ посилили.", "РФ", "RU"),
    ("Війська КНДР прибули.", "КНДР", "KP"),
    ("Солдати з Північної Кореї прибули.", "Північної Кореї", "KP"),
    ("Представники США прибули.", "США", "US"),
    ("Заява Японії була різкою.", "Японії", "JP"),
])
def test_country_mentions_get_codes(extractor, sentence, surface, code):
    document = extractor(sentence)
    codes = {e.text: e.country_code for e in document.entities}
    assert codes.get(surface) == code, [(e.text, e.label, e.lemma, e.country_code) for e in document.entities]


def test_gazetteer_uses_pycountry_names_and_news_forms():
    assert country_code("Нова Зеландія") == "NZ"  # from pycountry's Ukrainian names
    assert country_code("Північна Корея") == "KP"
    assert country_code("РФ") == "RU"
    assert country_code("Європа") is None
    assert demonym_code("північнокорейський") == "KP"


@pytest.mark.parametrize("label", ["ORG", "PERS"])
def test_a_country_the_tagger_called_something_else_becomes_a_place(extractor, label):
    from extractor.rules.countries import tag_countries

    document = extractor("Війська КНДР прибули до Курської області.")
    korea = next(e for e in document.entities if e.text == "КНДР")
    korea.label, korea.country_code = label, None  # as the tagger sometimes has it
    tag_countries(document)
    assert (korea.label, korea.country_code) == ("LOC", "KP")
    assert sum(e.text == "КНДР" for e in document.entities) == 1
