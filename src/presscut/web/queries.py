"""What pages and the API both ask of the corpus: filtered search, timelines, exports, forms."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

from presscut.article import Article
from presscut.corpus import Corpus
from presscut.errors import QueryError
from presscut.export import FIELDS, csv_row
from presscut.store import SearchResult
from presscut.store.query import to_fts
from presscut.store.sqlite import mark_snippet
from presscut.web.charts import Series

#: Results per page in the browser, and the API's default.
PAGE_SIZE = 20
#: The most results one API call returns (exports have no cap).
MAX_LIMIT = 100
#: Queries drawn together on one timeline.
MAX_QUERIES = 6
PERIODS = ("day", "week", "month")
#: Articles per chunk of a streamed export.
EXPORT_CHUNK = 200


@dataclass(frozen=True, slots=True)
class Filters:
    """The filters of a search or timeline as the user typed them (empty means none)."""

    since: str | None = None
    until: str | None = None
    site: str | None = None
    lang: str | None = None

    @classmethod
    def of(cls, since: str | None, until: str | None, site: str | None, lang: str | None) -> Filters:
        def clean(v: str | None) -> str | None:
            return v.strip() or None if v is not None else None

        return cls(clean(since), clean(until), clean(site), clean(lang))

    def kwargs(self) -> dict[str, Any]:
        return {"since": self.since, "until": self.until, "site": self.site, "lang": self.lang}

    def params(self) -> dict[str, str]:
        """The non-empty filters as query-string parameters (to keep them across pages)."""
        return {k: v for k, v in self.kwargs().items() if v}


def search(
    corpus: Corpus, q: str, filters: Filters, *, stories: bool, limit: int, offset: int
) -> tuple[list[SearchResult], int]:
    """One page of hits and the total count (of stories with ``stories``)."""
    if limit < 1 or limit > MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise QueryError("offset must not be negative")
    hits = corpus.search(q, limit=limit, offset=offset, stories=stories, **filters.kwargs())
    total = corpus.count(q, stories=stories, **filters.kwargs())
    return hits, total


def snippet_html(hit: SearchResult) -> Markup:
    """The snippet escaped, with ``<mark>`` only around the store's own match markers."""
    return Markup(mark_snippet(hit.snippet, escape, "<mark>", "</mark>"))


def hit_dict(hit: SearchResult) -> dict[str, Any]:
    return {**hit.to_dict(), "snippet_html": str(snippet_html(hit))}


def period_of(period: str) -> str:
    if period not in PERIODS:
        raise QueryError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    return period


def queries_of(values: list[str]) -> list[str]:
    queries = [q.strip() for q in values if q and q.strip()]
    if len(queries) > MAX_QUERIES:
        raise QueryError(f"at most {MAX_QUERIES} queries on one timeline")
    return queries


def timeline(corpus: Corpus, queries: list[str], period: str, filters: Filters) -> list[Series]:
    """Articles and distinct stories per period for each query (all articles when there is none)."""
    period = period_of(period)
    if not queries:
        return [Series("all articles", corpus.story_counts(period, **filters.kwargs()))]
    return [Series(q, corpus.story_counts(period, query=q, **filters.kwargs())) for q in queries]


def timeline_rows(series: list[Series]) -> Iterator[list[Any]]:
    yield ["query", "period", "articles", "stories"]
    for s in series:
        for key, counts in sorted(s.counts.items()):
            yield [s.label, key, counts["articles"], counts["stories"]]


def to_csv(rows: Iterator[list[Any]]) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    return buf.getvalue()


def export_chunks(corpus: Corpus, fmt: str, q: str | None, filters: Filters) -> Iterator[bytes]:
    """Every matching article as JSONL or CSV, in chunks; memory stays flat however many there are.

    The query and filters are checked before the first chunk, so a bad one is a 400, not a cut stream.
    """
    if fmt not in ("jsonl", "csv"):
        raise QueryError(f"format must be jsonl or csv, not {fmt!r}")
    if q is not None:
        to_fts(q)
    return _chunks(corpus.iter_articles(q, **filters.kwargs()), fmt == "csv")


def _chunks(articles: Iterator[Article], as_csv: bool) -> Iterator[bytes]:
    buf = io.StringIO()
    writer = csv.writer(buf) if as_csv else None
    if writer is not None:
        writer.writerow(FIELDS)
    for n, article in enumerate(articles, 1):
        if writer is not None:
            writer.writerow(csv_row(article))
        else:
            buf.write(json.dumps(article.to_dict(), ensure_ascii=False))
            buf.write("\n")
        if n % EXPORT_CHUNK == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    if buf.tell():
        yield buf.getvalue().encode("utf-8")
