"""Bytes to text for HTML pages, without ever raising on bad bytes.

The order follows what browsers do, with two pragmatic shortcuts:
byte-order mark, then the charset declared outside the page (HTTP), then a
``<meta charset>`` / ``http-equiv`` declaration in the first few KB, then
UTF-8 when the bytes are valid UTF-8, then charset-normalizer's detection.
A declaration is only trusted when the bytes decode under it; a declared
single-byte Western charset loses to UTF-8 when the bytes are valid UTF-8 and
not plain ASCII (a server default such as ``ISO-8859-1`` is the usual lie).
Mojibake (UTF-8 read as cp1252 or latin-1) is repaired with ftfy, only when it shows.
"""

from __future__ import annotations

import codecs
import re

#: How far into the page a ``<meta charset>`` is looked for.
META_SCAN_BYTES = 4096
#: How much of an undeclared page charset-normalizer reads.
DETECT_SAMPLE_BYTES = 64 * 1024
#: Mojibake sequences needed before ftfy runs.
MOJIBAKE_MIN_HITS = 2
#: Layers of UTF-8-as-cp1252 damage undone without ftfy.
MOJIBAKE_LAYERS = 3
#: How far around a damaged spot ftfy looks (it stops earlier at a tag).
REPAIR_WINDOW = 300

