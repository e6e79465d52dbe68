"""Line classification: small named rules, each answering "remove, and why" or None.

A rule is a function ``(page, i) -> reason | None`` that looks at line ``i``
and its neighbours.  :func:`classify` applies rules one after another, each
over the whole page, to the lines still kept, so a later rule sees what the
earlier ones decided (a "Related stories" header is known before the
headlines under it are judged).

Precision comes before recall: a rule removes a line only on positive
evidence (a phrase, a shape, a position, a repetition), never because a line
is merely short.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from presscut.clean.attribution import attribution_of, is_agency
from presscut.clean.features import Line, Page, looks_like_headline, squash
from presscut.clean.phrases import (
    CROSS_PROMO_CUES,
    CROSS_PROMO_LEADINS,
    FURNITURE,
    LIST_HEADERS,
    NAV_WORDS,
    SECTION_HEADERS,
    SOCIAL_WORDS,
)

Rule = Callable[[Page, int], str | None]

# Reasons besides the furniture kinds named in phrases.FURNITURE.
PUNCTUATION = "punctuation"
RELATED_HEADER = "related-header"
RELATED_LINK = "related-link"
ATTRIBUTION = "attribution"
CROSS_PROMOTION = "cross-promotion"
SITE_NAME = "site-name"
MENU = "menu"
TITLE = "title"
REPEATED_TITLE = "repeated-title"

#: Lines longer than this are running text, never furniture.
MAX_FURNITURE_CHARS = 600
#: Furniture kinds that describe a line of their own, never a list item ("- Graphics: ...").
NOT_LIST_ITEMS = frozenset({"photo-credit", "image-file", "reading-time"})
#: Most headline-like lines removed under one "Related stories" header.
MAX_RELATED_LINKS = 12
#: A cross-promotion lead-in has at most this many words ("LESEN SIE AUCH").
MAX_LEADIN_WORDS = 4
#: Menu items are at most this many words and characters.
MAX_MENU_WORDS = 3
MAX_MENU_CHARS = 30
#: A run of menu items needs this many section names, or one and this many items.
MIN_MENU_NAMES = 2
MIN_MENU_RUN = 3
LONG_MENU_RUN = 5

# One pattern for all furniture; the named group that matched says the reason.
_FURNITURE_REASONS = tuple(FURNITURE)
_FURNITURE = re.compile(
    "|".join(f"(?P<r{n}>{'|'.join(f'(?:{p})' for p in FURNITURE[reason])})" for n, reason in enumerate(FURNITURE))
)
_LIST_HEADER = re.compile("|".join(f"(?:{p})" for p in LIST_HEADERS))
_SECTION_HEADER = re.compile("|".join(f"(?:{p})" for p in SECTION_HEADERS))
_LEADIN = re.compile(r"^(?P<lead>[^\W\d_](?:[^\W\d_]|['’ ]){0,30}?)\s?:\s*(?P<rest>\S.*)$")
_MENU_SEPARATOR = re.compile(r"\s+[|•·/›»>]\s+|\s*\|\s*")
_MENU_CONNECTORS = frozenset({"&", "and", "und", "y", "et", "e", "и", "і", "та", "i"})
_MENU_NAMES = NAV_WORDS | SOCIAL_WORDS


def classify(page: Page, rules: Sequence[Rule]) -> None:
    """Apply ``rules`` in order, each over every line still kept."""
    for rule in rules:
        for i, line in enumerate(page.lines):
            if line.reason is None:
                line.reason = rule(page, i)


# -- rules about the line alone -----------------------------------------------------


def punctuation_only(page: Page, i: int) -> str | None:
    """Bullets, dashes, "* * *": a line without a letter or digit."""
    return None if any(ch.isalnum() for ch in page.lines[i].text) else PUNCTUATION


def furniture(page: Page, i: int) -> str | None:
    """A whole line that is a known piece of page furniture ("Share:", "Advertisement", "© 2024 ...")."""
    line = page.lines[i]
    if len(line.text) > MAX_FURNITURE_CHARS:
        return None
    m = _FURNITURE.fullmatch(line.key)
    reason = _FURNITURE_REASONS[int(m.lastgroup[1:])] if m and m.lastgroup else None
    return None if reason in NOT_LIST_ITEMS and line.bulleted else reason


def list_header(page: Page, i: int) -> str | None:
    """ "Related stories", "Most read", "READ ALSO:" alone: a header over links to other pages.

    A header that may also head a real section ("Related", "Further reading")
    counts only when a headline-like line or nothing follows it.
    """
    line = page.lines[i]
    if line.words > 6:
        return None
    if _LIST_HEADER.fullmatch(line.key):
        return RELATED_HEADER
    if line.body.rstrip().endswith(":") and line.key in CROSS_PROMO_LEADINS:
        return RELATED_HEADER
    if _SECTION_HEADER.fullmatch(line.key):
        after = page.next_kept(i)
        if after is None or looks_like_headline(after.body, 2, 20):
            return RELATED_HEADER
    return None


def attribution_line(page: Page, i: int) -> str | None:
    """ "Source: Reuters", "With information from AFP", "(Reuters)", "— AFP".

    A named wire agency counts anywhere; another name only outside the running
    text, before the first or after the last paragraph (a "Source: ..." line
    between paragraphs captions a chart or a table).
    """
    name = attribution_of(page.lines[i].text)
    if name is None:
        return None
    return ATTRIBUTION if is_agency(name) or page.outside_running_text(i) else None


def cross_promotion(page: Page, i: int) -> str | None:
    """ "READ ALSO: Another headline": a short lead-in, a colon, and a headline.

    A known lead-in is enough when it is upper-case or followed by a headline;
    an unknown one needs upper case, a cue word ("ALSO READ", "WATCH NOW") and
    a headline after it.  "UPDATE: The ministry said ..." stays.
    """
    m = _LEADIN.match(page.lines[i].body)
    if not m:
        return None
    lead, rest = m["lead"].strip(), m["rest"].strip()
    lead_key = " ".join(lead.casefold().split())
    if len(lead_key.split()) > MAX_LEADIN_WORDS or len(rest.split()) > 30:
        return None
    known = lead_key in CROSS_PROMO_LEADINS
    upper = lead.isupper()
    cue = any(word in CROSS_PROMO_CUES for word in lead_key.split())
    headline = looks_like_headline(rest, 2, 30)
    if (known and (upper or headline)) or (cue and upper and headline):
        return CROSS_PROMOTION
    return None


def site_name(page: Page, i: int) -> str | None:
    """The site's own name alone on a line outside the running text ("The Harbour Times")."""
    line = page.lines[i]
    if line.words > 6 or not page.site_keys or line.bulleted:
        return None
    if squash(line.body) not in page.site_keys:
        return None
    return SITE_NAME if page.outside_running_text(i) else None


