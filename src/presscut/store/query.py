"""User search queries to SQLite FTS5 MATCH expressions.

Users type words, ``"quoted phrases"``, ``prefix*``, ``AND``/``OR``/``NOT`` and
parentheses.  Every bare word is quoted before it reaches FTS5, so words with
punctuation (``covid-19``, ``U.S.``) search as words instead of failing as
syntax; what cannot be made valid (an unclosed quote or parenthesis, an
operator with nothing to join) is a :class:`~presscut.errors.QueryError`.
"""

from __future__ import annotations

import re

from presscut.errors import QueryError

_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+|"')
_OPERATORS = frozenset({"AND", "OR", "NOT"})


def to_fts(query: str) -> str:
    """Translate ``query`` to an FTS5 expression, or raise QueryError."""
    if not query or not query.strip():
        raise QueryError("empty search query: give at least one word")
    out: list[str] = []
    depth = 0
    for tok in _TOKEN.findall(query):
        if tok == '"':
            raise QueryError(f"unclosed quote in query {query!r}")
        if tok == "(":
            depth += 1
            out.append(tok)
        elif tok == ")":
            depth -= 1
            if depth < 0:
                raise QueryError(f"unbalanced ')' in query {query!r}")
            out.append(tok)
        elif tok in _OPERATORS:
            out.append(tok)
        elif tok.startswith('"'):
            inner = tok[1:-1].strip()
            if inner:
                out.append(_quote(inner))
        else:
            prefix = tok.endswith("*") and len(tok) > 1
            word = tok.rstrip("*")
            if not any(ch.isalnum() for ch in word):
                continue  # lone punctuation carries no search term
            out.append(_quote(word) + ("*" if prefix else ""))
    if depth:
        raise QueryError(f"unclosed '(' in query {query!r}")
    terms = [t for t in out if t not in _OPERATORS and t not in "()"]
    if not terms:
        raise QueryError(f"query {query!r} has no words to search for")
    _check_operators(out, query)
    return " ".join(out)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _check_operators(tokens: list[str], query: str) -> None:
    prev: str | None = None
    for tok in [*tokens, None]:
        is_op = tok in _OPERATORS
        if is_op and (prev is None or prev in _OPERATORS or prev == "("):
            raise QueryError(f"{tok} needs a word before it in query {query!r}")
        if prev in _OPERATORS and (tok is None or tok == ")"):
            raise QueryError(f"{prev} needs a word after it in query {query!r}")
        prev = tok
