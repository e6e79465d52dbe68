"""Repair of words glued together where punctuation and a space were lost.

Three boundaries are recognised inside one whitespace-delimited token:

* **punctuation**: a sentence mark before a capitalised known word, "mayor.He"
  -> "mayor. He", or a comma without its space, "Kyiv,where" -> "Kyiv, where";
* **case**: a capitalised sentence opener after a known word, "KyivThe" ->
  "Kyiv The", or a word seen in the document after a known lower-case word,
  "saidKyiv" -> "said Kyiv";
* **no mark**: "Kyivwhere" -> "Kyiv where", when the tail is a word that often
  follows a lost space (:data:`~presscut.clean.phrases.GLUE_WORDS`) and the head
  is a common word or a word seen elsewhere in the same document.

A word is *seen* when it occurs as a token of its own elsewhere in the
document (case-sensitive) and *common* when it is in the language's list of
function words.  Tokens the document repeats, common words, protected names,
name prefixes ("McAllister", "DeSantis"), URLs, e-mail addresses, hashtags,
code-like dotted names and anything with digits or hyphens inside stay as they
are.  When the language is unknown the third kind is not repaired.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from presscut.clean.phrases import (
    FUNCTION_WORDS,
    GLUE_WORDS,
    NAME_PREFIXES,
    PROTECTED_WORDS,
    SENTENCE_OPENERS,
)

#: Reason recorded for each repaired token.
GLUED_WORDS = "glued-words"

_WORD = re.compile(r"[^\W\d_]+")
_UNSPLITTABLE = re.compile(r"://|www\.|[@#/\\_=<>{}\[\]|~^`]", re.IGNORECASE)
_OPENERS = "\"'“‘«([{¿¡"
_CLOSERS = "\"'”’»)]}.,;:!?…"
_PUNCT_GLUE = re.compile(r"(?<=[^\W_])([.!?…]+[\"”’»)]*|,)(?=[\"“‘«(]?[^\W\d_])")
_DOTTED_CHAIN = re.compile(r"\w\.\w+\.\w")
_TRAILING_RUN = re.compile(r"[^\W_]+$")
_LEADING_WORD = re.compile(r"[\"“‘«(]?([^\W\d_]+)")

_ALL_FUNCTION = frozenset().union(*FUNCTION_WORDS.values())
_ALL_OPENERS = frozenset().union(*SENTENCE_OPENERS.values())
#: Shortest token considered, and shortest piece of a split without punctuation.
MIN_TOKEN = 5
MIN_PIECE = 2
MIN_GLUE_WORD = 3
#: A piece known only from the document (not a common word) is at least this long
#: ("Stand" is not "St" + "and" because "St." occurs).
MIN_SEEN_PIECE = 3
#: A right-hand piece up to this long followed by a full stop is an abbreviation ("Cr.Hr.").
MAX_ABBREVIATION = 3


@dataclass(frozen=True, slots=True)
class Lexicon:
    """What one document tells about its words."""

    #: Case-sensitive counts of the document's word tokens.
    counts: Mapping[str, int]
    #: Counts of the document's whitespace-delimited tokens, surrounding punctuation removed.
    tokens: Mapping[str, int]
    function_words: frozenset[str]
    glue_words: frozenset[str]
    openers: frozenset[str]

    @classmethod
    def of(cls, texts: Iterable[str], language: str | None) -> Lexicon:
        counts: Counter[str] = Counter()
        tokens: Counter[str] = Counter()
        for text in texts:
            counts.update(_WORD.findall(text))
            tokens.update(_peel(token)[1] for token in text.split() if not token.isalpha())
        if language in FUNCTION_WORDS:
            return cls(
                counts,
                tokens,
                FUNCTION_WORDS[language],
                GLUE_WORDS.get(language, frozenset()),
                SENTENCE_OPENERS.get(language, frozenset()),
            )
        # Unknown language: pieces may be common words of any language, but no split
        # without a boundary mark ("sound" is "so" + German "und").
        return cls(counts, tokens, _ALL_FUNCTION, frozenset(), _ALL_OPENERS)

    def is_common(self, word: str) -> bool:
        return word.casefold() in self.function_words

    def is_seen(self, word: str) -> bool:
        """``word`` occurs as a token of its own in the document (case-sensitive)."""
        return self.counts.get(word, 0) > 0

    def is_known(self, word: str) -> bool:
        return self.is_seen(word) or self.is_common(word)


def repair_line(line: str, lexicon: Lexicon) -> tuple[str, list[str]]:
    """``line`` with glued tokens split, and the original tokens that were split."""
    tokens = line.split(" ")
    repaired: list[str] = []
    for i, token in enumerate(tokens):
        fixed = repair_token(token, lexicon)
        if fixed is not None:
            repaired.append(token)
            tokens[i] = fixed
    return " ".join(tokens), repaired


def repair_token(token: str, lexicon: Lexicon) -> str | None:
    """``token`` with its glued words split, or None when it is left alone."""
    if len(token) < MIN_TOKEN or _UNSPLITTABLE.search(token):
        return None
    lead, core, trail = _peel(token)
    if len(core) < MIN_TOKEN - 1:
        return None
    fixed = (
        _split_punctuation(core, trail[:1], lexicon) or _split_case(core, lexicon) or _split_unmarked(core, lexicon)
    )
    return None if fixed is None else lead + fixed + trail


def _peel(token: str) -> tuple[str, str, str]:
    """``token`` as (opening punctuation, core, closing punctuation)."""
    core = token.lstrip(_OPENERS)
    lead = token[: len(token) - len(core)]
    stripped = core.rstrip(_CLOSERS)
    return lead, stripped, core[len(stripped) :]


def _split_punctuation(core: str, after: str, lexicon: Lexicon) -> str | None:
    """ "mayor.He" -> "mayor. He", "said."The" -> "said." The", "Kyiv,where" -> "Kyiv, where".

    The word after a sentence mark must be known (seen in the document or
    common).  Not inside code-like tokens ("options.Level(x)", "Mathlib.Data.Set"),
    abbreviations ("Cr.Hr."), camel-case names ("LogLevel.Debug") or a token the
    document repeats.  ``after`` is the character that followed ``core`` in the token.
    """
    if "(" in core or ")" in core or _DOTTED_CHAIN.search(core) or lexicon.tokens.get(core, 0) > 1:
        return None
    cuts: list[int] = []
    for m in _PUNCT_GLUE.finditer(core):
        left_run = _TRAILING_RUN.search(core, 0, m.start())
        right = _LEADING_WORD.match(core, m.end())
        if left_run is None or right is None:
            continue
        left, word = left_run.group(), right.group(1)
        if len(word) < MIN_PIECE:
            continue
        following = (core + after)[right.end(1) : right.end(1) + 1]
        if len(word) <= MAX_ABBREVIATION and following == ".":
            continue  # "Cr.Hr.", "Storage,Inc."
        if _has_hump(left) or _has_hump(word):
            continue
        if m.group(1) == ",":
            ok = left.isalpha() and len(left) >= MIN_PIECE and not left.isupper()
        else:
            sentence_left = (left.isalpha() or left.isdigit()) and len(left) >= MIN_PIECE
            ok = sentence_left and word[0].isupper() and word[1].islower() and lexicon.is_known(word)
        if ok:
            cuts.append(m.end())
    if not cuts:
        return None
    pieces = [core[a:b] for a, b in zip([0, *cuts], [*cuts, len(core)], strict=True)]
    return " ".join(pieces)


def _has_hump(word: str) -> bool:
    """A lower-case letter followed by a capital inside ``word`` ("LogLevel", "iPhone")."""
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def _split_case(core: str, lexicon: Lexicon) -> str | None:
    """ "KyivThe" -> "Kyiv The", "saidKyiv" -> "said Kyiv"; never "YouTube", "McAllister"."""
    if not core.isalpha() or core[1:].islower() or core.casefold() in PROTECTED_WORDS:
        return None
    if lexicon.counts.get(core, 0) > 1:
        return None
    humps = [
        k for k in range(1, len(core) - 1) if core[k - 1].islower() and core[k].isupper() and core[k + 1].islower()
    ]
    if not humps:
        return None
    pieces = [core[a:b] for a, b in zip([0, *humps], [*humps, len(core)], strict=True)]
    out = [pieces[0]]
    for piece in pieces[1:]:
        head = out[-1]
        if _case_split_ok(head, piece, lexicon):
            out.append(piece)
        else:
            out[-1] = head + piece
    return " ".join(out) if len(out) > 1 else None


def _case_split_ok(head: str, tail: str, lexicon: Lexicon) -> bool:
    """A lost sentence break (the tail a sentence opener: "KyivThe") or a lost space
    after a lower-case word (the tail seen in the document: "saidKyiv").  Other
    capitals inside a word belong to a name ("MyPlate", "ServiceNow", "TutorMe")."""
    if len(head) < MIN_PIECE or len(tail) < MIN_PIECE or head.casefold() in NAME_PREFIXES:
        return False
    if not lexicon.is_known(head):
        return False
    if tail.casefold() in lexicon.openers:
        return True
    return head[0].islower() and lexicon.is_seen(tail)


def _split_unmarked(core: str, lexicon: Lexicon) -> str | None:
    """ "Kyivwhere" -> "Kyiv where", "Ivanovahead" -> "Ivanov ahead", "inthe" -> "in the"."""
    if not core.isalpha() or not core[1:].islower() or lexicon.counts.get(core, 0) > 1:
        return None
    folded = core.casefold()
    if folded in lexicon.function_words or folded in PROTECTED_WORDS:
        return None
    for size in range(len(core) - MIN_PIECE, MIN_GLUE_WORD - 1, -1):
        tail = core[-size:]
        if tail in lexicon.glue_words:
            head = core[:-size]
            if lexicon.is_common(head) or (len(head) >= MIN_SEEN_PIECE and lexicon.is_seen(head)):
                return f"{head} {tail}"
    return None
