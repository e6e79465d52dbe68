"""Site furniture learned from a corpus: lines one site repeats across many documents.

A menu entry, a newsletter pitch or a footer that a site prints on every page
is furniture even when no rule knows its wording.  :func:`learn_furniture`
counts, per site, in how many documents each line occurs, and keeps the lines
found in at least ``min_docs`` documents and at least ``min_share`` of that
site's documents.  At ingest, :func:`presscut.clean_text` removes a line whose
:func:`line_key` is among its site's learned keys (reason ``site-furniture``).

A document is every line it had: its kept paragraphs *and* the lines the
cleaner removed (``Article.removed`` entries with a ``line N`` place, except
rewrites of characters and split glued words).  Learning from both makes the
learned set independent of the rules of the day (a line a rule already removes
is still learned, so a rule changed later does not let it back in) and lets
it learn from raw ``.txt`` pages of one site, whose repeated lines may have
been kept or removed.

The site of a document is its URL's host; a text without a URL belongs to the
folder it was read from (``dir:/path/to/folder``), so a folder of ``.txt``
pages of one site is one site.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import PurePath

from presscut.article import Article
from presscut.clean.features import phrase_key, strip_bullet
from presscut.config import FURNITURE_MIN_DOCS, FURNITURE_MIN_SHARE
from presscut.urls import site_of

#: Reason for a line removed because its site repeats it on many pages.
SITE_FURNITURE = "site-furniture"
#: Lines longer than this are never learned (running text, not furniture).
MAX_KEY_CHARS = 300
#: Reasons in ``Article.removed`` that do not stand for a whole input line.
NOT_LINES = frozenset({"glued-words", "mojibake", "typography"})

_DIGITS = re.compile(r"\d+")
_LINE_PLACE = re.compile(r"line \d+")

#: Learned furniture: site -> keys of its furniture lines.
SiteFurniture = Mapping[str, frozenset[str]]


def line_key(text: str) -> str:
    """What two copies of a furniture line share: case-folded, bullet and trailing
    punctuation off, spaces collapsed, numbers as ``0`` ("© 2024" = "© 2025")."""
    return _DIGITS.sub("0", " ".join(phrase_key(strip_bullet(text.strip())).split()))


def site_key(url: str | None, path: str | None = None) -> str | None:
    """The site a document belongs to: its URL's host, else ``dir:`` and its file's folder."""
    host = site_of(url)
    if host:
        return host
    if path:
        return f"dir:{PurePath(path).parent}"
    return None


def article_site(article: Article) -> str | None:
    return site_key(article.url, article.origin.path if article.origin else None)


def document_lines(article: Article) -> Iterator[str]:
    """Every line the document had: kept paragraphs and removed whole lines."""
    yield from (p for p in article.text.split("\n\n") if p.strip())
    for removed in article.removed:
        if removed.reason not in NOT_LINES and _LINE_PLACE.fullmatch(removed.where or ""):
            yield removed.text


def learn_furniture(
    documents: Iterable[tuple[str | None, Iterable[str]]],
    min_docs: int = FURNITURE_MIN_DOCS,
    min_share: float = FURNITURE_MIN_SHARE,
) -> dict[str, frozenset[str]]:
    """Per site, the keys of lines found in at least ``min_docs`` documents and
    ``min_share`` of the site's documents.  ``documents`` are (site, lines) pairs."""
    docs: Counter[str] = Counter()
    lines: dict[str, Counter[str]] = defaultdict(Counter)
    for site, doc_lines in documents:
        if site is None:
            continue
        docs[site] += 1
        found = {line_key(line) for line in doc_lines}
        lines[site].update(k for k in found if k and len(k) <= MAX_KEY_CHARS and any(ch.isalnum() for ch in k))
    learned: dict[str, frozenset[str]] = {}
    for site, counts in lines.items():
        need = max(min_docs, min_share * docs[site])
        keys = frozenset(k for k, n in counts.items() if n >= need)
        if keys:
            learned[site] = keys
    return learned
