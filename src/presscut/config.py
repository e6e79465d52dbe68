"""Typed configuration objects, passed explicitly (never read from globals)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: The corpus file commands use when no ``--db`` is given.
DEFAULT_DB = "presscut.db"
#: Learned site furniture (``presscut learn-furniture``): a line must occur in at least this many documents of
#: its site, and in at least this share of them.
FURNITURE_MIN_DOCS = 5
FURNITURE_MIN_SHARE = 0.3

#: Languages presscut detects by default; detection never answers outside this set.
DEFAULT_LANGUAGES: frozenset[str] = frozenset(
    {
        "ar", "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr",
        "he", "hi", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "nl", "no", "pl",
        "pt", "ro", "ru", "sk", "sl", "sr", "sv", "th", "tr", "uk", "vi", "zh",
    }
)


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-record guards: a pathological input is skipped and counted, never hangs a run."""

    #: Largest input accepted, in bytes (after decompression).
    max_bytes: int = 10 * 1024 * 1024
    #: Longest time one record may spend in extraction, in seconds (0 disables).
    timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """Options of the extract and clean steps."""

    #: Language codes (ISO 639-1) that language detection may answer.
    languages: frozenset[str] = field(default_factory=lambda: DEFAULT_LANGUAGES)
    #: Detect the language from the text (else only the page's declaration is used).
    detect_language: bool = True
    #: Site furniture learned from a corpus (``presscut learn-furniture``): site -> line
    #: keys that ``clean_text`` removes (see :mod:`presscut.clean.furniture`).  Passed
    #: explicitly so that it reaches extraction in worker processes.
    furniture: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IngestConfig:
    """Everything an ingest run needs besides its inputs and the corpus."""

    limits: Limits = field(default_factory=Limits)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    #: Worker processes for extraction; 1 runs everything in-process.
    workers: int = 1
    #: Articles written per transaction.
    batch_size: int = 200
    #: Keep pages whose page_type is not "article".
    keep_non_articles: bool = True


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """How presscut fetches live pages, feeds and sitemaps: limits, politeness, safety."""

    #: Sent as ``User-Agent`` and matched against robots.txt groups.
    user_agent: str = "presscut/0.1 (+https://github.com/presscut/presscut)"
    #: Seconds allowed to open a connection, and between two bytes of a response.
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    #: Seconds allowed for one whole response, however slowly it trickles in.
    total_timeout: float = 60.0
    #: Redirects followed per request, each one checked like the first URL.
    max_redirects: int = 5
    #: Largest body read, in bytes after decompression; a longer one is cut and skipped.
    max_bytes: int = 10 * 1024 * 1024
    #: Retries on 429 and 5xx, waiting ``Retry-After`` or ``backoff * 2**attempt`` seconds.
    retries: int = 3
    backoff: float = 1.0
    #: Longest wait a ``Retry-After`` may ask for; a longer one gives up on the URL.
    max_retry_after: float = 120.0
    #: Seconds between two requests to one host (a robots.txt ``Crawl-delay`` may raise it).
    host_delay: float = 1.0
    #: Hosts fetched at the same time.
    concurrency: int = 8
    #: Obey robots.txt for ``user_agent``.
    respect_robots: bool = True
    #: Allow private, loopback, link-local and reserved addresses (intranets, tests).
    allow_private: bool = False
    #: Networks allowed even when private ones are not ("127.0.0.1/32"): narrower than ``allow_private``.
    allowed_networks: tuple[str, ...] = ()
