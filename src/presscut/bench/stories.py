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
articles with random signatures up to N; the probes are held-out copies and
originals of the labelled set, so they do real joining work.  Bytes per
article are the story tables' pages (``dbstat``) over N.
"""

from __future__ import annotations

import random
import resource
import sqlite3
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from presscut.bench.syndicate import Labelled, generated_bases, syndicate, wcxb_bases
from presscut.errors import InputError
from presscut.store import SQLiteStore
from presscut.stories.index import StoryIndex
from presscut.stories.minhash import MinHasher, Signature

WCXB = Path(__file__).resolve().parents[3] / ".." / "shared" / "bench" / "wcxb-dev"
_STORY_TABLES = ("stories", "story_signatures", "story_buckets")
BATCH = 200


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
        for j in range(i, min(i + BATCH, len(items))):
            a = items[j].article
            published = a.published.isoformat() if a.published else None
            out.append(
                index.assign(
                    start + j, a.id, a.text, published=published, attribution=a.attribution,
                    signature=signatures[j], fresh=True,
                ).story_id
            )
        index.db.execute("COMMIT")
    return out


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
    chunk = 100_000
    for lo in range(0, n, chunk):
        m = min(chunk, n - lo)
        values = rng.integers(0, 2**32, size=(m, hasher.config.permutations), dtype=np.uint32)
        keys = hasher.band_key_array(values)
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
        order = np.argsort(keys, axis=None)  # in key order: the B-tree fills page by page
        flat_keys, flat_rows = keys.ravel()[order], np.repeat(rowids, keys.shape[1])[order]
        db.executemany(
            "INSERT OR IGNORE INTO story_buckets (key, article) VALUES (?, ?)",
            zip(flat_keys.tolist(), flat_rows.tolist(), strict=True),
        )
        db.execute("COMMIT")


def _story_bytes(db: sqlite3.Connection) -> int:
    names = ",".join(f"'{t}'" for t in _STORY_TABLES)
    row = db.execute(
        f"SELECT sum(pgsize) FROM dbstat WHERE name IN ({names}) OR name LIKE 'sqlite_autoindex_stor%'"
    ).fetchone()
    return int(row[0] or 0)


def scale_point(
    stored: int, items: Sequence[Labelled], signatures: Sequence[Signature], probes: int, workdir: Path,
    *, keep: bool = False,
) -> dict[str, Any]:
    """ms to assign one new article with ``stored`` articles already stored.

    The probes run in one transaction, timed with its commit (as the store
    writes a batch); the bucket lookup alone is timed in a second pass.
    """
    path = workdir / f"scale-{stored}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    store = SQLiteStore(path)
    try:
        index = StoryIndex(store.db)
        held = min(probes, len(items) // 5)
        base = items[: len(items) - held][:stored]
        store.db.execute("BEGIN")
        _insert_articles(store.db, items, 1)
        store.db.execute("COMMIT")
        assign_all(index, base, signatures[: len(base)], start=1)
        _fill(index, max(0, stored - len(base)), len(items) + 1, np.random.default_rng(stored))
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        result = probe(store.db, items, signatures, held)
        result.update(stored=max(stored, len(base)), bytes_per_article=_story_bytes(store.db) / max(stored, len(base)))
        return result
    finally:
        store.close()
        if not keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)


def probe(
    db: sqlite3.Connection, items: Sequence[Labelled], signatures: Sequence[Signature], held: int
) -> dict[str, Any]:
    """Assign the last ``held`` items (one transaction, commit included); then time their bucket lookups alone."""
    index = StoryIndex(db)
    first = len(items) - held
    start = time.perf_counter()
    db.execute("BEGIN")
    for k in range(first, len(items)):
        a = items[k].article
        index.assign(k + 1, a.id, a.text, published=a.published.isoformat() if a.published else None,
                     attribution=a.attribution, signature=signatures[k], fresh=True)
    db.execute("COMMIT")
    seconds = time.perf_counter() - start
    rows = 0
    start = time.perf_counter()
    for k in range(first, len(items)):
        keys = index.hasher.band_keys(signatures[k])
        rows += len(db.execute(
            f"SELECT key, article FROM story_buckets WHERE key IN ({','.join('?' * len(keys))})", keys
        ).fetchall())
    lookup = time.perf_counter() - start
    return {
        "ms_per_article": 1000 * seconds / max(1, held),
        "lookup_ms": 1000 * lookup / max(1, held),
        "candidates": rows / max(1, held),
    }


def run_stories_bench(
    *,
    stories: int = 1200, seed: int = 0, source: str = "generated", scale: str = "10000,100000", probes: int = 300,
    workdir: Path | None = None,
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
        points = [scale_point(n, items, signatures, probes, root) for n in counts]
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
