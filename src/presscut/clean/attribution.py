"""Who an article is credited to: a credit line ("Source: Reuters",
"With information from AFP", "(Reuters)", "— AFP") or a wire credit opening
the first paragraph ("WASHINGTON (Reuters) - ...").
"""

from __future__ import annotations

import re

from presscut.clean.phrases import AGENCIES, ATTRIBUTION_CONNECTORS, ATTRIBUTION_LABELS, ATTRIBUTION_PHRASES

_AGENCIES = frozenset(name.casefold() for name in AGENCIES)
_LABEL_LINE = re.compile(
    r"^\(?\s*(?:" + "|".join(map(re.escape, ATTRIBUTION_LABELS)) + r")\s*:\s*(?P<name>.+?)\s*\)?[.;]?$",
    re.IGNORECASE,
)
_PHRASE_LINE = re.compile(
    r"^\(?\s*(?:" + "|".join(ATTRIBUTION_PHRASES) + r")\s*(?P<name>.+?)\s*\)?[.;]?$", re.IGNORECASE
)
_CONNECTOR = re.compile(r"^(?:" + "|".join(map(re.escape, ATTRIBUTION_CONNECTORS)) + r")\s+", re.IGNORECASE)
_WRAPPERS = " \t()[]{}—–-/|.,:;"
_LEADING_CREDIT = re.compile(r"^(?P<dateline>[^()\n]{0,80}?)\((?P<credit>[^()]{1,40})\)\s*[—–-]{1,2}\s*\S")

#: A credited name longer than this is a sentence, not a credit.
MAX_NAME_WORDS = 8


def is_agency(name: str) -> bool:
    return name.casefold() in _AGENCIES


def attribution_of(line: str) -> str | None:
    """The credited name when ``line`` is only a credit, else None."""
    for pattern in (_LABEL_LINE, _PHRASE_LINE):
        m = pattern.match(line)
        if m:
            name = m["name"].strip(" .;")
            return name if _plausible_name(name) else None
    bare = _CONNECTOR.sub("", line.strip(_WRAPPERS)).strip(_WRAPPERS)
    return bare if bare and is_agency(bare) else None


def leading_credit(paragraph: str) -> str | None:
    """The agency credited at the start of a paragraph ("(AP) — ", "KYIV (Reuters) - ").

    An unknown name counts only after an upper-case dateline ("PORTVALE (Harbour Wire) —").
    """
    m = _LEADING_CREDIT.match(paragraph)
    if not m:
        return None
    credit = m["credit"].strip()
    if is_agency(credit):
        return credit
    dateline = m["dateline"].strip()
    first_word = "".join(ch for ch in dateline.split(maxsplit=1)[0] if ch.isalpha()) if dateline else ""
    words = credit.split()
    if (
        len(first_word) >= 2
        and first_word.isupper()
        and len(words) <= 4
        and all(w[0].isupper() for w in words)
        and not any(ch.isdigit() for ch in credit)
    ):
        return credit
    return None


def _plausible_name(name: str) -> bool:
    if not name or len(name) > 80 or len(name.split()) > MAX_NAME_WORDS:
        return False
    if re.search(r"[.!?]\s", name):
        return False
    return name[0].isupper() or name[0].isdigit() or is_agency(name)
