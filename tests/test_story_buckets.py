"""The log-structured bucket index: same answers as one table, at any layout, through moves, rollbacks and crashes."""

from __future__ import annotations

import copy
import sqlite3
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from presscut.bench.syndicate import Labelled, generated_bases, syndicate
from presscut.store import SQLiteStore
from presscut.store import sqlite as store_module
from presscut.stories import buckets as buckets_module
from presscut.stories.buckets import (
    DRAIN,
    FILTER_SLICE,
    MAIN,
    PAGE_KEYS,
    ROWS,
    Buckets,
    _filters,
    _LevelFilter,
    _may_hold,
)
from presscut.stories.config import BucketLayout
from presscut.stories.index import StoryIndex
from presscut.stories.minhash import MinHasher
from presscut.stories.model import StoryInput

TINY = BucketLayout(level0=64, fanout=2, main_share=4)  # moves every article or so, through every level
#: As TINY, with moves into the main table in steps of about 300 keys (one per move out of level 0).
STEPS = BucketLayout(level0=64, fanout=2, main_share=4, main_step=300)


class OneTable:
    """The index as it was up to schema 5: every key straight into ``story_buckets``."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def lookup(self, keys: list[int]) -> list[tuple[int, int]]:
        return self.db.execute(
            f"SELECT key, article FROM story_buckets WHERE key IN ({','.join('?' * len(keys))})", keys
        ).fetchall()

    def add_many(self, adds: list[tuple[list[int], int]]) -> None:
        for keys, article in adds:
            self.db.execute(
                f"INSERT OR IGNORE INTO story_buckets (key, article) VALUES {','.join(['(?, ?)'] * len(keys))}",
                [x for k in keys for x in (k, article)],
            )


@pytest.fixture(scope="module")
def crawl() -> list[Labelled]:
    return syndicate(generated_bases(50, seed=3), seed=3)


def _assign(
    path: Path, items: list[Labelled], layout: BucketLayout | None, *, one_table: bool = False, batched: bool = False
) -> list[tuple]:
    store = SQLiteStore(path)
    index = StoryIndex(store.db, layout=layout)
    if one_table:
        index.buckets = OneTable(store.db)  # type: ignore[assignment]
    hasher = MinHasher()
    for i in range(0, len(items), 25):
        store.db.execute("BEGIN")
        batch = []
        for rowid, item in enumerate(items[i : i + 25], start=i + 1):
            a = item.article
            store.db.execute(
                "INSERT INTO articles (rowid, id, page_type, text, text_hash, data, stored_at) "
                "VALUES (?, ?, 'article', ?, '', '{}', '')",
                (rowid, a.id, a.text),
            )
            published = a.published.isoformat() if a.published else None
            if batched:
                batch.append(StoryInput(rowid, a.id, a.text, published, signature=hasher.signature(a.text), fresh=True))
            else:
                index.assign(rowid, a.id, a.text, published=published, signature=hasher.signature(a.text), fresh=True)
        index.assign_many(batch)
        store.db.execute("COMMIT")
    rows = store.db.execute("SELECT id, story_id, story_similarity FROM articles ORDER BY rowid").fetchall()
    stories = store.db.execute("SELECT id, representative, original, articles FROM stories ORDER BY id").fetchall()
    store.close()
    return rows + stories


def test_assignments_are_identical_to_one_table_at_any_layout(tmp_path: Path, crawl: list[Labelled]) -> None:
    reference = _assign(tmp_path / "one.db", crawl, None, one_table=True)
    assert len({r[1] for r in reference[: len(crawl)]}) < len(crawl)  # some copies joined stories
    assert _assign(tmp_path / "default.db", crawl, None) == reference
    assert _assign(tmp_path / "tiny.db", crawl, TINY) == reference
    assert _assign(tmp_path / "steps.db", crawl, STEPS) == reference
    assert _assign(tmp_path / "wide.db", crawl, BucketLayout(level0=300, fanout=3, main_share=40)) == reference
    # Many at once (one lookup, one write of new keys per batch), with level moves inside a batch:
    assert _assign(tmp_path / "batched.db", crawl, None, batched=True) == reference
    assert _assign(tmp_path / "batched-tiny.db", crawl, TINY, batched=True) == reference
    assert _assign(tmp_path / "batched-steps.db", crawl, STEPS, batched=True) == reference


def test_a_batch_with_revisions_is_assigned_as_one_by_one(tmp_path: Path, crawl: list[Labelled]) -> None:
    """An article revised later in the same batch (a copy turned into another story's text, and back)
    leaves its story and joins another, as it does when the revisions come one at a time."""
    items = crawl[:40]
    other = next(it for it in crawl[40:] if it.kind == "original")
    revisions = [(5, other.article.text), (12, items[3].article.text), (5, items[5].article.text)]

    def run(batched: bool) -> list[tuple]:
        store = SQLiteStore(tmp_path / f"revised-{batched}.db")
        index = StoryIndex(store.db, layout=TINY)
        store.db.execute("BEGIN")
        work = [StoryInput(rowid, it.article.id, it.article.text, fresh=True) for rowid, it in enumerate(items, 1)]
        work += [StoryInput(rowid, items[rowid - 1].article.id, text) for rowid, text in revisions]
        for w in work[: len(items)]:
            store.db.execute(
                "INSERT INTO articles (rowid, id, page_type, text, text_hash, data, stored_at) "
                "VALUES (?, ?, 'article', ?, '', '{}', '')",
                (w.rowid, w.article_id, w.text),
            )
        if batched:
            out = index.assign_many(work)
        else:
            out = [index.assign(w.rowid, w.article_id, w.text, fresh=w.fresh) for w in work]
        store.db.execute("COMMIT")
        rows = store.db.execute("SELECT story_id, story_similarity FROM articles ORDER BY rowid").fetchall()
        stories = store.db.execute("SELECT id, representative, original, articles FROM stories ORDER BY id")
        result = [tuple(out), *rows, *stories.fetchall()]
        store.close()
        return result

    one_by_one = run(batched=False)
    assert one_by_one[0][-3].story_id != one_by_one[0][4].story_id  # the revision moved to another story
    assert run(batched=True) == one_by_one


def _keys(rng: np.random.Generator, n: int) -> list[list[int]]:
    return rng.integers(-(2**63), 2**63 - 1, size=(n, 64), dtype=np.int64).tolist()  # type: ignore[no-any-return]


def _pairs(blobs: list[tuple[bytes, bytes]]) -> dict[int, int]:
    keys = np.frombuffer(b"".join(b[0] for b in blobs), dtype="<i8").tolist()
    return dict(zip(keys, np.frombuffer(b"".join(b[1] for b in blobs), dtype="<i8").tolist(), strict=True))


def _tables(db: sqlite3.Connection) -> dict[str, dict[int, int]]:
    """Where each key is stored: the main table's pages and rows, level 0, each run (of the level on its way into
    the main table, the keys not there yet)."""
    level0: dict[int, int] = {}
    for article, blob in db.execute("SELECT article, keys FROM story_bucket_adds ORDER BY rowid"):
        level0.update(dict.fromkeys(np.frombuffer(blob, dtype="<i8").tolist(), article))
    places = {
        "pages": _pairs(db.execute("SELECT keys, articles FROM story_bucket_pages ORDER BY first").fetchall()),
        "rows": dict(db.execute("SELECT key, article FROM story_buckets").fetchall()),
        "0": level0,
    }
    for (level,) in db.execute("SELECT DISTINCT level FROM story_bucket_runs").fetchall():
        run = db.execute("SELECT keys, articles FROM story_bucket_runs WHERE level = ? ORDER BY part", (level,))
        places[str(level)] = _pairs(run.fetchall())
    cursor = db.execute("SELECT cursor FROM story_bucket_sizes WHERE level = ?", (DRAIN,)).fetchone()
    if str(DRAIN) in places and cursor is not None:
        places[str(DRAIN)] = {k: a for k, a in places[str(DRAIN)].items() if k >= cursor[0]}
    return places


@pytest.mark.parametrize("layout", [TINY, STEPS], ids=["tiny", "steps"])
def test_every_key_is_found_in_whichever_level_holds_it(tmp_path: Path, layout: BucketLayout) -> None:
    store = SQLiteStore(tmp_path / "b.db")
    buckets = Buckets(store.db, layout)
    batches = _keys(np.random.default_rng(1), 300)
    store.db.execute("BEGIN")
    for article, keys in enumerate(batches, start=1):
        assert buckets.lookup(keys) == []
        buckets.add(keys, article)
        assert sorted(buckets.lookup(keys)) == sorted((k, article) for k in keys)
    store.db.execute("COMMIT")
    tables = _tables(store.db)
    held = [name for name, rows in tables.items() if rows]
    assert len(held) >= 3 and buckets.moves["main"] > 0  # keys spread over the main table and several levels
    assert sum(len(rows) for rows in tables.values()) == 300 * 64  # each key in exactly one place
    sizes = dict(store.db.execute("SELECT level, keys FROM story_bucket_sizes").fetchall())
    assert sizes[MAIN] == len(tables["pages"]) and sizes.get(ROWS, 0) == len(tables["rows"]) == 0
    assert all(sizes.get(int(name), 0) == len(rows) for name, rows in tables.items() if name.lstrip("-").isdigit())
    fresh = Buckets(store.db, layout)  # another process: reads the levels from the file
    for article, keys in enumerate(batches, start=1):
        assert sorted(fresh.lookup(keys)) == sorted((k, article) for k in keys)
    store.close()


def test_heap_freed_by_a_move_into_the_main_table_is_given_back_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    trims: list[int] = []
    monkeypatch.setattr(buckets_module, "release_freed_memory", lambda: trims.append(1))
    store = SQLiteStore(tmp_path / "t.db")
    buckets = Buckets(store.db, TINY)
    for article, keys in enumerate(_keys(np.random.default_rng(3), 40), start=1):
        store.db.execute("BEGIN")
        main_moves = buckets.moves["main"]
        buckets.lookup(keys)
        buckets.add(keys, article)
        store.db.execute("COMMIT")
        moved = buckets.moves["main"] - main_moves
        before = len(trims)
        buckets.lookup(keys)  # the next lookup, after the commit, gives the heap back
        buckets.lookup(keys)  # ...once
        assert len(trims) - before == (1 if moved else 0)
    assert trims and buckets.moves["main"] > 0
    store.close()


@pytest.mark.parametrize("layout", [TINY, STEPS], ids=["tiny", "steps"])
def test_a_rolled_back_move_leaves_the_index_as_it_was(tmp_path: Path, layout: BucketLayout) -> None:
    store = SQLiteStore(tmp_path / "r.db")
    buckets = Buckets(store.db, layout)
    batches = _keys(np.random.default_rng(2), 40)
    store.db.execute("BEGIN")
    for article, keys in enumerate(batches[:20], start=1):
        buckets.lookup(keys)
        buckets.add(keys, article)
    store.db.execute("COMMIT")
    before = _tables(store.db)
    store.db.execute("BEGIN")
    for article, keys in enumerate(batches[20:], start=21):
        buckets.lookup(keys)
        buckets.add(keys, article)
    assert buckets.moves["main"] > 1
    store.db.execute("ROLLBACK")
    assert _tables(store.db) == before
    for article, keys in enumerate(batches, start=1):  # the in-memory mirrors noticed the rollback
        assert sorted(buckets.lookup(keys)) == (sorted((k, article) for k in keys) if article <= 20 else [])
    store.close()


@pytest.mark.parametrize("layout", [TINY, STEPS], ids=["tiny", "steps"])
def test_a_crash_mid_batch_loses_nothing_committed(tmp_path: Path, layout: BucketLayout) -> None:
    path = tmp_path / "c.db"
    batches = _keys(np.random.default_rng(3), 40)
    store = SQLiteStore(path)
    buckets = Buckets(store.db, layout)
    store.db.execute("BEGIN")
    for article, keys in enumerate(batches[:25], start=1):
        buckets.lookup(keys)
        buckets.add(keys, article)
    store.db.execute("COMMIT")
    store.db.execute("BEGIN")
    for article, keys in enumerate(batches[25:], start=26):  # inserts and moves, never committed
        buckets.lookup(keys)
        buckets.add(keys, article)
    store.db.close()  # the process dies: SQLite drops the open transaction
    store = SQLiteStore(path)
    again = Buckets(store.db, layout)
    for article, keys in enumerate(batches, start=1):
        assert sorted(again.lookup(keys)) == (sorted((k, article) for k in keys) if article <= 25 else [])
    store.close()


@pytest.mark.parametrize("layout", [TINY, STEPS], ids=["tiny", "steps"])
def test_another_writer_moving_levels_is_seen(tmp_path: Path, layout: BucketLayout) -> None:
    path = tmp_path / "w.db"
    batches = _keys(np.random.default_rng(4), 30)
    one, two = SQLiteStore(path), SQLiteStore(path)
    a, b = Buckets(one.db, layout), Buckets(two.db, layout)
    for article, keys in enumerate(batches, start=1):
        writer = a if article % 3 else b  # both keep mirrors; each must notice the other's moves
        writer.lookup(keys)
        writer.add(keys, article)
    for article, keys in enumerate(batches, start=1):
        assert sorted(a.lookup(keys)) == sorted(b.lookup(keys)) == sorted((k, article) for k in keys)
    one.close()
    two.close()


def test_a_schema_5_corpus_migrates_and_gets_its_stories_again(tmp_path: Path, crawl: list[Labelled]) -> None:
    path = tmp_path / "v5.db"
    con = sqlite3.connect(path, isolation_level=None)
    for migration in store_module._MIGRATIONS[:5]:
        for statement in store_module._split_sql(migration):
            con.execute(statement)
    con.execute("PRAGMA user_version = 5")
    index = StoryIndex(con)
    index.buckets = OneTable(con)  # type: ignore[assignment]
    originals = [it for it in crawl if it.kind == "original"][:30]
    con.execute("BEGIN")
    for rowid, item in enumerate(originals, start=1):
        a = item.article
        con.execute(
            "INSERT INTO articles (rowid, id, page_type, text, text_hash, data, stored_at) "
            "VALUES (?, ?, 'article', ?, '', '{}', '')",
            (rowid, a.id, a.text),
        )
        index.assign(rowid, a.id, a.text, fresh=True)
    con.execute("COMMIT")
    keys = con.execute("SELECT count(*) FROM story_buckets").fetchone()[0]
    con.close()

    assert keys
    store = SQLiteStore(path)
    assert store.schema_version == store_module.SCHEMA_VERSION
    # Its signatures were of the kind before schema 11: the store assigned its articles to stories again on
    # opening, with the same stories (each original founds its own), and the old rows are folded away.
    assert store.db.execute("SELECT count(*) FROM story_rebuild").fetchone()[0] == 0
    assert store.db.execute("SELECT count(*) FROM story_buckets").fetchone()[0] == 0
    assert [store.get(o.article.id).story_id for o in originals] == [o.article.id for o in originals]  # type: ignore[union-attr]
    copies = [it for it in crawl if it.kind == "copy" and it.story in {o.story for o in originals}][:10]
    assert copies
    articles = [copy.copy(it.article) for it in copies]
    store.upsert(articles)
    story_of = {o.story: o.article.id for o in originals}
    joined = [store.get(a.id).story_id == story_of[it.story] for a, it in zip(articles, copies, strict=True)]  # type: ignore[union-attr]
    assert sum(joined) >= len(copies) - 1  # recall is not 1.0, but the old keys are found
    store.close()


def test_a_schema_8_corpus_keeps_its_levels_keys_and_folds_them_into_pages(tmp_path: Path) -> None:
    path = tmp_path / "v8.db"
    con = sqlite3.connect(path, isolation_level=None)
    for migration in store_module._MIGRATIONS[:8]:
        for statement in store_module._split_sql(migration):
            con.execute(statement)
    con.execute("PRAGMA user_version = 8")
    old = _keys(np.random.default_rng(5), 40)
    places = ["story_buckets", *(f"story_bucket_level{n}" for n in range(6))]
    for article, keys in enumerate(old, start=1):  # the schema 8 index, keys spread over all its tables
        con.executemany(f"INSERT INTO {places[article % 7]} (key, article) VALUES (?, ?)", [(k, article) for k in keys])
    con.executemany(
        "INSERT OR REPLACE INTO story_bucket_sizes (level, keys, token) VALUES (?, ?, 1)",
        [(n - 1, con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for n, t in enumerate(places)],
    )
    con.close()

    store = SQLiteStore(path)
    sizes = dict(store.db.execute("SELECT level, keys FROM story_bucket_sizes").fetchall())
    assert sizes == {ROWS: 40 * 64}
    assert _tables(store.db)["rows"] == {k: article for article, keys in enumerate(old, start=1) for k in keys}
    buckets = Buckets(store.db, TINY)
    for article, keys in enumerate(old, start=1):
        assert sorted(buckets.lookup(keys)) == sorted((k, article) for k in keys)
    new = _keys(np.random.default_rng(6), 20)
    store.db.execute("BEGIN")
    for article, keys in enumerate(new, start=41):
        buckets.lookup(keys)
        buckets.add(keys, article)
    store.db.execute("COMMIT")
    assert buckets.moves["main"] > 0
    tables = _tables(store.db)
    assert tables["rows"] == {} and len(tables["pages"]) >= 40 * 64  # the old rows went into the pages
    for article, keys in enumerate(old + new, start=1):
        assert sorted(buckets.lookup(keys)) == sorted((k, article) for k in keys)
    store.close()


def test_the_main_table_is_sorted_pages_found_by_their_first_keys(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "p.db")
    buckets = Buckets(store.db)
    rng = np.random.default_rng(7)
    keys = rng.integers(-(2**63), 2**63 - 1, size=5000, dtype=np.int64)
    store.db.execute("BEGIN")
    buckets.load(np.concatenate([keys, keys[:10]]), np.arange(1, 5011))  # a key given twice keeps its first article
    buckets.load(keys + 1, np.arange(5000))  # the same keys shifted by one, loaded into the existing pages
    store.db.execute("COMMIT")
    pages = store.db.execute("SELECT first, keys FROM story_bucket_pages ORDER BY first").fetchall()
    stored = [np.frombuffer(blob, dtype="<i8") for _, blob in pages]
    assert all(first == page[0] and len(page) <= PAGE_KEYS for (first, _), page in zip(pages, stored, strict=True))
    flat = np.concatenate(stored)
    assert len(flat) == 10000 and bool(np.all(np.diff(flat) > 0))  # one sorted run, each key once
    fresh = Buckets(store.db)  # reads only the first keys, then the pages a lookup needs
    found = dict(fresh.lookup(keys.tolist() + (keys + 1).tolist()))
    assert found == {**dict(zip(keys.tolist(), range(1, 5001), strict=True)),
                     **dict(zip((keys + 1).tolist(), range(5000), strict=True))}
    assert fresh.lookup([int(flat.min()) - 1, int(flat.max()) + 1]) == []
    store.close()


def test_page_filters_pass_every_stored_key_and_few_others() -> None:
    rng = np.random.default_rng(8)
    keys = np.sort(rng.integers(-(2**63), 2**63 - 1, size=100 * PAGE_KEYS, dtype=np.int64))
    filters = _filters(keys)
    assert filters.shape[0] == 100
    pages = np.arange(len(keys)) // PAGE_KEYS
    assert _may_hold(filters, pages, keys).all()
    others = rng.integers(-(2**63), 2**63 - 1, size=100_000, dtype=np.int64)
    passed = _may_hold(filters, rng.integers(0, 100, size=len(others)), others).mean()
    assert 0.005 < passed < 0.04  # a lookup reads a page for nothing for about 2 % of the keys not in the index


def test_rebuild_empties_every_level_and_gives_the_same_stories(tmp_path: Path, crawl: list[Labelled]) -> None:
    path = tmp_path / "rb.db"
    first = _assign(path, crawl[:120], TINY)
    store = SQLiteStore(path)
    index = StoryIndex(store.db, layout=TINY)
    assert index.rebuild(batch=30) == 120
    rows = store.db.execute("SELECT id, story_id, story_similarity FROM articles ORDER BY rowid").fetchall()
    assert rows == first[:120]
    store.close()


def test_level_filter_passes_every_key_it_holds_and_few_others() -> None:
    rng = np.random.default_rng(9)
    keys = rng.integers(-(2**63), 2**63 - 1, size=50_000, dtype=np.int64)
    held = _LevelFilter({1: 7}, capacity=len(keys))
    held.add(keys[:30_000])
    held.add(keys[30_000:])
    assert held.may_hold(keys).all()
    assert not held.full
    others = rng.integers(-(2**63), 2**63 - 1, size=100_000, dtype=np.int64)
    assert held.may_hold(others).mean() < 0.02  # a key in no level is rarely searched for in their arrays
    held.add(others)
    assert held.full  # past its capacity: the index drops it and builds a bigger one


def test_level_filter_sets_the_same_bits_whether_keys_come_in_slices_or_one_at_a_time() -> None:
    rng = np.random.default_rng(10)
    keys = rng.integers(-(2**63), 2**63 - 1, size=3 * FILTER_SLICE + 17, dtype=np.int64)  # several slices
    whole = _LevelFilter({1: 7}, capacity=len(keys))
    whole.add(keys)
    single = _LevelFilter({1: 7}, capacity=len(keys))
    for key in keys[:: len(keys) // 500]:  # a sample one at a time, then the rest in odd pieces
        single.add(np.array([key]))
    for lo in range(0, len(keys), 12_345):
        single.add(keys[lo : lo + 12_345])
    assert np.array_equal(whole.words, single.words)
    assert whole.may_hold(keys).all()


def test_level_filter_follows_moves_and_rollbacks(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "f.db")
    buckets = Buckets(store.db, BucketLayout(level0=64, fanout=4, main_share=1))
    rng = np.random.default_rng(10)
    stored: dict[int, int] = {}
    for article in range(1, 200):
        keys = [k for k in rng.integers(-(2**63), 2**63 - 1, size=8, dtype=np.int64).tolist()]
        found = dict(buckets.lookup(keys))
        assert found == {}
        if article % 50 == 0:  # a rolled-back batch: its keys are forgotten, the filter with them
            store.db.execute("BEGIN")
            buckets.add(keys, article)
            store.db.execute("ROLLBACK")
            assert buckets.lookup(keys) == []
            continue
        buckets.add(keys, article)
        stored.update(dict.fromkeys(keys, article))
        probe = list(stored)[:: max(1, len(stored) // 40)]
        assert dict(buckets.lookup(probe)) == {k: stored[k] for k in probe}
    assert buckets.moves["1"] and buckets._filter is not None
    store.close()


def test_keys_found_in_the_main_table_are_remembered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SQLiteStore(tmp_path / "m.db")
    buckets = Buckets(store.db, TINY)
    batches = _keys(np.random.default_rng(11), 40)
    for article, keys in enumerate(batches, start=1):
        buckets.add(keys, article)
    asked: list[int] = []
    read_pages = Buckets._main

    def counting(self: Buckets, token: int, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        asked.append(len(wanted))
        return read_pages(self, token, wanted)

    monkeypatch.setattr(Buckets, "_main", counting)
    fresh = Buckets(store.db, TINY)  # remembers nothing yet: reads pages
    assert sorted(fresh.lookup(batches[0])) == sorted((k, 1) for k in batches[0])
    assert asked == [64]
    assert sorted(fresh.lookup(batches[0])) == sorted((k, 1) for k in batches[0])
    assert asked == [64]  # the second time, the pages are not searched at all
    newest = max(_tables(store.db)["pages"].values())  # moved into the main table by this object: remembered
    assert sorted(buckets.lookup(batches[newest - 1])) == sorted((k, newest) for k in batches[newest - 1])
    assert asked == [64]
    store.close()


def test_remembered_keys_are_forgotten_when_the_main_table_changes_behind_the_index(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    one, two = SQLiteStore(path), SQLiteStore(path)
    a, b = Buckets(one.db, TINY), Buckets(two.db, TINY)
    batches = _keys(np.random.default_rng(12), 40)
    one.db.execute("BEGIN")
    for article, keys in enumerate(batches[:20], start=1):
        a.add(keys, article)
    one.db.execute("COMMIT")
    one.db.execute("BEGIN")
    for article, keys in enumerate(batches[20:], start=21):
        a.add(keys, article)
    assert all(sorted(a.lookup(keys)) == sorted((k, n) for k in keys) for n, keys in enumerate(batches, start=1))
    one.db.execute("ROLLBACK")  # the moves that brought articles 21-40 into the main table are undone
    for article, keys in enumerate(batches, start=1):
        assert sorted(a.lookup(keys)) == (sorted((k, article) for k in keys) if article <= 20 else [])
    two.db.execute("BEGIN")
    b.clear()  # another process rebuilds the index: the same keys now belong to other articles
    for article, keys in enumerate(batches[:20], start=101):
        b.add(keys, article)
    two.db.execute("COMMIT")
    for article, keys in enumerate(batches[:20], start=101):
        assert sorted(a.lookup(keys)) == sorted((k, article) for k in keys)
    one.close()
    two.close()


def _page_rows(db: sqlite3.Connection) -> dict[int, bytes]:
    return dict(db.execute("SELECT first, keys FROM story_bucket_pages").fetchall())


def test_a_move_into_a_big_main_table_is_spread_over_the_next_moves(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    buckets = Buckets(store.db, STEPS)
    batches = _keys(np.random.default_rng(5), 260)
    worst = mid_move = 0
    handed_over = False
    for article, keys in enumerate(batches, start=1):
        before = _page_rows(store.db)
        store.db.execute("BEGIN")
        assert buckets.lookup(keys) == []
        buckets.add(keys, article)
        store.db.execute("COMMIT")
        after = _page_rows(store.db)
        rewritten = sum(len(blob) // 8 for first, blob in after.items() if before.get(first) != blob)
        if len(before) * PAGE_KEYS > 20 * STEPS.main_step:  # a big main table: no batch rewrites all of it
            worst = max(worst, rewritten)
        drain = store.db.execute("SELECT keys FROM story_bucket_sizes WHERE level = ?", (DRAIN,)).fetchone()
        if drain and drain[0]:
            mid_move += 1
            if article > 200 and not handed_over:  # another process goes on with the move begun here
                buckets, handed_over = Buckets(store.db, STEPS), True
    assert handed_over and mid_move > 50 and buckets.moves["main step"] > 0
    assert 0 < worst <= 4 * (STEPS.main_step + PAGE_KEYS)
    tables = _tables(store.db)
    assert sum(len(rows) for rows in tables.values()) == 260 * 64  # each key in exactly one place
    for reader in (buckets, Buckets(store.db, STEPS)):
        for article, keys in enumerate(batches, start=1):
            assert sorted(reader.lookup(keys)) == sorted((k, article) for k in keys)
    store.close()


@pytest.mark.parametrize("seed", range(6))
def test_random_layouts_commits_and_rollbacks_agree_with_a_dict(tmp_path: Path, seed: int) -> None:
    """Any layout, batches committed or rolled back at random, a second writer now and then: every lookup
    answers what a dict of the committed keys says."""
    rng = np.random.default_rng(100 + seed)
    layout = BucketLayout(
        level0=int(rng.integers(16, 200)), fanout=int(rng.integers(2, 5)), main_share=int(rng.integers(1, 8)),
        main_step=int(rng.integers(50, 2000)),
    )
    path = tmp_path / "r.db"
    one, two = SQLiteStore(path), SQLiteStore(path)
    writers = [Buckets(one.db, layout), Buckets(two.db, layout)]
    committed: dict[int, int] = {}
    # Some keys repeat across articles: a key already held keeps its first article.
    pool = rng.integers(-(2**63), 2**63 - 1, size=20000, dtype=np.int64)
    article = 0
    for _ in range(40):
        at = int(rng.integers(0, 2))
        buckets, db = writers[at], (one, two)[at].db
        pending: dict[int, int] = {}
        db.execute("BEGIN")
        for _ in range(int(rng.integers(1, 12))):
            article += 1
            keys = list(dict.fromkeys(rng.choice(pool, size=int(rng.integers(1, 80))).tolist()))
            found = dict(buckets.lookup(keys))
            assert found == {k: committed.get(k, pending.get(k)) for k in keys if k in committed or k in pending}
            new = [k for k in keys if k not in found]
            if new:
                buckets.add(new, article)
                pending.update(dict.fromkeys(new, article))
        if rng.random() < 0.25:
            db.execute("ROLLBACK")
        else:
            db.execute("COMMIT")
            committed.update(pending)
    assert sum(w.moves["main step"] for w in writers) > 0  # moves into the main table went in steps
    slots = {level for (level,) in one.db.execute("SELECT level FROM story_bucket_sizes WHERE level > 0")}
    # Tiers filled up to fanout - 1 runs, never more: the runs were merged, not piled up.
    assert max((level - 1) % buckets_module.TIER_RUNS for level in slots) == layout.fanout - 2
    for buckets in (*writers, Buckets(one.db, layout)):
        keys = list(committed)
        assert dict(buckets.lookup(keys)) == committed
    one.close()
    two.close()


def test_a_file_goes_on_under_another_fanout(tmp_path: Path) -> None:
    """The fanout is layout, not format: a file written with one goes on with a larger or a smaller one (a tier
    holding more runs than the new fanout allows merges them at its next move) and answers the same."""
    store = SQLiteStore(tmp_path / "f.db")
    rng = np.random.default_rng(30)
    _loaded(store.db, BucketLayout(), rng, 50_000)  # a main table the tiers stay below here
    committed: dict[int, int] = {}
    article, runs = 0, []
    for fanout in (3, 16, 2):
        buckets = Buckets(store.db, BucketLayout(level0=64, fanout=fanout, main_share=1))
        for _ in range(120):
            article += 1
            keys = rng.integers(-(2**63), 2**63 - 1, size=20, dtype=np.int64).tolist()
            buckets.add(keys, article)
            committed.update(dict.fromkeys(keys, article))
        tiers = Counter(
            (level - 1) // buckets_module.TIER_RUNS
            for (level,) in store.db.execute("SELECT level FROM story_bucket_sizes WHERE level > 0 AND keys > 0")
        )
        assert len(tiers) >= 2 and not buckets.moves["main"]  # runs in two tiers or more, which the next writer takes
        runs.append(tiers[0])  # the runs of tier 1
        for reader in (buckets, Buckets(store.db, BucketLayout(level0=64, fanout=4, main_share=1))):
            assert dict(reader.lookup(list(committed))) == committed
    assert runs[0] <= 2 and runs[1] > 2 and runs[2] <= 1  # each writer kept its own fanout's tiers
    store.close()


def _loaded(db: sqlite3.Connection, layout: BucketLayout, rng: np.random.Generator, n: int) -> Buckets:
    """An index whose main table holds ``n`` random keys (of articles 1_000_001 and up)."""
    buckets = Buckets(db, layout)
    keys = rng.integers(-(2**63), 2**63 - 1, size=n, dtype=np.int64)
    buckets.load(keys, np.arange(1_000_001, 1_000_001 + n, dtype=np.int64))
    return buckets


def test_a_key_is_written_once_per_tier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SQLiteStore(tmp_path / "t.db")
    layout = BucketLayout(level0=64, fanout=4, main_share=1)  # a main table of 100,000 keys takes no move here
    buckets = _loaded(store.db, layout, np.random.default_rng(20), 100_000)
    written: list[tuple[int, int]] = []
    write_run = Buckets._write_run

    def counting(self: Buckets, level: int, run: tuple[np.ndarray, np.ndarray]) -> None:
        written.append((level, len(run[0])))
        write_run(self, level, run)

    monkeypatch.setattr(Buckets, "_write_run", counting)
    stored: dict[int, int] = {}
    for article, keys in enumerate(_keys(np.random.default_rng(21), 64), start=1):  # 64 moves out of level 0
        buckets.add(keys, article)
        stored.update(dict.fromkeys(keys, article))
    # 64 runs of 64 keys: three of every four stay in tier 1 (48 runs), each fourth merges the tier into a run of
    # tier 2 (12 runs of 256), and so on up to one run of 4,096 keys in tier 4; no key was written twice in a tier.
    tiers: dict[int, list[int]] = {}
    for level, n in written:
        tiers.setdefault((level - 1) // buckets_module.TIER_RUNS + 1, []).append(n)
    assert {tier: (len(runs), set(runs)) for tier, runs in tiers.items()} == {
        1: (48, {64}), 2: (12, {256}), 3: (3, {1024}), 4: (1, {4096}),
    }
    runs = set(_tables(store.db)) - {"pages", "rows", "0"}
    assert runs == {str(3 * buckets_module.TIER_RUNS + 1)}  # all of it in tier 4's first run
    assert dict(buckets.lookup(list(stored))) == stored
    store.close()


def test_levels_laid_out_by_the_leveled_index_still_answer_and_merge(tmp_path: Path) -> None:
    """Files written before tiers hold one run in each of levels 1, 2, 3: read as three runs of tier 1."""
    store = SQLiteStore(tmp_path / "old.db")
    layout = BucketLayout(level0=64, fanout=4, main_share=1)
    rng = np.random.default_rng(22)
    _loaded(store.db, layout, rng, 50_000)
    stored: dict[int, int] = {}
    article = 0
    for level, n in ((1, 128), (2, 512), (3, 2048)):  # as the old code left them: one sorted run per level
        keys = np.sort(rng.integers(-(2**63), 2**63 - 1, size=n, dtype=np.int64))
        articles = np.arange(article + 1, article + n + 1, dtype=np.int64)
        article += n
        store.db.execute(
            "INSERT INTO story_bucket_runs (level, part, keys, articles) VALUES (?, 0, ?, ?)",
            (level, keys.astype("<i8").tobytes(), articles.astype("<i8").tobytes()),
        )
        store.db.execute("INSERT INTO story_bucket_sizes (level, keys, token) VALUES (?, ?, ?)", (level, n, level))
        stored.update(zip(keys.tolist(), articles.tolist(), strict=True))
    buckets = Buckets(store.db, layout)
    assert dict(buckets.lookup(list(stored))) == stored
    for keys in _keys(rng, 20):
        article += 1
        assert buckets.lookup(keys) == []
        buckets.add(keys, article)
        stored.update(dict.fromkeys(keys, article))
        assert dict(buckets.lookup(list(stored))) == stored
    runs = set(_tables(store.db)) - {"pages", "rows", "0"}
    assert str(1 + buckets_module.TIER_RUNS) in runs  # the old levels merged with the first new run into tier 2
    store.close()
