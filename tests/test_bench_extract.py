"""The extraction harness on a tiny synthetic WCXB-layout folder (no benchmark data needed)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from presscut.bench import extract as harness

BODY = " ".join(f"The harbour board met on day {i} to discuss the dredging plan." for i in range(12))
PAGE = f"""<html><head><title>Dredging plan approved | Saltmarsh Sentinel</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Dredging plan approved</h1><p>{BODY}</p></article>
<footer>Copyright Saltmarsh Sentinel</footer></body></html>"""


def _dataset(root: Path, pages: int) -> Path:
    (root / "html").mkdir()
    (root / "ground-truth").mkdir()
    files = {}
    for n in range(pages):
        pid = f"{n:04d}"
        files[pid] = {"page_type": "article"}
        (root / "html" / f"{pid}.html.gz").write_bytes(gzip.compress(PAGE.encode()))
        truth = {"url": f"https://saltmarsh.example/{pid}", "ground_truth": {"main_content": BODY,
                                                                           "title": "Dredging plan approved"}}
        (root / "ground-truth" / f"{pid}.json").write_text(json.dumps(truth), encoding="utf-8")
    (root / "metadata.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    return root


def test_peers_run_interleaved_page_by_page_and_are_scored_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def whole_page(html: bytes, text: str, url: str | None) -> str:
        calls.append(url or "")
        return harness._html_to_text(text)

    monkeypatch.setitem(harness.EXTRACTORS, "wholepage", (None, whole_page))
    result = harness.run_extract_bench(_dataset(tmp_path, 4), ["wholepage"])
    rows = {r["extractor"]: r for r in result["results"]}
    assert set(rows) == {"presscut", "wholepage"} and len(calls) == 4
    assert rows["presscut"]["pages"] == rows["wholepage"]["pages"] == 4
    assert rows["presscut"]["all_f1"] > 0.95 > rows["wholepage"]["all_precision"]
    assert rows["wholepage"]["pages_per_second"] > 0 and result["presscut_peak_rss_mb"] > 0
    assert result["metadata"]["title"]["accuracy"] == 1.0
    assert result["metadata"]["articles_only"] == {"kept": 4, "precision": 1.0, "recall": 1.0}
    rendered = harness.render(result)
    assert "x trafi" in rendered and "--articles-only keeps 4 pages: 1.000 of them articles" in rendered


def test_an_unknown_peer_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(harness.PresscutError, match="unknown extractor 'nosuch'"):
        harness.run_extract_bench(_dataset(tmp_path, 1), ["nosuch"])


def test_a_title_that_differs_only_in_its_quotes_counts_in_the_folded_match(tmp_path: Path) -> None:
    root = _dataset(tmp_path, 2)
    curly = PAGE.replace("Dredging plan approved", "Board’s dredging plan approved")
    (root / "html" / "0001.html.gz").write_bytes(gzip.compress(curly.encode()))
    truth = json.loads((root / "ground-truth" / "0001.json").read_text(encoding="utf-8"))
    truth["ground_truth"]["title"] = "Board's dredging plan approved"
    (root / "ground-truth" / "0001.json").write_text(json.dumps(truth), encoding="utf-8")
    meta = harness.run_extract_bench(root, [])["metadata"]
    assert meta["title"]["accuracy"] == 0.5  # the page's own quote is kept
    assert meta["title_quotes_folded"]["accuracy"] == 1.0
