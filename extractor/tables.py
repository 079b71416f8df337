"""Documents -> the four pandas tables users work with (column names are a contract)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from extractor.document import Document
from extractor.linking import entity_id, links_across_documents

MENTION_COLUMNS = ["doc_id", "sentence_id", "start", "end", "text", "label", "lemma", "country_code", "date",
                   "entity_id", "sentence"]
ENTITY_COLUMNS = ["entity_id", "label", "lemma", "country_code", "mentions", "documents", "forms"]
QUANTITY_COLUMNS = ["doc_id", "sentence_id", "start", "end", "text", "value", "low", "high", "approximate",
                    "unit", "unit_lemma", "currency", "country_code", "sentence"]
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


def document_tables(documents: list[Document]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The per-document tables of a batch: (mentions, quantities, documents)."""
    mentions, quantities, rows = [], [], []
    for d in documents:
        for e in d.entities:
            mentions.append([d.doc_id, e.sentence_id, e.start, e.end, e.text, e.label, e.lemma, e.country_code,
                             e.date, entity_id(e.label, e.canonical or e.lemma, e.country_code),
                             _sentence_text(d, e.sentence_id)])
        for q in d.quantities:
            quantities.append([d.doc_id, q.sentence_id, q.start, q.end, q.text, q.value, q.low, q.high,
                               q.approximate, q.unit, q.unit_lemma, q.currency, q.country_code,
                               _sentence_text(d, q.sentence_id)])
        rows.append([d.doc_id, d.path, d.title, d.source, d.published, len(d.text), len(d.tokens),
                     len(d.sentences), len(d.entities), d.status, d.error, d.encoding, d.language, d.repaired_words])
    return (
        pd.DataFrame(mentions, columns=MENTION_COLUMNS).astype({"sentence_id": "int64", "start": "int64", "end": "int64"}),
        pd.DataFrame(quantities, columns=QUANTITY_COLUMNS).astype(
            {"value": "float64", "low": "float64", "high": "float64", "approximate": "bool"}),
        pd.DataFrame(rows, columns=DOCUMENT_COLUMNS).astype(
            {"chars": "int64", "tokens": "int64", "sentences": "int64", "mentions": "int64", "repaired_words": "int64"}),
    )


def build_tables(documents: list[Document]) -> Tables:
    mentions, quantities, rows = document_tables(documents)
    counter = EntityCounter()
    counter.add(mentions)
    return Tables(mentions=counter.relinked(mentions), entities=counter.table(), quantities=quantities, documents=rows)


class EntityCounter:
    """The cross-document ``entities`` table, built up from mention rows batch by batch:
    its memory grows with the number of distinct entities, not of documents, and
    adding the mentions of several batches gives exactly the table of all of them.

    Linking across the run: a person named by surname alone joins the one person
    of the run whose full name ends in that surname, when exactly one does."""

    def __init__(self):
        self._groups: dict[str, dict] = {}
        self._links: dict[str, str] | None = None

    def add(self, mentions: pd.DataFrame) -> None:
        self._links = None
        for row in mentions.itertuples(index=False):
            code = row.country_code if isinstance(row.country_code, str) else None  # pandas turns None into NaN
            group = self._groups.setdefault(row.entity_id, {
                "labels": Counter(), "lemmas": Counter(), "code": code, "mentions": 0, "documents": set(),
                "forms": set()})
            group["labels"][row.label] += 1
            if code or row.entity_id.split(":", 1)[1] == row.lemma.lower():
                group["lemmas"][row.lemma] += 1  # the name as written in full, not a surname linked to it
            group["mentions"] += 1
            group["documents"].add(row.doc_id)
            group["forms"].add(row.text)

    def links(self) -> dict[str, str]:
        """Surname-only PERS entity id -> the one full-name entity id it stands for (``linking.py``)."""
        if self._links is None:
            self._links = links_across_documents(self._groups)
        return self._links

    def relinked(self, mentions: pd.DataFrame) -> pd.DataFrame:
        """``mentions`` with their ``entity_id`` pointing at the entity the run links them to."""
        links = self.links()
        return mentions.assign(entity_id=mentions.entity_id.map(lambda key: links.get(key, key)))

    def table(self) -> pd.DataFrame:
        merged: dict[str, dict] = {}
        links = self.links()
        for key, group in sorted(self._groups.items(), key=lambda item: item[0] in links):
            target = merged.get(links.get(key, key))
            if target is None:
                merged[key] = {**group, "labels": group["labels"].copy(), "lemmas": group["lemmas"].copy(),
                               "documents": set(group["documents"]), "forms": set(group["forms"])}
                continue
            target["labels"].update(group["labels"])
            target["mentions"] += group["mentions"]
            target["documents"] |= group["documents"]
            target["forms"] |= group["forms"]
        rows = []
        for key, group in merged.items():
            name = commonest(group["lemmas"]) if group["lemmas"] else key.split(":", 1)[1]
            rows.append([key, commonest(group["labels"]), name, group["code"],
                         group["mentions"], len(group["documents"]), " | ".join(sorted(group["forms"]))])
        table = pd.DataFrame(rows, columns=ENTITY_COLUMNS)
        table = table.sort_values(["mentions", "entity_id"], ascending=[False, True], kind="stable")
        return table.astype({"mentions": "int64", "documents": "int64"}).reset_index(drop=True)


def commonest(counts: Counter) -> str:
    """The most frequent value, ties broken by the value itself, so that the table does not depend on
    the order mentions arrived in (batches, workers, a resumed run): "Небесна Сотня" before "Небесна сотня"."""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def entities_from_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """The ``entities`` table of a ``mentions`` table (for example, of several runs' mentions stacked)."""
    counter = EntityCounter()
    counter.add(mentions)
    return counter.table()
