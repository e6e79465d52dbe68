"""The polite, bounded HTTP client behind ``presscut fetch`` and ``presscut watch``.

Built on httpx (sync, thread-safe, HTTP/1.1, gzip/deflate/brotli decoding
once the ``brotli`` package is present, and a transport we can wrap for
address checks).  What this module adds:

* **limits**: connect and read timeouts, a deadline for the whole response,
  a body cap (streamed: an endless body is cut at ``max_bytes`` and skipped),
  a bound on redirects, each followed by hand so every hop is checked;
* **safety**: :mod:`presscut.sources.safety` on every hop and inside every
  connection;
* **politeness**: robots.txt (:mod:`presscut.sources.robots`), a delay
  between two requests to one host (:class:`HostGate`), retries with
  exponential backoff on 429 and 5xx that honour ``Retry-After``, and
  conditional requests (``If-None-Match`` / ``If-Modified-Since``);
* **concurrency across hosts**: :meth:`Fetcher.fetch_many` works one queue per
  host, several hosts at a time, and yields results as they come.

Failures are :class:`FetchError` with a short ``reason`` that callers count
(``refused``, ``robots``, ``timeout``, ``too-large``, ``http-error``,
``rate-limited``, ``network``, ``decode-error``, ``too-many-redirects``, ``bad-redirect``).
"""

from __future__ import annotations

import email.utils
import queue
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

from presscut.config import FetchConfig
from presscut.errors import PresscutError
from presscut.sources.safety import AddressPolicy, Refused, SafeBackend

#: Statuses that redirect (with a ``Location``).
REDIRECTS: frozenset[int] = frozenset({301, 302, 303, 307, 308})


