"""The HTML pages: what they show, what they escape, the headers they send; the chart; `presscut serve`."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from html import escape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

pytest.importorskip("fastapi", reason="the web tests need presscut[web]")

from fastapi.testclient import TestClient

from presscut.cli.main import main
from presscut.cli.web import is_loopback
from presscut.corpus import Corpus
from presscut.store.sqlite import HIGHLIGHT, SearchResult, mark_snippet
from presscut.web import create_app
from presscut.web.app import CSP
from presscut.web.charts import Series, _ticks, line_chart, periods
from presscut.web.pages import http_url, when

from .web_corpus import XSS_TITLE, XSS_WORD

PAGES = ["/", "/search", "/search?q=strike", "/search?q=strike&stories=1", "/timeline", "/timeline?q=strike&q=flood",
         "/sites", "/ingest"]


@pytest.fixture(scope="module")
def client(web_corpus: tuple[Path, str]) -> Iterator[TestClient]:
    with TestClient(create_app(web_corpus[0]), base_url="http://127.0.0.1") as c:
        yield c


def _no_inline_code(html: str) -> None:
    """No inline scripts or styles, no event-handler attributes, no javascript: links."""
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert not re.search(r"<style\b", html, re.IGNORECASE)
    tags = re.findall(r"<[a-zA-Z][^>]*>", html)
    for tag in tags:
        assert not re.search(r"\s(on[a-z]+|style)\s*=", tag, re.IGNORECASE), tag
        assert not re.search(r"""\bhref\s*=\s*["']?\s*javascript:""", tag, re.IGNORECASE), tag


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_with_security_headers(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    _no_inline_code(r.text)


@pytest.mark.parametrize("url", ["/", "/search?q=strike", "/api/stats", "/static/presscut.css"])
def test_head_answers_like_get_without_a_body(client: TestClient, url: str) -> None:
    got, head = client.get(url), client.head(url)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-security-policy"] == CSP
    assert client.head("/article/0000000000000000").status_code == 404


def test_hostile_article_is_shown_as_text_everywhere(client: TestClient, web_corpus: tuple[Path, str]) -> None:
    article_id = web_corpus[1]
    pages = [
        client.get("/search", params={"q": XSS_WORD}).text,
        client.get(f"/article/{article_id}").text,
        client.get(f"/story/{article_id}").text,
        client.get("/search", params={"q": XSS_WORD, "site": 'Evil "Quotes\' <b>Site</b>'}).text,
        client.get("/timeline", params={"q": "<script>alert(1)</script>"}).text,
        client.get("/sites").text,
    ]
    for html in pages:
        _no_inline_code(html)
        assert "<script>window" not in html and "<img src=x" not in html and "<svg onload" not in html
        assert "<b>Site</b>" not in html and "<b>share</b>" not in html
    assert escape(XSS_TITLE) in pages[1].replace("&#39;", "&#x27;").replace("&#34;", "&quot;")
    assert 'class="unsafe-url"' in pages[1]  # the javascript: URL is text, not a link


def test_search_page_counts_highlights_and_pages_with_filters(client: TestClient) -> None:
    html = client.get("/search", params={"q": "the", "lang": "en", "since": "2020-01-01"}).text
    total = int(re.search(r'id="result-count">\s*([\d\u202f]+)', html).group(1).replace("\u202f", ""))  # type: ignore[union-attr]
    assert total > 20 and "<mark>" in html
    nxt = re.search(r'href="([^"]+)" rel="next"', html)
    assert nxt is not None
    params = parse_qs(urlsplit(nxt.group(1).replace("&amp;", "&")).query)
    assert params == {"q": ["the"], "since": ["2020-01-01"], "lang": ["en"], "page": ["2"]}
    second = client.get(nxt.group(1).replace("&amp;", "&")).text
    assert 'rel="prev"' in second and 'start="21"' in second


def test_article_page_shows_text_evidence_removed_and_story(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "strike", "stories": "true"}).json()["results"][0]
    html = client.get(f"/article/{hit['id']}").text
    assert 'id="removed"' in html and "What was removed and why" in html
    assert "Metadata and its evidence" in html and 'class="tag"' in html
    assert f'href="/story/{hit["story_id"]}"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_story_page_shows_copies_original_and_credit(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "strike", "stories": "true"}).json()["results"][0]
    story = client.get(f"/api/story/{hit['story_id']}").json()
    html = client.get(f"/story/{hit['story_id']}").text
    assert html.count('<tr class="original">') == 1
    assert 'id="first-publisher"' in html and story["attribution"] in html
    for copy in story["copies"]:
        assert f'/article/{copy["id"]}' in html


