"""CSV exports cannot run spreadsheet formulas, and writes are atomic."""
import pandas as pd

from extractor.export import neutralize_formulas, save_tables
from extractor.tables import build_tables


def test_formula_cells_are_neutralized_by_default(extractor, tmp_path):
    tables = extractor.extract(["=HYPERLINK(\"http://x\") сказав Володимир Зеленський у Києві."])
    paths = tables.save(tmp_path / "safe", format="csv")
    for path in paths:
        for value in pd.read_csv(path, dtype=str).fillna("").to_numpy().ravel():
            assert not value.startswith(("=", "+", "-", "@"))
    tables.save(tmp_path / "raw", format="csv", safe_csv=False)
    raw = pd.read_csv(tmp_path / "raw" / "documents.csv")
    assert len(raw) == 1


def test_neutralize_formulas_only_touches_dangerous_strings():
    table = pd.DataFrame({"a": ["=1+1", "+38", "-x", "@cmd", "Київ"], "n": [1, 2, 3, 4, 5]})
    fixed = neutralize_formulas(table)
    assert list(fixed.a) == ["'=1+1", "'+38", "'-x", "'@cmd", "Київ"]
    assert list(fixed.n) == [1, 2, 3, 4, 5]


def test_no_temporary_files_are_left(tmp_path):
    save_tables(build_tables([]), tmp_path, "csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "documents.csv", "entities.csv", "mentions.csv", "quantities.csv"]


def test_every_format_round_trips_carriage_returns_quotes_and_tabs(extractor, tmp_path):
    import csv
    import json

    texts = ["Заголовок про Київ\r\rВолодимир Зеленський прибув до Львова.",
             "Рядок\r\nПрезидент Франції Емманюель Макрон сказав \"так\"\tу Парижі.",
             "=SUM(A1) Компанія \"Нафтогаз\", пише «Укрінформ», заплатила 5 млн грн.\rЮлія Свириденко у Брюсселі."]
    tables = extractor.extract(texts, as_text=True)
    assert len(tables.mentions) > 5
    for name in ("mentions", "documents"):
        cells = [str(cell) for cell in getattr(tables, name).to_numpy().ravel()]
        assert not any("\r" in cell for cell in cells), name  # line breaks are "\n" from reading on
    for format in ("csv", "parquet", "jsonl"):
        tables.save(tmp_path / format, format=format)
    for name in ("mentions", "entities", "quantities", "documents"):
        expected = getattr(tables, name)
        read = {"csv": pd.read_csv(tmp_path / "csv" / f"{name}.csv", keep_default_na=False, dtype=str),
                "parquet": pd.read_parquet(tmp_path / "parquet" / f"{name}.parquet"),
                "jsonl": pd.read_json(tmp_path / "jsonl" / f"{name}.jsonl", lines=True, dtype=False)}
        for format, table in read.items():
            assert len(table) == len(expected), (name, format)
        with open(tmp_path / "csv" / f"{name}.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len(rows) == len(expected) + 1 and all(len(row) == len(expected.columns) for row in rows), name
        with open(tmp_path / "jsonl" / f"{name}.jsonl", encoding="utf-8") as handle:
            assert sum(1 for line in handle if json.loads(line)) == len(expected)
        if name == "mentions":  # the same text cells in all three, formula cells neutralized in CSV only
            for column in ("text", "sentence"):
                assert list(read["parquet"][column]) == list(expected[column])
                assert list(read["jsonl"][column]) == list(expected[column])
                assert [v.removeprefix("'") for v in read["csv"][column]] == list(expected[column])


def test_a_cell_with_a_lone_carriage_return_is_quoted_in_csv(tmp_path):
    import csv

    from extractor.export import write_table

    table = pd.DataFrame({"sentence": ["один\rдва", "три\r\nчотири", 'п"ять, шість', "сім\tвісім"], "n": [1, 2, 3, 4]})
    write_table([table], tmp_path / "t.csv", "csv", safe_csv=False)
    with open(tmp_path / "t.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1:] == [["один\rдва", "1"], ["три\r\nчотири", "2"], ['п"ять, шість', "3"], ["сім\tвісім", "4"]]
    assert list(pd.read_csv(tmp_path / "t.csv").sentence) == list(table.sentence)


def test_tables_get_the_users_usual_permissions(tmp_path):
    import os
    import stat

    from extractor.export import write_table

    before = os.umask(0o022)
    try:
        write_table([pd.DataFrame({"a": [1]})], tmp_path / "t.csv", "csv")
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "t.csv").stat().st_mode) == 0o644
