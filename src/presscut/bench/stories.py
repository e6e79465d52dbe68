"""``presscut bench stories``: how well and how fast articles are grouped into stories.

Quality: a labelled syndication set (:mod:`presscut.bench.syndicate`) is fed,
in a shuffled crawl order, through story assignment; pairs of articles put in
one story are compared with the true pairs (precision, recall), clusters with
true stories (purity), follow-ups with the story they quote (wrongly merged),
and the copy marked original with the true original.

Speed: the story step alone (signatures, then assignment in batches of 200
per transaction, as the store does), on one core.

Scale: the cost of assigning one new article when N articles are already
stored.  The store holds the labelled set (minus the probes) plus filler
articles with random signatures up to N, loaded in bulk into the main table
of the bucket index (``Buckets.load``; building 1M by assignment would take
hours).
New articles are then assigned in batches of 200 per transaction: first
the probes (held-out copies and originals of the labelled set, so they do
real joining work) and random-signature articles, untimed, up to the first
move of a bucket level into the main table; then a few timed runs of
random-signature articles (64 new band keys each: the most writing), each at
least ``MIN_RUN`` articles and ending with the batch that moves a level into
the main table, so a run is whole cycles of the index and its cost per
article is the amortized one, commits and every level move included.  The
time spent in bucket lookups is counted within the runs; the probes' lookups
afterwards count the rows a copy finds.  Bytes per article are the story
tables' pages (``dbstat``) over N.

Pairs: the host's speed drifts over minutes, and the scales are timed minutes
apart, so each run at a larger scale is followed by runs at the smallest one
(each on a copy of its store as it was after its warm-up, so they all start
from the same state) until as many articles were assigned: the ratio of a run
to its pair is measured on the host of the moment.
"""

from __future__ import annotations

import itertools
import random
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from presscut.bench.syndicate import Labelled, generated_bases, syndicate, wcxb_bases
from presscut.errors import InputError
from presscut.store import SQLiteStore
from presscut.stories.buckets import release_freed_memory
from presscut.stories.index import StoryIndex
from presscut.stories.minhash import MinHasher, Signature
from presscut.stories.model import StoryInput

WCXB = Path(__file__).resolve().parents[3] / ".." / "shared" / "bench" / "wcxb-dev"
_STORY_TABLES = (
    "stories", "story_signatures", "story_buckets", "story_bucket_sizes", "story_bucket_adds", "story_bucket_runs",
    "story_bucket_pages",
)
BATCH = 200
#: Fewest new articles per timed run at any scale (a run then goes on up to a move into the main table).
MIN_RUN = 2000


def labelled_set(stories: int, seed: int, source: str) -> list[Labelled]:
    """The syndication set, in a shuffled crawl order (copies may arrive before their original)."""
    n_bases = round(stories * 1.25)
    if source == "wcxb":
        if not WCXB.is_dir():
            raise InputError(f"{WCXB} is absent: run with --source generated")
        bases = wcxb_bases(WCXB, limit=n_bases)
    else:
        bases = generated_bases(n_bases, seed)
    items = syndicate(bases, seed=seed)
    random.Random(f"crawl:{seed}").shuffle(items)
    return items


def assign_all(
    index: StoryIndex, items: Sequence[Labelled], signatures: Sequence[Signature], start: int = 1
) -> list[str]:
    """Assign every item (rowids from ``start``) in transactions of ``BATCH``; return story ids."""
    out: list[str] = []
    for i in range(0, len(items), BATCH):
        index.db.execute("BEGIN")
        batch = [_story_input(start + j, items[j], signatures[j]) for j in range(i, min(i + BATCH, len(items)))]
        out.extend(a.story_id for a in index.assign_many(batch))
        index.db.execute("COMMIT")
    return out


def _story_input(rowid: int, item: Labelled, signature: Signature) -> StoryInput:
    a = item.article
    published = a.published.isoformat() if a.published else None
    return StoryInput(rowid, a.id, a.text, published, a.attribution, signature, fresh=True)


def quality(items: Sequence[Labelled], predicted: Sequence[str], original_ok: float) -> dict[str, Any]:
    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    truth = [it.story for it in items]
    both = pairs(Counter(zip(predicted, truth, strict=True)))
    pred_pairs, true_pairs = pairs(Counter(predicted)), pairs(Counter(truth))
    members: dict[str, Counter[int]] = defaultdict(Counter)
    for p, t in zip(predicted, truth, strict=True):
        members[p][t] += 1
    purity = sum(c.most_common(1)[0][1] for c in members.values()) / len(items)
    story_of: dict[int, set[str]] = defaultdict(set)
    for it, p in zip(items, predicted, strict=True):
        if it.kind != "followup":
            story_of[it.story].add(p)
    followups = [(it, p) for it, p in zip(items, predicted, strict=True) if it.kind == "followup"]
    merged = sum(1 for it, p in followups if p in story_of[it.quotes or -1])
    return {
        "pair_precision": both / pred_pairs if pred_pairs else 1.0,
        "pair_recall": both / true_pairs if true_pairs else 1.0,
        "purity": purity,
        "followups_merged": merged / len(followups) if followups else 0.0,
        "predicted_stories": len(members),
        "original_found": original_ok,
    }


