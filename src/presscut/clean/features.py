"""What the cleaning rules look at: one :class:`Line` per non-blank input line,
its features computed once, and the :class:`Page` that holds them all with the
document-level facts (the site's names, the title, where the running text is).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar, cast

from presscut.clean.phrases import SECOND_LEVEL_LABELS
from presscut.urls import site_of

_BULLET = re.compile(r"^(?:[•·▪▫◦‣⁃∙○●■□►▶▸▹→⇒*+]|[-–—](?=\s))\s*")
_TRAILING_JUNK = re.compile(r"[\s:|>»›→.!…·•\-–—]+$")
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？")
_CLOSERS = " \"'”’»)]"
_INNER_SENTENCE_BREAK = re.compile(r"[.!?]\s+[\"“«]?[^\W\d_]")
_DATELINE_DASH = re.compile(r"\s[—–-]{1,2}(\s|$)")

T = TypeVar("T")


@dataclass(slots=True)
class Line:
    """One non-blank input line and what is known about it."""

    #: 1-based line number in the input.
    number: int
    #: The line as given.
    raw: str
    #: The line after character repair (:mod:`presscut.clean.normalize`).
    text: str
    #: Why the characters changed (``mojibake``, ``typography``), or None.
    rewrite: str | None = None
    #: Why the line is removed, or None while it is kept.
    reason: str | None = None
    #: The text without a leading bullet.
    body: str = ""
    #: Case-folded body without trailing punctuation: what phrase patterns match.
    key: str = ""
    words: int = 0

    @classmethod
    def of(cls, number: int, raw: str, text: str, rewrite: str | None) -> Line:
        body = strip_bullet(text)
        return cls(number, raw, text, rewrite, None, body, phrase_key(body), len(body.split()))

    @property
    def kept(self) -> bool:
        return self.reason is None

    @property
    def bulleted(self) -> bool:
        return self.body != self.text


@dataclass(slots=True)
class Page:
    """The lines of one text under classification, and document-level facts."""

    lines: list[Line]
    #: Squashed forms of the site's name derived from the URL ("harbourtimes", "theharbourtimes").
    site_keys: frozenset[str] = frozenset()
    #: Variants of the title's key (set once the title is resolved).
    title_keys: frozenset[str] = frozenset()
    #: Index of the line the title was taken from, when it came from the text.
    title_index: int | None = None
    #: Lines from ``top_start`` up to ``top_end`` are the top of the article, where the
    #: headline and its copies live (above the article's run of text on a whole page).
    top_start: int = 0
    top_end: int = 0
    _analyses: dict[str, object] = field(default_factory=dict)

    @classmethod
    def build(cls, lines: list[Line], url: str | None) -> Page:
        return cls(lines, site_keys_of(url))

    def analysis(self, name: str, compute: Callable[[Page], T]) -> T:
        """A document-level analysis, computed on first use and then reused.

        Rules run one after another over the whole page, so the first use sees
        every decision of the rules before it.
        """
        if name not in self._analyses:
            self._analyses[name] = compute(self)
        return cast(T, self._analyses[name])

    def outside_running_text(self, first: int, last: int | None = None) -> bool:
        """Whether lines ``first``..``last`` stand before the first or after the last paragraph.

        Menus, mastheads and credits live there; the same words between two
        paragraphs are more likely a heading of the article.
        """
        start, end = self.analysis("paragraph-span", _paragraph_span)
        return first < start or (first if last is None else last) > end

    def next_kept(self, i: int, within: int = 50) -> Line | None:
        """The next kept line, if one comes within ``within`` lines."""
        for j in range(i + 1, min(i + 1 + within, len(self.lines))):
            if self.lines[j].kept:
                return self.lines[j]
        return None

    def previous_kept(self, i: int) -> Line | None:
        for j in range(i - 1, -1, -1):
            if self.lines[j].kept:
                return self.lines[j]
        return None


def _paragraph_span(page: Page) -> tuple[int, int]:
    """Indices of the first and last kept paragraph; (len, -1) when there is none."""
    indices = [i for i, line in enumerate(page.lines) if line.kept and is_paragraph(line)]
    return (indices[0], indices[-1]) if indices else (len(page.lines), -1)


# -- text predicates ---------------------------------------------------------------


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1)


def phrase_key(text: str) -> str:
    """Case-folded text without trailing punctuation, compared with phrase patterns."""
    return _TRAILING_JUNK.sub("", text).casefold()


def squash(text: str) -> str:
    """Only the letters and digits of ``text``, case-folded ("The Harbour-Times" -> "theharbourtimes")."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_END)


def is_dateline(text: str) -> bool:
    """An upper-case place, then a dash: "KYIV, March 3 —", "PORTVALE (Harbour Wire) - ..."."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    letters = [ch for ch in first if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isupper() for ch in letters):
        return False
    return bool(_DATELINE_DASH.search(text[:80]))


def looks_like_headline(text: str, min_words: int = 2, max_words: int = 20) -> bool:
    """A short single line with a capital start and no closing full stop."""
    text = strip_bullet(text).strip()
    words = text.split()
    if not min_words <= len(words) <= max_words or len(text) > 200:
        return False
    tail = text.rstrip(_CLOSERS)
    if not tail or tail[-1] in ".,;:—–-…":
        return False
    first = next((ch for ch in text if ch.isalnum()), "")
    if not first or first.islower():
        return False
    return not is_dateline(text) and not _INNER_SENTENCE_BREAK.search(text)


def is_paragraph(line: Line) -> bool:
    """A line of running text: long enough and closed like a sentence."""
    return line.words >= 8 and ends_sentence(line.body)


def site_keys_of(url: str | None) -> frozenset[str]:
    """Squashed names a site may print alone on a line, from its URL's host."""
    host = site_of(url)
    if not host:
        return frozenset()
    labels = host.split(".")
    keys = {squash(host)}
    if len(labels) >= 2:
        name = labels[-2]
        if len(labels) >= 3 and name in SECOND_LEVEL_LABELS:
            name = labels[-3]
        keys.update({squash(name), "the" + squash(name)})
    return frozenset(k for k in keys if len(k) >= 3)
