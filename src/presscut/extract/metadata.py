"""Article metadata from a parsed :class:`~presscut.extract.page.Page`.

Each ``find_*`` function returns a value and the label of its evidence
("json-ld", "meta:og:title", "h1", ...), or None.  Sources are tried in a
fixed order, strongest first; the orders and key lists are data at the top.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from presscut.extract import patterns as P
from presscut.extract.page import Page, json_ld_types
from presscut.urls import site_of

Found = tuple[str, str]

TITLE_META: tuple[str, ...] = ("og:title", "twitter:title")
DESCRIPTION_META: tuple[str, ...] = ("og:description", "description", "twitter:description", "dc.description")
IMAGE_META: tuple[str, ...] = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
AUTHOR_META: tuple[str, ...] = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
    "byl", "citation_author", "twitter:creator:name",
)
SITE_META: tuple[str, ...] = ("og:site_name", "application-name", "publisher", "dc.publisher")
TAG_META: tuple[str, ...] = ("article:tag", "news_keywords", "keywords", "article:section", "parsely-tags")
ATTRIBUTION_META: tuple[str, ...] = ("author", "article:author", "dc.creator", "source", "dc.source", "copyright")
#: Elements whose text may be a byline.
BYLINE_SELECTOR = (
    '[rel~="author"], [itemprop~="author"], [class*="byline"], [class*="Byline"], [class*="author"], '
    '[class*="Author"], [id*="byline"], [data-testid*="byline"], a[href*="/author/"], a[href*="/authors/"]'
)

#: Microdata author names (``<span itemprop=author><meta itemprop=name content=...>``).
MICRODATA_AUTHOR_SELECTOR = '[itemprop~="author"] [itemprop~="name"], [itemprop~="author"][content]'

#: Most names an author list is cut to.
MAX_AUTHORS = 10
#: Most tags kept.
MAX_TAGS = 50
#: An ``<h1>`` longer than this is not a headline.
MAX_TITLE_CHARS = 300
#: Share of words an ``<h1>`` must share with a declared title to be taken as the headline.
TITLE_AGREEMENT = 0.6

_TITLE_SEP = re.compile(r"\s+(?:[|·•»«:/~]|::|-{1,2}|–|—)\s+|\s*\|\s*")
_BY = re.compile(
    r"^\s*(?:(?:written|posted|reported|words|text|story)\s+)?(?:by|from|von|par|por|door|av)\b[:\s]*",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b)\s*")
_AUTHOR_TAIL = re.compile(
    r"\s*(?:[|•·—–]|\s-\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+\w+\s+\d|\d{1,2}[:/.]\d).*$",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"^[^\W_][\w.-]{1,39}$")
_INNER_BY = re.compile(r"\bby\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
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
    return " ".join(text.split()) if text else ""


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


def find_title(page: Page, obj: dict[str, Any] | None, site_names: Iterable[str]) -> Found | None:
    """The headline: the page's first ``<h1>`` when it agrees with the declared titles
    (og:title, JSON-LD headline, ``<title>``), else the first declared one; site suffixes stripped.

    The visible headline wins because declared titles are often rewritten for
    search and social sharing; "agrees" guards against an ``<h1>`` that holds
    the site's logo or a section name.
    """
    declared: list[Found] = []
    found = page.meta_first(*TITLE_META)
    if found is not None:
        declared.append((found[1], f"meta:{found[0]}"))
    if obj is not None:
        declared.extend((h, "json-ld") for h in _strings(obj.get("headline"))[:1])
    if page.title:
        declared.append((page.title, "title"))
    h1 = page.tree.css_first("h1")
    h1_text = _clean(h1.text(deep=True, separator=" ")) if h1 is not None else ""
    sites = [s for s in site_names if s]
    stripped = [(strip_site_suffix(_clean(raw), sites, h1_text), source) for raw, source in declared]
    if h1_text and len(h1_text) <= MAX_TITLE_CHARS and not _is_site(h1_text, sites):
        h1_words = _title_words(h1_text)
        if not stripped or any(_agrees(h1_words, _title_words(title)) for title, _ in stripped):
            return strip_site_suffix(h1_text, sites), "h1"
    for title, source in stripped:
        if title:
            return title, source
    return None


def _is_site(text: str, site_names: list[str]) -> bool:
    key = _site_key(text)
    return any(key == _site_key(s) for s in site_names)


def _title_words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _agrees(h1: set[str], declared: set[str]) -> bool:
    """Whether most of the h1's words are in a declared title (or the reverse)."""
    if not h1 or not declared:
        return False
    common = len(h1 & declared)
    return common >= TITLE_AGREEMENT * min(len(h1), len(declared))


