"""Golden pages: synthetic pages of fictional outlets and the article expected from each.

Regenerate after a deliberate change with ``python -m presscut.extraction.golden``
(from the repository root) and read the diff.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from presscut.extraction.golden import golden_pages, golden_record, page_name

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "extract" / "golden"
PAGES = golden_pages(GOLDEN)


def test_there_are_golden_pages() -> None:
    assert len(PAGES) >= 3


@pytest.mark.parametrize("page", PAGES, ids=page_name)
def test_golden_page(page: Path) -> None:
    expected_path = page.with_name(page_name(page) + ".json")
    assert expected_path.exists(), (
        f"{expected_path.name} is missing: run `python -m presscut.extraction.golden` and review the new file"
    )
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert golden_record(gzip.decompress(page.read_bytes()), page_name(page)) == expected


def test_every_golden_json_has_its_page() -> None:
    pages = {page_name(p) for p in PAGES}
    orphans = [p.name for p in GOLDEN.glob("*.json") if p.stem not in pages]
    assert not orphans, f"golden JSON without a page: {orphans}"
