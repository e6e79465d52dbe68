"""Executors: how a :class:`~presscut.pipeline.base.Pipeline` is run.

* :class:`LocalExecutor` chains the steps' ``run`` generators in this process.
* :class:`ProcessExecutor` reads and writes in this process and runs the record
  steps (extraction, cleaning, filtering) in a pool of worker processes, in
  input order, so both cores are used and results are the same as in-process.
"""

from __future__ import annotations

import multiprocessing
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from presscut.pipeline.base import Drop, Pipeline, RecordStep
from presscut.pipeline.stats import Stats


class Executor(ABC):
    @abstractmethod
    def run(self, pipeline: Pipeline, stats: Stats | None = None) -> Stats:
        """Run the pipeline to the end; return (and fill) the counters."""


class LocalExecutor(Executor):
    """Everything in this process, one record at a time."""

    def run(self, pipeline: Pipeline, stats: Stats | None = None) -> Stats:
        stats = stats if stats is not None else Stats()
        stream: Iterable[Any] = pipeline.reader.run((), stats)
        for step in pipeline.steps:
            stream = step.run(stream, stats)
        if pipeline.writer is not None:
            stream = pipeline.writer.run(stream, stats)
        for _ in stream:
            pass
        return stats


# -- process pool ---------------------------------------------------------------

_worker_steps: Sequence[RecordStep] = ()


def _init_worker(steps: Sequence[RecordStep]) -> None:
    global _worker_steps  # noqa: PLW0603 -- per-process state set once by the pool initializer
    _worker_steps = steps


def _apply_steps(record: Any) -> tuple[Any, int]:
    """Run every step on one record; return the result and how many steps it passed."""
    for i, step in enumerate(_worker_steps):
        record = step.apply(record)
        if isinstance(record, Drop):
            return record, i
    return record, len(_worker_steps)


class ProcessExecutor(Executor):
    """Record steps in ``workers`` processes; reading and writing stay here."""

    def __init__(self, workers: int = 2, chunksize: int = 8) -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.chunksize = chunksize

    def run(self, pipeline: Pipeline, stats: Stats | None = None) -> Stats:
        stats = stats if stats is not None else Stats()
        steps = pipeline.steps
        ctx = multiprocessing.get_context("spawn")
        # imap reads its input as fast as it can: without a window, a long archive would be read
        # into memory ahead of the workers.  At most `window` records are in flight; the window
        # also holds one writer batch, so workers keep going while the writer commits.
        batch = pipeline.writer.batch_size if pipeline.writer is not None else 0
        window = threading.Semaphore(self.workers * self.chunksize * 4 + batch)
        stop = threading.Event()

        def throttled(records: Iterable[Any]) -> Iterator[Any]:
            for record in records:
                while not window.acquire(timeout=0.1):
                    if stop.is_set():
                        return
                yield record

        with ctx.Pool(self.workers, initializer=_init_worker, initargs=(steps,)) as pool:
            try:
                results = pool.imap(_apply_steps, throttled(pipeline.reader.run((), stats)), self.chunksize)
                stream: Iterator[Any] = self._count(_released(results, window), steps, stats)
                if pipeline.writer is not None:
                    stream = pipeline.writer.run(stream, stats)
                for _ in stream:
                    pass
            finally:
                stop.set()
        return stats

    @staticmethod
    def _count(results: Iterable[tuple[Any, int]], steps: Sequence[RecordStep], stats: Stats) -> Iterator[Any]:
        for record, passed in results:
            for step in steps[:passed]:
                stats.forward(step.name)
            if isinstance(record, Drop):
                stats.drop(steps[passed].name, record.reason, record.detail)
            else:
                yield record


def _released(results: Iterable[Any], window: threading.Semaphore) -> Iterator[Any]:
    for result in results:
        window.release()
        yield result


def executor_for(workers: int) -> Executor:
    """The in-process executor for one worker, the process pool for more."""
    return LocalExecutor() if workers <= 1 else ProcessExecutor(workers)
