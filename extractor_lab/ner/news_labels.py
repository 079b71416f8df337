"""News-domain training sentences for the NER tagger (``extractor-lab label news``).

Two kinds, both written as stanza NER JSON lines (one sentence a line):

- silver: raw news labelled by the whole pipeline at its most careful
  (both taggers, then the consistency, country and quantity steps), so that
  what those hand-written steps know becomes something the tagger can learn;
- projected gold: BSNLP-annotated news, labelled first with silver and then
  with every listed gold form wherever it occurs (case-insensitively, on
  token boundaries, written with a capital somewhere). The annotators listed
  the forms they found, not every name, so an unlisted span keeps its silver
  label rather than becoming "no entity". With ``confirmed_only``, a sentence
  where the pipeline names something the annotators did not list is left out
  instead: neither its silver label nor "no entity" can be trusted there.

The words are the tokens' repaired forms, which is what the tagger reads.
"""
from __future__ import annotations

import json
import logging
import time
from pathlib import Path

from extractor.document import Document
from extractor.tokenize import tokenize
from extractor_lab.bsnlp import CORE

log = logging.getLogger(__name__)

# BSNLP's types as NER-UK's: products and events are MISC there and here
BSNLP_TO_NER_UK = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "PRO": "MISC", "EVT": "MISC"}


def bioes(length: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIOES tags for ``length`` tokens from non-overlapping (start, end, label) spans."""
    tags = ["O"] * length
    for start, end, label in spans:
        if end - start == 1:
            tags[start] = f"S-{label}"
            continue
        tags[start] = f"B-{label}"
        for i in range(start + 1, end - 1):
            tags[i] = f"I-{label}"
        tags[end - 1] = f"E-{label}"
    return tags


def _without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans in order, each dropped that overlaps one kept before it (the longer wins a tie in start)."""
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def silver_spans(document: Document) -> dict[int, list[tuple[int, int, str]]]:
    """The pipeline's mentions of a processed document, as token spans per sentence index."""
    spans: dict[int, list[tuple[int, int, str]]] = {}
    for entity in document.entities:
        spans.setdefault(entity.sentence_id, []).append((entity.token_start, entity.token_end, entity.label))
    return spans


def _gold_forms(gold: dict, names_only: bool = False) -> list[tuple[list[str], str]]:
    """(lower-cased tokens, NER-UK type) of each gold form, longest first, so a long name wins over its parts."""
    forms = {}
    for (form, label), _ in gold.items():
        words = [t.text.lower() for t in tokenize(form)]
        # BSNLP's MISC, PRO and EVT hold what NER-UK types otherwise ("голова" is MISC there, JOB in NER-UK;
        # works are ART): with ``names_only`` their spans keep the silver label
        if words and label in BSNLP_TO_NER_UK and (label in CORE or not names_only):
            forms.setdefault(tuple(words), BSNLP_TO_NER_UK[label])
    return sorted(((list(words), label) for words, label in forms.items()), key=lambda f: -len(f[0]))


NAMES = frozenset(BSNLP_TO_NER_UK.values())


def project_gold(words: list[str], spans: list[tuple[int, int, str]], forms: list[tuple[list[str], str]],
                 confirmed_only: bool = False, keep_jobs: bool = False) -> list[tuple[int, int, str]] | None:
    """``spans`` with every occurrence of a gold form laid over them: a gold span replaces the silver
    spans it overlaps, but one inside a silver span of its own type confirms it (the annotators listed
    "Трамп" in a document that also writes "Дональд Трамп": the full name stays one mention). An
    occurrence needs a capital letter (a listed "рада" is no licence to tag every lower-case "рада").
    With ``keep_jobs``, a gold MISC occurrence that overlaps a silver JOB is not laid over: BSNLP types
    an office ("Голова Єврокомісії") as MISC where NER-UK, which the tagger also learns, says JOB."""
    lowered = [w.lower() for w in words]
    gold: list[tuple[int, int, str]] = []
    confirmed: list[tuple[int, int, str]] = []  # gold forms inside a silver span of their type
    taken = [False] * len(words)
    for form, label in forms:
        n = len(form)
        for start in range(len(words) - n + 1):
            if lowered[start:start + n] != form or any(taken[start:start + n]):
                continue
            if not any(ch.isupper() for w in words[start:start + n] for ch in w):
                continue
            if any(a <= start and start + n <= b and kind == label for a, b, kind in spans):
                confirmed.append((start, start + n, label))
                continue
            if keep_jobs and label == "MISC" and any(
                    kind == "JOB" and a < start + n and start < b for a, b, kind in spans):
                continue
            gold.append((start, start + n, label))
            for i in range(start, start + n):
                taken[i] = True
    kept = [s for s in spans if not any(taken[s[0]:s[1]])]
    if confirmed_only and any(kind in NAMES and not any(
            a <= g0 < g1 <= b and kind == g2 for g0, g1, g2 in confirmed) for a, b, kind in kept):
        return None  # a name of the pipeline's that no listed form confirms
    return _without_overlaps(kept + gold)


def sentence_records(document: Document, gold: dict | None = None, confirmed_only: bool = False,
                     names_only: bool = False, keep_jobs: bool = False) -> list[list[dict]]:
    """One stanza NER sentence per sentence of a processed document: its words and BIOES tags."""
    by_sentence = silver_spans(document)
    forms = _gold_forms(gold, names_only) if gold else []
    records = []
    for sentence in document.sentences:
        words = [t.norm for t in sentence.tokens]
        if not 0 < len(words) <= 200:
            continue
        spans = _without_overlaps(by_sentence.get(sentence.index, []))
        if forms:
            spans = project_gold([t.text for t in sentence.tokens], spans, forms, confirmed_only, keep_jobs)
            if spans is None:
                continue
        records.append([{"text": w, "ner": t} for w, t in zip(words, bioes(len(words), spans))])
    return records


def label_documents(extractor, documents: list[tuple[Document, dict | None]], out: Path, batch: int = 16,
                    confirmed_only: bool = False, names_only: bool = False, keep_jobs: bool = False) -> int:
    """Process ``documents`` (each with its BSNLP gold or None) and write their sentences to ``out``;
    returns the sentence count."""
    started, written, tokens = time.time(), 0, 0
    with open(out, "w", encoding="utf-8") as sink:
        for first in range(0, len(documents), batch):
            part = documents[first:first + batch]
            for document, gold in zip(extractor.process([d for d, _ in part]), (g for _, g in part)):
                if document.status != "ok":
                    log.warning("%s: %s", document.doc_id, document.error)
                    continue
                for record in sentence_records(document, gold, confirmed_only, names_only, keep_jobs):
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
                    tokens += len(record)
            log.info("labelled %d of %d documents, %d sentences, %.0f tokens/s", first + len(part),
                     len(documents), written, tokens / (time.time() - started))
    return written
