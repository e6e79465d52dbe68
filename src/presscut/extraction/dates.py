"""Publication and modification dates, with where they came from.

Evidence is tried strongest first: JSON-LD, meta tags (a visible date labelled
"Published" by the headline or in the byline, or else any visible date by the
headline, overrides them when it names another day, a numeric one read either
way included; so does an older date in the first lines after the ``<h1>``, the
declared one then being a re-publication's), ``<time datetime>`` (and
microdata ``datePublished``/``dateCreated``; those inside an ``<article>`` first),
a date in the URL path, an element marked as a date ("post-date") outside related
lists and comments, a visible dateline (the byline area, the first paragraphs, the
elements right after the ``<h1>``), a date key in the page's script data, a
creation-time attribute (:data:`DATE_ATTRIBUTES`), and last the modification date.
Visible dates are read in English and in the month names of other languages
(:data:`MONTH_WORDS`); a numeric date whose day/month order cannot be told is not
guessed.  Every date is timezone-aware (naive ones are taken as UTC) and
must be plausible: not before :data:`EARLIEST`, and not after the fetch time
(or now) by more than :data:`CLOCK_SKEW`, which covers a naive local time
read as UTC.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import chain, islice
from typing import Any

from presscut.extraction import patterns as P
from presscut.extraction.page import Page

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
    "published", "publication_date", "publication-date", "published-date", "published_date",
)
#: Keys of a page's script data (a framework's state: Next.js, Contentful, ...) that hold the
#: publication date; read only when nothing else gave one.
SCRIPT_DATE_KEYS: tuple[str, ...] = (
    "datePublished", "publishedDate", "publishDate", "publishedAt", "published_at", "published_on",
    "publicationDate", "firstPublishedAt", "first_published_at", "publishedOn", "pubDate",
)
#: How much of a page's inline scripts is searched for :data:`SCRIPT_DATE_KEYS`.
SCRIPT_SCAN_CHARS = 2_000_000
#: How much later than a visible date by the headline a declared publication date must be to give way
#: to it (a day's difference is a time zone's).
REPUBLISHED_AFTER = timedelta(days=1)
#: How many of the short texts after the headline are read for that date, and the longest such text
#: (a byline line, not a quotation with its source's date further down).
REPUBLISHED_TEXTS = 3
REPUBLISHED_TEXT_CHARS = 100
#: Labels of dates that are not a text's publication: a forum member's panel, an event's schedule.
_NOT_PUBLICATION = re.compile(
    r"\b(?:joined|join date|member since|registered|founded|born|deadline|expires|starts|ends|event date"
    r"|mitglied seit|dabei seit|registriert|membre depuis|inscrit|miembro desde|registrado)\b",
    re.IGNORECASE,
)
#: Meta keys that give the last modification date, best first.
MODIFIED_META: tuple[str, ...] = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "modified_time",
    "datemodified", "article.updated", "last-modified", "lastmod", "dcterms.modified",
    "dc.date.modified", "updated_time", "revised", "modified-date", "modified_date",
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
    re.compile(
        r"/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(0?[1-9]|[12]\d|3[01])(?:/|$|[^\d])",
        re.IGNORECASE,
    ),
    re.compile(r"(?:^|[/_-])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:$|[^\d])"),
    re.compile(r"(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:$|[/_.-])"),
    re.compile(r"/((?:19|20)\d{2})-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/"),
)
#: A day-first date in the path ("/meldungen/29-10-2021", "bericht_vom_22.04.2020_...").
_URL_DAY_FIRST = re.compile(r"(?:^|[/_-])(0?[1-9]|[12]\d|3[01])([.-])(0?[1-9]|1[0-2])\2((?:19|20)\d{2})(?:$|[^\d])")
_URL_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
#: Visible datelines: "March 5, 2024", "5 March 2024", "2024-03-05", "05.03.2024".
TEXT_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}(?!\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+(?:19|20)\d{{2}}(?!\d)"
    r"|(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d{2}(?!\d)"
    r"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b)",
    re.IGNORECASE,
)
#: An ISO 8601 date and time written out as an element's text ("2024-03-05T08:10+02:00").
_ISO_DATETIME = re.compile(r"(?:19|20)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^(?:19|20)\d{2}-\d{2}-\d{2}")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: A numeric date with a two-digit-or-less day and month both under 13, not day-first dotted.
_AMBIGUOUS_NUMERIC = re.compile(r"^(0?[1-9]|1[0-2])[-/](0?[1-9]|1[0-2])[-/](?:19|20)\d{2}\b")
_DOTTED = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$")
#: A dotted day-first date with a two-digit year, day and month written with two digits ("31.10.23"),
#: read only in a text no longer than this (a date line, not a version number in a sentence).
_SHORT_YEAR = re.compile(r"(?<![\d.])(0[1-9]|[12]\d|3[01])\.(0[1-9]|1[0-2])\.(\d{2})(?![\d.])")
SHORT_YEAR_TEXT_CHARS = 40

#: Month names and abbreviations in the languages presscut meets most (English ones are read by
#: :data:`TEXT_DATE`), lower-cased, without their trailing dot -> month number.
MONTH_WORDS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "januar jänner janvier enero gennaio janeiro januari jan janv ene gen",
            "februar feber février febrero febbraio fevereiro februari feb févr fév fevr febr",
            "märz maerz mars marzo março maart mär mrz",
            "april avril abril aprile apr avr abr",
            "mai mayo maggio maio mei mag",
            "juni juin junio giugno junho jun giu",
            "juli juillet julio luglio julho jul juil lug",
            "august août agosto augustus aug ago",
            "september septembre septiembre settembre setembro sep sept set",
            "oktober octobre octubre ottobre outubro okt oct ott out",
            "november novembre noviembre novembro nov",
            "dezember décembre decembre diciembre dicembre dezembro december dez déc dic",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH_WORD = "|".join(sorted(map(re.escape, MONTH_WORDS), key=len, reverse=True))
#: Datelines :data:`TEXT_DATE` does not read: "5. März 2024", "5 de marzo de 2024", "04-ago-2021",
#: "2025.12.17", "2025/12/17", and day/month/year with slashes when the order is certain.
OTHER_DATE = re.compile(
    rf"(?<![\w.])(?P<d>0?[1-9]|[12]\d|3[01])(?:\.|º|er)?(?:\s+de\s+|\s+|-)(?P<mw>{_MONTH_WORD})\.?(?:\s+de|,)?[\s-]+"
    r"(?P<y>(?:19|20)\d{2})(?!\d)"
    r"|\b(?P<y2>(?:19|20)\d{2})(?P<sep>[./])(?P<m2>0[1-9]|1[0-2])(?P=sep)(?P<d2>0[1-9]|[12]\d|3[01])\b"
    r"|\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y3>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Dates:
    published: datetime | None = None
    modified: datetime | None = None
    #: One of "json-ld", "meta", "time-element", "url", "text", "script", "modified" (for ``published``;
    #: "modified": the page gave only a modification date).
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
    if _AMBIGUOUS_NUMERIC.match(value):
        return None  # 03-04-2024: day-first or month-first cannot be told
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        if not _YEAR.search(value):
            return None  # "April 12": a reader would fill in today's year, which is a guess
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
    # "Published March 5, 2024" by the headline or in the byline: the page says so in words.
    found = _labelled([*(headline_texts or ()), *dateline_texts], latest)
    labelled = found[0] if found is not None else None
    if found is not None and (out.published is None or not _same_day(found[0], out.published, found[1])):
        out.published, out.source, out.published_evidence = found[0], "text", "text"
    declared = out.published is not None
    for text in (headline_texts or ()) if labelled is None else ():
        if declared and P.UPDATED_LABEL.search(text):
            # "Last updated: ..." by the headline: a revision's date, not a better publication date.
            value = plausible(date_in_text(text), latest)
            if out.modified is None and value is not None:
                out.modified, out.modified_evidence = value, "text"
            continue
        value = plausible(date_in_text(text), latest)
        if value is None and OTHER_DATE.search(text):
            break  # a date in an order that cannot be told (03/04/2024): no later line is likelier
        if value is not None:
            if out.published is None or not _same_day(value, out.published, text):
                out.published, out.source, out.published_evidence = value, "text", "text"
            break
    if out.source in ("json-ld", "meta") and out.published is not None:
        # A date by the headline older than the declared one: the text's first publication, the
        # declared date being that of a move to a new site or system (a later one is an update).
        for text in islice(_after_heading(page), REPUBLISHED_TEXTS):
            if len(text) > REPUBLISHED_TEXT_CHARS or _NOT_PUBLICATION.search(text):
                continue
            value = plausible(date_in_text(text), latest)
            if value is not None:
                if value.date() < out.published.date() - REPUBLISHED_AFTER and not _same_day(
                    value, out.published, text
                ):
                    out.published, out.source, out.published_evidence = value, "text", "text"
                break
    if out.published is None:
        candidates = _fallback_dates(page, latest, dateline_texts, canonical_url)
        found_date = next((found for found in candidates if found[0] is not None), None)
        if found_date is not None:
            out.published, out.source, out.published_evidence = found_date
    if out.published is None and out.modified is not None:
        # Only a modification date: the best the page says about when its text is from.
        out.published, out.source, out.published_evidence = out.modified, "modified", out.modified_evidence
    if out.modified is not None and out.published is not None and out.modified < out.published:
        out.modified, out.modified_evidence = None, None
    return out


def _fallback_dates(
    page: Page, latest: datetime, dateline_texts: list[str], canonical_url: str | None
) -> Iterator[tuple[datetime | None, str, str]]:
    """Where a publication date that no declaration or label gave is looked for, likeliest first, as
    (date or None, source, evidence): lazily, so that the first place with a date ends the search."""
    yield _time_element(page, latest), "time-element", "time-element"
    for url in (page.url, canonical_url):
        if url:
            yield plausible(date_in_url(url), latest), "url", "url"
    yield _date_element(page, latest), "text", "date-element"
    for text in chain(dateline_texts, _after_heading(page)):
        yield plausible(date_in_text(text), latest), "text", "text"
    yield _script_date(page, latest), "script", "script"
    found = _attribute_date(page, latest)
    if found is not None:
        yield found[0], "time-element", f"attribute:{found[1]}"


#: A numeric date whose day and month could be read either way ("09.10.2024", "9/10/2024").
_TWO_WAY_NUMERIC = re.compile(r"(?<![\d.])(?:0?[1-9]|1[0-2])([./-])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}(?!\d)")


def _same_day(visible: datetime, declared: datetime, text: str) -> bool:
    """Whether a date read from ``text`` names the declared day, also when ``text`` writes it as a
    numeric date read day first whose month-first reading is that day ("09.10.2024" for 10 September)."""
    day = declared.date()
    return visible.date() == day or (
        (visible.year, visible.day, visible.month) == (day.year, day.month, day.day)
        and _TWO_WAY_NUMERIC.search(text) is not None
    )


def date_in_url(url: str) -> datetime | None:
    """A date written in the URL's path ("/2024/03/05/", "/2024-03-05-", "/20240305/"), or day first when
    the order is certain ("/29-10-2021", "_22.04.2020_")."""
    from urllib.parse import urlsplit

    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for pattern in _URL_DATE:
        match = pattern.search(path)
        if match:
            try:
                year, month, day = (
                    int(g) if g.isdigit() else _URL_MONTHS.index(g[:3].casefold()) + 1 for g in match.groups()
                )
                return datetime(year, month, day, tzinfo=timezone.utc)
            except ValueError:
                continue
    day_first = _URL_DAY_FIRST.search(path)
    if day_first is not None:
        d, sep, m, y = day_first.groups()
        if sep == "." or int(d) > 12:  # "22.04.2020" is day-first; "01-02-2022" could be either
            try:
                return datetime(int(y), int(m), int(d), tzinfo=timezone.utc)
            except ValueError:  # "31.02.2020"
                return None
    return None


def date_in_text(text: str) -> datetime | None:
    """The first dateline-looking date in ``text``: English month names, ISO and dotted dates,
    month names in other languages, year-first dates and unambiguous slashed dates; in a text as
    short as a date line, a dotted date with a two-digit year too ("31.10.23")."""
    match = TEXT_DATE.search(text)
    other = OTHER_DATE.search(text)
    if match is not None and (other is None or match.start() <= other.start()):
        return parse_date(match.group(0).replace(" of ", " "))
    if other is None:
        short = _SHORT_YEAR.search(text) if len(text) <= SHORT_YEAR_TEXT_CHARS else None
        if short is None:
            return None
        day, month, year = (int(g) for g in short.groups())
        return datetime(year + (1900 if year >= 90 else 2000), month, day, tzinfo=timezone.utc)
    groups = other.groupdict()
    if groups["y"]:
        year, month, day = int(groups["y"]), MONTH_WORDS[groups["mw"].casefold()], int(groups["d"])
    elif groups["y2"]:
        year, month, day = int(groups["y2"]), int(groups["m2"]), int(groups["d2"])
    else:
        a, b, year = int(groups["a"]), int(groups["b"]), int(groups["y3"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        else:
            return None  # 03/04/2024: the order is a guess
    try:
        return datetime(year, month, day, tzinfo=timezone.utc)
    except ValueError:
        return None


#: How many short elements after the ``<h1>`` are read, how many levels up, and the longest text.
AFTER_HEADING_ELEMENTS = 6
AFTER_HEADING_LEVELS = 3
AFTER_HEADING_CHARS = 200


def _after_heading(page: Page) -> Iterator[str]:
    """Short texts of the elements that follow the page's first ``<h1>`` (its next siblings,
    then its parent's), where a dateline sits when the content step left the headline out."""
    node, level, seen, inside = page.tree.css_first("h1"), 0, 0, 0
    while node is not None and level < AFTER_HEADING_LEVELS:
        sibling = node.next
        while sibling is not None:
            tag = sibling.tag or "-"
            text = "" if tag in _NOT_DATE_TAGS or tag.startswith("-") else sibling.text(deep=True, separator=" ")
            if text and len(text) <= AFTER_HEADING_CHARS:
                seen += 1
                if seen > AFTER_HEADING_ELEMENTS:
                    return
                yield " ".join(text.split())
            elif text and not level and inside < AFTER_HEADING_ELEMENTS:
                # A long box right by the h1 (an excerpt with the meta line below it): its short parts,
                # counted apart so that they do not crowd out what follows.
                for part in islice(_short_texts(sibling, AFTER_HEADING_LEVELS), AFTER_HEADING_ELEMENTS - inside):
                    inside += 1
                    yield part
            sibling = sibling.next
        node, level = node.parent, level + 1


