"""``presscut bench web`` end to end on a tiny corpus, and the two-step search against plain SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from presscut.bench.web import pick_mix
from presscut.bench.webcorpus import build_corpus
from presscut.cli.main import main
from presscut.corpus import Corpus
from presscut.store import sqlite as sqlite_store
from presscut.store.query import to_fts
from presscut.store.sqlite import HIGHLIGHT, Filters


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench-web") / "web.db"
    info = build_corpus(path, 400)
    assert info["articles"] == 400 and not info["reused"]
    assert build_corpus(path, 400)["reused"]
    return path


def test_bench_web_runs_end_to_end(corpus_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("fastapi")
    assert main(["bench", "web", "--articles", "400", "--db", str(corpus_path), "--requests", "1"]) == 0
    out = capsys.readouterr().out
    assert "400 articles" in out and "did not answer 200" not in out
    for row in ("search page: common", "search page: filtered", "article page", "story page",
                "timeline page: 3 queries", "api timeline: 1 query", "api search"):
        assert row in out


def _reference(
    db: sqlite3.Connection, fts: str, f: Filters, *, limit: int, offset: int, stories: bool
) -> list[Any]:
    """The search as one plain SQL statement (the store's way before it ranked in two steps)."""
    where, params = f.sql()
    inner = (
        "SELECT a.rowid AS rid, a.id, snippet(articles_fts, 1, ?, ?, '…', 24) AS snip, "
        "bm25(articles_fts, 4.0, 1.0) AS score, a.story_id, coalesce(a.story_id, a.id) AS story "
        f"FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? AND {where}"
    )
    if stories:
        sql = (
            "SELECT id, snip, score, story_id, copies FROM (SELECT *, row_number() OVER (PARTITION BY story "
            f"ORDER BY score, rid) AS rank, count(*) OVER (PARTITION BY story) AS copies FROM ({inner})) "
            "WHERE rank = 1 ORDER BY score, rid LIMIT ? OFFSET ?"
        )
    else:
        sql = f"SELECT id, snip, score, story_id, 1 FROM ({inner}) ORDER BY score, rid LIMIT ? OFFSET ?"
    return db.execute(sql, (*HIGHLIGHT, fts, *params, limit, offset)).fetchall()


@pytest.mark.parametrize("read", ["default", "in small steps"])
def test_search_count_and_timeline_agree_with_plain_sql(
    corpus_path: Path, read: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if read != "default":  # group by story through the join, reading one more match at a time
        monkeypatch.setattr(sqlite_store, "_IN_LIST", 0)
        monkeypatch.setattr(sqlite_store, "_READ_AHEAD", 1)
        monkeypatch.setattr(sqlite_store, "_FIRST_READ", 1)
    mix = pick_mix(corpus_path)
    filters = [Filters(), Filters(since=f"{mix.year}-01-01", until=f"{int(mix.year) + 1}-01-01"),
               Filters(site=mix.sites[0]), Filters(language="de")]
    with Corpus(corpus_path, create=False) as corpus:
        store, db = corpus.store, corpus.store.db
        for q in mix.words.values():
            fts = to_fts(q)
            for f in filters:
                where, params = f.sql()
                for stories in (False, True):
                    for offset in (0, 5, 40):
                        got = [(h.id, h.snippet, -h.score, h.story_id, h.copies)
                               for h in store.search(q, f, limit=7, offset=offset, stories=stories)]
                        expected_hits = _reference(db, fts, f, limit=7, offset=offset, stories=stories)
                        assert got == expected_hits, (q, f, stories, offset)
                    what = "count(DISTINCT coalesce(a.story_id, a.id))" if stories else "count(*)"
                    expected = db.execute(
                        f"SELECT {what} FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                        f"WHERE articles_fts MATCH ? AND {where}", (fts, *params)).fetchone()[0]
                    assert store.count(q, f, stories=stories) == expected
                days = db.execute(
                    "SELECT substr(a.published, 1, 10) AS k, count(*), count(DISTINCT coalesce(a.story_id, a.id)) "
                    "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                    f"WHERE articles_fts MATCH ? AND {where} GROUP BY k ORDER BY k", (fts, *params)).fetchall()
                assert store.story_counts("day", f, query=q) == {k: {"articles": n, "stories": s} for k, n, s in days}
        assert any(h.copies > 1 for h in store.search(mix.words["common"], stories=True, limit=20))
