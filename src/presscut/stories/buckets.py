"""The LSH bucket index: band key -> the first article stored with that key, log-structured over SQLite.

A random insert into one big B-tree dirties one scattered page per key, so
with 64 new keys per article the write cost of a single table grows with the
corpus.  Here new keys go into a small level 0; a full level 0 becomes a
sorted run of tier 1, and :attr:`BucketLayout.fanout` runs of one tier merge
into one run of the next tier (so a key is written once per tier, where
levels that each take the one above rewrite a key about ``fanout / 2`` times
per level), or into the main table once they hold at least ``1 / main_share``
of the main table's keys.  Every key is in exactly one place (a key is only added
when no level has it; the one exception, below, gives the same answers), so a
lookup returns what a single table would.  All of it lives in the corpus file
and changes inside the caller's transaction: a crash or a rollback loses
nothing committed and leaves nothing half-done.

No key has a row of its own, so no move inserts rows one key at a time.
Level 0 (``story_bucket_adds``) is one row per article holding its new keys;
levels 1 and up (``story_bucket_runs``) are the tiers' sorted runs (tier ``t``
holds levels ``(t - 1) * TIER_RUNS + 1`` and up), numpy arrays of keys and
their articles (16 bytes per key) stored as blobs in parts of
:data:`PART_KEYS` keys; the main table (``story_bucket_pages``) is one sorted
run cut into pages of :data:`PAGE_KEYS` keys, a row per page under its first
key, with a Bloom filter of the page's keys.  The levels are searched only
through in-memory mirrors (level 0 as a dict, the runs as arrays), the runs
only for the keys that pass one filter over all their keys
(:class:`_LevelFilter`): a new article's keys are mostly in no level.  Of the
main table only each page's first key and filter are held (264 bytes per
page, about 1.2 bytes per key), and a lookup reads, in one query, only the
pages whose filter passes one of its keys: for a new article, whose keys are
not in the index, about one page; for a copy, whose keys mostly are, none when
they were found before or came in with a recent move (:class:`_FoundKeys`).  A move merges sorted arrays and writes
blobs: into a tier it writes the merged run; into the main table it reads
the main table in chunks of whole pages, in key order, and writes each chunk
again merged, so it costs about the main table's bytes, with no B-tree work
per key.  As the main table takes a move only from runs holding
``1 / main_share`` of its keys, the bytes written there per new key stay about
constant as the corpus grows.  A main table of more than
:attr:`BucketLayout.main_step` keys takes a move in steps: the moving run
becomes level :data:`DRAIN`, whose row keeps a cursor, and each step (one now,
one at each later move out of level 0) merges the next ``main_step`` keys'
worth of pages after the cursor and moves the cursor on, so no single
transaction rewrites the whole table (at a million articles that was a 20 s
stall and a 1.5 GB write-ahead log).  Lookups search that level like any
other; its keys below the cursor are in the main table too, with the same
articles, so they give the same answer from either place.

``story_bucket_sizes`` holds each level's key count and a random token that
every change replaces; a mirror whose token no longer matches the file
(another writer changed the level, or a transaction that did was rolled back)
is read again (a step of a move into the main table changes the moving
level's count and cursor, not its stored run, so its token stays).  The file
stays the only truth: a mirror is a cache.

Corpora from before schema 9 keep their main table's rows in ``story_buckets``
(level :data:`ROWS`), searched with SQL until the next move into the main
table folds them into the pages.
"""

from __future__ import annotations

import ctypes
import functools
import secrets
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

import numpy as np
import numpy.typing as npt

from presscut.stories.config import TIER_RUNS, BucketLayout

_Keys = npt.NDArray[np.int64]
#: Levels in ``story_bucket_sizes``: the main table's pages, the rows of the main table from before schema 9, and
#: a level on its way into the main table (its keys from the row's ``cursor`` on are not there yet).
MAIN, ROWS, DRAIN = -1, -2, -3
#: Keys per stored part of a level's run (two blobs of 2 MB): bounds the size of one SQL value.
PART_KEYS = 1 << 18
#: Keys per page of the main table: a page is a row (keys, articles and filter: 3,840 bytes) that fills a 4 KB
#: database page.
PAGE_KEYS = 224
#: Each page has a Bloom filter of FILTER_BITS bits, FILTER_HASHES set per key (from its low bits: band keys
#: are hashes): for 224 keys, about 1.6 % of the keys not on a page pass it (the page is then read for nothing).
FILTER_BITS, FILTER_HASHES = 2048, 4
_SHIFTS = (np.arange(FILTER_HASHES, dtype=np.int64) * (FILTER_BITS.bit_length() - 1))[:, None]
_LOW, _HIGH = -(2**63), 2**63 - 1
#: The levels' filter (:class:`_LevelFilter`): bits per key it is sized for, bits set per key (in one word);
#: about 0.5 % of the keys in no level pass it.
LEVEL_FILTER_BITS, LEVEL_FILTER_HASHES = 16, 4
_WORD_FIELDS = (np.arange(LEVEL_FILTER_HASHES, dtype=np.uint64) * np.uint64(6))[:, None]
#: Keys the levels' filter takes at a time (their temporaries stay in the CPU caches).
FILTER_SLICE = 1 << 16
#: Slots of the cache of keys found in the main table (:class:`_FoundKeys`, 16 bytes each).
FOUND_SLOTS = 1 << 18


