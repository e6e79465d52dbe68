"""Writer steps: articles into a store, in transactional batches."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from presscut.article import Article
from presscut.pipeline.base import Drop, Writer, describe
from presscut.pipeline.steps import Signed
from presscut.store import SQLiteStore


class StoreWriter(Writer):
    """Upserts articles by id; an article already stored with the same text is a ``duplicate``.

    An article with the same text as one stored under another URL is also a
    ``duplicate``: the store adds the URL to that article.  ``outcomes``
    counts ``new``, ``revision`` (changed text) and ``updated`` (same text,
    changed metadata) across the run.  Records may come :class:`Signed` (with
    their story signature computed upstream) or as plain articles.
    """

    name = "store"

    def __init__(self, store: SQLiteStore, batch_size: int = 200) -> None:
        self.store = store
        self.batch_size = batch_size
        self.outcomes: Counter[str] = Counter()

    def write(self, batch: Sequence[Article | Signed]) -> list[Drop | None]:
        articles = [r.article if isinstance(r, Signed) else r for r in batch]
        signatures = [r.signature if isinstance(r, Signed) else None for r in batch]
        results: list[Drop | None] = []
        for article, outcome in zip(articles, self.store.upsert(articles, signatures), strict=True):
            if outcome == "unchanged":
                results.append(Drop("duplicate", f"{describe(article)}: already stored with the same text"))
            elif outcome == "duplicate":
                results.append(Drop("duplicate", f"{describe(article)}: same text as stored {article.id}"))
            else:
                self.outcomes[outcome] += 1
                results.append(None)
        return results
