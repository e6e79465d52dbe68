"""The article's headline, from a parsed :class:`~presscut.extraction.page.Page`: the page's
``<h1>`` elements checked against the declared titles (``og:title``/``twitter:title``, the
JSON-LD ``headline``, ``<title>``), with the site's name cut off the ends of a title (but
kept at the start of a home page's title, whose subject is the site; a leading part that is a
product's name, "Example Payments", stays).  A heading's kicker, subtitle and buttons are left
out, and a heading marked as the logo is skipped; a heading that lost a separator the declared
title has, or that carries a short label before it ("Blog:", a date), gives way to the declared
title; a declared title still divided by a pipe (or a slash between words) keeps its first part.
A page's one headline-length ``<h1>`` wins over a ``<title>`` it does not agree with, the only
declared title (a single-page app's ``<title>`` is often the same on every page).

:func:`find_title` returns the headline and the label of its evidence ("h1",
"meta:og:title", "json-ld", "title"), or None; the key list and thresholds are data at the top.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from presscut.extraction.metadata import Found, _clean, _strings
from presscut.extraction.page import Page

TITLE_META: tuple[str, ...] = ("og:title", "twitter:title")
#: An ``<h1>`` longer than this is not a headline.
MAX_TITLE_CHARS = 300
#: The share a later ``<h1>`` must share (the first one is the likelier headline).
LATER_H1_AGREEMENT = 0.6
#: How many ``<h1>`` elements are tried, in page order, for one that agrees with the declared titles.
MAX_H1 = 5
#: How many ``<h2>`` elements are looked at for one that is a part of a declared title, and the fewest
#: words that part needs (a section's name, "News", is no headline).
MAX_H2 = 5
MIN_PART_WORDS = 2
#: Most parts a declared title divided by separators may have to be searched for runs of parts.
MAX_TITLE_PARTS = 12
#: Class/id words of the boxes whose headings name the site, not the page, and how far up they are looked for.
MASTHEAD_MARKS: tuple[str, ...] = (
    "banner", "sitename", "site-name", "site_name", "site-title", "site_title", "logo", "brand", "masthead",
    "navigation", "navbar", "menu",
)
MASTHEAD_DEPTH = 6
#: Fewest and most words of a page's only ``<h1>`` taken over a ``<title>`` it does not agree
#: with: a headline's length, not a label's nor a post's.
MIN_LONE_H1_WORDS = 4
MAX_LONE_H1_WORDS = 25
#: Share of words an ``<h1>`` must share with a declared title to be taken as the headline.
TITLE_AGREEMENT = 0.5

#: Most words of a label before the headline in an ``<h1>`` ("Blog:", "Thread:", "Dec 18 2025").
MAX_LABEL_WORDS = 3
#: Fewest words a declared title needs to be taken as the headline after such a label.
MIN_LABELLED_WORDS = 2
#: Fewest words the part of a declared title before a pipe needs to be taken as the page's name.
MIN_NAME_WORDS = 2
#: Words that end no label: an ``<h1>`` with one of them just before a declared title is one
#: sentence ("The Best ...", "Welcome to ...").
NOT_LABEL_END: frozenset[str] = frozenset(
    {"the", "a", "an", "to", "of", "for", "in", "on", "at", "with", "and", "or", "my", "our", "your", "is",
     "der", "die", "das", "zu", "le", "la", "les", "de", "el", "il", "los", "las"}
)

#: Elements inside a heading whose text is not the heading's: code, an icon's ``<title>``.
HEADING_JUNK = "style, script, svg"
#: Elements inside a heading that hold a kicker (a topic line above the headline, "Dachzeile"),
#: a subtitle, a standfirst or a date line after it (``<small>``), or a button ("Copy link"):
#: left out unless they are all the heading holds.
KICKER_SELECTOR = ", ".join(
    ["small", "button"]
    + [
        f'[class*="{word}" i]'
        for word in ("kicker", "overline", "roofline", "topline", "dachzeile", "spitzmarke", "supertitle", "eyebrow",
                     "subtitle", "sub-title", "subline", "standfirst", "subhead")
    ]
)

#: A title part of at most this many words that holds the domain's name is the site's name.
SITE_PART_WORDS = 3
#: Words that may follow or precede a site's name in a title part that is still just the site
#: ("Example Forums", "The Example Blog", "Example.com"): a kind of site, a legal form, a domain ending.
SITE_KIND_WORDS: frozenset[str] = frozenset(
    {"forum", "forums", "blog", "blogs", "news", "community", "communities", "magazine", "online", "official",
     "site", "website", "web", "shop", "store", "inc", "ltd", "llc", "gmbh", "ag", "co", "com", "org", "net",
     "the", "us", "uk", "group", "media", "journal", "board", "boards", "discussion", "discussions", "wiki",
     "docs", "documentation", "home", "homepage", "de", "fr", "www", "io", "ai", "app", "hq"}
)
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go"})
#: Paths (without slashes, lower-cased) that are a site's home page besides the empty one.
HOME_PATHS: frozenset[str] = frozenset({"index.html", "index.htm", "index.php", "home", "default.aspx"})
_LOCALE_PATH = re.compile(r"[a-z]{2}(?:[-_][a-z]{2})?")
#: A pipe, or a slash between words ("Topic / Forum / Board", not "12 / 2025"), that divides a title.
_PIPE = re.compile(r"\s+\|\s+|(?<![\d\s])\s+/\s+|\s+/\s+(?![\d\s])")
_PUNCTUATION = re.compile(r"[^\w\s]")
#: A separator left at a heading's start by a kicker outside it or styled away (": Headline").
_LEADING_MARK = re.compile(r"^(?:[:|·•]+|[-–—]+(?=\s))\s*")
_PERMALINK = re.compile(r"\s*[¶#§🔗]+$")
_TITLE_SEP = re.compile(r"\s+(?:[|·•»«:/~]|::|-{1,2}|–|—)\s+|\s*\|\s*")


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
    raws = [raw for raw, _ in declared]
    h2s = functools.cache(lambda: _h2_sequences(page))  # read only when a rule needs them
    if h1_text and (
        _is_suffix(h1_text, raws, sites)
        or _is_added(h1_text, raws, sites)
        or _is_named_part(h1_text, raws, sites, h2s)
    ):
        sites.append(h1_text)  # the site's name as the page's <h1>: a suffix to strip, not the headline
    home = is_home_page(page.url)
    stripped = [(strip_site_suffix(_clean(raw), sites, h1_text, keep_leading=home), source) for raw, source in declared]
    stripped = [(title, source) for title, source in stripped if title]  # "| Site": nothing left to compare
    # A declared title that is just the domain's name ("Example" on shop.example.com) is no headline.
    labels = {label for s in sites if (label := _domain_label(s))}
    named = [(title, source) for title, source in stripped if _site_key(title) not in labels]
    stripped = named or stripped
    later = False  # after a heading that might have been the headline: held to a later one's agreement
    for i, heading in enumerate(headings):
        if not heading or len(heading) > MAX_TITLE_CHARS or _is_site(heading, sites) or _is_logo(nodes[i]):
            continue
        words = _title_words(heading)
        share = LATER_H1_AGREEMENT if later else TITLE_AGREEMENT
        if (not stripped and not later) or any(
            _agrees(words, _title_words(t), share, later=later and not _starts(t, heading)) for t, _ in stripped
        ):
            headline = strip_site_suffix(heading, sites, keep_leading=home)
            if headline != heading:  # a copy of the <title> ("Headline | Section | Site"): read as one
                headline = _before_pipe(headline)
            # A heading split over several elements ("<span>Question</span> Want to know"), or
            # whose separator is drawn by the style sheet, loses punctuation: a declared title of
            # the same words keeps it.
            sequence = _word_sequence(headline)
            # A word split over two elements ("Planning C<span>ycle</span>") gains a space.
            same = [
                (t, src)
                for t, src in stripped
                if (_word_sequence(t) == sequence and (split[i] or _lost_separator(headline, t)))
                or _split_word(sequence, _word_sequence(t))
            ]
            if same:
                return same[0]
            # "Blog: Headline", "Dec 18 2025 Headline": a short label before a declared title
            labelled = [(t, src) for t, src in stripped if _label_before(sequence, _word_sequence(t))]
            if labelled:
                return labelled[0]
            return headline, "h1"
        later = True
    # No <h1> is the headline: a part of a declared title that is also one of the page's first <h2>s is
    # ("Site's Home | Headline" over "<h2>Headline</h2>", a blog whose <h1> is its name).
    part = _part_as_heading(declared, h2s())
    if part is not None:
        return part
    # Only a <title> to go by, and it disagrees with the page's one headline-length <h1>: a
    # single-page app's <title> is often the same on every page ("Quillbrook - Where the harbour talks")
    lone = [(node, text) for node, text in zip(nodes, headings, strict=True) if text]
    if (
        len(lone) == 1
        and all(source == "title" for _, source in stripped)
        and MIN_LONE_H1_WORDS <= len(lone[0][1].split()) <= MAX_LONE_H1_WORDS
        and not _is_site(lone[0][1], sites)
        and not _is_logo(lone[0][0])
    ):
        return strip_site_suffix(lone[0][1], sites, keep_leading=home), "h1"
    if stripped:
        title, source = stripped[0]
        return _before_pipe(title), source
    return None


def _h2_sequences(page: Page) -> set[tuple[str, ...]]:
    """The words of the page's first :data:`MAX_H2` ``<h2>`` headings outside its masthead."""
    return {
        tuple(seq)
        for node in page.tree.css("h2")[:MAX_H2]
        if not _in_masthead(node) and (seq := _word_sequence(_heading_text(node)))
    }


