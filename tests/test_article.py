from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone

import pytest

from presscut.article import Article, Origin, article_id
from presscut.urls import normalize_url, site_of

from .conftest import make_article


def test_json_round_trip_is_lossless() -> None:
    tz = timezone(timedelta(hours=2))
    a = make_article(
        modified=datetime(2024, 5, 3, 8, 0, tzinfo=tz),
        fetched_at=datetime(2024, 5, 4, tzinfo=timezone.utc),
        origin=Origin("archive", path="crawl.warc.gz", offset=1234, url="https://x.example/a",
                      fetched_at=datetime(2024, 5, 4, tzinfo=timezone.utc)),
    )
    back = Article.from_json(json.dumps(a.to_dict()))
    assert back == a
    assert back.modified is not None and back.modified.utcoffset() == timedelta(hours=2)
    assert {f.name for f in dataclasses.fields(Article)} == set(a.to_dict())


def test_id_comes_from_normalised_url_else_text() -> None:
    a = make_article(url="http://www.harbourgazette.example/2024/05/02/port-strike-ends/?utm_source=x#top",
                     canonical_url=None)
    b = make_article(url="https://harbourgazette.example/2024/05/02/port-strike-ends", canonical_url=None)
    assert a.id == b.id and len(a.id) == 16
    t1 = article_id(None, "Dock workers  returned.\n\nThe END")
    t2 = article_id(None, "dock workers returned. the end")
    assert t1 == t2
    assert t1 != article_id(None, "Dock workers stayed out.")


def test_canonical_url_wins_over_url() -> None:
    a = make_article(url="https://m.harbourgazette.example/amp/story", canonical_url="https://harbourgazette.example/story")
    assert a.id == article_id("https://harbourgazette.example/story", "")


def test_normalize_url() -> None:
    assert normalize_url("HTTPS://WWW.Example.COM:443/a/b/?b=2&a=1&fbclid=zz&utm_medium=m#frag") == (
        "https://example.com/a/b?a=1&b=2"
    )
    assert normalize_url("http://example.com:8080/") == "https://example.com:8080/"
    assert normalize_url("not a url") == "not a url"
    assert normalize_url("http://[::1:bad") == "http://[::1:bad"


def test_site_of() -> None:
    assert site_of("https://www.Valemontcourier.example/x") == "valemontcourier.example"
    assert site_of(None) is None
    assert site_of("no-scheme") is None


def test_text_ids_and_hashes_are_the_same_when_a_long_text_is_normalised_in_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long text is normalised piece by piece for its digest (bounded memory); the pieces are cut at
    whitespace, so the id and the revision hash are those of the whole text normalised at once."""
    import hashlib

    from presscut import article as module

    text = "Ferry\u00a0ﬁnal   SAILING\n\n Straße\tΣΟΦΙΑ " * 40 + "Ａrrives  "
    whole = module.normalize_text_for_id(text)
    expected_id = hashlib.blake2b(("text:" + whole).encode(), digest_size=8).hexdigest()
    expected_hash = hashlib.blake2b(whole.encode(), digest_size=16).hexdigest()
    for size in (1, 5, 13, 1 << 20):
        monkeypatch.setattr(module, "DIGEST_CHUNK_CHARS", size)
        assert module.article_id(None, text) == expected_id
        assert module.text_hash(text) == expected_hash
    assert module.text_hash("") == hashlib.blake2b(b"", digest_size=16).hexdigest()
