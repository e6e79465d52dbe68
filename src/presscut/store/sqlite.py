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
import logging
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presscut.article import Article, text_hash
from presscut.errors import QueryError, StoreError
from presscut.store.query import to_fts
from presscut.stories.model import StoryInput
from presscut.stories.order import is_day_only
from presscut.urls import normalize_url, seen_urls, site_of

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from presscut.stories import Story
    from presscut.stories.index import StoryIndex
    from presscut.stories.minhash import Signature

#: Columns kept outside the JSON ``data`` blob (searchable, filterable).
_COLUMNS = ("id", "url", "canonical_url", "site_name", "title", "published", "language", "page_type", "text")

#: Schema migrations, applied in order: ``migrations/NNNN_name.sql``; the number is the version.
def load_migrations(folder: Traversable | Path) -> tuple[str, ...]:
    """The migration scripts in order; file ``NNNN_name.sql`` takes the schema to version NNNN,
    so the numbers must run 1, 2, 3, ... without a gap or a repeat."""
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".sql"))
    for expected, name in enumerate(names, start=1):
        number = name.partition("_")[0]
        if not number.isdigit() or int(number) != expected:
            raise RuntimeError(f"store migrations are misnumbered: {name} should be number {expected}")
    return tuple((folder / name).read_text(encoding="utf-8") for name in names)


#: What the write-ahead log is truncated to after a checkpoint (SQLite keeps it at its largest otherwise).
WAL_LIMIT_BYTES = 64 * 1024 * 1024

_MIGRATIONS = load_migrations(resources.files("presscut.store") / "migrations")
SCHEMA_VERSION = len(_MIGRATIONS)

#: Markers around matched words in snippets: private-use characters, so they can never be
#: confused with an article's own text (``**`` or ``[`` may appear in it).  Readers get
#: them turned into something visible by :meth:`SearchResult.highlighted`.
HIGHLIGHT = ("\ue000", "\ue001")

