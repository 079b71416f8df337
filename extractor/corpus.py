"""Run a whole corpus into an output folder: streamed, committed batch by batch, resumable,
on every core of this machine or on a Dask cluster.

    from extractor.corpus import extract_to_folder
    summary = extract_to_folder(["news/"], "out", workers=2, progress=True)
    print(summary.line())

Memory stays flat however many documents come: the reader streams them, a
batch at a time goes through the pipeline, each finished batch is committed
to the folder (``extractor/run_folder.py``), and the tables are written from
the committed batches at the end, one batch at a time.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from tqdm import tqdm

from extractor.pipeline import batched
from extractor.reading import RawDocument, read_inputs
from extractor.reading.sources import DEFAULT_MAX_CHARS, count_documents
from extractor.run_folder import RunFolder, content_hash
from extractor.workers import BatchResult, run_local


@dataclass
class RunSummary:
    documents: int = 0  # processed by this run
    skipped: int = 0  # committed by an earlier run and unchanged (--resume)
    failed: int = 0
    mentions: int = 0
    tokens: int = 0
    seconds: float = 0.0
    paths: list[Path] = field(default_factory=list)

    def add(self, result: BatchResult) -> None:
        self.documents += len(result.documents)
        self.failed += int((result.documents.status == "error").sum())
        self.mentions += len(result.mentions)
        self.tokens += int(result.documents.tokens.sum())

    def line(self) -> str:
        skipped = f", {self.skipped} already done" if self.skipped else ""
        return (f"{self.documents} documents ({self.failed} failed{skipped}), {self.mentions} mentions, "
                f"{self.seconds:.1f} s, {self.tokens_per_second():,.0f} tokens/s")

    def tokens_per_second(self) -> float:
        return self.tokens / max(self.seconds, 1e-9)


def extract_to_folder(inputs: Iterable[str | Path], out: str | Path, format: str = "csv", *, resume: bool = False,
                      workers: int = 1, dask_scheduler: str | None = None, progress: bool = False,
                      safe_csv: bool = True, text_column: str = "text", id_column: str | None = None,
                      max_chars: int = DEFAULT_MAX_CHARS, as_text: bool = False, batch_docs: int = 32,
                      published_column: str | None = None,
                      report_errors: bool = False, **extractor_options) -> RunSummary:
    """Process every input and write the four tables to ``out``; ``resume=True`` goes on with a killed run.

    ``workers`` processes on this machine, one core each (one runs in this process, with torch on one
    thread until the run ends), or the workers of the Dask scheduler at ``dask_scheduler``;
    ``report_errors`` prints each failed document's error on stderr as it comes;
    ``extractor_options`` are ``Extractor``'s (``repair``, ``only_uk``, ``ner_model_dir``, ``device``)."""
    inputs = list(inputs)
    folder = RunFolder(Path(out), format, safe_csv)
    folder.open(resume)  # a bad --out, a lock or a missing --resume stop the run before any model loads
    summary, started = RunSummary(), time.perf_counter()
    bar = tqdm(total=count_documents(inputs, as_text) if progress else None, unit="doc", desc="extracting",
               disable=not progress, smoothing=0.1)
    tagged = _TaggedCharacters(bar)
    try:
        hashes: dict[str, str] = {}
        raws = read_inputs(inputs, text_column, id_column, max_chars, as_text, published_column)
        batches = batched(_not_done(raws, folder, hashes, summary, bar), batch_docs)
        options = {"batch_docs": batch_docs, **extractor_options}
        if dask_scheduler:
            from extractor.on_dask import run_dask

            results = run_dask(batches, options, dask_scheduler)
        else:
            results = run_local(batches, options, workers, on_characters=tagged.add if progress else None)
        for result in results:
            folder.commit(result.tables, {doc_id: hashes.pop(doc_id) for doc_id in result.documents.doc_id})
            summary.add(result)
            for error in result.documents.error[result.documents.status == "error"] if report_errors else ():
                tqdm.write(f"error: {error}", file=sys.stderr)
            bar.update(len(result.documents))
            if dask_scheduler and progress:  # Dask workers cannot report within a batch: count it when it is back
                tagged.characters += int(result.documents.chars[result.documents.status == "ok"].sum())
            tagged.show(summary.tokens / (time.perf_counter() - started))
        summary.paths = folder.finish()
        # the bar's last word is the summary's: the same seconds, writing the tables included
        summary.seconds = time.perf_counter() - started
        tagged.show(summary.tokens_per_second())
    finally:
        bar.close()
        folder.close()
    return summary


class _TaggedCharacters:
    """The bar's postfix: tokens/s, and the characters NER has tagged, which move within a long
    document while the document count waits for its batch."""

    def __init__(self, bar):
        self.bar, self.characters, self.tokens_per_second = bar, 0, 0.0

    def add(self, count: int) -> None:
        self.characters += count
        self.show(self.tokens_per_second)

    def show(self, tokens_per_second: float) -> None:
        self.tokens_per_second = tokens_per_second
        self.bar.set_postfix_str(f"{tokens_per_second:,.0f} tokens/s, {self.characters:,} characters tagged")


def _not_done(raws: Iterator[RawDocument], folder: RunFolder, hashes: dict[str, str], summary: RunSummary,
              bar) -> Iterator[RawDocument]:
    """The documents an earlier run has not committed (or committed with other text)."""
    for raw in raws:
        digest = content_hash(raw.text, raw.error)
        if folder.is_done(raw.doc_id, digest):
            summary.skipped += 1
            if bar.total:  # the bar and its ETA count what is still to do, not what an earlier run did
                bar.total -= 1
                bar.refresh()
            continue
        hashes[raw.doc_id] = digest
        yield raw
