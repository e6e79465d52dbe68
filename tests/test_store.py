from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from presscut.article import Article
from presscut.errors import QueryError, StoreError
from presscut.export import write_csv, write_jsonl, write_parquet
from presscut.store import Filters, SQLiteStore
from presscut.store.sqlite import SCHEMA_VERSION

from .conftest import make_article


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "c.db")
    yield s
    s.close()


def three() -> list[Article]:
    return [
        make_article(),
        make_article(
            url="https://valemontcourier.example/flood", canonical_url=None, site_name="Valemont Courier",
            title="Flood barrier holds", text="The new flood barrier on the Vale held overnight.",
            published=datetime(2023, 11, 5, tzinfo=timezone.utc), language="en",
        ),
        make_article(
            url="https://rundschau.example/hafen", canonical_url=None, site_name="Rheinfeld Rundschau",
            title="Hafenstreik beendet", text="Die Hafenarbeiter in Rheinfeld kehrten zurück; der Streik ist vorbei.",
            published=datetime(2024, 5, 3, tzinfo=timezone.utc), language="de",
        ),
    ]


def test_wal_mode_and_schema_version(store: SQLiteStore) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError, match="newer than this presscut"):
        SQLiteStore(db)


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open corpus"):
        SQLiteStore(bad)


def test_upsert_new_unchanged_revision_updated(store: SQLiteStore) -> None:
    a = make_article()
    assert store.upsert([a]) == ["new"]
    assert store.upsert([make_article()]) == ["unchanged"]
    changed = make_article(text=a.text + "\n\nA correction was added.")
    assert changed.id == a.id
    assert store.upsert([changed]) == ["revision"]
    assert store.get(a.id).text == changed.text  # type: ignore[union-attr]
    assert store.revision_of(a.id) == 2
    revs = store.revisions(a.id)
    assert [r for r, _, _ in revs] == [1] and revs[0][2].text == a.text
    retitled = make_article(text=changed.text, title="Port strike over")
    assert store.upsert([retitled]) == ["updated"]
    assert store.revision_of(a.id) == 2
    # search sees only the latest version
    assert [h.id for h in store.search("correction")] == [a.id]
    assert store.count() == 1


def test_get_round_trips_every_field(store: SQLiteStore) -> None:
    a = make_article(published=datetime(2024, 5, 2, 11, 30, tzinfo=timezone(timedelta(hours=2))))
    store.upsert([a])
    assert store.get(a.id) == a
    assert store.get("nope") is None


def test_search_ranks_highlights_and_filters(store: SQLiteStore) -> None:
    store.upsert(three())
    hits = store.search("flood barrier")
    assert [h.title for h in hits] == ["Flood barrier holds"]
    assert "**flood**" in hits[0].highlighted().lower() and hits[0].score > 0
    assert store.search("hafenarbeiter")[0].site_name == "Rheinfeld Rundschau"
    assert len(store.search("streik OR strike")) == 2
    assert [h.language for h in store.search("streik OR strike", Filters(language="de"))] == ["de"]
    since = Filters(since="2024-01-01T00:00:00+00:00")
    assert {h.title for h in store.search("barrier OR strike OR streik", since)} == {
        "Port strike ends after nine days", "Hafenstreik beendet"}
    assert store.search("strike", Filters(site="Valemont Courier")) == []
    assert store.count("strike OR streik") == 2


def test_malformed_query_is_query_error(store: SQLiteStore) -> None:
    store.upsert(three())
    with pytest.raises(QueryError):
        store.search('"open')
    with pytest.raises(QueryError):
        store.search("()")


def test_counts(store: SQLiteStore) -> None:
    store.upsert(three())
    c = store.counts()
    assert c["articles"] == 3
    assert c["by_language"] == {"en": 2, "de": 1}
    assert c["by_month"] == {"2023-11": 1, "2024-05": 2}
    assert c["by_site"]["Valemont Courier"] == 1


def test_exports_stream_every_field(store: SQLiteStore, tmp_path: Path) -> None:
    arts = three()
    store.upsert(arts)
    buf = io.StringIO()
    assert write_jsonl(store.iter_articles(), buf) == 3
    back = [Article.from_dict(json.loads(line)) for line in buf.getvalue().splitlines()]
    assert back == arts
    buf = io.StringIO()
    assert write_csv(store.iter_articles(query="strike"), buf) == 1
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["title"] == "Port strike ends after nine days"
    assert json.loads(rows[0]["authors"]) == ["Mara Quillon"]
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "a.parquet"
    assert write_parquet(store.iter_articles(), out) == 3
    table = pq.read_table(out)
    assert table.num_rows == 3
    assert table.column("authors").to_pylist()[0] == ["Mara Quillon"]
    assert set(table.column_names) == set(arts[0].to_dict())


def test_migrations_are_numbered_consecutively() -> None:
    from importlib import resources

    names = sorted(p.name for p in (resources.files("presscut.store") / "migrations").iterdir()
                   if p.name.endswith(".sql"))
    assert [int(n.split("_")[0]) for n in names] == list(range(1, len(names) + 1))
    assert len(names) == SCHEMA_VERSION


