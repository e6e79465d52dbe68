"""The REST API under /api/: search, article, story, timeline, stats, exports, ingest and its guards."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web tests need presscut[web]")

from fastapi.testclient import TestClient

from presscut.corpus import Corpus
from presscut.web import create_app

from .conftest import SAMPLES
from .web_corpus import XSS_WORD

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(web_corpus: tuple[Path, str]) -> Iterator[TestClient]:
    with TestClient(create_app(web_corpus[0]), base_url=LOCAL) as c:
        yield c


@pytest.fixture
def writable(tmp_path: Path, web_corpus: tuple[Path, str]) -> Path:
    """A private copy of the shared corpus, for tests that write."""
    path = tmp_path / "corpus.db"
    with Corpus(web_corpus[0], create=False) as corpus:
        corpus.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(web_corpus[0], path)
    return path


def test_search_returns_the_documented_fields(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "strike"}).json()
    assert body["total"] >= 4 and body["results"]
    for hit in body["results"]:
        assert {"id", "title", "url", "site_name", "published", "snippet", "story_id"} <= set(hit)
    assert any("<mark>" in h["snippet_html"] for h in body["results"])


def test_search_groups_by_story_filters_and_pages(client: TestClient) -> None:
    all_hits = client.get("/api/search", params={"q": "strike"}).json()
    grouped = client.get("/api/search", params={"q": "strike", "stories": "true"}).json()
    assert grouped["total"] < all_hits["total"]
    assert max(h["copies"] for h in grouped["results"]) >= 4
    site = all_hits["results"][0]["site_name"]
    only = client.get("/api/search", params={"q": "strike", "site": site}).json()
    assert only["results"] and {h["site_name"] for h in only["results"]} == {site}
    german = client.get("/api/search", params={"q": "Hochwasser OR Straßenbahn", "lang": "de"}).json()
    assert german["results"] and {h["language"] for h in german["results"]} == {"de"}
    future = client.get("/api/search", params={"q": "strike", "since": "2099-01-01"}).json()
    assert future["total"] == 0 and future["results"] == []
    first = client.get("/api/search", params={"q": "strike", "limit": 2}).json()["results"]
    second = client.get("/api/search", params={"q": "strike", "limit": 2, "offset": 2}).json()["results"]
    assert len(first) == 2 and not {h["id"] for h in first} & {h["id"] for h in second}


@pytest.mark.parametrize("query", ['"unclosed', "(strike", "strike)", "AND", "strike OR", "   ", "*"])
def test_malformed_query_is_a_400_with_a_message(client: TestClient, query: str) -> None:
    r = client.get("/api/search", params={"q": query})
    assert r.status_code == 400
    assert r.json()["error"]


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/search", {"q": "strike", "since": "yesterday"}),
        ("/api/search", {"q": "strike", "limit": "0"}),
        ("/api/search", {"q": "strike", "limit": "many"}),
        ("/api/search", {}),
        ("/api/timeline", {"q": "strike", "period": "fortnight"}),
        ("/api/timeline", {"q": '"open'}),
        ("/api/export", {"q": "(strike"}),
        ("/api/export", {"format": "xml"}),
    ],
)
def test_bad_parameters_are_400s(client: TestClient, url: str, params: dict[str, str]) -> None:
    r = client.get(url, params=params)
    assert r.status_code == 400, r.text
    assert r.json()["error"]


def test_article_and_story(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "strike", "stories": "true"}).json()["results"][0]
    article = client.get(f"/api/article/{hit['id']}").json()
    assert article["id"] == hit["id"] and article["text"] and "removed" in article and "evidence" in article
    story = client.get(f"/api/story/{hit['story_id']}").json()
    assert len(story["copies"]) >= 4 and story["original"] and story["attribution"]
    assert sum(c["original"] for c in story["copies"]) == 1
    assert client.get("/api/article/0000000000000000").status_code == 404
    assert client.get("/api/story/0000000000000000").json()["error"]


def test_timeline_counts_match_the_search(client: TestClient) -> None:
    params = [("q", "strike"), ("q", "flood OR Hochwasser"), ("period", "week")]
    body = client.get("/api/timeline", params=params).json()
    assert [s["query"] for s in body["series"]] == ["strike", "flood OR Hochwasser"]
    total = client.get("/api/search", params={"q": "strike"}).json()["total"]
    assert sum(c["articles"] for c in body["series"][0]["counts"].values()) == total
    everything = client.get("/api/timeline", params={"period": "month"}).json()["series"][0]
    assert everything["query"] == "all articles"
    rows = list(csv.reader(io.StringIO(client.get("/api/timeline.csv", params={"q": "strike"}).text)))
    assert rows[0] == ["query", "period", "articles", "stories"]
    assert sum(int(r[2]) for r in rows[1:]) == total


def test_stats_and_sites(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["articles"] > 30 and stats["by_site"]
    sites = client.get("/api/sites").json()
    assert sum(s["articles"] for s in sites) == stats["articles"]
    assert {"empty", "short", "no_date", "no_title", "not_article"} <= set(sites[0])


def test_exports_stream_every_article(client: TestClient, web_corpus: tuple[Path, str]) -> None:
    with Corpus(web_corpus[0], create=False) as corpus:
        everything = corpus.count()
        strikes = corpus.count("strike")
    r = client.get("/api/export")
    lines = r.text.splitlines()
    assert len(lines) == everything and json.loads(lines[0])["id"]
    r = client.get("/api/export", params={"format": "csv", "q": "strike"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == strikes and rows[0]["title"]


def test_openapi_schema_lists_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/search", "/api/article/{article_id}", "/api/story/{story_id}", "/api/timeline",
                 "/api/stats", "/api/ingest", "/api/export", "/api/jobs/{job_id}"):
        assert path in paths
    assert not any(p.startswith(("/search", "/article")) for p in paths)  # pages stay out of the schema


# -- ingest -------------------------------------------------------------------------------


def _finish(client: TestClient, response_json: dict[str, object]) -> dict[str, object]:
    job = response_json["job"]
    assert isinstance(job, dict)
    client.app.state.presscut.jobs.wait(job["id"])  # type: ignore[attr-defined]
    status: dict[str, object] = client.get(f"/api/jobs/{job['id']}").json()
    return status


def test_ingest_text_as_json(writable: Path) -> None:
    text = ("Ferry crews in Quillmouth voted on Tuesday to accept a new contract, ending a dispute "
            "that had halted crossings for a week. ") * 4
    with TestClient(create_app(writable), base_url=LOCAL) as client:
        r = client.post("/api/ingest", json={"text": text, "title": "Quillmouth ferry crews accept contract"})
        assert r.status_code == 202, r.text
        status = _finish(client, r.json())
        assert status["state"] == "done", status
        hits = client.get("/api/search", params={"q": "Quillmouth"}).json()["results"]
        assert [h["title"] for h in hits] == ["Quillmouth ferry crews accept contract"]


def test_ingest_uploaded_html_files(writable: Path, tmp_path: Path) -> None:
    page = next(iter(sorted((SAMPLES / "html").glob("*.html"))))
    with TestClient(create_app(tmp_path / "fresh.db"), base_url=LOCAL) as client:
        r = client.post("/api/ingest", files=[("files", (page.name, page.read_bytes(), "text/html"))])
        assert r.status_code == 202, r.text
        status = _finish(client, r.json())
        assert status["state"] == "done" and status["done"] == status["total"] == 1
        assert client.get("/api/stats").json()["articles"] == 1


def test_ingest_uploaded_warc_and_urls_validated(tmp_path: Path) -> None:
    from .test_warc import html_records, write_warc

    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, html_records(3))
    with TestClient(create_app(tmp_path / "fresh.db"), base_url=LOCAL) as client:
        r = client.post("/api/ingest", files=[("files", ("../../etc/crawl.warc.gz", archive.read_bytes(), "x"))])
        assert r.status_code == 202, r.text
        status = _finish(client, r.json())
        assert status["state"] == "done", status
        assert client.get("/api/search", params={"q": "breakwater"}).json()["total"] == 3
    assert not (tmp_path.parent / "etc").exists()


def test_ingest_refuses_bad_input(writable: Path) -> None:
    with TestClient(create_app(writable, max_upload_bytes=1000), base_url=LOCAL) as client:
        assert client.post("/api/ingest", json={"urls": ["javascript:alert(1)"]}).status_code == 400
        assert client.post("/api/ingest", json={}).status_code == 400
        assert client.post("/api/ingest", json={"text": "Some text.", "url": "javascript:alert(1)"}).status_code == 400
        assert client.post("/api/ingest", content=b"not json", headers={"content-type": "application/json"}
                           ).status_code == 400
        big = client.post("/api/ingest", files=[("files", ("big.html", b"x" * 5000, "text/html"))])
        assert big.status_code == 413 and "limit" in big.json()["error"]


def test_writes_need_the_token_when_the_server_has_one(writable: Path) -> None:
    body = {"text": "Lantern makers in Oskhaven reopened their workshop after the winter floods. " * 3}
    with TestClient(create_app(writable, token="s3cret"), base_url="http://192.0.2.10") as client:
        assert client.post("/api/ingest", json=body).status_code == 401
        assert client.post("/api/ingest", json=body, headers={"authorization": "Bearer wrong"}).status_code == 401
        assert client.post("/api/ingest", json=body, headers={"authorization": "Bearer s3cret"}).status_code == 202
        form = client.post("/ingest", data={**body, "token": "s3cret"}, follow_redirects=False)
        assert form.status_code == 303 and form.headers["location"].startswith("/jobs/")
        assert client.get("/api/search", params={"q": "strike"}).status_code == 200  # reads stay open


def test_writes_without_a_token_only_on_loopback_and_same_origin(writable: Path) -> None:
    body = {"text": "Glassblowers in Terrow Vale opened their furnaces to visitors for the first time. " * 3}
    with TestClient(create_app(writable), base_url="http://corpus.example") as client:
        assert client.post("/api/ingest", json=body).status_code == 421  # DNS rebinding
        refused = client.get("/api/search", params={"q": "strike"})
        assert refused.status_code == 421 and refused.headers["content-security-policy"]
    for host in ("http://localhost:8000", "http://[::1]:8000", "http://127.0.0.1"):
        with TestClient(create_app(writable), base_url=host) as client:
            assert client.get("/api/stats").status_code == 200, host
    with TestClient(create_app(writable), base_url=LOCAL) as client:
        evil = client.post("/ingest", data=body, headers={"origin": "https://evil.example"})
        assert evil.status_code == 403
        assert client.post("/ingest", data=body, headers={"sec-fetch-site": "cross-site"}).status_code == 403
        assert client.post("/ingest", data=body, headers={"origin": "null"}).status_code == 403
        ok = client.post("/ingest", data=body, headers={"origin": LOCAL, "sec-fetch-site": "same-origin"},
                         follow_redirects=False)
        assert ok.status_code == 303
        # a browser's own form post under Referrer-Policy no-referrer
        ok = client.post("/ingest", data=body, headers={"origin": "null", "sec-fetch-site": "same-origin"},
                         follow_redirects=False)
        assert ok.status_code == 303


def test_read_pages_never_create_a_corpus(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    with TestClient(create_app(missing), base_url=LOCAL) as client:
        r = client.get("/api/search", params={"q": "strike"})
        assert r.status_code == 503 and "no corpus" in r.json()["error"]
        assert client.get("/").status_code == 200  # the home page says how to start
        assert client.get("/sites").status_code == 503
    assert not missing.exists()


def test_search_finds_the_hostile_article_escaped(client: TestClient, web_corpus: tuple[Path, str]) -> None:
    hit = client.get("/api/search", params={"q": XSS_WORD}).json()["results"][0]
    assert hit["id"] == web_corpus[1]
    assert "<img" not in hit["snippet_html"] and "&lt;img" in hit["snippet_html"]
    assert hit["snippet_html"].count("<mark>") == hit["snippet_html"].count("</mark>") >= 1
    assert "\ue000" not in hit["snippet"] and "\ue001" not in hit["snippet_html"]


def test_a_failed_job_reports_and_the_next_one_runs(writable: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from presscut.web import jobs

    real = jobs._pasted

    def broken(request: jobs.IngestRequest) -> object:
        if "explode" in request.text:
            raise RuntimeError("the cleaner broke")
        return real(request)

    monkeypatch.setattr(jobs, "_pasted", broken)
    with TestClient(create_app(writable), base_url=LOCAL) as client:
        failed = _finish(client, client.post("/api/ingest", json={"text": "explode " * 30}).json())
        assert failed["state"] == "failed" and failed["error"] == "the cleaner broke"
        text = "Orchard growers in Fennick Hollow picked the first apples of a late season on Friday. " * 3
        done = _finish(client, client.post("/api/ingest", json={"text": text}).json())
        assert done["state"] == "done"
        assert client.get("/api/jobs/unknown").status_code == 404
