"""Write tables to disk as csv, parquet or jsonl, atomically.

Each file is written under a temporary name and renamed into place, so an
interrupted run never leaves a half-written table. CSV follows RFC 4180: rows
end in CRLF, and a cell holding a line break (\r or \n), a quote or a comma is
quoted, so pandas and the csv module read back every row. CSV cells that start with
= + - @ (or a tab or carriage return) get a leading apostrophe, so an exported
entity list cannot run a formula when opened in a spreadsheet (switch off with
``safe_csv=False`` / ``--unsafe-csv``).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

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


def _arrow_schema(table: pd.DataFrame):
    """One schema for every chunk of a table, so that a column that is empty in
    one chunk (all None) does not change type from chunk to chunk."""
    import pyarrow as pa

    kinds = {"int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(column, kinds.get(str(dtype), pa.string())) for column, dtype in table.dtypes.items()])


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_table(chunks: Iterable[pd.DataFrame], path: Path, format: str, safe_csv: bool = True) -> None:
    """Write a table given as chunks of rows (the first one sets the columns), one chunk
    in memory at a time, under a temporary name renamed into place at the end."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    writer = schema = None
    try:
        for number, chunk in enumerate(chunks):
            if format == "csv":
                # with "\n" as the row end, the csv module leaves a cell with a lone "\r" unquoted
                (neutralize_formulas(chunk) if safe_csv else chunk).to_csv(
                    temporary, index=False, encoding="utf-8", mode="a" if number else "w", header=number == 0,
                    lineterminator="\r\n")
            elif format == "jsonl":
                lines = chunk.to_json(orient="records", lines=True, force_ascii=False) if len(chunk) else ""
                with open(temporary, "a" if number else "w", encoding="utf-8") as out:
                    out.write(lines if not lines or lines.endswith("\n") else lines + "\n")
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                schema = schema or _arrow_schema(chunk)
                writer = writer or pq.ParquetWriter(temporary, schema)
                writer.write_table(pa.Table.from_pandas(chunk, schema=schema, preserve_index=False))
        if writer:
            writer.close()
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it the owner's alone; a table is an ordinary file
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
        write_table([table], path, format, safe_csv)
        paths.append(path)
    return paths
