"""Incremental story assignment over SQLite tables (LSH buckets with an index).

Each stored article has a MinHash signature (``story_signatures``).  Its
``bands`` band keys go into the bucket index (:mod:`presscut.stories.buckets`),
which maps each key to the first article stored with it.  Copies share most
keys with the copy before them, so a story copied a thousand times costs about
as many keys as one copy, and a lookup returns at most one article per key.
A new article looks up its keys, checks the few articles that share the most
bands, and joins the story whose text overlaps it most (containment of the
shorter text in the longer, see :class:`StoryConfig`), or starts a new story.
The cost of one assignment stays about flat as the corpus grows: the bucket
index is log-structured, so the pages written per new key do not grow with it.

Assignment depends only on the articles stored before (in storage order), so
a rerun after a crash, or ``rebuild``, gives the same stories.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from presscut.stories.buckets import Buckets
from presscut.stories.config import BucketLayout, StoryConfig
from presscut.stories.minhash import MinHasher, Signature, overlap
from presscut.stories.model import StoryInput
from presscut.stories.order import is_day_only, order_key

#: Copies whose similarity is recomputed per statement when a story gets a new representative.
RESCORE_CHUNK = 500


@dataclass(slots=True)
class _Unwritten:
    """What a batch's assignments will write: each article's story sid, signature and whether it has
    band keys (a text too short has none, and no signature is stored), and its story id and
    similarity for ``articles``."""

    signatures: dict[int, tuple[int, Signature, bool]] = field(default_factory=dict)
    stories: list[tuple[str, float, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where an article went: its story, its similarity to the story's representative."""

    story_id: str
    #: Estimated share of the shorter text contained in the longer (representative vs this copy).
    similarity: float
    #: True when the article started the story.
    founded: bool


