"""Record steps: extraction, input hints, and filters that say why they drop."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from dateutil import parser as dateparser

from presscut.article import Article, RawDocument
from presscut.config import ExtractConfig, Limits
from presscut.pipeline.base import Drop, RecordStep, describe
from presscut.pipeline.guard import RecordTimeout, time_limit
from presscut.stories.config import StoryConfig
from presscut.stories.minhash import MinHasher, Signature
from presscut.urls import seen_urls, strip_variants


class ExtractStep(RecordStep):
    """RawDocument -> Article: HTML through ``extract``, text through ``clean_text``.

    Guarded per record by :class:`~presscut.config.Limits` (size and time).
    Metadata supplied with the input (a JSONL line's ``title``, ``published``)
    fills fields the page itself does not give.
    """

    name = "extract"

    def __init__(self, config: ExtractConfig | None = None, limits: Limits | None = None) -> None:
        self.config = config or ExtractConfig()
        self.limits = limits or Limits()

    def process(self, record: RawDocument) -> Article | Drop:
        size = len(record.content)
        if size > self.limits.max_bytes:
            return Drop("too-large", f"{describe(record)}: {size} bytes")
        try:
            with time_limit(self.limits.timeout):
                article = self._extract(record)
        except RecordTimeout as exc:
            return Drop("timeout", f"{describe(record)}: {exc}")
        article.origin = record.origin
        article.fetched_at = article.fetched_at or record.origin.fetched_at
        apply_hints(article, record.hints)
        fill_urls(article, record)
        article.assign_id()
        return article

    def _extract(self, record: RawDocument) -> Article:
        from presscut.clean import clean_text
        from presscut.clean.furniture import site_key
        from presscut.extraction import extract

        if record.kind == "html":
            return extract(
                record.content,
                url=record.url,
                charset=record.charset,
                config=self.config,
                fetched_at=record.origin.fetched_at,
            )
        text = record.content if isinstance(record.content, str) else record.content.decode("utf-8", "replace")
        title = record.hints.get("title")
        return clean_text(
            text,
            url=record.url,
            title=title if isinstance(title, str) else None,
            config=self.config,
            site=site_key(record.url, record.origin.path),
        )


def apply_hints(article: Article, hints: dict[str, Any]) -> None:
    """Fill fields the extractor left empty from metadata given with the input."""
    title = hints.get("title")
    if isinstance(title, str) and title.strip() and not article.title:
        article.title = title.strip()
        article.evidence["title"] = "input"
    site = hints.get("site_name")
    if isinstance(site, str) and site.strip() and not article.site_name:
        article.site_name = site.strip()
        article.evidence["site_name"] = "input"
    authors = hints.get("authors")
    if isinstance(authors, list) and not article.authors:
        article.authors = [a for a in authors if isinstance(a, str) and a.strip()]
    lang = hints.get("language")
    if isinstance(lang, str) and lang.strip() and not article.language:
        article.language = lang.strip().lower()
        article.evidence["language"] = "input"
    published = parse_date_hint(hints.get("published"))
    if published is not None and article.published is None:
        article.published = published
        article.date_source = "input"
    published = parse_date_hint(hints.get("feed_published"))  # a feed or sitemap's date for the item
    if published is not None and article.published is None:
        article.published = published
        article.date_source = "feed"
        article.evidence["published"] = "feed"


def fill_urls(article: Article, record: RawDocument) -> None:
    """``Article.urls``: every URL the page was seen at (the ``urls`` hint: request and
    redirects), its final URL and its canonical; an AMP or mobile URL without a
    declared canonical gets the regular page's URL as canonical."""
    if article.canonical_url is None and article.url and strip_variants(article.url) != article.url:
        article.canonical_url = strip_variants(article.url)
        article.evidence["canonical_url"] = "url-variant"
    hinted = record.hints.get("urls")
    seen = [u for u in hinted if isinstance(u, str)] if isinstance(hinted, list) else []
    article.urls = seen_urls(*article.urls, *seen, record.url, article.url, article.canonical_url)


def parse_date_hint(value: Any) -> datetime | None:
    """An ISO-like date string to an aware datetime (UTC when no zone is given)."""
    if not isinstance(value, str) or not value.strip():
        return None
    parsed: datetime
    try:
        parsed = dateparser.isoparse(value.strip())
    except (ValueError, OverflowError):
        try:
            parsed = dateparser.parse(value.strip())
        except (ValueError, OverflowError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


class EmptyFilter(RecordStep):
    """Drops articles whose clean text is empty (``empty``)."""

    name = "filter"

    def process(self, record: Article) -> Article | Drop:
        if not record.text.strip():
            return Drop("empty", f"{describe(record)}: no article text found")
        return record


class PageTypeFilter(RecordStep):
    """Drops pages that are not articles (``not-article``), when asked to."""

    name = "filter"

    def process(self, record: Article) -> Article | Drop:
        if record.page_type != "article":
            return Drop("not-article", f"{describe(record)}: page type {record.page_type}")
        return record


@dataclass(slots=True)
class Signed:
    """An article with its story signature, computed where extraction runs (a worker
    process under the process executor), so the single writer only looks it up."""

    article: Article
    signature: Signature

    @property
    def origin(self) -> Any:
        return self.article.origin


class SignStep(RecordStep):
    """Article -> :class:`Signed`: the MinHash signature the store's story index needs.

    Must use the store's :class:`~presscut.stories.config.StoryConfig`, so that
    signatures made here and in the store agree.
    """

    name = "sign"

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        self._hasher: MinHasher | None = None  # made on first use, in the process that uses it

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "_hasher": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.config, self._hasher = state["config"], None

    def process(self, record: Article) -> Signed:
        if self._hasher is None:
            self._hasher = MinHasher(self.config)
        return Signed(record, self._hasher.signature(record.text))
