"""Executors: how a :class:`~presscut.pipeline.base.Pipeline` is run.

* :class:`LocalExecutor` chains the steps' ``run`` generators in this process.
* :class:`ProcessExecutor` reads and writes in this process and runs the record
  steps (extraction, cleaning, filtering) in a pool of worker processes, in
  input order, so both cores are used and results are the same as in-process.
"""

from __future__ import annotations

import multiprocessing
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
        with ctx.Pool(self.workers, initializer=_init_worker, initargs=(steps,)) as pool:
            results = pool.imap(_apply_steps, pipeline.reader.run((), stats), self.chunksize)
            stream: Iterator[Any] = self._count(results, steps, stats)
            if pipeline.writer is not None:
                stream = pipeline.writer.run(stream, stats)
            for _ in stream:
                pass
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


def executor_for(workers: int) -> Executor:
    """The in-process executor for one worker, the process pool for more."""
    return LocalExecutor() if workers <= 1 else ProcessExecutor(workers)
