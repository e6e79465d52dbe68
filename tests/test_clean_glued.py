"""Glued-word repair measured on a set written for presscut (tests/data/glued.tsv).

Each case is one token in a small document: the words the document uses
elsewhere (the ``seen`` column) and a line holding the token.  Glued pairs
must be split as expected, legitimate long words, names, compounds and URLs
must stay whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from presscut.clean.glued import Lexicon, repair_line

DATA = Path(__file__).parent / "data" / "glued.tsv"
MIN_SPLIT_RATE = 0.95
MAX_FALSE_SPLIT_RATE = 0.01


def _cases() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lang, kind, seen, token, expected = line.split("\t")
        rows.append((lang, kind, seen, token, expected))
    return rows


def _repaired(lang: str, seen: str, token: str) -> str:
    line = f"Then {token} came."
    lexicon = Lexicon.of([f"{seen} ." if seen else ".", line], lang)
    out, _ = repair_line(line, lexicon)
    return out.removeprefix("Then ").removesuffix(" came.")


def test_the_set_is_large_and_varied() -> None:
    cases = _cases()
    glued = [c for c in cases if c[1] == "glued"]
    legit = [c for c in cases if c[1] == "legit"]
    assert len(glued) >= 200 and len(legit) >= 200
    assert len({c[0] for c in glued}) >= 6  # several languages


def test_glued_pairs_are_split() -> None:
    glued = [c for c in _cases() if c[1] == "glued"]
    missed = [(token, _repaired(lang, seen, token)) for lang, _, seen, token, expected in glued
              if _repaired(lang, seen, token) != expected]
    assert 1 - len(missed) / len(glued) >= MIN_SPLIT_RATE, missed


def test_legitimate_words_are_not_broken() -> None:
    legit = [c for c in _cases() if c[1] == "legit"]
    broken = [(token, _repaired(lang, seen, token)) for lang, _, seen, token, _ in legit
              if _repaired(lang, seen, token) != token]
    assert len(broken) / len(legit) <= MAX_FALSE_SPLIT_RATE, broken


@pytest.mark.parametrize(
    ("lang", "seen", "token", "expected"),
    [
        ("en", "Kyiv", "Kyivwhere", "Kyiv where"),
        ("en", "Ivanov", "Ivanovahead", "Ivanov ahead"),
        ("en", "", "somewhere", "somewhere"),
        ("en", "", "https://example.org/kyivwhere", "https://example.org/kyivwhere"),
    ],
)
def test_examples(lang: str, seen: str, token: str, expected: str) -> None:
    assert _repaired(lang, seen, token) == expected