def _originals_found(db: sqlite3.Connection, items: Sequence[Labelled]) -> float:
    """Share of true stories (with copies) whose marked original is the true original."""
    true_original = {it.article.id: it.story for it in items if it.kind == "original"}
    sizes = Counter(it.story for it in items)
    rows = db.execute("SELECT o.id FROM stories s JOIN articles o ON o.rowid = s.original").fetchall()
    hits = sum(1 for (aid,) in rows if aid in true_original and sizes[true_original[aid]] > 1)
    multi = sum(1 for it in items if it.kind == "original" and sizes[it.story] > 1)
    return hits / multi if multi else 1.0


def _insert_articles(db: sqlite3.Connection, items: Sequence[Labelled], start: int) -> None:
    db.executemany(
        "INSERT INTO articles (rowid, id, title, site_name, published, page_type, text, text_hash, data, stored_at) "
        "VALUES (?, ?, ?, ?, ?, 'article', '', '', '{}', '')",
        [(start + i, it.article.id, it.article.title, it.article.site_name,
          it.article.published.isoformat() if it.article.published else None) for i, it in enumerate(items)],
    )


def _fill(index: StoryIndex, n: int, start: int, rng: np.random.Generator) -> None:
    """``n`` filler articles with random signatures (distinct stories), in bulk."""
    hasher, db = index.hasher, index.db
    chunk = 250_000  # a bulk load rewrites the main table: few large ones
    for lo in range(0, n, chunk):
        m = min(chunk, n - lo)
        values = rng.integers(0, 2**32, size=(m, hasher.config.permutations), dtype=np.uint32)
        rowids = np.arange(start + lo, start + lo + m)
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO stories (sid, id, representative, original, articles) VALUES (?, ?, ?, ?, 1)",
            [(int(r), f"filler-{r}", int(r), int(r)) for r in rowids],
        )
        db.executemany(
            "INSERT INTO story_signatures (article, story, shingles, signature) VALUES (?, ?, 300, ?)",
            [(int(r), int(r), values[i].astype("<u4").tobytes()) for i, r in enumerate(rowids)],
        )
        index.buckets.load(hasher.band_key_array(values).ravel(), np.repeat(rowids, hasher.config.bands))
        db.execute("COMMIT")


def _story_bytes(db: sqlite3.Connection) -> int:
    names = ",".join(f"'{t}'" for t in _STORY_TABLES)
    row = db.execute(
        f"SELECT sum(pgsize) FROM dbstat WHERE name IN ({names}) OR name LIKE 'sqlite_autoindex_stor%'"
    ).fetchone()
    return int(row[0] or 0)


