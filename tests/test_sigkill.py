"""An ingest killed with SIGKILL leaves a consistent corpus; a rerun completes it."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from presscut.bench.generate import generate_pages

CHILD = """
import sys
from presscut.config import IngestConfig
from presscut.corpus import Corpus
with Corpus(sys.argv[1], IngestConfig(batch_size=10)) as corpus:
    corpus.ingest([sys.argv[2]])
"""


def ingest(db: Path, pages: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(pages)])


def content(db: Path) -> tuple[set[tuple[object, ...]], int]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        rows = set(con.execute("SELECT id, title, text, revision, data FROM articles").fetchall())
        revisions = con.execute("SELECT count(*) FROM revisions").fetchone()[0]
        fts_rows = con.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts_rows == len(rows)
        return rows, revisions
    finally:
        con.close()


def count(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=0.1)
        try:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_sigkill_midway_then_rerun_equals_uninterrupted(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    generate_pages(pages, 600, seed=3)

    clean_db = tmp_path / "clean.db"
    assert ingest(clean_db, pages).wait(timeout=240) == 0
    expected, _ = content(clean_db)
    assert len(expected) > 500

    killed_db = tmp_path / "killed.db"
    proc = ingest(killed_db, pages)
    deadline = time.monotonic() + 120
    while count(killed_db) < 50 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    partial, _ = content(killed_db)  # consistent right after the kill
    assert 0 < len(partial) < len(expected), "the kill should land midway"
    assert partial <= expected

    assert ingest(killed_db, pages).wait(timeout=240) == 0
    final, revisions = content(killed_db)
    assert final == expected
    assert revisions == 0
