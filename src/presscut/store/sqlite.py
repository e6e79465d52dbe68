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
from typing import TYPE_CHECKING, Any

from presscut.article import Article, text_hash
from presscut.errors import QueryError, StoreError
from presscut.store.query import to_fts
from presscut.stories.order import is_day_only
from presscut.urls import normalize_url, seen_urls, site_of

if TYPE_CHECKING:
    from presscut.stories import Story
    from presscut.stories.index import StoryIndex
    from presscut.stories.minhash import Signature

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
    story_id: str | None = None
    #: With ``stories=True``: how many matching articles of this story the hit stands for.
    copies: int = 1

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
            self.db = self.connect()
            self.db.execute("PRAGMA journal_mode=WAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open corpus {self.path}: {exc}") from exc
        self._story_index: StoryIndex | None = None

    def connect(self) -> sqlite3.Connection:
        """A new autocommit connection to this corpus file.

        Side tables written from other threads (fetch and watch state) use their
        own connection, so their writes never land inside the writer's batch
        transaction; SQLite's lock (with a 10 s busy timeout) orders the two.
        """
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA busy_timeout=10000")
        db.execute("PRAGMA cache_size=-65536")  # 64 MB of page cache: story buckets are random-access
        return db

    @property
    def stories(self) -> StoryIndex:
        """Story assignment (numpy loads on first use)."""
        if self._story_index is None:
            from presscut.stories.index import StoryIndex

            self._story_index = StoryIndex(self.db)
        return self._story_index

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

    def upsert(self, articles: Sequence[Article], signatures: Sequence[Signature | None] | None = None) -> list[str]:
        """Store a batch in one transaction.

        Returns, per article, ``new``, ``revision`` (same id, changed text: the
        old version moves to ``revisions``), ``updated`` (same text, changed
        metadata), ``unchanged``, or ``duplicate`` (another URL of an article
        stored with the same text: the URL is added to that article's ``urls``).
        A new or revised article is assigned to a story; ``signatures``, when
        given, are the articles' precomputed story signatures (else computed here).
        """
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        outcomes: list[str] = []
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for i, article in enumerate(articles):
                outcomes.append(self._upsert_one(article, now, signatures[i] if signatures else None))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return outcomes

    def _upsert_one(self, article: Article, now: str, signature: Signature | None = None) -> str:
        if not article.id:
            article.assign_id()
        article.urls = seen_urls(*article.urls, article.url, article.canonical_url)
        select = "SELECT text_hash, revision, data, title, text, stored_at, rowid FROM articles WHERE id = ?"
        old = self.db.execute(select, (article.id,)).fetchone()
        if old is None:
            digest = text_hash(article.text)
            same_text = self.db.execute(
                "SELECT id, data, story_id FROM articles WHERE text_hash = ? ORDER BY rowid LIMIT 1", (digest,)
            ).fetchone()
            if same_text is not None:
                self._add_urls(same_text[0], same_text[1], article.urls)
                article.id, article.story_id = same_text[0], same_text[2]  # that article, seen at another URL
                return "duplicate"
            alias = self._seen_at(article.urls)
            if alias is not None:  # a URL already known for another article: a later visit of it
                article.id = alias
                old = self.db.execute(select, (article.id,)).fetchone()
        if old is None:
            row = _row(article)
            cur = self.db.execute(
                f"INSERT INTO articles ({', '.join(row)}, revision, stored_at) "
                f"VALUES ({', '.join('?' * len(row))}, 1, ?)",
                (*row.values(), now),
            )
            self._record_urls(article.id, article.urls)
            self._assign_story(int(cur.lastrowid or 0), article, row, signature, fresh=True)
            return "new"
        old_hash, revision, old_data, old_title, old_text, old_stored, rowid = old
        article.urls = seen_urls(*json.loads(old_data).get("urls", []), *article.urls)
        self._record_urls(article.id, article.urls)
        row = _row(article)
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
        self._assign_story(rowid, article, row, signature)
        return "revision"

    def _assign_story(
        self, rowid: int, article: Article, row: dict[str, Any], signature: Signature | None, fresh: bool = False
    ) -> None:
        article.story_id = self.stories.assign(
            rowid, article.id, article.text, published=row["published"], attribution=article.attribution,
            signature=signature, fresh=fresh, day_only=is_day_only(row["published"], article.date_source),
        ).story_id

    def _seen_at(self, urls: Sequence[str]) -> str | None:
        """The stored article of the same site already seen at one of ``urls`` (another site's
        copy that once had the same text is not that article once its text differs)."""
        for url in urls:
            hit = self.db.execute(
                "SELECT u.id, a.url FROM article_urls u JOIN articles a ON a.id = u.id WHERE u.url = ?",
                (normalize_url(url),),
            ).fetchone()
            if hit is not None and site_of(hit[1]) == site_of(url):
                return str(hit[0])
        return None

    def _record_urls(self, article_id: str, urls: Sequence[str]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO article_urls (url, id) VALUES (?, ?)",
            [(normalize_url(u), article_id) for u in urls],
        )

    def _add_urls(self, article_id: str, data: str, urls: Sequence[str]) -> None:
        """Another URL of a stored article (same text): remember it, and list it in ``urls``."""
        stored = json.loads(data)
        merged = seen_urls(*stored.get("urls", []), *urls)
        if merged != stored.get("urls"):
            stored["urls"] = merged
            self.db.execute(
                "UPDATE articles SET data = ? WHERE id = ?",
                (json.dumps(stored, ensure_ascii=False, sort_keys=True), article_id),
            )
        self._record_urls(article_id, merged)

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
            f"SELECT {', '.join(_COLUMNS)}, data, story_id FROM articles WHERE id = ?", (article_id,)
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
        self, query: str, filters: Filters | None = None, limit: int = 20, offset: int = 0, stories: bool = False
    ) -> list[SearchResult]:
        """Best matches first; with ``stories``, one hit per story (its best-ranked copy) and its ``copies``."""
        fts = to_fts(query)
        where, params = (filters or Filters()).sql()
        sql = (
            "SELECT a.id, a.title, coalesce(a.url, a.canonical_url), a.site_name, a.published, a.language, "
            f"snippet(articles_fts, 1, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '…', 24), "
            "bm25(articles_fts, 4.0, 1.0) AS score, a.story_id, 1 "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND {where} ORDER BY score LIMIT ? OFFSET ?"
        )
        if stories:  # rank copies of one story on the scores computed inside (bm25 needs the FTS context)
            sql = (
                "SELECT id, title, url, site_name, published, language, snip, score, story_id, copies FROM ("
                "SELECT *, row_number() OVER (PARTITION BY story ORDER BY score, rid) AS rank, "
                "count(*) OVER (PARTITION BY story) AS copies FROM ("
                "SELECT a.rowid AS rid, a.id, a.title, coalesce(a.url, a.canonical_url) AS url, a.site_name, "
                "a.published, a.language, "
                f"snippet(articles_fts, 1, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '…', 24) AS snip, "
                "bm25(articles_fts, 4.0, 1.0) AS score, a.story_id, coalesce(a.story_id, a.id) AS story "
                "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                f"WHERE articles_fts MATCH ? AND {where})) WHERE rank = 1 ORDER BY score LIMIT ? OFFSET ?"
            )
        try:
            rows = self.db.execute(sql, (fts, *params, limit, offset)).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}") from exc
        return [
            SearchResult(
                id=r[0], title=r[1], url=r[2], site_name=r[3], published=r[4], language=r[5], snippet=r[6],
                score=-float(r[7]), story_id=r[8], copies=int(r[9]),
            )
            for r in rows
        ]

    def count(self, query: str | None = None, filters: Filters | None = None, stories: bool = False) -> int:
        """Matching articles, or with ``stories`` the distinct stories among them."""
        where, params = (filters or Filters()).sql()
        what = "count(DISTINCT coalesce(a.story_id, a.id))" if stories else "count(*)"
        if query is None:
            return int(self.db.execute(f"SELECT {what} FROM articles a WHERE {where}", params).fetchone()[0])
        sql = (
            f"SELECT {what} FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
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
            sql = f"SELECT {cols}, a.data, a.story_id FROM articles a WHERE {where} ORDER BY a.rowid"
            args: tuple[Any, ...] = tuple(params)
        else:
            sql = (
                f"SELECT {cols}, a.data, a.story_id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
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
            "stories": self.count(stories=True),
            "revisions": int(self.db.execute("SELECT count(*) FROM revisions").fetchone()[0]),
            "by_site": grouped("site_name"),
            "by_language": grouped("language"),
            "by_month": dict(sorted(grouped("substr(published, 1, 7)").items())),
            "by_page_type": grouped("page_type"),
        }


    # -- stories --------------------------------------------------------------

    def story(self, story_id: str) -> Story | None:
        """A story and its copies (earliest first); an article id gives that article's story."""
        from presscut.stories import Story, StoryCopy

        head = self.db.execute(
            "SELECT s.id, o.id, s.first_published, s.attribution, s.representative, s.original FROM stories s "
            "LEFT JOIN articles o ON o.rowid = s.original WHERE s.id = ?",
            (story_id,),
        ).fetchone()
        if head is None:
            row = self.db.execute("SELECT story_id FROM articles WHERE id = ?", (story_id,)).fetchone()
            if row is None or row[0] is None or row[0] == story_id:
                return None
            return self.story(row[0])
        sid, original_id, first_published, attribution, representative, original = head
        rows = self.db.execute(
            "SELECT rowid, id, title, site_name, published, url, json_extract(data, '$.attribution'), "
            "story_similarity, json_extract(data, '$.date_source') FROM articles WHERE story_id = ? "
            "ORDER BY published IS NULL, published, rowid",
            (sid,),
        ).fetchall()
        copies = [
            StoryCopy(
                id=r[1], title=r[2], site_name=r[3], published=r[4], url=r[5], attribution=r[6], similarity=r[7],
                original=r[0] == original, representative=r[0] == representative, day_only=is_day_only(r[4], r[8]),
            )
            for r in rows
        ]
        return Story(sid, original_id, first_published, attribution, copies)

    def story_counts(self, period: str = "month", filters: Filters | None = None) -> dict[str, dict[str, int]]:
        """Articles and distinct stories per ``month``, ``week`` (``YYYY-Www``, weeks from Monday) or ``day``."""
        keys = {
            "month": "substr(a.published, 1, 7)",
            "day": "substr(a.published, 1, 10)",
            "week": "strftime('%Y-W%W', substr(a.published, 1, 19))",
        }
        if period not in keys:
            raise QueryError(f"period must be one of {', '.join(keys)}, not {period!r}")
        where, params = (filters or Filters()).sql()
        rows = self.db.execute(
            f"SELECT coalesce({keys[period]}, 'unknown') AS k, count(*), "
            f"count(DISTINCT coalesce(a.story_id, a.id)) FROM articles a WHERE {where} GROUP BY k ORDER BY k",
            params,
        ).fetchall()
        return {str(k): {"articles": int(n), "stories": int(s)} for k, n, s in rows}


# -- row mapping ----------------------------------------------------------------


def _row(article: Article) -> dict[str, Any]:
    data = article.to_dict()
    for key in (*_COLUMNS, "story_id"):  # story_id is a column, set by story assignment
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
    if len(row) > len(_COLUMNS) + 1:
        values["story_id"] = row[len(_COLUMNS) + 1]
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
