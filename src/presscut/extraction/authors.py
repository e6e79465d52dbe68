"""The article's authors, from a parsed :class:`~presscut.extraction.page.Page`: the JSON-LD
``author``/``creator`` (``@id`` references followed), author meta tags (and the
``twitter:labelN``/``twitter:dataN`` pair labelled "Written by"), microdata, byline elements
and author links, then the visible "By ..." lines the content step found (after a date or a
reading time too: "Mar 24, 2025 · By ...").

:func:`find_authors` returns the names and the label of their evidence ("json-ld",
"meta:author", "microdata", "byline", "text"), or None.  Sources are tried in a fixed
order, strongest first; a source that declares authors is read with :func:`declared_names`,
free byline text with :func:`people`.  The key lists, selectors and word lists are data.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

from presscut.extraction import patterns as P
from presscut.extraction.metadata import _ALIAS_TO_AGENCY, _AUTHOR_SPLIT, _BY, MAX_AUTHORS, _clean, _names
from presscut.extraction.page import Page, json_ld_types
from presscut.extraction.titles import _is_site, _site_key

AUTHOR_META: tuple[str, ...] = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
    "byl", "citation_author", "twitter:creator:name",
)
#: ``twitter:labelN`` values that mark ``twitter:dataN`` as the author, and how many pairs are read.
AUTHOR_LABELS: frozenset[str] = frozenset(
    {"written by", "author", "by", "geschrieben von", "verfasst von", "écrit par", "escrito por"}
)
TWITTER_LABELS = 4
#: Elements whose text may be a byline.
BYLINE_SELECTOR = (
    '[rel~="author"], [itemprop~="author"], [class*="byline"], [class*="Byline"], [class*="author"], '
    '[class*="Author"], [id*="byline"], [data-testid*="byline"], a[href*="/author/"], a[href*="/authors/"]'
)
#: Elements whose text may be a byline too, looked at last (each selector makes the page's CSS query dearer).
LATE_BYLINE_SELECTOR = '[class~="submitted"], [class*="contributor"]'

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

#: English month names and abbreviations, for cutting a date off a byline.
MONTH_NAMES = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_AUTHOR_TAIL = re.compile(
    r"\s*(?:[|•·—–»]|\s[-@]\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+\w+\s+\d"
    r"|(?:\s(?:am|um|le|el|il|op|on))?\s*\d{1,2}[:/.]\d|\s(?:am|um|le|el|il|op|on|den|vom)\s+\d"
    r"|\b\d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\s+ago\b"
    r"|\b(?:publiziert|veröffentlicht|aktualisiert|alle\s+(?:artikel|beiträge)|all\s+(?:posts|articles|stories)"
    r"|more\s+(?:from|by)|\d*\s*shares?|\d+\s+(?:comments?|kommentare?|commentaires?|comentarios?|replies))\b"
    r"|\sin\s+(?=\S)).*$",
    re.IGNORECASE,
)
#: Words a date cut off a byline leaves at a name's end ("Ines Calder am", "Tomas Ruud le").
DANGLING_WORDS: frozenset[str] = frozenset({"am", "um", "vom", "le", "il", "op"})
#: A name of an organisation with a legal form or of an association ("Example GmbH", "Example e.V.",
#: "Example-Stiftung"): an author only as a last resort, like the site's own name.
_ORGANISATION = re.compile(
    r"(?:^|[\s-])(?:gmbh|e\.\s?v\.?|ag|inc\.?|ltd\.?|llc|plc|corp\.?|s\.a\.?|stiftung|verband|verlag)(?:$|[\s,])",
    re.IGNORECASE,
)
#: A name's last word that keeps its full stop: an initial or a short abbreviation ("Joe S.", "Jr.", "Inc.").
_ABBREVIATED_END = re.compile(r"(?:^|[\s.])(?:[^\W\d_]{1,2}|inc|ltd|corp|esq)\.$", re.IGNORECASE)
#: A written date inside a byline ("Dec 18, 2025", "18 December 2025").
_DATE_SPAN = re.compile(
    rf"\b{MONTH_NAMES}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?\b|\b\d{{1,2}}\.?\s+{MONTH_NAMES}\.?,?(?:\s+\d{{4}})?\b",
    re.IGNORECASE,
)
#: Such a date with the preposition before it ("on Jan 2, 2025").
_DATE_AFTER = re.compile(rf"(?:\b(?:on|am|um|le|el|il|op)\s+)?(?:{_DATE_SPAN.pattern})", re.IGNORECASE)
#: Dates, reading times and separators before a byline's "By" ("Mar 24, 2025 · 3 min read · By").
_LEADING_DATE = re.compile(
    rf"^(?:\s*(?:{_DATE_SPAN.pattern}|\b\d{{4}}\b|{P.READING_TIME.pattern}|[|•·—–,-]))+\s*", re.IGNORECASE
)
#: A line that is only a byline's label, the name being in the next element.
_BARE_LABEL = re.compile(
    rf"^\s*(?:(?:(?:article|post|story|text|words)\s+)?by|(?:{'|'.join(P.BYLINE_LEAD_WORDS)})\s+(?:by|von|par|por|door|da)"
    rf"|{'|'.join(P.AUTHOR_LABEL_WORDS)})\s*:?\s*$",
    re.IGNORECASE,
)
#: A short line of a numeric date (and a time) and then, after a separator, only a name; its longest length.
_DATED_NAME = re.compile(
    r"^\s*\d{1,2}[./]\d{1,2}[./](?:19|20)?\d{2}(?:\s*[|,-]?\s*\d{1,2}:\d{2}(?:\s*(?:uhr|h|am|pm))?)?"
    r"\s*[|•·—–-]\s*([^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3})\s*$",
    re.IGNORECASE,
)
DATED_NAME_CHARS = 60
_HANDLE = re.compile(r"^[^\W_][\w.-]{1,39}$")
#: A login shown as an author: one token of two or more parts joined by ".", "_" or "-", or one lower-case
#: word of more letters than a first name has ("ines.calder", "Ines_Calder", "inescalderwood").
_LOGIN = re.compile(r"^(?:[^\W_]+[._-])+[^\W_]+$|^[a-z]{12,}$")
_INNER_BY = re.compile(r"\bby\b", re.IGNORECASE)
#: A "by" after other words in a byline element ("Posted on <date> by ...", "06.11.2023 13:30 von ..."):
#: the name follows it.
_INNER_BYLINE = re.compile(r"^.{0,60}?\s(?:by|von|vom|par|por)\s+(?=\S)", re.IGNORECASE)
#: A credit that is not the author's, just before such a "by" ("Edited by", "Photo by", "Fotos von").
_OTHER_CREDIT = re.compile(
    r"\b(?:edited|photos?|photographed|pictures?|images?|illustrat\w*|translated|fotos?|bilder?|übersetzt"
    r"|herausgegeben)\s+\w+\s+$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")


def find_authors(
    page: Page, obj: dict[str, Any] | None, site_name: str | None, bylines: Iterable[str] = ()
) -> tuple[list[str], str] | None:
    """Authors, strongest source first: JSON-LD, meta tags, microdata, byline elements, then
    ``bylines`` (visible "By ..." lines found by the content step).

    A source that declares an author (a JSON-LD ``author``, a meta author tag, a short
    ``rel=author`` link or author element) is taken at its word: one-word names, user handles
    and desks ("Metro Desk") are accepted.  The site's own name, a one-word desk ("Redaktion")
    and organisations are kept only as a last resort, when no source names anyone else.
    """
    sites = [site_name] if site_name else []
    fallback: list[tuple[list[str], str]] = []
    declared, organisations = json_ld_authors(page, obj)
    candidates = itertools.chain([(declared, "json-ld", "declared")], _author_sources(page, bylines))
    for values, source, mode in candidates:
        names = _read(values, source, mode)
        own = [n for n in names if _is_site(n, sites) or n.casefold() in DESK_NAMES or _ORGANISATION.search(n)]
        if len(own) < len(names):
            found = [n for n in names if n not in own]
            if any(_LOGIN.match(n) for n in found):
                return _display_names(found, candidates), source
            return found, source
        if own:
            fallback.append((own, source))
    if fallback:
        return fallback[0]
    names = declared_names(organisations)
    return (names, "json-ld") if names else None


def _read(values: list[str], source: str, mode: str) -> list[str]:
    """The names in one source's ``values``, read as its ``mode`` says (see :func:`_author_sources`)."""
    if mode in ("declared", "byline-declared"):
        return declared_names(values, citation=source == "meta:citation_author", furniture=mode == "byline-declared")
    return people(values, single_ok=mode != "person", handle_ok=mode == "handle")


