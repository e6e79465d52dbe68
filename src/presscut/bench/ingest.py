"""``presscut bench ingest``: pages per second and peak memory, 1 vs N workers.

Generates a folder of synthetic article pages, then ingests it into a fresh
corpus once per worker count, each run in its own process so that its peak
memory is its own.  Prints (or returns) one row per worker count.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def run_ingest_bench(
    pages: int = 10_000, workers: list[int] | None = None, workdir: Path | None = None, seed: int = 0
) -> dict[str, Any]:
    from presscut.bench.generate import generate_pages

    workers = workers or [1, 2]
    with tempfile.TemporaryDirectory(prefix="presscut-bench-") as tmp:
        root = Path(workdir) if workdir else Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        pages_dir = root / f"pages-{pages}-{seed}"
        if not pages_dir.exists() or len(list(pages_dir.iterdir())) != pages:
            pages_dir.mkdir(exist_ok=True)
            generate_pages(pages_dir, pages, seed=seed)
        size = sum(p.stat().st_size for p in pages_dir.iterdir())
        runs = []
        for n in workers:
            db = root / f"bench-{n}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            out = subprocess.run(
                [sys.executable, "-m", "presscut.bench.ingest", str(db), str(pages_dir), str(n)],
                check=True, capture_output=True, text=True,
            )
            run = json.loads(out.stdout.strip().splitlines()[-1])
            run["pages_per_second"] = pages / run["seconds"]
            run["pages_per_second_per_worker"] = run["pages_per_second"] / n
            runs.append(run)
    return {"pages": pages, "megabytes": size / 1e6, "cpus": os.cpu_count(), "runs": runs}


def _child(db: str, pages_dir: str, workers: int) -> None:
    from presscut.config import IngestConfig
    from presscut.corpus import Corpus

    start = time.perf_counter()
    with Corpus(db, IngestConfig(workers=workers)) as corpus:
        report = corpus.ingest([pages_dir])
    seconds = time.perf_counter() - start
    kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    print(json.dumps({
        "workers": workers,
        "seconds": seconds,
        "peak_rss_mb": kb / 1024,
        "stored": sum(report.stored.values()),
        "skipped": report.skipped,
    }))


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2], int(sys.argv[3]))
