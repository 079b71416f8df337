"""What the dictionary rules out, the tagger never outputs, whatever the model."""
import pytest

from extractor.ner.constraints import forbidden_tags


@pytest.mark.parametrize("word, forbidden_label", [
    ("Приватбанк", "PERS"), ("Берліном", "PERS"), ("Картоплю", "PERS"), ("ЄС", "LOC"), ("Євросоюзу", "LOC"),
])
def test_inanimate_nouns_and_known_organisations(word, forbidden_label):
    assert {f"{p}-{forbidden_label}" for p in "BIES"} <= forbidden_tags(word)


@pytest.mark.parametrize("word", ["Тереза", "Зеленський", "Стармер", "12", ","])
def test_names_and_unknown_words_are_left_to_the_tagger(word):
    assert forbidden_tags(word) == frozenset()


def test_a_country_abbreviation_stays_a_place_or_an_organisation():
    assert not {t for t in forbidden_tags("КНДР") if t.endswith(("LOC", "ORG"))}


def test_a_plural_noun_for_people_does_not_start_an_organisation():
    assert forbidden_tags("Міністри") == {"B-ORG", "S-ORG"}


def test_cities_are_never_people_in_the_tagger_output(extractor):
    sentence = "Переговори між Берліном і Варшавою тривали тиждень , а Брюссель мовчав .".split()
    spans = extractor.ner.tag([sentence])
    assert not [s for s in spans if s.label == "PERS"]
