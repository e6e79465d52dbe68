"""The LSH bucket index: band key -> the first article stored with that key, log-structured over SQLite.

A random insert into one big B-tree dirties one scattered page per key, so
with 64 new keys per article the write cost of a single table grows with the
corpus (the pages written per commit stop fitting any cache).  Here new keys
go into a small level 0 (``story_bucket_level0``); a full level moves, in key
order and in one statement, into the next level (``story_bucket_level1``,
up to :data:`LEVELS`), which holds
:attr:`BucketLayout.fanout` times more, or into the main table
(``story_buckets``) once it holds at least ``1 / main_share`` of the main
table's keys.  A move touches each page of its target about once for many
keys, so the pages written per new key stay about constant as the corpus
grows.  Every key is in exactly one place (a key is only added when no level
has it), so a lookup returns what a single table would.  All of it lives in
the corpus file and changes inside the caller's transaction: a crash or a
rollback loses nothing committed and leaves nothing half-moved.

The levels are mirrored in memory (level 0 as a dict, levels 1 and up, which
change only when a level moves, as sorted numpy arrays: 16 bytes per key) and
probed there instead of with 64 B-tree seeks per level.  ``story_bucket_sizes``
holds each level's key count and a random token that every change replaces; a
mirror whose token no longer matches the file (another writer changed the
level, or a transaction that did was rolled back) is read again.  A lookup
therefore costs the main table's 64 seeks plus a few binary searches, however
many levels there are.  The file stays the only truth: a mirror is a cache.
"""

from __future__ import annotations

import functools
import secrets
import sqlite3
from collections import Counter

import numpy as np
import numpy.typing as npt

from presscut.stories.config import BucketLayout

_Keys = npt.NDArray[np.int64]
#: Level tables (``story_bucket_level0`` ...): with the default layout the last holds 16,384 * 8**5 keys.
LEVELS = 6


@functools.cache
def _marks(n: int) -> str:
    """``?,?,...`` for ``n`` parameters."""
    return ",".join("?" * n)


def _table(level: int) -> str:
    return "story_buckets" if level < 0 else f"story_bucket_level{int(level)}"


