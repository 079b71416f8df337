"""News-domain training labels (extractor_lab/ner/news_labels.py): BSNLP gold forms laid over silver spans."""
from extractor_lab.ner.news_labels import _gold_forms, bioes, project_gold


def test_bioes_tags_of_spans():
    assert bioes(5, [(0, 1, "LOC"), (2, 5, "ORG")]) == ["S-LOC", "O", "B-ORG", "I-ORG", "E-ORG"]


def test_gold_forms_replace_the_silver_spans_they_overlap_and_keep_the_rest():
    words = "Голова Європейської комісії Жан-Клод Юнкер прибув до Києва , де рада засідала".split()
    silver = [(0, 3, "JOB"), (3, 5, "PERS"), (7, 8, "LOC")]
    gold = {("європейської комісії", "ORG"): "європейська комісія", ("києва", "LOC"): "київ",
            ("рада", "ORG"): "рада", ("жан-клод юнкер", "PER"): "жан-клод юнкер"}
    spans = project_gold(words, silver, _gold_forms(gold))
    named = [(" ".join(words[a:b]), label) for a, b, label in spans]
    # the gold organisation replaces the silver job that held it; a lower-case "рада" is not tagged
    assert named == [("Європейської комісії", "ORG"), ("Жан-Клод Юнкер", "PERS"), ("Києва", "LOC")]


def test_a_longer_gold_form_wins_over_a_shorter_one_inside_it():
    words = "Верховна Рада України ухвалила".split()
    gold = {("верховна рада україни", "ORG"): "x", ("україни", "LOC"): "україна"}
    assert project_gold(words, [], _gold_forms(gold)) == [(0, 3, "ORG")]


def test_a_gold_form_inside_a_silver_mention_of_its_type_confirms_it():
    words = "Дональд Трамп виграв вибори у США".split()
    silver = [(0, 2, "PERS"), (5, 6, "ORG")]
    gold = {("трамп", "PER"): "трамп", ("сша", "LOC"): "сша"}
    assert project_gold(words, silver, _gold_forms(gold)) == [(0, 2, "PERS"), (5, 6, "LOC")]


def test_confirmed_only_leaves_out_a_sentence_with_a_name_nobody_listed():
    words = "Дональд Трамп зустрівся з Радою Європи у Києві 5 травня".split()
    silver = [(0, 2, "PERS"), (4, 6, "ORG"), (7, 8, "LOC"), (8, 10, "DATE")]
    gold = {("трамп", "PER"): "трамп", ("києві", "LOC"): "київ"}
    assert project_gold(words, silver, _gold_forms(gold), confirmed_only=True) is None
    # every name listed (or confirmed inside a longer one): the sentence stays, its date too
    gold[("радою європи", "ORG")] = "рада європи"
    assert project_gold(words, silver, _gold_forms(gold), confirmed_only=True) == \
        [(0, 2, "PERS"), (4, 6, "ORG"), (7, 8, "LOC"), (8, 10, "DATE")]


def test_names_only_leaves_the_annotators_other_types_to_the_silver_labels():
    words = "Голова Комісії Жан-Клод Юнкер відкрив саміт".split()
    silver = [(0, 1, "JOB"), (1, 2, "ORG"), (2, 4, "PERS")]
    gold = {("голова", "MISC"): "голова", ("комісії", "ORG"): "комісія", ("юнкер", "PER"): "юнкер"}
    # BSNLP lists the office "голова" as MISC; NER-UK's type for it is JOB
    assert project_gold(words, silver, _gold_forms(gold))[0] == (0, 1, "MISC")
    assert project_gold(words, silver, _gold_forms(gold, names_only=True)) == silver


def test_keep_jobs_leaves_an_office_the_pipeline_tags_job_but_lays_the_other_forms_over():
    words = "Голова Комісії Жан-Клод Юнкер відкрив саміт Еразмус".split()
    silver = [(0, 1, "JOB"), (1, 2, "ORG"), (2, 4, "PERS")]
    gold = {("голова", "MISC"): "голова", ("комісії", "ORG"): "комісія", ("еразмус", "PRO"): "еразмус"}
    assert project_gold(words, silver, _gold_forms(gold), keep_jobs=True) == silver + [(6, 7, "MISC")]
