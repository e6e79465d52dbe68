"""Main content: the article's text blocks, found without per-site rules.

:class:`~presscut.extraction.walk.Walk` cuts the page into blocks (dropping
furniture on the way); here each block's weight (text minus link text minus a
per-block cost) is summed into all its ancestors, and the container with the
largest sum (a bonus for ``<article>``, ``<main>`` and body-like class names)
is the article, or the page's only ``<article>`` element inside it when that
holds a third of its weight.  Its blocks are kept in order, with the lead that stands between the
headline and the container ("p.intro", "div.teaser-text"), minus link-dense blocks,
promotion lines ("Read more: ..."), credits, short furniture lines, "Related
articles" headings with the rest of their section, text repeated from another
element, disclosures and rights notes, blog filing notes, short furniture after
the last paragraph, a small box after the element holding the article's
body (an author's bio, a publisher's blurb), a kicker over the article (a short
label that is not a sentence) and the dated meta lines above its first paragraph.
Everything taken out is returned as :class:`~presscut.article.Removed`
(blocks outside the container as "outside-main" runs).

A block that is mostly links stays when it is a heading over its own text (a
listicle's item, not a teaser; a line of summary is enough in a container of cards
without a run of paragraphs, where a linked title that is not a heading stays over its item's own
text too: a shop's grid), a long list item (a source, a reading list) or an item of a list
that a line of the text introduces ("The tools we tested:") before the last paragraph.  A short
line repeated within a few blocks (a card's title over and under its image) is kept once.

Pages that are not articles are read again when the first reading says so:
a page whose "comments" outweigh the article is a thread (forum, Q&A) and
keeps them (and so does a page that its other signs make a forum, once its type
is known, when they hold more text than its opening post: :func:`read_thread`);
a page that is mostly links with little article text, whose
"article" is a small corner of the page, or that has not one paragraph and
finds clearly more that way, is a listing, scored without the link penalty and
keeping its link-dense items (and its headings, when they are all it has).  A
page where (almost) nothing was found is read again keeping the furniture whose
largest pruned element held far more text (an article wrapper named like
furniture), and once more without the next such reason when that was not enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from presscut.article import Removed
from presscut.extraction import patterns as P
from presscut.extraction.walk import LARGE_PRUNED_CHARS, Block, Walk, cap

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

#: Fixed cost of a block in the container score: short fragments weigh against a container.
BLOCK_COST = 10.0
#: A page's only ``<article>`` element inside the container chosen is the container when it holds at least
#: this share of the container's weight (more than its teasers and panels beside it, most often).
SOLE_ARTICLE_SHARE = 1 / 3
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
#: A page typed a forum by other signs keeps its "comments" when they hold more than this many times its text.
FORUM_COMMENTS_SHARE = 1.0
#: When the container's link-dense blocks hold this many times the text kept, the page is a
#: listing and they are kept.
LISTING_SHARE = 1.0
#: ...and so is a page with less article text than this whose text is mostly links.
LISTING_MAX_TEXT = 1500
LISTING_PAGE_LINKS = 0.35
#: A page with less text than this is an empty shell (its items come by script), not a listing.
LISTING_MIN_PAGE = 1000
#: The page is also read as a listing when the article found is shorter than LISTING_MAX_ARTICLE
#: and holds less than this share of a page's text (at least LISTING_MIN_CORNER_PAGE long)...
LISTING_CORNER_SHARE = 0.25
LISTING_MAX_ARTICLE = 3000
LISTING_MIN_CORNER_PAGE = 500
#: ...or when more than this share of the page's text is in links.
LISTING_LINKS_PAGE = 0.6
#: A page whose longest run of paragraphs is shorter than this is read as a listing too, when that
#: finds LISTING_GAIN times more text.
LISTING_MAX_RUN = 1
LISTING_GAIN = 1.2
#: A paragraph at least this long (without its links) counts towards a run of paragraphs.
PARAGRAPH_CHARS = 120
#: A page with less article text than this is read again keeping the furniture of the reason
#: whose largest pruned element held RESCUE_SHARE times more text (the article, misnamed).
RESCUE_MAX_TEXT = 250
RESCUE_SHARE = 4.0
#: How many furniture reasons may be given up, one after the other, to find the article.
RESCUE_ROUNDS = 2
#: Short blocks after the article's last paragraph this long, together shorter than
#: TAIL_MAX_CHARS, are the furniture that closes an article ("Share:", "Tags: ...").
TAIL_PARAGRAPH_CHARS = 120
TAIL_MAX_CHARS = 300
#: ...a block ending a sentence with at least this many words counts as a paragraph there.
TAIL_SENTENCE_WORDS = 8
#: Blocks after the element holding most of the article, outside it, are dropped when together
#: they are at most this long and this share of the article: a closing box, not a last section.
CLOSING_SECTION_CHARS = 800
CLOSING_SECTION_SHARE = 0.15
#: Up to this many blocks this long at the end of the article are dropped when they are calls
#: to action (subscribe, follow, install the app).
CTA_BLOCKS = 3
CTA_CHARS = 250
#: Up to this many paragraph-like blocks just before the container (after the headline) are the
#: article's lead or standfirst, set apart from its body ("p.intro", "div.teaser-text").
LEAD_BLOCKS = 3
#: ...each at least this long, under a quarter links, ending a sentence.
LEAD_CHARS = 80
#: A first block this short that does not end a sentence is a label over the article (a kicker).
KICKER_CHARS = 60
#: Lines at most this long holding a date above the article's first paragraph are its meta line.
HEAD_META_CHARS = 80
#: A short line of at most this many words may be a row of buttons.
BUTTON_ROW_WORDS = 8
#: A heading that is mostly a link is kept when the text under it (outside links) is this long...
SECTION_TEXT_CHARS = 200
#: ...or this long in a container without CARD_MAX_RUN paragraphs in a row (a page of cards, each a
#: linked title over its summary, rather than an article closing with teasers).
CARD_TEXT_CHARS = 40
CARD_MAX_RUN = 3
#: A list item this long is kept even when it is mostly links.
LINKED_ITEM_CHARS = 100
#: A kept block at least this long that repeats an earlier one word for word is dropped.
DUPLICATE_CHARS = 40
#: A shorter block of at least NEAR_DUPLICATE_WORDS words is dropped when it repeats one of the last
#: this many kept blocks (of another element): a card's title given twice, over and under its image.
NEAR_DUPLICATE_BLOCKS = 8
NEAR_DUPLICATE_WORDS = 2
#: A "By ..." line this long or shorter that holds a date or a reading time is a byline.
BYLINE_CHARS = 120
#: A line this long or shorter may be the comment form's prompt ("You must be logged in to comment").
COMMENT_PROMPT_CHARS = 200
#: A line this long or shorter that starts "Source:" is a credit ("Quelle: dpa"), not text.
SOURCE_LINE_CHARS = 100
#: A paragraph this long or shorter may be an affiliate or cookie disclosure.
DISCLOSURE_CHARS = 400
#: A line this long or shorter may be a blog post's filing note ("Posted in News. Bookmark the permalink.").
POST_META_CHARS = 300
#: Lines at most this long are compared with the short-furniture list.
SHORT_LINE_CHARS = 60

_NON_WORD = re.compile(r"[\W_]+")
_DIGIT = re.compile(r"\d")
_SENTENCE_END = frozenset('.!?…:;"”»)')
_FULL_STOP = frozenset('.!?…"”»')
#: The first word of each whole furniture line, for :func:`_button_row`.
_LABEL_FIRST_WORDS = frozenset(line.split()[0] for line in P.BOILERPLATE_LINES if line)
#: Closing quotation marks besides those in _SENTENCE_END ("„Gut“", "‚so‘", "«ça»", "›so‹").
_QUOTE_END = frozenset("“’‘›«‹")
#: Blocks that are items of something else, never an article's lead.
_NOT_LEAD = frozenset({"li", "td", "th", "tr", "dt", "dd", "figcaption", "caption", "blockquote", "pre"})


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
    #: Characters of the container's blocks that are mostly links (dropped, or kept as items).
    link_dense_chars: int = 0
    #: ...of which kept (linked headings over their own text, long list items).
    kept_link_dense_chars: int = 0
    #: Whether the page was read as a listing, keeping link-dense blocks.
    listing: bool = False
    #: Characters of text dropped as "comments" (kept when :attr:`thread`).
    comment_chars: int = 0
    #: Whether the page was read keeping its "comments" (they were most of the page).
    thread: bool = False
    #: The furniture reasons the reading kept (a thread's "comments", a rescued wrapper's reason).
    keep: frozenset[str] = frozenset()
    #: The blocks and removals with the closing section kept, when one was dropped (see :func:`keep_ending`).
    open_ending: tuple[list[Block], list[Removed]] | None = None


def extract_content(body: LexborNode | None, title: str | tuple[str | None, ...] | None = None) -> Content:
    """Find the main text under ``body``; ``title`` (or several: the headline, the page's
    ``<title>``) drops a heading that repeats it."""
    if body is None:
        return Content()
    walk = Walk()
    walk.run(body)
    content = _select(walk, title)
    thread = walk.comment_chars
    content.comment_chars = thread
    if thread > COMMENTS_PAGE_SHARE * len(content.text) and len(content.text) < COMMENTS_PAGE_MAX_ARTICLE:
        # The "comments" hold most of the page: a forum thread or Q&A page, whose posts are
        # its main content.  Read the page again without dropping them.
        walk, content = _thread(body, title, thread)
    if len(content.text) < RESCUE_MAX_TEXT:
        walk, content = _rescue(body, title, walk, content)
    page_chars = sum(len(b.text) for b in walk.blocks)
    page_links = sum(b.link_chars for b in walk.blocks)
    found = len(content.text) - content.kept_link_dense_chars  # the article's own text, for the tests below
    listing: Content | None = None
    if longest_paragraph_run(content.blocks) < LISTING_MAX_RUN:
        # Not one paragraph: a page of items (products, links, cards) rather than an article,
        # read as a listing when that finds clearly more.
        listing = _select(walk, title, keep_links=True)
        if len(listing.text) > LISTING_GAIN * len(content.text):
            listing.thread, listing.listing, listing.comment_chars = content.thread, True, content.comment_chars
            return listing
    if (
        content.link_dense_chars > LISTING_SHARE * found
        or (
            found < LISTING_MAX_TEXT and page_links > LISTING_PAGE_LINKS * page_chars and page_chars >= LISTING_MIN_PAGE
        )
        or (
            # The "article" is a small corner of a page of text, or the page is nearly all links.
            found < LISTING_MAX_ARTICLE
            and page_chars >= LISTING_MIN_CORNER_PAGE
            and (found < LISTING_CORNER_SHARE * page_chars or page_links > LISTING_LINKS_PAGE * page_chars)
        )
    ):
        # Most of the chosen container is links: a listing, whose items are its content.
        listing = listing or _select(walk, title, keep_links=True)
        if len(listing.text) > len(content.text):
            listing.thread, listing.listing, listing.comment_chars = content.thread, True, content.comment_chars
            content = listing
    return content


def _thread(body: LexborNode, title: str | tuple[str | None, ...] | None, comment_chars: int) -> tuple[Walk, Content]:
    """The page read keeping its "comments": a thread, whose posts are its content."""
    walk = Walk(keep=frozenset({"comments"}))
    walk.run(body)
    content = _select(walk, title)
    content.thread, content.comment_chars = True, comment_chars
    return walk, content


def read_thread(body: LexborNode, title: str | tuple[str | None, ...] | None, content: Content) -> Content:
    """``content`` read again keeping its "comments", when the page is a forum by its other signs (its claim,
    its URL, its posts' author lines) and they hold more text than the opening post
    (:data:`FORUM_COMMENTS_SHARE`): a thread's replies are its text too."""
    if content.thread or content.comment_chars <= FORUM_COMMENTS_SHARE * len(content.text):
        return content
    return _thread(body, title, content.comment_chars)[1]


#: Furniture reasons that are a service page's own text (see :func:`read_pitch`).
PITCH_REASONS = frozenset({"promo", "form"})


def read_pitch(body: LexborNode, title: str | tuple[str | None, ...] | None, content: Content) -> Content:
    """``content`` read again keeping its :data:`PITCH_REASONS` furniture, for a page typed "service", when
    that finds more: a business's own page pitches on every line, so its calls to action, promotional cards
    and request forms ("Request a demo") are its text, not furniture around an article."""
    if not any(r.reason in PITCH_REASONS for r in content.removed):
        return content
    return _read_again(body, title, content, PITCH_REASONS)


def read_manual(body: LexborNode, title: str | tuple[str | None, ...] | None, content: Content) -> Content:
    """``content`` read again keeping its "See also" and related sections, for a page typed
    "documentation", when that finds more: a manual's pointers to its other pages are part of it
    (a man page's SEE ALSO), where after a news story they are teasers."""
    if not any(r.reason == "related" for r in content.removed):
        return content
    return _read_again(body, title, content, frozenset({"related"}), teasers=False)


def _read_again(
    body: LexborNode,
    title: str | tuple[str | None, ...] | None,
    content: Content,
    keep: frozenset[str],
    *,
    teasers: bool = True,
) -> Content:
    """``content`` read again keeping the furniture reasons ``keep`` as well, when that finds more text."""
    walk = Walk(keep=content.keep | keep)
    walk.run(body)
    again = _select(walk, title, keep_links=content.listing, teasers=teasers)
    if len(again.text) <= len(content.text):
        return content
    again.listing, again.thread, again.comment_chars = content.listing, content.thread, content.comment_chars
    return again


def _rescue(
    body: LexborNode, title: str | tuple[str | None, ...] | None, walk: Walk, content: Content
) -> tuple[Walk, Content]:
    """Read the page again without the furniture reason that took out its article, when
    (almost) nothing was found and one element pruned for that reason held much more text:
    a site that names its article wrapper like furniture ("share-container", "post-wrap aside").
    When that finds nothing either, the next such reason goes too (a wrapper named like
    furniture inside another: "main-container fixed-sidebar" in "grid flex-nav")."""
    found = len(content.text)
    tried = walk
    for _ in range(RESCUE_ROUNDS):
        largest: dict[str, int] = {}
        for reason, node in tried.large_pruned:
            if reason not in P.STRONG_REASONS:
                chars = len(" ".join(node.text(deep=True, separator=" ").split()))
                largest[reason] = max(largest.get(reason, 0), chars)
        if not largest:
            break
        chars, reason = max((n, r) for r, n in largest.items())
        if chars <= LARGE_PRUNED_CHARS or chars < RESCUE_SHARE * max(found, 1):
            break
        tried = Walk(keep=tried.keep | {reason})
        tried.run(body)
        rescued = _select(tried, title)
        if len(rescued.text) > max(found, RESCUE_MAX_TEXT // 2):
            rescued.thread, rescued.comment_chars = content.thread, content.comment_chars
            return tried, rescued
    return walk, content


def block_weight(block: Block) -> float:
    """What a block adds to the score of every container that holds it."""
    n = len(block.text)
    link = block.link_chars
    weight = (n - link) - LINK_PENALTY * link - BLOCK_COST
    if link * 2 < n and block.text[-1] in _SENTENCE_END:
        weight += BLOCK_COST
    return weight


def _select(
    walk: Walk, title: str | tuple[str | None, ...] | None, keep_links: bool = False, *, teasers: bool = True
) -> Content:
    content = Content(page_blocks=walk.blocks)
    n = len(walk.parent)
    score = [0.0] * n
    parent = walk.parent
    for block in walk.blocks:
        score[block.elem] += len(block.text) - BLOCK_COST if keep_links else block_weight(block)
    for j in range(n - 1, 0, -1):  # a parent comes before its children: sum each subtree upwards
        score[parent[j]] += score[j]
    best, best_score = 0, 0.0
    for i in range(n):
        s = score[i] * CONTENT_HINT_BONUS if walk.hint[i] else score[i]
        if s >= best_score and s > 0:
            best, best_score = i, s
    end = list(range(1, n + 1))
    for j in range(n - 1, 0, -1):
        end[parent[j]] = max(end[parent[j]], end[j])
    if best_score > 0 and not keep_links and "comments" not in walk.keep:
        best = _sole_article(walk, score, best, end[best])
    stop = end[best]
    content.container = walk.label(best)
    content.keep = walk.keep

    titles = (title,) if isinstance(title, str) or title is None else title
    title_keys = frozenset(_key(t) for t in titles if t)
    kept: list[Block] = []
    #: Texts of the longer blocks kept so far, with their element: a page that repeats its
    #: text in another element (a mobile and a desktop copy, tabs) gives it once.
    seen: dict[str, int] = {}
    removed: list[tuple[int, Removed]] = list(walk.pruned)
    outside: list[str] = []
    outside_at = 0
    lead = _lead(walk, best, stop) if best_score > 0 and not keep_links else frozenset()
    #: While inside a "Related articles" section: (end of its parent's subtree, heading level).
    related: tuple[int, int] | None = None
    #: How much own text a linked heading needs under it to stay (whether the container is one of
    #: cards): set at the first link-dense block.
    section_chars = 0
    #: Position of the container's last paragraph, set at the first linked list item: a list of links
    #: that a line of the text introduces before it is the article's own (the products it compares,
    #: the sources it cites), not a list of teasers closing it.
    last_paragraph = -2
    #: Whether the last block before the current one that is not a list item ends with a colon:
    #: the line that introduces a list ("The tools we tested:").
    colon = False
    for pos, block in enumerate(walk.blocks):
        if block.tag != "li":
            colon = block.text[-1] == ":"
        if (best_score <= 0 or not best <= block.elem < stop) and pos not in lead:
            if not outside:
                outside_at = pos
            outside.append(block.text)
            continue
        if outside:
            removed.append((outside_at, Removed(cap(" ".join(outside)), "outside-main", None)))
            outside = []
        level = int(block.tag[1]) if block.tag in P.HEADING_TAGS else 7
        if related is not None:
            if block.elem < related[0] and level > related[1]:
                removed.append((pos, Removed(cap(block.text), "related", walk.label(block.elem))))
                continue
            related = None
        if teasers and len(block.text) <= SHORT_LINE_CHARS and P.RELATED_HEADING.match(block.text):
            if not keep_links:  # a listing keeps the links under it: they may be its items
                related = (_section_end(walk, pos, best, end) if block.elem else stop, level)
            removed.append((pos, Removed(cap(block.text), "related", walk.label(block.elem))))
            continue
        reason = _block_reason(block, title_keys, keep_links)
        if reason == "link-dense":
            content.link_dense_chars += len(block.text)
            if not section_chars:
                section_chars = _section_chars(walk, best, stop)
            if block.tag == "li" and last_paragraph == -2:
                last_paragraph = _last_paragraph(walk, best, stop) if not keep_links else -1
            if (
                (level < 7 and _heads_section(walk.blocks, pos, stop, section_chars))
                or (
                    block.tag == "li"
                    and (len(block.text) >= LINKED_ITEM_CHARS or (colon and pos < last_paragraph))
                )
                or (level == 7 and section_chars == CARD_TEXT_CHARS and _titles_card(walk, pos, best, end))
            ):
                # a linked heading over its own text (a listicle's item, not a teaser), a list item
                # long enough to say something beside its links (sources, a reading list) or in a
                # list that a line of the article's text introduces, in a container of cards a
                # linked title over its item's own text (a shop's grid)
                reason = None
                content.kept_link_dense_chars += len(block.text)
        if reason is None and len(block.text) >= DUPLICATE_CHARS:
            # (a table's cells repeat their values, row after row: they are its data)
            if block.tag not in _TABLE_PARTS and seen.setdefault(block.text, block.elem) != block.elem:
                reason = "duplicate"
        elif reason is None and kept and _near_duplicate(block, kept):
            reason = "duplicate"
        if reason is None:
            kept.append(block)
        else:
            removed.append((pos, Removed(cap(block.text), reason, walk.label(block.elem))))
    if outside:
        removed.append((outside_at, Removed(cap(" ".join(outside)), "outside-main", None)))
    if not keep_links and "comments" not in walk.keep:
        # (a thread's posts open with their author and date: kept, as the thread's own text)
        _drop_kicker(walk, kept, removed)
        _drop_head_meta(walk, kept, removed)
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
                    removed.append((len(walk.blocks), Removed(cap(block.text), "tail", walk.label(block.elem))))
    if not keep_links and len(kept) > 2:
        whole, whole_removed = list(kept), list(removed)
        if _drop_closing_section(walk, kept, end, removed):
            _trim_end(walk, whole, whole_removed)
            content.open_ending = (whole, _in_order(whole_removed))
    _trim_end(walk, kept, removed)
    content.removed = _in_order(removed)
    content.blocks = kept
    content.text = "\n\n".join(b.text for b in kept)
    return content


def keep_ending(content: Content) -> Content:
    """``content`` with the closing section it dropped put back (see :func:`_drop_closing_section`): after
    an article a small box outside its body is furniture (an author's bio, the publisher's blurb), but on a
    page of another type it is the page's last part (a service page's closing pitch, a thread's last
    replies, a manual's last section)."""
    if content.open_ending is None:
        return content
    content.blocks, content.removed = content.open_ending
    content.text = "\n\n".join(b.text for b in content.blocks)
    content.open_ending = None
    return content


def _trim_end(walk: Walk, kept: list[Block], removed: list[tuple[int, Removed]]) -> None:
    """Drop the calls to action among the last short blocks, then headings left with nothing under them."""
    # "Subscribe now...", "Follow us on ...": asks among the short blocks that close the article
    for i in range(len(kept) - 1, max(0, len(kept) - CTA_BLOCKS) - 1, -1):
        if i == 0 or len(kept[i].text) > CTA_CHARS:
            break
        if P.CALL_TO_ACTION.search(kept[i].text):
            block = kept.pop(i)
            removed.append((len(walk.blocks), Removed(cap(block.text), "promo", walk.label(block.elem))))
    # a heading left with nothing under it; a page whose items are all headings keeps them
    only_headings = all(b.tag in P.HEADING_TAGS for b in kept)
    while kept and kept[-1].tag in P.HEADING_TAGS and not only_headings:
        block = kept.pop()
        removed.append((len(walk.blocks), Removed(cap(block.text), "orphan-heading", walk.label(block.elem))))


def _in_order(removed: list[tuple[int, Removed]]) -> list[Removed]:
    return [r for _, r in sorted(removed, key=lambda item: item[0])]


def _section_chars(walk: Walk, best: int, stop: int) -> int:
    """How much text outside links a linked heading in the container needs under it to stay: less
    in a container of cards (no run of paragraphs) than in an article, where a linked heading over
    a line or two is a teaser for another page."""
    inside = [b for b in walk.blocks if best <= b.elem < stop]
    return SECTION_TEXT_CHARS if longest_paragraph_run(inside) >= CARD_MAX_RUN else CARD_TEXT_CHARS


def _last_paragraph(walk: Walk, best: int, stop: int) -> int:
    """Position of the last block of the container that reads as a paragraph (-1: none)."""
    for i in range(len(walk.blocks) - 1, -1, -1):
        block = walk.blocks[i]
        if best <= block.elem < stop and len(block.text) - block.link_chars >= PARAGRAPH_CHARS:
            return i
    return -1


def _titles_card(walk: Walk, pos: int, best: int, end: list[int]) -> bool:
    """Whether the linked block at ``pos`` is the title of a card in a container of cards: a
    product's or a listing's item, a link over its own text (a price, a line of summary) inside
    the same item (the subtree of the title's parent, an element inside the container ``best``:
    a line of links straight in the container is not an item)."""
    blocks = walk.blocks
    if pos + 1 >= len(blocks):
        return False
    nxt = blocks[pos + 1]
    card = walk.parent[blocks[pos].elem]
    if card <= best or not card <= nxt.elem < end[card]:
        return False
    return nxt.link_chars * 2 <= len(nxt.text) and nxt.tag not in P.HEADING_TAGS


def _sole_article(walk: Walk, score: list[float], best: int, stop: int) -> int:
    """The page's only ``<article>`` element in place of ``best``, a container around it, when it holds at
    least :data:`SOLE_ARTICLE_SHARE` of the container's weight: what the container adds beside the one
    element the page marks as an article is the page's (teasers, a shop's panels, a sign-up box), not its."""
    tags = walk.tags
    if tags.count("article") != 1:
        return best
    article = tags.index("article")
    if best < article < stop and score[article] >= SOLE_ARTICLE_SHARE * score[best]:
        return article
    return best


#: A table's rows and cells: they repeat their values, row after row, as its data.
_TABLE_PARTS = P.TABLE_CELL_TAGS | {"tr"}


def _near_duplicate(block: Block, kept: list[Block]) -> bool:
    """Whether a short block of a few words repeats one of the last blocks kept, from another
    element (a card's title over and under its image), not a cell that says "Yes" again."""
    text = block.text
    if text.count(" ") < NEAR_DUPLICATE_WORDS - 1:
        return False
    for other in kept[-NEAR_DUPLICATE_BLOCKS:]:  # noqa: SIM110 - any() over a generator costs more
        if other.text == text and other.elem != block.elem:
            return True
    return False


def _lead(walk: Walk, best: int, stop: int) -> frozenset[int]:
    """Positions of the blocks just before the container that read as the article's lead: a
    standfirst kept apart from the body (between the headline and the body, in a "teaser" or
    "intro" box), taken back from the container up to a heading or LEAD_BLOCKS blocks."""
    blocks = walk.blocks
    first = next((i for i, b in enumerate(blocks) if best <= b.elem < stop), None)
    if not first:
        return frozenset()
    found: list[int] = []
    for pos in range(first - 1, max(-1, first - 2 - LEAD_BLOCKS), -1):
        block = blocks[pos]
        if block.tag in P.HEADING_TAGS:
            return frozenset(found)  # the headline the lead stands under
        text = block.text
        if (
            len(text) >= LEAD_CHARS
            and block.link_chars * 4 < len(text)
            and text[-1] in _SENTENCE_END
            and block.tag not in _NOT_LEAD
        ):
            found.append(pos)
    return frozenset()


def _drop_kicker(walk: Walk, kept: list[Block], removed: list[tuple[int, Removed]]) -> None:
    """Drop a short first block that is a label over the article, not a sentence of it: a kicker
    ("Politics", "News from the institute"), a button row ("Print Pin"), a photo credit; not a
    product's price."""
    if not kept or len(kept[0].text) > KICKER_CHARS or kept[0].tag in P.HEADING_TAGS:
        return
    text = kept[0].text
    if text[-1] in _SENTENCE_END or text[-1] in _QUOTE_END or P.PRICE_TEXT.search(text):
        return
    block = kept.pop(0)
    at = next(i for i, b in enumerate(walk.blocks) if b is block)
    removed.append((at, Removed(cap(block.text), "kicker", walk.label(block.elem))))


def _drop_head_meta(walk: Walk, kept: list[Block], removed: list[tuple[int, Removed]]) -> None:
    """Drop the short lines with a date above the article's first paragraph: its meta line
    ("24. März 2004, 19:49 | Jane Roe", "2021-10-16 | Press release"), not its text."""
    i = 0
    while i < len(kept):
        block = kept[i]
        if len(block.text) - block.link_chars >= PARAGRAPH_CHARS:
            return
        if len(block.text) <= HEAD_META_CHARS and block.tag not in P.HEADING_TAGS and _has_any_date(block.text):
            kept.pop(i)
            removed.append((len(walk.blocks), Removed(cap(block.text), "head-meta", walk.label(block.elem))))
            continue
        i += 1


def _heads_section(blocks: list[Block], pos: int, stop: int, least: int = SECTION_TEXT_CHARS) -> bool:
    """Whether the heading at ``pos`` has at least ``least`` characters of text outside links
    under it (up to the next heading), starting with a block that is not mostly links."""
    chars = 0
    for i in range(pos + 1, len(blocks)):
        block = blocks[i]
        if block.tag in P.HEADING_TAGS or block.elem >= stop:
            break
        if not chars and block.link_chars * 2 > len(block.text):
            return False
        chars += len(block.text) - block.link_chars
        if chars >= least:
            return True
    return False


def longest_paragraph_run(blocks: list[Block]) -> int:
    """Most consecutive blocks that read as paragraphs (headings do not break a run)."""
    best = run = 0
    for block in blocks:
        if block.tag in P.HEADING_TAGS:
            continue
        if len(block.text) - block.link_chars >= PARAGRAPH_CHARS:
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best


def _drop_closing_section(walk: Walk, kept: list[Block], end: list[int], removed: list[tuple[int, Removed]]) -> bool:
    """Drop the blocks after the article's body that sit outside it, when they are a small box
    (an author's bio, the publisher's blurb, a licence note) rather than the article's last part;
    say whether it dropped any (:func:`keep_ending` puts them back on a page that is no article).

    The body is the element that directly holds most of the kept text."""
    chars: dict[int, int] = {}
    for b in kept:
        up = walk.parent[b.elem]
        chars[up] = chars.get(up, 0) + len(b.text)
    home = max(chars, key=chars.__getitem__)
    stop = end[home]
    last = max(i for i, b in enumerate(kept) if home <= b.elem < stop)
    tail = kept[last + 1 :]
    if not tail:
        return False
    size = sum(len(b.text) for b in tail)
    if size > CLOSING_SECTION_CHARS or size > CLOSING_SECTION_SHARE * sum(chars.values()):
        return False
    del kept[last + 1 :]
    for block in tail:
        removed.append((len(walk.blocks), Removed(cap(block.text), "tail", walk.label(block.elem))))
    return True


def _section_end(walk: Walk, pos: int, best: int, end: list[int]) -> int:
    """Where the section a heading (block ``pos``) opens ends: the end of its parent's
    subtree, or of a higher ancestor's when the heading sits alone in a wrapper
    (``<div class="title"><h2>Related</h2></div><ul>...</ul>``), never past ``best``."""
    parent = walk.parent
    elem = walk.blocks[pos].elem
    after = walk.blocks[pos + 1].elem if pos + 1 < len(walk.blocks) else len(parent)
    while parent[elem] > best and after >= end[parent[elem]]:
        elem = parent[elem]
    return end[parent[elem]]


def _block_reason(block: Block, title_keys: frozenset[str], keep_links: bool = False) -> str | None:
    text = block.text
    n = len(text)
    if P.PROMO_LINE.match(text):
        return "promo"
    if text[0] in "h/" and P.IMAGE_ADDRESS_LINE.fullmatch(text):
        return "image-address"
    if block.link_chars > MAX_LINK_DENSITY * n and not keep_links:
        return "link-dense"
    key = _key(text) if n <= SHORT_LINE_CHARS else None  # computed once for the two tests that use it
    if title_keys and block.tag in P.HEADING_TAGS and (_key(text) if key is None else key) in title_keys:
        return "title"
    if key is not None:
        if key in P.BOILERPLATE_LINES or _button_row(key):
            return "boilerplate"
        if P.SHARE_PROMPT_LINE.match(text):
            return "share"
        if (P.BYLINE_LINE.match(text) and len(text.split()) <= 8) or P.READING_TIME_LINE.match(text):
            return "byline"
        if _is_dateline(text, key):
            return "dateline"
    if n <= BYLINE_CHARS and P.BYLINE_LINE.match(text) and (P.READING_TIME.search(text) or _has_date(text)):
        return "byline"
    if n <= SOURCE_LINE_CHARS and P.SOURCE_CREDIT_LINE.match(text):
        return "source"
    if n > max(200, DISCLOSURE_CHARS, POST_META_CHARS):
        return None
    lowered = text.lower() if text.isascii() or not P.CASE_FOLDS_TO_ASCII.search(text) else None
    if n <= 200 and _may_hold(lowered, P.CREDIT_LINE_WORDS) and P.CREDIT_LINE.search(text):
        return "caption"
    if n <= DISCLOSURE_CHARS and (
        (_may_hold(lowered, P.DISCLOSURE_LINE_WORDS) and P.DISCLOSURE_LINE.search(text)) or P.AD_LABEL_LINE.match(text)
    ):
        return "disclosure"
    if n <= POST_META_CHARS and _may_hold(lowered, P.POST_META_LINE_WORDS) and P.POST_META_LINE.search(text):
        return "tags"
    if (
        n <= COMMENT_PROMPT_CHARS
        and any(part in text for part in P.COMMENT_PROMPT_LINE_PARTS)
        and P.COMMENT_PROMPT_LINE.search(text)
    ):
        return "comments"
    return None


def _button_row(key: str) -> bool:
    """Whether a short line is several furniture labels in a row ("Bild anzeigen Bild schließen",
    "Share Print Email"): each part a whole short furniture line."""
    words = key.split()
    if len(words) < 2 or len(words) > BUTTON_ROW_WORDS or words[0] not in _LABEL_FIRST_WORDS:
        return False  # (the first label starts with the line's first word: most lines stop here)
    ends = {0}  # how many leading words are covered by whole labels
    for i in range(1, len(words) + 1):
        if any(j in ends and " ".join(words[j:i]) in P.BOILERPLATE_LINES for j in range(max(0, i - 4), i)):
            ends.add(i)
    return len(words) in ends


def _may_hold(lowered: str | None, words: tuple[str, ...]) -> bool:
    """False when a text, lower-cased as ``lowered``, holds none of ``words`` (lower-case), so
    that a case-insensitive pattern needing one of them cannot match: a cheap test before a search.

    ``lowered`` is None for text holding a letter that case folding matches to an ASCII one
    (:data:`~presscut.extraction.patterns.CASE_FOLDS_TO_ASCII`, like "ſ" for "s"): it always passes.
    """
    if lowered is None:
        return True
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


@cache  # an import statement costs more than the search it serves on a short line
def _date_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:data:`~presscut.extraction.dates.TEXT_DATE` and ``OTHER_DATE``."""
    from presscut.extraction.dates import OTHER_DATE, TEXT_DATE  # lazy: dates imports page, not content

    return TEXT_DATE, OTHER_DATE


def _has_date(text: str) -> bool:
    return _date_patterns()[0].search(text) is not None


def _has_any_date(text: str) -> bool:
    """Whether a text holds a date written out or in numbers ("5. März 2024", "2024-03-05")."""
    from presscut.extraction.dates import OTHER_DATE, TEXT_DATE  # lazy: dates imports page, not content

    if not _DIGIT.search(text):
        return False
    if TEXT_DATE.search(text):
        return True
    match = OTHER_DATE.search(text)
    return match is not None and (match["d"] is not None or match["y2"] is not None)


def _is_dateline(text: str, key: str) -> bool:
    """A short line that is only a date (and words like "Updated on")."""
    if not _DIGIT.search(text):  # every date has a number
        return False
    text_date, other_date = _date_patterns()
    match = text_date.search(text)
    if match is None:  # "5. März 2024", "2024.03.05"; not slashed numbers (table cells, post times)
        match = other_date.search(text)
        if match is None or (match["d"] is None and match["y2"] is None):
            return False
    rest = _key(text[: match.start()] + " " + text[match.end() :])
    return all(word in P.DATELINE_WORDS or word.isdigit() for word in rest.split())


def _key(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())
