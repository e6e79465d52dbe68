"""A first-version page-type guess: "article", "listing" or "other".

A page is an article when it has a run of real paragraphs; a listing when
most of its text sits in links (teasers) and no such run exists; "other"
when nothing readable was found.  The page's own claim (JSON-LD ``@type``,
``og:type``) tips the balance only when the text evidence is weak.
"""

from __future__ import annotations

from typing import Any

from presscut.extract import patterns as P
from presscut.extract.content import Content
from presscut.extract.page import Page, json_ld_types

#: A paragraph at least this long (without its links) counts towards a run.
PARAGRAPH_CHARS = 120
#: This many such paragraphs in a row make an article...
ARTICLE_RUN = 3
#: ...unless more than this share of the page's remaining text sits in links: then it is a listing.
LISTING_LINK_SHARE = 0.2
#: With the page's own claim to be an article, a higher share is tolerated.
CLAIMED_LINK_SHARE = 0.35
#: Less text than this, with no paragraph run, is not an article.
MIN_ARTICLE_CHARS = 400


def classify_page(page: Page, article_obj: dict[str, Any] | None, content: Content) -> str:
    """"article", "listing" or "other" for a page whose main content was found as ``content``."""
    if not content.text:
        return "other"
    run = longest_paragraph_run(content)
    total = sum(len(b.text) for b in content.page_blocks)
    link_share = sum(b.link_chars for b in content.page_blocks) / total if total else 0.0
    claims = {t for o in page.json_ld for t in json_ld_types(o)}
    og_type = (page.meta_first("og:type") or ("", ""))[1].lower()
    claims_article = (article_obj is not None and bool(claims & P.ARTICLE_TYPES)) or og_type == "article"
    if run >= ARTICLE_RUN and link_share < LISTING_LINK_SHARE:
        return "article"
    if claims_article and link_share < CLAIMED_LINK_SHARE:
        return "article"
    if link_share >= LISTING_LINK_SHARE or claims & P.LISTING_TYPES:
        return "listing"
    return "article" if run >= 1 or len(content.text) >= MIN_ARTICLE_CHARS else "other"


def longest_paragraph_run(content: Content) -> int:
    """Most consecutive kept blocks that read as paragraphs (headings do not break a run)."""
    best = run = 0
    for block in content.blocks:
        if block.tag in P.HEADING_TAGS:
            continue
        if len(block.text) - block.link_chars >= PARAGRAPH_CHARS:
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best
