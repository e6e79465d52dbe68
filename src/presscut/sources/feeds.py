"""What a watched source lists: feeds, sitemaps, OPML, and feeds found on a home page.

* RSS 0.9x/1.0/2.0 and Atom go through **feedparser**: two decades of
  real-world feed quirks (bad dates, mixed namespaces, broken encodings) are
  handled there, and it never fetches anything when given bytes.
* JSON Feed (1.0, 1.1) is small enough to read with :mod:`json` directly.
* Sitemaps (``urlset``, ``sitemapindex``, Google News ``news:`` extensions)
  and OPML go through **lxml** with entity resolution and network access
  off (no XXE, no billion laughs) and ``recover=True`` for sloppy XML.
* Feed discovery reads ``<link rel="alternate" type="application/rss+xml">``
  (and Atom / JSON Feed) with selectolax, the HTML parser presscut already uses.

:func:`parse_listing` decides by content, not by URL or content type, and
raises :class:`ListingError` (a one-line message) for anything it cannot use.
"""

from __future__ import annotations

import calendar
import gzip
import json
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from presscut.errors import PresscutError
from presscut.pipeline.steps import parse_date_hint

#: ``type`` of ``<link rel="alternate">`` elements that announce a feed.
FEED_LINK_TYPES: frozenset[str] = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json",
     "application/rdf+xml", "text/xml", "application/xml"}
)
#: XML root elements of feeds (local names).
FEED_ROOTS: frozenset[str] = frozenset({"rss", "rdf", "feed", "channel"})
#: Largest listing read after decompression (a sitemap may hold 50,000 URLs, about 10 MB).
MAX_LISTING_BYTES = 50 * 1024 * 1024
#: Most child sitemaps followed from one sitemap index.
MAX_CHILD_SITEMAPS = 100


class ListingError(PresscutError):
    """A source's content is not a usable feed, sitemap or home page; ``reason`` is counted."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Item:
    """One page a source lists."""

    url: str
    title: str | None = None
    #: The date the feed or news sitemap gives for the item (date evidence ``feed``).
    published: datetime | None = None


@dataclass(slots=True)
class Listing:
    """``kind``: ``feed``, ``sitemap``, ``sitemap-index`` or ``site``; ``children``: URLs to read next
    (an index's sitemaps, a site's feeds)."""

    kind: str
    items: list[Item] = field(default_factory=list)
    children: list[str] = field(default_factory=list)


def parse_listing(body: bytes, url: str) -> Listing:
    """A feed, sitemap, sitemap index or HTML home page, told apart by its content."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = zlib.decompressobj(47).decompress(body, MAX_LISTING_BYTES)
        except zlib.error as exc:
            raise ListingError("bad-listing", f"{url}: bad gzip ({exc})") from exc
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head:
        raise ListingError("empty", f"{url}: empty response")
    if head.startswith((b"{", b"[")):
        return _json_feed(body, url)
    if b"<html" in head or head.startswith(b"<!doctype html"):
        return Listing("site", children=discover_feeds(body, url))
    root = _xml_root(body, url)
    name = _local(root.tag).lower()
    if name == "urlset":
        return Listing("sitemap", items=_sitemap_items(root, url))
    if name == "sitemapindex":
        locs = [loc for el in root.iter() if _is(el, "loc") and (loc := _absolute(url, el.text))]
        return Listing("sitemap-index", children=locs[:MAX_CHILD_SITEMAPS])
    if name == "opml":
        return Listing("site", children=opml_urls(root, url))
    if name in FEED_ROOTS:
        return _feed(body, url)
    raise ListingError("bad-listing", f"{url}: <{name}> is not a feed, sitemap or OPML document")


# -- feeds ----------------------------------------------------------------------------


