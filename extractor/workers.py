"""Where batches are processed: in this process or in N worker processes (Dask: ``extractor/on_dask.py``).

Every worker loads the models once (``load_models``) and then turns batches of
raw documents into the three per-document tables (``process_batch``). A worker
is one core: its torch runs one thread, in a worker process and in this process
alike, because torch processes that each use every core slow one another down
many times over (two runs started by hand on one machine, or N workers). So
``--workers N`` uses N cores, and a Dask worker is started with one thread.
"""
from __future__ import annotations

import itertools
import os
import queue
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

import pandas as pd

from extractor.reading import RawDocument

_EXTRACTOR = None  # this process's Extractor, once load_models has run
_OPTIONS: dict | None = None  # the options it was loaded with


@dataclass
class BatchResult:
    mentions: pd.DataFrame
    quantities: pd.DataFrame
    documents: pd.DataFrame

    @property
    def tables(self) -> tuple[pd.DataFrame, ...]:
        return self.mentions, self.quantities, self.documents


def load_models(options: dict, threads: int | None = None, characters=None) -> None:
    """Load the extractor in this process (a worker's initializer; a Dask worker plugin calls it too).
    ``characters``: a queue that hears how many characters NER tagged, batch by batch."""
    global _EXTRACTOR, _OPTIONS
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

    _EXTRACTOR, _OPTIONS = Extractor(**options), dict(options)
    _EXTRACTOR.on_characters = characters.put if characters is not None else None


def process_batch(raws: list[RawDocument]) -> BatchResult:
    from extractor.pipeline import document_from_raw
    from extractor.tables import document_tables

    documents = [document_from_raw(raw) for raw in raws]
    if any(d.status == "ok" for d in documents):  # a batch of unreadable inputs needs no model
        documents = _EXTRACTOR.process(documents)
    return BatchResult(*document_tables(documents))


def available_cores() -> int:
    """The cores this process may run on: a job's or a container's share, not the machine's count."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity on macOS and Windows
        return os.cpu_count() or 1


@contextmanager
def _one_torch_thread():
    """Torch on one thread while this process is a worker, and on as many as before afterwards."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def run_local(batches: Iterable[list[RawDocument]], options: dict, workers: int,
              on_characters: Callable[[int], None] | None = None) -> Iterator[BatchResult]:
    """Results of the batches, in input order. One worker runs in this process, more run as
    processes, a few batches ahead of the writer; each is one core. ``on_characters``
    hears the characters NER tagged as it goes, so that a long document shows progress.
    The models load with the first readable document: a run of only broken inputs loads none."""
    batches = iter(batches)
    for batch in batches:
        if any(raw.error is None for raw in batch):
            batches = itertools.chain([batch], batches)
            break
        yield process_batch(batch)  # unreadable inputs need no model
    else:
        return
    if workers <= 1:
        with _one_torch_thread():
            for batch in batches:
                if _EXTRACTOR is None or _OPTIONS != options:
                    load_models(options)  # a run with other options gets its own models
                _EXTRACTOR.on_characters = on_characters
                yield process_batch(batch)
        return
    import multiprocessing

    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no torch threads inherited from a fork
    characters = context.Queue()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=load_models,
                             initargs=(options, 1, characters)) as pool:
        pending = []
        for batch in batches:
            pending.append(pool.submit(process_batch, batch))
            if len(pending) > 2 * workers:
                yield _wait(pending.pop(0), characters, on_characters)
        for future in pending:
            yield _wait(future, characters, on_characters)


def _wait(future, characters, on_characters) -> BatchResult:
    """The future's result; while it is not there, pass on what the workers report."""
    while True:
        try:
            return future.result(timeout=0.5)
        except FutureTimeout:
            pass
        finally:
            _drain(characters, on_characters)


def _drain(characters, on_characters) -> None:
    while True:
        try:
            count = characters.get_nowait()
        except queue.Empty:
            return
        if on_characters:
            on_characters(count)
