"""The page type: "article", "forum", "product", "listing", "documentation",
"service" or "other".

First the shape of the text: a page is an article when it has a run of real
paragraphs; a listing when most of its text sits in links (teasers) and no
such run exists; "other" when nothing readable was found.  The page's own
claim (JSON-LD ``@type``, ``og:type``) tips that balance only when the text
evidence is weak.

Then votes for the other types (:data:`~presscut.extraction.patterns.PAGE_TYPE_CLAIMS`
and :data:`~presscut.extraction.patterns.PAGE_TYPE_PATH_WORDS`): the page's
claim, the words of its URL path, a thread of posts or a list of links kept as
the main content, one author line after another taken out of the text (a thread's
posts, however its markup names them), prices and basket buttons.  A type with
:data:`MIN_VOTES` or more wins over the text's shape; without one, a page with no
date, no author and no article claim whose text is short blurbs (a landing page's
copy) is a service page, and so is a site's home page that reads like an article without
saying it is one (a front page of stories, whose linked titles were kept as items, is a
listing).  Structured data names more than the page: the
questions and answers of an FAQ block (beside ``FAQPage``) are no thread, and
beside an article, the business that publishes it (``LocalBusiness``), its
blog and the list of items inside it (``ItemList``) say nothing of the page.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from presscut.extraction import patterns as P
from presscut.extraction.content import Content, longest_paragraph_run
from presscut.extraction.page import Page, json_ld_types
from presscut.extraction.titles import is_home_page

#: This many such paragraphs in a row make an article...
ARTICLE_RUN = 3
#: ...unless more than this share of the page's remaining text sits in links: then it is a listing.
LISTING_LINK_SHARE = 0.2
#: With the page's own claim to be an article, a higher share is tolerated.
CLAIMED_LINK_SHARE = 0.35
#: Less text than this, with no paragraph run, is not an article.
MIN_ARTICLE_CHARS = 400


#: Votes a type needs to override the text's shape.
MIN_VOTES = 2
#: Weight of the page's own structured claim, of a kept thread, and of a URL path word.
CLAIM_VOTES, THREAD_VOTES, PATH_VOTES = 2, 3, 1
#: Votes for "service" of a page with no date, no author and no article claim.
UNDATED_VOTES = 1
#: Such a page that would be an article is a service page when its text is short blurbs: its blocks other
#: than headings and list items (at least SHORT_COPY_BLOCKS of them) average fewer characters than this.
SHORT_COPY_CHARS = 100
SHORT_COPY_BLOCKS = 3
#: Price or basket mentions in the page that vote for "product".
MIN_PRICES = 2
#: Code blocks in the main content that vote for "documentation".
MIN_CODE_BLOCKS = 2
#: Author lines (of more than one word) taken out of the text that vote for "forum" (an article has one or two).
MIN_BYLINES = 5
#: Blocks longer than this are prose, not price tags or buttons.
PRICE_BLOCK_CHARS = 200
_PATH_WORD = re.compile(r"[a-z]+")


def classify_page(page: Page, article_obj: dict[str, Any] | None, content: Content, dated: bool = True) -> str:
    """The page type of a page whose main content was found as ``content``; ``dated`` says
    whether it has a publication date or an author (articles do, service pages do not)."""
    shape = _shape(page, article_obj, content)
    if shape == "other":
        return shape
    votes = type_votes(page, content)
    undated = not dated and article_obj is None
    if undated:
        votes["service"] += UNDATED_VOTES
    if votes:
        kind, n = votes.most_common(1)[0]
        if n >= MIN_VOTES:
            return kind
    if shape == "article" and undated and _short_copy(content):
        return "service"  # no date, no author, no claim, and short blurbs for text: a landing page's copy
    if shape == "article" and is_home_page(page.url) and not _claims_article(page, article_obj):
        # A site's home page is about the site: a front page of dated stories, or the pitch of a business.
        return "listing" if content.kept_link_dense_chars else "service"
    return shape


def _short_copy(content: Content) -> bool:
    """Whether the main text is short blurbs rather than paragraphs of prose (see :data:`SHORT_COPY_CHARS`)."""
    blurbs = [len(b.text) for b in content.blocks if b.tag not in P.HEADING_TAGS and b.tag != "li"]
    return len(blurbs) >= SHORT_COPY_BLOCKS and sum(blurbs) < SHORT_COPY_CHARS * len(blurbs)


def type_votes(page: Page, content: Content) -> Counter[str]:
    """Evidence for the page types other than "article" (see the module docstring)."""
    votes = _claim_votes(page)
    if content.thread:
        votes["forum"] += THREAD_VOTES
    if content.listing:
        votes["listing"] += THREAD_VOTES
    elif content.comment_chars > len(content.text) // 2:
        votes["forum"] += 1
    if sum(r.reason == "byline" and " " in r.text for r in content.removed) >= MIN_BYLINES:
        votes["forum"] += 1  # one post after another, each under its author and date: a thread
    if sum(b.tag == "pre" for b in content.blocks) >= MIN_CODE_BLOCKS:
        votes["documentation"] += 1
    if votes["product"] == MIN_VOTES - 1:  # prices only matter when they can tip the balance
        short = "\n".join(b.text for b in content.page_blocks if len(b.text) <= PRICE_BLOCK_CHARS)
        found = P.PRICE_TEXT.finditer(short)
        if all(next(found, None) is not None for _ in range(MIN_PRICES)):
            votes["product"] += 1
    return votes


def page_claims(page: Page) -> set[str]:
    """What the page says it is: its JSON-LD ``@type`` names and ``og:type``, less the names of its parts and
    context (an FAQ's questions and answers; beside an article, its publisher, its blog, its list of items)."""
    claims = {t for o in page.json_ld for t in json_ld_types(o)}
    og_type = (page.meta_first("og:type") or ("", ""))[1].lower()
    if og_type:
        claims.add(og_type)
    if P.FAQ_PAGE in claims:
        claims -= P.FAQ_PARTS
    if claims & P.ARTICLE_TYPES:
        claims -= P.ARTICLE_CONTEXT_TYPES
    return claims


def _claim_votes(page: Page) -> Counter[str]:
    """Votes from what the page says it is: structured data, then host name and URL path."""
    votes: Counter[str] = Counter()
    claims = page_claims(page)
    for kind, names in P.PAGE_TYPE_CLAIMS.items():
        if claims & names:
            votes[kind] += CLAIM_VOTES
    if claims & P.LISTING_TYPES:
        votes["listing"] += CLAIM_VOTES
    if page.url:
        try:
            parts = urlsplit(page.url)
            host, path = (parts.hostname or "").lower(), parts.path.lower()
        except ValueError:
            host = path = ""
        for part in (host.split(".")[:-1], _PATH_WORD.findall(path)):  # host names and path words vote apart
            words = set(part)
            for kind, names in P.PAGE_TYPE_PATH_WORDS.items():
                if words & names:
                    votes[kind] += PATH_VOTES
    return votes


def _claims_article(page: Page, article_obj: dict[str, Any] | None, claims: set[str] | None = None) -> bool:
    """Whether the page says it is an article: an article object in its JSON-LD, or ``og:type`` "article"."""
    claims = page_claims(page) if claims is None else claims
    og_type = (page.meta_first("og:type") or ("", ""))[1].lower()
    return (article_obj is not None and bool(claims & P.ARTICLE_TYPES)) or og_type == "article"


def _shape(page: Page, article_obj: dict[str, Any] | None, content: Content) -> str:
    if not content.text:
        return "other"
    run = longest_paragraph_run(content.blocks)
    total = sum(len(b.text) for b in content.page_blocks)
    link_share = sum(b.link_chars for b in content.page_blocks) / total if total else 0.0
    claims = page_claims(page)
    claims_article = _claims_article(page, article_obj, claims)
    if run >= ARTICLE_RUN and link_share < LISTING_LINK_SHARE:
        return "article"
    if claims_article and link_share < CLAIMED_LINK_SHARE:
        return "article"
    if link_share >= LISTING_LINK_SHARE or claims & P.LISTING_TYPES:
        return "listing"
    return "article" if run >= 1 or len(content.text) >= MIN_ARTICLE_CHARS else "other"
