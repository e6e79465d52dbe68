"""The story commands: ``story ID``, ``stories rebuild``, ``search --stories``, ``stats --by``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from presscut.bench.syndicate import generated_bases, syndicate
from presscut.cli.main import main
from presscut.corpus import Corpus


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int]:
    """A corpus of a few syndicated stories; returns its path, the biggest story's id and its size."""
    db = tmp_path_factory.mktemp("stories") / "c.db"
    items = syndicate(generated_bases(10, seed=9), seed=9)
    with Corpus(db) as corpus:
        corpus.add([it.article for it in items])
        stories: dict[str, int] = {}
        for a in corpus.iter_articles():
            stories[a.story_id or ""] = stories.get(a.story_id or "", 0) + 1
    story, size = max(stories.items(), key=lambda kv: (kv[1], kv[0]))
    assert size > 1
    return db, story, size


def test_story_command_lists_copies(corpus_db: tuple[Path, str, int], capsys: pytest.CaptureFixture[str]) -> None:
    db, story, size = corpus_db
    assert main(["story", story, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"story {story}: {size} copies" in out
    assert out.count("\n  O") == 1  # exactly one original
    assert main(["story", story, "--db", str(db), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == story and len(data["copies"]) == size
    assert all(0.0 <= c["similarity"] <= 1.0 for c in data["copies"])
    assert main(["story", "0000000000000000", "--db", str(db)]) == 2


def test_search_stories_flag_collapses(corpus_db: tuple[Path, str, int], capsys: pytest.CaptureFixture[str]) -> None:
    db, story, _ = corpus_db
    with Corpus(db) as corpus:
        copy = next(a for a in corpus.iter_articles() if a.story_id == story)
    word = max(copy.text.split(), key=len).strip(".,“”;")
    assert main(["search", word, "--db", str(db), "--json", "--limit", "50"]) == 0
    flat = json.loads(capsys.readouterr().out)
    assert main(["search", word, "--db", str(db), "--json", "--limit", "50", "--stories"]) == 0
    grouped = json.loads(capsys.readouterr().out)
    assert len(grouped) < len(flat)
    assert len({h["story_id"] for h in grouped}) == len(grouped)
    assert sum(h["copies"] for h in grouped) == len(flat)


def test_stats_by_week_and_rebuild(corpus_db: tuple[Path, str, int], capsys: pytest.CaptureFixture[str]) -> None:
    db, _, _ = corpus_db
    assert main(["stats", "--db", str(db), "--json", "--by", "week"]) == 0
    counts = json.loads(capsys.readouterr().out)
    weeks = counts["stories_by_week"]
    assert sum(v["articles"] for v in weeks.values()) == counts["articles"]
    assert counts["stories"] < counts["articles"]
    assert main(["stats", "--db", str(db)]) == 0
    assert "articles and stories by month" in capsys.readouterr().out
    assert main(["stories", "rebuild", "--db", str(db), "--no-progress"]) == 0
    assert f"to {counts['stories']} stories" in capsys.readouterr().out