@functools.cache
def _marks(n: int) -> str:
    """``?,?,...`` for ``n`` parameters."""
    return ",".join("?" * n)


def _empty() -> tuple[_Keys, _Keys]:
    return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)


def _merge(old: tuple[_Keys, _Keys], new: tuple[_Keys, _Keys]) -> tuple[_Keys, _Keys]:
    """Two sorted runs as one, in key order; a key in both keeps its article in ``old``."""
    (keys, articles), (add_keys, add_articles) = old, new
    at = np.searchsorted(keys, add_keys)
    if len(keys):
        fresh = keys[np.minimum(at, len(keys) - 1)] != add_keys
        at, add_keys, add_articles = at[fresh], add_keys[fresh], add_articles[fresh]
    return np.insert(keys, at, add_keys), np.insert(articles, at, add_articles)


def _merge_runs(runs: list[tuple[_Keys, _Keys]]) -> tuple[_Keys, _Keys]:
    """Sorted runs of distinct keys as one, in key order (a stable sort finds the runs and merges them)."""
    keys = np.concatenate([run[0] for run in runs])
    order = np.argsort(keys, kind="stable")
    return keys[order], np.concatenate([run[1] for run in runs])[order]


def _tier_run(tier: int, slot: int) -> int:
    """The level number of run ``slot`` of ``tier`` (>= 1) in ``story_bucket_sizes`` and ``story_bucket_runs``."""
    return (tier - 1) * TIER_RUNS + slot + 1


def _blobs(rows: list[tuple[bytes, bytes]]) -> tuple[_Keys, _Keys]:
    """Keys and articles stored as consecutive blob pairs, joined."""
    keys = np.frombuffer(b"".join(r[0] for r in rows), dtype="<i8").astype(np.int64)
    return keys, np.frombuffer(b"".join(r[1] for r in rows), dtype="<i8").astype(np.int64)


def _bytes(values: _Keys) -> bytes:
    return values.astype("<i8", copy=False).tobytes()


def _bits(keys: _Keys) -> _Keys:
    """The filter bits of each key, ``(FILTER_HASHES, len(keys))``: fields of its low bits."""
    return (keys[None, :] >> _SHIFTS) & (FILTER_BITS - 1)


def _filters(keys: _Keys) -> npt.NDArray[np.uint8]:
    """The Bloom filter of each page of ``PAGE_KEYS`` consecutive keys: ``(pages, FILTER_BITS // 8)`` bytes."""
    pages = -(-len(keys) // PAGE_KEYS)
    bits = np.zeros(pages * FILTER_BITS, dtype=np.bool_)
    base = np.arange(len(keys), dtype=np.int64) // PAGE_KEYS * FILTER_BITS
    for shift in _SHIFTS[:, 0].tolist():  # one field at a time: no (hashes, keys) temporaries
        bits[base + ((keys >> shift) & (FILTER_BITS - 1))] = True
    return np.packbits(bits.reshape(pages, FILTER_BITS), axis=1, bitorder="little")


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, musl, Windows)."""
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def release_freed_memory() -> None:
    """Hand the C heap's free pages back to the system.  A move into the main table reads and
    writes its pages as many small blobs; glibc keeps the memory they leave free (about 1 GB
    after a move at 1M articles, against about 190 MB in use) unless asked to give it back."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _may_hold(filters: npt.NDArray[np.uint8], pages: _Keys, keys: _Keys) -> npt.NDArray[np.bool_]:
    """For each key, whether the filter of its page (``pages``: row numbers in ``filters``) lets it pass."""
    bits = _bits(keys)
    held = (filters[pages, bits >> 3] >> (bits & 7).astype(np.uint8)) & 1
    passed: npt.NDArray[np.bool_] = held.all(axis=0)
    return passed


def _level_tokens(state: dict[int, tuple[int, int]]) -> dict[int, int]:
    """level -> token of the levels 1 and up that hold keys, from ``_state()``."""
    return {level: token for level, (n, token) in state.items() if (level >= 1 or level == DRAIN) and n}


class _LevelFilter:
    """A blocked Bloom filter of the keys in levels 1 and up, as of their ``tokens``.

    A key's :data:`LEVEL_FILTER_HASHES` bits all lie in one 64-bit word (its
    top bits pick the word, fields of its low bits the bits), so checking a
    lookup's keys costs one memory access each however large the levels grow;
    only keys that pass are binary-searched in the levels' arrays, which at
    millions of keys are mostly out of the CPU caches.  Keys that move on into
    the main table leave their bits behind until the next rebuild: more keys
    pass, none is missed.
    """

    def __init__(self, tokens: dict[int, int], capacity: int) -> None:
        words = 1 << max(6, (capacity * LEVEL_FILTER_BITS // 64 - 1).bit_length())
        self.words = np.zeros(words, dtype=np.uint64)
        self.shift = np.uint64(64 - (words.bit_length() - 1))
        self.capacity = words * 64 // LEVEL_FILTER_BITS
        self.keys = 0
        self.tokens = tokens

    @property
    def full(self) -> bool:
        return self.keys > self.capacity

    def _parts(self, keys: _Keys) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.uint64]]:
        """Each key's word and the bits it sets there."""
        u = np.ascontiguousarray(keys, dtype=np.int64).view(np.uint64)
        fields = (u[None, :] >> _WORD_FIELDS) & np.uint64(63)
        masks: npt.NDArray[np.uint64] = np.bitwise_or.reduce(np.uint64(1) << fields, axis=0)
        return (u >> self.shift).astype(np.intp), masks

    def add(self, keys: _Keys) -> None:
        # By slices: the (hashes, keys) temporaries of millions of keys are fresh memory, slower to fill than
        # the filter (a rebuild at 1M articles: 0.6 s whole, 0.17 s by slices of 64k keys).
        for lo in range(0, len(keys), FILTER_SLICE):
            words, masks = self._parts(keys[lo : lo + FILTER_SLICE])
            np.bitwise_or.at(self.words, words, masks)
        self.keys += len(keys)

    def may_hold(self, keys: _Keys) -> npt.NDArray[np.bool_]:
        words, masks = self._parts(keys)
        passed: npt.NDArray[np.bool_] = (self.words[words] & masks) == masks
        return passed


