"""The extractor on a Dask cluster: the CLI's ``--dask-scheduler`` runs, and, for people who
already live in Dask, a bag of texts in and Dask dataframes of the tables out.

    import dask.bag as db
    from extractor.on_dask import extract_bag
    mentions, quantities, documents = extract_bag(db.from_sequence(texts, npartitions=8))
    mentions.groupby("label").size().compute()

Each partition is one batch; every worker process loads the models once, the
first time it meets a partition. Document ids are ``p{partition}-{n}``.
"""
from __future__ import annotations

import warnings
from typing import Iterable, Iterator

import pandas as pd
from distributed import Client, WorkerPlugin, as_completed

from extractor import workers
from extractor.reading import RawDocument


def _partition_tables(texts, partition: int, options: dict) -> tuple[pd.DataFrame, ...]:
    if workers._EXTRACTOR is None:
        workers.load_models(options, threads=1)
    raws = [RawDocument(f"p{partition}-{number}", text) for number, text in enumerate(texts, 1)]
    return workers.process_batch(raws).tables


def extract_bag(texts, **extractor_options):
    """(mentions, quantities, documents) as Dask dataframes, one partition per partition of ``texts``
    (a ``dask.bag`` of str, or a ``dask.dataframe`` Series of texts)."""
    import dask
    import dask.dataframe as dd

    from extractor.tables import document_tables

    parts = [dask.delayed(_partition_tables)(partition, number, extractor_options)
             for number, partition in enumerate(texts.to_delayed())]
    empty = document_tables([])
    return tuple(dd.from_delayed([dask.delayed(lambda tables, i=i: tables[i])(part) for part in parts], meta=empty[i],
                                  verify_meta=False)
                 for i in range(3))


class LoadModels(WorkerPlugin):
    """Dask worker plugin: each worker loads the models once, when it joins (or when the plugin is registered)."""
    name = "extractor-models"

    def __init__(self, options: dict):
        self.options = options

    def setup(self, worker):
        # one torch thread: the README starts one single-threaded Dask worker per core
        workers.load_models(self.options, threads=1)


def run_dask(batches: Iterable[list[RawDocument]], options: dict, scheduler: str) -> Iterator[workers.BatchResult]:
    """Results of the batches as the cluster finishes them, a few batches per worker in flight."""
    with Client(scheduler) as client:
        client.register_plugin(LoadModels(options))
        found = client.scheduler_info()["workers"].values()
        crowded = [w.get("id", "?") for w in found if w.get("nthreads", 1) > 1]
        if crowded:
            # two batches in one process share its interpreter: most of the pipeline is Python, so a worker
            # of two threads does about the work of one core (1.4-2x slower than two one-thread workers)
            warnings.warn(f"{len(crowded)} Dask worker(s) run more than one thread; start one single-threaded "
                          "worker per core (dask worker --nthreads 1, LocalCluster(threads_per_worker=1))",
                          stacklevel=2)
        count = max(1, sum(w.get("nthreads", 1) for w in found))
        in_flight = as_completed()
        for batch in batches:
            in_flight.add(client.submit(workers.process_batch, batch, pure=False))
            if in_flight.count() > 2 * count:
                yield next(in_flight).result()
        for future in in_flight:
            yield future.result()