def _short_texts(node: Any, depth: int) -> Iterator[str]:
    """The text of ``node`` when it is short, else the short texts of its children (an excerpt
    and the line of meta data below it in one box), at most ``depth`` levels down."""
    tag = node.tag or "-"
    if tag in _NOT_DATE_TAGS or tag.startswith("-"):  # "-text", "-comment"
        return
    text = node.text(deep=True, separator=" ")
    if not text or not text.strip():
        return
    if len(text) <= AFTER_HEADING_CHARS:
        yield " ".join(text.split())
        return
    child = node.child
    while child is not None and depth > 0:
        yield from _short_texts(child, depth - 1)
        child = child.next


def _labelled_date(texts: list[str], latest: datetime) -> datetime | None:
    """The date right after a "Published"/"Posted" label in the first of ``texts`` that has one."""
    found = _labelled(texts, latest)
    return found[0] if found is not None else None


def _labelled(texts: list[str], latest: datetime) -> tuple[datetime, str] | None:
    """:func:`_labelled_date` and the text it was read from."""
    for text in texts:
        label = P.PUBLISHED_LABEL.search(text)
        if label is not None:
            window = text[label.end() : label.end() + P.LABELLED_DATE_CHARS]
            value = plausible(date_in_text(window), latest)
            if value is not None:
                return value, window
    return None