class _FoundKeys:
    """Keys known to be in the main table, with their articles: a direct-mapped cache (a key's low bits pick its slot).

    Copies of one story look up the same keys, mostly soon after the story
    first came, so the keys found in the main table and the newest keys moved
    into it are remembered here, and a key found here needs no page read.  A
    key in the main table never leaves it or changes its article, so entries
    stay true until something else changes the main table (another writer, a
    rollback, a rebuild); the index then clears the cache.  A newer key takes
    the slot of an older one.
    """

    def __init__(self, slots: int = FOUND_SLOTS) -> None:
        self.keys = np.zeros(slots, dtype=np.int64)
        self.articles = np.zeros(slots, dtype=np.int64)  # 0: an empty slot (article rowids start at 1)
        self.mask = slots - 1

    def get(self, keys: _Keys) -> tuple[npt.NDArray[np.bool_], _Keys]:
        """Which of ``keys`` are here, and their articles (for those that are)."""
        slot = keys & self.mask
        here: npt.NDArray[np.bool_] = (self.keys[slot] == keys) & (self.articles[slot] != 0)
        return here, self.articles[slot[here]]

    def put(self, keys: _Keys, articles: _Keys) -> None:
        slot = keys & self.mask
        self.keys[slot] = keys
        self.articles[slot] = articles

    def clear(self) -> None:
        self.articles[:] = 0


