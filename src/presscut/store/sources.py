"""State of fetching and watching, in the corpus file (tables of migration 0003).

* ``http_validators``: ETag and Last-Modified per URL, so a refetch is a
  conditional request;
* ``watch_sources``: per watched source, its kind, discovered feeds and last poll;
* ``watch_items``: every feed or sitemap item already handled, so a restarted
  ``presscut watch`` fetches only new ones.

Uses a connection of its own to the corpus file
(:meth:`~presscut.store.sqlite.SQLiteStore.connect`), so its writes are never
part of the batch writer's transaction.  Every write is one autocommit
statement, taken under a lock, so several fetch threads can share it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from presscut.urls import normalize_url


@dataclass(frozen=True, slots=True)
class SourceRow:
    url: str
    kind: str | None
    feed_urls: list[str]
    last_poll: str | None
    last_error: str | None
    items: int


class SourceState:
    """Reads and writes the fetch and watch tables."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._lock = threading.Lock()

    # -- validators -----------------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(etag, last_modified) from the last fetch of ``url``."""
        with self._lock:
            row = self.db.execute(
                "SELECT etag, last_modified FROM http_validators WHERE url = ?", (url,)
            ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_validators(self, url: str, etag: str | None, last_modified: str | None, status: int) -> None:
        with self._lock:
            self.db.execute(
                "INSERT INTO http_validators (url, etag, last_modified, status, fetched_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET etag = coalesce(excluded.etag, etag), "
                "last_modified = coalesce(excluded.last_modified, last_modified), "
                "status = excluded.status, fetched_at = excluded.fetched_at",
                (url, etag, last_modified, status, _now()),
            )

    # -- watched sources --------------------------------------------------------------

    def source(self, url: str) -> SourceRow | None:
        with self._lock:
            row = self.db.execute(
                "SELECT url, kind, feed_urls, last_poll, last_error, items FROM watch_sources WHERE url = ?", (url,)
            ).fetchone()
        if row is None:
            return None
        return SourceRow(row[0], row[1], json.loads(row[2]) if row[2] else [], row[3], row[4], int(row[5]))

    def sources(self) -> list[SourceRow]:
        with self._lock:
            urls = [r[0] for r in self.db.execute("SELECT url FROM watch_sources ORDER BY url")]
        return [s for s in (self.source(u) for u in urls) if s is not None]

    def save_source(
        self, url: str, *, kind: str | None, feed_urls: list[str] | None = None, error: str | None = None,
        new_items: int = 0,
    ) -> None:
        with self._lock:
            self.db.execute(
                "INSERT INTO watch_sources (url, kind, feed_urls, last_poll, last_error, items) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET kind = coalesce(excluded.kind, kind), "
                "feed_urls = coalesce(excluded.feed_urls, feed_urls), last_poll = excluded.last_poll, "
                "last_error = excluded.last_error, items = items + excluded.items",
                (url, kind, json.dumps(feed_urls) if feed_urls is not None else None, _now(), error, new_items),
            )

    # -- items ------------------------------------------------------------------------

    def unseen(self, urls: Iterable[str]) -> list[str]:
        """Those of ``urls`` not handled before (by normalised URL), in order, without repeats."""
        out: list[str] = []
        keys: set[str] = set()
        with self._lock:
            for url in urls:
                key = normalize_url(url)
                if key in keys:
                    continue
                keys.add(key)
                if self.db.execute("SELECT 1 FROM watch_items WHERE url = ?", (key,)).fetchone() is None:
                    out.append(url)
        return out

    def mark_seen(self, url: str, source: str, outcome: str) -> None:
        with self._lock:
            self.db.execute(
                "INSERT INTO watch_items (url, source, first_seen, outcome) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET outcome = excluded.outcome",
                (normalize_url(url), source, _now(), outcome),
            )

    def seen_count(self) -> int:
        with self._lock:
            return int(self.db.execute("SELECT count(*) FROM watch_items").fetchone()[0])


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
