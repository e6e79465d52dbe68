"""Small steps over iterators of records, and the executors that run them.

A :class:`~presscut.pipeline.base.Pipeline` is a reader, a list of record steps
and an optional writer; an executor (:mod:`presscut.pipeline.executors`) decides
how they run: in this process, or with extraction spread over worker processes.
"""

from presscut.pipeline.base import Drop, Pipeline, Reader, RecordStep, Step, Writer
from presscut.pipeline.executors import Executor, LocalExecutor, ProcessExecutor, executor_for
from presscut.pipeline.stats import Stats

__all__ = [
    "Drop",
    "Executor",
    "LocalExecutor",
    "Pipeline",
    "ProcessExecutor",
    "Reader",
    "RecordStep",
    "Stats",
    "Step",
    "Writer",
    "executor_for",
]
