"""Page-level article metadata from a parsed :class:`~presscut.extraction.page.Page`: the site
name, canonical URL, description, image, tags and wire attribution, from meta tags, the
canonical ``<link>``, the page's JSON-LD objects, the URL's host (the site name of last
resort) and, for the attribution, credits in the first and last paragraphs.  It also holds
the JSON-LD and text helpers that :mod:`~presscut.extraction.titles` (the headline) and
:mod:`~presscut.extraction.authors` (the authors) share.

Each ``find_*`` function returns a value and the label of its evidence
("json-ld", "meta:og:site_name", "link:canonical", ...), or None.  Sources are tried in a
fixed order, strongest first; the orders and key lists are data at the top.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from presscut.extraction import patterns as P
from presscut.extraction.page import Page, json_ld_types
from presscut.urls import site_of

Found = tuple[str, str]

DESCRIPTION_META: tuple[str, ...] = ("og:description", "description", "twitter:description", "dc.description")
IMAGE_META: tuple[str, ...] = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
SITE_META: tuple[str, ...] = ("og:site_name", "application-name", "publisher", "dc.publisher")
TAG_META: tuple[str, ...] = ("article:tag", "news_keywords", "keywords", "article:section", "parsely-tags")
ATTRIBUTION_META: tuple[str, ...] = ("author", "article:author", "dc.creator", "source", "dc.source", "copyright")

#: Most names an author list is cut to.
MAX_AUTHORS = 10
#: Most tags kept.
MAX_TAGS = 50

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
#: A "By"-style lead-in and the separators of a list of names (shared with the author finder).
_BY = re.compile(
    rf"^\s*(?:(?:(?:ein|un|a)\s+)?(?:{'|'.join(P.BYLINE_LEAD_WORDS)})\s+(?:by|von|vom|par|por|door|av|da|di)\b"
    rf"|(?:by|from|von|vom|par|por|door|av|via)\b|(?:{'|'.join(P.AUTHOR_LABEL_WORDS)})\s*:)[:\s]*",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b)\s*")
_WIRE_LEADIN = re.compile(r"\(\s*([A-Za-zÀ-ž .-]{2,40}?)\s*\)\s*[-–—]{1,2}\s")
#: "PORTO AZUL (Meridian Press) — ...": an upper-case dateline, then the credited source in parentheses.
_DATELINE_CREDIT = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'’/-]{1,40}\(\s*([A-Z][A-Za-zÀ-ž .&'’-]{1,40}?)\s*\)\s*[-–—]{1,2}\s")
_WIRE_TAIL = re.compile(r"^[-–—(\s]*(?:with\s+|mit\s+|avec\s+|con\s+)?([A-Za-zÀ-ž .-]{2,40}?)[\s)]*\.?$")
_SOURCE_LINE = re.compile(rf"^\s*(?:{'|'.join(P.SOURCE_LABELS)})\s*:\s*(.{{2,80}}?)\s*\.?$", re.IGNORECASE)
_ALIAS_TO_AGENCY: dict[str, str] = {alias: name for name, aliases in P.AGENCIES.items() for alias in aliases}


# -- JSON-LD helpers ---------------------------------------------------------------


def article_object(page: Page) -> dict[str, Any] | None:
    """The JSON-LD object describing the article, if the page has one."""
    fallback = None
    for obj in page.json_ld:
        if json_ld_types(obj) & P.ARTICLE_TYPES:
            return obj
        if fallback is None and isinstance(obj.get("headline"), str):
            fallback = obj
    return fallback


def _names(value: Any, people_only: bool = False) -> Iterator[str]:
    """Names in a JSON-LD person/organisation value (a string, an object or a list of them)."""
    items = value if isinstance(value, list) else [value]
    for item in items[:MAX_AUTHORS]:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            if people_only and json_ld_types(item) & {"organization", "newsmediaorganization", "corporation"}:
                continue
            name = item.get("name")
            if isinstance(name, str):
                yield name
            elif isinstance(name, list):
                yield from (n for n in name if isinstance(n, str))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _clean(text: str | None) -> str:
    """``text`` with whitespace collapsed, invisible characters (soft hyphens, zero-width
    spaces) dropped, and entities a page escaped twice ("&amp;reg;" read as "&reg;") decoded."""
    if not text:
        return ""
    if "&" in text and ";" in text:
        text = html.unescape(text)
    return " ".join(text.translate(_INVISIBLE).split())


# -- fields ------------------------------------------------------------------------------


def find_site_name(page: Page, obj: dict[str, Any] | None) -> Found | None:
    found = page.meta_first(*SITE_META)
    if found is not None and not found[1].startswith(("http://", "https://")):
        return _clean(found[1]), f"meta:{found[0]}"
    publisher = obj.get("publisher") if obj else None
    for name in _names(publisher):
        if _clean(name):
            return _clean(name), "json-ld"
    for other in page.json_ld:
        if json_ld_types(other) & {"website", "newsmediaorganization", "organization"}:
            for name in _names(other):
                if _clean(name):
                    return _clean(name), "json-ld"
    host = site_of(page.url)
    return (host, "url") if host else None


def find_canonical(page: Page) -> Found | None:
    for href, source in ((page.links.get("canonical"), "link:canonical"), (_meta(page, "og:url"), "meta:og:url")):
        url = _absolute(page.url, href)
        if url:
            return url, source
    return None


def find_description(page: Page, obj: dict[str, Any] | None) -> Found | None:
    found = page.meta_first(*DESCRIPTION_META)
    if found is not None:
        return _clean(found[1]), f"meta:{found[0]}"
    if obj is not None:
        for text in _strings(obj.get("description"))[:1]:
            if _clean(text):
                return _clean(text), "json-ld"
    return None


def find_image(page: Page, obj: dict[str, Any] | None) -> Found | None:
    found = page.meta_first(*IMAGE_META)
    if found is not None:
        url = _absolute(page.url, found[1])
        if url:
            return url, f"meta:{found[0]}"
    if obj is not None:
        image = obj.get("image")
        items = image if isinstance(image, list) else [image]
        for item in items[:1]:
            raw = item.get("url") if isinstance(item, dict) else item
            url = _absolute(page.url, raw if isinstance(raw, str) else None)
            if url:
                return url, "json-ld"
    return None


def find_tags(page: Page, obj: dict[str, Any] | None) -> tuple[list[str], str] | None:
    tags: list[str] = []
    source: str | None = None
    seen: set[str] = set()

    def add(values: Iterable[str], label: str, split: bool) -> None:
        nonlocal source
        for value in values:
            for raw in re.split(r"\s*[,;]\s*", value) if split else [value]:
                tag = _clean(raw)
                if tag and len(tag) <= 80 and tag.casefold() not in seen and len(tags) < MAX_TAGS:
                    seen.add(tag.casefold())
                    tags.append(tag)
                    source = source or label

    for key in TAG_META:
        add(page.meta.get(key, ()), f"meta:{key}", split=key != "article:tag")
    if obj is not None:
        add(_strings(obj.get("keywords")), "json-ld", split=True)
        add(_strings(obj.get("articleSection")), "json-ld", split=False)
    return (tags, source) if tags and source else None


def agency(name: str | None) -> str | None:
    """The canonical agency name for ``name`` ("Associated Press" -> "AP"), or None."""
    if not name:
        return None
    name = _clean(name).strip(" .()")
    return _ALIAS_TO_AGENCY.get(name) or _ALIAS_TO_AGENCY.get(re.sub(r"^(the)\s+", "", name, flags=re.I))


def find_attribution(page: Page, obj: dict[str, Any] | None, paragraphs: list[str]) -> Found | None:
    """The credited wire agency or source: JSON-LD, then meta, then a credit in the text."""
    if obj is not None:
        for key in ("sourceOrganization", "provider", "author", "creator", "publisher", "copyrightHolder"):
            for name in _names(obj.get(key)):
                found = agency(name)
                if found:
                    return found, "json-ld"
    for key in ATTRIBUTION_META:
        for value in page.meta.get(key, ()):
            for part in _AUTHOR_SPLIT.split(_BY.sub("", value)):
                found = agency(part)
                if found:
                    return found, f"meta:{key}"
    for text in paragraphs[:2]:
        for match in _WIRE_LEADIN.finditer(text[:300]):
            found = agency(match.group(1))
            if found:
                return found, "text"
    for text in paragraphs[:2]:  # the wire convention credits any source this way, not only agencies we know
        dateline = _DATELINE_CREDIT.match(text)
        if dateline:
            return agency(dateline.group(1)) or dateline.group(1).strip(), "text"
    for text in reversed(paragraphs[-3:]):
        if len(text) > 120:
            continue
        source = _SOURCE_LINE.match(text)
        if source:
            return agency(source.group(1)) or source.group(1).strip(), "text"
        tail = _WIRE_TAIL.match(text)
        found = agency(tail.group(1)) if tail else None
        if found:
            return found, "text"
    return None


#: ``<meta name="article:content_tier">`` values (a common tag of news CMSs) that mean "not free".
_LOCKED_TIERS = frozenset({"locked", "metered", "premium", "subscriber", "subscription"})


def find_paywall(page: Page, obj: dict[str, Any] | None) -> tuple[bool, str] | None:
    """Whether the page declares the article is not freely accessible, and where it says so.

    JSON-LD ``isAccessibleForFree`` on the article (or on one of its ``hasPart``
    sections, Google's paywalled-content markup) comes first, then the
    ``article:content_tier`` meta tag.  None when the page declares nothing.
    """
    if obj is not None:
        parts = obj.get("hasPart")
        for node in [obj, *(parts if isinstance(parts, list) else [parts])]:
            if isinstance(node, dict) and "isAccessibleForFree" in node:
                free = node["isAccessibleForFree"]
                if isinstance(free, str):
                    free = free.strip().lower() not in ("false", "no", "0")
                return not bool(free), "json-ld:isAccessibleForFree"
    tier = _meta(page, "article:content_tier")
    if tier:
        return tier.strip().lower() in _LOCKED_TIERS, "meta:article:content_tier"
    return None


def _meta(page: Page, key: str) -> str | None:
    found = page.meta_first(key)
    return found[1] if found else None


def _absolute(base: str | None, href: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    try:
        url = urljoin(base, href) if base else href
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None
