"""The embedded store: one SQLite file, WAL mode, FTS5 full-text index.

Tables
    ``articles``      the latest version of each article (one row per id)
    ``revisions``     earlier versions of articles whose text changed
    ``articles_fts``  FTS5 index over title and text (external content, kept in
                      step by triggers), ranked with bm25

The schema version lives in ``PRAGMA user_version`` and is migrated forward on
open.  Writes happen in batches, one transaction each: a process killed at any
moment leaves the last committed batch, and re-ingesting completes the work
(upsert by id; an unchanged article is not written again).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from presscut.article import Article, text_hash
from presscut.errors import QueryError, StoreError
from presscut.store.query import to_fts

#: Columns kept outside the JSON ``data`` blob (searchable, filterable).
_COLUMNS = ("id", "url", "canonical_url", "site_name", "title", "published", "language", "page_type", "text")

#: Schema migrations, applied in order: ``migrations/NNNN_name.sql``; the number is the version.
_MIGRATIONS: tuple[str, ...] = tuple(
    (resources.files("presscut.store") / "migrations" / name).read_text(encoding="utf-8")
    for name in sorted(
        p.name for p in (resources.files("presscut.store") / "migrations").iterdir() if p.name.endswith(".sql")
    )
)
SCHEMA_VERSION = len(_MIGRATIONS)

#: Markers around matched words in snippets.
HIGHLIGHT = ("**", "**")


@dataclass(slots=True)
class SearchResult:
    id: str
    title: str | None
    url: str | None
    site_name: str | None
    published: str | None
    language: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__slots__}


@dataclass(frozen=True, slots=True)
class Filters:
    """Search and export filters; dates are ISO strings compared in UTC."""

    since: str | None = None
    until: str | None = None
    site: str | None = None
    language: str | None = None

    def sql(self, alias: str = "a") -> tuple[str, list[Any]]:
        clauses, params = [], []
        if self.since:
            clauses.append(f"{alias}.published >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.published < ?")
            params.append(self.until)
        if self.site:
            clauses.append(f"{alias}.site_name = ?")
            params.append(self.site)
        if self.language:
            clauses.append(f"{alias}.language = ?")
            params.append(self.language)
        return (" AND ".join(clauses) or "1"), params


class SQLiteStore:
    """Articles in one SQLite file.  Not shared across processes for writing."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open corpus {self.path}: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    # -- schema ---------------------------------------------------------------

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this presscut "
                f"understands ({SCHEMA_VERSION}): upgrade presscut"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in _split_sql(_MIGRATIONS[target - 1]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {target}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # -- writing --------------------------------------------------------------

    def upsert(self, articles: Sequence[Article]) -> list[str]:
        """Store a batch in one transaction.

        Returns, per article, ``new``, ``revision`` (same id, changed text: the
        old version moves to ``revisions``), ``updated`` (same text, changed
        metadata) or ``unchanged``.
        """
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        outcomes: list[str] = []
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for article in articles:
                outcomes.append(self._upsert_one(article, now))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return outcomes

    def _upsert_one(self, article: Article, now: str) -> str:
        if not article.id:
            article.assign_id()
        row = _row(article)
        old = self.db.execute(
            "SELECT text_hash, revision, data, title, text, stored_at FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if old is None:
            self.db.execute(
                f"INSERT INTO articles ({', '.join(row)}, revision, stored_at) "
                f"VALUES ({', '.join('?' * len(row))}, 1, ?)",
                (*row.values(), now),
            )
            return "new"
        old_hash, revision, old_data, old_title, old_text, old_stored = old
        if old_hash == row["text_hash"]:
            if old_data == row["data"] and old_title == row["title"]:
                return "unchanged"
            self._update(row, revision, now)
            return "updated"
        self.db.execute(
            "INSERT OR IGNORE INTO revisions (id, revision, title, text, text_hash, data, stored_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article.id, revision, old_title, old_text, old_hash, old_data, old_stored),
        )
        self._update(row, revision + 1, now)
        return "revision"

    def _update(self, row: dict[str, Any], revision: int, now: str) -> None:
        sets = ", ".join(f"{k} = ?" for k in row if k != "id")
        values = [v for k, v in row.items() if k != "id"]
        self.db.execute(
            f"UPDATE articles SET {sets}, revision = ?, stored_at = ? WHERE id = ?",
            (*values, revision, now, row["id"]),
        )

    # -- reading --------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        row = self.db.execute(
            f"SELECT {', '.join(_COLUMNS)}, data FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _article(row) if row else None

    def revisions(self, article_id: str) -> list[tuple[int, str, Article]]:
        """Earlier versions of an article: (revision, stored_at, article), oldest first."""
        rows = self.db.execute(
            "SELECT revision, stored_at, title, text, data FROM revisions WHERE id = ? ORDER BY revision",
            (article_id,),
        ).fetchall()
        out = []
        for revision, stored_at, title, text, data in rows:
            art = Article.from_dict({**json.loads(data), "id": article_id, "title": title, "text": text})
            out.append((revision, stored_at, art))
        return out

    def revision_of(self, article_id: str) -> int:
        row = self.db.execute("SELECT revision FROM articles WHERE id = ?", (article_id,)).fetchone()
        return int(row[0]) if row else 0

    def search(
        self, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0
    ) -> list[SearchResult]:
        fts = to_fts(query)
        where, params = (filters or Filters()).sql()
        sql = (
            "SELECT a.id, a.title, a.url, a.site_name, a.published, a.language, "
            f"snippet(articles_fts, 1, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '…', 24), "
            "bm25(articles_fts, 4.0, 1.0) AS score "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {where} ORDER BY score LIMIT ? OFFSET ?"
        )
        try:
            rows = self.db.execute(sql, (fts, *params, limit, offset)).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}") from exc
        return [
            SearchResult(
                id=r[0], title=r[1], url=r[2], site_name=r[3], published=r[4], language=r[5], snippet=r[6],
                score=-float(r[7]),
            )
            for r in rows
        ]

    def count(self, query: str | None = None, filters: Filters | None = None) -> int:
        where, params = (filters or Filters()).sql()
        if query is None:
            return int(self.db.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0])
        sql = (
            "SELECT count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {where}"
        )
        try:
            return int(self.db.execute(sql, (to_fts(query), *params)).fetchone()[0])
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}") from exc

    def iter_articles(self, query: str | None = None, filters: Filters | None = None) -> Iterator[Article]:
        """Every matching article, streamed in storage order (constant memory)."""
        where, params = (filters or Filters()).sql()
        cols = ", ".join(f"a.{c}" for c in _COLUMNS)
        if query is None:
            sql = f"SELECT {cols}, a.data FROM articles a WHERE {where} ORDER BY a.rowid"
            args: tuple[Any, ...] = tuple(params)
        else:
            sql = (
                f"SELECT {cols}, a.data FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                f"WHERE articles_fts MATCH ? AND {where} ORDER BY a.rowid"
            )
            args = (to_fts(query), *params)
        # A separate connection, so a long export never blocks or sees half of a write.
        reader = sqlite3.connect(self.path)
        try:
            try:
                cursor = reader.execute(sql, args)
            except sqlite3.OperationalError as exc:
                raise QueryError(f"cannot search for {query!r}: {exc}") from exc
            while rows := cursor.fetchmany(500):
                for row in rows:
                    yield _article(row)
        finally:
            reader.close()

    def counts(self) -> dict[str, Any]:
        """Totals and counts by site, language and month of publication."""

        def grouped(expr: str) -> dict[str, int]:
            rows = self.db.execute(
                f"SELECT coalesce({expr}, 'unknown') AS k, count(*) FROM articles GROUP BY k ORDER BY 2 DESC, 1"
            ).fetchall()
            return {str(k): int(n) for k, n in rows}

        return {
            "articles": self.count(),
            "revisions": int(self.db.execute("SELECT count(*) FROM revisions").fetchone()[0]),
            "by_site": grouped("site_name"),
            "by_language": grouped("language"),
            "by_month": dict(sorted(grouped("substr(published, 1, 7)").items())),
            "by_page_type": grouped("page_type"),
        }


# -- row mapping ----------------------------------------------------------------


def _row(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    for key in _COLUMNS:
        if key != "published":  # kept in the JSON too, with its original UTC offset
            data.pop(key, None)
    return {
        "id": article.id,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "site_name": article.site_name,
        "title": article.title,
        "published": _utc(article.published),
        "language": article.language,
        "page_type": article.page_type,
        "text": article.text,
        "text_hash": text_hash(article.text),
        "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
    }


def _article(row: Sequence[Any]) -> Article:
    values = dict(zip(_COLUMNS, row[: len(_COLUMNS)], strict=True))
    data = json.loads(row[len(_COLUMNS)])
    # ``published`` is kept in the JSON with its original offset; the column is UTC.
    values.pop("published")
    return Article.from_dict({**data, **values})


def _utc(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


def _split_sql(script: str) -> Iterable[str]:
    """Split a migration into statements (triggers contain ';' inside BEGIN...END)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                yield statement.strip()
            statement = ""
    if statement.strip():
        yield statement.strip()
