"""``extract``: one HTML page in, one :class:`~presscut.article.Article` out.

Never raises on what the page contains: empty, binary, plain-text,
truncated or absurdly nested input gives an article with ``page_type``
"other" (and a :class:`~presscut.article.Removed` entry saying why).
"""

from __future__ import annotations

from datetime import datetime

from presscut.article import Article, Removed
from presscut.config import ExtractConfig
from presscut.extraction.authors import find_authors
from presscut.extraction.content import extract_content, keep_ending, read_manual, read_pitch, read_thread
from presscut.extraction.dates import find_dates
from presscut.extraction.encoding import decode_html, repair_mojibake
from presscut.extraction.metadata import (
    article_object,
    find_attribution,
    find_canonical,
    find_description,
    find_image,
    find_paywall,
    find_site_name,
    find_tags,
)
from presscut.extraction.page import Page, looks_binary, looks_like_html, parse_page
from presscut.extraction.pagetype import classify_page
from presscut.extraction.titles import find_title
from presscut.extraction.walk import REMOVED_TEXT_CHARS, Block
from presscut.language import detect_language, normalize_language_tag
from presscut.urls import site_of

#: Blocks either side of the headline searched for a visible date, and the longest such line.
HEADLINE_WINDOW = 6
DATELINE_LINE_CHARS = 80
#: How much of the headline identifies it in a removed header, and how far after it a date may sit.
HEADER_TITLE_CHARS = 40
HEADER_DATE_CHARS = 160
#: How far into a paragraph a dateline ("SALTMERE, May 2, 2024 --") may start.
DATELINE_CHARS = 60


def extract(
    html: bytes | str,
    url: str | None = None,
    *,
    charset: str | None = None,
    config: ExtractConfig | None = None,
    fetched_at: datetime | None = None,
) -> Article:
    """Extract the article (clean text and metadata) from one HTML page.

    ``charset`` is the encoding declared outside the page (an HTTP header);
    it is used only for bytes.  ``fetched_at`` bounds plausible dates (now
    when not given).
    """
    config = config or ExtractConfig()
    article = Article(url=url, fetched_at=fetched_at)
    text = decode_html(bytes(html), charset, repair=False) if isinstance(html, (bytes, bytearray, memoryview)) else html
    if not text or text.isspace():  # what "not text.strip()" says, without copying the page
        return _empty(article, None)
    if looks_binary(text):  # before the mojibake repair, which would chew on the noise
        return _empty(article, Removed("", "binary", None))
    text = repair_mojibake(text)
    if not looks_like_html(text):
        return _empty(article, Removed(_cap(" ".join(text.split())), "not-html", None))
    page = parse_page(text, url)
    _fill(article, page, config, fetched_at)
    article.assign_id()
    return article