def strip_site_suffix(title: str, site_names: list[str], h1: str = "") -> str:
    """``title`` without a leading or trailing " | Site" / " - Site" part."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2:
        return title
    keys = [_site_key(s) for s in site_names]
    keys = [k for k in keys if len(k) >= 3]

    def is_site(part: str) -> bool:
        key = _site_key(part)
        return bool(key) and any(key == k or (len(key) >= 4 and (key in k or k in key)) for k in keys)

    seps = _TITLE_SEP.findall(title)
    if is_site(parts[-1]):
        return _rejoin(parts[:-1], seps)
    if is_site(parts[0]):
        return _rejoin(parts[1:], seps[1:])
    if h1 and _site_key(_rejoin(parts[:-1], seps)) == _site_key(h1):
        return _rejoin(parts[:-1], seps)
    last_sep = seps[-1].strip()
    if last_sep in {"|", "::", "«", "»"} and len(parts[-1].split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 3:
        return _rejoin(parts[:-1], seps)
    return title


def _rejoin(parts: list[str], seps: list[str]) -> str:
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out.strip()


def _site_key(text: str) -> str:
    key = re.sub(r"[\W_]+", "", text.casefold())
    key = re.sub(r"^(www)|(com|org|net|co|uk|de|fr|example)+$", "", key)
    return key[3:] if key.startswith("the") and len(key) > 6 else key


def find_authors(
    page: Page, obj: dict[str, Any] | None, site_name: str | None, bylines: Iterable[str] = ()
) -> tuple[list[str], str] | None:
    """Authors, strongest source first: JSON-LD, meta tags, microdata, byline elements, then
    ``bylines`` (visible "By ..." lines found by the content step).

    A source that says it names a person (a JSON-LD ``Person``, microdata ``author``) may give a
    one-word name or a user handle ("scvalex"); a meta author tag may give a one-word name.
    """
    if obj is not None:
        author = obj.get("author")
        person_typed = [
            a for a in (author if isinstance(author, list) else [author])
            if isinstance(a, dict) and "person" in json_ld_types(a)
        ]
        names = people(_names(person_typed), site_name, single_ok=True, handle_ok=True)
        names = names or people(_names(obj.get("author"), people_only=True), site_name)
        if names:
            return names, "json-ld"
    for values, source, single_ok, handle_ok in _author_sources(page, bylines):
        names = people(values, site_name, single_ok=single_ok, handle_ok=handle_ok)
        if names:
            return names, source
    return None


def _author_sources(page: Page, bylines: Iterable[str]) -> Iterator[tuple[list[str], str, bool, bool]]:
    """(candidate strings, evidence label, single_ok, handle_ok), strongest first, computed
    only as far as they are needed (the CSS queries are the costly part)."""
    for key in AUTHOR_META:
        values = page.meta.get(key)
        if values:
            yield values, f"meta:{key}", True, False
    micro = [
        _clean(node.attributes.get("content") or node.text(deep=True, separator=" "))
        for node in page.tree.css(MICRODATA_AUTHOR_SELECTOR)[:MAX_AUTHORS]
    ]
    if micro:
        yield micro, "microdata", True, True
    byline: list[str] = []
    for node in page.tree.css(BYLINE_SELECTOR)[:20]:
        text = _clean(node.text(deep=True, separator=" "))
        if 2 < len(text) <= 120:
            byline.append(text)
    if byline:
        yield byline, "byline", False, False
    visible = [line for line in bylines if _BY.match(line)]
    if visible:
        yield visible, "text", True, False


def people(
    values: Iterable[str], site_name: str | None = None, single_ok: bool = False, handle_ok: bool = False
) -> list[str]:
    """Person names from byline-ish strings: "By A and B" -> ["A", "B"].

    ``single_ok`` accepts one-word names, ``handle_ok`` user handles too (the source says
    they are people).
    """
    site_key = _site_key(site_name) if site_name else None
    out: list[str] = []
    seen: set[str] = set()
    for raw in values:
        value = _clean(raw)
        if not value or value.startswith(("http://", "https://", "@")):
            continue
        for part in _AUTHOR_SPLIT.split(_AUTHOR_TAIL.sub("", _BY.sub("", value))):
            name = _BY.sub("", part).strip(" .:-–—")
            if _INNER_BY.search(name) or not _looks_like_person(name, single_ok, handle_ok):
                continue
            if site_key and _site_key(name) == site_key:
                continue
            if name.casefold() not in seen:
                seen.add(name.casefold())
                out.append(name)
            if len(out) >= MAX_AUTHORS:
                return out
    return out


def _looks_like_person(name: str, single_ok: bool = False, handle_ok: bool = False) -> bool:
    """Two to five capitalised words (particles aside), none of them furniture or an agency;
    or, with ``handle_ok``, a user handle."""
    words = name.split()
    if handle_ok and len(words) == 1 and _HANDLE.match(name) and name not in _ALIAS_TO_AGENCY:
        return name.casefold().strip(".") not in P.NON_PERSON_WORDS
    if not 1 <= len(words) <= 5 or len(name) > 60 or name in _ALIAS_TO_AGENCY:
        return False
    if any(w.casefold().strip(".") in P.NON_PERSON_WORDS for w in words):
        return False
    if not all(_NAME_WORD.match(w) for w in words):
        return False
    for word in words:
        cased = word[0].upper() != word[0].lower()
        if cased and not word[0].isupper() and word.casefold() not in P.NAME_PARTICLES:
            return False
    if not words[0][0].isupper() and words[0][0].upper() != words[0][0].lower():
        return False
    caseless = all(w[0].upper() == w[0].lower() for w in words)
    return len(words) >= 2 or single_ok or caseless  # one word is a name only when the source says person


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