#: Encodings by how common they are on the web (Python codec names), to break detection ties.
WEB_ENCODINGS: tuple[str, ...] = (
    "utf-8", "cp1252", "cp1251", "gb18030", "gbk", "shift_jis", "cp1250", "euc_kr", "euc_jp", "big5",
    "iso8859-2", "cp1256", "cp1254", "cp1253", "cp1255", "cp1257", "koi8-r", "iso8859-15", "tis-620",
    "iso8859-9", "cp874", "iso8859-5", "koi8-u", "mac-cyrillic",
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
#: Labels browsers read as windows-1252 (the WHATWG Encoding Standard).
_WESTERN = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252", "iso8859-15"})
#: UTF-8 text shown as cp1252/latin-1: "Ã©", "â€™", "Â " ...
_MOJIBAKE = re.compile(
    "[ÃÂ][\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u2030\u2122œž]"
    "|â[\u0080-\u009f][\u0080-\u00bf]"  # the same read as latin-1: C1 controls instead of cp1252's letters
)
#: The characters every :data:`_MOJIBAKE` match starts with.
_MOJIBAKE_FIRST = "ÃÂâ"


def decode_html(data: bytes, declared: str | None = None, *, repair: bool = True) -> str:
    """Decode an HTML page's bytes to text; undecodable bytes become U+FFFD.

    ``repair=False`` leaves mojibake for the caller (:func:`repair_mojibake`), who
    may first want to know whether the bytes were a page at all.
    """
    text = _decode(data, declared)
    return repair_mojibake(text) if repair else text


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    for label in (declared, _meta_charset(data)):
        text = _try_declared(data, label)
        if text is not None:
            return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 damage, when (and only when) it is visible.

    Only the stretches of text around the damage (up to the nearest tag, at
    most :data:`REPAIR_WINDOW` characters each way) go through ftfy, so a big
    page with one damaged line costs what that line costs.
    """
    if text.isascii():  # free: Python knows whether a string is ASCII
        return text
    if "Ã" not in text and "Â" not in text and ("â" not in text or ("â€" not in text and "â\x80" not in text)):
        return text
    hits = _mojibake_spans(text)
    if len(hits) < MOJIBAKE_MIN_HITS:
        return text
    windows: list[tuple[int, int]] = []
    for start, end in hits:
        lo = max(text.rfind(">", max(0, start - REPAIR_WINDOW), start) + 1, start - REPAIR_WINDOW, 0)
        hi = text.find("<", end, end + REPAIR_WINDOW)
        hi = min(len(text), end + REPAIR_WINDOW) if hi < 0 else hi
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    import ftfy  # lazy: only pages that look damaged pay for it

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        normalization=None,
        explain=False,
    )
    out: list[str] = []
    pos = 0
    #: Window -> its repair: pages repeat their damaged strings (image alt texts, product names).
    repaired: dict[str, str] = {}
    for lo, hi in windows:
        out.append(text[pos:lo])
        window = text[lo:hi]
        fixed = repaired.get(window)
        if fixed is None:
            fixed = _reverse_mojibake(window)
            if fixed is None:
                try:
                    fixed = str(ftfy.fix_text(window, config))
                except Exception:  # ftfy is a best effort; the undamaged text is still usable
                    fixed = window
            repaired[window] = fixed
        out.append(fixed)
        pos = hi
    out.append(text[pos:])
    return "".join(out)


def _mojibake_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``_MOJIBAKE.finditer(text)`` gives, found faster: every match starts with
    one of :data:`_MOJIBAKE_FIRST`, so only those places are tried (``str.find`` skips the rest
    far faster than the regex scan, which costs a tenth of a second on a 5 MB page)."""
    starts: list[int] = []
    for char in _MOJIBAKE_FIRST:
        at = text.find(char)
        while at >= 0:
            starts.append(at)
            at = text.find(char, at + 1)
    spans: list[tuple[int, int]] = []
    end = 0
    for at in sorted(starts):
        match = _MOJIBAKE.match(text, at) if at >= end else None
        if match is not None:
            spans.append(match.span())
            end = match.end()
    return spans


def _reverse_mojibake(window: str) -> str | None:
    """``window`` read back as the UTF-8 it was, when all of it is UTF-8 shown as cp1252
    (the common case, decided without ftfy's slower per-line heuristics); else None."""
    for _ in range(MOJIBAKE_LAYERS):  # text can be damaged twice over ("Ã¢â‚¬â„¢")
        try:
            window = window.encode("cp1252").decode("utf-8")
        except UnicodeError:
            return None
        if _MOJIBAKE.search(window) is None:
            return window
    return None


def codec_name(label: str | None) -> str | None:
    """Python's name for a charset label, or None when unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'").lower()).name
    except (LookupError, ValueError):
        return None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:META_SCAN_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace")
    name = codec_name(label)
    # A page that can carry an ASCII <meta> is not UTF-16/32, whatever it says.
    if name is not None and name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return label


def _try_declared(data: bytes, label: str | None) -> str | None:
    name = codec_name(label)
    if name is None:
        return None
    if name.startswith(("utf-16", "utf-32")) and b"\x00" not in data[:1024]:
        return None  # no NUL bytes: ASCII-compatible bytes mislabelled as UTF-16/32
    if name in _WESTERN:
        if not data.isascii():
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None
    except LookupError:  # a codec that exists but cannot decode (rare aliases)
        return None


def _prior(name: str | None) -> int:
    try:
        return WEB_ENCODINGS.index(name or "")
    except ValueError:
        return len(WEB_ENCODINGS)


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes  # lazy: only undeclared non-UTF-8 pages need it

    encoding: str | None = None
    try:
        matches = list(from_bytes(data[:DETECT_SAMPLE_BYTES]))
    except Exception:  # detection is a guess; never let it fail the page
        matches = []
    if matches:
        # Short samples often tie; among the tied best guesses take the one most used on the web.
        top = matches[0]
        tied = [m for m in matches if abs(m.chaos - top.chaos) < 0.01 and abs(m.coherence - top.coherence) < 0.01]
        encoding = min(tied, key=lambda m: _prior(codec_name(m.encoding))).encoding
    name = codec_name(encoding)
    if name is None or name == "ascii":  # not valid UTF-8, so there is non-ASCII: guess Western
        name = "cp1252"
    try:
        return data.decode(name, "replace")
    except LookupError:
        return data.decode("utf-8", "replace")
