"""End to end through the CLI: ingest the bundled samples, search, show, export, stats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from presscut.article import Article
from presscut.cli.main import main
from presscut.corpus import Corpus

from .conftest import SAMPLES

EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
HTML_PAGES = sorted((SAMPLES / "html").glob("*.html"))
TEXTS = sorted((SAMPLES / "text").glob("*.txt"))
JSONL_LINES = [ln for ln in (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
INPUTS = [SAMPLES / "html", SAMPLES / "text", SAMPLES / "articles.jsonl"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("e2e") / "corpus.db"
    assert main(["ingest", *map(str, INPUTS), "--db", str(db), "--no-progress", "--json"]) == 0
    return db


def test_sample_set_is_as_promised() -> None:
    assert len(HTML_PAGES) >= 30
    assert TEXTS
    wire = [e for e in EXPECTED if e.get("wire_story")]
    assert len({e["file"] for e in wire if e["file"].startswith("html/")}) >= 4


def test_ingest_counts_every_input(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", "--db", str(corpus_db), "--json")
    assert code == 0
    counts = json.loads(out)
    assert counts["articles"] == len(HTML_PAGES) + len(TEXTS) + len(JSONL_LINES)
    assert counts["revisions"] == 0
    assert sum(counts["by_language"].values()) == counts["articles"]
    assert {"en", "de", "es", "it"} <= set(counts["by_language"])


def test_reingest_changes_nothing(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ingest", *map(str, INPUTS), "--db", str(corpus_db), "--json", "--no-progress")
    assert code == 0
    report = json.loads(out)
    assert report["stored"] == {}
    assert report["steps"]["store"]["dropped"] == {
        "duplicate": len(HTML_PAGES) + len(TEXTS) + len(JSONL_LINES)
    }


def test_search_json_has_the_promised_fields(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "Porto Azul", "--db", str(corpus_db), "--json", "--limit", "50")
    assert code == 0
    hits = json.loads(out)
    assert len(hits) >= 4
    for hit in hits:
        assert {"id", "title", "url", "site_name", "published", "snippet"} <= set(hit)
        assert "**" in hit["snippet"]
    wire_titles = {e["title"] for e in EXPECTED if e.get("wire_story") and e["file"].startswith("html/")}
    assert wire_titles <= {h["title"] for h in hits}


def test_search_filters(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", "Porto Azul", "--db", str(corpus_db), "--json", "--lang", "de")
    assert all(h["site_name"] for h in json.loads(out))
    with Corpus(corpus_db) as corpus:
        every = corpus.search("the", limit=500)
        dated = [h for h in every if h.published]
        assert dated
        year = dated[0].published[:4]  # type: ignore[index]
        in_year = corpus.search("the", since=year, until=year, limit=500)
        assert in_year and all(h.published and h.published.startswith(year) for h in in_year)


def test_malformed_query_is_one_line_error(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", '"unbalanced', "--db", str(corpus_db))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("presscut: error:") and "Traceback" not in err
    code, _, err = run(capsys, "search", "x", "--db", str(corpus_db), "--since", "2024-13-40")
    assert code == 2 and "not a date" in err


def test_show_prints_metadata_text_and_removed(corpus_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "search", "Porto Azul", "--db", str(corpus_db), "--json")
    first = json.loads(out)[0]
    code, out, _ = run(capsys, "show", first["id"], "--db", str(corpus_db))
    assert code == 0
    assert first["title"] in out and "removed (" in out
    code, out, _ = run(capsys, "show", first["id"], "--db", str(corpus_db), "--json")
    assert Article.from_dict(json.loads(out)).id == first["id"]
    code, _, err = run(capsys, "show", "0000000000000000", "--db", str(corpus_db))
    assert code == 2 and "no article" in err


def test_exports_agree_with_stats(corpus_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    total = len(HTML_PAGES) + len(TEXTS) + len(JSONL_LINES)
    code, out, _ = run(capsys, "export", "--db", str(corpus_db), "--format", "jsonl")
    assert code == 0
    articles = [Article.from_dict(json.loads(line)) for line in out.splitlines()]
    assert len(articles) == total and all(a.text for a in articles)
    out_csv = tmp_path / "a.csv"
    assert main(["export", "--db", str(corpus_db), "--format", "csv", "--out", str(out_csv), "--query", "Azul"]) == 0
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    assert 4 <= len(rows) < total
    pq = pytest.importorskip("pyarrow.parquet")
    out_pq = tmp_path / "a.parquet"
    assert main(["export", "--db", str(corpus_db), "--format", "parquet", "--out", str(out_pq)]) == 0
    assert pq.read_table(out_pq).num_rows == total
    code, _, err = run(capsys, "export", "--db", str(corpus_db), "--format", "parquet")
    assert code == 2 and "--out" in err


def test_two_workers_store_the_same_articles(tmp_path: Path, corpus_db: Path) -> None:
    db = tmp_path / "two.db"
    with Corpus(db) as corpus:
        report = corpus.ingest(INPUTS, workers=2)
        assert report.stats.forwarded("store") == len(HTML_PAGES) + len(TEXTS) + len(JSONL_LINES)
        two = {a.id: a.text for a in corpus.iter_articles()}
    with Corpus(corpus_db) as corpus:
        one = {a.id: a.text for a in corpus.iter_articles()}
    assert two == one


def test_extract_command(capsys: pytest.CaptureFixture[str]) -> None:
    page = SAMPLES / "html" / "harbour-gazette-porto-azul-strike.html"
    code, out, _ = run(capsys, "extract", str(page))
    assert code == 0
    article = json.loads(out)
    entry = next(e for e in EXPECTED if e["file"] == "html/" + page.name)
    assert article["title"] == entry["title"]
    code, out, _ = run(capsys, "extract", str(page), "--text")
    assert entry["first_sentence"] in out
    code, _, err = run(capsys, "extract", "/nonexistent/page.html")
    assert code == 2 and "cannot read" in err


def test_ingest_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "x.db")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("The ferry to Saltmere resumed its winter timetable on Monday.\n")
    (tmp_path / "in" / "bad.pdf").write_bytes(b"%PDF-1.4")
    assert run(capsys, "ingest", str(tmp_path / "in"), "--db", db)[0] == 0
    assert run(capsys, "ingest", str(tmp_path / "in"), "--db", db, "--strict")[0] == 1
    code, _, err = run(capsys, "ingest", str(tmp_path / "missing"), "--db", db)
    assert code == 1 and "nothing could be read" in err


def test_demo_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo", "--db", str(tmp_path / "demo.db"))
    assert code == 0
    assert "result" in out and "removed" in out
    assert f"presscut serve --db {tmp_path / 'demo.db'}" in out


@pytest.mark.parametrize("argv", [["search", "harbour"], ["show", "0000000000000000"], ["stats"], ["export"],
                                  ["story", "0000000000000000"]])
def test_read_commands_on_a_missing_corpus_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  argv: list[str]) -> None:
    db = tmp_path / "typo.db"
    code, out, err = run(capsys, *argv, "--db", str(db))
    assert code == 2 and out == ""
    assert err.startswith("presscut: error: no corpus at") and err.count("\n") == 1
    assert not db.exists()