def _display_names(names: list[str], later: Iterator[tuple[list[str], str, str]]) -> list[str]:
    """``names`` with each login ("ines.calder", "Ines_Calder") replaced by the name a later source
    shows for the same letters ("Inès Calder"), when one does."""
    logins = {_letters(n): n for n in names if _LOGIN.match(n)}
    shown: dict[str, str] = {}
    for values, source, mode in later:
        for name in _read(values, source, mode):
            key = _letters(name)
            if key in logins and not _LOGIN.match(name):
                shown.setdefault(key, name)
        if len(shown) == len(logins):
            break
    return [shown.get(_letters(n), n) if _LOGIN.match(n) else n for n in names]


def _letters(name: str) -> str:
    """A name's letters, lower-case, without accents, separators or spaces ("Inès_Calder" -> "inescalder")."""
    folded = unicodedata.normalize("NFKD", name.casefold().replace("ß", "ss"))
    return "".join(c for c in folded if c.isalnum())


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
#: One-word desks a page may declare as its author ("Redaktion", "Staff"): kept, like the site's own
#: name, only when no source names a person.
DESK_NAMES: frozenset[str] = frozenset(
    {"staff", "team", "editors", "editorial", "desk", "newsroom", "redaktion", "rédaction", "redacción",
     "redazione", "redactie", "redakcja", "bureau"}
)
#: Words that show a declared "name" is a label or a template placeholder ("page.author.name").
_NOT_A_NAME: frozenset[str] = frozenset({"author", "authors", "null", "undefined", "none", "unknown"})
_LAST_FIRST = re.compile(r"^([^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*)?),\s*([^\W\d_][\w'’. -]*)$")