def _fill(article: Article, page: Page, config: ExtractConfig, fetched_at: datetime | None) -> None:
    evidence = article.evidence
    obj = article_object(page)

    found = find_canonical(page)
    if found:
        article.canonical_url, evidence["canonical_url"] = found
    found = find_site_name(page, obj)
    if found:
        article.site_name, evidence["site_name"] = found
    sites = [s for s in (article.site_name, site_of(page.url), site_of(article.canonical_url)) if s]
    found = find_title(page, obj, sites)
    if found:
        article.title, evidence["title"] = found

    content = extract_content(page.tree.body, (article.title, page.title))
    article.text = content.text
    article.removed = content.removed
    paragraphs = [b.text for b in content.blocks]

    near_headline = _near_headline(content.page_blocks)
    bylines = [r.text for r in content.removed if r.reason == "byline"] + near_headline
    authors = find_authors(page, obj, article.site_name, bylines)
    if authors:
        article.authors, evidence["authors"] = authors
    # A visible dateline: the byline area, or the very start of the first paragraphs.
    datelines = [r.text for r in content.removed if r.reason in ("byline", "dateline")]
    heads = [r.text for r in content.removed if r.reason == "head-meta"]  # meta lines taken from above the text
    datelines += [p[:DATELINE_CHARS] for p in (heads + paragraphs)[:2]]
    datelines += _after_title(content.removed, article.title)
    dates = find_dates(page, obj, datelines, fetched_at, near_headline, canonical_url=article.canonical_url)
    article.published, article.modified, article.date_source = dates.published, dates.modified, dates.source
    if dates.published_evidence:
        evidence["published"] = dates.published_evidence
    if dates.modified_evidence:
        evidence["modified"] = dates.modified_evidence
    for name, finder in (("description", find_description), ("image", find_image)):
        found = finder(page, obj)
        if found:
            setattr(article, name, found[0])
            evidence[name] = found[1]
    tags = find_tags(page, obj)
    if tags:
        article.tags, evidence["tags"] = tags
    credits = [r.text for r in content.removed if r.reason == "source"]  # "Quelle: dpa", taken out of the text
    found = find_attribution(page, obj, paragraphs + credits[-1:])
    if found:
        article.attribution, evidence["attribution"] = found
    paywall = find_paywall(page, obj)
    if paywall:
        article.paywalled, evidence["paywalled"] = paywall
    found = _language(page, article, config)
    if found:
        article.language, evidence["language"] = found
    # A date from structured data that declares no article (a CMS's WebPage node) dates the page, not a story.
    page_dated = article.published is not None and not (obj is None and article.date_source == "json-ld")
    article.page_type = classify_page(page, obj, content, dated=page_dated or bool(article.authors))
    # Once the type is known, what is furniture around an article may be the page's own text.
    reread = {"forum": read_thread, "service": read_pitch, "documentation": read_manual}.get(article.page_type)
    if reread is not None and page.tree.body is not None:
        content = reread(page.tree.body, (article.title, page.title), content)
    if article.page_type != "article":
        content = keep_ending(content)
    article.text, article.removed = content.text, content.removed


def _near_headline(blocks: list[Block]) -> list[str]:
    """Short lines just around the page's first ``<h1>`` (where a visible date usually sits)."""
    at = next((i for i, b in enumerate(blocks) if b.tag == "h1"), None)
    if at is None:
        return []
    near = blocks[max(0, at - HEADLINE_WINDOW) : at + HEADLINE_WINDOW + 1]
    return [b.text for b in near if len(b.text) <= DATELINE_LINE_CHARS]


def _after_title(removed: list[Removed], title: str | None) -> list[str]:
    """The text just after the headline in a removed page header that holds it (where a
    masthead-style byline and date sit when the content step drops the whole header)."""
    if not title:
        return []
    key = title[:HEADER_TITLE_CHARS]
    out: list[str] = []
    for segment in removed:
        at = segment.text.find(key) if segment.reason == "header" else -1
        if at >= 0:
            start = at + len(title)
            out.append(segment.text[start : start + HEADER_DATE_CHARS])
    return out


def _language(page: Page, article: Article, config: ExtractConfig) -> tuple[str, str] | None:
    if config.detect_language:
        sample = article.text or " ".join(x for x in (article.title, article.description) if x)
        lang = detect_language(sample, config.languages)
        if lang:
            return lang, "text"
    declared = normalize_language_tag(page.lang)
    if declared:
        return declared, "html-lang"
    found = page.meta_first("content-language", "og:locale", "language", "dc.language")
    declared = normalize_language_tag(found[1]) if found else None
    return (declared, f"meta:{found[0]}") if declared and found else None


def _empty(article: Article, why: Removed | None) -> Article:
    article.page_type = "other"
    if why is not None:
        article.removed.append(why)
    article.assign_id()
    return article


def _cap(text: str) -> str:
    return text if len(text) <= REMOVED_TEXT_CHARS else text[: REMOVED_TEXT_CHARS - 1] + "…"