def _first_plausible(values: Any, latest: datetime) -> datetime | None:
    for raw in values:
        value = plausible(parse_date(raw), latest)
        if value is not None:
            return value
    return None


#: How far up from a ``<time>`` an enclosing ``<article>`` is looked for.
ARTICLE_DEPTH = 12


def _time_element(page: Page, latest: datetime) -> datetime | None:
    """The first ``<time datetime>`` (or microdata ``datePublished``) that is marked as the
    publication date, else the first one not marked as a modification date; within each, those
    inside an ``<article>`` come before the others (a list of other pages' dates may come first)."""
    nodes = page.tree.css('[itemprop="datePublished"], time[datetime]')
    ranked: list[tuple[int, str]] = []
    for node in nodes:
        attrs = node.attributes
        raw = attrs.get("datetime") or attrs.get("content") or node.text(deep=True)
        if not raw:
            continue
        marks = " ".join(v for k in ("itemprop", "class", "id") if (v := attrs.get(k))).lower()
        inside = 0 if _in_article(node) else 1
        if "pubdate" in attrs or "publish" in marks or "posted" in marks or "datecreated" in marks:
            ranked.append((inside, raw))
        elif "modif" not in marks and "updat" not in marks:
            ranked.append((2 + inside, raw))
    ranked.sort(key=lambda pair: pair[0])  # stable: page order within a rank
    for _, raw in ranked:
        value = plausible(parse_date(raw) or date_in_text(raw), latest)
        if value is not None:
            return value
    return None