def _trim(name: str) -> str:
    """``name`` without separators and full stops at its ends, but with the full stop of a last
    initial or abbreviation ("Joe S.", "Perry Bacon Jr."), and without a day's name left after it
    by a date cut off ("Ines Calder Thursday", "Ines Calder am"), nor a user handle after it."""
    name = name.strip(" :-–—|").lstrip(".")
    while name.endswith(".") and not _ABBREVIATED_END.search(name):
        name = name[:-1].rstrip(" :-–—|,")
    words = name.split()
    while len(words) > 1 and (words[-1].casefold() in DANGLING_WORDS or words[-1].startswith("@")):
        words.pop()
    while 2 < len(words) <= 5 and words[-1].casefold().strip(".,") in P.CALENDAR_WORDS:
        words.pop()
    return " ".join(words).rstrip(",") if len(words) < len(name.split()) else name


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
    return _first_unique(_declared(values, citation, furniture))


def _declared(values: Iterable[str], citation: bool, furniture: bool) -> Iterator[str]:
    for raw in values:
        value = _trim(_BY.sub("", _clean(raw)))
        if not value or len(value) > 120 or value.startswith(("http://", "https://", "www.")):
            continue
        flipped = _LAST_FIRST.match(value) if citation else None
        parts = [f"{flipped.group(2)} {flipped.group(1)}"] if flipped else _DECLARED_SPLIT.split(value)
        if "@" in value and " " not in value:  # an e-mail address as the author
            parts = [value]
        for i, part in enumerate(parts):
            name = _balanced(_trim(part.strip(" :-–—|\"“”'").lstrip(".")))
            if not name or len(name) > 60 or not any(c.isalpha() for c in name):
                continue
            key = name.casefold()
            if (i and _CREDENTIAL.match(name)) or name in _ALIAS_TO_AGENCY:
                continue
            if key in P.NON_PERSON_WORDS and key not in DESK_NAMES:
                continue
            if key.rstrip(".") in P.CALENDAR_WORDS:  # "Sat" left of "Sat, 12 Apr 2025" in a byline
                continue
            words = set(re.split(r"[\W_]+", name.casefold()))
            if not _NOT_A_NAME.isdisjoint(words) or (furniture and not _FURNITURE_WORDS.isdisjoint(words)):
                continue
            yield name


