"""``clean_text``: already-extracted article text in, a clean :class:`Article` out.

The steps, in order:

1. split into lines and repair each line's characters (:mod:`~presscut.clean.normalize`);
2. remove the lines learned as the site's furniture (:mod:`~presscut.clean.furniture`),
   classify the lines with the rules of :mod:`~presscut.clean.rules`;
   and find the article's span of running text (:mod:`~presscut.clean.body`);
3. resolve the title (:mod:`~presscut.clean.title`) just above that span, remove its
   copies, and then every line outside the span;
4. take the attribution from a credit line or the first paragraph;
5. detect the language of what is kept, then split glued words (:mod:`~presscut.clean.glued`).

Every removed or rewritten line is recorded in ``Article.removed`` with its
reason and ``line N`` (1-based, in the input).  Each kept line is one
paragraph (or heading) of the output, separated by one blank line.
"""

from __future__ import annotations

from presscut.article import Article, Removed
from presscut.clean.attribution import attribution_of, leading_credit
from presscut.clean.body import article_span, mark_outside
from presscut.clean.features import Line, Page
from presscut.clean.furniture import SITE_FURNITURE, line_key, site_key
from presscut.clean.glued import GLUED_WORDS, Lexicon, repair_line
from presscut.clean.normalize import normalize_line, split_lines
from presscut.clean.rules import ATTRIBUTION, LINE_RULES, TITLE_RULES, classify
from presscut.clean.title import MAX_TOP_LINES, resolve_title
from presscut.config import ExtractConfig
from presscut.language import detect_language
from presscut.urls import site_of

#: How many kept lines from the top may open with a wire credit ("(AP) — ").
CREDIT_LINES = 3


def clean_text(
    text: str,
    url: str | None = None,
    title: str | None = None,
    *,
    config: ExtractConfig | None = None,
    site: str | None = None,
) -> Article:
    """Clean already-extracted article text into an :class:`Article`.

    ``title`` is used when given; otherwise the headline is found in the text.
    The language is detected when ``config.detect_language`` is set.  Lines
    learned as furniture of the text's ``site`` (default: the URL's host) in
    ``config.furniture`` are removed first.
    """
    config = config or ExtractConfig()
    page = Page.build(_read_lines(text), url)
    learned = config.furniture.get(site or site_key(url) or "") if config.furniture else None
    if learned:
        for line in page.lines:
            if line_key(line.text) in learned:
                line.reason = SITE_FURNITURE
    classify(page, LINE_RULES)
    span = article_span(page)
    page.top_start = max(0, span[0] - MAX_TOP_LINES) if span else 0
    given = normalize_line(title)[0] if title else ""
    found_title, title_evidence = resolve_title(page, given or None)
    classify(page, TITLE_RULES)
    mark_outside(page, span)

    kept = [line for line in page.lines if line.kept]
    attribution = _attribution(page, kept)
    language = None
    if config.detect_language and kept:
        language = detect_language("\n".join(line.text for line in kept[:50]), config.languages)

    lexicon = Lexicon.of([found_title or "", *(line.text for line in kept)], language)
    removed: list[Removed] = []
    paragraphs: list[str] = []
    for line in page.lines:
        where = f"line {line.number}"
        if line.reason is not None:
            removed.append(Removed(line.text, line.reason, where))
            continue
        if line.rewrite is not None:
            removed.append(Removed(line.raw.strip(), line.rewrite, where))
        repaired, glued = repair_line(line.text, lexicon)
        removed.extend(Removed(token, GLUED_WORDS, where) for token in glued)
        paragraphs.append(repaired)

    article = Article(
        url=url,
        site_name=site_of(url),
        title=found_title,
        language=language,
        text="\n\n".join(paragraphs),
        attribution=attribution,
        page_type="article",
        removed=removed,
    )
    for name, value, evidence in (
        ("title", found_title, title_evidence),
        ("attribution", attribution, "text"),
        ("language", language, "text"),
    ):
        if value is not None and evidence is not None:
            article.evidence[name] = evidence
    article.assign_id()
    return article


def _read_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    for number, raw in enumerate(split_lines(text), start=1):
        clean, rewrite = normalize_line(raw)
        if clean:
            lines.append(Line.of(number, raw, clean, rewrite))
    return lines


def _attribution(page: Page, kept: list[Line]) -> str | None:
    """The first credit line's name, else a wire credit opening one of the first paragraphs."""
    for line in page.lines:
        if line.reason == ATTRIBUTION:
            name = attribution_of(line.text)
            if name:
                return name
    for line in kept[:CREDIT_LINES]:
        name = leading_credit(line.text)
        if name:
            return name
    return None
