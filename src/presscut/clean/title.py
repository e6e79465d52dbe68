"""Finding the title: the one given, else the headline repeated at the top of
the text, else a first short line that reads like a headline.
"""

from __future__ import annotations

from collections import Counter

from presscut.clean.features import Line, Page, is_paragraph, looks_like_headline
from presscut.clean.phrases import BYLINE_WORDS
from presscut.clean.rules import title_variants

#: How many lines from the start may hold the headline and its copies.
MAX_TOP_LINES = 15
#: Word limits of a headline found in the text.
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 25
#: Byline or date lines that may stand above a headline found in the text.
MAX_BYLINES_BEFORE_TITLE = 2


def resolve_title(page: Page, given: str | None) -> tuple[str | None, str | None]:
    """Set the page's title facts and return ``(title, evidence)``.

    Evidence is ``"input"`` for a given title and ``"text"`` for one found in the text.
    """
    page.top_end = _top_end(page)
    if given:
        page.title_keys = title_variants(given)
        return given, "input"
    top = [i for i in range(page.top_start, page.top_end) if page.lines[i].kept]
    candidates = [i for i in top if looks_like_headline(page.lines[i].body, 2, MAX_TITLE_WORDS)]
    counts = Counter(key for i in candidates for key in title_variants(page.lines[i].text))
    repeated = [i for i in candidates if any(counts[k] >= 2 for k in title_variants(page.lines[i].text))]
    if repeated:
        shared = {k for k in title_variants(page.lines[repeated[0]].text) if counts[k] >= 2}
        copies = [i for i in repeated if title_variants(page.lines[i].text) & shared]
        index = min(copies, key=lambda i: len(page.lines[i].text))
    else:
        first = _first_headline(page, top)
        if first is None:
            return None, None
        index = first
    page.title_index = index
    page.title_keys = title_variants(page.lines[index].text)
    return page.lines[index].text, "text"


def _top_end(page: Page) -> int:
    """Index of the first line of running text (at most :data:`MAX_TOP_LINES`)."""
    last = min(len(page.lines), page.top_start + MAX_TOP_LINES)
    for i in range(page.top_start, last):
        line = page.lines[i]
        if line.kept and is_paragraph(line):
            return i
    return last


def _is_byline(line: Line) -> bool:
    words = line.key.split(maxsplit=1)
    return bool(words) and words[0].rstrip(":") in BYLINE_WORDS


def _first_headline(page: Page, top: list[int]) -> int | None:
    """The first kept line, past a byline or date line, when it reads like a headline.

    It must be short, headline-shaped, not a list item, and followed by a longer
    line (a standfirst or the first paragraph) or by a byline.
    """
    kept = [i for i in top if not _is_byline(page.lines[i])][:1]
    if not kept or top.index(kept[0]) > MAX_BYLINES_BEFORE_TITLE:
        return None
    index = kept[0]
    line = page.lines[index]
    if line.body != line.text or not looks_like_headline(line.body, MIN_TITLE_WORDS, MAX_TITLE_WORDS):
        return None
    after = next((other for other in page.lines[index + 1 :] if other.kept), None)
    if after is None or not (after.words > line.words or _is_byline(after)):
        return None
    return index
