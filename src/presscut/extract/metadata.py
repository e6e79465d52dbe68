"""Article metadata from a parsed :class:`~presscut.extract.page.Page`.

Each ``find_*`` function returns a value and the label of its evidence
("json-ld", "meta:og:title", "h1", ...), or None.  Sources are tried in a
fixed order, strongest first; the orders and key lists are data at the top.
"""

from __future__ import annotations

import html
import itertools
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

#: An author element or link whose whole text has at most this many words is read as a name.
DECLARED_BYLINE_WORDS = 5
#: How many short author elements are tried, in page order, until one gives a name.
DECLARED_BYLINES = 3
#: How many byline-looking elements are read.
BYLINE_NODES = 20
#: Class/id words of a container whose bylines belong to comments, not to the article.
COMMENT_MARKS: tuple[str, ...] = ("comment", "reply", "replies", "respond")
#: "Post by handle » date", "by handle on Monday": a byline naming one user handle.
_BY_HANDLE = re.compile(
    r"^(?:posted\s+|post\s+|written\s+)?by:?\s+([^\W_][\w.-]{1,39})\s*(?:»|\||·|•|—|–|-\s|\b(?:on|in)\s+\S|$)",
    re.IGNORECASE,
)

#: Microdata author names (``<span itemprop=author><meta itemprop=name content=...>``).
MICRODATA_AUTHOR_SELECTOR = '[itemprop~="author"] [itemprop~="name"], [itemprop~="author"][content]'

#: Most names an author list is cut to.
MAX_AUTHORS = 10
#: Most tags kept.
MAX_TAGS = 50
#: An ``<h1>`` longer than this is not a headline.
MAX_TITLE_CHARS = 300
#: The share a later ``<h1>`` must share (the first one is the likelier headline).
LATER_H1_AGREEMENT = 0.6
#: How many ``<h1>`` elements are tried, in page order, for one that agrees with the declared titles.
MAX_H1 = 5
#: Share of words an ``<h1>`` must share with a declared title to be taken as the headline.
TITLE_AGREEMENT = 0.5

#: A title part of at most this many words that holds the domain's name is the site's name.
SITE_PART_WORDS = 3
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go"})
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_PERMALINK = re.compile(r"\s*[¶#§🔗]+$")
_TITLE_SEP = re.compile(r"\s+(?:[|·•»«:/~]|::|-{1,2}|–|—)\s+|\s*\|\s*")
#: English month names and abbreviations, for cutting a date off a byline.
MONTH_NAMES = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_BY = re.compile(
    r"^\s*(?:(?:written|posted|reported|words|text|story)\s+)?(?:by|from|von|par|por|door|av|via)\b[:\s]*",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b)\s*")