def test_timeline_page_draws_and_links_downloads(client: TestClient) -> None:
    html = client.get("/timeline", params=[("q", "strike"), ("q", "Hochwasser"), ("period", "week")]).text
    assert "<svg" in html and 'class="series"' in html
    assert 'href="/timeline.svg?q=strike&amp;q=Hochwasser&amp;period=week"' in html
    svg = client.get("/timeline.svg", params={"q": "strike"})
    assert svg.headers["content-type"].startswith("image/svg+xml") and svg.text.startswith("<svg xmlns=")
    assert client.get("/timeline", params={"q": "(strike"}).status_code == 400


def test_malformed_query_is_a_400_page(client: TestClient) -> None:
    r = client.get("/search", params={"q": '"unclosed'})
    assert r.status_code == 400 and "unclosed quote" in r.text
    assert client.get("/search", params={"q": "strike", "since": "soon"}).status_code == 400
    assert client.get("/search", params={"q": "strike", "page": "0"}).status_code == 400
    assert client.get("/article/nope").status_code == 404
    assert client.get("/static/../app.py").status_code == 404


def test_ingest_page_and_job_progress(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "new.db"), base_url="http://127.0.0.1") as client:
        assert 'enctype="multipart/form-data"' in client.get("/ingest").text
        text = "Beekeepers in Hollin Cross counted their hives after a late frost this spring. " * 3
        r = client.post("/ingest", data={"text": text}, follow_redirects=False)
        assert r.status_code == 303
        job_id = r.headers["location"].rsplit("/", 1)[1]
        client.app.state.presscut.jobs.wait(job_id)  # type: ignore[attr-defined]
        page = client.get(r.headers["location"]).text
        assert f'data-status-url="/api/jobs/{job_id}"' in page and "<progress" in page
        assert client.get(f"/api/jobs/{job_id}").json()["state"] == "done"
        assert client.get("/api/stats").json()["articles"] == 1


# -- pieces -----------------------------------------------------------------------------


def test_snippet_marks_only_complete_marker_pairs() -> None:
    start, end = HIGHLIGHT
    hit = SearchResult("x", None, None, None, None, None, f"a {start}<b>{end} {end}c{start} **d**", 1.0)
    assert hit.highlighted() == "a **<b>** c **d**"
    assert mark_snippet(hit.snippet, lambda s: s.replace("<", "&lt;"), "<m>", "</m>") == "a <m>&lt;b></m> c **d**"
    assert hit.to_dict()["snippet"] == hit.highlighted()


def test_http_url_and_dates() -> None:
    assert http_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example", "", None):
        assert http_url(bad) is None
    assert when("2024-05-02T09:30:00+00:00") == "2024-05-02 09:30"
    assert when("2024-05-02T00:00:00+00:00") == "2024-05-02" and when(None) == ""


def test_chart_fills_gaps_and_escapes_labels() -> None:
    series = [Series("<script>x</script>", {"2024-01-01": {"articles": 3, "stories": 2},
                                             "2024-01-04": {"articles": 1, "stories": 1}})]
    assert periods(series, "day") == ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"]
    svg = line_chart(series, "day")
    assert "<script>x" not in svg and "&lt;script&gt;x" in svg and svg.count('class="series"') == 2
    assert "no dated articles" in line_chart([Series("none", {})], "week")
    for peak in (1, 5, 7, 23, 101, 1234):
        ticks = _ticks(peak)
        assert ticks[0] == 0 and ticks[-1] >= peak and len(ticks) <= 6


def test_store_site_health_and_query_timeline(web_corpus: tuple[Path, str]) -> None:
    with Corpus(web_corpus[0], create=False) as corpus:
        health = corpus.site_health()
        assert sum(s["articles"] for s in health) == corpus.count()
        assert sum(s["not_article"] for s in health) == corpus.stats()["by_page_type"].get("listing", 0) + sum(
            n for k, n in corpus.stats()["by_page_type"].items() if k not in ("article", "listing"))
        counts = corpus.story_counts("month", query="strike")
        assert sum(c["articles"] for c in counts.values()) == corpus.count("strike")
        assert sum(c["stories"] for c in counts.values()) >= corpus.count("strike", stories=True)


# -- presscut serve -----------------------------------------------------------------------------


def test_serve_refuses_a_public_address_without_a_token(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRESSCUT_TOKEN", raising=False)
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err
    assert "without a token" in err and len(err.strip().splitlines()) == 1
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")


def test_serve_without_the_web_extra_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import fails as if not installed
    assert main(["serve"]) == 2
    err = capsys.readouterr().err
    assert "presscut[web]" in err and len(err.strip().splitlines()) == 1


def test_core_imports_without_fastapi() -> None:
    import subprocess

    code = ("import sys; sys.modules['fastapi'] = None; import presscut, presscut.cli.main; "
            "presscut.cli.main.build_parser(); print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_presscut_serve_answers_on_loopback(web_corpus: tuple[Path, str]) -> None:
    import subprocess
    import time

    import httpx

    from presscut.web.screenshots import free_port

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "presscut", "serve", "--db", str(web_corpus[0]), "--port", str(port),
         "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "presscut serve did not start"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["articles"] > 0
        assert r.headers["content-security-policy"] == CSP
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
