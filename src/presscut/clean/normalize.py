"""Character-level repair of one line: mojibake, odd spaces, invisible characters.

Line breaks are unified before the text is split (``\\r\\n``, ``\\r``, U+2028...),
so line numbers count the lines a reader of the input would see.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

#: Reason recorded when ftfy repaired a line (mojibake, HTML entities, ligatures, control characters).
MOJIBAKE = "mojibake"
#: Reason recorded when only spacing or invisible characters changed inside a line.
TYPOGRAPHY = "typography"

_LINE_BREAK = re.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
# No-break, figure, thin, ideographic... spaces and tabs become one plain space.
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Zero-width space, word joiner, byte-order mark, soft hyphen.  ZWJ and ZWNJ are
# kept: they carry meaning in Persian, Indic scripts and emoji.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # typographic quotes are wanted
    fix_character_width=False,  # would turn CJK full-width punctuation into ASCII
    fix_line_breaks=False,  # done here, before the split into lines
    normalization=None,  # NFC is applied separately and counted as typography
    explain=False,
)


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, whatever line-break convention it uses."""
    return _LINE_BREAK.sub("\n", text).split("\n")


def normalize_line(raw: str) -> tuple[str, str | None]:
    """``raw`` repaired and stripped, and the reason when its content changed.

    Leading and trailing whitespace is layout, not content: stripping it alone
    is not reported.
    """
    text = raw
    reason: str | None = None
    if not text.isascii() or "&" in text or _CONTROL.search(text):
        fixed = ftfy.fix_text(text, _FTFY)
        if fixed != text:
            reason = MOJIBAKE
            text = fixed
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()
    if reason is None and text != raw.strip():
        reason = TYPOGRAPHY
    return text, reason