def _feed(body: bytes, url: str) -> Listing:
    import feedparser

    parsed: Any = feedparser.parse(body, response_headers={"content-location": url})
    items: list[Item] = []
    for entry in parsed.entries:
        link = entry.get("link") or next(
            (lk.get("href") for lk in entry.get("links", []) if lk.get("rel") == "alternate"), None
        )
        link = _absolute(url, link)
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc) if stamp else None
        items.append(Item(link, _text(entry.get("title")), published))
    if not items and parsed.get("bozo"):
        raise ListingError("bad-listing", f"{url}: malformed feed ({parsed.get('bozo_exception')})")
    return Listing("feed", items=items)


def _json_feed(body: bytes, url: str) -> Listing:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ListingError("bad-listing", f"{url}: not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or "jsonfeed.org" not in str(data.get("version", "")):
        raise ListingError("bad-listing", f"{url}: JSON but not a JSON Feed (no jsonfeed.org version)")
    items: list[Item] = []
    for entry in data.get("items") or []:
        if not isinstance(entry, dict):
            continue
        link = _absolute(url, entry.get("url") or entry.get("external_url"))
        if link:
            items.append(Item(link, _text(entry.get("title")), parse_date_hint(entry.get("date_published"))))
    return Listing("feed", items=items)


# -- sitemaps and OPML --------------------------------------------------------------------


def _sitemap_items(root: Any, url: str) -> list[Item]:
    items: list[Item] = []
    for el in root:
        if not _is(el, "url"):
            continue
        loc, title, published = None, None, None
        for child in el.iter():
            if _is(child, "loc") and loc is None:
                loc = _absolute(url, child.text)
            elif _is(child, "publication_date"):
                published = parse_date_hint(child.text)
            elif _is(child, "title"):
                title = _text(child.text)
        if loc:
            items.append(Item(loc, title, published))
    return items


def opml_urls(root: Any, url: str | None = None) -> list[str]:
    """Feed URLs of an OPML outline (``xmlUrl``; ``htmlUrl`` when an outline has no feed)."""
    out: list[str] = []
    for el in root.iter():
        if not _is(el, "outline"):
            continue
        link = _absolute(url, el.get("xmlUrl") or el.get("xmlurl") or el.get("htmlUrl") or el.get("url"))
        if link and link not in out:
            out.append(link)
    return out


def discover_feeds(html: bytes, url: str) -> list[str]:
    """Feeds a home page announces with ``<link rel="alternate" type="...">``, in page order."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html[:MAX_LISTING_BYTES])
    out: list[str] = []
    base = url
    base_el = tree.css_first("base[href]")
    if base_el is not None:
        base = urljoin(url, base_el.attributes.get("href") or "")
    for link in tree.css("link[rel][href]"):
        rel = (link.attributes.get("rel") or "").lower().split()
        kind = (link.attributes.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_LINK_TYPES:
            found = _absolute(base, link.attributes.get("href"))
            if found and found not in out:
                out.append(found)
    return out


def read_sources(path: Path) -> list[str]:
    """The source URLs of a sources file: one URL per line (``#`` comments), or an OPML file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ListingError("unreadable", f"cannot read sources file {path}: {exc.strerror or exc}") from exc
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise ListingError("unreadable", f"{path}: bad gzip ({exc})") from exc
    if b"<opml" in data[:4096].lower():
        return opml_urls(_xml_root(data, str(path)))
    text = data.decode("utf-8", "replace")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]


# -- helpers ------------------------------------------------------------------------------


def _xml_root(body: bytes, url: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, recover=True, huge_tree=False, remove_comments=True,
        remove_pis=True, load_dtd=False,
    )
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ListingError("bad-listing", f"{url}: broken XML ({exc})") from exc
    if root is None:
        raise ListingError("bad-listing", f"{url}: broken XML (no root element)")
    return root


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is(el: Any, name: str) -> bool:
    return _local(el.tag) == name


def _absolute(base: str | None, href: Any) -> str | None:
    if not isinstance(href, str) or not href.strip():
        return None
    href = href.strip()
    try:
        return str(urljoin(base, href)) if base else href
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None
