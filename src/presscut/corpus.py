"""``Corpus``: the Python API over a store, and the ingest pipeline that fills it."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any

from presscut.article import Article
from presscut.config import IngestConfig
from presscut.errors import QueryError
from presscut.export import export as export_articles
from presscut.pipeline import Drop, Pipeline, Reader, RecordStep, Stats, executor_for
from presscut.pipeline.readers import FileReader
from presscut.pipeline.steps import EmptyFilter, ExtractStep, PageTypeFilter
from presscut.pipeline.writers import StoreWriter
from presscut.store import Filters, SearchResult, SQLiteStore

DEFAULT_DB = "presscut.db"


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did: per-step counters and what the store made of it."""

    stats: Stats = field(default_factory=Stats)
    #: ``new``, ``revision``, ``updated`` counts from the store.
    stored: Counter[str] = field(default_factory=Counter)

    @property
    def read(self) -> int:
        return self.stats.forwarded("read")

    @property
    def skipped(self) -> int:
        return sum(self.stats.dropped().values())

    def render(self) -> str:
        stored = ", ".join(f"{k}={v}" for k, v in sorted(self.stored.items())) or "nothing"
        return f"{self.stats.render()}\nstored: {stored}"

    def to_dict(self) -> dict[str, Any]:
        return {"steps": self.stats.to_dict(), "stored": dict(self.stored)}


class _ArticleReader(Reader):
    """Feeds ready-made articles into a pipeline (``Corpus.add``)."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles = articles

    def read(self) -> Iterator[Article | Drop]:
        yield from self.articles


class Corpus:
    """A corpus of clean articles in one SQLite file.

    >>> with Corpus("news.db") as corpus:            # doctest: +SKIP
    ...     corpus.ingest(["pages/"])
    ...     hits = corpus.search("harbour strike")
    """

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, config: IngestConfig | None = None) -> None:
        self.path = Path(path)
        self.config = config or IngestConfig()
        self.store = SQLiteStore(self.path)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- filling --------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        workers: int | None = None,
        progress: bool = False,
    ) -> IngestReport:
        """Read files and folders (``.html``/``.htm`` also gzipped, ``.txt``, ``.jsonl``),
        extract and clean each, and store the articles.  Bad inputs are counted
        skips, never errors."""
        reader = FileReader(paths, self.config.limits)
        steps: list[RecordStep] = [ExtractStep(self.config.extract, self.config.limits)]
        return self._run(reader, steps, workers, progress, total=reader.count_files() if progress else None)

    def add(self, articles: Iterable[Article]) -> IngestReport:
        """Store ready-made articles (from ``extract`` or ``clean_text``)."""
        return self._run(_ArticleReader(articles), [], workers=1, progress=False)

    def _run(
        self,
        reader: Reader,
        steps: list[RecordStep],
        workers: int | None,
        progress: bool,
        total: int | None = None,
    ) -> IngestReport:
        steps = [*steps, EmptyFilter()]
        if not self.config.keep_non_articles:
            steps.append(PageTypeFilter())
        writer = StoreWriter(self.store, self.config.batch_size)
        report = IngestReport()
        bar = _progress_bar(total) if progress else None
        if bar is not None and isinstance(reader, FileReader):
            reader.on_file_done = lambda: bar.update(1)
        try:
            executor_for(workers or self.config.workers).run(Pipeline(reader, steps, writer), report.stats)
        finally:
            if bar is not None:
                bar.close()
        report.stored = writer.outcomes
        return report

    # -- reading --------------------------------------------------------------

    def get(self, article_id: str) -> Article | None:
        return self.store.get(article_id)

    def revisions(self, article_id: str) -> list[tuple[int, str, Article]]:
        """Earlier versions of an article: (revision, stored_at, article), oldest first."""
        return self.store.revisions(article_id)

    def search(
        self,
        query: str,
        *,
        since: str | date | None = None,
        until: str | date | None = None,
        site: str | None = None,
        lang: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchResult]:
        """Full-text search (bm25 over title and text), best first, with highlighted snippets.

        ``since`` and ``until`` take ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an
        ISO datetime; both ends are inclusive.
        """
        if limit < 1:
            raise QueryError("limit must be at least 1")
        return self.store.search(query, _filters(since, until, site, lang), limit=limit, offset=offset)

    def count(self, query: str | None = None, **filters: Any) -> int:
        return self.store.count(query, _filters(**filters))

    def iter_articles(self, query: str | None = None, **filters: Any) -> Iterator[Article]:
        """Every (matching) article, streamed."""
        return self.store.iter_articles(query, _filters(**filters))

    def export(
        self,
        out: str | os.PathLike[str] | IO[str],
        format: str = "jsonl",
        query: str | None = None,
        **filters: Any,
    ) -> int:
        """Stream articles to ``out`` as jsonl, csv or parquet; return how many."""
        target = Path(out) if isinstance(out, (str, os.PathLike)) else out
        return export_articles(self.iter_articles(query, **filters), format, target)

    def stats(self) -> dict[str, Any]:
        """Counts: total, by site, by language, by month of publication, by page type."""
        return self.store.counts()


# -- helpers ----------------------------------------------------------------------

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_bound(value: str | date | None, *, end: bool = False) -> str | None:
    """A user's date to a UTC ISO bound; ``end`` gives the exclusive end of that period."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        return dt.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        value = value.isoformat()
    m = _PARTIAL_DATE.match(value.strip())
    if m:
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        try:
            start = datetime(year, month, day, tzinfo=timezone.utc)
        except ValueError as exc:
            raise QueryError(f"not a date: {value!r} ({exc})") from exc
        if end:
            if m[3]:
                start += timedelta(days=1)
            elif m[2]:
                start = start.replace(year=year + month // 12, month=month % 12 + 1)
            else:
                start = start.replace(year=year + 1)
        return start.isoformat()
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise QueryError(f"not a date: {value!r} (use YYYY-MM-DD)") from exc
    dt = dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
    if end:
        dt += timedelta(microseconds=1)
    return dt.astimezone(timezone.utc).isoformat()


def _filters(
    since: str | date | None = None,
    until: str | date | None = None,
    site: str | None = None,
    lang: str | None = None,
) -> Filters:
    return Filters(date_bound(since), date_bound(until, end=True), site, lang)


def _progress_bar(total: int | None) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="ingest", dynamic_ncols=True, leave=False)