class Buckets:
    """The bucket index on an open SQLite connection (the caller owns the transaction)."""

    def __init__(self, db: sqlite3.Connection, layout: BucketLayout | None = None) -> None:
        self.db = db
        self.layout = layout or BucketLayout()
        #: Level moves done through this object, by target ("1", "2", ..., "main"), and steps of moves into the
        #: main table ("main step"): for benchmarks.
        self.moves: Counter[str] = Counter()
        #: Most memory the mirrors held at once (a merge holds a level's old and new copy): for benchmarks.
        self.peak_mirror_bytes = 0
        #: Seconds spent in :meth:`lookup`, and in moves of levels (into the main table too): for benchmarks.
        self.lookup_seconds = 0.0
        self.move_seconds = 0.0
        #: level (>= 1) -> (token, sorted keys, their articles), as last read or written here.
        self._mirror: dict[int, tuple[int, _Keys, _Keys]] = {}
        #: Level 0 as (token, key -> article), as last read or written here.
        self._level0_mirror: tuple[int, dict[int, int]] | None = None
        #: The main table's pages as (token, first key of each page (ascending), their filters).
        self._pages: _PageIndex | None = None
        #: The levels' filter (levels 1 and up), as of their tokens.
        self._filter: _LevelFilter | None = None
        #: Keys found in the main table, valid while the main table's token is ``_found_token`` or one this
        #: object's own moves gave it (a move adds keys; none leaves or changes its article).
        self._found = _FoundKeys()
        self._found_token: int | None = None
        #: A move into the main table happened: give back the heap it freed at the next lookup, when
        #: its transaction has ended (SQLite keeps what the move's pages took until then).
        self._trim_due = False

    def lookup(self, keys: list[int]) -> list[tuple[int, int]]:
        """(key, article) for each of ``keys`` that is in the index (in no particular order)."""
        if self._trim_due:
            self._trim_due = False
            release_freed_memory()
        start = time.perf_counter()
        rows = self._lookup(keys)
        self.lookup_seconds += time.perf_counter() - start
        return rows

    def _lookup(self, keys: list[int]) -> list[tuple[int, int]]:
        rows: list[tuple[int, int]] = []
        # A key asked twice is found once; in key order, the searches below walk the filters, the levels and the
        # main table's page index forward instead of jumping about arrays that at a million articles no cache holds.
        wanted = np.sort(np.fromiter(keys, dtype=np.int64, count=len(keys)))
        wanted = wanted[np.concatenate(([True], wanted[1:] != wanted[:-1]))] if len(wanted) else wanted
        unique = wanted.tolist()
        sizes = self.db.execute("SELECT level, keys, token FROM story_bucket_sizes").fetchall()
        held = {level: (n, token) for level, n, token in sizes if n}
        levels = {level: held[level] for level in held if level >= 1 or level == DRAIN}
        if levels:
            # Only the keys the levels' filter lets pass are searched in the levels' arrays.
            main = sum(held.get(place, (0, 0))[0] for place in (MAIN, ROWS))
            maybe = wanted[self._levels_filter(levels, main).may_hold(wanted)]
            for level, (_, token) in levels.items() if len(maybe) else ():
                stored, articles = self._level(level, token)
                if len(stored):
                    at = np.minimum(np.searchsorted(stored, maybe), len(stored) - 1)
                    hit = stored[at] == maybe
                    rows.extend(zip(maybe[hit].tolist(), articles[at[hit]].tolist(), strict=True))
        if 0 in held:
            level0 = self._level0(held[0][1])
            rows.extend((k, level0[k]) for k in unique if k in level0)
        if ROWS in held:
            rows += self.db.execute(
                f"SELECT key, article FROM story_buckets WHERE key IN ({_marks(len(unique))})", unique
            ).fetchall()
        if MAIN in held:  # each key is in one place: the main table is asked only for the keys not found yet
            found = {key for key, _ in rows}
            rest = [k for k in unique if k not in found] if found else unique
            if rest:
                rows.extend(self._in_main(held[MAIN][1], rest))
        return rows

    def _in_main(self, token: int, keys: list[int]) -> list[tuple[int, int]]:
        """(key, article) for each of ``keys`` (distinct) in the main table: remembered, or read from its pages."""
        if self._found_token != token:
            self._found.clear()
            self._found_token = token
        wanted = np.array(keys, dtype=np.int64)
        here, known = self._found.get(wanted)
        rows = list(zip(wanted[here].tolist(), known.tolist(), strict=True))
        if rows:
            wanted = wanted[~here]
            if not len(wanted):
                return rows
        stored, articles = self._main(token, wanted)
        if len(stored):
            at = np.minimum(np.searchsorted(stored, wanted), len(stored) - 1)
            hit = stored[at] == wanted
            self._found.put(wanted[hit], articles[at[hit]])
            rows += zip(wanted[hit].tolist(), articles[at[hit]].tolist(), strict=True)
        return rows

    def add(self, keys: list[int], article: int) -> None:
        """Index ``keys`` (none of them in the index yet) for ``article``; move full levels down."""
        self.add_many([(keys, article)])

    def add_many(self, adds: Sequence[tuple[list[int], int]]) -> None:
        """Index each ``(keys, article)`` in turn (none of the keys in the index yet, a key given twice
        keeps its first article), a statement for many articles; a level 0 that fills up moves down
        at once, where it would have one article at a time."""
        row = self.db.execute("SELECT keys, token FROM story_bucket_sizes WHERE level = 0").fetchone()
        n, token = row if row is not None else (0, 0)
        level0 = self._level0(token)
        rows: list[tuple[int, bytes]] = []
        added: dict[int, int] = {}
        for keys, article in adds:
            fresh = [k for k in dict.fromkeys(keys) if k not in level0 and k not in added]
            if not fresh:
                continue
            rows.append((article, _bytes(np.array(fresh, dtype=np.int64))))
            added.update(dict.fromkeys(fresh, article))
            if n + len(added) >= self.layout.level0:
                self._add_rows(rows, n + len(added), level0, added)
                start = time.perf_counter()
                self._in_savepoint(self._move_down)
                self.move_seconds += time.perf_counter() - start
                n, token = self._state().get(0, (0, 0))
                rows, added, level0 = [], {}, self._level0(token)
        if rows:
            self._add_rows(rows, n + len(added), level0, added)

    def _add_rows(
        self, rows: list[tuple[int, bytes]], total: int, level0: dict[int, int], added: dict[int, int]
    ) -> None:
        """Write level 0's new rows and its new size; its mirror then holds ``added`` too."""
        self.db.executemany("INSERT INTO story_bucket_adds (article, keys) VALUES (?, ?)", rows)
        token = secrets.randbits(62)
        self._set_size(0, total, token)
        level0.update(added)
        self._level0_mirror = (token, level0)

    def load(self, keys: _Keys, articles: _Keys) -> None:
        """Index many keys (none of them in the index yet) straight into the main table, in one move.

        A key given twice keeps its first article.  For bulk loads: a move
        rewrites the whole main table, so load in few large slices.
        """
        order = np.argsort(keys, kind="stable")
        keys, first = np.unique(keys[order], return_index=True)
        run = keys.astype(np.int64), articles[order][first].astype(np.int64)
        self._in_savepoint(lambda: self._to_main(self._state(), run, at_once=True))

    def mirror_bytes(self) -> int:
        """About how much memory the in-memory mirrors of the levels (and their filter) hold."""
        level0 = len(self._level0_mirror[1]) if self._level0_mirror else 0
        pages = self._pages.nbytes() if self._pages else 0
        held = sum(m[1].nbytes + m[2].nbytes for m in self._mirror.values())
        level_filter = self._filter.words.nbytes if self._filter is not None else 0
        found = self._found.keys.nbytes + self._found.articles.nbytes
        return 100 * level0 + pages + held + level_filter + found

    def clear(self) -> None:
        """Empty the index (for a rebuild, inside the caller's transaction)."""
        for table in ("story_buckets", "story_bucket_adds", "story_bucket_runs", "story_bucket_pages"):
            self.db.execute(f"DELETE FROM {table}")
        self.db.execute("DELETE FROM story_bucket_sizes")
        self._mirror.clear()
        self._found.clear()
        self._level0_mirror = self._pages = self._filter = self._found_token = None

    # -- levels -------------------------------------------------------------------

    def _in_savepoint(self, move: Callable[[], None]) -> None:
        self.db.execute("SAVEPOINT story_buckets")  # all moves or none, even outside a transaction
        try:
            move()
            self.db.execute("RELEASE story_buckets")
        except BaseException:
            self.db.execute("ROLLBACK TO story_buckets")
            self.db.execute("RELEASE story_buckets")
            raise

    def _state(self) -> dict[int, tuple[int, int]]:
        """level -> (keys, token), as in the file."""
        rows = self.db.execute("SELECT level, keys, token FROM story_bucket_sizes").fetchall()
        return {level: (n, token) for level, n, token in rows}

    def _set_size(self, level: int, keys: int, token: int, cursor: int | None = None) -> None:
        self.db.execute(
            "INSERT INTO story_bucket_sizes (level, keys, token, cursor) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (level) DO UPDATE SET keys = excluded.keys, token = excluded.token, cursor = excluded.cursor",
            (level, keys, token, cursor),
        )

    def _level0(self, token: int) -> dict[int, int]:
        """Level 0 as of ``token`` (key -> article), read from the file when the mirror is not current."""
        if self._level0_mirror is None or self._level0_mirror[0] != token:
            level0: dict[int, int] = {}
            for article, blob in self.db.execute("SELECT article, keys FROM story_bucket_adds ORDER BY rowid"):
                for k in np.frombuffer(blob, dtype="<i8").tolist():
                    level0.setdefault(k, article)
            self._level0_mirror = (token, level0)
        return self._level0_mirror[1]

    def _level(self, level: int, token: int) -> tuple[_Keys, _Keys]:
        """The mirror of ``level`` (>= 1) as of ``token``, read from the file when it is not current."""
        mirror = self._mirror.get(level)
        if mirror is None or mirror[0] != token:
            parts = self.db.execute(
                "SELECT keys, articles FROM story_bucket_runs WHERE level = ? ORDER BY part", (level,)
            ).fetchall()
            mirror = self._mirror[level] = (token, *_blobs(parts))
        return mirror[1], mirror[2]

    def _write_run(self, level: int, run: tuple[_Keys, _Keys]) -> None:
        """Store ``level`` as the sorted ``run`` (keys, articles), replacing what it held."""

        def parts() -> Iterator[tuple[int, int, bytes, bytes]]:
            for part, i in enumerate(range(0, len(run[0]), PART_KEYS)):
                yield level, part, _bytes(run[0][i : i + PART_KEYS]), _bytes(run[1][i : i + PART_KEYS])

        self.db.execute("DELETE FROM story_bucket_runs WHERE level = ?", (level,))
        self.db.executemany("INSERT INTO story_bucket_runs (level, part, keys, articles) VALUES (?, ?, ?, ?)", parts())

    def _move_down(self) -> None:
        """Move level 0 down: as a new run of tier 1, or into the main table once big enough.

        A tier holds up to ``fanout - 1`` runs; the run that would make ``fanout``
        is merged with them into one run of the next tier, so a key is written
        once per tier.  The runs of a tier (the new one with them) that hold at
        least ``1 / main_share`` of the main table's keys move there together, so
        a move into the main table rewrites it for a share of new keys that does
        not shrink as it grows.
        """
        state = self._state()
        current = self._filter is not None and self._filter.tokens == _level_tokens(state)
        if state.get(DRAIN, (0, 0))[0]:
            self._drain_step(state)  # a move into the main table goes on: one step for each move out of level 0
        n, token = state.get(0, (0, 0))
        if not n:
            return
        level0 = self._level0(token)
        keys = np.fromiter(level0.keys(), dtype=np.int64, count=len(level0))
        order = np.argsort(keys)
        run = keys[order], np.fromiter(level0.values(), dtype=np.int64, count=len(level0))[order]
        entered = run[0]  # into the levels (or the main table): the levels' filter must pass them
        self.db.execute("DELETE FROM story_bucket_adds")  # no WHERE: SQLite drops the pages at once
        emptied = secrets.randbits(62)
        state[0] = (0, emptied)
        self._set_size(0, 0, emptied)
        self._level0_mirror = (emptied, {})
        tier = 1
        while True:
            main = sum(state.get(place, (0, 0))[0] for place in (MAIN, ROWS, DRAIN))
            first = _tier_run(tier, 0)
            held = [level for level in range(first, first + TIER_RUNS) if state.get(level, (0, 0))[0]]
            total = len(run[0]) + sum(state[level][0] for level in held)
            if len(held) + 1 < self.layout.fanout and total * self.layout.main_share < main:
                level = next(level for level in range(first, first + TIER_RUNS) if level not in held)
                token = secrets.randbits(62)
                self._write_run(level, run)
                state[level] = (len(run[0]), token)
                self._set_size(level, len(run[0]), token)
                self._mirror[level] = (token, *run)
                self.moves[str(tier)] += 1
                break
            # The tier is full, or big enough for the main table: its runs and the new one become one run.
            runs = [self._level(level, state[level][1]) for level in held] + [run]
            merged = _merge_runs(runs)
            in_memory = self.mirror_bytes() + 2 * merged[0].nbytes  # the runs and their merged copy
            self.peak_mirror_bytes = max(self.peak_mirror_bytes, in_memory)
            for level in held:
                self.db.execute("DELETE FROM story_bucket_runs WHERE level = ?", (level,))
                emptied = secrets.randbits(62)
                state[level] = (0, emptied)
                self._set_size(level, 0, emptied)
                self._mirror.pop(level, None)
            run = merged
            if total * self.layout.main_share >= main:
                self._to_main(state, run)
                break
            tier += 1
        # Keep the levels' filter current: keys that left the levels leave their bits (a rebuild drops them).
        if current and self._filter is not None and not self._filter.full:
            self._filter.add(entered)
            self._filter.tokens = _level_tokens(state)
        else:
            self._filter = None

    def _levels_filter(self, levels: dict[int, tuple[int, int]], main: int) -> _LevelFilter:
        """The filter of ``levels`` (level -> (keys, token), levels 1 and up holding keys), built when not current;
        sized for twice what the levels hold now or gather before a move into a main table of ``main`` keys."""
        tokens = {level: token for level, (_, token) in levels.items()}
        if self._filter is None or self._filter.tokens != tokens:
            held = sum(n for n, _ in levels.values())
            capacity = max(2 * held, 2 * main // self.layout.main_share) + self.layout.level0
            self._filter = _LevelFilter(tokens, capacity)
            for level, token in tokens.items():
                self._filter.add(self._level(level, token)[0])
        return self._filter

    # -- the main table -------------------------------------------------------------

    def _page_index(self, token: int) -> _PageIndex:
        """The main table's first keys and filters as of ``token``, read when the mirror is not current."""
        if self._pages is None or self._pages.token != token:
            cursor = self.db.execute("SELECT first, filter FROM story_bucket_pages ORDER BY first")
            firsts, filters = [np.empty(0, dtype=np.int64)], [b""]
            while rows := cursor.fetchmany(65536):
                firsts.append(np.array([r[0] for r in rows], dtype=np.int64))
                filters.append(b"".join(r[1] for r in rows))
            bits = np.frombuffer(b"".join(filters), dtype=np.uint8).reshape(-1, FILTER_BITS // 8)
            self._pages = _PageIndex(token, np.concatenate(firsts), bits)
        return self._pages

    def _main(self, token: int, wanted: _Keys) -> tuple[_Keys, _Keys]:
        """The pages of the main table that may hold ``wanted`` keys (by their filters), as one sorted run."""
        firsts = self._page_index(token).pages(wanted)
        if not firsts:
            return _empty()
        return _blobs(
            self.db.execute(
                f"SELECT keys, articles FROM story_bucket_pages WHERE first IN ({_marks(len(firsts))}) "
                "ORDER BY first",
                firsts,
            ).fetchall()
        )

    def _cursor(self) -> int:
        """The smallest key of the level on its way into the main table that is not there yet."""
        row = self.db.execute("SELECT cursor FROM story_bucket_sizes WHERE level = ?", (DRAIN,)).fetchone()
        return _LOW if row is None or row[0] is None else int(row[0])

    def _merge_pages(self, lo: int, hi: int, run: tuple[_Keys, _Keys], rows: bool) -> tuple[int, _Keys, _Filters]:
        """Merge ``run`` (keys between ``lo`` and ``hi``) into the main table's pages whose first key lies there
        (and the rows from before schema 9 in that range, when ``rows``); ``lo`` is a page's first key or the
        smallest key, ``hi`` the key before a page's first or the largest.  The old pages are deleted before the
        new ones are written, so the file reuses their space.  Returns the keys added, and the new pages' first
        keys and filters."""
        old = _blobs(
            self.db.execute(
                "SELECT keys, articles FROM story_bucket_pages WHERE first BETWEEN ? AND ? ORDER BY first", (lo, hi)
            ).fetchall()
        )
        before = len(old[0])
        if rows:
            found = self.db.execute(
                "SELECT key, article FROM story_buckets WHERE key BETWEEN ? AND ? ORDER BY key", (lo, hi)
            ).fetchall()
            both = np.array(found, dtype=np.int64).reshape(-1, 2)
            old = _merge(old, (both[:, 0].copy(), both[:, 1].copy()))
        keys, articles = _merge(old, run)
        filters = _filters(keys)
        key_bytes, article_bytes, size = _bytes(keys), _bytes(articles), 8 * PAGE_KEYS
        cut = zip(keys[::PAGE_KEYS].tolist(), range(0, len(key_bytes), size), filters, strict=True)
        self.db.execute("DELETE FROM story_bucket_pages WHERE first BETWEEN ? AND ?", (lo, hi))
        self.db.executemany(
            "INSERT INTO story_bucket_pages (first, keys, articles, filter) VALUES (?, ?, ?, ?)",
            ((first, key_bytes[o : o + size], article_bytes[o : o + size], f.tobytes()) for first, o, f in cut),
        )
        return len(keys) - before, keys[::PAGE_KEYS], filters

    def _main_changed(self, token: int) -> int:
        """A new token for the main table, whose keys only grew: the cache of found keys stays true if it was."""
        if self._found_token != token:  # not known to match the main table: start again from nothing
            self._found.clear()
        self._found_token = secrets.randbits(62)
        return self._found_token

    def _to_main(self, state: dict[int, tuple[int, int]], run: tuple[_Keys, _Keys], *, at_once: bool = False) -> None:
        """Move the sorted ``run`` into the main table (and the rows from before schema 9 with it).

        A main table of up to :attr:`BucketLayout.main_step` keys (or any, ``at_once``) is read, merged and
        written again at once, in chunks of whole pages in key order.  A bigger one takes the run as the
        level on its way there (:data:`DRAIN`), merged one step of about ``main_step`` keys now and one at each
        following move out of level 0 (:meth:`_drain_step`); until then lookups find its keys in that level.
        """
        while state.get(DRAIN, (0, 0))[0]:  # the last move must end first: its keys are older
            self._drain_step(state)
        self.moves["main"] += 1
        self._trim_due = True
        pages, token = state.get(MAIN, (0, 0))
        rows = state.get(ROWS, (0, 0))[0]
        if not (at_once or rows or pages + rows <= self.layout.main_step):
            drain = secrets.randbits(62)
            self._write_run(DRAIN, run)
            self._set_size(DRAIN, len(run[0]), drain, _LOW)
            state[DRAIN] = (len(run[0]), drain)
            self._mirror[DRAIN] = (drain, *run)
            self._page_index(token).begin_steps(len(run[0]) + pages, self.layout.main_step)
            self._drain_step(state)
            return
        fences = self._page_index(token).all_fences()
        # Chunks of about main_step keys in key space (keys are hashes: uniform), starting on a page boundary.
        slices = max(1, (pages + rows) // self.layout.main_step)
        starts = np.array([_LOW + (i << 64) // slices for i in range(1, slices)], dtype=np.int64)
        if len(fences):
            at = np.searchsorted(fences, starts)
            starts = fences[at[at < len(fences)]]
        bounds = [_LOW, *np.unique(starts[starts > _LOW]).tolist()]
        ends = [b - 1 for b in bounds[1:]] + [_HIGH]
        cuts = np.searchsorted(run[0], bounds[1:]).tolist()
        new_fences, new_filters, total = [], [], pages
        for lo, hi, i, j in zip(bounds, ends, [0, *cuts], [*cuts, len(run[0])], strict=True):
            added, chunk_fences, chunk_filters = self._merge_pages(lo, hi, (run[0][i:j], run[1][i:j]), rows > 0)
            new_fences.append(chunk_fences)
            new_filters.append(chunk_filters)
            total += added
        if rows:
            self.db.execute("DELETE FROM story_buckets")
            self._set_size(ROWS, 0, secrets.randbits(62))
        token = self._main_changed(token)
        self._set_size(MAIN, total, token)
        at_hand = _PageIndex(token, np.concatenate(new_fences), np.concatenate(new_filters))
        held = self.mirror_bytes() + 2 * run[0].nbytes + at_hand.nbytes()
        self.peak_mirror_bytes = max(self.peak_mirror_bytes, held)  # the old pages' index, the run, the new index
        self._pages = at_hand
        self._remember_newest(run)

    def _drain_step(self, state: dict[int, tuple[int, int]]) -> None:
        """Merge the next keys of the level on its way into the main table: those from its cursor up to the end
        of the first page past about ``main_step`` keys' worth of key space; the level is emptied after its last."""
        n, drain = state[DRAIN]
        keys, articles = self._level(DRAIN, drain)
        lo = self._cursor()
        pages, token = state.get(MAIN, (0, 0))
        index = self._page_index(token)
        if index.cursor is None:  # read from the file: the move was begun here before, or by another writer
            index.begin_steps(pages + n, self.layout.main_step, lo)
        span = (1 << 64) * self.layout.main_step // max(pages, 1)
        after = index.fence_after(min(lo + span, _HIGH))
        hi = _HIGH if after is None else after - 1
        i, j = int(np.searchsorted(keys, lo)), int(np.searchsorted(keys, hi, side="right"))
        added, fences, filters = self._merge_pages(lo, hi, (keys[i:j], articles[i:j]), rows=False)
        new_token = self._main_changed(token)
        self._set_size(MAIN, pages + added, new_token)
        state[MAIN] = (pages + added, new_token)
        index.step(new_token, hi, fences, filters)
        self.moves["main step"] += 1
        self._trim_due = True  # the step's pages, read and written as blobs, left heap free
        self.peak_mirror_bytes = max(self.peak_mirror_bytes, self.mirror_bytes())
        if j < len(keys) and hi < _HIGH:  # more to come: the level stays, its mirror as it is, a cursor further
            self._set_size(DRAIN, len(keys) - j, drain, hi + 1)
            state[DRAIN] = (len(keys) - j, drain)
            return
        self.db.execute("DELETE FROM story_bucket_runs WHERE level = ?", (DRAIN,))
        emptied = secrets.randbits(62)
        self._set_size(DRAIN, 0, emptied)
        state[DRAIN] = (0, emptied)
        self._mirror.pop(DRAIN, None)
        index.end_steps()
        self._remember_newest((keys, articles))

    def _remember_newest(self, run: tuple[_Keys, _Keys]) -> None:
        """Put the keys of ``run`` (now in the main table) stored with its newest articles into the cache of
        found keys: copies of a story tend to come soon after it."""
        keep = min(len(run[1]), len(self._found.keys) // 2)
        if keep:
            newest = np.argpartition(run[1], len(run[1]) - keep)[len(run[1]) - keep :]
            self._found.put(run[0][newest], run[1][newest])


_Filters = npt.NDArray[np.uint8]


class _PageIndex:
    """The main table's pages as held in memory, as of ``token``: each page's first key and filter, in key order.

    One array each, except while a move into the main table goes on in steps.
    Then both live in one buffer sized for the whole move: the new pages, below
    ``cursor``, are appended step by step at its start (``head``), and the old
    pages from ``cursor`` on sit at its end (``tail``), where the new ones take
    their room as they are consumed.  A step copies only its own pages, and the
    old and the new index are never held whole side by side.
    """

    def __init__(self, token: int, fences: _Keys, filters: _Filters) -> None:
        self.token = token
        self.fences, self.filters, self.filled = fences, filters, len(fences)
        #: None, or the first key of the old pages' part, which starts at row ``tail``.
        self.cursor: int | None = None
        self.tail = len(fences)

    def nbytes(self) -> int:
        return self.fences.nbytes + self.filters.nbytes

    def _parts(self) -> list[tuple[_Keys, _Filters]]:
        """The new pages and (during a move in steps) the old pages from the cursor on."""
        head = (self.fences[: self.filled], self.filters[: self.filled])
        return [head] if self.cursor is None else [head, (self.fences[self.tail :], self.filters[self.tail :])]

    def all_fences(self) -> _Keys:
        """The first key of every page, when no move is going on in steps."""
        assert self.cursor is None, "the page index is in the middle of a move"
        return self.fences[: self.filled]

    def fence_after(self, key: int) -> int | None:
        """The first key of the first page that starts after ``key`` (at or past the cursor), if any."""
        fences = self._parts()[-1][0]
        at = int(np.searchsorted(fences, key, side="right"))
        return int(fences[at]) if at < len(fences) else None

    def begin_steps(self, keys: int, step: int, at: int = _LOW) -> None:
        """Make room for the pages of a move that leaves the main table holding about ``keys`` keys; the
        pages below key ``at`` are already the new ones (a move begun before, here or by another writer)."""
        fences, filters = self.fences[: self.filled], self.filters[: self.filled]
        done = int(np.searchsorted(fences, at))
        room = max(keys // PAGE_KEYS + 2 * (keys // step) + 16, len(fences) + 16)  # a partial page per step
        self._move_to(room, fences[:done], filters[:done], fences[done:], filters[done:])
        self.cursor = at

    def _move_to(self, room: int, head: _Keys, head_filters: _Filters, tail: _Keys, tail_filters: _Filters) -> None:
        """Lay the new pages and the old ones left out in a buffer of ``room`` pages (a copy)."""
        fences = np.empty(room, dtype=np.int64)
        filters = np.empty((room, FILTER_BITS // 8), dtype=np.uint8)
        self.filled, self.tail = len(head), room - len(tail)
        fences[: self.filled], filters[: self.filled] = head, head_filters
        fences[self.tail :], filters[self.tail :] = tail, tail_filters
        self.fences, self.filters = fences, filters

    def step(self, token: int, hi: int, fences: _Keys, filters: _Filters) -> None:
        """The pages from the cursor up to key ``hi`` were replaced by these."""
        assert self.cursor is not None
        self.tail += int(np.searchsorted(self.fences[self.tail :], hi, side="right"))
        end = self.filled + len(fences)
        if end > self.tail:  # more pages than foreseen: a bigger buffer
            (head, head_filters), (tail, tail_filters) = self._parts()
            self._move_to(2 * (end + len(tail)), head, head_filters, tail, tail_filters)
            end = self.filled + len(fences)
        self.fences[self.filled : end], self.filters[self.filled : end] = fences, filters
        self.filled = end
        self.cursor, self.token = hi + 1, token

    def end_steps(self) -> None:
        """The move is done: the old pages left past the last step join the new ones."""
        end = self.filled + len(self.fences) - self.tail
        self.fences[self.filled : end] = self.fences[self.tail :]  # numpy copies overlapping ranges safely
        self.filters[self.filled : end] = self.filters[self.tail :]
        self.fences, self.filters = self.fences[:end], self.filters[:end]
        self.filled = self.tail = end
        self.cursor = None

    def pages(self, wanted: _Keys) -> list[int]:
        """The first keys of the pages whose filters let one of ``wanted`` pass."""
        parts = self._parts()
        if self.cursor is not None:
            below = wanted < self.cursor
            chosen = [wanted[below], wanted[~below]]
        else:
            chosen = [wanted]
        firsts = []
        for (fences, filters), keys in zip(parts, chosen, strict=True):
            if not len(fences) or not len(keys):
                continue
            at = np.searchsorted(fences, keys, side="right") - 1
            inside = at >= 0
            page = at[inside]
            firsts.append(fences[page[_may_hold(filters, page, keys[inside])]])
        return sorted({first for part in firsts for first in part.tolist()})  # a few: np.unique costs 8x
