"""Where batches are processed: in this process or in N worker processes (Dask: ``extractor/on_dask.py``).

Every worker loads the models once (``load_models``) and then turns batches of
raw documents into the three per-document tables (``process_batch``). Each
worker's torch gets its share of the cores, because torch processes that each
use every core slow one another down many times over.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Iterator

import pandas as pd

from extractor.reading import RawDocument

_EXTRACTOR = None  # this process's Extractor, once load_models has run


@dataclass
class BatchResult:
    mentions: pd.DataFrame
    quantities: pd.DataFrame
    documents: pd.DataFrame

    @property
    def tables(self) -> tuple[pd.DataFrame, ...]:
        return self.mentions, self.quantities, self.documents


def load_models(options: dict, threads: int | None = None) -> None:
    """Load the extractor in this process (a worker's initializer; a Dask worker plugin calls it too)."""
    global _EXTRACTOR
    if threads:
        for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            os.environ[variable] = str(threads)  # before torch and numpy start their pools
        import torch

        torch.set_num_threads(threads)
        try:
            torch.set_num_interop_threads(1)
        except RuntimeError:  # a process whose torch already ran (a Dask worker loading again) keeps its pool
            pass
    from extractor.pipeline import Extractor

    _EXTRACTOR = Extractor(**options)


def process_batch(raws: list[RawDocument]) -> BatchResult:
    from extractor.pipeline import document_from_raw
    from extractor.tables import document_tables

    documents = _EXTRACTOR.process([document_from_raw(raw) for raw in raws])
    return BatchResult(*document_tables(documents))


def threads_per_worker(workers: int) -> int:
    return max(1, (os.cpu_count() or 1) // workers)


def run_local(batches: Iterable[list[RawDocument]], options: dict, workers: int) -> Iterator[BatchResult]:
    """Results of the batches, in input order. One worker runs in this process, with torch's own
    thread count; more run as processes, a few batches ahead of the writer."""
    if workers <= 1:
        if _EXTRACTOR is None:
            load_models(options)
        yield from map(process_batch, batches)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no torch threads inherited from a fork
    with ProcessPoolExecutor(workers, mp_context=context, initializer=load_models,
                             initargs=(options, threads_per_worker(workers))) as pool:
        pending = []
        for batch in batches:
            pending.append(pool.submit(process_batch, batch))
            if len(pending) > 2 * workers:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()
