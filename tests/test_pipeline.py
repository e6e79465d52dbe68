from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from presscut.pipeline import Drop, LocalExecutor, Pipeline, ProcessExecutor, Reader, RecordStep, Stats
from presscut.pipeline.guard import RecordTimeout, time_limit


class Numbers(Reader):
    def __init__(self, n: int) -> None:
        self.n = n

    def read(self) -> Iterator[Any]:
        for i in range(self.n):
            yield Drop("negative", f"#{i}") if i % 10 == 9 else i


class Square(RecordStep):
    name = "square"

    def process(self, record: int) -> int | Drop:
        if record == 13:
            raise RuntimeError("unlucky")
        return record * record


class Odd(RecordStep):
    name = "odd"

    def process(self, record: int) -> int | Drop:
        return record if record % 2 else Drop("even")


class Collect(RecordStep):
    name = "collect"

    def __init__(self) -> None:
        self.seen: list[int] = []

    def process(self, record: int) -> int:
        self.seen.append(record)
        return record


def test_local_executor_counts_every_step() -> None:
    collect = Collect()
    stats = LocalExecutor().run(Pipeline(Numbers(30), [Square(), Odd(), collect]))
    assert stats.forwarded("read") == 27 and stats.dropped("read") == {"negative": 3}
    assert stats.dropped("square") == {"error": 1}
    assert "RuntimeError: unlucky" in stats.steps["square"].examples["error"][0]
    assert stats.forwarded("square") == 26
    assert collect.seen == [i * i for i in range(30) if i % 10 != 9 and i != 13 and i % 2]
    assert stats.forwarded("odd") == len(collect.seen)


def test_process_executor_gives_the_same_counts() -> None:
    local = LocalExecutor().run(Pipeline(Numbers(200), [Square(), Odd()]))
    pooled = ProcessExecutor(workers=2).run(Pipeline(Numbers(200), [Square(), Odd()]))
    assert pooled.to_dict() == local.to_dict()


def test_stats_merge_and_render() -> None:
    a, b = Stats(), Stats()
    a.forward("read", 3)
    a.drop("read", "empty", "x.html: empty file")
    b.forward("read", 2)
    b.drop("read", "empty", "y.html: empty file")
    b.drop("extract", "timeout")
    merged = a.merge(b)
    assert merged.forwarded("read") == 5
    assert merged.dropped() == {"empty": 2, "timeout": 1}
    assert merged.steps["read"].examples["empty"] == ["x.html: empty file", "y.html: empty file"]
    table = merged.render()
    assert "empty=2" in table and "timeout=1" in table


def test_time_limit_interrupts_a_slow_record() -> None:
    start = time.perf_counter()
    with pytest.raises(RecordTimeout), time_limit(0.2):
        while True:
            pass
    assert time.perf_counter() - start < 2
    with time_limit(0.5):  # a fast block is untouched and the timer is cleared
        pass
    time.sleep(0.6)


def test_process_executor_rejects_zero_workers() -> None:
    with pytest.raises(ValueError):
        ProcessExecutor(workers=0)