def _first_unique(names: Iterable[str]) -> list[str]:
    """``names`` without repeats (ignoring case), at most :data:`MAX_AUTHORS`."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
            if len(out) >= MAX_AUTHORS:
                break
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
    labelled = _labelled_meta_author(page)
    if labelled is not None:
        yield [labelled[1]], f"meta:{labelled[0]}", "declared"
    micro = [
        _clean(node.attributes.get("content") or node.text(deep=True, separator=" "))
        for node in page.tree.css(MICRODATA_AUTHOR_SELECTOR)[:MAX_AUTHORS]
    ]
    if micro:
        yield micro, "microdata", "handle"
    yield from _element_bylines(page, BYLINE_SELECTOR)
    bylines = _joined_labels(list(bylines))
    visible = [line for line in map(_after_date, bylines) if _BY.match(line)]
    if visible:
        yield visible, "text", "single"
    # "11.12.2019 - Ines Calder", "04.02.2022 | 13:10 Uhr | Ines Calder": a date line ending in a name.
    dated = [m.group(1) for line in bylines if len(line) <= DATED_NAME_CHARS and (m := _DATED_NAME.match(line))]
    if dated:
        yield dated, "text", "person"
    # Rarer byline boxes (Drupal's "submitted", contributor fields), queried only when nothing else named anyone.
    yield from _element_bylines(page, LATE_BYLINE_SELECTOR)


def _joined_labels(lines: list[str]) -> list[str]:
    """``lines`` with a line that is only a byline's label ("Written by", "Author", "Article by") joined
    to the line after it, where a page sets the name in an element of its own."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if _BARE_LABEL.match(line) and i + 1 < len(lines):
            out.append(f"{line.strip().rstrip(':')}: {lines[i + 1]}")
        else:
            out.append(line)
    return out


def _element_bylines(page: Page, selector: str) -> Iterator[tuple[list[str], str, str]]:
    """The byline sources of the elements ``selector`` finds: their texts read as bylines, then up to
    :data:`DECLARED_BYLINES` short ones read as names given."""
    byline: list[str] = []
    short: list[str] = []
    for node in page.tree.css(selector)[:BYLINE_NODES]:
        text = _clean(node.text(deep=True, separator=" "))
        if not 2 < len(text) <= 120 or _in_comments(node):
            continue
        by = _BY_HANDLE.match(text)
        if by:
            short.append(by.group(1))  # "Post by handle » date"
            continue
        byline.append(text)
        name = _clean(_DATE_SPAN.sub(" ", text))
        inner = None if _BY.match(name) else _INNER_BYLINE.search(name)
        if inner is not None and not _OTHER_CREDIT.search(inner.group()):
            name = name[inner.end() :]  # "Posted on September 21, 2020 by Adi Tzlil"
        name = _AUTHOR_TAIL.sub("", _BY.sub("", name)).strip()
        if name and len(name.split()) <= DECLARED_BYLINE_WORDS:
            short.append(name)  # the whole text of an author element or link: a name as given
    if byline:
        yield byline, "byline", "person"
    for name in short[:DECLARED_BYLINES]:
        yield [name], "byline", "byline-declared"


def _labelled_meta_author(page: Page) -> tuple[str, str] | None:
    """The key and value of a ``twitter:dataN`` meta tag whose ``twitter:labelN`` says "Written
    by" (the author-and-reading-time pairs that SEO plugins add to a page's head)."""
    for n in range(1, TWITTER_LABELS + 1):
        labels = page.meta.get(f"twitter:label{n}", ())
        if any(label.strip().casefold() in AUTHOR_LABELS for label in labels):
            return page.meta_first(f"twitter:data{n}")
    return None


def _after_date(line: str) -> str:
    """A visible byline without the date or reading time before its "By" ("Mar 24, 2025 · By
    Ines Calder", "3 min read | By Ines Calder"); other lines unchanged."""
    lead = _LEADING_DATE.match(line)
    return line[lead.end() :] if lead is not None and _BY.match(line[lead.end() :]) else line


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
    return _first_unique(_people(values, _site_key(site_name) if site_name else None, single_ok, handle_ok))


def _people(values: Iterable[str], site_key: str | None, single_ok: bool, handle_ok: bool) -> Iterator[str]:
    for raw in values:
        value = _clean(_DATE_AFTER.sub(" ", raw))  # "By Ines Calder December 2, 2025", "... on Jan 2, 2025"
        if not value or value.startswith(("http://", "https://", "@")):
            continue
        for part in _AUTHOR_SPLIT.split(_AUTHOR_TAIL.sub("", _BY.sub("", value))):
            name = _strip_role(_trim(_BY.sub("", part)))
            if _INNER_BY.search(name) or not _looks_like_person(name, single_ok, handle_ok):
                continue
            if site_key and _site_key(name) == site_key:
                continue
            yield name


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