def _in_article(node: Any, depth: int = ARTICLE_DEPTH) -> bool:
    """Whether ``node`` sits inside an ``<article>`` element (at most ``depth`` levels up)."""
    while node is not None and depth > 0:
        if node.tag == "article":
            return True
        node, depth = node.parent, depth - 1
    return False


#: Elements whose class or id says they hold a date.
DATE_ELEMENT_SELECTOR = (
    '[class*="date" i], [class*="publish" i], [class*="publication" i], [class*="posted" i], [id*="date" i], '
    '[class*="postmeta" i], [class*="post-meta" i]'
)
#: How many such elements are read, and the longest text one may have.
DATE_ELEMENTS = 40
DATE_ELEMENT_CHARS = 100
#: Class/id words of containers whose dates belong to something else than the page's article
#: (other articles, comments, events), looked for on the element and its nearest ancestors.
#: A class/id token starting with one of them counts ("related-posts", "comments").
FOREIGN_DATE_MARKS: tuple[str, ...] = (
    "related", "comment", "reply", "replies", "recent", "popular", "sidebar", "card", "teaser",
    "footer", "calendar", "event", "promo", "recommend", "more", "next", "prev", "archive", "cart",
)
#: How far up from a date element its containers are looked at (a card in a list item in a list).
FOREIGN_DEPTH = 4
_TOKEN_SPLIT = re.compile(r"[^a-z]+")
#: Elements never read for a date.
_NOT_DATE_TAGS = frozenset({"html", "body", "script", "style", "input", "form", "select", "option", "textarea"})


