"""The four tables: column contract, offsets, exports, determinism."""
import pandas as pd

from extractor.cli import main
from extractor.tables import DOCUMENT_COLUMNS, ENTITY_COLUMNS, MENTION_COLUMNS, QUANTITY_COLUMNS

from conftest import ARTICLE, SAMPLES

CONTRACT = {
    "mentions": ["doc_id", "sentence_id", "start", "end", "text", "label", "lemma", "country_code", "sentence"],
    "entities": ["entity_id", "label", "lemma", "country_code", "mentions", "documents", "forms"],
    "quantities": ["doc_id", "sentence_id", "start", "end", "text", "value", "low", "high", "approximate",
                   "unit", "unit_lemma", "country_code", "sentence"],
    "documents": ["doc_id", "path", "title", "source", "published", "chars", "tokens", "sentences", "mentions",
                  "status", "error"],
}


def test_column_contract():
    assert MENTION_COLUMNS == CONTRACT["mentions"]
    assert ENTITY_COLUMNS == CONTRACT["entities"]
    assert QUANTITY_COLUMNS == CONTRACT["quantities"]
    assert DOCUMENT_COLUMNS[:len(CONTRACT["documents"])] == CONTRACT["documents"]


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
