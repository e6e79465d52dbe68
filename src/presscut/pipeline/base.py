"""The kinds of step, and the pipeline that strings them together.

Every step takes an iterator of records and yields records (``run``).  Three
base classes expose one hook each:

* :class:`Reader` -- ``read()`` yields records, or a :class:`Drop` for an input
  it had to skip;
* :class:`RecordStep` -- ``process(record)`` returns the next record, or a
  :class:`Drop` that says why the record goes no further;
* :class:`Writer` -- ``write(batch)`` stores records and says which were new.

Steps never decide how they are run; executors do.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from presscut.pipeline.stats import Stats

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Drop:
    """A record (or an input) that goes no further, and why."""

    reason: str
    #: What was dropped and any detail, for the end-of-run summary ("a.html: ...").
    detail: str | None = None


class Step(ABC):
    """Base of every step: a name for the counters and ``run`` over an iterator."""

    name: ClassVar[str] = "step"

    @abstractmethod
    def run(self, records: Iterable[Any], stats: Stats) -> Iterator[Any]:
        """Consume ``records`` and yield what goes on, counting into ``stats``."""


class Reader(Step):
    """Produces records from inputs; ignores any incoming records."""

    name = "read"

    @abstractmethod
    def read(self) -> Iterator[Any]:
        """Yield records, or a :class:`Drop` for each input that had to be skipped."""

    def run(self, records: Iterable[Any], stats: Stats) -> Iterator[Any]:
        for item in self.read():
            if isinstance(item, Drop):
                stats.drop(self.name, item.reason, item.detail)
            else:
                stats.forward(self.name)
                yield item


class RecordStep(Step):
    """One record in, one record (or a :class:`Drop`) out."""

    @abstractmethod
    def process(self, record: Any) -> Any:
        """Return the transformed record, or a :class:`Drop`."""

    def apply(self, record: Any) -> Any:
        """``process`` with the guarantee that a bad record never raises."""
        try:
            return self.process(record)
        except Exception as exc:  # a bad record must not stop the batch
            log.debug("step %s failed on a record", self.name, exc_info=True)
            return Drop("error", f"{describe(record)}: {type(exc).__name__}: {exc}")

    def run(self, records: Iterable[Any], stats: Stats) -> Iterator[Any]:
        for record in records:
            out = self.apply(record)
            if isinstance(out, Drop):
                stats.drop(self.name, out.reason, out.detail)
            else:
                stats.forward(self.name)
                yield out


class Writer(Step):
    """Stores records in batches; yields those that were new or changed."""

    name = "store"
    batch_size: int = 200

    @abstractmethod
    def write(self, batch: Sequence[Any]) -> list[Drop | None]:
        """Store ``batch`` in one transaction; for each record, None or why it was not stored."""

    def run(self, records: Iterable[Any], stats: Stats) -> Iterator[Any]:
        batch: list[Any] = []
        for record in records:
            batch.append(record)
            if len(batch) >= self.batch_size:
                yield from self._flush(batch, stats)
                batch = []
        if batch:
            yield from self._flush(batch, stats)

    def _flush(self, batch: list[Any], stats: Stats) -> Iterator[Any]:
        for record, outcome in zip(batch, self.write(batch), strict=True):
            if outcome is None:
                stats.forward(self.name)
                yield record
            else:
                stats.drop(self.name, outcome.reason, outcome.detail)


@dataclass(slots=True)
class Pipeline:
    """A reader, the record steps after it, and an optional writer at the end."""

    reader: Reader
    steps: list[RecordStep] = field(default_factory=list)
    writer: Writer | None = None


def describe(record: Any) -> str:
    """A short name for a record in messages: its origin when it has one."""
    origin = getattr(record, "origin", None)
    if origin is not None:
        where = origin.path or origin.url or origin.kind
        return f"{where}:{origin.offset}" if origin.offset is not None else str(where)
    return type(record).__name__
