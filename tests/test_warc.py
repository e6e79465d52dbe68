"""Web archives: records in, articles out, each traceable to its record; damage is counted, not fatal."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from presscut import Corpus
from presscut.cli.main import main
from presscut.pipeline import Stats
from presscut.pipeline.readers import FileReader
from presscut.sources.warc import read_warc

PARAGRAPHS = (
    "The harbour council in Saltmere voted on Tuesday to rebuild the old breakwater before winter storms. "
    "Engineers said the stones had shifted by almost a metre since the spring tides of last year. "
    "Fishermen welcomed the decision but asked for the work to avoid the busy herring season."
)


def page(title: str, extra: str = "") -> str:
    body = "".join(f"<p>{PARAGRAPHS} {extra} ({i})</p>" for i in range(4))
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def write_warc(path: Path, records: list[tuple[str, str, bytes]], *, gz: bool = True, status: dict[str, str] | None
               = None) -> None:
    """``records``: (url, content type, payload) written as response records (plus one request record)."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, ctype, payload in records:
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            req.raw_stream.close()  # warcio spools payloads to temporary files
            headers = StatusAndHeaders((status or {}).get(url, "200 OK"), [("Content-Type", ctype)],
                                       protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-05-02T10:00:00Z"},
            )
            writer.write_record(rec)
            rec.raw_stream.close()


def html_records(n: int) -> list[tuple[str, str, bytes]]:
    return [(f"https://harbourgazette.example/story-{i}", "text/html; charset=utf-8",
             page(f"Breakwater story {i}", f"story {i}").encode()) for i in range(n)]


def run(paths: list[Path]) -> tuple[list[object], Stats]:
    stats = Stats()
    items = list(FileReader(paths).run((), stats))
    return items, stats


def test_html_records_become_articles_traceable_to_their_record(tmp_path: Path) -> None:
    records = html_records(3)
    records.insert(1, ("https://harbourgazette.example/logo.png", "image/png", b"\x89PNG" + b"\x00" * 50))
    records.append(("https://harbourgazette.example/report.pdf", "application/pdf", b"%PDF-1.4 ..."))
    records.append(("https://harbourgazette.example/gone", "text/html", b"<html>gone</html>"))
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, records, status={"https://harbourgazette.example/gone": "404 Not Found"})

    with Corpus(tmp_path / "c.db") as corpus:
        report = corpus.ingest([archive])
        articles = list(corpus.iter_articles())
    assert report.stats.dropped("read") == {"not-html": 2, "http-status": 1}
    assert len(articles) == 3
    for article in articles:
        origin = article.origin
        assert origin is not None and origin.kind == "archive" and origin.path == str(archive)
        assert origin.fetched_at == datetime(2024, 5, 2, 10, 0, tzinfo=timezone.utc)
        assert article.url == origin.url and article.url in article.urls
        assert origin.offset is not None
        # the offset finds the record again, with an independent reader
        with archive.open("rb") as fh:
            fh.seek(origin.offset)
            url = next(iter(ArchiveIterator(fh))).rec_headers.get_header("WARC-Target-URI")
        assert url == article.url


def test_charset_comes_from_the_http_header(tmp_path: Path) -> None:
    text = page("Café owners protest", "Le café de la gare reste ouvert.")
    archive = tmp_path / "latin.warc"
    write_warc(archive, [("https://lakeshore.example/cafe", "text/html; charset=iso-8859-1", text.encode("latin-1"))],
               gz=False)
    [doc], _ = run([archive])
    assert doc.charset == "iso-8859-1"  # type: ignore[attr-defined]
    with Corpus(tmp_path / "c.db") as corpus:
        corpus.ingest([archive])
        [article] = list(corpus.iter_articles())
    assert "Le café de la gare" in article.text


def test_truncated_archive_keeps_what_came_before_and_goes_on(tmp_path: Path) -> None:
    for gz in (True, False):
        whole = tmp_path / f"whole-{gz}.warc{'.gz' if gz else ''}"
        write_warc(whole, html_records(6), gz=gz)
        data = whole.read_bytes()
        cut = tmp_path / f"cut-{gz}.warc{'.gz' if gz else ''}"
        cut.write_bytes(data[: int(len(data) * 0.6)])
        nxt = tmp_path / f"next-{gz}.warc{'.gz' if gz else ''}"
        write_warc(nxt, html_records(1), gz=gz)
        items, stats = run([cut, nxt])
        damaged = stats.dropped("read")
        assert damaged == {"damaged-archive": 1}, damaged
        [detail] = stats.steps["read"].examples["damaged-archive"]
        assert str(cut) in detail and "offset" in detail
        from_cut = [i for i in items if i.origin.path == str(cut)]  # type: ignore[attr-defined]
        assert 2 <= len(from_cut) < 6
        assert sum(1 for i in items if i.origin.path == str(nxt)) == 1  # type: ignore[attr-defined]


def test_bad_archives_are_counted_skips(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"this is not gzip at all" * 10)
    notwarc = tmp_path / "notes.warc"
    notwarc.write_text("hello, this is not an archive\n")
    items, stats = run([empty, junk, notwarc])
    assert items == []
    assert stats.dropped("read") == {"empty": 1, "damaged-archive": 2}


def test_archive_list_and_folder(tmp_path: Path) -> None:
    (tmp_path / "crawl").mkdir()
    write_warc(tmp_path / "crawl" / "a.warc.gz", html_records(2))
    write_warc(tmp_path / "crawl" / "b.warc", html_records(3)[2:], gz=False)
    listing = tmp_path / "warc.paths.txt"
    listing.write_text("# crawl\ncrawl/a.warc.gz\ncrawl/b.warc\ncrawl/missing.warc.gz\nhttps://x.example/c.warc.gz\n")
    items, stats = run([listing])
    assert len(items) == 3
    assert stats.dropped("read") == {"unreadable": 1, "unsupported-type": 1}
    items, stats = run([tmp_path / "crawl"])
    assert len(items) == 3 and not stats.dropped("read")


def test_ingest_command_reads_archives(tmp_path: Path, capsys: object) -> None:
    archive = tmp_path / "x.warc.gz"
    write_warc(archive, html_records(2))
    assert main(["ingest", "--db", str(tmp_path / "c.db"), "--no-progress", str(archive)]) == 0
    with Corpus(tmp_path / "c.db") as corpus:
        assert corpus.count() == 2


def test_reader_is_lazy_and_does_not_raise_on_missing_file(tmp_path: Path) -> None:
    [drop] = list(read_warc(tmp_path / "nope.warc"))
    assert drop.reason == "unreadable"  # type: ignore[union-attr]


def test_bench_archive_is_readable(tmp_path: Path) -> None:
    from presscut.bench.warc import render
    from presscut.bench.warc import write_warc as write_bench_warc

    archive = tmp_path / "bench.warc.gz"
    write_bench_warc(archive, 3)
    docs = list(read_warc(archive))
    assert len(docs) == 3 and all(d.origin.kind == "archive" for d in docs)  # type: ignore[union-attr]
    run = {"workers": 1, "seconds": 1.0, "records_per_second": 3.0, "records_per_second_per_core": 3.0,
           "records_per_cpu_second": 3.0, "stored": 3, "peak_rss_mb": 80.0,
           "rss_samples": [{"records": 1000, "rss_mb": 80.0}]}
    assert "1k:80" in render({"records": 3, "archive_megabytes": 0.1, "cpus": 2, "runs": [run]})