# -- rules about neighbours ----------------------------------------------------------


def related_link(page: Page, i: int) -> str | None:
    """A headline-like line under a "Related stories" header, in the shape of the first one.

    The list ends at a line that is not headline-like, or that changes shape
    (a bulleted list followed by an unbulleted subheading).  A lead-in with a
    colon ("READ ALSO:") takes only the line after it.
    """
    line = page.lines[i]
    if not looks_like_headline(line.body, 2, 20):
        return None
    for j in range(i - 1, max(i - 1 - MAX_RELATED_LINKS, -1), -1):
        reason = page.lines[j].reason
        if reason == RELATED_HEADER:
            if j + 1 < i and _introduces_one_link(page.lines[j]):
                return None
            first = page.lines[j + 1] if j + 1 < i else line
            return RELATED_LINK if first.bulleted == line.bulleted else None
        if reason != RELATED_LINK:
            return None
    return None


def _introduces_one_link(header: Line) -> bool:
    """ "READ ALSO:" alone introduces the one headline on the next line, not a list."""
    return header.body.rstrip().endswith(":") and header.key in CROSS_PROMO_LEADINS


def menu(page: Page, i: int) -> str | None:
    """A run of very short title-case lines (Home / World / Sport / Business), or one line of such parts."""
    return MENU if i in page.analysis("menu", _menu_lines) else None


def _is_menu_item(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= MAX_MENU_WORDS or len(text) > MAX_MENU_CHARS:
        return False
    if any(ch.isdigit() for ch in text) or text[-1] in ".!?:,;\"”»'’":
        return False
    return all(w[0].isupper() or w.casefold() in _MENU_CONNECTORS for w in words)


def _is_menu(items: Sequence[str]) -> bool:
    """Enough section or sharing names among ``items`` (the bare run of short lines is not enough)."""
    names = sum(1 for item in items if item.casefold() in _MENU_NAMES)
    return names >= MIN_MENU_NAMES or (names >= 1 and len(items) >= LONG_MENU_RUN)


def _menu_lines(page: Page) -> frozenset[int]:
    """Indices of menu lines: runs outside the running text, not introduced by a colon."""
    found: set[int] = set()
    run: list[int] = []
    before_run: Line | None = None

    def close_run() -> None:
        introduced = before_run is not None and before_run.text.endswith(":")
        if (
            len(run) >= MIN_MENU_RUN
            and not introduced
            and page.outside_running_text(run[0], run[-1])
            and _is_menu([page.lines[j].body for j in run])
        ):
            found.update(run)
        run.clear()

    for i, line in enumerate(page.lines):
        if not line.kept:
            continue  # removed lines do not break a run ("Skip to content" inside a menu)
        if _is_menu_item(line.body):
            if not run:
                before_run = page.previous_kept(i)
            run.append(i)
            continue
        close_run()
        parts = [p.strip() for p in _MENU_SEPARATOR.split(line.body) if p.strip()]
        if (
            len(parts) >= MIN_MENU_RUN
            and all(_is_menu_item(p) for p in parts)
            and any(p.casefold() in _MENU_NAMES for p in parts)
            and page.outside_running_text(i)
        ):
            found.add(i)
    close_run()
    return frozenset(found)


def title_copy(page: Page, i: int) -> str | None:
    """The headline, given or found, repeated at the top of the text."""
    if not page.top_start <= i < page.top_end or not page.title_keys:
        return None
    if i == page.title_index:
        return TITLE
    return REPEATED_TITLE if title_variants(page.lines[i].text) & page.title_keys else None


# -- titles ------------------------------------------------------------------------------

_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+[»·•]\s+")
_NON_WORD = re.compile(r"[^\w\s]")


def headline_key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def title_variants(text: str) -> frozenset[str]:
    """Keys a headline copy may have: the whole line, and its longest part around " | " (site suffixes)."""
    variants = {headline_key(text)}
    parts = [p for p in _TITLE_SEPARATOR.split(text) if p.strip()]
    if len(parts) > 1:
        variants.add(headline_key(max(parts, key=len)))
    return frozenset(v for v in variants if v)


#: Rules that need only the line, its neighbours and earlier decisions, in order.
LINE_RULES: tuple[Rule, ...] = (
    punctuation_only,
    furniture,
    list_header,
    cross_promotion,
    attribution_line,  # before related_link: "Source: X" under a link list is still a credit
    site_name,
    related_link,
    menu,
)
#: Rules that run once the title is known.
TITLE_RULES: tuple[Rule, ...] = (title_copy,)
