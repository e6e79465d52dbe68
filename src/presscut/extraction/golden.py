"""Golden files for the extractor: ``python -m presscut.extraction.golden [FOLDER]``.

Each golden page is ``<name>.html.gz`` (a synthetic page of a fictional
outlet) next to ``<name>.json``, the fields :func:`golden_record` takes from
:func:`~presscut.extraction.extract`'s article.  ``tests/test_extract_golden.py``
compares the two and fails when a page has no JSON; this command rewrites
every JSON from its page, to be run (and the diff read) after a deliberate
change in extraction.  The default folder is ``tests/fixtures/extract/golden``
under the current directory.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from presscut.extraction.core import extract

#: Where the golden pages live, relative to the repository root.
GOLDEN_DIR = Path("tests") / "fixtures" / "extract" / "golden"
#: The page's URL, as a golden page records it (pages are named after their outlet).
GOLDEN_URL = "https://{name}.example/page"
#: A fixed fetch time, so that date plausibility checks do not depend on today.
FETCHED_AT = datetime(2026, 1, 1, tzinfo=timezone.utc)
#: The article fields a golden file holds.
FIELDS: tuple[str, ...] = (
    "title", "authors", "published", "site_name", "canonical_url", "page_type", "language", "attribution", "text",
)


def golden_record(html: bytes, name: str) -> dict[str, Any]:
    """The golden fields of the article extracted from ``html``."""
    article = extract(html, url=GOLDEN_URL.format(name=name), fetched_at=FETCHED_AT).to_dict()
    return {key: article.get(key) for key in FIELDS}


def golden_pages(folder: Path) -> list[Path]:
    """The golden pages (``*.html.gz``) in ``folder``, sorted."""
    return sorted(folder.glob("*.html.gz"))


def page_name(path: Path) -> str:
    return path.name.removesuffix(".html.gz")


def regenerate(folder: Path) -> list[Path]:
    """Rewrite the JSON of every golden page in ``folder``; return the files written."""
    import gzip

    written: list[Path] = []
    for page in golden_pages(folder):
        record = golden_record(gzip.decompress(page.read_bytes()), page_name(page))
        out = page.with_name(page_name(page) + ".json")
        out.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(out)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else GOLDEN_DIR
    if not folder.is_dir():
        print(f"no golden folder at {folder} (run from the repository root or pass the folder)", file=sys.stderr)
        return 2
    for path in regenerate(folder):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
