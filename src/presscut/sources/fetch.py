"""The reader of live pages: URLs in, :class:`~presscut.article.RawDocument` out.

Wraps :meth:`Fetcher.fetch_many <presscut.sources.http.Fetcher.fetch_many>`
as a pipeline :class:`~presscut.pipeline.base.Reader`, so fetched pages go
through the same extract step, filters and writer as files do.  Every URL that
does not give an HTML page is a counted drop with the fetcher's reason, plus
``not-modified`` (a 304 to a conditional request), ``http-status`` (4xx) and
``not-html``.  Validators of every page fetched are kept in the corpus.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from presscut.article import Origin, RawDocument
from presscut.errors import PresscutError
from presscut.pipeline.base import Drop, Reader
from presscut.sources.http import Fetcher, FetchResult, Validators
from presscut.store.sources import SourceState

#: Media types fetched pages may have (None: undeclared, sniffed by the extractor).
PAGE_TYPES: frozenset[str] = frozenset({"text/html", "application/xhtml+xml"})
#: Failures worth another try on the next poll; any other outcome marks a watched item as done.
TRANSIENT: frozenset[str] = frozenset({"timeout", "network", "http-error", "rate-limited", "error"})


@dataclass(frozen=True, slots=True)
class Target:
    """A URL to fetch, what is known about it already, and the watched source that listed it."""

    url: str
    hints: dict[str, Any] = field(default_factory=dict)
    source: str | None = None


class FetchReader(Reader):
    """Fetches ``targets`` (politely, several hosts at a time) and yields their pages."""

    def __init__(
        self, targets: Sequence[Target], fetcher: Fetcher, state: SourceState | None = None,
        *, conditional: bool = True,
    ) -> None:
        self.targets = {t.url: t for t in targets}
        self.fetcher = fetcher
        self.state = state
        self.conditional = conditional

    def read(self) -> Iterator[RawDocument | Drop]:
        validators: dict[str, Validators] = {}
        if self.state is not None and self.conditional:
            for url in self.targets:
                etag, modified = self.state.validators(url)
                if etag or modified:
                    validators[url] = Validators(etag, modified)
        for url, outcome in self.fetcher.fetch_many(self.targets, validators):
            target = self.targets[url]
            item = self._document(target, outcome)
            if self.state is not None and target.source is not None:
                reason = item.reason if isinstance(item, Drop) else "fetched"
                if reason not in TRANSIENT:
                    self.state.mark_seen(url, target.source, reason)
            yield item

    def _document(self, target: Target, outcome: FetchResult | PresscutError) -> RawDocument | Drop:
        if isinstance(outcome, PresscutError):
            return Drop(getattr(outcome, "reason", "error"), str(outcome))
        res = outcome
        if res.not_modified:
            return Drop("not-modified", f"{target.url}: not modified since the last fetch")
        if res.status >= 300:
            return Drop("http-status", f"{target.url}: HTTP {res.status}")
        if self.state is not None:
            self.state.save_validators(target.url, res.validators.etag, res.validators.last_modified, res.status)
        if res.content_type is not None and res.content_type not in PAGE_TYPES:
            return Drop("not-html", f"{res.final_url}: {res.content_type}")
        if not res.body.strip():
            return Drop("empty", f"{res.final_url}: empty body")
        return RawDocument(
            "html",
            res.body,
            Origin("url", url=res.final_url, fetched_at=res.fetched_at),
            url=res.final_url,
            charset=res.charset,
            hints={**target.hints, "urls": res.chain},
        )