class FetchError(PresscutError):
    """A URL that could not be fetched; ``reason`` is the counted skip reason."""

    def __init__(self, reason: str, url: str, detail: str) -> None:
        super().__init__(f"{url}: {detail}")
        self.reason = reason
        self.url = url


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said about a page last time, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(slots=True)
class FetchResult:
    """One response, after redirects."""

    url: str
    final_url: str
    status: int
    body: bytes
    fetched_at: datetime
    #: Every URL requested on the way, ``url`` first and ``final_url`` last.
    chain: list[str] = field(default_factory=list)
    content_type: str | None = None
    charset: str | None = None
    validators: Validators = field(default_factory=Validators)
    #: A redirect's ``Location`` header.
    location: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HostGate:
    """At most one request per host every ``delay`` seconds (a host may ask for longer)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._next: dict[str, float] = {}
        self._extra: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + max(self.delay, self._extra.get(host, 0.0))
        if start > now:
            time.sleep(start - now)

    def defer(self, host: str, seconds: float) -> None:
        """Nothing to ``host`` for ``seconds`` (a 429's ``Retry-After``)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), time.monotonic() + seconds)

    def slow_down(self, host: str, delay: float) -> None:
        """A per-host delay longer than the default (robots.txt ``Crawl-delay``)."""
        with self._lock:
            self._extra[host] = delay


class Fetcher:
    """Fetches URLs within :class:`~presscut.config.FetchConfig`'s limits.  Use as a context manager."""

    def __init__(self, config: FetchConfig | None = None, *, transport: httpx.BaseTransport | None = None) -> None:
        from presscut.sources.robots import RobotsCache

        self.config = config or FetchConfig()
        self.policy = AddressPolicy(self.config.allow_private, self.config.allowed_networks)
        if transport is None:
            http_transport = httpx.HTTPTransport(retries=0)
            # httpx offers no public hook for the socket layer: swap httpcore's backend for one that vets addresses.
            http_transport._pool._network_backend = SafeBackend(self.policy)
            transport = http_transport
        c = self.config
        self.client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(connect=c.connect_timeout, read=c.read_timeout, write=c.read_timeout, pool=None),
            follow_redirects=False,
            trust_env=False,  # no proxies from the environment: they would bypass the address checks
            headers={"User-Agent": c.user_agent},
        )
        self.gate = HostGate(c.host_delay)
        self.robots = RobotsCache(self)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- one URL --------------------------------------------------------------------

    def fetch(self, url: str, validators: Validators | None = None, *, check_robots: bool = True) -> FetchResult:
        """GET ``url``, following redirects by hand; raise :class:`FetchError` (or :class:`Refused`)."""
        chain = [url]
        current = url
        for hop in range(self.config.max_redirects + 1):
            self.policy.check_url(current)
            if check_robots and self.config.respect_robots and not self.robots.allowed(current):
                raise FetchError("robots", current, f"disallowed by robots.txt for {self.config.user_agent!r}")
            result = self._with_retries(current, validators if hop == 0 else None)
            if result.status in REDIRECTS and result.location:
                try:
                    current = urljoin(current, result.location.strip())
                except ValueError as exc:
                    raise FetchError("bad-redirect", current, f"redirect to an invalid URL ({exc})") from exc
                chain.append(current)
                continue
            result.url, result.chain = url, chain
            return result
        raise FetchError("too-many-redirects", url, f"more than {self.config.max_redirects} redirects")

    def _with_retries(self, url: str, validators: Validators | None) -> FetchResult:
        host = (urlsplit(url).hostname or "").lower()
        c = self.config
        for attempt in range(c.retries + 1):
            self.gate.wait(host)
            result, retry_after = self._once(url, validators)
            if result.status != 429 and result.status < 500:
                return result
            if attempt == c.retries:
                break
            wait = retry_after if retry_after is not None else c.backoff * 2**attempt
            if wait > c.max_retry_after:
                raise FetchError("rate-limited", url, f"HTTP {result.status}, asked to wait {wait:.0f} s")
            self.gate.defer(host, wait)
        raise FetchError("http-error", url, f"HTTP {result.status} after {c.retries} retries")

    def _once(self, url: str, validators: Validators | None) -> tuple[FetchResult, float | None]:
        c = self.config
        headers = validators.headers() if validators else {}
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                body = b""
                if status < 300:
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > c.max_bytes:
                        raise FetchError("too-large", url, f"declares {declared} bytes, over {c.max_bytes}")
                    body = self._read_body(response, url, started)
                result = FetchResult(
                    url=url,
                    final_url=url,
                    status=status,
                    body=body,
                    fetched_at=datetime.now(timezone.utc),
                    content_type=_media_type(response.headers.get("content-type")),
                    charset=response.charset_encoding,
                    validators=Validators(response.headers.get("etag"), response.headers.get("last-modified")),
                    location=response.headers.get("location"),
                )
                return result, retry_after_seconds(response.headers.get("retry-after"))
        except httpx.TimeoutException as exc:
            raise FetchError("timeout", url, f"timed out ({type(exc).__name__})") from exc
        except httpx.DecodingError as exc:
            raise FetchError("decode-error", url, f"bad content encoding ({exc})") from exc
        except httpx.HTTPError as exc:
            raise FetchError("network", url, f"{type(exc).__name__}: {exc}") from exc

    def _read_body(self, response: httpx.Response, url: str, started: float) -> bytes:
        c = self.config
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > c.max_bytes:
                raise FetchError("too-large", url, f"body cut at {c.max_bytes} bytes")
            if time.monotonic() - started > c.total_timeout:
                raise FetchError("timeout", url, f"response took over {c.total_timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    # -- many URLs ------------------------------------------------------------------

    def fetch_many(
        self, urls: Iterable[str], validators: dict[str, Validators] | None = None
    ) -> Iterator[tuple[str, FetchResult | PresscutError]]:
        """Fetch ``urls``: one queue per host, ``concurrency`` hosts at a time; yield as they finish."""
        by_host: dict[str, list[str]] = {}
        for url in urls:
            try:
                host = (urlsplit(url).hostname or "").lower()
            except ValueError:
                host = ""
            by_host.setdefault(host, []).append(url)
        if not by_host:
            return
        validators = validators or {}
        results: queue.Queue[tuple[str, FetchResult | PresscutError] | None] = queue.Queue(
            maxsize=2 * self.config.concurrency
        )
        stop = threading.Event()

        def put(item: tuple[str, FetchResult | PresscutError] | None) -> None:
            while not stop.is_set():
                try:
                    results.put(item, timeout=0.1)
                    return
                except queue.Full:
                    continue

        def work(host_urls: list[str]) -> None:
            for url in host_urls:
                if stop.is_set():
                    break
                try:
                    put((url, self.fetch(url, validators.get(url))))
                except PresscutError as exc:
                    put((url, exc))
                except Exception as exc:  # one bad URL must not stop the others
                    put((url, FetchError("error", url, f"{type(exc).__name__}: {exc}")))
            put(None)

        pool = ThreadPoolExecutor(max_workers=max(1, min(self.config.concurrency, len(by_host))))
        try:
            for host_urls in by_host.values():
                pool.submit(work, host_urls)
            pending = len(by_host)
            while pending:
                item = results.get()
                if item is None:
                    pending -= 1
                else:
                    yield item
        finally:
            stop.set()
            pool.shutdown(wait=True, cancel_futures=True)


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds from now (it may be a number or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _media_type(value: str | None) -> str | None:
    return value.split(";", 1)[0].strip().lower() or None if value else None


__all__ = ["FetchError", "FetchResult", "Fetcher", "HostGate", "Refused", "Validators", "retry_after_seconds"]
