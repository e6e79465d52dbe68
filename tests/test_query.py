from __future__ import annotations

import pytest

from presscut.errors import QueryError
from presscut.store.query import to_fts


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("harbour strike", '"harbour" "strike"'),
        ('"port strike" OR flood*', '"port strike" OR "flood"*'),
        ("covid-19 U.S.", '"covid-19" "U.S."'),
        ("(a OR b) AND c", '( "a" OR "b" ) AND "c"'),
        ("say \u201chi\u201d", '"say" "\u201chi\u201d"'),
        ("a NOT b", '"a" NOT "b"'),
    ],
)
def test_translation(query: str, expected: str) -> None:
    assert to_fts(query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ('"unclosed', "unclosed quote"),
        ("(a OR b", r"unclosed '\('"),
        ("a)", "unbalanced"),
        ("AND", "no words"),
        ("a AND AND b", "needs a word before"),
        ("a OR", "needs a word after"),
        ("NOT b", "needs a word before"),
        ("- , ;", "no words"),
    ],
)
def test_malformed_queries_raise_query_error(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        to_fts(query)
