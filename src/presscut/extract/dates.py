"""Publication and modification dates, with where they came from.

Evidence is tried strongest first: JSON-LD, meta tags, ``<time datetime>``
(and microdata ``datePublished``), a date in the URL path, then a visible
dateline, then a date key in the page's script data.  Every date is timezone-aware (naive ones are taken as UTC) and
must be plausible: not before :data:`EARLIEST`, and not after the fetch time
(or now) by more than :data:`CLOCK_SKEW`, which covers a naive local time
read as UTC.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from presscut.extract.page import Page

#: No news page on the web is older than this.
EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)
#: A naive local time read as UTC can be this far ahead of the real instant.
CLOCK_SKEW = timedelta(hours=14)

#: Meta keys (lower-cased name/property/itemprop) that give the publication date, best first.
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time", "og:article:published_time", "og:published_time", "published_time",
    "datepublished", "article.published", "article_date_original", "publish-date", "publish_date",
    "publishdate", "pubdate", "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
    "citation_publication_date", "citation_date", "originalpublicationdate", "date", "release_date",
    "published", "publication_date", "publication-date",
)
#: Keys of a page's script data (a framework's state: Next.js, Contentful, ...) that hold the
#: publication date; read only when nothing else gave one.
SCRIPT_DATE_KEYS: tuple[str, ...] = (
    "datePublished", "publishedDate", "publishDate", "publishedAt", "published_at", "published_on",
    "publicationDate", "firstPublishedAt", "first_published_at", "publishedOn", "pubDate",
)
#: How much of a page's inline scripts is searched for :data:`SCRIPT_DATE_KEYS`.
SCRIPT_SCAN_CHARS = 2_000_000
#: Meta keys that give the last modification date, best first.
MODIFIED_META: tuple[str, ...] = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "modified_time",
    "datemodified", "article.updated", "last-modified", "lastmod", "dcterms.modified",
    "dc.date.modified", "updated_time", "revised",
)

#: Zone abbreviations seen in datelines -> UTC offset in seconds (ambiguous ones left out).
TZ_ABBREVIATIONS: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "WEST": 3600, "CET": 3600, "MEZ": 3600,
    "CEST": 7200, "MESZ": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800, "EST": -18000, "EDT": -14400,
    "CST": -21600, "CDT": -18000, "MST": -25200, "MDT": -21600, "PST": -28800, "PDT": -25200,
    "JST": 32400, "KST": 32400, "AEST": 36000, "AEDT": 39600,
}
_URL_DATE = (
    re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|[^\d])"),
    re.compile(r"(?:^|[/_-])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:$|[^\d])"),
    re.compile(r"(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:$|[/_.-])"),
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
#: Visible datelines: "March 5, 2024", "5 March 2024", "2024-03-05", "05.03.2024".
TEXT_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_DOTTED = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$")


@dataclass(slots=True)
class Dates:
    published: datetime | None = None
    modified: datetime | None = None
    #: One of "json-ld", "meta", "time-element", "url", "text", "script" (for ``published``).
    source: str | None = None
    #: Evidence labels for the ``evidence`` dict ("meta:article:published_time").
    published_evidence: str | None = None
    modified_evidence: str | None = None


def parse_date(value: Any) -> datetime | None:
    """A timezone-aware datetime from an ISO 8601 or human date string; None when unreadable."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > 80 or not any(c.isdigit() for c in value):
        return None
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        from dateutil import parser as dateparser  # lazy: only non-ISO strings need it

        try:
            with warnings.catch_warnings():  # an unknown zone name ("MEZ") is read as naive, not an error
                warnings.simplefilter("ignore")
                parsed = dateparser.parse(
                    value, dayfirst=bool(_DOTTED.match(value)), fuzzy=False, tzinfos=TZ_ABBREVIATIONS
                )
        except (ValueError, OverflowError, TypeError, LookupError):
            return None
    if parsed is None:
        return None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed


def plausible(value: datetime | None, latest: datetime) -> datetime | None:
    """``value`` when it could be a real publication date, else None."""
    if value is None:
        return None
    try:
        if value < EARLIEST or value > latest + CLOCK_SKEW:
            return None
    except (OverflowError, ValueError):
        return None
    return value


