"""A surname or initials stand for the one full name of the same document."""
from extractor.document import Document, Entity
from extractor.linking import link_people


def _lemmas(document, label="PERS"):
    return [(e.text, e.lemma) for e in document.entities if e.label == label]


def test_surname_takes_the_full_name_of_the_document(extractor):
    document = extractor("Президент Володимир Зеленський прибув до Берліна. "
                         "Переговори Зеленського з канцлером тривали дві години.")
    lemmas = dict(_lemmas(document))
    assert lemmas.get("Зеленського") == "Володимир Зеленський", _lemmas(document)
    tables_entities = {e.lemma for e in document.entities if e.label == "PERS"}
    assert "Зеленський" not in tables_entities


def test_two_full_names_with_one_surname_leave_the_surname_alone(extractor):
    document = extractor("Петро Порошенко і Марина Порошенко прийшли на виставку. "
                         "Порошенко сказав, що виставка йому сподобалась.")
    lemmas = _lemmas(document)
    assert ("Петро Порошенко" in dict(lemmas).values()) and ("Марина Порошенко" in dict(lemmas).values()), lemmas
    surname_only = [lemma for text, lemma in lemmas if text == "Порошенко"]
    assert surname_only == ["Порошенко"], lemmas


def _entity(text, lemma, label="PERS"):
    return Entity(0, len(text), text, label, 0, 0, 1, lemma=lemma)


def test_initials_must_agree_with_the_first_name():
    full, right, wrong, other = (_entity("Володимира Путіна", "Володимир Путін"), _entity("В. Путін", "В. Путін"),
                                 _entity("О. Путін", "О. Путін"), _entity("Путіна", "Путін", label="ORG"))
    document = Document("d", "")
    document.entities = [full, right, wrong, other]
    link_people(document)
    assert [e.lemma for e in (full, right, wrong, other)] == ["Володимир Путін", "Володимир Путін", "О. Путін", "Путін"]
