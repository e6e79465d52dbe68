"""Where the article is in a whole page of text: the densest run of prose lines.

Text taken from a whole page holds the article between a masthead, menus and
link lists above it and related stories, comment threads and footers below
it.  Each kept line gets a weight: running text (long, or closed like a
sentence) counts for, link-like short lines count against, and the article is
the run of lines with the largest total (a maximum-sum segment, the body-text
idea of Finn et al.).  Further runs at least a share as strong (the article's
halves around a table or a long list) widen the span, and the span's edges
take in lines that end in running text at little cost (a last one-line
paragraph, a dateline above the first).

Text that is only an article is cut nowhere: the span must leave out lines
that cost at least :data:`MIN_OUTSIDE_COST` in all (the menus, link lists and
footers of a whole page), else every line stays.
"""

from __future__ import annotations

from collections import Counter

from presscut.clean.features import Line, Page, ends_sentence, is_dateline

#: Reason for a line outside the article's run of text.
OUTSIDE = "outside-article"

#: A line without a sentence end is running text from this many words on.
LONG_LINE_WORDS = 20
#: A line that ends like a sentence is running text from this many words on ("Yes." too).
SENTENCE_WORDS = 1
#: A line of this many words ending in a colon introduces a list or a quote ("The operator expects:").
INTRO_WORDS = 5
#: A line of this many words that runs on into a lower-case next line is running text.
WRAPPED_WORDS = 6
#: What a non-prose line costs: a fixed part plus a share of its words.
SHORT_LINE_COST = 3.0
SHORT_WORD_COST = 0.5
MAX_SHORT_WORD_COST = 6.0
#: A short line the page repeats this often ("Reply", "Share", a user name, a menu shown
#: twice) separates comments or teasers; it costs this many times more, unless running
#: text follows it (a subheading).
MIN_REPEATS = 2
REPEATED_COST = 6.0
#: A short line of this many words, mostly in lower case (a list item, "Captures request
#: messages before they're sent"), or one ending in a colon ("Key points:"), costs only
#: this much: it reads like the article.
LIST_ITEM_WORDS = 3
LIST_ITEM_COST = 1.0
LOWER_SHARE = 0.5
MAX_LIST_ITEM_WORDS = 10
#: A long line without a sentence end is running text only with this share of lower-case words.
LINK_SOUP_LOWER = 0.3
#: What a line removed by a rule costs when it marks the edge of a page's regions
#: (menus, share bars, link-list headers, comments, footers).  Lines removed from
#: inside an article (an "Advertisement" slot, a photo credit, "* * *") cost nothing.
REMOVED_COST = 6.0
BOUNDARY_REASONS = frozenset(
    {
        "navigation", "social", "newsletter", "cookie-notice", "copyright", "comments", "menu",
        "related-header", "related-link", "site-name", "site-furniture",
    }
)
#: Lines that end the article for good ("Comments (12)", "Related stories"): a run
#: beyond one of them does not widen the span.
HARD_STOPS = frozenset({"comments", "related-header"})
#: The weight of running text is its words, up to this many (one huge block is not the article).
MAX_LINE_GAIN = 80
#: A further run is kept when its total is at least this share of the best one.
SECOND_RUN_SHARE = 0.3
#: A run takes in lines beyond its edge that end in running text and cost at most this in all.
EXTEND_SLACK = 15.0
#: The text is cut only when what would be cut costs at least this much in all (whole pages
#: carry menus, link lists and footers; a short article with a list of names does not).
MIN_OUTSIDE_COST = 40.0
#: Pages with fewer kept lines than this are not cut.
MIN_LINES = 6


def line_weight(line: Line, following: Line | None) -> float:
    """Positive for running text, negative for link-like short lines.

    A line that runs on into the next (hard-wrapped text: the next line opens
    in lower case) is running text too.
    """
    words = line.words
    if (
        (words >= LONG_LINE_WORDS and (ends_sentence(line.body) or _lower_share(line.body) >= LINK_SOUP_LOWER))
        or (words >= SENTENCE_WORDS and ends_sentence(line.body))
        or (words >= INTRO_WORDS and line.body.endswith(":"))
        or (words >= WRAPPED_WORDS and following is not None and _continues(following.body))
    ):
        return float(min(words, MAX_LINE_GAIN))
    if is_dateline(line.body):
        return float(words)
    if (LIST_ITEM_WORDS <= words <= MAX_LIST_ITEM_WORDS and _lower_share(line.body) >= LOWER_SHARE) or (
        words >= 2 and line.body.endswith(":")
    ):
        cost = LIST_ITEM_COST
    else:
        cost = SHORT_LINE_COST + min(words * SHORT_WORD_COST, MAX_SHORT_WORD_COST)
    return -cost


