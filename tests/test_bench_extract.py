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


def _snippet_dataset(root: Path) -> Path:
    """A folder in the layout of trafilatura's evaluation set, with gold metadata on two pages."""
    (root / "html").mkdir()
    page = PAGE.replace("<article>", '<article><p class="byline">By Mara Quill</p>').replace(
        "<head>", '<head><meta property="article:published_time" content="2025-03-04T08:00:00Z">'
    )
    data = {}
    for n, author in enumerate((["Mara Quill"], "Tobin Reyes", None)):
        (root / "html" / f"p{n}.html.gz").write_bytes(gzip.compress(page.encode()))
        data[f"https://saltmarsh.example/{n}"] = {
            "file": f"p{n}.html.gz", "with": ["harbour board met on day 3"], "without": ["Copyright Saltmarsh"],
            "title": "Dredging plan approved" if author else "", "author": author,
            "date": "2025-03-04" if author else "",
        }
    (root / "evaldata.json").write_text(json.dumps(data), encoding="utf-8")
    return root


def test_gold_metadata_of_the_snippet_set_scores_presscut_and_metadata_peers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def whole_page(html: bytes, text: str, url: str | None) -> str:
        return harness._html_to_text(text)

    def title_only(html: bytes, text: str, url: str | None) -> harness.Metadata:
        return harness.Metadata(title="Dredging plan approved | Saltmarsh Sentinel")

    monkeypatch.setitem(harness.EXTRACTORS, "wholepage", (None, whole_page))
    monkeypatch.setitem(harness.METADATA, "wholepage", title_only)
    monkeypatch.setitem(harness.METADATA_FIELDS, "wholepage", ("title",))
    result = harness.run_extract_bench(_snippet_dataset(tmp_path), ["wholepage"])
    rows = {r["extractor"]: r for r in result["results"]}
    # Two pages have gold metadata; the third's empty values are not gold.
    assert result["metadata"]["title"] == {"pages": 2, "accuracy": 1.0}
    assert result["metadata"]["author"] == {"pages": 2, "accuracy": 0.5}  # a list of names is a gold too
    assert result["metadata"]["date"] == {"pages": 2, "accuracy": 1.0}
    assert rows["presscut"]["metadata"] == {"title": 1.0, "date": 1.0, "author": 0.5}
    assert rows["wholepage"]["metadata"] == {"title": 0.0}
    table = harness.render(result)
    assert "title (n=2)" in table and "author (n=2)" in table
    assert [line.split()[:3] for line in table.splitlines() if line.startswith("wholepage")][-1] == [
        "wholepage", "0.000", "-"
    ]


def test_a_peer_whose_metadata_call_fails_counts_as_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(html: bytes, text: str, url: str | None) -> harness.Metadata:
        raise ValueError("no metadata here")

    monkeypatch.setitem(harness.EXTRACTORS, "wholepage", (None, lambda html, text, url: text))
    monkeypatch.setitem(harness.METADATA, "wholepage", broken)
    monkeypatch.setitem(harness.METADATA_FIELDS, "wholepage", ("title", "date"))
    rows = {r["extractor"]: r for r in harness.run_extract_bench(_snippet_dataset(tmp_path), ["wholepage"])["results"]}
    assert rows["wholepage"]["metadata"] == {"title": 0.0, "date": 0.0}


def test_a_peers_odd_metadata_types_are_read_as_strings_or_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def odd(html: bytes, text: str, url: str | None) -> harness.Metadata:
        return harness.Metadata(title=None, authors=[["Mara Quill"], None, 7], date=20250304)  # type: ignore[arg-type]

    monkeypatch.setitem(harness.EXTRACTORS, "wholepage", (None, lambda html, text, url: text))
    monkeypatch.setitem(harness.METADATA, "wholepage", odd)
    monkeypatch.setitem(harness.METADATA_FIELDS, "wholepage", ("title", "date", "author"))
    rows = {r["extractor"]: r for r in harness.run_extract_bench(_snippet_dataset(tmp_path), ["wholepage"])["results"]}
    assert rows["wholepage"]["metadata"] == {"title": 0.0, "date": 0.0, "author": 0.5}