def _part_as_heading(declared: list[Found], headings: set[tuple[str, ...]]) -> Found | None:
    """The longest part of a declared title divided by separators that has the words of one of the
    page's ``<h2>`` headings (``headings``), when it has at least :data:`MIN_PART_WORDS` words."""
    if not headings:
        return None
    best: Found | None = None
    for raw, source in declared:
        title = _clean(raw)
        parts, seps = _TITLE_SEP.split(title), _TITLE_SEP.findall(title)
        if len(parts) > MAX_TITLE_PARTS:  # a list of keywords, not a headline and its site
            continue
        # Runs of whole parts, not the whole title: "Januar – Mai 2020" is divided like "Headline – Site".
        for i, j in itertools.combinations(range(len(parts) + 1), 2):
            if j - i == len(parts):
                continue
            part = _rejoin(parts[i:j], seps[i : j - 1])
            words = _word_sequence(part)
            if len(words) >= MIN_PART_WORDS and tuple(words) in headings and (best is None or len(part) > len(best[0])):
                best = (part, source)
    return best


def _in_masthead(node: Any, depth: int = MASTHEAD_DEPTH) -> bool:
    """Whether ``node`` sits in navigation or in a box marked as the site's banner, name or logo."""
    while node is not None and depth > 0:
        if node.tag == "nav":
            return True
        marks = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".casefold()
        if any(mark in marks for mark in MASTHEAD_MARKS):
            return True
        node, depth = node.parent, depth - 1
    return False


