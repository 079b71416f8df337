"""The four tables: column contract, offsets, exports, determinism."""
import pandas as pd

from extractor.cli import main
from extractor.tables import entities_from_mentions

from conftest import ARTICLE, SAMPLES

CONTRACT = {
    "mentions": ["doc_id", "sentence_id", "start", "end", "text", "label", "lemma", "country_code", "date", "entity_id",
                 "sentence"],
    "entities": ["entity_id", "label", "lemma", "country_code", "mentions", "documents", "forms"],
    "quantities": ["doc_id", "sentence_id", "start", "end", "text", "value", "low", "high", "approximate",
                   "unit", "unit_lemma", "currency", "country_code", "sentence"],
    "documents": ["doc_id", "path", "title", "source", "published", "chars", "tokens", "sentences", "mentions",
                  "status", "error"],
}


def _mentions(rows):
    """A mentions table by hand: (doc_id, text, label, lemma, entity_id) per row."""
    return pd.DataFrame([{"doc_id": d, "sentence_id": 0, "start": 0, "end": len(t), "text": t, "label": label,
                          "lemma": lemma, "country_code": None, "date": None, "entity_id": entity, "sentence": t}
                         for d, t, label, lemma, entity in rows])


def test_entities_join_case_variants_and_link_a_surname_across_documents():
    mentions = _mentions([
        ("a", "Володимир Зеленський", "PERS", "Володимир Зеленський", "PERS:володимир зеленський"),
        ("b", "Зеленського", "PERS", "Зеленський", "PERS:зеленський"),
        ("a", "Рада Безпеки ООН", "ORG", "Рада Безпеки ООН", "ORG:рада безпеки оон"),
        ("b", "Ради безпеки ООН", "ORG", "Рада безпеки ООН", "ORG:рада безпеки оон"),
        ("c", "Радою безпеки ООН", "ORG", "Рада безпеки ООН", "ORG:рада безпеки оон"),
        ("c", "Порошенко", "PERS", "Порошенко", "PERS:порошенко"),  # two full names fit: no link
        ("c", "Петро Порошенко", "PERS", "Петро Порошенко", "PERS:петро порошенко"),
        ("d", "Марина Порошенко", "PERS", "Марина Порошенко", "PERS:марина порошенко"),
    ])
    entities = entities_from_mentions(mentions).set_index("entity_id")
    assert entities.loc["PERS:володимир зеленський", ["lemma", "mentions", "documents"]].tolist() == [
        "Володимир Зеленський", 2, 2]
    assert "PERS:зеленський" not in entities.index and "PERS:порошенко" in entities.index
    assert entities.loc["ORG:рада безпеки оон", ["lemma", "mentions"]].tolist() == ["Рада безпеки ООН", 3]
    assert len(entities) == 5


def test_ties_among_spellings_and_labels_do_not_depend_on_the_order_mentions_came_in():
    rows = [("a", "Небесна Сотня", "ORG", "Небесна Сотня", "ORG:небесна сотня"),
            ("b", "Небесна сотня", "MISC", "Небесна сотня", "ORG:небесна сотня"),
            ("c", "Небесної Сотні", "MISC", "Небесна Сотня", "ORG:небесна сотня"),
            ("d", "Небесної сотні", "ORG", "Небесна сотня", "ORG:небесна сотня")]
    tables = [entities_from_mentions(_mentions(order)) for order in (rows, rows[::-1], rows[1:] + rows[:1])]
    for table in tables[1:]:
        pd.testing.assert_frame_equal(table, tables[0])
    assert tables[0].loc[0, ["lemma", "label"]].tolist() == ["Небесна Сотня", "MISC"]  # the smaller of equals


def test_offsets_round_trip_on_samples_and_the_real_article(extractor):
    paths = sorted(SAMPLES.glob("*.txt")) + [ARTICLE]
    tables = extractor.extract(paths)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    assert len(tables.mentions) > 50 and len(tables.quantities) > 10
    for table in (tables.mentions, tables.quantities):
        for row in table.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text


def test_every_label_is_a_corpus_label(extractor):
    from extractor_lab.ner.corpus import LABELS

    tables = extractor.extract([SAMPLES])
    assert set(tables.mentions.label) <= set(LABELS)


def test_article_layout_fills_documents(extractor):
    row = extractor.extract([ARTICLE]).documents.iloc[0]
    assert row.title.startswith("G7 готує скоординовану відповідь")
    assert row.source == "glavcom.ua"
    assert row.published == "2024-11-05T15:54:03+02:00"
    assert row.status == "ok" and row.doc_id == "g7-north-korean-troops"


def test_site_furniture_is_not_content(article_doc):
    assert "Останні новини" not in article_doc.text[article_doc.body_start:article_doc.body_end]
    last = article_doc.sentences[-1]
    assert "новин" not in article_doc.text[last.start:last.end]


def test_cli_writes_all_four_tables_in_each_format(tmp_path):
    for fmt in ("csv", "parquet", "jsonl"):
        out = tmp_path / fmt
        assert main(["extract", str(SAMPLES), "--out", str(out), "--format", fmt, "--no-progress"]) == 0
        for name, columns in CONTRACT.items():
            path = out / f"{name}.{fmt}"
            table = {"csv": pd.read_csv, "parquet": pd.read_parquet,
                     "jsonl": lambda p: pd.read_json(p, lines=True)}[fmt](path)
            assert list(table.columns)[:len(columns)] == columns
            if name != "entities":
                assert len(table) > 0


def test_same_input_gives_the_same_tables_twice(tmp_path):
    for run in ("a", "b"):
        assert main(["extract", str(SAMPLES), "--out", str(tmp_path / run), "--no-progress"]) == 0
    for name in CONTRACT:
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == (tmp_path / "b" / f"{name}.csv").read_bytes()
