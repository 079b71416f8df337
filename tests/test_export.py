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