class Buckets:
    """The bucket index on an open SQLite connection (the caller owns the transaction)."""

    def __init__(self, db: sqlite3.Connection, layout: BucketLayout | None = None) -> None:
        self.db = db
        self.layout = layout or BucketLayout()
        #: Level moves done through this object, by target ("1", "2", ..., "main"): for benchmarks.
        self.moves: Counter[str] = Counter()
        #: Most memory the mirrors held at once (a merge holds a level's old and new copy): for benchmarks.
        self.peak_mirror_bytes = 0
        #: level (>= 1) -> (token, sorted keys, their articles), as last read or written here.
        self._mirror: dict[int, tuple[int, _Keys, _Keys]] = {}
        #: Level 0 as (token, key -> article), and the token of level 0 seen by the last lookup.
        self._level0_mirror: tuple[int, dict[int, int]] | None = None
        self._seen0: int | None = None

    def lookup(self, keys: list[int]) -> list[tuple[int, int]]:
        """(key, article) for each of ``keys`` that is in the index (in no particular order)."""
        state = self.db.execute("SELECT level, keys, token FROM story_bucket_sizes WHERE level >= 0").fetchall()
        rows: list[tuple[int, int]] = self.db.execute(
            f"SELECT key, article FROM story_buckets WHERE key IN ({_marks(len(keys))})", keys
        ).fetchall()
        self._seen0 = None
        unique = list(dict.fromkeys(keys))  # as SQL's IN: a key asked twice is found once
        wanted: _Keys | None = None
        for level, n, token in state:
            if level == 0:
                self._seen0 = token
                if n:
                    level0 = self._level0(token)
                    rows.extend((k, level0[k]) for k in unique if k in level0)
                continue
            if not n:
                continue
            if wanted is None:
                wanted = np.array(unique, dtype=np.int64)
            stored, articles = self._level(level, token)
            at = np.minimum(np.searchsorted(stored, wanted), len(stored) - 1)
            hit = stored[at] == wanted
            rows.extend(zip(wanted[hit].tolist(), articles[at[hit]].tolist(), strict=True))
        return rows

    def add(self, keys: list[int], article: int) -> None:
        """Index ``keys`` (none of them in the index yet) for ``article``; move full levels down."""
        added = self.db.execute(
            "INSERT OR IGNORE INTO story_bucket_level0 (key, article) VALUES " + ",".join(["(?, ?)"] * len(keys)),
            [x for k in keys for x in (k, article)],
        ).rowcount
        token = secrets.randbits(62)
        # The mirror of level 0 stays current only if nobody changed level 0 since this object's last lookup.
        row = self.db.execute(
            "UPDATE story_bucket_sizes SET keys = keys + ?1, token = ?2 WHERE level = 0 AND token = ?3 RETURNING keys",
            (added, token, self._seen0),
        ).fetchone()
        if row is not None and self._level0_mirror is not None and self._level0_mirror[0] == self._seen0:
            level0 = self._level0_mirror[1]
            for k in keys:
                level0.setdefault(k, article)
            self._level0_mirror = (token, level0) if len(level0) == row[0] else None
        else:
            self._level0_mirror = None
            if row is None:
                row = self.db.execute(
                    "INSERT INTO story_bucket_sizes (level, keys, token) VALUES (0, ?1, ?2) "
                    "ON CONFLICT (level) DO UPDATE SET keys = keys + excluded.keys, token = excluded.token "
                    "RETURNING keys",
                    (added, token),
                ).fetchone()
        self._seen0 = token
        if row[0] < self.layout.level0:
            return
        self.db.execute("SAVEPOINT story_buckets")  # all moves or none, even outside a transaction
        try:
            self._move_down()
            self.db.execute("RELEASE story_buckets")
        except BaseException:
            self.db.execute("ROLLBACK TO story_buckets")
            self.db.execute("RELEASE story_buckets")
            raise

    def mirror_bytes(self) -> int:
        """About how much memory the in-memory mirrors of the levels hold."""
        level0 = len(self._level0_mirror[1]) if self._level0_mirror else 0
        return 100 * level0 + sum(m[1].nbytes + m[2].nbytes for m in self._mirror.values())

    def clear(self) -> None:
        """Empty the index (for a rebuild, inside the caller's transaction)."""
        for table in ("story_buckets", *(f"story_bucket_level{n}" for n in range(LEVELS)), "story_bucket_sizes"):
            self.db.execute(f"DELETE FROM {table}")
        self._mirror.clear()
        self._level0_mirror = self._seen0 = None

    # -- levels -------------------------------------------------------------------

    def _level0(self, token: int) -> dict[int, int]:
        """Level 0 as of ``token`` (key -> article), read from the file when the mirror is not current."""
        if self._level0_mirror is None or self._level0_mirror[0] != token:
            self._level0_mirror = (token, dict(self.db.execute("SELECT key, article FROM story_bucket_level0")))
        return self._level0_mirror[1]

    def _level(self, level: int, token: int) -> tuple[_Keys, _Keys]:
        """The mirror of ``level`` as of ``token``, read from the file when it is not current."""
        mirror = self._mirror.get(level)
        if mirror is None or mirror[0] != token:
            cursor = self.db.execute(f"SELECT key, article FROM {_table(level)} ORDER BY key")
            parts = [np.empty((0, 2), dtype=np.int64)]
            while rows := cursor.fetchmany(65536):  # in slices: no list of millions of tuples
                parts.append(np.array(rows, dtype=np.int64))
            both = np.concatenate(parts)
            mirror = (token, np.ascontiguousarray(both[:, 0]), np.ascontiguousarray(both[:, 1]))
            self._mirror[level] = mirror
        return mirror[1], mirror[2]

    def _move_down(self) -> None:
        """Move full levels down in key order: into the next level, or into the main table once big enough.

        A level holding at least ``1 / main_share`` of the main table's keys
        moves there even when not full, so a move into the main table touches
        each of its pages for several keys at once, at any corpus size.
        """
        state = {
            level: (n, token)
            for level, n, token in self.db.execute("SELECT level, keys, token FROM story_bucket_sizes").fetchall()
        }
        main = state.get(-1, (0, 0))[0]
        level = 0
        while True:
            n, token = state.get(level, (0, 0))
            to_main = n * self.layout.main_share >= main
            if n == 0 or not (to_main or n >= self.layout.capacity(level)):
                return
            to_main = to_main or level + 1 >= LEVELS
            target = -1 if to_main else level + 1
            before, target_token = state.get(target, (0, 0))
            merged = self._merged(level, token, target, target_token, before) if target > 0 else None
            if merged is not None:
                self.peak_mirror_bytes = max(
                    self.peak_mirror_bytes, self.mirror_bytes() + merged[0].nbytes + merged[1].nbytes
                )
            moved = self.db.execute(
                f"INSERT OR IGNORE INTO {_table(target)} (key, article) "
                f"SELECT key, article FROM {_table(level)} ORDER BY key"
            ).rowcount
            self.db.execute(f"DELETE FROM {_table(level)}")  # no WHERE: SQLite drops the pages at once
            tokens = secrets.randbits(62), secrets.randbits(62)
            state[level], state[target] = (0, tokens[0]), (before + moved, tokens[1])
            self.db.executemany(
                "INSERT INTO story_bucket_sizes (level, keys, token) VALUES (?, ?, ?) "
                "ON CONFLICT (level) DO UPDATE SET keys = excluded.keys, token = excluded.token",
                [(level, 0, tokens[0]), (target, before + moved, tokens[1])],
            )
            self._mirror.pop(level, None)
            self._mirror.pop(target, None)
            if level == 0:
                self._level0_mirror, self._seen0 = (tokens[0], {}), tokens[0]
            if merged is not None and len(merged[0]) == before + moved:
                self._mirror[target] = (tokens[1], *merged)
            self.moves["main" if to_main else str(target)] += 1
            if to_main:
                return
            main = state.get(-1, (0, 0))[0]
            level = target

    def _merged(
        self, level: int, token: int, target: int, target_token: int, before: int
    ) -> tuple[_Keys, _Keys] | None:
        """The target's mirror after the move (its keys and the source's, in key order); None if not at hand."""
        if before:
            mirror = self._mirror.get(target)
            if mirror is None or mirror[0] != target_token:
                return None  # read again when next needed
            keys, articles = mirror[1], mirror[2]
        else:
            keys, articles = np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
        if level == 0:
            both = np.array(sorted(self._level0(token).items()), dtype=np.int64).reshape(-1, 2)
            add_keys, add_articles = both[:, 0], both[:, 1]
        else:
            add_keys, add_articles = self._level(level, token)
        at = np.searchsorted(keys, add_keys)
        return np.insert(keys, at, add_keys), np.insert(articles, at, add_articles)