def _before_pipe(title: str) -> str:
    """A declared title's first part when a pipe still divides it ("Build your first app | Get
    started"): in a ``<title>`` the pipe separates the page's name from a section, the site or
    keywords, and a headline has none."""
    first = _PIPE.split(title, 1)[0]
    return first if len(first.split()) >= MIN_NAME_WORDS else title


def _heading_text(node: Any) -> str:
    """A heading's visible text: without the :data:`HEADING_JUNK` some sites put inside it,
    without a kicker above the headline ("<span class=kicker>Climate</span> Banks drill on") or a
    subtitle after it, without a separator left at its start and a permalink mark at its end ("¶")."""
    if node is None:
        return ""
    if node.css_first(HEADING_JUNK) is not None:
        node = node.clone()  # a copy: the page's tree stays whole for the other extractors
        for junk in node.css(HEADING_JUNK):
            junk.decompose()
    if node.css_first(KICKER_SELECTOR) is not None:
        bare = node.clone()
        for kicker in bare.css(KICKER_SELECTOR):
            kicker.decompose()
        if bare.text(deep=True).strip(" :-–—|·\n\t"):
            node = bare  # a kicker (or subtitle) alone is no headline: keep it then
    return _LEADING_MARK.sub("", _PERMALINK.sub("", _clean(node.text(deep=True, separator=" "))))


def _is_logo(node: Any) -> bool:
    """Whether a heading is marked as the site's logo (in its id or class)."""
    return "logo" in f"{node.attributes.get('id') or ''} {node.attributes.get('class') or ''}".casefold()


