"""The one record that flows through presscut: :class:`Article`.

Readers produce :class:`RawDocument` (bytes or text plus where they came
from); the extract step turns each into an :class:`Article`, which every later
step, the store and the exporters share.  Structured parts are typed
sub-objects (:class:`Removed`, :class:`Origin`), and ``Article.to_dict`` /
``Article.from_dict`` round-trip losslessly through JSON.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from presscut.urls import normalize_url

#: Where a date came from, strongest evidence first.
#: ``input`` is a date supplied with the input record itself (a JSONL line's ``published``).
DateSource = Literal["json-ld", "meta", "time-element", "url", "text", "feed", "http-header", "input"]
DATE_SOURCES: tuple[str, ...] = (
    "json-ld", "meta", "time-element", "url", "text", "feed", "http-header", "input",
)

#: What kind of page an article record was made from.
PAGE_TYPES: tuple[str, ...] = ("article", "listing", "forum", "product", "documentation", "service", "other")


@dataclass(slots=True)
class Removed:
    """One segment taken out of the page or text, and why (the audit trail)."""

    text: str
    reason: str
    #: Where it sat: a tag path or CSS-ish locator for HTML, ``line N`` for text.
    where: str | None = None


@dataclass(slots=True)
class Origin:
    """Where a record came from, precisely enough to find it again."""

    #: ``file``, ``jsonl``, ``archive``, ``url`` or ``text`` (given directly).
    kind: str
    path: str | None = None
    #: Byte offset of the record in an archive, or line number in a JSONL file.
    offset: int | None = None
    url: str | None = None
    fetched_at: datetime | None = None


@dataclass(slots=True)
class Article:
    """One clean news article with its metadata and the evidence behind it."""

    id: str = ""
    url: str | None = None
    canonical_url: str | None = None
    site_name: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    modified: datetime | None = None
    #: The evidence for ``published`` (one of :data:`DATE_SOURCES`).
    date_source: str | None = None
    language: str | None = None
    #: Clean plain text: paragraphs separated by one blank line, headings on their own line.
    text: str = ""
    description: str | None = None
    image: str | None = None
    tags: list[str] = field(default_factory=list)
    #: The credited source or wire agency ("Reuters", "AP", a "Source: X" line gives "X").
    attribution: str | None = None
    page_type: str = "article"
    removed: list[Removed] = field(default_factory=list)
    origin: Origin | None = None
    fetched_at: datetime | None = None
    #: For each metadata field that was found, where it was found ("json-ld", "meta:og:title", ...).
    evidence: dict[str, str] = field(default_factory=dict)
    #: Every URL this article was seen at (``url`` and ``canonical_url`` included).
    urls: list[str] = field(default_factory=list)
    #: The story (group of copies and versions of one text) this article belongs to.
    story_id: str | None = None
    #: True when the page declares the article is not freely accessible (``isAccessibleForFree``).
    paywalled: bool | None = None

    # -- identity -------------------------------------------------------------

    def assign_id(self) -> str:
        """Set and return the stable id: from the canonical URL when known, else where
        the record was read (file, line, archive offset), else the text."""
        self.id = article_id(self.canonical_url or self.url, self.text, self.origin)
        return self.id

    # -- serialisation --------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with every field (datetimes as ISO 8601 strings)."""
        return {name: _to_jsonable(getattr(self, name)) for name in _ARTICLE_FIELDS}

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Inverse of :meth:`to_dict`; unknown keys are ignored."""
        known = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        for key in ("published", "modified", "fetched_at"):
            kwargs[key] = parse_iso(kwargs.get(key))
        kwargs["removed"] = [Removed(**r) for r in kwargs.get("removed") or []]
        origin = kwargs.get("origin")
        if origin is not None:
            origin = dict(origin)
            origin["fetched_at"] = parse_iso(origin.get("fetched_at"))
            kwargs["origin"] = Origin(**origin)
        kwargs["authors"] = list(kwargs.get("authors") or [])
        kwargs["tags"] = list(kwargs.get("tags") or [])
        kwargs["urls"] = list(kwargs.get("urls") or [])
        kwargs["evidence"] = dict(kwargs.get("evidence") or {})
        return cls(**kwargs)

    @classmethod
    def from_json(cls, text: str) -> Article:
        return cls.from_dict(json.loads(text))


@dataclass(slots=True)
class RawDocument:
    """What a reader hands to the extract step: one page or one text, not yet cleaned."""

    #: ``html`` (bytes or str to extract) or ``text`` (already-extracted text to clean).
    kind: Literal["html", "text"]
    content: bytes | str
    origin: Origin
    url: str | None = None
    #: Charset declared outside the document (an HTTP header), if any.
    charset: str | None = None
    #: Metadata supplied alongside the content (a JSONL line's ``title``, ``published``...).
    hints: dict[str, Any] = field(default_factory=dict)


# -- helpers ------------------------------------------------------------------


_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))


def _to_jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Removed):
        return {"text": value.text, "reason": value.reason, "where": value.where}
    if isinstance(value, list):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_jsonable(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def parse_iso(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def normalize_text_for_id(text: str) -> str:
    """Case-, width- and whitespace-insensitive form of a text, used for identity."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split()).casefold()


def article_id(url: str | None, text: str, origin: Origin | None = None) -> str:
    """A stable 16-hex-digit id: the normalised URL when known, else the record's place
    (so re-reading a file after cleaning rules change gives a revision, not a second
    article), else the normalised text."""
    if url:
        key = "url:" + normalize_url(url)
    elif origin is not None and origin.path and origin.kind in ("file", "jsonl", "archive"):
        key = f"{origin.kind}:{os.path.abspath(origin.path)}#{origin.offset or 0}"
    else:
        return _normalized_digest("text:", text, 8)
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def text_hash(text: str) -> str:
    """Fingerprint of an article's text, used to tell revisions apart."""
    return _normalized_digest("", text, 16)


#: Characters of text normalised at a time for a digest: a long text's words are not all held as
#: separate strings at once (a 9 MB text's 1.5 million words would take 100 MB).
DIGEST_CHUNK_CHARS = 1 << 20


def _normalized_digest(prefix: str, text: str, size: int) -> str:
    """The digest of ``prefix`` + :func:`normalize_text_for_id` of ``text``, normalised piece by piece
    (cut at whitespace, so no word is split)."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    digest = hashlib.blake2b(prefix.encode("utf-8"), digest_size=size)
    start, n, sep = 0, len(text), b""
    while start < n:
        stop = min(start + DIGEST_CHUNK_CHARS, n)
        while stop < n and not text[stop].isspace():  # a word is not cut in two
            stop += 1
        piece = " ".join(text[start:stop].split()).casefold()
        if piece:
            digest.update(sep + piece.encode("utf-8"))
            sep = b" "
        start = stop
    return digest.hexdigest()
