"""A surname or initials stand for the one full name of the same document."""
from extractor.document import Document, Entity
from extractor.linking import link_people

from conftest import hand_built


def _linked(document):
    return [(e.text, e.lemma, e.canonical) for e in document.entities if e.label == "PERS"]


def test_surname_takes_the_full_name_of_the_document(extractor):
    document = hand_built(extractor, "Президент Володимир Зеленський прибув до Берліна. "
                                     "Переговори Зеленського з канцлером тривали дві години.",
                          [("Володимир Зеленський", "PERS"), ("Зеленського", "PERS")])
    assert _linked(document) == [("Володимир Зеленський", "Володимир Зеленський", ""),
                                 ("Зеленського", "Зеленський", "Володимир Зеленський")]


def test_the_tables_count_the_surname_as_the_full_name(extractor):
    tables = extractor.extract(["Президент Володимир Зеленський прибув до Берліна. "
                                "Переговори Зеленського з канцлером тривали дві години."], as_text=True)
    people = tables.entities[tables.entities.label == "PERS"]
    assert "Зеленський" not in set(people.lemma)


def test_a_lone_surname_the_dictionary_lacks_takes_the_full_names_surname_by_a_reading(extractor):
    document = hand_built(extractor, "Голова громади Василь Задура відкрив сесію. Депутати підтримали Задури пропозицію.",
                          [("Василь Задура", "PERS"), ("Задури", "PERS")])
    assert _linked(document) == [("Василь Задура", "Василь Задура", ""), ("Задури", "Задури", "Василь Задура")]


def test_a_plural_surname_is_a_family_not_the_full_names_person(extractor):
    document = hand_built(extractor, "Даринка Макарчук співає. Сусіди Макарчуків прийшли послухати.",
                          [("Даринка Макарчук", "PERS"), ("Макарчуків", "PERS")])
    assert _linked(document)[1][2] == ""


def test_two_full_names_with_one_surname_leave_the_surname_alone(extractor):
    document = hand_built(extractor, "Петро Порошенко і Марина Порошенко прийшли на виставку. "
                                     "Порошенко сказав, що виставка йому сподобалась.",
                          [("Петро Порошенко", "PERS"), ("Марина Порошенко", "PERS"), ("Порошенко", "PERS", 2)])
    assert [canonical for _, _, canonical in _linked(document)] == ["", "", ""]


def _entity(text, lemma, label="PERS"):
    return Entity(0, len(text), text, label, 0, 0, 1, lemma=lemma)


def test_initials_must_agree_with_the_first_name():
    full, right, wrong, other = (_entity("Володимира Путіна", "Володимир Путін"), _entity("В. Путін", "В. Путін"),
                                 _entity("О. Путін", "О. Путін"), _entity("Путіна", "Путін", label="ORG"))
    document = Document("d", "")
    document.entities = [full, right, wrong, other]
    link_people(document)
    assert [e.canonical for e in (full, right, wrong, other)] == ["", "Володимир Путін", "", ""]



def test_a_common_noun_alone_joins_no_full_name(extractor):
    document = hand_built(extractor, "Молилися до Христос Бог. Бог усе бачить.", [("Христос Бог", "PERS"), ("Бог", "PERS", 1)])
    assert [e.canonical for e in document.entities if e.text == "Бог"] == [""]


def test_a_lone_first_name_or_common_noun_joins_nobody_across_documents():
    import pandas as pd

    from extractor.tables import entities_from_mentions

    rows = [("a", "Наталія Ужвій Оксана", "PERS:наталія ужвій оксана"), ("b", "Оксана", "PERS:оксана"),
            ("a", "Христос Бог", "PERS:христос бог"), ("b", "Бог", "PERS:бог"),
            ("a", "Василь Задура", "PERS:василь задура"), ("b", "Задура", "PERS:задура")]
    mentions = pd.DataFrame([{"doc_id": d, "sentence_id": 0, "start": 0, "end": len(t), "text": t, "label": "PERS",
                              "lemma": t, "country_code": None, "date": None, "entity_id": e, "sentence": t}
                             for d, t, e in rows])
    ids = set(entities_from_mentions(mentions).entity_id)
    assert {"PERS:оксана", "PERS:бог"} <= ids and "PERS:задура" not in ids
