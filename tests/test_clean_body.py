"""Whole-page text: the article's span of running text is kept, the page around it goes."""

from __future__ import annotations

from pathlib import Path

from presscut import clean_text
from presscut.clean.body import OUTSIDE
from presscut.config import ExtractConfig

NO_LANG = ExtractConfig(detect_language=False)
URL = "https://www.portvale-courier.example/news/ferry"

MENU = ["Home", "News", "World", "Sport", "Business", "Culture", "Opinion", "Weather", "Podcasts", "Puzzles"]
ARTICLE = [
    "Ferry link to Saltmere opens after two-year delay",
    "By Mara Quill",
    "The new ferry link between Portvale and Saltmere opened on Monday after a two-year delay, officials said.",
    "Mayor Anton Ivanov cut the ribbon at the pier and said the crossing would take forty minutes each way.",
    "What it means for commuters",
    "Tickets cost 4.50 euros, and the operator expects about 1,200 passengers a day in the first summer.",
    "Families in Saltmere had waited for months for a reliable connection to the hospital in Portvale.",
    "“We will rebuild the old pier too,” Ivanov said.",
]
AFTER = [
    "More from News",
    "Storm closes Saltmere pier for a week",
    "Council votes on parking fees again",
    "Harbour Rovers sign new goalkeeper",
    "Old lighthouse to become a museum",
    "Fish market moves to the east quay",
    "Comments",
    "Jonas_V",
    "Reply",
    "Finally! My grandmother has waited years to visit her sister across the water without the long drive round.",
    "Reply",
    "Saltmere Sam",
    "Reply",
    "About us",
    "Contact",
    "Advertise",
    "Privacy policy",
    "Terms of use",
    "© 2024 Portvale Courier Media. All rights reserved.",
]


def _page() -> str:
    return "\n".join(["Skip to content", *MENU, "Search", *ARTICLE, *AFTER])


def test_whole_page_text_keeps_the_article_only() -> None:
    article = clean_text(_page(), url=URL, config=NO_LANG)
    paragraphs = article.text.split("\n\n")
    assert article.title == ARTICLE[0]
    assert paragraphs[0] == ARTICLE[2]  # the byline above the first paragraph goes, the title is metadata
    assert paragraphs[-1] == ARTICLE[-1]
    assert "What it means for commuters" in paragraphs  # a subheading inside the article stays
    for line in [*MENU, *AFTER]:
        assert line not in paragraphs
    removed = {r.text: r.reason for r in article.removed}
    assert removed["Storm closes Saltmere pier for a week"] in {OUTSIDE, "related-link"}
    assert removed[AFTER[9]] == OUTSIDE  # a reader's comment, prose but after the article


def test_an_article_alone_is_not_cut() -> None:
    body = ARTICLE[2:]
    article = clean_text("\n".join(body), url=URL, config=NO_LANG)
    assert article.text == "\n\n".join(body)
    assert not [r for r in article.removed if r.reason == OUTSIDE]


def _legit_blocks() -> list[list[str]]:
    text = (Path(__file__).parent / "data" / "legit_lines.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line == "---":
            blocks.append([])
        elif line.strip():
            blocks[-1].append(line)
    return blocks


def test_tricky_legitimate_lines_survive_intact() -> None:
    """One-sentence paragraphs, quotes, datelines, lists, subheadings and figures stay as they are."""
    for block in _legit_blocks():
        article = clean_text("\n".join(block), url=URL, title="A headline given with the text", config=NO_LANG)
        assert article.text.split("\n\n") == block, [(r.text, r.reason) for r in article.removed]


def test_tricky_legitimate_lines_survive_inside_a_whole_page() -> None:
    """The same lines after two ordinary paragraphs, on a page with a menu, links and comments."""
    for block in _legit_blocks():
        page = "\n".join(["Skip to content", *MENU, *ARTICLE[2:4], *block, *AFTER])
        article = clean_text(page, url=URL, title="A headline given with the text", config=NO_LANG)
        kept = article.text.split("\n\n")
        assert all(line in kept for line in block), [(r.text, r.reason) for r in article.removed]
