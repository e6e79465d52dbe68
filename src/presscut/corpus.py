"""``Corpus``: the Python API over a store, and the ingest pipeline that fills it."""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any

from presscut.article import Article
from presscut.config import (
    DEFAULT_DB,
    FURNITURE_MIN_DOCS,
    FURNITURE_MIN_SHARE,
    ExtractConfig,
    FetchConfig,
    IngestConfig,
)
from presscut.errors import QueryError, StoreError
from presscut.export import export as export_articles
from presscut.pipeline import Drop, Pipeline, Reader, RecordStep, Stats, executor_for
from presscut.pipeline.readers import FileReader
from presscut.pipeline.steps import EmptyFilter, ExtractStep, PageTypeFilter, SignStep
from presscut.pipeline.writers import StoreWriter
from presscut.store import Filters, SearchResult, SQLiteStore
from presscut.stories.model import Story


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

    def __init__(
        self, path: str | os.PathLike[str] = DEFAULT_DB, config: IngestConfig | None = None, *, create: bool = True
    ) -> None:
        """Open the corpus at ``path``; a missing file is created, unless ``create`` is False."""
        self.path = Path(path)
        self.config = config or IngestConfig()
        if not create and not self.path.exists():
            raise StoreError(f"no corpus at {self.path}: build one with 'presscut ingest' (or 'presscut demo'), "
                             "or name another with --db")
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
        on_file_done: Callable[[], None] | None = None,
    ) -> IngestReport:
        """Read files and folders (``.html``/``.htm`` also gzipped, ``.txt``, ``.jsonl``),
        extract and clean each, and store the articles.  Bad inputs are counted
        skips, never errors.  ``on_file_done`` is called as each input file is finished."""
        reader = FileReader(paths, self.config.limits)
        if on_file_done is not None:
            reader.on_file_done = on_file_done
        steps: list[RecordStep] = [ExtractStep(self._extract_config(), self.config.limits)]
        return self._run(reader, steps, workers, progress, total=reader.count_files() if progress else None)

    def fetch(
        self, urls: Iterable[str], *, fetch: FetchConfig | None = None, workers: int | None = None
    ) -> IngestReport:
        """Fetch live pages (politely and safely, see :mod:`presscut.sources.http`) into the corpus.

        A page fetched before is requested conditionally; unchanged, it is a
        ``not-modified`` skip.  Refused, disallowed or failed URLs are counted skips.
        """
        from presscut.sources.fetch import FetchReader, Target
        from presscut.sources.http import Fetcher
        from presscut.store.sources import SourceState

        with Fetcher(fetch) as fetcher, closing(self.store.connect()) as db:
            reader = FetchReader([Target(u) for u in dict.fromkeys(urls)], fetcher, SourceState(db))
            steps: list[RecordStep] = [ExtractStep(self._extract_config(), self.config.limits)]
            return self._run(reader, steps, workers, progress=False)

    def poll(
        self, sources: Iterable[str], *, fetch: FetchConfig | None = None, workers: int | None = None
    ) -> IngestReport:
        """One poll of feeds, sitemaps and sites: fetch the items not seen before (``presscut watch --once``)."""
        from presscut.sources.http import Fetcher
        from presscut.sources.watch import poll
        from presscut.store.sources import SourceState

        report = IngestReport()
        steps: list[RecordStep] = [ExtractStep(self._extract_config(), self.config.limits)]

        def run(reader: Reader, stats: Stats) -> None:
            done = self._run(reader, steps, workers, progress=False, stats=stats)
            report.stored = done.stored

        with Fetcher(fetch) as fetcher, closing(self.store.connect()) as db:
            report.stats = poll(sources, fetcher, SourceState(db), run)
        return report

    def watch(
        self,
        sources: Iterable[str],
        *,
        every: float = 900.0,
        once: bool = False,
        fetch: FetchConfig | None = None,
        workers: int | None = None,
        on_poll: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Poll ``sources`` every ``every`` seconds (once with ``once``); return the last poll's report."""
        sources = list(sources)
        while True:
            started = time.monotonic()
            report = self.poll(sources, fetch=fetch, workers=workers)
            if on_poll is not None:
                on_poll(report)
            if once:
                return report
            time.sleep(max(0.0, every - (time.monotonic() - started)))

    def learn_furniture(self, min_docs: int | None = None, min_share: float | None = None) -> dict[str, int]:
        """Learn the lines each site repeats across many of its documents (site furniture),
        store them, and return lines learned per site; later ingests remove them
        (see :mod:`presscut.clean.furniture`)."""
        from presscut.clean.furniture import article_site, document_lines, learn_furniture
        from presscut.store.furniture import save_furniture

        docs: Counter[str] = Counter()

        def documents() -> Iterator[tuple[str | None, Iterator[str]]]:
            for article in self.store.iter_articles():
                site = article_site(article)
                if site is not None:
                    docs[site] += 1
                yield site, document_lines(article)

        learned = learn_furniture(
            documents(),
            FURNITURE_MIN_DOCS if min_docs is None else min_docs,
            FURNITURE_MIN_SHARE if min_share is None else min_share,
        )
        save_furniture(self.store, learned, docs)
        return {site: len(keys) for site, keys in sorted(learned.items())}

    def _extract_config(self) -> ExtractConfig:
        """The extract options, with the site furniture learned in this corpus unless given."""
        from presscut.store.furniture import load_furniture

        config = self.config.extract
        if config.furniture:
            return config
        learned = load_furniture(self.store)
        return replace(config, furniture=learned) if learned else config

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
        *,
        stats: Stats | None = None,
    ) -> IngestReport:
        steps = [*steps, EmptyFilter()]
        if not self.config.keep_non_articles:
            steps.append(PageTypeFilter())
        steps.append(SignStep(self.store.stories.config))  # story signatures where extraction runs
        writer = StoreWriter(self.store, self.config.batch_size)
        report = IngestReport(stats if stats is not None else Stats())
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
        stories: bool = False,
    ) -> list[SearchResult]:
        """Full-text search (bm25 over title and text), best first, with highlighted snippets.

        ``since`` and ``until`` take ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or an
        ISO datetime; both ends are inclusive.  ``stories=True`` collapses the
        copies of one story into its best-ranked hit (``SearchResult.copies``).
        """
        if limit < 1:
            raise QueryError("limit must be at least 1")
        return self.store.search(
            query, _filters(since, until, site, lang), limit=limit, offset=offset, stories=stories
        )

    def count(self, query: str | None = None, *, stories: bool = False, **filters: Any) -> int:
        """Matching articles, or with ``stories=True`` the distinct stories among them."""
        return self.store.count(query, _filters(**filters), stories=stories)

    # -- stories --------------------------------------------------------------

    def story(self, story_id: str) -> Story | None:
        """A story with all its copies (outlet, date, headline, similarity), or None.

        An article's id gives the story that article belongs to.
        """
        return self.store.story(story_id)

    def story_counts(
        self, period: str = "month", query: str | None = None, **filters: Any
    ) -> dict[str, dict[str, int]]:
        """Articles and distinct stories per ``month``, ``week`` or ``day`` of publication
        (with ``query``, of the articles matching that search)."""
        return self.store.story_counts(period, _filters(**filters), query=query)

    def site_health(self) -> list[dict[str, Any]]:
        """Per site: articles, stories, and how many have an empty or short body, no date,
        no title, or are not article pages (see :meth:`SQLiteStore.site_health`)."""
        return self.store.site_health()

    def rebuild_stories(self, progress: bool = False) -> int:
        """Recompute every story from scratch (in storage order); return how many articles."""
        bar = _progress_bar(self.count(), unit="article", desc="stories") if progress else None
        try:
            return self.store.stories.rebuild(progress=bar.update if bar is not None else None)
        finally:
            if bar is not None:
                bar.close()

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


def _progress_bar(total: int | None, unit: str = "file", desc: str = "ingest") -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, desc=desc, dynamic_ncols=True, leave=False)
