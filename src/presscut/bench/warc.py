"""``presscut bench warc``: WARC records per second end to end, and memory over a long archive.

Writes one ``.warc.gz`` of ``records`` generated pages
(:func:`presscut.bench.generate.make_page`, one gzip member per record, as
crawlers write them), then ingests it into a fresh embedded corpus once per
worker count, each run in its own process.  Each run samples the resident
memory (this process plus its workers) every 1,000 records, so a flat line
from 1k to 10k shows that nothing grows with the archive, and reports records
per CPU-second (its own and its workers' CPU time), which holds on a busy machine
where wall-clock rates do not.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Records between two memory samples.
SAMPLE_EVERY = 1000


def write_warc(path: Path, records: int, seed: int = 0) -> int:
    """Write ``records`` generated pages as WARC response records; return the archive's size in bytes."""
    from presscut.bench.generate import make_page

    with path.open("wb") as fh:
        for i in range(records):
            page = make_page(i, seed)
            body = page.content.encode("utf-8")
            http = (
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body
            )
            head = (
                "WARC/1.1\r\nWARC-Type: response\r\n"
                f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=i + 1)}>\r\n"
                "WARC-Date: 2024-05-02T10:00:00Z\r\n"
                f"WARC-Target-URI: {page.truth['url']}\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n"
            ).encode()
            fh.write(gzip.compress(head + http + b"\r\n\r\n", compresslevel=6))
    return path.stat().st_size


def run_warc_bench(
    records: int = 10_000, workers: list[int] | None = None, workdir: Path | None = None, seed: int = 0
) -> dict[str, Any]:
    workers = workers or [1, 2]
    with tempfile.TemporaryDirectory(prefix="presscut-bench-warc-") as tmp:
        root = Path(workdir) if workdir else Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        archive = root / f"bench-{records}-{seed}.warc.gz"
        if not archive.exists():
            write_warc(archive, records, seed)
        runs = []
        for n in workers:
            db = root / f"bench-warc-{n}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            out = subprocess.run(
                [sys.executable, "-m", "presscut.bench.warc", str(db), str(archive), str(n)],
                check=True, capture_output=True, text=True,
            )
            run = json.loads(out.stdout.strip().splitlines()[-1])
            run["records_per_second"] = run["records"] / run["seconds"]
            run["records_per_second_per_core"] = run["records_per_second"] / n
            # CPU time of this process and its workers: per-core speed even on a busy machine
            run["records_per_cpu_second"] = run["records"] / run["cpu_seconds"]
            runs.append(run)
        size = archive.stat().st_size
    return {"records": records, "archive_megabytes": size / 1e6, "cpus": os.cpu_count(), "runs": runs}


def render(result: dict[str, Any]) -> str:
    lines = [
        f"{result['records']} HTML records, {result['archive_megabytes']:.1f} MB .warc.gz, {result['cpus']} CPUs",
        f"{'workers':>7} {'seconds':>8} {'records/s':>10} {'per core':>9} {'rec/CPU-s':>9} {'stored':>7}"
        f" {'peak RSS MB':>12}"
        f"  RSS MB (this process + workers) at 1k .. end",
    ]
    for r in result["runs"]:
        samples = r["rss_samples"]
        curve = " ".join(f"{s['records'] // 1000}k:{s['rss_mb']:.0f}" for s in samples)
        lines.append(
            f"{r['workers']:>7} {r['seconds']:>8.1f} {r['records_per_second']:>10.1f} "
            f"{r['records_per_second_per_core']:>9.1f} {r['records_per_cpu_second']:>9.1f} {r['stored']:>7}"
            f" {r['peak_rss_mb']:>12.0f}  {curve}"
        )
    return "\n".join(lines)


# -- the measured run (a child process) ----------------------------------------------------


def _rss_mb(pid: int | str = "self") -> float:
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _total_rss_mb() -> float:
    import multiprocessing

    return _rss_mb() + sum(_rss_mb(p.pid) for p in multiprocessing.active_children() if p.pid)


def _child(db: str, archive: str, workers: int) -> None:
    from presscut.article import RawDocument
    from presscut.config import IngestConfig
    from presscut.corpus import Corpus
    from presscut.pipeline import Drop, Pipeline, Reader, Stats, executor_for
    from presscut.pipeline.readers import FileReader
    from presscut.pipeline.steps import EmptyFilter, ExtractStep
    from presscut.pipeline.writers import StoreWriter

    samples: list[dict[str, float]] = []

    class Sampling(Reader):
        def read(self) -> Iterator[RawDocument | Drop]:
            for n, item in enumerate(FileReader([archive]).read(), start=1):
                yield item
                if n % SAMPLE_EVERY == 0:
                    samples.append({"records": n, "rss_mb": _total_rss_mb()})

    start = time.perf_counter()
    with Corpus(db, IngestConfig(workers=workers)) as corpus:
        writer = StoreWriter(corpus.store)
        stats = Stats()
        pipeline = Pipeline(Sampling(), [ExtractStep(), EmptyFilter()], writer)
        executor_for(workers).run(pipeline, stats)
    seconds = time.perf_counter() - start
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(json.dumps({
        "workers": workers,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "records": stats.forwarded("read"),
        "stored": sum(writer.outcomes.values()),
        "skipped": sum(stats.dropped().values()),
        "peak_rss_mb": kb / 1024,
        "rss_samples": samples,
    }))


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2], int(sys.argv[3]))
