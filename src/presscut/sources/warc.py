"""Web archives in: WARC files (plain or gzipped) and lists of them.

Reads with FastWARC 2 (``fastwarc.stream_io.GzipReader`` and
``fastwarc.warc.ArchiveIterator``), which parses records and HTTP headers in
C++ at several hundred MB/s, far faster than warcio; warcio is used only by
the tests, to write archives independently of the reader.

Each ``response`` (and ``resource``) record with an HTML payload becomes a
:class:`~presscut.article.RawDocument` whose :class:`~presscut.article.Origin`
(kind ``archive``) names the archive and the record's byte offset (of its gzip
member in a ``.warc.gz``), with the target URL and the ``WARC-Date`` as fetch
time; charset and content type come from the HTTP headers.  Other payloads
are counted skips (``not-html``, ``http-status``, ``too-large``), and a
truncated or corrupt archive gives every record before the damage plus one
``damaged-archive`` drop that says where the damage starts.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from presscut.article import Origin, RawDocument
from presscut.config import Limits
from presscut.pipeline.base import Drop

#: Media types read as HTML pages.
HTML_TYPES: frozenset[str] = frozenset({"text/html", "application/xhtml+xml", "application/xml+xhtml"})
#: Suffixes of web archives, and of text files listing web archives (Common Crawl's ``warc.paths``).
WARC_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz")
ARCHIVE_LIST_SUFFIXES: tuple[str, ...] = (".paths", ".paths.txt", ".paths.gz")


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def is_archive_list(path: Path) -> bool:
    return path.name.lower().endswith(ARCHIVE_LIST_SUFFIXES)


def read_archive_list(path: Path, limits: Limits | None = None) -> Iterator[RawDocument | Drop]:
    """Every archive named in ``path`` (one per line; relative paths are relative to the list's folder)."""
    try:
        raw = gzip.decompress(path.read_bytes()) if path.suffix.lower() == ".gz" else path.read_bytes()
        lines = raw.decode("utf-8").splitlines()
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        yield Drop("unreadable", f"{path}: not a readable list of archives ({exc})")
        return
    for lineno, line in enumerate(lines, start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if "://" in entry:
            yield Drop("unsupported-type", f"{path}:{lineno}: {entry}: remote archives are not downloaded")
            continue
        target = Path(entry) if Path(entry).is_absolute() else path.parent / entry
        if not target.is_file():
            yield Drop("unreadable", f"{path}:{lineno}: {target}: no such file")
        elif not is_warc(target):
            yield Drop("unsupported-type", f"{path}:{lineno}: {target}: not a .warc or .warc.gz file")
        else:
            yield from read_warc(target, limits)


def read_warc(path: Path, limits: Limits | None = None) -> Iterator[RawDocument | Drop]:
    """The HTML pages of one archive, in order; never raises on a bad archive."""
    from fastwarc.stream_io import GzipReader
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    limits = limits or Limits()
    name = str(path)
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        yield Drop("unreadable", f"{name}: {exc.strerror or exc}")
        return
    if size == 0:
        fh.close()
        yield Drop("empty", f"{name}: empty archive")
        return
    gzipped = name.lower().endswith(".gz")
    last_offset: int | None = None
    with fh:
        try:
            stream = GzipReader(fh) if gzipped else fh
            records = ArchiveIterator(
                stream, record_types=WarcRecordType.response | WarcRecordType.resource, parse_http=True
            )
            for record in records:
                offset = _offset(record, stream, gzipped)
                last_offset = offset
                item = _document(record, name, offset, limits)
                yield item
                if isinstance(item, Drop) and item.reason == "damaged-archive":
                    return
        except (OSError, ValueError, RuntimeError) as exc:
            where = "at the start" if last_offset is None else f"after the record at offset {last_offset}"
            yield Drop("damaged-archive", f"{name}: damaged {where}: {exc}")


def _offset(record: object, stream: object, gzipped: bool) -> int:
    # In a .warc.gz the useful offset is the gzip member's (what CDX indexes give); the
    # iterator's own stream_pos lags one member behind there, the reader's frame position does not.
    if gzipped:
        start = stream.frame_start_position()  # type: ignore[attr-defined]
        if start is not None:
            return int(start)
    return int(record.stream_pos)  # type: ignore[attr-defined]


def _document(record: object, name: str, offset: int, limits: Limits) -> RawDocument | Drop:
    from fastwarc.warc import WarcRecord, WarcRecordType

    assert isinstance(record, WarcRecord)
    where = f"{name}@{offset}"
    url = record.headers.get("WARC-Target-URI")
    url = url.strip("<> ") if url else None
    expected = record.content_length
    if record.record_type == WarcRecordType.response:
        http = record.http_headers
        if http is None or http.status_code is None:
            return Drop("damaged-archive", f"{name}: damaged record at offset {offset} (no readable HTTP response)")
        status = http.status_code
        if not 200 <= status < 300:
            return Drop("http-status", f"{where}: HTTP {status} {url or ''}".rstrip())
        media, charset = _content_type(http.get("Content-Type")), record.http_charset
        encoding = (http.get("Content-Encoding") or "").strip().lower()
    else:
        media, charset = _content_type(record.headers.get("Content-Type")), None
        encoding = ""
    if media is not None and media not in HTML_TYPES:
        return Drop("not-html", f"{where}: {media}")
    if expected > limits.max_bytes:
        return Drop("too-large", f"{where}: {expected} bytes")
    body = record.reader.read(expected + 1)
    if len(body) < expected:
        return Drop(
            "damaged-archive", f"{name}: truncated at the record at offset {offset} ({len(body)} of {expected} bytes)"
        )
    if encoding in ("gzip", "x-gzip", "deflate", "br"):
        decoded = _decode(body, encoding, limits.max_bytes)
        if decoded is None:
            return Drop("decode-error", f"{where}: bad {encoding} content encoding")
        body = decoded
    if not body.strip():
        return Drop("empty", f"{where}: empty payload")
    if media is None and body.lstrip()[:1] != b"<":
        return Drop("not-html", f"{where}: no content type and not markup")
    return RawDocument(
        "html",
        body,
        Origin("archive", path=name, offset=offset, url=url, fetched_at=record.record_date),
        url=url,
        charset=charset,
    )


def _content_type(value: str | None) -> str | None:
    if not value:
        return None
    media = value.split(";", 1)[0].strip().lower()
    return media or None


def _decode(body: bytes, encoding: str, limit: int) -> bytes | None:
    try:
        if encoding == "br":
            import brotli

            out: bytes = brotli.decompress(body)[: limit + 1]
        else:
            wbits = 47 if encoding != "deflate" else zlib.MAX_WBITS  # 47: gzip or zlib header
            out = zlib.decompressobj(wbits).decompress(body, limit + 1)
    except Exception:  # zlib.error, brotli.error: any failure is a bad encoding
        return None
    return out[: limit + 1]
