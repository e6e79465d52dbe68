"""Live pages: a server on 127.0.0.1 plays every part (redirects, 429s, slow and endless bodies...)."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import brotli
import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from presscut import Corpus
from presscut.cli.main import main
from presscut.config import FetchConfig
from presscut.sources.http import Fetcher, FetchError, retry_after_seconds
from presscut.sources.safety import AddressPolicy, Refused
from presscut.urls import normalize_url, strip_variants

TEXT = (
    "The ferry between Portvale and the islands will run twice a day from June, the operator said on Monday. "
    "Islanders had asked for a second crossing for years, saying the single boat left them stranded overnight. "
    "The council will pay for the extra fuel during the first summer and review the timetable in October."
)
#: Short waits everywhere; only 127.0.0.1 is allowed besides public addresses.
CONFIG = FetchConfig(
    host_delay=0.0, connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0, retries=2, backoff=0.01,
    respect_robots=False, allowed_networks=("127.0.0.1/32",),
)


def article_html(title: str, canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paras = "".join(f"<p>{title}: {TEXT} ({i})</p>" for i in range(4))
    head = f"<head><title>{title}</title>{link}</head>"
    return f"<html>{head}<body><article><h1>{title}</h1>{paras}</article></body></html>"




def fetch(tmp_path: Path, urls: list[str], config: FetchConfig = CONFIG) -> tuple[dict[str, int], list[object]]:
    with Corpus(tmp_path / "c.db") as corpus:
        report = corpus.fetch(urls, fetch=config)
        return dict(report.stats.dropped()), list(corpus.iter_articles())


# -- safety -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://example.org/file", "scheme 'ftp'"),
        ("file:///etc/passwd", "scheme 'file'"),
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost:8080/", "loopback"),  # checked after DNS resolution
        ("http://[::1]/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.10/", "private"),
        ("http://169.254.169.254/latest/meta-data", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://[::ffff:10.0.0.1]/", "private"),
        ("http:///nohost", "no host"),
    ],
)
def test_refused_urls(url: str, why: str) -> None:
    with pytest.raises(Refused, match=why) as info:
        AddressPolicy().check_url(url)
    assert "\n" not in str(info.value)


def test_allow_private_and_allowed_networks() -> None:
    assert AddressPolicy(allow_private=True).why_refused("10.0.0.1") is None
    policy = AddressPolicy(allowed_networks=("127.0.0.1/32",))
    assert policy.why_refused("127.0.0.1") is None
    assert policy.why_refused("127.0.0.2") is not None
    assert AddressPolicy().why_refused("93.184.216.34") is None


def test_loopback_server_refused_without_allow_private(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_data(article_html("A"), content_type="text/html")
    dropped, articles = fetch(tmp_path, [server.url_for("/a"), "gopher://x.example/"],
                              FetchConfig(host_delay=0, respect_robots=False))
    assert dropped == {"refused": 2} and articles == []
    assert not server.log  # nothing was sent


def test_redirect_to_refused_address_is_not_followed(tmp_path: Path, server: HTTPServer) -> None:
    for path, target in (("/meta", "http://169.254.169.254/latest/"), ("/lan", "http://10.0.0.7/admin"),
                         ("/self", f"http://127.0.0.2:{server.port}/x"), ("/ftp", "ftp://127.0.0.1/x")):
        server.expect_request(path).respond_with_data("", status=302, headers={"Location": target})
    urls = [server.url_for(p) for p in ("/meta", "/lan", "/self", "/ftp")]
    dropped, articles = fetch(tmp_path, urls)
    assert dropped == {"refused": 4} and articles == []


def test_connection_layer_checks_addresses_too(server: HTTPServer) -> None:
    # even past check_url (e.g. DNS changing between check and connect), the socket layer refuses
    with Fetcher(FetchConfig(respect_robots=False)) as fetcher, pytest.raises(Refused, match="loopback"):
        fetcher._once(server.url_for("/x"), None)


# -- fetching -----------------------------------------------------------------------------------


def test_redirect_chain_and_urls(tmp_path: Path, server: HTTPServer) -> None:
    canonical = "https://ferrynews.example/2024/ferry-twice-a-day"
    server.expect_request("/start").respond_with_data("", status=301, headers={"Location": "/middle?utm_source=x"})
    server.expect_request("/middle").respond_with_data("", status=302, headers={"Location": server.url_for("/end")})
    server.expect_request("/end").respond_with_data(article_html("Ferry twice a day", canonical),
                                                    content_type="text/html; charset=utf-8")
    dropped, [article] = fetch(tmp_path, [server.url_for("/start")])
    assert dropped == {}
    assert article.url == server.url_for("/end")  # type: ignore[attr-defined]
    assert article.canonical_url == canonical  # type: ignore[attr-defined]
    assert article.urls == [  # type: ignore[attr-defined]
        server.url_for("/start"), server.url_for("/middle?utm_source=x"), server.url_for("/end"), canonical,
    ]
    assert article.origin.kind == "url" and article.origin.fetched_at is not None  # type: ignore[attr-defined]


def test_too_many_redirects(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    dropped, _ = fetch(tmp_path, [server.url_for("/loop")])
    assert dropped == {"too-many-redirects": 1}


def test_robots_txt_is_obeyed(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: presscut\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n", content_type="text/plain")
    server.expect_request("/public").respond_with_data(article_html("Open"), content_type="text/html")
    server.expect_request("/private/x").respond_with_data(article_html("Closed"), content_type="text/html")
    config = FetchConfig(**{**_fields(CONFIG), "respect_robots": True, "user_agent": "presscut/0.1"})
    dropped, articles = fetch(tmp_path, [server.url_for("/public"), server.url_for("/private/x")], config)
    assert dropped == {"robots": 1} and len(articles) == 1
    assert not any(req.path == "/private/x" for req, _ in server.log)


def test_429_with_retry_after_is_honoured(tmp_path: Path, server: HTTPServer) -> None:
    calls: list[float] = []

    def handler(request: Request) -> Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "1"})
        return Response(article_html("After the wait"), content_type="text/html")

    server.expect_request("/busy").respond_with_handler(handler)
    dropped, articles = fetch(tmp_path, [server.url_for("/busy")])
    assert dropped == {} and len(articles) == 1
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.9


def test_5xx_is_retried_then_given_up(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/down").respond_with_data("oops", status=503)
    dropped, _ = fetch(tmp_path, [server.url_for("/down")])
    assert dropped == {"http-error": 1}
    assert sum(1 for req, _ in server.log if req.path == "/down") == CONFIG.retries + 1
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after_seconds("soon") is None


def test_conditional_refetch_gets_304(tmp_path: Path, server: HTTPServer) -> None:
    seen: list[str | None] = []

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("If-None-Match"))
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response(article_html("Versioned"), content_type="text/html", headers={
            "ETag": '"v1"', "Last-Modified": "Thu, 02 May 2024 10:00:00 GMT"})

    server.expect_request("/page").respond_with_handler(handler)
    assert fetch(tmp_path, [server.url_for("/page")])[0] == {}
    dropped, articles = fetch(tmp_path, [server.url_for("/page")])
    assert dropped == {"not-modified": 1} and len(articles) == 1
    assert seen == [None, '"v1"']


def test_slow_server_times_out(tmp_path: Path, server: HTTPServer) -> None:
    def handler(request: Request) -> Response:
        time.sleep(3.0)
        return Response(article_html("Late"), content_type="text/html")

    server.expect_request("/slow").respond_with_handler(handler)
    config = FetchConfig(**{**_fields(CONFIG), "read_timeout": 0.3})
    started = time.monotonic()
    dropped, _ = fetch(tmp_path, [server.url_for("/slow")], config)
    # well before the answer: the margin is for setting up the fetch on a busy machine
    assert dropped == {"timeout": 1} and time.monotonic() - started < 2.5


def test_endless_body_is_cut_at_the_limit(tmp_path: Path, server: HTTPServer) -> None:
    def endless() -> Iterator[bytes]:
        for _ in range(100_000):  # 1.6 GB if nobody stops reading
            yield b"<p>" + b"x" * 16_000 + b"</p>"

    server.expect_request("/endless").respond_with_handler(
        lambda request: Response(endless(), content_type="text/html"))
    server.expect_request("/big").respond_with_data("x" * 300_000, content_type="text/html")
    config = FetchConfig(**{**_fields(CONFIG), "max_bytes": 200_000})
    dropped, _ = fetch(tmp_path, [server.url_for("/endless"), server.url_for("/big")], config)
    assert dropped == {"too-large": 2}


def test_gzip_brotli_and_http_charset(tmp_path: Path, server: HTTPServer) -> None:
    latin = article_html("Café du port").replace("</h1>", "</h1><p>Le café du port ferme à midi.</p>")
    server.expect_request("/br").respond_with_data(
        brotli.compress(article_html("Brotli page").encode()), content_type="text/html",
        headers={"Content-Encoding": "br"})
    server.expect_request("/gz").respond_with_data(
        gzip.compress(latin.encode("latin-1")), content_type="text/html; charset=iso-8859-1",
        headers={"Content-Encoding": "gzip"})
    server.expect_request("/img").respond_with_data(b"\x89PNG....", content_type="image/png")
    dropped, articles = fetch(tmp_path, [server.url_for("/br"), server.url_for("/gz"), server.url_for("/img")])
    assert dropped == {"not-html": 1}
    texts = {a.title: a.text for a in articles}  # type: ignore[attr-defined]
    assert TEXT[:40] in texts["Brotli page"]
    assert "Le café du port ferme à midi." in texts["Café du port"]


def test_per_host_delay_and_concurrency_across_hosts(server: HTTPServer) -> None:
    lock = threading.Lock()
    times: list[float] = []

    def handler(request: Request) -> Response:
        with lock:
            times.append(time.monotonic())
        return Response("ok", content_type="text/plain")

    server.expect_request("/t").respond_with_handler(handler)
    config = FetchConfig(**{**_fields(CONFIG), "host_delay": 0.3})
    with Fetcher(config) as fetcher:
        results = list(fetcher.fetch_many([server.url_for("/t"), server.url_for("/t?2"), server.url_for("/t?3")]))
    assert len(results) == 3 and all(not isinstance(r, FetchError) for _, r in results)
    assert times[1] - times[0] >= 0.28 and times[2] - times[1] >= 0.28


def test_hosts_are_fetched_concurrently(server: HTTPServer) -> None:
    server.expect_request("/c").respond_with_data("ok", content_type="text/plain")
    config = FetchConfig(**{**_fields(CONFIG), "host_delay": 0.5, "allowed_networks": ("127.0.0.1/32", "::1/128")})
    other = server.url_for("/c").replace("127.0.0.1", "localhost")  # another host name, the same server
    started = time.monotonic()
    with Fetcher(config) as fetcher:
        results = list(fetcher.fetch_many([server.url_for("/c"), server.url_for("/c?2"), other, other + "?2"]))
    assert all(not isinstance(r, Exception) for _, r in results), results
    assert time.monotonic() - started < 0.9  # one host after the other would take 1 s


def test_fetch_command(tmp_path: Path, server: HTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request("/a").respond_with_data(article_html("Command line"), content_type="text/html")
    listed = tmp_path / "urls.txt"
    listed.write_text(f"# one per line\n{server.url_for('/a')}\n")
    db = str(tmp_path / "c.db")
    assert main(["fetch", "--db", db, "--from-file", str(listed), "--allow-private", "--delay", "0"]) == 0
    assert "stored: new=1" in capsys.readouterr().out
    assert main(["fetch", "--db", db, "http://127.0.0.1:1/x"]) == 1  # refused, nothing fetched
    out = capsys.readouterr()
    assert "refused" in out.out and "loopback" in out.out


# -- URL identity ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "regular"),
    [
        ("https://m.harbour.example/2024/story", "https://harbour.example/2024/story"),
        ("https://harbour.example/amp/2024/story", "https://harbour.example/2024/story"),
        ("https://harbour.example/2024/story/amp/", "https://harbour.example/2024/story/"),
        ("https://harbour.example/2024/story.amp.html", "https://harbour.example/2024/story.html"),
        ("https://harbour.example/2024/story?amp=1&id=4", "https://harbour.example/2024/story?id=4"),
        ("https://harbour.example/story?outputType=amp", "https://harbour.example/story"),
        ("https://harbour-example.cdn.ampproject.org/c/s/harbour.example/story", "https://harbour.example/story"),
        ("https://mobile.harbour.example/story", "https://harbour.example/story"),
    ],
)
def test_amp_and_mobile_variants(variant: str, regular: str) -> None:
    assert strip_variants(variant) == regular
    assert normalize_url(variant) == normalize_url(regular)


def test_non_variants_are_left_alone() -> None:
    for url in ("https://m.tv/show", "https://harbour.example/amplifier", "https://harbour.example/?amplitude=3",
                "not a url", "mailto:x@y.example"):
        assert strip_variants(url) == url


def test_amp_page_without_canonical_gets_the_regular_url(tmp_path: Path, server: HTTPServer) -> None:
    from presscut import extract
    from presscut.article import Origin, RawDocument
    from presscut.pipeline.steps import ExtractStep

    url = "https://m.harbour.example/amp/2024/story"
    doc = RawDocument("html", article_html("AMP story").encode(), Origin("url", url=url), url=url)
    article = ExtractStep().process(doc)
    assert article.canonical_url == "https://harbour.example/2024/story"  # type: ignore[union-attr]
    assert article.urls == [url, "https://harbour.example/2024/story"]  # type: ignore[union-attr]
    assert article.id == extract(article_html("AMP story"), url="https://harbour.example/2024/story").id  # type: ignore[union-attr]


def _fields(config: FetchConfig) -> dict[str, object]:
    return {name: getattr(config, name) for name in config.__dataclass_fields__}


def test_bad_content_encoding_and_bad_redirect(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/badgz").respond_with_data(b"not gzip at all", content_type="text/html",
                                                      headers={"Content-Encoding": "gzip"})
    dropped, _ = fetch(tmp_path, [server.url_for("/badgz")])
    assert dropped == {"decode-error": 1}
    # a Location no server library will send: answered in-process, nothing leaves the machine
    transport = httpx.MockTransport(lambda request: httpx.Response(302, headers={"Location": "http://[::1"}))
    with Fetcher(CONFIG, transport=transport) as fetcher, pytest.raises(FetchError, match="location") as info:
        fetcher.fetch("http://93.184.216.34/badloc")
    assert info.value.reason == "network"  # httpx itself rejects the header
