"""Site furniture learned from a corpus and removed at ingest (``site-furniture``)."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest

from presscut import Corpus, clean_text
from presscut.article import Article, Origin, Removed
from presscut.clean.furniture import (
    SITE_FURNITURE,
    article_site,
    document_lines,
    learn_furniture,
    line_key,
    site_key,
)
from presscut.cli.main import main
from presscut.config import ExtractConfig, IngestConfig
from presscut.store import SQLiteStore
from presscut.store.furniture import load_furniture, save_furniture

NO_LANG = ExtractConfig(detect_language=False)
BANNER = "Portvale Courier morning edition"
PITCH = "Tap here to get our alerts on your phone"
STORIES = [
    ("Harbour dredging starts", "Dredgers began clearing the silted channel at the harbour mouth on Monday morning."),
    ("School roof repaired", "Builders finished repairing the storm-damaged roof of the Saltmere primary school."),
    ("Ferry fares frozen", "The ferry operator said it would keep fares at this year's level until next spring."),
    ("Market hall reopens", "The old market hall reopened after a renovation that took almost three years."),
    ("Rowing club wins", "The Portvale rowing club won the regional eights final by a length on Saturday."),
    ("Library extends hours", "The town library will stay open until nine in the evening from the first of May."),
    ("Bridge inspection", "Engineers closed the north bridge for a day to inspect cracks found in its pillars."),
    ("Lighthouse diaries", "Diaries of the last lighthouse keeper were donated to the town museum this week."),
]


def _page(title: str, body: str, n: int) -> str:
    return "\n".join([BANNER, title, f"Published on day {n}", body, PITCH, f"© 20{10 + n} Portvale Courier"])


def test_line_key_ignores_case_bullets_trailing_punctuation_and_numbers() -> None:
    assert line_key("• Follow us on Mastodon:") == line_key("follow us  on mastodon")
    assert line_key("© 2024 Portvale Courier") == line_key("© 2025 Portvale Courier")


def test_site_key_is_the_host_or_the_folder() -> None:
    assert site_key("https://www.courier.example/a", "/x/y.txt") == "courier.example"
    assert site_key(None, "/data/courier/a.txt") == "dir:/data/courier"
    assert site_key(None, None) is None


def test_learning_needs_enough_documents_and_a_share_of_the_site() -> None:
    docs = [("a.example", [BANNER, title]) for title, _ in STORIES[:6]]
    docs += [("b.example", [BANNER, title]) for title, _ in STORIES[:3]]
    learned = learn_furniture(docs, min_docs=5, min_share=0.5)
    assert learned == {"a.example": frozenset({line_key(BANNER)})}  # b has too few documents
    assert learn_furniture(docs, min_docs=2, min_share=0.9)["b.example"] == frozenset({line_key(BANNER)})


def test_document_lines_are_kept_paragraphs_and_removed_whole_lines() -> None:
    article = Article(text="First paragraph.\n\nSecond paragraph.")
    article.removed = [
        Removed("Share:", "social", "line 1"),
        Removed("Kyivwhere", "glued-words", "line 3"),
        Removed("caf\u00c3\u00a9", "mojibake", "line 4"),
    ]
    assert list(document_lines(article)) == ["First paragraph.", "Second paragraph.", "Share:"]


def test_clean_text_removes_learned_lines_of_its_site_only() -> None:
    config = ExtractConfig(detect_language=False, furniture={"courier.example": frozenset({line_key(PITCH)})})
    text = "\n".join(["The dredgers began work on Monday at the harbour mouth.", PITCH])
    article = clean_text(text, url="https://courier.example/a", config=config)
    assert article.text == "The dredgers began work on Monday at the harbour mouth."
    assert [(r.text, r.reason) for r in article.removed] == [(PITCH, SITE_FURNITURE)]
    other = clean_text(text, url="https://other.example/a", config=config)
    assert PITCH in other.text


def test_the_config_with_furniture_reaches_worker_processes() -> None:
    config = ExtractConfig(furniture={"courier.example": frozenset({"a"})})
    assert pickle.loads(pickle.dumps(config)) == config


def test_store_round_trip(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "c.db")
    try:
        assert load_furniture(store) == {}
        learned = {"a.example": frozenset({"share", "menu"}), "dir:/x": frozenset({"tap here"})}
        assert save_furniture(store, learned, {"a.example": 7}) == 3
        assert load_furniture(store) == learned
        save_furniture(store, {"b.example": frozenset({"x"})}, {})
        assert load_furniture(store) == {"b.example": frozenset({"x"})}  # relearning replaces
    finally:
        store.close()
    tables = {r[0] for r in sqlite3.connect(tmp_path / "c.db").execute("SELECT name FROM sqlite_master")}
    assert "furniture" in tables


def _site_folder(root: Path) -> Path:
    folder = root / "courier"
    folder.mkdir()
    for n, (title, body) in enumerate(STORIES):
        (folder / f"story-{n}.txt").write_text(_page(title, body, n), encoding="utf-8")
    return folder


def test_learn_from_raw_text_pages_of_one_site_then_remove_at_ingest(tmp_path: Path) -> None:
    folder = _site_folder(tmp_path)
    db = tmp_path / "corpus.db"
    with Corpus(db, IngestConfig(extract=NO_LANG)) as corpus:
        corpus.ingest([folder])
        assert any(PITCH in a.text for a in corpus.iter_articles())  # no rule knows this line
        learned = corpus.learn_furniture(min_docs=5, min_share=0.5)
        # banner, pitch, and the date and copyright lines (their numbers do not count)
        assert learned == {f"dir:{folder}": 4}
    new = folder / "story-new.txt"
    new.write_text(_page("Pier lights", "New lights were fitted along the pier before the winter storms.", 9),
                   encoding="utf-8")
    for workers in (1, 2):
        with Corpus(tmp_path / f"fresh-{workers}.db", IngestConfig(extract=NO_LANG, workers=workers)) as fresh:
            with Corpus(db) as source:
                save_furniture(fresh.store, load_furniture(source.store), {})
            fresh.ingest([new])
            (article,) = list(fresh.iter_articles())
        assert PITCH not in article.text and BANNER not in article.text
        assert {r.text for r in article.removed if r.reason == SITE_FURNITURE} >= {PITCH, BANNER}
        assert "New lights were fitted along the pier before the winter storms." in article.text


def test_learn_furniture_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _site_folder(tmp_path)
    db = str(tmp_path / "corpus.db")
    assert main(["ingest", "--db", db, "--no-progress", str(folder)]) == 0
    assert main(["learn-furniture", "--db", db, "--min-docs", "5", "--min-share", "0.5"]) == 0
    out = capsys.readouterr().out
    assert f"dir:{folder}" in out and "learned 4 furniture lines of 1 sites" in out
    with Corpus(db) as corpus:
        assert load_furniture(corpus.store)[f"dir:{folder}"] == frozenset(
            {line_key(BANNER), line_key(PITCH), line_key("© 2010 Portvale Courier"), "published on day 0"}
        )


def test_origin_path_decides_the_site_of_a_text_without_url() -> None:
    article = Article(text="x", origin=Origin("file", path="/data/courier/a.txt"))
    assert article_site(article) == "dir:/data/courier"


def test_reingesting_text_files_after_learning_revises_them_instead_of_adding_copies(tmp_path: Path) -> None:
    """Files without a URL are identified by where they were read, so cleaner text is a revision."""
    folder = _site_folder(tmp_path)
    with Corpus(tmp_path / "corpus.db", IngestConfig(extract=NO_LANG)) as corpus:
        corpus.ingest([folder])
        before = corpus.count()
        corpus.learn_furniture(min_docs=5, min_share=0.5)
        report = corpus.ingest([folder])
        assert corpus.count() == before == len(STORIES)
        assert report.stored["revision"] == len(STORIES)
        assert not any(PITCH in a.text for a in corpus.iter_articles())
