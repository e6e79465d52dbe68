"""The corpus the web tests share: presscut's sample pages plus one hostile article."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from presscut.article import Article, Origin, Removed
from presscut.corpus import Corpus

from .conftest import SAMPLES

#: A word only the hostile article contains.
XSS_WORD = "zanzibarpilots"
#: Every string below tries to run script in the page that shows it; none may.
XSS_TITLE = "<script>window.__xss = 'title'</script>Harbour pilots walk out"
XSS_TEXT = (
    f"The {XSS_WORD} stopped work on Monday. <img src=x onerror=\"window.__xss='text'\">\n\n"
    "\"><svg onload=\"window.__xss='svg'\"></svg> **not a mark** \ue000half a marker "
    f"and a closing one\ue001 before {XSS_WORD} again.\n\n"
    "<a href=\"javascript:window.__xss='link'\">click</a> ends the strike notice."
)
XSS_URL = "javascript:window.__xss='url'"
XSS_SITE = "Evil \"Quotes' <b>Site</b>"


def hostile_article() -> Article:
    article = Article(
        url=XSS_URL,
        site_name=XSS_SITE,
        title=XSS_TITLE,
        authors=["<script>window.__xss='author'</script>"],
        published=datetime(2024, 5, 3, 7, 15, tzinfo=timezone.utc),
        date_source="<img src=x onerror=\"window.__xss='evidence'\">",
        language="en",
        text=XSS_TEXT,
        attribution="<i onmouseover=\"window.__xss='credit'\">Wire</i>",
        removed=[Removed("<script>window.__xss='removed'</script>", "<b>share</b>", "div.<script>")],
        origin=Origin("text"),
        evidence={"title": "<script>window.__xss='evidence'</script>"},
    )
    article.assign_id()
    return article


def build(path: Path) -> str:
    """Ingest the samples and the hostile article into ``path``; return the hostile article's id."""
    inputs = [p for p in (SAMPLES / "html", SAMPLES / "text", SAMPLES / "articles.jsonl") if p.exists()]
    hostile = hostile_article()
    with Corpus(path) as corpus:
        corpus.ingest(inputs)
        corpus.add([hostile])
    return hostile.id