#: Matching articles joined to the narrow index of the columns searches filter, count and group on
#: (migration 0007), so thousands of matches never read the wide article rows.
_MATCHES = "articles_fts JOIN articles a INDEXED BY articles_facets ON a.rowid = articles_fts.rowid"
#: The most rowids looked up with one ``IN (...)`` list (SQLite allows 32,766 parameters).
_IN_LIST = 4000
#: Grouping hits by story reads this many best matches per story wanted (at least ``_FIRST_READ``),
#: four times more each time that was not enough.
_READ_AHEAD = 8
_FIRST_READ = 200


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

    def highlighted(self, start: str = "**", end: str = "**") -> str:
        """The snippet with matched words between ``start`` and ``end`` (stray markers dropped)."""
        return mark_snippet(self.snippet, lambda part: part, start, end)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; the snippet with matched words in ``**`` (as :meth:`highlighted`)."""
        return {f: self.highlighted() if f == "snippet" else getattr(self, f) for f in self.__slots__}


def mark_snippet(snippet: str, escape: Callable[[str], str], start: str, end: str) -> str:
    """Each stretch of ``snippet`` through ``escape``; matched words between ``start`` and ``end``.

    Only complete marker pairs become marks, so markers an article happens to
    contain can neither open a mark that never closes nor inject anything.
    """
    out = []
    for i, part in enumerate(_MARKED.split(snippet)):
        text = escape(part.replace(HIGHLIGHT[0], "").replace(HIGHLIGHT[1], ""))
        out.append(f"{start}{text}{end}" if i % 2 else text)
    return "".join(out)


_MARKED = re.compile(f"{HIGHLIGHT[0]}([^{HIGHLIGHT[0]}{HIGHLIGHT[1]}]*){HIGHLIGHT[1]}")


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
        self._rebuild_stories_if_due()

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
        # Read pages through a memory map (up to SQLite's 2 GB cap) rather than a read() call per page: a story
        # lookup reads ~64 scattered bucket pages, which miss the page cache once the corpus is large.
        db.execute("PRAGMA mmap_size=2147418112")
        # A large bucket move can grow the write-ahead log to ~1 GB; truncate it back after checkpoints.
        db.execute(f"PRAGMA journal_size_limit={WAL_LIMIT_BYTES}")
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

    def _rebuild_stories_if_due(self) -> None:
        """Assign every article to stories again when a migration said so (its stored signatures are of an
        older kind); the mark goes once that is done, so a run cut short starts again at the next open."""
        due = self.db.execute("SELECT reason FROM story_rebuild LIMIT 1").fetchone()
        if due is None:
            return
        count = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        log.warning("%s: story %s changed in this presscut; assigning its %d articles to stories again (once)",
                    self.path, due[0], count)
        self.stories.rebuild()
        self.db.execute("DELETE FROM story_rebuild")

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
        pending: list[tuple[Article, StoryInput]] = []  # assigned to stories together, after the batch's rows
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for i, article in enumerate(articles):
                outcomes.append(self._upsert_one(article, now, signatures[i] if signatures else None, pending))
            if pending:
                done = self.stories.assign_many([item for _, item in pending])
                story_of = {}
                for (article, _), assignment in zip(pending, done, strict=True):
                    article.story_id = story_of[article.id] = assignment.story_id
                for article, outcome in zip(articles, outcomes, strict=True):
                    if outcome == "duplicate" and article.story_id is None:  # of an article of this batch
                        article.story_id = story_of.get(article.id)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return outcomes

    def _upsert_one(
        self, article: Article, now: str, signature: Signature | None, pending: list[tuple[Article, StoryInput]]
    ) -> str:
        if not article.id:
            article.assign_id()
        self._name_site(article)
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
            pending.append((article, _story_input(int(cur.lastrowid or 0), article, row, signature, fresh=True)))
            return "new"
        old_hash, revision, old_data, old_title, old_text, old_stored, rowid = old
        article.urls = seen_urls(*json.loads(old_data).get("urls", []), *article.urls)
        self._record_urls(article.id, article.urls)
        row = _row(article)
        if old_hash == row["text_hash"]:
            # (the same fields written by SQLite's json_set are the same article: compared as JSON)
            same = old_data == row["data"] or json.loads(old_data) == json.loads(row["data"])
            if same and old_title == row["title"]:
                return "unchanged"
            self._update(row, revision, now)
            return "updated"
        self.db.execute(
            "INSERT OR IGNORE INTO revisions (id, revision, title, text, text_hash, data, stored_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article.id, revision, old_title, old_text, old_hash, old_data, old_stored),
        )
        self._update(row, revision + 1, now)
        pending.append((article, _story_input(rowid, article, row, signature)))
        return "revision"

    def _name_site(self, article: Article) -> None:
        """One name per site: an article named only by its host ("harbour.example") takes the name
        another page of that host declared ("The Harbour Gazette"); the first name a host declares is
        remembered, and given to the host-named articles already stored (evidence "site")."""
        host = site_of(article.url or article.canonical_url)
        if not host:
            return
        if article.site_name and article.site_name != host:
            added = self.db.execute(
                "INSERT OR IGNORE INTO site_names (host, name) VALUES (?, ?)", (host, article.site_name)
            ).rowcount
            if added:
                self.db.execute(
                    "UPDATE articles SET site_name = ?, data = json_set(data, '$.evidence.site_name', 'site') "
                    "WHERE site_name = ?",
                    (article.site_name, host),
                )
            return
        row = self.db.execute("SELECT name FROM site_names WHERE host = ?", (host,)).fetchone()
        if row is not None:
            article.site_name = row[0]
            article.evidence["site_name"] = "site"

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
        """Best matches first; with ``stories``, one hit per story (its best-ranked copy) and its ``copies``.

        Two steps, so that the costly parts run for one page only: the matches are
        ranked by bm25 reading nothing but the FTS index (and :data:`_MATCHES`'s
        small index when a filter or the story is needed), then the page's rows
        and snippets are read.  Ties are broken by storage order.
        """
        fts = to_fts(query)
        filters = filters or Filters()
        try:
            if stories:
                ranked, copies = self._rank_stories(fts, filters, limit, offset)
            else:
                ranked, copies = [(rid, score) for rid, score, _ in self._rank(fts, filters, offset + limit)], {}
                ranked = ranked[offset:]
            rows = self._hit_rows(fts, [rid for rid, _ in ranked])
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}") from exc
        return [
            SearchResult(
                id=r[0], title=r[1], url=r[2], site_name=r[3], published=r[4], language=r[5], snippet=r[6],
                score=-float(score), story_id=r[7], copies=copies.get(r[7], 1),
            )
            for rid, score in ranked
            if (r := rows.get(rid)) is not None
        ]

    def _rank(self, fts: str, filters: Filters, k: int, story: bool = False) -> list[tuple[int, float, Any]]:
        """The ``k`` best (rowid, bm25 score, story key) of a match; the key only with ``story``."""
        where, params = filters.sql()
        if where == "1" and not (story and k > _IN_LIST):
            ranked = self.db.execute(
                "SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts "
                "WHERE articles_fts MATCH ? ORDER BY score, rowid LIMIT ?",
                (fts, k),
            ).fetchall()
            keys: dict[int, Any] = {}
            if story and ranked:
                keys = dict(self.db.execute(
                    "SELECT rowid, coalesce(story_id, rowid) FROM articles INDEXED BY articles_facets "
                    f"WHERE rowid IN ({', '.join('?' * len(ranked))})",
                    [rid for rid, _ in ranked],
                ).fetchall())
            return [(rid, score, keys.get(rid)) for rid, score in ranked]
        return self.db.execute(
            "SELECT a.rowid, bm25(articles_fts, 4.0, 1.0) AS score, coalesce(a.story_id, a.rowid) "
            f"FROM {_MATCHES} WHERE articles_fts MATCH ? AND {where} ORDER BY score, a.rowid LIMIT ?",
            (fts, *params, k),
        ).fetchall()

    def _rank_stories(
        self, fts: str, filters: Filters, limit: int, offset: int
    ) -> tuple[list[tuple[int, float]], dict[str, int]]:
        """The page of stories ranked by their best copy: (rowid, score) of that copy, and the
        matching copies of each story on the page.

        The best-ranked matches are read until they hold enough distinct stories (eight
        matches per story wanted at first: copies of one story rank close together), so
        a common word's thousands of matches are ranked inside FTS5 and never grouped.
        """
        need = offset + limit
        k = max(_READ_AHEAD * need, _FIRST_READ)
        while True:
            ranked = self._rank(fts, filters, k, story=True)
            best: dict[Any, tuple[int, float]] = {}
            for rid, score, key in ranked:
                best.setdefault(key, (rid, score))  # in rank order: the first copy seen is the best
            if len(best) >= need or len(ranked) < k:
                break
            k *= 4
        page = list(best.items())[offset:need]
        story_ids = [key for key, _ in page if isinstance(key, str)]
        copies: dict[str, int] = {}
        if story_ids:
            where, params = filters.sql()
            copies = dict(self.db.execute(
                f"SELECT a.story_id, count(*) FROM {_MATCHES} WHERE articles_fts MATCH ? AND {where} "
                "AND articles_fts.rowid IN (SELECT rowid FROM articles INDEXED BY articles_story "
                f"WHERE story_id IN ({', '.join('?' * len(story_ids))})) GROUP BY a.story_id",
                (fts, *params, *story_ids),
            ).fetchall())
        return [hit for _, hit in page], copies

    def _hit_rows(self, fts: str, rowids: list[int]) -> dict[int, tuple[Any, ...]]:
        """What a hit shows, snippet included, for the given matching rows."""
        if not rowids:
            return {}
        rows = self.db.execute(
            "SELECT a.rowid, a.id, a.title, coalesce(a.url, a.canonical_url), a.site_name, a.published, a.language, "
            f"snippet(articles_fts, 1, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '…', 24), a.story_id "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({', '.join('?' * len(rowids))})",
            (fts, *rowids),
        ).fetchall()
        return {r[0]: r[1:] for r in rows}

    def count(self, query: str | None = None, filters: Filters | None = None, stories: bool = False) -> int:
        """Matching articles, or with ``stories`` the distinct stories among them."""
        where, params = (filters or Filters()).sql()
        # An article without a story is a story of its own: its rowid keeps it distinct (and is in the index).
        what = "count(DISTINCT coalesce(a.story_id, a.rowid))" if stories else "count(*)"
        if query is None:
            return int(self.db.execute(f"SELECT {what} FROM articles a WHERE {where}", params).fetchone()[0])
        if where == "1" and not stories:  # the FTS index alone knows
            sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
        else:
            sql = f"SELECT {what} FROM {_MATCHES} WHERE articles_fts MATCH ? AND {where}"
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
        # Not tied to its thread: a web server streams an export from a pool of threads, one at a time.
        reader = sqlite3.connect(self.path, check_same_thread=False)
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
            "SELECT rowid, id, title, site_name, published, coalesce(url, canonical_url), "
            "json_extract(data, '$.attribution'), "
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

    def story_counts(
        self, period: str = "month", filters: Filters | None = None, query: str | None = None
    ) -> dict[str, dict[str, int]]:
        """Articles and distinct stories per ``month``, ``week`` (``YYYY-Www``, weeks from Monday) or ``day``;
        with ``query``, only the articles matching that search."""
        keys = {
            "month": "substr(a.published, 1, 7)",
            "day": "substr(a.published, 1, 10)",
            "week": "strftime('%Y-W%W', substr(a.published, 1, 19))",
        }
        if period not in keys:
            raise QueryError(f"period must be one of {', '.join(keys)}, not {period!r}")
        where, params = (filters or Filters()).sql()
        source, args = "articles a", tuple(params)
        if query is not None:
            source = _MATCHES
            where, args = f"articles_fts MATCH ? AND {where}", (to_fts(query), *params)
        try:
            rows = self.db.execute(
                f"SELECT coalesce({keys[period]}, 'unknown') AS k, count(*), "
                f"count(DISTINCT coalesce(a.story_id, a.rowid)) FROM {source} WHERE {where} GROUP BY k ORDER BY k",
                args,
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}") from exc
        return {str(k): {"articles": int(n), "stories": int(s)} for k, n, s in rows}

    def site_health(self, short: int = 200) -> list[dict[str, Any]]:
        """Per site, most articles first: articles, stories, and the extraction health counts
        (``empty`` bodies, ``short`` ones under ``short`` characters, ``no_date``, ``no_title``,
        ``not_article`` pages) in one pass over the table.  ``site`` is None for articles without one."""
        rows = self.db.execute(
            "SELECT site_name, count(*), count(DISTINCT coalesce(story_id, rowid)), "
            "sum(chars = 0), sum(chars < ?), sum(published IS NULL), "
            "sum(coalesce(trim(title), '') = ''), sum(coalesce(page_type, 'article') != 'article'), "
            "min(published), max(published) FROM articles INDEXED BY articles_health "
            "GROUP BY site_name ORDER BY 2 DESC, 1",
            (short,),
        ).fetchall()
        names = ("site", "articles", "stories", "empty", "short", "no_date", "no_title", "not_article",
                 "first_published", "last_published")
        return [dict(zip(names, row, strict=True)) for row in rows]


# -- row mapping ----------------------------------------------------------------


def _story_input(
    rowid: int, article: Article, row: dict[str, Any], signature: Signature | None, fresh: bool = False
) -> StoryInput:
    return StoryInput(
        rowid, article.id, article.text, row["published"], article.attribution, signature, fresh,
        is_day_only(row["published"], article.date_source),
    )


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
        "chars": len(article.text),
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
