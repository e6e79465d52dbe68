"""``presscut bench clean``: naive page text, word-level scores, and a clean skip without data."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from presscut.bench.clean import render_clean_bench, run_clean_bench
from presscut.bench.extract import word_prf as word_scores
from presscut.bench.naive_text import naive_text
from presscut.cli.main import main

PAGE = """<html><head><title>T</title><style>p {color: red}</style></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<script>var x = "not text";</script>
<article><h1>Ferry link opens</h1><p>The new ferry link <b>opened</b> on Monday after a two-year delay.<br>It takes
forty minutes.</p><p>Mayor Anton Ivanov cut the ribbon at the pier and praised the crews for their work.</p></article>
<footer>© 2024 Portvale Courier</footer></body></html>"""


def test_naive_text_keeps_all_visible_text_one_block_per_line() -> None:
    assert naive_text(PAGE).split("\n") == [
        "Home",
        "News",
        "Ferry link opens",
        "The new ferry link opened on Monday after a two-year delay.",
        "It takes forty minutes.",
        "Mayor Anton Ivanov cut the ribbon at the pier and praised the crews for their work.",
        "© 2024 Portvale Courier",
    ]


def test_word_scores_are_over_a_bag_of_lowercased_tokens() -> None:
    assert word_scores("A a b", "a b c") == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert word_scores("", "") == (1.0, 1.0, 1.0)
    assert word_scores("x", "y") == (0.0, 0.0, 0.0)


def _wcxb(root: Path) -> None:
    data = root / "wcxb-dev"
    (data / "html").mkdir(parents=True)
    (data / "ground-truth").mkdir()
    (data / "metadata.json").write_text(json.dumps({"files": {"0001": {"page_type": "article"}}}))
    (data / "html" / "0001.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    gold = {
        "url": "https://courier.example/ferry",
        "ground_truth": {
            "main_content": "The new ferry link opened on Monday after a two-year delay. It takes forty minutes.\n\n"
            "Mayor Anton Ivanov cut the ribbon at the pier and praised the crews for their work."
        },
    }
    (data / "ground-truth" / "0001.json").write_text(json.dumps(gold))


def test_bench_scores_naive_and_clean_text(tmp_path: Path) -> None:
    _wcxb(tmp_path)
    result = run_clean_bench(tmp_path)
    assert result["pages"] == 1
    article, total = result["rows"]
    assert article["page_type"] == "article" and total["page_type"] == "all"
    assert article["naive"]["recall"] == 1.0 and article["naive"]["precision"] < 1.0
    assert article["clean"]["f1"] >= article["naive"]["f1"]
    assert "naive F1" in render_clean_bench(result)


def test_bench_clean_skips_without_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench", "clean", "--data", str(tmp_path / "missing")]) == 0
    assert "skipped, no benchmark data" in capsys.readouterr().err
