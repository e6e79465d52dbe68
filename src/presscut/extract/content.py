"""Main content: the article's text blocks, found without per-site rules.

One iterative walk over ``<body>`` (no recursion, so any nesting depth is
safe) does three things at once:

* drops furniture: tags in :data:`~presscut.extract.patterns.SILENT_TAGS`
  silently, and :data:`~presscut.extract.patterns.FURNITURE_TAGS` and
  elements whose class/id/role/aria tokens match
  :data:`~presscut.extract.patterns.BOILERPLATE` with a recorded reason --
  unless the element holds more text outside links than furniture does
  (:data:`GUARD_CHARS`), or says it holds the article;
* cuts the remaining text into blocks at block-element boundaries (``<br>``
  is a line break, two in a row a paragraph break, a simple table row is one
  block with cells joined by ``" | "``), counting the characters in links;
* records every block element with its parent, so that each block's weight
  (text minus link text minus a per-block cost) can be summed into all its
  ancestors afterwards.

The container with the largest sum (a bonus for ``<article>``, ``<main>``
and body-like class names) is the article; its blocks are kept in order,
minus link-dense blocks, promotion lines ("Read more: ..."), credits, short
furniture lines, and "Related articles" headings with the rest of their
section, text repeated from another element, disclosures, and short
furniture after the last paragraph.  Everything taken out is returned as
:class:`~presscut.article.Removed` (blocks outside the container as
"outside-main" runs).

Pages that are not articles are read again when the first reading says so:
a page whose "comments" outweigh the article is a thread (forum, Q&A) and
keeps them; a page that is mostly links with little article text is a
listing, scored without the link penalty and keeping its link-dense items.
A large ``<noscript>`` (a script-driven site's crawler view) is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from presscut.article import Removed
from presscut.extract import patterns as P

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

#: Longest text kept in one :class:`Removed` record.
REMOVED_TEXT_CHARS = 200
#: An element matched as furniture is kept anyway when it holds more text outside links than
#: this (unless its reason is a strong one): share bars and ad slots are not essays.
GUARD_CHARS = 1500
#: The same for weak reasons (furniture tags and layout-ish class names).
WEAK_GUARD_CHARS = 1000
#: Fixed cost of a block in the container score: short fragments weigh against a container.
BLOCK_COST = 10.0
#: Each character inside a link counts this much against a container.
LINK_PENALTY = 0.5
#: Score multiplier for containers that say they hold the article.
CONTENT_HINT_BONUS = 1.6
#: Blocks with a larger share of link text are dropped from the article.
MAX_LINK_DENSITY = 0.5
#: When text dropped as "comments" is this many times the article found, the comments are
#: the page (a forum thread) and the page is read again keeping them.
COMMENTS_PAGE_SHARE = 2.0
#: ...unless the article found is at least this long: then it is an article with a busy thread.
COMMENTS_PAGE_MAX_ARTICLE = 2000
#: When the container's link-dense blocks hold this many times the text kept, the page is a
#: listing and they are kept.
LISTING_SHARE = 1.0
#: ...and so is a page with less article text than this whose text is mostly links.
LISTING_MAX_TEXT = 1500
LISTING_PAGE_LINKS = 0.35
#: A page with less text than this is an empty shell (its items come by script), not a listing.
LISTING_MIN_PAGE = 1000
#: Short blocks after the article's last paragraph this long, together shorter than
#: TAIL_MAX_CHARS, are the furniture that closes an article ("Share:", "Tags: ...").
TAIL_PARAGRAPH_CHARS = 120
TAIL_MAX_CHARS = 300
#: ...a block ending a sentence with at least this many words counts as a paragraph there.
TAIL_SENTENCE_WORDS = 8
#: A kept block at least this long that repeats an earlier one word for word is dropped.
DUPLICATE_CHARS = 40
#: A ``<noscript>`` holding this much text is a crawler view of the page and is read, not skipped.
NOSCRIPT_PAGE_CHARS = 500
#: A "By ..." line this long or shorter that holds a date or a reading time is a byline.
BYLINE_CHARS = 120
#: A paragraph this long or shorter may be an affiliate or cookie disclosure.
DISCLOSURE_CHARS = 400
#: How much of a pruned element's raw text is normalised for its :class:`Removed` record.
PRUNED_HEAD_CHARS = 2000
#: Lines at most this long are compared with the short-furniture list.
SHORT_LINE_CHARS = 60

_BR = "\x1e"
_CELL = "\x1f"
#: A word of a class name: a run with a digit stays whole, else camelCase humps.
_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]*\d[A-Za-z0-9]*|[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
#: Class names that are CSS-in-markup (Tailwind variants, arbitrary values), not names.
_ODD_NAME = re.compile(r"[\[:(=]")
_TOKEN_ATTRIBUTES = frozenset(P.TOKEN_ATTRIBUTES) - {"class", "id"}
_NON_WORD = re.compile(r"[\W_]+")
_SENTENCE_END = frozenset(".!?…:;\"”»)")
_FULL_STOP = frozenset(".!?…\"”»")


@dataclass(slots=True)
class Block:
    """A run of text between block boundaries."""

    text: str
    #: Index of the innermost block element holding it.
    elem: int
    tag: str
    link_chars: int


@dataclass(slots=True)
class Content:
    """The article text found in a page, and what was taken out."""

    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    #: All blocks of the page (kept or not), for page-type decisions.
    page_blocks: list[Block] = field(default_factory=list)
    #: The chosen container's locator ("div.article-body").
    container: str | None = None
    #: Characters of the container's blocks dropped as link-dense.
    link_dense_chars: int = 0
    #: Whether the page was read as a listing, keeping link-dense blocks.
    listing: bool = False
    #: Characters of text dropped as "comments" (kept when :attr:`thread`).
    comment_chars: int = 0
    #: Whether the page was read keeping its "comments" (they were most of the page).
    thread: bool = False


def extract_content(body: LexborNode | None, title: str | tuple[str | None, ...] | None = None) -> Content:
    """Find the main text under ``body``; ``title`` (or several: the headline, the page's
    ``<title>``) drops a heading that repeats it."""
    if body is None:
        return Content()
    walk = _Walk()
    walk.run(body)
    content = _select(walk, title)
    thread = walk.comment_chars
    content.comment_chars = thread
    if thread > COMMENTS_PAGE_SHARE * len(content.text) and len(content.text) < COMMENTS_PAGE_MAX_ARTICLE:
        # The "comments" hold most of the page: a forum thread or Q&A page, whose posts are
        # its main content.  Read the page again without dropping them.
        walk = _Walk(keep=frozenset({"comments"}))
        walk.run(body)
        content = _select(walk, title)
        content.thread, content.comment_chars = True, thread
    page_chars = sum(len(b.text) for b in walk.blocks)
    page_links = sum(b.link_chars for b in walk.blocks)
    if content.link_dense_chars > LISTING_SHARE * len(content.text) or (
        len(content.text) < LISTING_MAX_TEXT
        and page_links > LISTING_PAGE_LINKS * page_chars
        and page_chars >= LISTING_MIN_PAGE
    ):
        # Most of the chosen container is links: a listing, whose items are its content.
        listing = _select(walk, title, keep_links=True)
        if len(listing.text) > len(content.text):
            listing.thread, listing.listing, listing.comment_chars = content.thread, True, content.comment_chars
            content = listing
    return content


# -- the walk ------------------------------------------------------------------


@lru_cache(maxsize=16384)
def tokens(value: str) -> tuple[str, ...]:
    """Lower-case word tokens of a class/id/label value, "" between class names.

    camelCase and separators split words; runs with digits stay whole (a
    hash like ``9749ad0f`` is not the word "ad"); class names that describe
    content or layout rather than the element (see ``patterns``) are skipped.
    """
    out: list[str] = []
    for name in value.split():
        out.extend(_name_tokens(name))
    return tuple(out)


@lru_cache(maxsize=16384)
def _name_tokens(name: str) -> tuple[str, ...]:
    """:func:`tokens` of one class name (names recur across elements and pages)."""
    if _ODD_NAME.search(name) or name.lower().startswith(P.IGNORED_CLASS_PREFIXES):
        return ()
    words = [w.lower() for w in _TOKEN.findall(name)]
    if words and P.LAYOUT_TOKENS.isdisjoint(words):
        return (*words, "")
    return ()


def _index(groups: dict[str, tuple[tuple[str, ...], ...]]) -> dict[str, list[tuple[tuple[str, ...], int, str]]]:
    """Patterns by their first token: token -> [(pattern, rank of its reason, reason)]."""
    out: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
    for rank, (reason, pats) in enumerate(groups.items()):
        for pat in pats:
            out.setdefault(pat[0], []).append((pat, rank, reason))
    return out


_BOILERPLATE_INDEX = _index(P.BOILERPLATE)
_CONTENT_INDEX = _index({"content": P.CONTENT_HINTS})


def _match(toks: tuple[str, ...], index: dict[str, list[tuple[tuple[str, ...], int, str]]]) -> str | None:
    """The first-ranked reason whose pattern occurs in ``toks``."""
    best: tuple[int, str] | None = None
    for i, tok in enumerate(toks):
        for pat, rank, reason in index.get(tok, ()):
            if (best is None or rank < best[0]) and (len(pat) == 1 or toks[i : i + len(pat)] == pat):
                best = (rank, reason)
    return None if best is None else best[1]


@lru_cache(maxsize=16384)
def _reason_for(value: str) -> str | None:
    return _match(tokens(value), _BOILERPLATE_INDEX)


@lru_cache(maxsize=16384)
def _name_info(value: str, is_class: bool) -> tuple[bool, str | None, bool]:
    """For a class or id value: (content hint?, furniture reason, hidden?)."""
    toks = tokens(value)
    hidden = is_class and ":" not in value and not P.HIDDEN_CLASSES.isdisjoint(value.split())
    if not toks:
        return False, None, hidden
    return _match(toks, _CONTENT_INDEX) is not None, _match(toks, _BOILERPLATE_INDEX), hidden


def classify(tag: str, attrs: dict[str, str | None], is_block: bool = True) -> tuple[bool, str | None]:
    """(holds the article?, why it is furniture) for one element.

    An element "holds the article" when it says so (``<article>``, ``<main>``,
    ``role=main``, ``itemprop=articleBody``, a body-like class); that is a
    bonus in scoring and a shield: such elements yield only to strong reasons.
    """
    furniture = P.FURNITURE_TAGS.get(tag)
    content = tag in P.CONTENT_TAGS
    if not attrs:
        return content, furniture
    role_reason = token_reason = None
    hidden = False
    for key, value in attrs.items():
        if not value:
            continue
        if key in ("class", "id"):
            hint, reason, hides = _name_info(value, key == "class")
            content = content or (hint and is_block)
            hidden = hidden or hides
            token_reason = token_reason or reason
        elif key == "role":
            role = value.strip().lower()
            content = content or role == "main"
            role_reason = P.BOILERPLATE_ROLES.get(role)
        elif key == "itemprop":
            content = content or value.strip().lower() == "articlebody"
        elif key in _TOKEN_ATTRIBUTES:
            token_reason = token_reason or _reason_for(value)
    if furniture is not None:  # a furniture tag; its class may say more precisely what it is
        return False, token_reason or role_reason or furniture
    if role_reason is not None:
        return content, role_reason
    if content:
        return True, token_reason if token_reason in P.STRONG_REASONS else None
    if hidden:
        return False, "hidden"
    return False, token_reason


def _label(tag: str, attrs: dict[str, str | None] | None) -> str:
    if attrs:
        ident = (attrs.get("id") or "").strip()
        if ident:
            return f"{tag}#{ident.split()[0]}"
        cls = (attrs.get("class") or "").split()
        if cls:
            return f"{tag}.{cls[0]}"
    return tag


#: An open element during the walk: (node, tag, attrs, is_block, innermost block index).
_Frame = tuple["LexborNode", str, "dict[str, str | None] | None", bool, int, bool]


class _Walk:
    """State of the single pass over the body."""

    def __init__(self, keep: frozenset[str] = frozenset()) -> None:
        #: Furniture reasons not acted on in this walk.
        self.keep = keep
        #: Characters of text pruned as "comments".
        self.comment_chars = 0
        #: Block elements in document order: parent index, tag, content hint, attributes.
        self.parent: list[int] = [-1]
        self.tags: list[str] = ["body"]
        self.hint: list[bool] = [False]
        self.attrs: list[dict[str, str | None] | None] = [None]
        self.blocks: list[Block] = []
        #: (number of blocks before it, record): furniture removed during the walk.
        self.pruned: list[tuple[int, Removed]] = []
        self._parts: list[str] = []
        self._link_chars = 0

    def label(self, elem: int) -> str:
        """A short locator: the element and its parent ("div.article-body>p")."""
        own = _label(self.tags[elem], self.attrs[elem])
        up = self.parent[elem]
        return own if up < 0 else _label(self.tags[up], self.attrs[up]) + ">" + own

    def run(self, body: LexborNode) -> None:
        inline, silent = P.INLINE_TAGS, P.SILENT_TAGS
        furniture_tags, content_tags, cell_tags = P.FURNITURE_TAGS, P.CONTENT_TAGS, P.TABLE_CELL_TAGS
        flush, keep = self._flush, self.keep
        parts = self._parts
        parent, tags, hints, all_attrs = self.parent, self.tags, self.hint, self.attrs
        stack: list[_Frame] = [(body, "body", None, True, 0, False)]
        #: How many open elements say they hold the article.
        in_content = 0
        block = 0
        links = 0
        pre = 0
        simple_tables: list[bool] = []
        node = body.child
        while True:
            if node is None:
                if len(stack) == 1:
                    break
                frame_node, tag, _, is_block, _, was_content = stack.pop()
                in_content -= was_content
                if is_block:
                    if parts:
                        flush(block)
                    block = stack[-1][4]
                if tag == "a":
                    links -= 1
                elif tag == "pre":
                    pre -= 1
                elif tag == "table":
                    simple_tables.pop()
                node = frame_node.next
                continue
            tag = node.tag or ""
            if tag == "-text":
                text = node.text_content
                if text:
                    if pre:
                        text = text.replace("\n", _BR)
                    parts.append(text)
                    if links:
                        self._link_chars += len(text.strip())
                node = node.next
                continue
            if not tag or (tag in silent and not (tag == "noscript" and _rendered_noscript(node))) or tag[0] == "-":
                node = node.next
                continue
            if tag == "br":
                parts.append(_BR)
                node = node.next
                continue
            attrs = node.attributes
            is_block = tag not in inline
            if attrs or tag in furniture_tags:
                content, reason = classify(tag, attrs, is_block)
            else:  # the common case, without a call
                content, reason = tag in content_tags, None
            if reason == "header" and tag == "header" and in_content:
                reason = None  # an article's own <header>: headline, standfirst, byline (cleaned per line)
            if reason is not None and reason not in keep and self._prune(node, tag, attrs, reason, stack):
                node = node.next
                continue
            if tag in cell_tags and simple_tables and simple_tables[-1]:
                is_block = False
                parts.append(_CELL)
            if is_block:
                if parts:
                    flush(block)
                parent.append(block)
                tags.append(tag)
                hints.append(content)
                all_attrs.append(attrs)
                block = len(parent) - 1
            if tag == "a":
                links += 1
            elif tag == "pre":
                pre += 1
            elif tag == "table":
                simple_tables.append(node.css_first(P.LAYOUT_IN_TABLE) is None)
            stack.append((node, tag, attrs, is_block, block, content))
            in_content += content
            node = node.child
        flush(block)

    def _prune(
        self, node: LexborNode, tag: str, attrs: dict[str, str | None], reason: str, stack: list[_Frame]
    ) -> bool:
        """Record ``node`` as removed; False when it is too big to be furniture."""
        raw = node.text(deep=True, separator=" ")
        clean: str | None = None  # the whole text normalised: only computed when needed
        if reason not in P.STRONG_REASONS:
            least = WEAK_GUARD_CHARS if reason in P.WEAK_REASONS else GUARD_CHARS
            if len(raw) > least:
                clean = " ".join(raw.split())
            if clean is not None and len(clean) > least:
                if reason == "form":
                    if len(node.css("p")) >= 3:  # a page-wide <form> (ASP.NET) wraps the article
                        return False
                else:
                    links = sum(len(" ".join(a.text(deep=True).split())) for a in node.css("a"))
                    if len(clean) - links > least:
                        return False
        if reason == "comments":
            clean = clean if clean is not None else " ".join(raw.split())
            self.comment_chars += len(clean)
        head = clean if clean is not None else " ".join(raw[:PRUNED_HEAD_CHARS].split())
        if len(raw) > PRUNED_HEAD_CHARS and len(head) <= REMOVED_TEXT_CHARS:
            head = " ".join(raw.split())
        if head:
            where = ">".join(_label(f[1], f[2]) for f in stack[-3:]) + ">" + _label(tag, attrs)
            self.pruned.append((len(self.blocks), Removed(_cap(head), reason, where)))
        return True

    def _flush(self, block: int) -> None:
        if not self._parts:
            return
        raw = "".join(self._parts)
        self._parts.clear()
        links = self._link_chars
        self._link_chars = 0
        if _CELL in raw:
            cells = (" ".join(c.split()) for c in raw.replace(_BR, " ").split(_CELL))
            text = " | ".join(c for c in cells if c)
            if text:
                self.blocks.append(Block(text, block, self.tags[block], min(links, len(text))))
            return
        if _BR not in raw:
            text = " ".join(raw.split())
            if text:
                self.blocks.append(Block(text, block, self.tags[block], min(links, len(text))))
            return
        # <br> breaks lines; an empty line (two <br>) breaks paragraphs.
        total = max(1, len(raw))
        para: list[str] = []
        paras: list[str] = []
        for segment in raw.split(_BR):
            line = " ".join(segment.split())
            if line:
                para.append(line)
            elif para:
                paras.append("\n".join(para))
                para = []
        if para:
            paras.append("\n".join(para))
        for text in paras:
            share = round(links * len(text) / total)
            self.blocks.append(Block(text, block, self.tags[block], min(share, len(text))))


# -- choosing and cleaning -------------------------------------------------------


def block_weight(block: Block) -> float:
    """What a block adds to the score of every container that holds it."""
    n = len(block.text)
    link = block.link_chars
    weight = (n - link) - LINK_PENALTY * link - BLOCK_COST
    if link * 2 < n and block.text[-1] in _SENTENCE_END:
        weight += BLOCK_COST
    return weight


def _select(walk: _Walk, title: str | tuple[str | None, ...] | None, keep_links: bool = False) -> Content:
    content = Content(page_blocks=walk.blocks)
    n = len(walk.parent)
    score = [0.0] * n
    parent = walk.parent
    for block in walk.blocks:
        weight = len(block.text) - BLOCK_COST if keep_links else block_weight(block)
        i = block.elem
        while i >= 0:
            score[i] += weight
            i = parent[i]
    best, best_score = 0, 0.0
    for i in range(n):
        s = score[i] * CONTENT_HINT_BONUS if walk.hint[i] else score[i]
        if s >= best_score and s > 0:
            best, best_score = i, s
    end = list(range(1, n + 1))
    for j in range(n - 1, 0, -1):
        end[parent[j]] = max(end[parent[j]], end[j])
    stop = end[best]
    content.container = walk.label(best)

    titles = (title,) if isinstance(title, str) or title is None else title
    title_keys = frozenset(_key(t) for t in titles if t)
    kept: list[Block] = []
    #: Texts of the longer blocks kept so far, with their element: a page that repeats its
    #: text in another element (a mobile and a desktop copy, tabs) gives it once.
    seen: dict[str, int] = {}
    removed: list[tuple[int, Removed]] = list(walk.pruned)
    outside: list[str] = []
    outside_at = 0
    #: While inside a "Related articles" section: (end of its parent's subtree, heading level).
    related: tuple[int, int] | None = None
    for pos, block in enumerate(walk.blocks):
        if best_score <= 0 or not best <= block.elem < stop:
            if not outside:
                outside_at = pos
            outside.append(block.text)
            continue
        if outside:
            removed.append((outside_at, Removed(_cap(" ".join(outside)), "outside-main", None)))
            outside = []
        level = int(block.tag[1]) if block.tag in P.HEADING_TAGS else 7
        if related is not None:
            if block.elem < related[0] and level > related[1]:
                removed.append((pos, Removed(_cap(block.text), "related", walk.label(block.elem))))
                continue
            related = None
        if not keep_links and len(block.text) <= SHORT_LINE_CHARS and P.RELATED_HEADING.match(block.text):
            related = (end[parent[block.elem]] if block.elem else stop, level)
            removed.append((pos, Removed(_cap(block.text), "related", walk.label(block.elem))))
            continue
        reason = _block_reason(block, title_keys, keep_links)
        if reason == "link-dense":
            content.link_dense_chars += len(block.text)
        if reason is None and len(block.text) >= DUPLICATE_CHARS:
            first = seen.setdefault(block.text, block.elem)
            if first != block.elem:
                reason = "duplicate"
        if reason is None:
            kept.append(block)
        else:
            removed.append((pos, Removed(_cap(block.text), reason, walk.label(block.elem))))
    if outside:
        removed.append((outside_at, Removed(_cap(" ".join(outside)), "outside-main", None)))
    if not keep_links:
        last_long = max((i for i, b in enumerate(kept) if _is_paragraph(b)), default=-1)
        if 0 <= last_long < len(kept) - 1:
            # ...unless they sit beside the article's paragraphs (a last line cut short, a credit).
            home = walk.parent[kept[last_long].elem]
            tail = [b for b in kept[last_long + 1 :] if walk.parent[b.elem] != home]
            if tail and sum(len(b.text) for b in tail) < TAIL_MAX_CHARS:
                drop = {id(b) for b in tail}
                kept[last_long + 1 :] = [b for b in kept[last_long + 1 :] if id(b) not in drop]
                for block in tail:
                    removed.append((len(walk.blocks), Removed(_cap(block.text), "tail", walk.label(block.elem))))
    while kept and kept[-1].tag in P.HEADING_TAGS:  # a heading left with nothing under it
        block = kept.pop()
        removed.append((len(walk.blocks), Removed(_cap(block.text), "orphan-heading", walk.label(block.elem))))
    removed.sort(key=lambda item: item[0])
    content.removed = [r for _, r in removed]
    content.blocks = kept
    content.text = "\n\n".join(b.text for b in kept)
    return content


def _block_reason(block: Block, title_keys: frozenset[str], keep_links: bool = False) -> str | None:
    text = block.text
    n = len(text)
    if P.PROMO_LINE.match(text):
        return "promo"
    if block.link_chars > MAX_LINK_DENSITY * n and not keep_links:
        return "link-dense"
    if title_keys and block.tag in P.HEADING_TAGS and _key(text) in title_keys:
        return "title"
    if n <= SHORT_LINE_CHARS:
        key = _key(text)
        if key in P.BOILERPLATE_LINES:
            return "boilerplate"
        if (P.BYLINE_LINE.match(text) and len(text.split()) <= 8) or P.READING_TIME_LINE.match(text):
            return "byline"
        if _is_dateline(text, key):
            return "dateline"
    if n <= BYLINE_CHARS and P.BYLINE_LINE.match(text) and (P.READING_TIME.search(text) or _has_date(text)):
        return "byline"
    if n <= 200 and _may_hold(text, P.CREDIT_LINE_WORDS) and P.CREDIT_LINE.search(text):
        return "caption"
    if n <= DISCLOSURE_CHARS and _may_hold(text, P.DISCLOSURE_LINE_WORDS) and P.DISCLOSURE_LINE.search(text):
        return "disclosure"
    return None


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False when ``text`` is ASCII and holds none of ``words`` (lower-case), so that a
    case-insensitive pattern needing one of them cannot match: a cheap test before a search.

    Non-ASCII text always passes: Unicode case folding matches letters like "ſ" to "s".
    """
    if not text.isascii():
        return True
    lowered = text.lower()
    for word in words:  # noqa: SIM110 - any() over a generator costs more; this runs for most blocks
        if word in lowered:
            return True
    return False