_AUTHOR_TAIL = re.compile(
    r"\s*(?:[|•·—–»]|\s-\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+\w+\s+\d|\d{1,2}[:/.]\d"
    r"|\b\d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\s+ago\b"
    r"|\sin\s+(?=\S)).*$",
    re.IGNORECASE,
)
#: A written date inside a byline ("Dec 18, 2025", "18 December 2025").
_DATE_SPAN = re.compile(
    rf"\b{MONTH_NAMES}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?\b|\b\d{{1,2}}\.?\s+{MONTH_NAMES}\.?,?(?:\s+\d{{4}})?\b",
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
    nodes = page.tree.css("h1")[:MAX_H1]
    headings = [_heading_text(node) for node in nodes]
    split = [len(node.text(deep=True).split()) != len(text.split()) for node, text in zip(nodes, headings, strict=True)]
    h1_text = headings[0] if headings else ""
    sites = [s for s in site_names if s]
    if h1_text and _is_suffix(h1_text, [raw for raw, _ in declared], sites):
        sites.append(h1_text)  # the site's name as the page's <h1>: a suffix to strip, not the headline
    stripped = [(strip_site_suffix(_clean(raw), sites, h1_text), source) for raw, source in declared]
    for i, heading in enumerate(headings):
        if not heading or len(heading) > MAX_TITLE_CHARS or _is_site(heading, sites):
            continue
        words = _title_words(heading)
        share = TITLE_AGREEMENT if i == 0 else LATER_H1_AGREEMENT
        if (not stripped and i == 0) or any(_agrees(words, _title_words(t), share) for t, _ in stripped):
            headline = strip_site_suffix(heading, sites)
            if split[i]:
                # A heading split over several elements ("<span>Question</span> Want to know")
                # loses the punctuation between them: a declared title of the same words keeps it.
                same = [(t, src) for t, src in stripped if _word_sequence(t) == _word_sequence(headline)]
                if same:
                    return same[0]
            return headline, "h1"
    for title, source in stripped:
        if title:
            return title, source
    return None


def _heading_text(node: Any) -> str:
    """A heading's visible text: without the ``<style>``/``<script>`` some sites put inside it,
    and without a trailing permalink mark ("¶", "#")."""
    if node is None:
        return ""
    if node.css_first("style, script") is not None:
        node = node.clone()  # a copy: the page's tree stays whole for the other extractors
        for junk in node.css("style, script"):
            junk.decompose()
    return _PERMALINK.sub("", _clean(node.text(deep=True, separator=" ")))


def _is_suffix(h1: str, declared: list[str], site_names: list[str]) -> bool:
    """Whether ``h1`` is (in) the trailing part every declared title ends with ("Page name | Name"
    with that name as the page's ``<h1>``: the site's or the book's name, not the headline),
    and no declared title starts with the site's name ("Site | Headline" ends with the headline)."""
    key = _site_key(h1)
    split = [_TITLE_SEP.split(_clean(title)) for title in declared]
    split = [parts for parts in split if len(parts) > 1]
    if len(key) < 4 or not split:
        return False
    return all(
        key in _site_key(parts[-1]) and key != _site_key(parts[0]) and not _is_site(parts[0], site_names)
        for parts in split
    )


def _is_site(text: str, site_names: list[str]) -> bool:
    key = _site_key(text)
    return any(key == _site_key(s) for s in site_names)


def _word_sequence(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _title_words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _agrees(h1: set[str], declared: set[str], share: float = TITLE_AGREEMENT) -> bool:
    """Whether ``share`` of the h1's words are in a declared title (or the reverse), and at
    least two of them when both have two or more (one shared word is a coincidence)."""
    if not h1 or not declared:
        return False
    common = len(h1 & declared)
    return common >= share * min(len(h1), len(declared)) and common >= min(2, len(h1), len(declared))


def strip_site_suffix(title: str, site_names: list[str], h1: str = "") -> str:
    """``title`` without a leading or trailing " | Site" / " - Site" part."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2:
        return title
    keys = [_site_key(s) for s in site_names]
    keys = [k for k in keys if len(k) >= 3]
    labels = [label for s in site_names if (label := _domain_label(s))]

    def is_site(part: str) -> bool:
        key = _site_key(part)
        if not key:
            return False
        if any(key == k or (len(key) >= 4 and (key in k or k in key)) for k in keys):
            return True
        # "Doom9's Forum" on forum.doom9.org: a short part holding the domain's name
        return len(part.split()) <= SITE_PART_WORDS and any(label in key for label in labels)

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


def _domain_label(site: str) -> str | None:
    """The registered name in a host ("forum.doom9.org" -> "doom9", "news.bbc.co.uk" -> "bbc"),
    when ``site`` is a host name and that name is long enough to be telling."""
    if " " in site or "." not in site:
        return None
    labels = site.casefold().split(".")[:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    label = re.sub(r"[\W_]+", "", labels[-1]) if labels else ""
    return label if len(label) >= 4 else None


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

    A source that declares an author (a JSON-LD ``author``, a meta author tag, a short
    ``rel=author`` link or author element) is taken at its word: one-word names, user handles
    and desks ("Metro Desk") are accepted.  The site's own name and organisations are kept
    only as a last resort, when no source names anyone else.
    """
    sites = [site_name] if site_name else []
    fallback: list[tuple[list[str], str]] = []
    declared, organisations = json_ld_authors(page, obj)
    candidates = _author_sources(page, bylines)
    for values, source, mode in itertools.chain([(declared, "json-ld", "declared")], candidates):
        if mode in ("declared", "byline-declared"):
            names = declared_names(
                values, citation=source == "meta:citation_author", furniture=mode == "byline-declared"
            )
        else:
            names = people(values, single_ok=mode != "person", handle_ok=mode == "handle")
        own = [n for n in names if _is_site(n, sites)]
        if len(own) < len(names):
            return [n for n in names if n not in own], source
        if own:
            fallback.append((own, source))
    if fallback:
        return fallback[0]
    names = declared_names(organisations)
    return (names, "json-ld") if names else None


def json_ld_authors(page: Page, obj: dict[str, Any] | None) -> tuple[list[str], list[str]]:
    """The names in the article's JSON-LD ``author`` (else ``creator``), people and untyped
    entries first, organisations apart; ``{"@id": ...}`` references are looked up in the
    page's other JSON-LD objects (a Yoast-style ``@graph``)."""
    people_: list[str] = []
    organisations: list[str] = []
    objs = [obj] if obj is not None else []
    objs += [o for o in page.json_ld if o is not obj and json_ld_types(o) & (P.ARTICLE_TYPES | _PAGE_TYPES)]
    by_id: dict[str, dict[str, Any]] | None = None
    for source in objs:
        value = source.get("author") or source.get("creator")
        if not value:
            continue
        for entry in (value if isinstance(value, list) else [value])[:MAX_AUTHORS]:
            item = entry
            if isinstance(entry, dict) and "name" not in entry and isinstance(entry.get("@id"), str):
                if by_id is None:
                    by_id = {o["@id"]: o for o in page.json_ld if isinstance(o.get("@id"), str)}
                item = by_id.get(entry["@id"], entry)
            if isinstance(item, str):
                people_.append(item)
            elif isinstance(item, dict):
                bucket = organisations if json_ld_types(item) & ORGANISATION_TYPES else people_
                bucket.extend(_names(item))
        if people_ or organisations:
            break
    return people_, organisations


#: JSON-LD types whose ``author`` is the page's author too.
_PAGE_TYPES: frozenset[str] = frozenset({"webpage", "itempage", "profilepage", "collectionpage", "aboutpage"})
#: JSON-LD types of an author that is not a person.
ORGANISATION_TYPES: frozenset[str] = frozenset(
    {"organization", "newsmediaorganization", "corporation", "localbusiness", "educationalorganization",
     "governmentorganization", "ngo", "onlinebusiness", "brand"}
)
#: A credential after a name: "MD", "Ph.D.", "DVM, DACVB", "E-RYT 200".
_CREDENTIAL = re.compile(
    r"^(?:[A-Z][A-Za-z]?\.){1,4}[A-Z]?$|^[A-Z][A-Z0-9./-]{1,9}(?:\s+[A-Z0-9][A-Z0-9./-]*)*$|^Ph\.?\s?D\.?$"
)
_DECLARED_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b)\s*")
#: Job-title words that follow a name in a byline box ("Ines Calder Senior Writer").
ROLE_WORDS: frozenset[str] = frozenset(
    {"writer", "editor", "reporter", "correspondent", "contributor", "columnist", "journalist", "staff",
     "senior", "associate", "managing", "executive", "contributing", "chief", "deputy", "assistant",
     "coordinator", "manager", "director", "specialist", "expert", "strategist", "marketing", "content",
     "digital", "news", "features", "science", "health", "technology", "tech", "business", "sports",
     "politics", "photographer", "producer", "analyst", "consultant", "founder", "ceo"}
)
_DESK_ENDINGS = frozenset({"staff", "team", "desk", "newsroom", "editors", "reporters", "news"})
#: Words that name a newsroom desk or team: fine in a declared byline ("Metro Desk", "The Web Team").
DESK_WORDS: frozenset[str] = frozenset(
    {"staff", "team", "editors", "editor", "editorial", "desk", "newsroom", "news", "reporters", "reporter",
     "correspondent", "correspondents", "admin", "administrator", "contributors", "contributor", "guest", "media",
     "press", "online", "digital", "bureau", "redaktion", "rédaction", "redacción", "redazione", "inc", "ltd",
     "llc", "gmbh", "the", "our", "by", "writer", "agency"}
)
_FURNITURE_WORDS: frozenset[str] = P.NON_PERSON_WORDS - DESK_WORDS
#: Words that show a declared "name" is a label or a template placeholder ("page.author.name").
_NOT_A_NAME: frozenset[str] = frozenset({"author", "authors", "null", "undefined", "none", "unknown"})
_LAST_FIRST = re.compile(r"^([^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*)?),\s*([^\W\d_][\w'’. -]*)$")


def _balanced(name: str) -> str:
    """``name`` without an unmatched parenthesis at either end."""
    if name.endswith(")") and "(" not in name:
        name = name[:-1].rstrip()
    if name.startswith("(") and ")" not in name:
        name = name[1:].lstrip()
    return name


def declared_names(values: Iterable[str], citation: bool = False, furniture: bool = False) -> list[str]:
    """Names from a source that declares them as authors: split lists, drop credentials
    ("MD", "PhD"), URLs, agencies and numbers, but accept one-word names, handles and desks.
    ``citation`` reads each value as "Last, First" (the ``citation_author`` convention);
    ``furniture`` rejects names with a word of page furniture ("Learn more", "View profile"), for
    text taken from the page rather than from a declaration."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in values:
        value = _BY.sub("", _clean(raw)).strip(" .:-–—|")
        if not value or len(value) > 120 or value.startswith(("http://", "https://", "www.")):
            continue
        flipped = _LAST_FIRST.match(value) if citation else None
        parts = [f"{flipped.group(2)} {flipped.group(1)}"] if flipped else _DECLARED_SPLIT.split(value)
        if "@" in value and " " not in value:  # an e-mail address as the author
            parts = [value]
        for i, part in enumerate(parts):
            name = _balanced(part.strip(" :-–—|\"“”'").lstrip("."))
            if not name or len(name) > 60 or not any(c.isalpha() for c in name):
                continue
            if (i and _CREDENTIAL.match(name)) or name in _ALIAS_TO_AGENCY or name.casefold() in P.NON_PERSON_WORDS:
                continue
            words = set(re.split(r"[\W_]+", name.casefold()))
            if not _NOT_A_NAME.isdisjoint(words) or (furniture and not _FURNITURE_WORDS.isdisjoint(words)):
                continue
            if name.casefold() not in seen:
                seen.add(name.casefold())
                out.append(name)
            if len(out) >= MAX_AUTHORS:
                return out
    return out


def _author_sources(page: Page, bylines: Iterable[str]) -> Iterator[tuple[list[str], str, str]]:
    """(candidate strings, evidence label, how to read them), strongest first, computed only as
    far as they are needed (the CSS queries are the costly part).  How to read them:
    "declared" (:func:`declared_names`), "person" (:func:`people`), "single" (:func:`people`,
    one-word names too), "handle" (:func:`people`, user handles too)."""
    for key in AUTHOR_META:
        values = page.meta.get(key)
        if values:
            yield values, f"meta:{key}", "declared"
    micro = [
        _clean(node.attributes.get("content") or node.text(deep=True, separator=" "))
        for node in page.tree.css(MICRODATA_AUTHOR_SELECTOR)[:MAX_AUTHORS]
    ]
    if micro:
        yield micro, "microdata", "handle"
    byline: list[str] = []
    short: list[str] = []
    for node in page.tree.css(BYLINE_SELECTOR)[:BYLINE_NODES]:
        text = _clean(node.text(deep=True, separator=" "))
        if not 2 < len(text) <= 120 or _in_comments(node):
            continue
        by = _BY_HANDLE.match(text)
        if by:
            short.append(by.group(1))  # "Post by handle » date"
            continue
        byline.append(text)
        name = _AUTHOR_TAIL.sub("", _BY.sub("", _clean(_DATE_SPAN.sub(" ", text)))).strip()
        if name and len(name.split()) <= DECLARED_BYLINE_WORDS:
            short.append(name)  # the whole text of an author element or link: a name as given
    if byline:
        yield byline, "byline", "person"
    for name in short[:DECLARED_BYLINES]:
        yield [name], "byline", "byline-declared"
    visible = [line for line in bylines if _BY.match(line)]
    if visible:
        yield visible, "text", "single"


def _in_comments(node: Any, depth: int = 8) -> bool:
    """Whether ``node`` or one of its nearest ancestors is marked as a comment."""
    while node is not None and depth > 0:
        marks = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".casefold()
        if any(m in marks for m in COMMENT_MARKS):
            return True
        node, depth = node.parent, depth - 1
    return False


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
            name = _strip_role(_BY.sub("", part).strip(" .:-–—"))
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


def _strip_role(name: str) -> str:
    """``name`` without a job title after it ("Ines Calder Staff Writer" -> "Ines Calder")."""
    words = name.split()
    end = len(words)
    if words and words[-1].casefold() in _DESK_ENDINGS:
        return name  # "Valemont Courier Staff" is a desk, not a person with a title
    while end > 2 and words[end - 1].casefold().strip(",.") in ROLE_WORDS:
        end -= 1
    return " ".join(words[:end]) if end < len(words) else name


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
