"""``presscut bench clean``: how well ``clean_text`` turns naive whole-page text into the article.

For each page of the WCXB development set (``../shared/bench/wcxb-dev``), the
HTML becomes naive text (:mod:`presscut.bench.naive_text`: all visible text,
nothing removed), :func:`presscut.clean_text` cleans it, and both are scored
against the gold ``main_content`` with the data set's word-level F1: the bag
of lower-cased ``\\w+`` tokens, precision, recall and F1 averaged per page.
Rows per page type, plus pages/s of ``clean_text`` alone.
"""

from __future__ import annotations

import gzip
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presscut.bench.extract import word_prf
from presscut.errors import InputError

#: Where the development benchmarks live, relative to the project root.
DEFAULT_ROOT = Path("../shared/bench")
WCXB = "wcxb-dev"

@dataclass(slots=True)
class _Totals:
    pages: int = 0
    naive: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])
    clean: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0])

    def add(self, naive: tuple[float, float, float], clean: tuple[float, float, float]) -> None:
        self.pages += 1
        for k in range(3):
            self.naive[k] += naive[k]
            self.clean[k] += clean[k]

    def row(self, page_type: str) -> dict[str, Any]:
        n = max(self.pages, 1)
        names = ("precision", "recall", "f1")
        return {
            "page_type": page_type,
            "pages": self.pages,
            "naive": {name: self.naive[k] / n for k, name in enumerate(names)},
            "clean": {name: self.clean[k] / n for k, name in enumerate(names)},
        }


def run_clean_bench(
    root: Path = DEFAULT_ROOT, limit: int | None = None, page_type: str | None = None, worst: int = 0
) -> dict[str, Any]:
    """Score naive text and ``clean_text`` output on WCXB dev pages; raise InputError when absent."""
    from presscut.bench.naive_text import naive_text
    from presscut.clean import clean_text

    data = Path(root) / WCXB
    if not (data / "metadata.json").is_file():
        raise InputError(f"benchmark data not found at {data} (it lives in ../shared/bench; nothing to measure)")
    files: dict[str, dict[str, Any]] = json.loads((data / "metadata.json").read_text(encoding="utf-8"))["files"]
    ids = sorted(i for i, meta in files.items() if page_type is None or meta.get("page_type") == page_type)
    if limit is not None:
        ids = ids[:limit]
    totals: dict[str, _Totals] = defaultdict(_Totals)
    seconds = 0.0
    per_page: list[tuple[float, str, str]] = []
    for file_id in ids:
        html_path = data / "html" / f"{file_id}.html.gz"
        gold_path = data / "ground-truth" / f"{file_id}.json"
        if not html_path.is_file() or not gold_path.is_file():
            continue
        truth = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = truth["ground_truth"].get("main_content")
        if not isinstance(gold, str):
            continue  # a page without a gold main text cannot be scored
        naive = naive_text(gzip.decompress(html_path.read_bytes()))
        start = time.perf_counter()
        article = clean_text(naive, url=truth.get("url"))
        seconds += time.perf_counter() - start
        clean = article.text
        naive_scores, clean_scores = word_prf(naive, gold), word_prf(clean, gold)
        kind = str(files[file_id].get("page_type", "unknown"))
        totals[kind].add(naive_scores, clean_scores)
        totals["all"].add(naive_scores, clean_scores)
        per_page.append((clean_scores[2], file_id, kind))
    rows = [totals[k].row(k) for k in sorted(totals, key=lambda k: (k == "all", k))]
    pages = totals["all"].pages
    per_page.sort()
    return {
        "data": str(data),
        "pages": pages,
        "seconds": seconds,
        "pages_per_second": pages / seconds if seconds else 0.0,
        "rows": rows,
        "worst": [{"id": i, "page_type": t, "f1": f} for f, i, t in per_page[:worst]],
    }


def render_clean_bench(result: dict[str, Any]) -> str:
    lines = [
        f"presscut bench clean: {result['pages']} pages of {result['data']}, naive whole-page text vs clean_text",
        "",
        f"{'page type':<14} {'pages':>5}  {'naive P':>7} {'naive R':>7} {'naive F1':>8}  "
        f"{'clean P':>7} {'clean R':>7} {'clean F1':>8}",
    ]
    for row in result["rows"]:
        n, c = row["naive"], row["clean"]
        lines.append(
            f"{row['page_type']:<14} {row['pages']:>5}  {n['precision']:>7.3f} {n['recall']:>7.3f} {n['f1']:>8.3f}  "
            f"{c['precision']:>7.3f} {c['recall']:>7.3f} {c['f1']:>8.3f}"
        )
    lines.append("")
    lines.append(f"clean_text: {result['pages_per_second']:.1f} pages/s ({result['seconds']:.1f} s, one process)")
    for w in result["worst"]:
        lines.append(f"  worst {w['id']} ({w['page_type']}): F1 {w['f1']:.3f}")
    return "\n".join(lines)