def _is_suffix(h1: str, declared: list[str], site_names: list[str]) -> bool:
    """Whether ``h1`` is (in) the trailing part every declared title ends with ("Page name | Name"
    with that name as the page's ``<h1>``: the site's or the book's name, not the headline),
    and no declared title starts with the site's name ("Site | Headline" ends with the headline)."""
    key = _site_key(h1)
    split = [_TITLE_SEP.split(_clean(title)) for title in declared]
    split = [parts for parts in split if len(parts) > 1]
    if len(key) < 4 or not split:
        return False
    # "News - Headline" is a section's label before the headline, not a page's name before a site's.
    return all(
        key in _site_key(parts[-1])
        and key != _site_key(parts[0])
        and not _is_site(parts[0], site_names)
        and len(" ".join(parts[:-1]).split()) >= MIN_NAME_WORDS
        for parts in split
    )


def _is_named_part(
    h1: str, declared: list[str], site_names: list[str], h2s: Callable[[], set[tuple[str, ...]]]
) -> bool:
    """Whether ``h1`` is short, holds the domain's name and is a whole part of a declared title
    divided by separators, after the headline ("Headline : Example-Archiv | Tagline" with the
    ``<h1>`` "Example-Archiv" on example.org) or before a part that is one of the page's ``<h2>``
    headings (``h2s()``): the site's name.  (A leading part before a tagline is a product's name:
    "Example Checkout | Take payments online".)"""
    key = _site_key(h1)
    if len(_word_sequence(h1)) > SITE_PART_WORDS or not any(
        (label := _domain_label(s)) and label in key for s in site_names
    ):
        return False
    for title in declared:
        parts = _TITLE_SEP.split(_clean(title))
        at = [i for i, part in enumerate(parts) if _site_key(part) == key]
        if len(parts) < 2 or not at:
            continue
        before = " ".join(parts[: at[0]])
        if len(_word_sequence(before)) >= MIN_PART_WORDS:
            return True
        if any(tuple(_word_sequence(part)) in h2s() for part in parts[at[0] + 1 :]):
            return True
    return False


def _is_added(h1: str, declared: list[str], site_names: list[str]) -> bool:
    """Whether one declared title is another, longer than ``h1``, with ``h1`` added before or
    after it ("Tidewatch Notes: Moorings and knots" and "Moorings and knots"): the ``<h1>`` is
    then the site's name.  The other must not be the site's name itself (an ``og:title`` that
    names the site on every page, and a ``<title>`` of "Headline | Site")."""
    name = _word_sequence(h1)
    shorter = [(title, _word_sequence(title)) for title in declared]
    shorter = [(title, words) for title, words in shorter if len(words) > max(len(name), MIN_NAME_WORDS - 1)]
    return bool(name) and any(
        _word_sequence(long) in (name + words, words + name) and not _is_site(title, site_names)
        for long in declared
        for title, words in shorter
    )


def _is_site(text: str, site_names: list[str]) -> bool:
    key = _site_key(text)
    return any(key == _site_key(s) for s in site_names)