def test_misnumbered_migrations_are_refused(tmp_path: Path) -> None:
    from presscut.store.sqlite import load_migrations

    for name in ("0001_a.sql", "0002_b.sql", "0004_d.sql"):
        (tmp_path / name).write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(RuntimeError, match=r"0004_d\.sql should be number 3"):
        load_migrations(tmp_path)
    (tmp_path / "0004_d.sql").rename(tmp_path / "0003_c.sql")
    assert len(load_migrations(tmp_path)) == 3


def test_site_health_counts_short_bodies_from_the_stored_length_also_after_migration(tmp_path: Path) -> None:
    from presscut.store import sqlite as store_module

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    for migration in store_module._MIGRATIONS[:7]:  # a corpus made before text lengths were stored
        for statement in store_module._split_sql(migration):
            con.execute(statement)
    con.execute("PRAGMA user_version = 7")
    con.execute("INSERT INTO articles (id, site_name, title, page_type, text, text_hash, data, revision, stored_at) "
                "VALUES ('a1', 'Quay Post', 'Short one', 'article', 'Too short.', 'h1', '{}', 1, '2025-01-01')")
    con.commit()
    con.close()
    store = SQLiteStore(db)
    try:
        long_text = " ".join(["The ferry timetable changes on Monday."] * 20)
        store.upsert([make_article(url="https://quay.example/b", canonical_url=None, site_name="Quay Post",
                                   text=long_text),
                      make_article(url="https://quay.example/c", canonical_url=None, site_name="Quay Post",
                                   text="Brief note.", title=None)])
        lengths = dict(store.db.execute("SELECT text, chars FROM articles").fetchall())
        assert lengths == {"Too short.": 10, long_text: len(long_text), "Brief note.": 11}
        (site,) = store.site_health(short=200)
        assert (site["site"], site["articles"], site["short"], site["empty"], site["no_title"]) == (
            "Quay Post", 3, 2, 0, 1)
    finally:
        store.close()


def test_the_write_ahead_log_is_truncated_after_checkpoints(tmp_path: Path) -> None:
    from presscut.store.sqlite import WAL_LIMIT_BYTES

    store = SQLiteStore(tmp_path / "c.db")
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA journal_size_limit").fetchone()[0] == WAL_LIMIT_BYTES
    finally:
        store.close()


def test_a_host_named_article_takes_the_name_its_site_declares_before_or_after(store: SQLiteStore) -> None:
    """Text with only a URL is named by its host; once a page of that host declares a name, the
    store gives it to the host's articles, earlier and later ones alike, so counts show one site."""
    early = make_article(url="https://www.quaypost.example/a", canonical_url=None, site_name="quaypost.example",
                         text="First note from the quay.", evidence={})
    declared = make_article(url="https://quaypost.example/b", canonical_url=None, site_name="The Quay Post",
                            text="The ferry timetable changes on Monday.")
    late = make_article(url="https://quaypost.example/c", canonical_url=None, site_name=None,
                        text="Second note from the quay.", evidence={})
    other = make_article(url="https://harbour.example/d", canonical_url=None, site_name="harbour.example",
                         text="A note from another harbour.")
    assert store.upsert([early]) == ["new"]
    assert store.upsert([declared, late, other]) == ["new", "new", "new"]
    assert store.counts()["by_site"] == {"The Quay Post": 3, "harbour.example": 1}
    got = store.get(early.id)
    assert got is not None and got.site_name == "The Quay Post" and got.evidence["site_name"] == "site"
    assert late.site_name == "The Quay Post" and late.evidence["site_name"] == "site"
    # Read again as it first came, the early note is unchanged: it is named the same way on the way in.
    again = make_article(url="https://www.quaypost.example/a", canonical_url=None, site_name="quaypost.example",
                         text="First note from the quay.", evidence={})
    assert store.upsert([again]) == ["unchanged"]


def test_a_corpus_from_before_site_names_is_named_when_it_migrates(tmp_path: Path) -> None:
    from presscut.store import sqlite as store_module

    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    for migration in store_module._MIGRATIONS[:11]:
        for statement in store_module._split_sql(migration):
            con.execute(statement)
    con.execute("PRAGMA user_version = 11")
    rows = [("a1", "https://www.quaypost.example:8443/a", "quaypost.example"),
            ("a2", "https://quaypost.example/b", "The Quay Post"),
            ("a3", "https://harbour.example/c", "harbour.example"),
            ("a4", None, None)]
    for rid, url, site in rows:
        con.execute("INSERT INTO articles (id, url, site_name, title, page_type, text, text_hash, data, revision, "
                    "stored_at) VALUES (?, ?, ?, 't', 'article', 'x', ?, '{}', 1, '2025-01-01')", (rid, url, site, rid))
    con.commit()
    con.close()
    store = SQLiteStore(db)
    try:
        assert store.counts()["by_site"] == {"The Quay Post": 2, "harbour.example": 1, "unknown": 1}
        got = store.get("a1")
        assert got is not None and got.evidence == {"site_name": "site"}
    finally:
        store.close()
