"""Feeds, sitemaps, OPML and home pages, polled from a server on 127.0.0.1; state survives a restart."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from presscut import Corpus
from presscut.cli.main import main
from presscut.config import FetchConfig
from presscut.sources.feeds import ListingError, parse_listing, read_sources

TEXT = (
    "Volunteers planted four thousand oak saplings along the Mill Reach on Saturday, the trust said. "
    "The new wood will shade the river and cool the water for trout during the long summer droughts. "
    "Schools from three villages took part, and each child will return in ten years to measure a tree."
)
CONFIG = FetchConfig(host_delay=0.0, connect_timeout=2.0, read_timeout=2.0, retries=1, backoff=0.01,
                     respect_robots=False, allowed_networks=("127.0.0.1/32",))


def undated_page(title: str) -> str:
    paras = "".join(f"<p>{title}: {TEXT} ({i})</p>" for i in range(4))
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paras}</article></body></html>"




def serve_pages(server: HTTPServer, names: list[str]) -> None:
    for name in names:
        server.expect_request(f"/news/{name}").respond_with_data(undated_page(f"Story {name}"),
                                                                content_type="text/html")


def rss(server: HTTPServer, names: list[str]) -> str:
    items = "".join(
        f"<item><title>Story {n}</title><link>{server.url_for('/news/' + n)}</link>"
        f"<pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate></item>" for n in names
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>{items}</channel></rss>'


def page_requests(server: HTTPServer) -> list[str]:
    return [req.path for req, _ in server.log if req.path.startswith("/news/")]


def test_rss_poll_once_then_only_new_items_after_a_restart(tmp_path: Path, server: HTTPServer) -> None:
    serve_pages(server, ["a", "b", "c"])
    feed = server.expect_request("/feed.xml")
    feed.respond_with_data(rss(server, ["a", "b"]), content_type="application/rss+xml")
    with Corpus(tmp_path / "c.db") as corpus:
        report = corpus.poll([server.url_for("/feed.xml")], fetch=CONFIG)
        assert report.stored["new"] == 2
        [article] = [a for a in corpus.iter_articles() if a.title == "Story a"]
    assert article.date_source == "feed" and article.evidence["published"] == "feed"
    assert article.published == datetime(2024, 5, 2, 10, 0, tzinfo=timezone.utc)

    server.clear()
    serve_pages(server, ["a", "b", "c"])
    server.expect_request("/feed.xml").respond_with_data(rss(server, ["c", "b", "a"]), content_type="text/xml")
    with Corpus(tmp_path / "c.db") as corpus:  # a new process: state comes from the corpus
        report = corpus.poll([server.url_for("/feed.xml")], fetch=CONFIG)
        assert report.stored["new"] == 1 and corpus.count() == 3
    assert page_requests(server) == ["/news/c"]


def test_feed_304_means_nothing_new(tmp_path: Path, server: HTTPServer) -> None:
    serve_pages(server, ["a"])
    server.expect_request("/feed.xml", headers={"If-None-Match": '"f1"'}).respond_with_data("", status=304)
    server.expect_request("/feed.xml").respond_with_data(rss(server, ["a"]), content_type="application/rss+xml",
                                                         headers={"ETag": '"f1"'})
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.poll([server.url_for("/feed.xml")], fetch=CONFIG)
        report = corpus.poll([server.url_for("/feed.xml")], fetch=CONFIG)
    assert report.stats.dropped("poll") == {"not-modified": 1}
    assert page_requests(server) == ["/news/a"]


def test_atom_json_feed_and_news_sitemap_index(tmp_path: Path, server: HTTPServer) -> None:
    serve_pages(server, ["atom", "json", "news", "plain"])
    server.expect_request("/atom").respond_with_data(
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>Story atom</title>'
        f'<link rel="alternate" href="{server.url_for("/news/atom")}"/><updated>2024-05-03T08:00:00Z</updated>'
        f"</entry></feed>", content_type="application/atom+xml")
    server.expect_request("/feed.json").respond_with_data(json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "J",
        "items": [{"id": "1", "url": "/news/json", "title": "Story json", "date_published": "2024-05-04T09:00:00Z"}],
    }), content_type="application/feed+json")
    server.expect_request("/sitemap_index.xml").respond_with_data(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{server.url_for('/news-sitemap.xml')}</loc></sitemap>"
        f"<sitemap><loc>{server.url_for('/pages.xml')}</loc></sitemap></sitemapindex>", content_type="application/xml")
    server.expect_request("/news-sitemap.xml").respond_with_data(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"<url><loc>{server.url_for('/news/news')}</loc><news:news><news:publication>"
        "<news:name>Gazette</news:name><news:language>en</news:language></news:publication>"
        "<news:publication_date>2024-05-05T07:00:00+00:00</news:publication_date>"
        "<news:title>Story news</news:title></news:news></url></urlset>", content_type="application/xml")
    server.expect_request("/pages.xml").respond_with_data(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{server.url_for('/news/plain')}</loc><lastmod>2024-01-01</lastmod></url></urlset>",
        content_type="application/xml")
    sources = [server.url_for(p) for p in ("/atom", "/feed.json", "/sitemap_index.xml")]
    with Corpus(tmp_path / "c.db") as corpus:
        report = corpus.poll(sources, fetch=CONFIG)
        dates = {a.title: (a.published, a.date_source) for a in corpus.iter_articles()}
    assert report.stored["new"] == 4, report.render()
    assert dates["Story atom"] == (datetime(2024, 5, 3, 8, 0, tzinfo=timezone.utc), "feed")
    assert dates["Story json"][0] == datetime(2024, 5, 4, 9, 0, tzinfo=timezone.utc)
    assert dates["Story news"][0] == datetime(2024, 5, 5, 7, 0, tzinfo=timezone.utc)
    assert dates["Story plain"] == (None, None)  # lastmod is not a publication date


def test_site_home_page_feed_discovery_is_remembered(tmp_path: Path, server: HTTPServer) -> None:
    serve_pages(server, ["d"])
    server.expect_request("/").respond_with_data(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>Home</body></html>',
        content_type="text/html")
    server.expect_request("/rss").respond_with_data(rss(server, ["d"]), content_type="application/rss+xml")
    with Corpus(tmp_path / "c.db") as corpus:
        assert corpus.poll([server.url_for("/")], fetch=CONFIG).stored["new"] == 1
        corpus.poll([server.url_for("/")], fetch=CONFIG)
    assert [req.path for req, _ in server.log].count("/") == 1  # the second poll went straight to the feed


def test_site_without_feed_falls_back_to_robots_sitemaps(tmp_path: Path, server: HTTPServer) -> None:
    serve_pages(server, ["s1"])
    server.expect_request("/robots.txt").respond_with_data(
        f"User-agent: *\nAllow: /\nSitemap: {server.url_for('/sm.xml')}\n", content_type="text/plain")
    server.expect_request("/").respond_with_data("<html><body>Home, no feeds</body></html>", content_type="text/html")
    server.expect_request("/sm.xml").respond_with_data(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{server.url_for('/news/s1')}</loc></url></urlset>", content_type="application/xml")
    with Corpus(tmp_path / "c.db") as corpus:
        assert corpus.poll([server.url_for("/")], fetch=CONFIG).stored["new"] == 1


def test_bad_sources_are_counted(tmp_path: Path, server: HTTPServer) -> None:
    server.expect_request("/broken.xml").respond_with_data("<rss><channel><item><title>cut", content_type="text/xml")
    server.expect_request("/nofeed").respond_with_data("<html><body>no feeds</body></html>", content_type="text/html")
    server.expect_request("/json").respond_with_data('{"not": "a feed"}', content_type="application/json")
    sources = [server.url_for(p) for p in ("/broken.xml", "/nofeed", "/json")] + ["not a url", "ftp://x.example/f"]
    with Corpus(tmp_path / "c.db") as corpus:
        report = corpus.poll(sources, fetch=CONFIG)
    assert report.stats.dropped("poll") == {"bad-listing": 2, "no-feed": 1, "refused": 2}


def test_opml_sources_file_and_watch_command(tmp_path: Path, server: HTTPServer,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    serve_pages(server, ["e"])
    server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    server.expect_request("/rss").respond_with_data(rss(server, ["e"]), content_type="application/rss+xml")
    opml = tmp_path / "subs.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
                    f'<outline type="rss" text="G" xmlUrl="{server.url_for("/rss")}"/></outline></body></opml>')
    assert read_sources(opml) == [server.url_for("/rss")]
    db = str(tmp_path / "c.db")
    args = ["watch", str(opml), "--db", db, "--once", "--allow-private", "--delay", "0"]
    assert main(args) == 0
    assert "stored: new=1" in capsys.readouterr().out
    assert main(args) == 0  # nothing new the second time
    assert page_requests(server) == ["/news/e"]


def test_parse_listing_refuses_garbage() -> None:
    for body in (b"", b"\x1f\x8bnot gzip", b"<foo/>", b"[1, 2]", b"<<<>>>"):
        with pytest.raises(ListingError):
            parse_listing(body, "https://x.example/feed")
    bomb = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
            b'<urlset><url><loc>https://x.example/&b;</loc></url></urlset>')
    listing = parse_listing(bomb, "https://x.example/s")  # entities are not expanded
    assert all(len(i.url) < 100 for i in listing.items)


def test_two_workers_and_durations(tmp_path: Path, server: HTTPServer) -> None:
    from presscut.cli.args import duration

    serve_pages(server, ["w1", "w2", "w3"])
    server.expect_request("/feed.xml").respond_with_data(rss(server, ["w1", "w2", "w3"]),
                                                         content_type="application/rss+xml")
    with Corpus(tmp_path / "c.db") as corpus:
        report = corpus.poll([server.url_for("/feed.xml")], fetch=CONFIG, workers=2)
        assert report.stored["new"] == 3 and corpus.count() == 3
    assert [duration(v) for v in ("90", "30s", "15m", "2h")] == [90, 30, 900, 7200]
    with pytest.raises(Exception, match="not a duration"):
        duration("soon")
