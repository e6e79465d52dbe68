"""robots.txt, fetched once per site and obeyed for the configured user agent.

Uses the standard library's :mod:`urllib.robotparser` on text we fetch
ourselves (through the same safe, bounded client).  Following RFC 9309: a
missing robots.txt (4xx) allows everything; an unreachable one (5xx, network
error, timeout) disallows everything for this run.  A ``Crawl-delay`` longer
than the configured per-host delay is honoured (up to :data:`MAX_CRAWL_DELAY`).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from presscut.errors import PresscutError

if TYPE_CHECKING:
    from presscut.sources.http import Fetcher

#: Longest ``Crawl-delay`` honoured, in seconds.
MAX_CRAWL_DELAY = 30.0
#: Largest robots.txt read (Google reads 500 KiB).
MAX_ROBOTS_BYTES = 512 * 1024


class RobotsCache:
    """One parsed robots.txt per origin (scheme and host), fetched on first use."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._rules: dict[str, RobotFileParser] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def allowed(self, url: str) -> bool:
        return self._rules_for(url).can_fetch(self.fetcher.config.user_agent, url)

    def sitemaps(self, url: str) -> list[str]:
        """The ``Sitemap:`` lines of the site's robots.txt (where a site without feeds lists its pages)."""
        return list(self._rules_for(url).site_maps() or [])

    def _rules_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            rules = self._rules.get(origin)
            if rules is None:
                rules = self._rules[origin] = self._load(origin)
        return rules

    def _load(self, origin: str) -> RobotFileParser:
        rules = RobotFileParser(origin + "/robots.txt")
        try:
            result = self.fetcher.fetch(origin + "/robots.txt", check_robots=False)
        except PresscutError:
            rules.disallow_all = True  # type: ignore[attr-defined]
            return rules
        if 400 <= result.status < 500:
            rules.allow_all = True  # type: ignore[attr-defined]
        elif result.status >= 300:
            rules.disallow_all = True  # type: ignore[attr-defined]
        else:
            text = result.body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace")
            rules.parse(text.splitlines())
            delay = rules.crawl_delay(self.fetcher.config.user_agent)
            if delay is not None and float(delay) > self.fetcher.config.host_delay:
                host = (urlsplit(origin).hostname or "").lower()
                self.fetcher.gate.slow_down(host, min(float(delay), MAX_CRAWL_DELAY))
        return rules