def _word_sequence(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _lost_separator(heading: str, declared: str) -> bool:
    """Whether ``declared`` has more separators between its words (" - ", " | ") than ``heading``
    and all of ``heading``'s punctuation, in order: the heading lost a mark, it did not use another."""
    ends = " |·•»«:/~-–—"
    if len(_TITLE_SEP.findall(declared.strip(ends))) <= len(_TITLE_SEP.findall(heading.strip(ends))):
        return False
    rest = iter(_PUNCTUATION.findall(declared))
    return all(mark in rest for mark in _PUNCTUATION.findall(heading))


def _split_word(heading: list[str], declared: list[str]) -> bool:
    """Whether the heading has the declared title's letters with a word split in two ("C ycle"),
    not numbers spaced otherwise ("30 1/8")."""
    extra = set(heading) - set(declared)
    return (
        heading != declared
        and "".join(heading) == "".join(declared)
        and all(word.isalpha() for word in extra)
    )


def _label_before(heading: list[str], declared: list[str]) -> bool:
    """Whether the heading's words are the declared title's after 1 to :data:`MAX_LABEL_WORDS`
    others that read as a label: not a lone number ("8 Recent Trends", "2025 Price Guide") and
    not ending in an article or a preposition ("The Best ...", "Welcome to ...")."""
    extra = len(heading) - len(declared)
    return (
        0 < extra <= MAX_LABEL_WORDS
        and len(declared) >= MIN_LABELLED_WORDS
        and heading[extra:] == declared
        and heading[extra - 1] not in NOT_LABEL_END
        and not (extra == 1 and heading[0].isdigit())
    )


def _title_words(text: str) -> set[str]:
    """The words of a title that tell it from another: without articles and prepositions
    ("The Tidewatch Blog" and "Moorings and Knots - The Tidewatch Guide" share one word)."""
    words = set(re.findall(r"\w+", text.casefold()))
    return words - NOT_LABEL_END or words


def _starts(declared: str, heading: str) -> bool:
    """Whether the declared title starts with the heading's words ("Winter crews - Saltmere Rowing Club")."""
    sequence = _word_sequence(heading)
    return _word_sequence(declared)[: len(sequence)] == sequence


def _agrees(h1: set[str], declared: set[str], share: float = TITLE_AGREEMENT, *, later: bool = False) -> bool:
    """Whether ``share`` of the h1's words are in a declared title (or the reverse), and at
    least two of them when both have two or more (one shared word is a coincidence).  A
    ``later`` heading must also cover half of the longer of the two: a word of a long title
    ("Tidewatch" in "How we rebuilt the ferry timetable, Tidewatch and three other apps") is a
    sidebar's heading."""
    if not h1 or not declared:
        return False
    common = len(h1 & declared)
    if later and common < TITLE_AGREEMENT * max(len(h1), len(declared)):
        return False
    return common >= share * min(len(h1), len(declared)) and common >= min(2, len(h1), len(declared))


def strip_site_suffix(title: str, site_names: list[str], h1: str = "", *, keep_leading: bool = False) -> str:
    """``title`` without a leading or trailing " | Site" / " - Site" part; with ``keep_leading``
    (a site's home page, whose subject is the site: "Quillbrook - Notes for teams") a leading
    site name stays."""
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2:
        return title
    keys = [_site_key(s) for s in site_names]
    keys = [k for k in keys if len(k) >= 3]
    labels = [label for s in site_names if (label := _domain_label(s))]

    def is_site(part: str, *, leading: bool = False) -> bool:
        key = _site_key(part)
        if not key:
            return False
        if any(key == k or (len(key) >= 4 and key in k) for k in keys):
            return True
        # A leading part that holds the site's name and more is a product's name ("Example
        # Payments | Online payments for ..."), unless the rest names a kind of site ("Example Blog")
        names = [k for k in keys if len(key) >= 4 and k in key]
        # "Doom9's Forum" on forum.doom9.org: a short part holding the domain's name
        if len(part.split()) <= SITE_PART_WORDS:
            names += [label for label in labels if label in key]
        return any(not leading or _site_kind(key.replace(name, "", 1)) for name in names)

    seps = _TITLE_SEP.findall(title)
    if is_site(parts[-1]):
        return _rejoin(parts[:-1], seps)
    if is_site(parts[0], leading=True) and not keep_leading:
        return _rejoin(parts[1:], seps[1:])
    if h1 and _site_key(_rejoin(parts[:-1], seps)) == _site_key(h1):
        return _rejoin(parts[:-1], seps)
    # The site's name inside, taglines after it ("Headline : Site | Tagline | Founded 2005"): what is before it.
    inner = [i for i in range(1, len(parts) - 1) if _site_key(parts[i]) in keys]
    if inner and len(" ".join(parts[: inner[0]]).split()) >= MIN_NAME_WORDS:
        return _rejoin(parts[: inner[0]], seps)
    last_sep = seps[-1].strip()
    if last_sep in {"|", "::", "«", "»"} and len(parts[-1].split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 3:
        return _rejoin(parts[:-1], seps)
    return title


def _site_kind(rest: str) -> bool:
    """Whether ``rest`` (a key: lower-case letters and digits) is made of :data:`SITE_KIND_WORDS`
    ("forums", "officialsite"), or is empty or a possessive "s"."""
    ends = {0}
    for i in range(1, len(rest) + 1):
        if any(rest[j:i] in SITE_KIND_WORDS or (j == 0 and rest[:i] == "s") for j in ends if j < i):
            ends.add(i)
    return len(rest) in ends


def is_home_page(url: str | None) -> bool:
    """Whether ``url`` is a site's home page: an empty path, an index file or a locale ("/en-us/")."""
    if not url:
        return False
    try:
        path = urlsplit(url).path.strip("/").casefold()
    except ValueError:
        return False
    return not path or path in HOME_PATHS or _LOCALE_PATH.fullmatch(path) is not None


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