def _date_element(page: Page, latest: datetime) -> datetime | None:
    """The first visible date in an element marked as a date ("post-date", "entry-date",
    "published"), outside related-article lists, comments and event calendars; one whose date is
    labelled "Published" comes first, and one labelled so in such a list or a sidebar is the last resort."""
    first: datetime | None = None
    labelled_elsewhere: datetime | None = None
    for node in page.tree.css(DATE_ELEMENT_SELECTOR)[:DATE_ELEMENTS]:
        if node.tag in _NOT_DATE_TAGS:
            continue
        text = node.text(deep=True, separator=" ")
        if not text or len(text) > DATE_ELEMENT_CHARS * 3:
            continue
        text = " ".join(text.split())[:DATE_ELEMENT_CHARS]
        if not text:
            continue
        label = _label_before(node)
        labelled = _labelled_date([f"{label} {text}" if label else text], latest)
        if _foreign(node):
            # A sidebar, say, whose date is labelled "Published": when nothing else is marked as a date.
            labelled_elsewhere = labelled_elsewhere or labelled
            continue
        if labelled is not None:
            return labelled  # "Originally published on ...": the page says which date it is
        found = date_in_text(text) or (parse_date(text.split()[0]) if _ISO_DATETIME.match(text) else None)
        value = plausible(found, latest)
        if value is not None and first is None:
            first = value
    return first or labelled_elsewhere


