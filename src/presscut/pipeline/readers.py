"""Readers: files and folders in, :class:`~presscut.article.RawDocument` out.

Each input that cannot be used becomes a counted :class:`Drop` with a reason:
``unsupported-type``, ``empty``, ``too-large``, ``binary``, ``decode-error``,
``bad-json``, ``unreadable``, ``not-a-file`` (a pipe or device, which could
block forever if read).  Nothing here raises on a bad file.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presscut.article import Origin, RawDocument
from presscut.config import Limits
from presscut.pipeline.base import Drop, Reader

#: File kinds by extension (after an optional ``.gz``).
FILE_KINDS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
#: Keys of a JSONL object copied into ``RawDocument.hints``.
JSONL_HINTS: tuple[str, ...] = ("title", "published", "site_name", "authors", "language")
#: Bytes looked at to tell text from binary.
SNIFF_BYTES = 8192


class _TooLarge(Exception):
    pass


class _NotAFile(Exception):
    pass


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    kind: str | None  # None: unsupported


def kind_of(path: Path) -> str | None:
    """``html``, ``text``, ``jsonl``, ``warc``, ``warc-list``, or None for a file presscut does not read."""
    from presscut.sources.warc import is_archive_list, is_warc

    if is_warc(path):
        return "warc"
    if is_archive_list(path):
        return "warc-list"
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return FILE_KINDS.get(suffixes[-1]) if suffixes else None


class FileReader(Reader):
    """Reads files and folders (recursively, in sorted order)."""

    def __init__(self, paths: Iterable[str | os.PathLike[str]], limits: Limits | None = None) -> None:
        self.paths = [Path(p) for p in paths]
        self.limits = limits or Limits()
        #: Called after each input file is done (progress bars hook in here).
        self.on_file_done: Callable[[], None] | None = None

    # -- walking -----------------------------------------------------------------

    def files(self) -> Iterator[InputFile | Drop]:
        for root in self.paths:
            if root.is_dir():
                yield from self._walk(root)
            elif root.exists():
                yield InputFile(root, kind_of(root))
            else:
                yield Drop("unreadable", f"{root}: no such file or folder")

    def _walk(self, root: Path) -> Iterator[InputFile | Drop]:
        errors: list[OSError] = []
        for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
            dirnames.sort()
            for err in errors:
                yield Drop("unreadable", f"{err.filename}: {err.strerror}")
            errors.clear()
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                path = Path(dirpath, name)
                yield InputFile(path, kind_of(path))
        for err in errors:
            yield Drop("unreadable", f"{err.filename}: {err.strerror}")

    def count_files(self) -> int:
        return sum(1 for f in self.files() if isinstance(f, InputFile))

    # -- reading -----------------------------------------------------------------

    def read(self) -> Iterator[RawDocument | Drop]:
        for item in self.files():
            if isinstance(item, Drop):
                yield item
                continue
            yield from self._read_file(item)
            if self.on_file_done is not None:
                self.on_file_done()

    def _read_file(self, f: InputFile) -> Iterator[RawDocument | Drop]:
        name = str(f.path)
        if f.kind is None:
            yield Drop("unsupported-type", f"{name}: not .html, .htm, .txt, .jsonl, .warc or .warc.gz")
            return
        if f.kind in ("warc", "warc-list"):  # streamed record by record, never loaded whole
            from presscut.sources.warc import read_archive_list, read_warc

            try:
                regular = stat.S_ISREG(f.path.stat().st_mode)
            except OSError as exc:
                yield Drop("unreadable", f"{name}: {exc.strerror or exc}")
                return
            if not regular:
                yield Drop("not-a-file", f"{name}: not a regular file")
            else:
                yield from (read_warc if f.kind == "warc" else read_archive_list)(f.path, self.limits)
            return
        try:
            data = self._load(f.path)
        except _TooLarge:
            yield Drop("too-large", f"{name}: over {self.limits.max_bytes} bytes")
            return
        except _NotAFile:
            yield Drop("not-a-file", f"{name}: not a regular file")
            return
        except (OSError, EOFError, zlib.error) as exc:
            reason = "decode-error" if isinstance(exc, (gzip.BadGzipFile, EOFError, zlib.error)) else "unreadable"
            yield Drop(reason, f"{name}: {exc}")
            return
        if not data.strip():
            yield Drop("empty", f"{name}: empty file")
            return
        if f.kind != "jsonl" and b"\x00" in data[:SNIFF_BYTES] and not _is_utf16(data):
            yield Drop("binary", f"{name}: binary content")
            return
        if f.kind == "html":
            yield RawDocument("html", data, Origin("file", path=name))
        elif f.kind == "text":
            text = decode_text(data)
            if text is None:
                yield Drop("decode-error", f"{name}: not valid UTF-8 or any recognisable encoding")
            else:
                yield RawDocument("text", text, Origin("file", path=name))
        else:
            yield from read_jsonl(data, name)

    def _load(self, path: Path) -> bytes:
        limit = self.limits.max_bytes
        if not stat.S_ISREG(path.stat().st_mode):
            raise _NotAFile
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read(limit + 1)
        else:
            if path.stat().st_size > limit:
                raise _TooLarge
            data = path.read_bytes()
        if len(data) > limit:
            raise _TooLarge
        return data


def _is_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), else a confidently detected encoding, else None."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None or best.chaos > 0.2:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if looks_like_prose(text) else None


#: Share of non-space characters that must be letters for decoded bytes to count as text.
MIN_LETTER_SHARE = 0.6


def looks_like_prose(text: str) -> bool:
    """True when most visible characters are letters (any script): guards against
    single-byte encodings "decoding" random bytes into symbol soup."""
    sample = text[:100_000]
    visible = sum(1 for ch in sample if not ch.isspace())
    letters = sum(1 for ch in sample if ch.isalpha())
    return visible > 0 and letters / visible >= MIN_LETTER_SHARE


#: A JSON escape of a UTF-16 surrogate ("\\ud83d"): paired, JSON decodes it to one character; alone, to a
#: lone surrogate, which no UTF-8 text (nor SQLite) can hold.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _without_lone_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_lone_surrogates(v) for k, v in value.items()}
    return value


def read_jsonl(data: bytes, name: str) -> Iterator[RawDocument | Drop]:
    """One RawDocument per JSON line with ``html`` or ``text``; bad lines are counted skips."""
    for lineno, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj: Any = json.loads(raw)
        except UnicodeDecodeError:
            yield Drop("decode-error", f"{where}: not valid UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield Drop("bad-json", f"{where}: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            yield Drop("bad-json", f"{where}: not a JSON object")
            continue
        if _SURROGATE_ESCAPE.search(raw):
            obj = _without_lone_surrogates(obj)
        html, text = obj.get("html"), obj.get("text")
        origin = Origin("jsonl", path=name, offset=lineno)
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        hints = {k: obj[k] for k in JSONL_HINTS if obj.get(k) is not None}
        if isinstance(html, str) and html.strip():
            yield RawDocument("html", html, origin, url=url, hints=hints)
        elif isinstance(text, str) and text.strip():
            yield RawDocument("text", text, origin, url=url, hints=hints)
        else:
            yield Drop("empty", f"{where}: no 'html' or 'text'")
