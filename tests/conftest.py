"""Shared fixtures.  Everything here is offline: files under tmp_path, servers on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from presscut.article import Article, Origin, Removed

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "src" / "presscut" / "samples"
BENCH = REPO.parent / "shared" / "bench"


def make_article(**overrides: object) -> Article:
    """A small, fully populated article of a fictional outlet."""
    fields: dict[str, object] = {
        "url": "https://harbourgazette.example/2024/05/02/port-strike-ends",
        "canonical_url": "https://harbourgazette.example/2024/05/02/port-strike-ends",
        "site_name": "The Harbour Gazette",
        "title": "Port strike ends after nine days",
        "authors": ["Mara Quillon"],
        "published": datetime(2024, 5, 2, 9, 30, tzinfo=timezone.utc),
        "date_source": "json-ld",
        "language": "en",
        "text": "Dock workers in Saltmere returned to work on Thursday.\n\nThe union accepted a 6% raise.",
        "tags": ["labour", "port"],
        "attribution": None,
        "removed": [Removed("Share on Facebook", "share", "div.share")],
        "origin": Origin("file", path="pages/strike.html"),
        "evidence": {"title": "json-ld"},
    }
    fields.update(overrides)
    article = Article(**fields)  # type: ignore[arg-type]
    article.assign_id()
    return article


@pytest.fixture
def article() -> Article:
    return make_article()


@pytest.fixture(scope="module")
def running_server() -> Iterator[HTTPServer]:
    s = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    s.start()
    yield s
    s.stop()


@pytest.fixture
def server(running_server: HTTPServer) -> Iterator[HTTPServer]:
    """A test's HTTP server on 127.0.0.1, with no handlers and an empty log."""
    running_server.clear()
    yield running_server
    running_server.clear()


@pytest.fixture(scope="session")
def web_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A corpus of the sample pages and one hostile (XSS) article: (path, hostile article id).

    Shared by the web tests, which only read it (ingest tests write to their own copy).
    """
    from .web_corpus import build

    path = tmp_path_factory.mktemp("web") / "corpus.db"
    return path, build(path)