class StoryIndex:
    """Story assignment on an open SQLite connection (the caller owns the transaction)."""

    def __init__(
        self, db: sqlite3.Connection, config: StoryConfig | None = None, layout: BucketLayout | None = None
    ) -> None:
        self.db = db
        self.config = config or StoryConfig()
        self.hasher = MinHasher(self.config)
        self.buckets = Buckets(db, layout)

    # -- assignment ---------------------------------------------------------------

    def assign(
        self,
        rowid: int,
        article_id: str,
        text: str,
        *,
        published: str | None = None,
        attribution: str | None = None,
        signature: Signature | None = None,
        fresh: bool = False,
        day_only: bool = False,
    ) -> Assignment:
        """Put the stored article ``rowid`` into a story (joining one or founding one).

        Called again for an article already assigned (its text changed), it
        leaves its story and is assigned afresh; ``fresh`` says it never was.
        ``day_only`` says ``published`` is known only to the day: for choosing
        the original it then counts as the end of that day.
        """
        item = StoryInput(rowid, article_id, text, published, attribution, signature, fresh, day_only)
        return self.assign_many([item])[0]

    def assign_many(self, items: Sequence[StoryInput]) -> list[Assignment]:
        """Assign each of ``items`` in turn, with the stories :meth:`assign` would give them one by one,
        at less cost: the bucket index is searched once for all their band keys and takes their new
        keys in one write (a later item finds an earlier one's keys in between), and their
        signatures and story ids are written together (a later item reads an earlier one's from memory)."""
        if not items:
            return []
        sigs = [it.signature if it.signature is not None else self.hasher.signature(it.text) for it in items]
        rows = self.hasher.band_key_array(np.stack([sig.values for sig in sigs])).tolist()  # one numpy pass
        keys = [
            list(dict.fromkeys(row)) if sig.shingles >= self.config.min_shingles else []
            for sig, row in zip(sigs, rows, strict=True)
        ]
        wanted = [k for ks in keys for k in ks]
        indexed = dict(self.buckets.lookup(wanted)) if wanted else {}  # key -> the first article with it
        adds: list[tuple[list[int], int]] = []
        batch = _Unwritten()
        out: list[Assignment] = []
        for it, sig, ks in zip(items, sigs, keys, strict=True):
            key = order_key(it.published, it.day_only)
            if not it.fresh:
                self._write(batch)  # leaving reads the tables
                self._leave(it.rowid)
            best = self._best_match(it.rowid, sig, Counter(map(indexed.get, ks)), batch)
            if best is None:
                sid, story_id = self._found(it.article_id, it.rowid, it.published, key, it.attribution)
                similarity, founded = 1.0, True
            else:
                sid, story_id, similarity = self._join(
                    best, it.rowid, sig, batch, published=it.published, key=key, attribution=it.attribution
                )
                founded = False
            batch.signatures[it.rowid] = (sid, sig, bool(ks))
            batch.stories.append((story_id, round(similarity, 4), it.rowid))
            new_keys = [k for k in ks if k not in indexed]
            if new_keys:
                indexed.update(dict.fromkeys(new_keys, it.rowid))
                adds.append((new_keys, it.rowid))
            out.append(Assignment(story_id, similarity, founded))
        self._write(batch)
        if adds:
            self.buckets.add_many(adds)
        return out

    def _write(self, batch: _Unwritten) -> None:
        """Store the signatures and story ids of the articles assigned so far."""
        if batch.signatures:
            self.db.executemany(
                "INSERT INTO story_signatures (article, story, shingles, signature) VALUES (?, ?, ?, ?)",
                [
                    (rowid, sid, sig.shingles, sig.to_bytes() if banded else None)
                    for rowid, (sid, sig, banded) in batch.signatures.items()
                ],
            )
            self.db.executemany("UPDATE articles SET story_id = ?, story_similarity = ? WHERE rowid = ?", batch.stories)
        batch.signatures.clear()
        batch.stories.clear()

    def _signatures(self, articles: list[int], batch: _Unwritten) -> list[tuple[int, int, Signature]]:
        """(article, story sid, signature) of those of ``articles`` that have a signature, in article order."""
        unwritten = [(a, *batch.signatures[a]) for a in articles if a in batch.signatures]
        stored = [a for a in articles if a not in batch.signatures]
        found = [(a, sid, sig) for a, sid, sig, banded in unwritten if banded]
        if stored:
            rows = self.db.execute(
                "SELECT article, story, shingles, signature FROM story_signatures "
                f"WHERE article IN ({','.join('?' * len(stored))}) AND signature IS NOT NULL",
                stored,
            )
            found += [(a, sid, Signature.from_bytes(blob, shingles)) for a, sid, shingles, blob in rows]
        return sorted(found, key=lambda row: row[0])

    def _best_match(
        self, rowid: int, sig: Signature, shared: Counter[int | None], batch: _Unwritten
    ) -> tuple[int, int, float] | None:
        """(article rowid, story sid, containment) of the best matching stored article, if any, by
        ``shared``: how many of the new article's band keys the bucket index gives each article (None
        counts the keys it has not)."""
        shared.pop(None, None)
        shared.pop(rowid, None)
        if not shared:
            return None
        ranked = sorted(shared, key=lambda a: (-shared[a], a))[: self.config.max_candidates]
        candidates = [a for a in ranked if a is not None]
        best: tuple[int, int, float] | None = None
        for article, story, other in self._signatures(candidates, batch):
            o = overlap(sig, other)
            if o.containment < self.config.containment or o.shared < self.config.min_shared:
                continue
            if best is None or o.containment > best[2]:
                best = (article, story, o.containment)
        return best

    def _found(
        self, article_id: str, rowid: int, published: str | None, key: str | None, attribution: str | None
    ) -> tuple[int, str]:
        story_id, n = article_id, 0
        while True:
            cur = self.db.execute(
                "INSERT INTO stories (id, representative, original, first_published, first_key, attribution, articles) "
                "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (id) DO NOTHING",
                (story_id, rowid, rowid, published, key, attribution),
            )
            if cur.rowcount == 1:
                return int(cur.lastrowid or 0), story_id
            n += 1  # that id is taken (its founder left it after a revision): derive another
            story_id = hashlib.blake2b(f"{article_id}:{n}".encode(), digest_size=8).hexdigest()

    def _join(
        self, best: tuple[int, int, float], rowid: int, sig: Signature, batch: _Unwritten, *, published: str | None,
        key: str | None, attribution: str | None,
    ) -> tuple[int, str, float]:
        matched, sid, containment = best
        # One statement: count the copy, make it the original if it was published earlier, keep the first agency.
        # (The assignments all read the row as it was, so first_key is compared before it changes.)
        earlier = "?5 IS NOT NULL AND (first_key IS NULL OR ?5 < first_key)"
        story_id, representative = self.db.execute(
            "UPDATE stories SET articles = articles + 1, "
            f"original = CASE WHEN {earlier} THEN ?2 ELSE original END, "
            f"first_published = CASE WHEN {earlier} THEN ?1 ELSE first_published END, "
            f"first_key = CASE WHEN {earlier} THEN ?5 ELSE first_key END, "
            "attribution = coalesce(attribution, ?3) WHERE sid = ?4 RETURNING id, representative",
            (published, rowid, attribution or None, sid, key),
        ).fetchone()
        similarity = containment
        if representative != matched:
            for _, _, rep in self._signatures([representative], batch):
                similarity = overlap(sig, rep).containment
        return sid, story_id, similarity

    def _leave(self, rowid: int) -> None:
        old = self.db.execute("SELECT story FROM story_signatures WHERE article = ?", (rowid,)).fetchone()
        if old is None:
            return
        self.db.execute("DELETE FROM story_signatures WHERE article = ?", (rowid,))
        left = self.db.execute(
            "UPDATE stories SET articles = articles - 1 WHERE sid = ? RETURNING id, articles, representative, original",
            (old[0],),
        ).fetchone()
        # Its bucket rows stay: a candidate found through them is checked against current signatures.
        if left is None:
            return
        story_id, count, representative, original = left
        if count <= 0:
            self.db.execute("DELETE FROM stories WHERE sid = ?", (old[0],))
        elif rowid in (representative, original):
            self._stand_in(old[0], story_id, rowid, representative == rowid, original == rowid)

    def _stand_in(self, sid: int, story_id: str, leaving: int, representative: bool, original: bool) -> None:
        """Another copy takes the place of ``leaving`` as the story's representative (the earliest
        stored copy) and/or its original (the earliest published), so the story never points at
        an article that has left it (a revision that is no longer the same story)."""
        members = self.db.execute(
            "SELECT rowid, published, json_extract(data, '$.date_source') FROM articles "
            "WHERE story_id = ? AND rowid != ? ORDER BY rowid",
            (story_id, leaving),
        ).fetchall()
        if not members:
            return
        if representative:
            self.db.execute("UPDATE stories SET representative = ? WHERE sid = ?", (members[0][0], sid))
            self._rescore(members[0][0], [member for member, _, _ in members])
        if original:
            dated = [
                (key, member, published)
                for member, published, source in members
                if (key := order_key(published, is_day_only(published, source))) is not None
            ]
            key, first, published = min(dated) if dated else (None, members[0][0], None)
            self.db.execute(
                "UPDATE stories SET original = ?, first_published = ?, first_key = ? WHERE sid = ?",
                (first, published, key, sid),
            )

    def _rescore(self, representative: int, members: list[int]) -> None:
        """Each of ``members``' similarity to a story's new ``representative``."""
        row = self.db.execute(
            "SELECT shingles, signature FROM story_signatures WHERE article = ?", (representative,)
        ).fetchone()
        if row is None or row[1] is None:
            return
        rep = Signature.from_bytes(row[1], row[0])
        for i in range(0, len(members), RESCORE_CHUNK):
            chunk = members[i : i + RESCORE_CHUNK]
            rows = self.db.execute(
                "SELECT article, shingles, signature FROM story_signatures "
                f"WHERE article IN ({','.join('?' * len(chunk))}) AND signature IS NOT NULL",
                chunk,
            ).fetchall()
            self.db.executemany(
                "UPDATE articles SET story_similarity = ? WHERE rowid = ?",
                [
                    (1.0 if article == representative else
                     round(overlap(rep, Signature.from_bytes(blob, shingles)).containment, 4), article)
                    for article, shingles, blob in rows
                ],
            )

    # -- rebuild ------------------------------------------------------------------

    def rebuild(self, batch: int = 1000, progress: Callable[[int], None] | None = None) -> int:
        """Forget every story and assign all articles again, in storage order; return how many."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.buckets.clear()
            for table in ("story_signatures", "stories"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.execute("UPDATE articles SET story_id = NULL, story_similarity = NULL")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        done, last = 0, 0
        while True:
            rows = self.db.execute(
                "SELECT rowid, id, text, published, json_extract(data, '$.attribution'), "
                "json_extract(data, '$.date_source') FROM articles "
                "WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return done
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.assign_many([
                    StoryInput(rowid, article_id, text, published, attribution, fresh=True,
                               day_only=is_day_only(published, date_source))
                    for rowid, article_id, text, published, attribution, date_source in rows
                ])
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            done += len(rows)
            last = rows[-1][0]
            if progress is not None:
                progress(len(rows))

