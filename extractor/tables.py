"""Documents -> the four pandas tables users work with (column names are a contract)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from extractor.document import Document

MENTION_COLUMNS = ["doc_id", "sentence_id", "start", "end", "text", "label", "lemma", "country_code", "sentence"]
ENTITY_COLUMNS = ["entity_id", "label", "lemma", "country_code", "mentions", "documents", "forms"]
QUANTITY_COLUMNS = ["doc_id", "sentence_id", "start", "end", "text", "value", "low", "high", "approximate",
                    "unit", "unit_lemma", "country_code", "sentence"]
DOCUMENT_COLUMNS = ["doc_id", "path", "title", "source", "published", "chars", "tokens", "sentences", "mentions",
                    "status", "error", "encoding", "language", "repaired_words"]


@dataclass
class Tables:
    mentions: pd.DataFrame
    entities: pd.DataFrame
    quantities: pd.DataFrame
    documents: pd.DataFrame

    def save(self, directory: str | Path, format: str = "csv", safe_csv: bool = True) -> list[Path]:
        """Write the four tables to ``directory`` as csv, parquet or jsonl; returns the paths."""
        from extractor.export import save_tables
        return save_tables(self, Path(directory), format, safe_csv)

    def __iter__(self):
        return iter([("mentions", self.mentions), ("entities", self.entities),
                     ("quantities", self.quantities), ("documents", self.documents)])


def _sentence_text(document: Document, sentence_id: int) -> str:
    sentence = document.sentences[sentence_id]
    return document.text[sentence.start:sentence.end]


def entity_key(label: str, lemma: str, country_code: str | None) -> tuple[str, str]:
    """Mentions with the same key are one entity: a country by its code, anything else by label and lemma."""
    return ("COUNTRY", country_code) if country_code else (label, lemma.lower())


def build_tables(documents: list[Document]) -> Tables:
    mentions, quantities, rows = [], [], []
    for d in documents:
        for e in d.entities:
            mentions.append([d.doc_id, e.sentence_id, e.start, e.end, e.text, e.label, e.canonical or e.lemma,
                             e.country_code,
                             _sentence_text(d, e.sentence_id)])
        for q in d.quantities:
            quantities.append([d.doc_id, q.sentence_id, q.start, q.end, q.text, q.value, q.low, q.high,
                               q.approximate, q.unit, q.unit_lemma, q.country_code, _sentence_text(d, q.sentence_id)])
        rows.append([d.doc_id, d.path, d.title, d.source, d.published, len(d.text), len(d.tokens),
                     len(d.sentences), len(d.entities), d.status, d.error, d.encoding, d.language, d.repaired_words])
    mentions_df = pd.DataFrame(mentions, columns=MENTION_COLUMNS)
    return Tables(
        mentions=mentions_df.astype({"sentence_id": "int64", "start": "int64", "end": "int64"}),
        entities=_entities(mentions_df),
        quantities=pd.DataFrame(quantities, columns=QUANTITY_COLUMNS).astype(
            {"value": "float64", "low": "float64", "high": "float64", "approximate": "bool"}),
        documents=pd.DataFrame(rows, columns=DOCUMENT_COLUMNS).astype(
            {"chars": "int64", "tokens": "int64", "sentences": "int64", "mentions": "int64", "repaired_words": "int64"}),
    )


def _entities(mentions: pd.DataFrame) -> pd.DataFrame:
    groups: dict[tuple[str, str], list] = {}
    for row in mentions.itertuples(index=False):
        code = row.country_code if isinstance(row.country_code, str) else None  # pandas turns None into NaN
        groups.setdefault(entity_key(row.label, row.lemma, code), []).append(row)
    rows = []
    for rows_of_entity in groups.values():
        label = Counter(r.label for r in rows_of_entity).most_common(1)[0][0]
        lemma = Counter(r.lemma for r in rows_of_entity).most_common(1)[0][0]
        code = rows_of_entity[0].country_code if isinstance(rows_of_entity[0].country_code, str) else None
        forms = sorted({r.text for r in rows_of_entity})
        rows.append([f"{label}:{lemma}" if not code else f"{label}:{code}", label, lemma, code, len(rows_of_entity),
                     len({r.doc_id for r in rows_of_entity}), " | ".join(forms)])
    table = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
    table = table.sort_values(["mentions", "entity_id"], ascending=[False, True], kind="stable")
    return table.astype({"mentions": "int64", "documents": "int64"}).reset_index(drop=True)