def _is_paragraph(block: Block) -> bool:
    """A long block, or a full sentence of a few words: what an article ends with."""
    text = block.text
    if len(text) >= TAIL_PARAGRAPH_CHARS:
        return True
    return text[-1] in _FULL_STOP and text.count(" ") >= TAIL_SENTENCE_WORDS - 1 and block.link_chars * 2 < len(text)


def _has_date(text: str) -> bool:
    from presscut.extract.dates import TEXT_DATE  # lazy: dates imports page, not content

    return TEXT_DATE.search(text) is not None


def _is_dateline(text: str, key: str) -> bool:
    """A short line that is only a date (and words like "Updated on")."""
    from presscut.extract.dates import TEXT_DATE  # lazy: dates imports page, not content

    match = TEXT_DATE.search(text)
    if match is None:
        return False
    rest = _key(text[: match.start()] + " " + text[match.end() :])
    return all(word in P.DATELINE_WORDS or word.isdigit() for word in rest.split())


def _key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def _rendered_noscript(node: LexborNode) -> bool:
    """Whether a ``<noscript>`` holds a rendered page (a script-driven site's crawler view)
    rather than a "please enable JavaScript" line or a tracking pixel."""
    return len(node.text(deep=True, strip=True)) >= NOSCRIPT_PAGE_CHARS


def _cap(text: str) -> str:
    return text if len(text) <= REMOVED_TEXT_CHARS else text[: REMOVED_TEXT_CHARS - 1].rstrip() + "…"