def find_dates(
    page: Page,
    article_obj: dict[str, Any] | None,
    dateline_texts: list[str],
    fetched_at: datetime | None = None,
    headline_texts: list[str] | None = None,
    *,
    canonical_url: str | None = None,
) -> Dates:
    """Published and modified dates of ``page``.

    ``article_obj`` is the page's JSON-LD article, ``dateline_texts`` visible
    text where a dateline may sit (the byline area, the first paragraphs);
    a date in the path of the page's URL or else of its ``canonical_url`` counts too.
    """
    latest = fetched_at or datetime.now(timezone.utc)
    if latest.tzinfo is None:
        latest = latest.replace(tzinfo=timezone.utc)
    out = Dates()
    objs = [article_obj] if article_obj is not None else []
    objs += [o for o in page.json_ld if o is not article_obj]
    for obj in objs:
        value = plausible(parse_date(obj.get("datePublished") or obj.get("dateCreated")), latest)
        if value is not None:
            out.published, out.source, out.published_evidence = value, "json-ld", "json-ld"
            modified = plausible(parse_date(obj.get("dateModified")), latest)
            if modified is not None:
                out.modified, out.modified_evidence = modified, "json-ld"
            break
    if out.published is None:
        for key in PUBLISHED_META:
            value = _first_plausible(page.meta.get(key, ()), latest)
            if value is not None:
                out.published, out.source, out.published_evidence = value, "meta", f"meta:{key}"
                break
    if out.modified is None:
        for key in MODIFIED_META:
            value = _first_plausible(page.meta.get(key, ()), latest)
            if value is not None:
                out.modified, out.modified_evidence = value, f"meta:{key}"
                break
    for text in headline_texts or ():
        value = plausible(date_in_text(text), latest)
        if value is not None:
            if out.published is None or value.date() != out.published.date():
                out.published, out.source, out.published_evidence = value, "text", "text"
            break
    if out.published is None:
        value = _time_element(page, latest)
        if value is not None:
            out.published, out.source, out.published_evidence = value, "time-element", "time-element"
    for url in (page.url, canonical_url):
        if out.published is None and url:
            value = plausible(date_in_url(url), latest)
            if value is not None:
                out.published, out.source, out.published_evidence = value, "url", "url"
    if out.published is None:
        for text in dateline_texts:
            value = plausible(date_in_text(text), latest)
            if value is not None:
                out.published, out.source, out.published_evidence = value, "text", "text"
                break
    if out.published is None:
        value = _script_date(page, latest)
        if value is not None:
            out.published, out.source, out.published_evidence = value, "script", "script"
    if out.modified is not None and out.published is not None and out.modified < out.published:
        out.modified, out.modified_evidence = None, None
    return out


def date_in_url(url: str) -> datetime | None:
    """A date written in the URL's path ("/2024/03/05/", "/2024-03-05-", "/20240305/")."""
    from urllib.parse import urlsplit

    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for pattern in _URL_DATE:
        match = pattern.search(path)
        if match:
            try:
                year, month, day = (int(g) for g in match.groups())
                return datetime(year, month, day, tzinfo=timezone.utc)
            except ValueError:
                continue
    return None


def date_in_text(text: str) -> datetime | None:
    """The first dateline-looking date in ``text``."""
    match = TEXT_DATE.search(text)
    if match is None:
        return None
    return parse_date(match.group(0).replace(" of ", " "))


def _first_plausible(values: Any, latest: datetime) -> datetime | None:
    for raw in values:
        value = plausible(parse_date(raw), latest)
        if value is not None:
            return value
    return None


def _time_element(page: Page, latest: datetime) -> datetime | None:
    nodes = page.tree.css('[itemprop="datePublished"], time[datetime]')
    preferred: list[str] = []
    others: list[str] = []
    for node in nodes:
        attrs = node.attributes
        raw = attrs.get("datetime") or attrs.get("content") or node.text(deep=True)
        if not raw:
            continue
        marks = " ".join(v for k in ("itemprop", "class", "id") if (v := attrs.get(k))).lower()
        if "pubdate" in attrs or "publish" in marks or "datepublished" in marks or "posted" in marks:
            preferred.append(raw)
        elif "modif" not in marks and "updat" not in marks:
            others.append(raw)
    return _first_plausible(preferred, latest) or _first_plausible(others, latest)


_SCRIPT_DATE = re.compile(
    r"""(?:""" + "|".join(SCRIPT_DATE_KEYS) + r""")\b["']?\s*:\s*"""
    r"""["']((?:19|20)\d{2}-\d{2}-\d{2}[^"']{0,30})["']"""
)


def _script_date(page: Page, latest: datetime) -> datetime | None:
    """The first publication date found under a known key in the page's inline scripts."""
    budget = SCRIPT_SCAN_CHARS
    for node in page.tree.css("script:not([src])"):
        text = node.text(deep=True)
        if not text or ("ublish" not in text and "ubDate" not in text and "ublication" not in text):
            budget -= len(text)
            if budget <= 0:
                break
            continue
        match = _SCRIPT_DATE.search(text, 0, budget)
        if match is not None:
            value = plausible(parse_date(match.group(1)), latest)
            if value is not None:
                return value
        budget -= len(text)
        if budget <= 0:
            break
    return None
