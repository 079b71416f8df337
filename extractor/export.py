"""Write tables to disk as csv, parquet or jsonl, atomically.

Each file is written under a temporary name and renamed into place, so an
interrupted run never leaves a half-written table. CSV cells that start with
= + - @ (or a tab or carriage return) get a leading apostrophe, so an exported
entity list cannot run a formula when opened in a spreadsheet (switch off with
``safe_csv=False`` / ``--unsafe-csv``).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

FORMATS = ("csv", "parquet", "jsonl")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formulas(table: pd.DataFrame) -> pd.DataFrame:
    def fix(value):
        return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value

    table = table.copy()
    for column in table.columns:
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(fix)
    return table


def _write(table: pd.DataFrame, path: Path, format: str, safe_csv: bool) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    try:
        if format == "csv":
            (neutralize_formulas(table) if safe_csv else table).to_csv(temporary, index=False, encoding="utf-8")
        elif format == "parquet":
            table.to_parquet(temporary, index=False)
        else:
            table.to_json(temporary, orient="records", lines=True, force_ascii=False)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def save_tables(tables, directory: Path, format: str = "csv", safe_csv: bool = True) -> list[Path]:
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in tables:
        path = directory / f"{name}.{format}"
        _write(table, path, format, safe_csv)
        paths.append(path)
    return paths