def _rss_mb(field: str = "VmRSS") -> float:
    """Resident memory of this process now (Linux; ``RssAnon``: not counting mapped file pages), else the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale_point(
    stored: int, items: Sequence[Labelled], signatures: Sequence[Signature], probes: int, workdir: Path,
    *, runs: int = 3, keep: bool = False, snapshot: Path | None = None, reference: Path | None = None,
) -> dict[str, Any]:
    """ms to assign one new article with ``stored`` articles already stored, amortized over whole runs.

    See the module documentation; the median of ``runs`` runs is ``ms_per_article``.  The store is
    saved to ``snapshot`` after the warm-up; each run is followed by one on a copy of ``reference``
    (a smaller scale's snapshot), its pair, so the ratio of the two is measured on the host of the moment.
    """
    path = workdir / f"scale-{stored}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = SQLiteStore(path)
    try:
        index = StoryIndex(store.db)
        held = min(probes, len(items) // 5)
        base = items[: len(items) - held][:stored]
        t0 = time.perf_counter()
        store.db.execute("BEGIN")
        _insert_articles(store.db, items, 1)
        store.db.execute("COMMIT")
        assign_all(index, base, signatures[: len(base)], start=1)
        n_fill = max(0, stored - len(base))
        _fill(index, n_fill, len(items) + 1, np.random.default_rng(stored))
        index.buckets.peak_mirror_bytes = 0  # the mirrors' peak while assigning, not while bulk-loading
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        release_freed_memory()  # what the bulk load left free is not the runs' memory
        build_s = time.perf_counter() - t0
        n_stored = max(stored, len(base))
        new = _new_articles(index, items, signatures, held, start=len(items) + n_fill + 1, seed=stored)
        _assign_until_main(index, new, 0)  # warm-up: up to a move into the main table, so runs are whole cycles
        if snapshot is not None:
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copyfile(path, snapshot)
        timings = []
        for r in range(runs):
            timings.append(_assign_until_main(index, new, MIN_RUN))
            if reference is not None:
                timings[-1]["reference"] = _reference_runs(reference, workdir, timings[-1]["articles"], seed=stored + r)
                release_freed_memory()  # what the pair's store left free is not this store's memory
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        found = _rows_found(index, signatures[len(items) - held :])
        ms = [t["ms_per_article"] for t in timings]
        file_bytes = sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())
        return {
            "stored": n_stored,
            "build_s": build_s,
            "run_articles": int(statistics.median(t["articles"] for t in timings)),
            "runs": timings,
            "ms_per_article": statistics.median(ms),
            "ms_min": min(ms),
            "ms_max": max(ms),
            "lookup_ms": statistics.median(t["lookup_ms_per_article"] for t in timings),
            "move_ms": statistics.median(t["move_ms_per_article"] for t in timings),
            "candidates": found,
            "bytes_per_article": _story_bytes(store.db) / n_stored,
            "file_bytes_per_article": file_bytes / n_stored,
            "rss_mb": _rss_mb(),
            "rss_anon_mb": _rss_mb("RssAnon"),
            "mirror_mb": index.buckets.mirror_bytes() / 2**20,
            "peak_mirror_mb": index.buckets.peak_mirror_bytes / 2**20,
        }
    finally:
        store.close()
        if not keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


NewArticle = tuple[int, str, str | None, str | None, Signature]


def _new_articles(
    index: StoryIndex, items: Sequence[Labelled], signatures: Sequence[Signature], held: int, *, start: int,
    seed: int,
) -> Iterator[NewArticle]:
    """New articles to time: the ``held`` probes, then endless random signatures."""
    for k in range(len(items) - held, len(items)):
        a = items[k].article
        yield k + 1, a.id, a.published.isoformat() if a.published else None, a.attribution, signatures[k]
    yield from _random_articles(index, start=start, seed=seed)


def _random_articles(index: StoryIndex, *, start: int, seed: int, chunk: int = 10_000) -> Iterator[NewArticle]:
    """Endless new articles with random signatures from rowid ``start`` on (their rows added by chunks)."""
    rng = np.random.default_rng(seed + 1)
    while True:
        values = rng.integers(0, 2**32, size=(chunk, index.hasher.config.permutations), dtype=np.uint32)
        rowids = range(start, start + chunk)
        index.db.execute("BEGIN")
        index.db.executemany(
            "INSERT INTO articles (rowid, id, page_type, text, text_hash, data, stored_at) "
            "VALUES (?, ?, 'article', '', '', '{}', '')",
            [(r, f"new-{r}") for r in rowids],
        )
        index.db.execute("COMMIT")
        for i, r in enumerate(rowids):
            yield r, f"new-{r}", None, None, Signature(values[i], 300)
        start += chunk


def _reference_runs(snapshot: Path, workdir: Path, articles: int, seed: int) -> dict[str, Any]:
    """Runs on copies of ``snapshot`` (see :func:`_reference_run`) until they assigned ``articles`` new
    articles or more, so that they take about as long as the run they pair with."""
    done = seconds = cpu = 0.0
    runs = 0
    while done < articles:
        run = _reference_run(snapshot, workdir, seed=seed * 1000 + runs)
        done, seconds, runs = done + run["articles"], seconds + run["seconds"], runs + 1
        cpu += run["cpu_ms_per_article"] * run["articles"] / 1000
    return {"articles": int(done), "runs": runs, "ms_per_article": 1000 * seconds / done,
            "cpu_ms_per_article": 1000 * cpu / done}


def _reference_run(snapshot: Path, workdir: Path, seed: int) -> dict[str, Any]:
    """One timed run on a copy of ``snapshot`` (the smallest scale's store, saved right after its
    warm-up): the same starting state every time, so runs at a larger scale can be paired with it."""
    path = workdir / "reference-run.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(snapshot, path)
    store = SQLiteStore(path)
    try:
        index = StoryIndex(store.db)
        index.buckets.lookup([0])  # reads the index's mirrors (untimed, as they are in the runs they pair with)
        start = int(store.db.execute("SELECT max(rowid) FROM articles").fetchone()[0]) + 1
        return _assign_until_main(index, _random_articles(index, start=start, seed=seed), MIN_RUN)
    finally:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _written() -> int:
    """Bytes this process has caused to be written to storage (Linux), else 0."""
    try:
        for line in Path("/proc/self/io").read_text().splitlines():
            if line.startswith("write_bytes:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _assign_until_main(index: StoryIndex, new: Iterator[NewArticle], least: int) -> dict[str, Any]:
    """Assign batches of ``BATCH`` new articles, each batch one transaction, until at least ``least`` are
    assigned and the last batch moved a bucket level into the main table; time the batches, commits included.
    """
    db = index.db
    index.buckets.moves.clear()
    index.buckets.lookup_seconds = index.buckets.move_seconds = 0.0
    worst = seconds = cpu = anon = 0.0
    done, written = 0, _written()
    while True:
        batch = list(itertools.islice(new, BATCH))
        moved = index.buckets.moves["main"]
        t, c = time.perf_counter(), time.process_time()
        db.execute("BEGIN")
        index.assign_many([
            StoryInput(rowid, article_id, "", published, attribution, sig, fresh=True)
            for rowid, article_id, published, attribution, sig in batch
        ])
        db.execute("COMMIT")
        t, c = time.perf_counter() - t, time.process_time() - c
        seconds, cpu, worst, done = seconds + t, cpu + c, max(worst, t), done + len(batch)
        anon = max(anon, _rss_mb("RssAnon"))  # after every batch: the process's own memory swings with the moves
        if done >= least and index.buckets.moves["main"] > moved:
            break
    return {
        "articles": done,
        "seconds": seconds,
        "ms_per_article": 1000 * seconds / done,
        "cpu_ms_per_article": 1000 * cpu / done,
        "lookup_ms_per_article": 1000 * index.buckets.lookup_seconds / done,
        "move_ms_per_article": 1000 * index.buckets.move_seconds / done,
        "worst_batch_ms": 1000 * worst,
        "anon_peak_mb": anon,
        "written_per_article": (_written() - written) / done,
        "moves": dict(sorted(index.buckets.moves.items())),
    }


def _rows_found(index: StoryIndex, signatures: Sequence[Signature]) -> float:
    """Rows the bucket index gives per probe (copies: most of their keys are found), a lookup per ``BATCH``."""
    rows = 0
    for i in range(0, len(signatures), BATCH):
        keys = [k for sig in signatures[i : i + BATCH] for k in index.hasher.band_keys(sig)]
        rows += len(index.buckets.lookup(keys))
    return rows / max(1, len(signatures))


def run_stories_bench(
    *,
    stories: int = 1200, seed: int = 0, source: str = "generated", scale: str = "10000,100000", probes: int = 300,
    runs: int = 3, workdir: Path | None = None,
) -> dict[str, Any]:
    items = labelled_set(stories, seed, source)
    hasher = MinHasher()
    hasher.signature("warm up the word table")
    with tempfile.TemporaryDirectory(prefix="presscut-stories-") as tmp:
        root = Path(workdir) if workdir else Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        signatures = [hasher.signature(it.article.text) for it in items]
        t_sig = time.perf_counter() - t0
        path = root / "quality.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        store = SQLiteStore(path)
        try:
            store.db.execute("BEGIN")
            _insert_articles(store.db, items, 1)
            store.db.execute("COMMIT")
            index = StoryIndex(store.db)
            t0 = time.perf_counter()
            predicted = assign_all(index, items, signatures)
            t_assign = time.perf_counter() - t0
            originals = _originals_found(store.db, items)
            rss_assign = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        finally:
            store.close()
        counts = sorted({int(s) for s in scale.split(",") if s.strip()})
        smallest = root / "reference.db"  # the smallest scale after its warm-up: every larger run's pair
        points = [
            scale_point(n, items, signatures, probes, root, runs=runs, snapshot=None if i else smallest,
                        reference=smallest if i else None)
            for i, n in enumerate(counts)
        ]
        smallest.unlink(missing_ok=True)
    n = len(items)
    return {
        "source": source,
        "articles": n,
        "true_stories": len({it.story for it in items}),
        "followups": sum(1 for it in items if it.kind == "followup"),
        "quality": quality(items, predicted, originals),
        "speed": {
            "articles_per_second": n / (t_sig + t_assign),
            "signature_us": 1e6 * t_sig / n,
            "assign_us": 1e6 * t_assign / n,
        },
        "scale": points,
        "rss_after_assign_mb": rss_assign,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
