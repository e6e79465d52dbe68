"""``presscut watch``: poll feeds, sitemaps and sites; fetch only what is new.

One poll (:func:`poll`):

1. fetch every source (conditionally: a 304 means nothing new), and read it as
   a feed, a sitemap (an index leads to its sitemaps), or a home page whose
   ``<link rel=alternate>`` feeds (else the ``Sitemap:`` lines of its
   robots.txt) are remembered and read instead from then on;
2. keep the items not handled before (``watch_items``, by normalised URL);
3. fetch those pages through the usual pipeline into the corpus, with the
   feed's date as a hint (``date_source="feed"`` when the page has none).

All state lives in the corpus file (:mod:`presscut.store.sources`), so a
restarted watcher resumes where it stopped.  Problems with a source are
counted drops of the ``poll`` step, never errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from presscut.errors import PresscutError
from presscut.pipeline.base import Reader
from presscut.pipeline.stats import Stats
from presscut.sources.feeds import Item, Listing, ListingError, parse_listing
from presscut.sources.fetch import FetchReader, Target
from presscut.sources.http import Fetcher, FetchResult, Validators
from presscut.store.sources import SourceState

#: Levels of sources followed: a site's feeds, an index's sitemaps (and one more level of index).
MAX_DEPTH = 3
#: New items fetched per source and poll (a first poll of a 50,000-URL sitemap is spread over
#: several polls: items left over stay unseen and come first next time the source lists them).
MAX_NEW_ITEMS = 1000
#: Step name of source fetching in the counters.
POLL = "poll"


def poll(
    sources: Iterable[str],
    fetcher: Fetcher,
    state: SourceState,
    run: Callable[[Reader, Stats], object],
) -> Stats:
    """One poll of ``sources``; ``run(reader, stats)`` sends the new pages through the pipeline."""
    stats = Stats()
    targets: list[Target] = []
    # (url to fetch, the listed source it belongs to)
    level: list[tuple[str, str]] = []
    for source in dict.fromkeys(s.strip() for s in sources if s.strip()):
        known = state.source(source)
        if known is not None and known.kind == "site" and known.feed_urls:
            level += [(feed, source) for feed in known.feed_urls]
        else:
            level.append((source, source))
    for depth in range(MAX_DEPTH):
        if not level:
            break
        owner = dict(level)
        validators = {}
        for url in owner:
            etag, modified = state.validators(url)
            if etag or modified:
                validators[url] = Validators(etag, modified)
        next_level: list[tuple[str, str]] = []
        for url, outcome in fetcher.fetch_many(owner, validators):
            source = owner[url]
            listing = _listing(url, outcome, stats, state, source)
            if listing is None:
                continue
            if listing.kind == "site" and url == source and depth == 0:
                # no feed announced on the page: the sitemaps its robots.txt lists will do
                listing.children = listing.children or fetcher.robots.sitemaps(url)
                if not listing.children:
                    stats.drop(POLL, "no-feed", f"{url}: no feed on the page, no sitemap in robots.txt")
                    state.save_source(source, kind="site", error="no feed or sitemap found")
                    continue
                state.save_source(source, kind="site", feed_urls=listing.children)
            elif listing.kind != "site":
                new = _new_items(listing.items, state)
                targets += [Target(i.url, _hints(i), source) for i in new]
                # a site's feed or an index's sitemap counts for the listed source, whose kind stays
                state.save_source(source, kind=listing.kind if url == source else None, new_items=len(new))
            next_level += [(child, source) for child in listing.children]
            stats.forward(POLL)
        level = next_level
    reader = FetchReader(_unique(targets), fetcher, state)
    run(reader, stats)
    return stats


def _listing(
    url: str, outcome: FetchResult | PresscutError, stats: Stats, state: SourceState, source: str
) -> Listing | None:
    if isinstance(outcome, PresscutError):
        reason = getattr(outcome, "reason", "error")
        stats.drop(POLL, reason, str(outcome))
        state.save_source(source, kind=None, error=str(outcome))
        return None
    if outcome.not_modified:
        stats.drop(POLL, "not-modified", f"{url}: unchanged since the last poll")
        state.save_source(source, kind=None)
        return None
    if outcome.status >= 300:
        stats.drop(POLL, "http-status", f"{url}: HTTP {outcome.status}")
        state.save_source(source, kind=None, error=f"HTTP {outcome.status}")
        return None
    try:
        listing = parse_listing(outcome.body, outcome.final_url)
    except ListingError as exc:
        stats.drop(POLL, exc.reason, str(exc))
        state.save_source(source, kind=None, error=str(exc))
        return None
    state.save_validators(url, outcome.validators.etag, outcome.validators.last_modified, outcome.status)
    return listing


def _new_items(items: list[Item], state: SourceState) -> list[Item]:
    by_url = {i.url: i for i in items}
    return [by_url[u] for u in state.unseen(by_url)][:MAX_NEW_ITEMS]


def _hints(item: Item) -> dict[str, object]:
    hints: dict[str, object] = {}
    if item.title:
        hints["title"] = item.title
    if isinstance(item.published, datetime):
        hints["feed_published"] = item.published.isoformat()
    return hints


def _unique(targets: list[Target]) -> list[Target]:
    seen: dict[str, Target] = {}
    for t in targets:
        seen.setdefault(t.url, t)
    return list(seen.values())