def _lower_share(text: str) -> float:
    """The share of longer words in lower case: high in prose and list items, low in menus,
    title-case headlines and run-together link lists ("Latest MoviesBollywood Movies...")."""
    words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].islower()) / len(words)


def _continues(text: str) -> bool:
    first = text[:1]
    return first.islower() or first in "(,;"


def article_span(page: Page) -> tuple[int, int] | None:
    """Indices of the first and last line of the article (None when no line is kept).

    The span reaches from the first to the last strong run of running text
    (what lies between them, a list or a table inside the article, stays),
    and its edges take in nearby lines that end in running text.

    Lines already removed by a rule (a share bar, a "Related stories" header)
    count against a run like other furniture, so they separate the article
    from what follows it; a run beyond a "Comments" or "Related stories"
    header never widens the span.
    """
    lines = page.lines
    kept = [i for i, line in enumerate(lines) if line.kept]
    if len(kept) < MIN_LINES:
        return (kept[0], kept[-1]) if kept else None
    weights = [
        line_weight(line, lines[i + 1] if i + 1 < len(lines) else None)
        if line.kept
        else (-REMOVED_COST if line.reason in BOUNDARY_REASONS else 0.0)
        for i, line in enumerate(lines)
    ]
    _price_repeats(lines, weights)
    runs: list[tuple[float, int, int]] = []
    _best_runs(weights, 0, len(weights), runs)
    if not runs:
        return kept[0], kept[-1]
    top = max(runs)
    best = top[0]
    stops = [i for i, line in enumerate(lines) if line.reason in HARD_STOPS and not line.body.endswith(":")]
    strong = [
        (a, b)
        for score, a, b in runs
        if score >= SECOND_RUN_SHARE * best
        and not any(min(b, top[2]) < k < max(a, top[1]) for k in stops)
    ]
    first = _extend(weights, min(a for a, _ in strong), -1)
    last = _extend(weights, max(b for _, b in strong), 1)
    outside_cost = -sum(w for k, w in enumerate(weights) if w < 0 and not first <= k <= last)
    if outside_cost < MIN_OUTSIDE_COST:
        return kept[0], kept[-1]  # not a whole page: nothing big enough around the text to cut
    return first, last


def _extend(weights: list[float], edge: int, step: int) -> int:
    """Move a run's edge over lines that cost little in total and end in running text
    (a subheading, a short list and a last one-line paragraph after the article's body)."""
    total, k, best = 0.0, edge + step, edge
    while 0 <= k < len(weights) and total + weights[k] >= -EXTEND_SLACK:
        total += weights[k]
        if weights[k] > 0 and total >= -EXTEND_SLACK:
            best = k
        k += step
    return best


def _price_repeats(lines: list[Line], weights: list[float]) -> None:
    """Short lines the page repeats cost more, unless running text follows (a subheading)."""
    repeats = Counter(line.key for line in lines if line.kept)
    for i, line in enumerate(lines):
        if not line.kept or weights[i] >= 0 or repeats[line.key] < MIN_REPEATS:
            continue
        after = next((k for k in range(i + 1, len(lines)) if lines[k].kept), None)
        if after is None or weights[after] <= 0:
            weights[i] *= REPEATED_COST


def _best_runs(weights: list[float], lo: int, hi: int, out: list[tuple[float, int, int]]) -> None:
    """The maximum-sum segment of ``weights[lo:hi]``, then recursively the best of what is left."""
    best, best_a, best_b = 0.0, -1, -1
    total, start = 0.0, lo
    for k in range(lo, hi):
        if total <= 0:
            total, start = 0.0, k
        total += weights[k]
        if total > best:
            best, best_a, best_b = total, start, k
    if best_a < 0:
        return
    out.append((best, best_a, best_b))
    _best_runs(weights, lo, best_a, out)
    _best_runs(weights, best_b + 1, hi, out)


def mark_outside(page: Page, span: tuple[int, int] | None) -> None:
    """Remove the kept lines outside ``span`` (from :func:`article_span`)."""
    if span is None:
        return
    for i, line in enumerate(page.lines):
        if line.kept and not span[0] <= i <= span[1]:
            line.reason = OUTSIDE
