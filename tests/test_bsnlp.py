"""The BSNLP-style news score (extractor_lab/bsnlp.py) on real files: a hand-made folder and the stored sets."""
from pathlib import Path

import pytest

from extractor_lab.bsnlp import evaluate, read_documents

DATA = Path(__file__).resolve().parent.parent / "extractor_lab" / "data"


def _folder(tmp_path: Path, text: str, gold: list[tuple[str, str, str]]) -> Path:
    (tmp_path / "raw").mkdir()
    (tmp_path / "annotated").mkdir()
    (tmp_path / "raw" / "one.txt").write_text(f"1\nuk\n2025-01-27\n\n{text}\n", encoding="utf-8")
    lines = "".join(f"{form}\t{lemma}\t{label}\t-\n" for form, lemma, label in gold)
    (tmp_path / "annotated" / "one.out").write_text(f"1\n{lines}", encoding="utf-8")
    return tmp_path


def test_a_document_is_scored_by_its_distinct_forms_with_type_and_lemma(tmp_path, extractor):
    text = "Володимир Зеленський прибув до Берліна. Зеленський зустрівся з канцлером у Берліні."
    folder = _folder(tmp_path, text, [("Володимир Зеленський", "Володимир Зеленський", "PER"),
                                      ("Зеленський", "Зеленський", "PER"), ("Берліна", "Берлін", "LOC"),
                                      ("Берліні", "Берлін", "LOC"), ("Канцлером", "канцлер", "ORG")])
    report = evaluate(folder, extractor)
    assert report["PER"]["gold"] == 2 and report["LOC"]["gold"] == 2 and report["ORG"]["gold"] == 1
    # whatever the tagger finds, a form counts once per document and only with the gold type
    assert report["ORG"]["right"] == 0
    assert report["micro PER/LOC/ORG"]["gold"] == 5
    assert report["micro PER/LOC/ORG"]["right"] <= 4


def test_a_set_without_raw_texts_reads_bruk_press_files_from_shared():
    documents = read_documents(DATA / "bruk-press-heldout")
    assert len(documents) == 6
    for doc_id, text, published, gold in documents:
        assert published is None and doc_id.startswith("A_")
        missing = [form for form, _ in gold if form not in text.lower()]
        assert not missing, (doc_id, missing)


@pytest.mark.parametrize("name", ["news-uk", "news-uk-heldout", "news-uk-heldout2", "news-uk-heldout3"])
def test_every_gold_form_of_the_stored_news_sets_is_in_its_text(name):
    for doc_id, text, published, gold in read_documents(DATA / name):
        assert published and gold
        missing = [form for form, _ in gold if form not in text.lower()]
        assert not missing, (doc_id, missing)


def test_each_topic_is_scored_apart_and_the_eu_is_right_as_a_place_or_an_organisation(tmp_path, extractor):
    (tmp_path / "raw").mkdir()
    (tmp_path / "annotated").mkdir()
    documents = {"ec__1": ("Європейський Союз запровадив безвіз.", [("Європейський Союз", "Європейський Союз", "LOC")]),
                 "trump__2": ("Дональд Трамп прибув до Берліна.", [("Дональд Трамп", "Дональд Трамп", "PER"),
                                                                   ("Берліна", "Берлін", "LOC")])}
    for name, (text, gold) in documents.items():
        (tmp_path / "raw" / f"{name}.txt").write_text(f"{name}\nuk\n2017-01-27\nurl\ntitle\n{text}\n", encoding="utf-8")
        lines = "".join(f"{form}\t{lemma}\t{label}\t-\n" for form, lemma, label in gold)
        (tmp_path / "annotated" / f"{name}.out").write_text(f"{name}\n{lines}", encoding="utf-8")
    report = evaluate(tmp_path, extractor)
    assert set(report["topics"]) == {"ec", "trump"}
    assert report["topics"]["ec"]["micro PER/LOC/ORG"]["gold"] == 1
    assert report["topics"]["trump"]["micro PER/LOC/ORG"]["gold"] == 2
    # the tagger types the EU ORG (NER-UK's habit); BSNLP's annotators wrote LOC here: both count
    eu = [e for e in extractor("Європейський Союз запровадив безвіз.").entities if e.text == "Європейський Союз"]
    assert eu and eu[0].label == "ORG"
    assert report["topics"]["ec"]["micro PER/LOC/ORG"]["right"] == 1
    assert report["topics"]["ec"]["recognition PER/LOC/ORG"]["right"] == 1
    only_trump = evaluate(tmp_path, extractor, topics=("trump",))
    assert only_trump["micro PER/LOC/ORG"]["gold"] == 2 and "topics" not in only_trump


def test_folds_by_document_part_every_document_once_and_cut_across_topics():
    from extractor_lab.bsnlp import in_fold, topic_of
    from conftest import SHARED

    ids = [doc_id for doc_id, *_ in read_documents(SHARED / "bsnlp-uk-dev")]
    folds = [{i for i in ids if in_fold(i, f"{k}/2")} for k in range(2)]
    assert folds[0] | folds[1] == set(ids) and not folds[0] & folds[1]
    assert all({topic_of(i) for i in fold} == {"ec", "trump"} for fold in folds)
    for wrong in ("2/2", "1", "a/2"):
        with pytest.raises(ValueError, match="0 <= K < N"):
            in_fold(ids[0], wrong)
