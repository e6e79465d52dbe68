"""Typed configuration objects, passed explicitly (never read from globals)."""

from __future__ import annotations

from dataclasses import dataclass, field

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
