"""The walk: one pass over a page's ``<body>`` that cuts its text into blocks.

One iterative walk (no recursion, so any nesting depth is safe) does three
things at once:

* drops furniture: tags in :data:`~presscut.extraction.patterns.SILENT_TAGS`
  silently, and :data:`~presscut.extraction.patterns.FURNITURE_TAGS` and
  elements whose class/id/role/aria tokens match
  :data:`~presscut.extraction.patterns.BOILERPLATE` with a recorded reason --
  unless the element holds more text outside links than furniture does
  (:data:`GUARD_CHARS`), or says it holds the article (but a box named
  "related" that links to other pages and has no run of paragraphs is a list
  of teasers however long); customers' reviews go
  however long, unless they are most of the page or the page says it is an
  article, and so does a page's own header, footer, navigation or aside (by
  tag or by name) that lies outside the ``<main>`` element the page has (not
  holding it).  A box named "caption" inside a link or holding a heading is a
  card's text (a thumbnail grid's), not an image's caption.  Elements hidden by
  the ``hidden`` attribute or an inline ``display: none`` are dropped too,
  unless they hold sentences (a collapsed FAQ answer or accordion panel), and a
  ``<form>`` with nothing to fill in or press is only a wrapper (a post's text
  in its edit form).
  Inside ``<pre>`` and ``<code>`` class names are syntax colours
  (``hljs-comment``), never furniture, and a large ``<noscript>`` (a
  script-driven site's crawler view) is read;
* cuts the remaining text into blocks at block-element boundaries (``<br>``
  is a line break, two in a row a paragraph break, a simple table row is one
  block with cells joined by ``" | "``), counting the characters in links;
* records every block element with its parent, so that each block's weight
  can be summed into all its ancestors afterwards
  (:mod:`~presscut.extraction.content` chooses the container and cleans it).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from presscut.article import Removed
from presscut.extraction import patterns as P

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

#: Class values (and class names) whose classification is remembered across pages: about
#: 20 MB more than 16,384 when full, and a site's own names stay warm over a run of its pages.
NAME_CACHE_SIZE = 65536
#: The same for id values, fewer and mostly unique to their page.
ID_CACHE_SIZE = 16384
#: Longest text kept in one :class:`Removed` record.
REMOVED_TEXT_CHARS = 200
#: An element matched as furniture is kept anyway when it holds more text outside links than
#: this (unless its reason is a strong one): share bars and ad slots are not essays.
GUARD_CHARS = 1500
#: An element named "related" that links to this many pages and holds no run of PROSE_RUN paragraphs under one
#: parent is a list of teasers, whatever its size (the guards above keep big elements named like furniture).
TEASER_CARDS, PROSE_RUN = 3, 3
#: The same for weak reasons (furniture tags and layout-ish class names).
WEAK_GUARD_CHARS = 1000
#: The guard first reads this many raw characters per character it needs (raw text is padded
#: with the page's indentation): enough to decide for about half of the big elements.
GUARD_PREFIX = 2
#: A ``<noscript>`` holding this much text is a crawler view of the page and is read, not skipped.
NOSCRIPT_PAGE_CHARS = 500
#: How much of a pruned element's raw text is normalised for its :class:`Removed` record.
PRUNED_HEAD_CHARS = 2000
#: A hidden element (``hidden``, ``display: none``) with this much text outside links in at least
#: this many sentences is a collapsed panel and is read; other hidden elements are menus and variants.
PROSE_CHARS = 80
PROSE_SENTENCES = 2

#: A "comments" element holding a form and at most this much text beside it is a reply box.
REPLY_FORM_CHARS = 300
#: ...and at most this much text in all (its labels and notes, not posts).
REPLY_BOX_CHARS = 4000
#: An element named "header" holding at most this much text, most of it in one heading, is that
#: heading's box (a FAQ card's question, a CMS heading module), not the page's header.
HEADING_BOX_CHARS = 200
#: A "reviews" element (customers' reviews under a product) is dropped however much text it holds,
#: unless it holds more than this share of the page's raw text (a page of reviews) or the page says
#: it is an article (its readers' reviews, kept like its other text).
REVIEWS_PAGE_SHARE = 0.5
#: Pruned elements with more raw text than this are listed in :attr:`Walk.large_pruned`.
LARGE_PRUNED_CHARS = 500

_BR = "\x1e"
#: Elements that mark where a page's main content is (an <article> may be one teaser of many).
_LANDMARKS = "main, [role=main]"
#: What a reader fills in or presses in a form (a form without any is only a wrapper).
_CONTROLS = "input:not([type=hidden]), textarea, select, button"
_CELL = "\x1f"
#: A word of a class name: a run with a digit stays whole, else camelCase humps.
_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]*\d[A-Za-z0-9]*|[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
#: Class names that are CSS-in-markup (Tailwind variants, arbitrary values), not names.
_ODD_NAME = re.compile(r"[\[:(=]")
#: camelCase state names ("isPaywall", "hasSidebar"): like the "is-"/"has-" prefixes, they say
#: what state an element is in, not what it is.
_STATE_NAME = re.compile(r"^(?:is|has|with|no)[A-Z]")
#: :data:`_TOKEN` on an ASCII name without capitals: a run with a digit stays whole, and a run
#: without one is a single word either way.
_LOWER_TOKEN = re.compile(r"[a-z0-9]+")
#: The attributes :func:`classify` reads, by what it does with them.
_CLASS, _ID, _HIDDEN, _ROLE, _STYLE, _ITEMPROP, _LABEL = range(7)
_ATTRIBUTE_KINDS: dict[str, int] = {
    **{name: _LABEL for name in P.TOKEN_ATTRIBUTES},
    "class": _CLASS, "id": _ID, "hidden": _HIDDEN, "role": _ROLE, "style": _STYLE, "itemprop": _ITEMPROP,
}
#: Tags whose open elements the walk counts (one set lookup for all others, not four comparisons).
_COUNTED_TAGS = frozenset({"a", "pre", "code", "table"})
_SENTENCE = re.compile(r"\w\w[.!?](?:\s|$)")
#: The types a JSON-LD text names ("@type": "NewsArticle", "@type": ["Article", ...]).
_LD_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"([^"]+)"')
#: How the names of the JSON-LD types of articles end ("NewsArticle", "BlogPosting").
_ARTICLE_TYPE_ENDS = ("article", "posting")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(slots=True)
class Block:
    """A run of text between block boundaries."""

    text: str
    #: Index of the innermost block element holding it.
    elem: int
    tag: str
    link_chars: int


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


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _name_tokens(name: str) -> tuple[str, ...]:
    """:func:`tokens` of one class name (names recur across elements and pages)."""
    if _ODD_NAME.search(name) or name.lower().startswith(P.IGNORED_CLASS_PREFIXES) or _STATE_NAME.match(name):
        return ()
    if name.isascii() and name.islower():  # no camelCase, no other digits: the runs are the words (faster)
        words = _LOWER_TOKEN.findall(name)
    else:
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
#: The tokens any pattern starts with: a value holding none of them matches nothing.
_FIRST_TOKENS = frozenset(_BOILERPLATE_INDEX) | frozenset(_CONTENT_INDEX)


def _match(toks: tuple[str, ...], index: dict[str, list[tuple[tuple[str, ...], int, str]]]) -> str | None:
    """The first-ranked reason whose pattern occurs in ``toks``."""
    best: tuple[int, str] | None = None
    for i, tok in enumerate(toks):
        for pat, rank, reason in index.get(tok, ()):
            if (best is None or rank < best[0]) and (len(pat) == 1 or toks[i : i + len(pat)] == pat):
                best = (rank, reason)
    return None if best is None else best[1]


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _reason_for(value: str) -> str | None:
    return _match(tokens(value), _BOILERPLATE_INDEX)


def _name_info(value: str, is_class: bool) -> tuple[bool, str | None, bool]:
    """For a class or id value: (content hint?, furniture reason, hidden?)."""
    toks = tokens(value)
    hidden = is_class and ":" not in value and not P.HIDDEN_CLASSES.isdisjoint(value.split())
    if _FIRST_TOKENS.isdisjoint(toks):  # most values: one set operation instead of two matches
        return False, None, hidden
    return _match(toks, _CONTENT_INDEX) is not None, _match(toks, _BOILERPLATE_INDEX), hidden


# One cache per attribute: a single str argument is its own cache key (no tuple built per lookup).
@lru_cache(maxsize=NAME_CACHE_SIZE)
def _class_info(value: str) -> tuple[bool, str | None, bool]:
    """:func:`_name_info` of a class value."""
    return _name_info(value, True)


@lru_cache(maxsize=ID_CACHE_SIZE)
def _id_info(value: str) -> tuple[bool, str | None, bool]:
    """:func:`_name_info` of an id value."""
    return _name_info(value, False)


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
    hidden = invisible = False
    only_class = attrs.get("class") if len(attrs) == 1 else None
    if only_class:  # over half of all elements have a class and nothing else: no loop
        hint, token_reason, hidden = _class_info(only_class)
        content = content or (hint and is_block)
    else:
        for key, value in attrs.items():
            kind = _ATTRIBUTE_KINDS.get(key)
            if kind is None:  # href, src, data-*, ...: the most common case, one lookup
                continue
            if kind == _HIDDEN:
                invisible = True
            elif not value:
                continue
            elif kind <= _ID:
                hint, reason, hides = _class_info(value) if kind == _CLASS else _id_info(value)
                content = content or (hint and is_block)
                hidden = hidden or hides
                token_reason = token_reason or reason
            elif kind == _ROLE:
                role = value.strip().lower()
                content = content or role == "main"
                role_reason = P.BOILERPLATE_ROLES.get(role)
            elif kind == _STYLE:
                invisible = invisible or _hidden_style(value)
            elif kind == _ITEMPROP:
                content = content or value.strip().lower() == "articlebody"
            else:
                token_reason = token_reason or _reason_for(value)
    if furniture is not None:  # a furniture tag; its class may say more precisely what it is
        return False, token_reason or role_reason or furniture
    if role_reason is not None:
        return content, role_reason
    if content:
        return True, token_reason if token_reason in P.STRONG_REASONS else None
    if hidden:
        return False, "hidden"
    if invisible and token_reason is None:
        return False, "invisible"
    return False, token_reason


def _is_prose(node: LexborNode, raw: str) -> bool:
    """Whether a hidden element holds sentences outside links rather than menus or variants."""
    if len(raw) < PROSE_CHARS:
        return False
    text = " ".join(raw.split())
    # The sentences first: menus, the usual hidden text, have none, and links cost more to count.
    if len(text) < PROSE_CHARS or next(islice(_SENTENCE.finditer(text), PROSE_SENTENCES - 1, None), None) is None:
        return False
    links = sum(len(" ".join(a.text(deep=True).split())) for a in node.css("a"))
    return len(text) - links >= PROSE_CHARS


def _hidden_style(style: str) -> bool:
    """Whether an inline style hides the element on every screen."""
    return ("none" in style or "hidden" in style) and _HIDDEN_STYLE.search(style) is not None


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


class Walk:
    """State of the single pass over the body."""

    def __init__(self, keep: frozenset[str] = frozenset()) -> None:
        #: Furniture reasons not acted on in this walk.
        self.keep = keep
        #: Characters of text pruned as "comments".
        self.comment_chars = 0
        #: (reason, element) of the elements pruned with more than :data:`LARGE_PRUNED_CHARS` of
        #: raw text: where to look when a page's article was all taken out for one reason.
        self.large_pruned: list[tuple[str, LexborNode]] = []
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
        self._body: LexborNode | None = None
        #: Length of the body's raw text, and whether the page says it is an article: computed
        #: when first needed.
        self._body_chars = -1
        self._article = False
        #: Whether the page has an element marked as its main content: computed when first needed.
        self._landmark: bool | None = None

    def label(self, elem: int) -> str:
        """A short locator: the element and its parent ("div.article-body>p")."""
        own = _label(self.tags[elem], self.attrs[elem])
        up = self.parent[elem]
        return own if up < 0 else _label(self.tags[up], self.attrs[up]) + ">" + own

    def run(self, body: LexborNode) -> None:
        inline, silent = P.INLINE_TAGS, P.SILENT_TAGS
        furniture_tags, content_tags, cell_tags = P.FURNITURE_TAGS, P.CONTENT_TAGS, P.TABLE_CELL_TAGS
        counted = _COUNTED_TAGS
        flush, keep = self._flush, self.keep
        parts = self._parts
        parent, tags, hints, all_attrs = self.parent, self.tags, self.hint, self.attrs
        stack: list[_Frame] = [(body, "body", None, True, 0, False)]
        self._body = body
        #: How many open elements say they hold the article.
        in_content = 0
        block = 0
        links = 0
        pre = code = 0
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
                if tag in counted:
                    if tag == "a":
                        links -= 1
                    elif tag == "pre":
                        pre -= 1
                    elif tag == "code":
                        code -= 1
                    else:
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
            if pre or code:  # class names in code are syntax colours ("hljs-comment"), not furniture
                content, reason = False, None
            elif attrs or tag in furniture_tags:
                content, reason = classify(tag, attrs, is_block)
                if reason == "header" and (in_content or (tag != "header" and _heading_box(node))):
                    # an article's own header (headline, standfirst, byline; cleaned per line), or a
                    # box named "header" that only wraps a heading ("card-header", a CMS's heading module)
                    reason = None
                elif reason == "caption" and tag != "figcaption" and (links or _card_body(node)):
                    # a card's text box named "caption" (Bootstrap's thumbnail caption, a product tile's
                    # "product-caption"): inside the card's link, or holding the card's heading; an image's
                    # caption is neither
                    reason = None
            else:  # the common case, without a call
                content, reason = tag in content_tags, None
            if (
                reason is not None
                and (reason not in keep or (reason == "comments" and _reply_form(node)))
                and self._prune(node, tag, attrs, reason, stack, outside=not in_content)
            ):
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
            if tag in counted:
                if tag == "a":
                    links += 1
                elif tag == "pre":
                    pre += 1
                elif tag == "code":
                    code += 1
                else:
                    simple_tables.append(node.css_first(P.LAYOUT_IN_TABLE) is None)
            stack.append((node, tag, attrs, is_block, block, content))
            in_content += content
            node = node.child
        flush(block)

    def _prune(
        self, node: LexborNode, tag: str, attrs: dict[str, str | None], reason: str, stack: list[_Frame],
        *, outside: bool = False,
    ) -> bool:
        """Record ``node`` as removed; False when it is too big to be furniture."""
        raw = node.text(deep=True, separator=" ")
        clean: str | None = None  # the whole text normalised: only computed when needed
        if reason == "invisible" and _is_prose(node, raw):
            return False  # a collapsed panel (accordion, FAQ answer, "read more"): text, not chrome
        if reason == "form" and tag == "form" and node.css_first(_CONTROLS) is None:
            return False  # nothing to fill in: a post's text in its edit form (a thread's replies), not a form
        # A page's own header, footer, navigation or aside (by tag or by name), outside the element that the
        # page marks as its main content, is furniture however much text it holds, and no wrapper to rescue.
        landmark = (
            outside
            and reason in P.LANDMARK_REASONS
            and len(raw) > LARGE_PRUNED_CHARS
            and self._landmark_elsewhere(node)
        )
        if reason not in P.STRONG_REASONS and not landmark:
            least = WEAK_GUARD_CHARS if reason in P.WEAK_REASONS else GUARD_CHARS
            if len(raw) > least and not (reason == "reviews" and self._side_reviews(raw)):
                kept, clean = _holds_text(node, raw, least, reason == "form")
                if kept and not (reason == "related" and _teaser_cards(node)):
                    return False
        if reason == "comments":
            clean = clean if clean is not None else " ".join(raw.split())
            self.comment_chars += len(clean)
        if len(raw) > LARGE_PRUNED_CHARS and not landmark:
            self.large_pruned.append((reason, node))
        head = clean if clean is not None else " ".join(raw[:PRUNED_HEAD_CHARS].split())
        if len(raw) > PRUNED_HEAD_CHARS and len(head) <= REMOVED_TEXT_CHARS:
            head = " ".join(raw.split())
        if head:
            where = ">".join(_label(f[1], f[2]) for f in stack[-3:]) + ">" + _label(tag, attrs)
            self.pruned.append((len(self.blocks), Removed(cap(head), reason, where)))
        return True

    def _landmark_elsewhere(self, node: LexborNode) -> bool:
        """Whether the page marks its main content (``<main>``, ``role=main``) in an element that ``node`` (a
        footer, header, navigation or aside outside any element holding the article) does not hold."""
        if self._landmark is None:
            body = self._body
            self._landmark = body is not None and body.css_first(_LANDMARKS) is not None
        return self._landmark and node.css_first(_LANDMARKS) is None

    def _side_reviews(self, raw: str) -> bool:
        """Whether a "reviews" element with raw text ``raw`` is customers' reviews beside the page's
        text (a product's), not a page of reviews nor an article's readers' reviews."""
        body = self._body
        if body is None:
            return False
        if self._body_chars < 0:
            self._body_chars = len(body.text(deep=True, separator=" "))
            self._article = _claims_article(body)
        return not self._article and len(raw) <= REVIEWS_PAGE_SHARE * self._body_chars

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


def _holds_text(node: LexborNode, raw: str, least: int, form: bool) -> tuple[bool, str | None]:
    """Whether an element matched as furniture holds more than ``least`` characters of text
    outside links (a ``<form>``: that much text in at least three paragraphs), and its text
    ``raw`` normalised when that was computed."""
    if form:
        clean = " ".join(raw.split())
        # a page-wide <form> (ASP.NET, a forum's thread of quoted posts) wraps the article
        return len(clean) > least and len(node.css("p, blockquote")) >= 3, clean
    links = [a.text(deep=True) for a in node.css("a")]
    # Normalising only shortens text, and a normalised prefix is a prefix of the normalised whole:
    # a big element (an article wrapper named like furniture) is mostly decided on a part of its
    # text, without normalising it all.
    need = least + sum(map(len, links))
    size = GUARD_PREFIX * need
    if len(raw) > size and len(" ".join(raw[:size].split())) > need:
        return True, None
    clean = " ".join(raw.split())
    return len(clean) - sum(len(" ".join(text.split())) for text in links) > least, clean


def _teaser_cards(node: LexborNode) -> bool:
    """Whether ``node`` (named "related") is a list of teasers however much text they add up to: links to
    :data:`TEASER_CARDS` pages or more, and no run of :data:`PROSE_RUN` ``<p>`` elements under one parent (an
    article's body has one; a card holds a paragraph or two)."""
    if len(node.css("a[href]")) < TEASER_CARDS:
        return False
    parents = Counter(p.parent.mem_id for p in node.css("p") if p.parent is not None)
    return not parents or max(parents.values()) < PROSE_RUN


def _claims_article(body: LexborNode) -> bool:
    """Whether the page says it is an article (``og:type``, a JSON-LD ``@type``)."""
    root = body.parent or body
    for meta in root.css('meta[property="og:type"]'):
        if (meta.attributes.get("content") or "").strip().lower() == "article":
            return True
    for script in root.css('script[type="application/ld+json"]'):
        for kind in _LD_TYPE.findall(script.text(deep=True)):
            if kind.lower().endswith(_ARTICLE_TYPE_ENDS):  # not "Review": a product's reviews say that too
                return True
    return False


def _heading_box(node: LexborNode) -> bool:
    """Whether an element holds a heading and (almost) nothing else: a section's heading in a
    box named "header", not the page's header with its logo, menu and links."""
    heading = node.css_first("h1, h2, h3, h4, h5, h6")
    if heading is None:
        return False
    text = node.text(deep=True, strip=True)
    return len(text) <= HEADING_BOX_CHARS and len(heading.text(deep=True, strip=True)) * 10 >= len(text) * 8


def _card_body(node: LexborNode) -> bool:
    """Whether an element holds a heading: the body of a card (title and summary), not a caption."""
    return node.css_first("h1, h2, h3, h4, h5, h6") is not None


def _reply_form(node: LexborNode) -> bool:
    """Whether a "comments" element is the reply box ("Leave a reply", a form with a text box)
    rather than the comments: dropped even from a thread, whose posts are kept."""
    form = node.css_first("form")
    if form is None or form.css_first("textarea") is None or node.css_first("article") is not None:
        return False  # a form wrapping posts (<article>s) is the thread itself
    total = len(node.text(deep=True, strip=True))
    return total <= REPLY_BOX_CHARS and total - len(form.text(deep=True, strip=True)) <= REPLY_FORM_CHARS


def _rendered_noscript(node: LexborNode) -> bool:
    """Whether a ``<noscript>`` holds a rendered page (a script-driven site's crawler view)
    rather than a "please enable JavaScript" line or a tracking pixel."""
    return len(node.text(deep=True, strip=True)) >= NOSCRIPT_PAGE_CHARS


def cap(text: str) -> str:
    return text if len(text) <= REMOVED_TEXT_CHARS else text[: REMOVED_TEXT_CHARS - 1].rstrip() + "…"