#: The longest text of an element read as the label of the date element after it.
LABEL_CHARS = 30


def _label_before(node: Any) -> str:
    """The short text of the element just before ``node`` ("<dt>Published</dt><dd>...</dd>"),
    where a date element's label sits when it is not inside it."""
    prev, text = node.prev, ""
    while prev is not None and not text:  # past white space, comments and empty icons
        text = "" if prev.tag == "-comment" else prev.text(deep=True, separator=" ").strip()
        prev = prev.prev
    return text if len(text) <= LABEL_CHARS else ""


def _foreign(node: Any, depth: int = FOREIGN_DEPTH) -> bool:
    """Whether ``node`` or one of its nearest ancestors is marked as not the article's own."""
    while node is not None and depth > 0:
        marks = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".casefold()
        if marks.strip() and any(t.startswith(FOREIGN_DATE_MARKS) for t in _TOKEN_SPLIT.split(marks) if t):
            return True
        node, depth = node.parent, depth - 1
    return False


_SCRIPT_DATE = re.compile(
    r"""(?:""" + "|".join(SCRIPT_DATE_KEYS) + r""")\b\\?["']?\s*:\s*\\?["']"""
    r"""((?:19|20)\d{2}-\d{2}-\d{2}[^"'\\]{0,30}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?, (?:19|20)\d{2})\\?["']"""
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


#: Attributes that hold an element's creation or publication time in custom elements and
#: script-rendered markup (``<x-post created-timestamp="2024-03-05T08:10:00+0000">``).
DATE_ATTRIBUTES: tuple[str, ...] = (
    "data-published", "data-published-at", "data-publish-date", "data-date-published", "data-pubdate",
    "data-created", "data-created-at", "created-timestamp", "data-created-timestamp", "data-post-date",
)
_DATE_ATTRIBUTE_SELECTOR = ", ".join(f"[{name}]" for name in DATE_ATTRIBUTES)


def _attribute_date(page: Page, latest: datetime) -> tuple[datetime, str] | None:
    """The first ISO date in a :data:`DATE_ATTRIBUTES` attribute of an element that is not itself
    (nor its parent) marked as a comment or a related item; utility classes further up say little."""
    for node in page.tree.css(_DATE_ATTRIBUTE_SELECTOR)[:DATE_ELEMENTS]:
        if _foreign(node, depth=2):
            continue
        for name in DATE_ATTRIBUTES:
            raw = (node.attributes.get(name) or "").strip()
            value = plausible(parse_date(raw), latest) if _ISO_DATE.match(raw) else None
            if value is not None:
                return value, name
    return None
