"""Screenshots of every page of the web workspace, for the README (``make screenshots``).

    python -m presscut.web.screenshots --db presscut.db --out docs/screenshots

Drives Debian's chromium through Playwright (the ``test`` extra); nothing is
downloaded.  :func:`serving` and :func:`launch` are shared with the browser tests.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI
    from playwright.sync_api import Browser, Page, Playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1280, "height": 800}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serving(app: FastAPI, port: int | None = None) -> Iterator[str]:
    """Run ``app`` with uvicorn on 127.0.0.1 in a thread; yield its base URL."""
    import uvicorn

    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="presscut-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def launch(playwright: Playwright) -> Browser:
    """Debian's chromium, headless, never a downloaded browser."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def take(db: Path, out: Path, query: str = "strike") -> list[Path]:
    """One PNG per page of the workspace over the corpus at ``db``; return the files written."""
    from playwright.sync_api import sync_playwright

    from presscut.corpus import Corpus
    from presscut.web import create_app

    with Corpus(db, create=False) as corpus:
        hits = corpus.search(query, stories=True, limit=5)
        hit = next((h for h in hits if h.copies > 1), hits[0] if hits else None)
    if hit is None:
        raise SystemExit(f"no article matches {query!r} in {db}: run 'presscut demo' first")
    out.mkdir(parents=True, exist_ok=True)
    shots: list[tuple[str, str, Any]] = [
        ("home", "/", None),
        ("search", f"/search?q={query}", None),
        ("article", f"/article/{hit.id}", None),
        ("article-removed", f"/article/{hit.id}", _open_removed),
        ("story", f"/story/{hit.story_id or hit.id}", None),
        ("timeline", f"/timeline?q={query}&q=flood+OR+Hochwasser&period=month", None),
        ("sites", "/sites", None),
        ("ingest", "/ingest", None),
    ]
    written = []
    with serving(create_app(db)) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport=VIEWPORT)  # type: ignore[arg-type]
        for name, path, prepare in shots:
            page.goto(base + path)
            if prepare is not None:
                prepare(page)
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=False)
            written.append(target)
        browser.close()
    return written


def _open_removed(page: Page) -> None:
    page.click("#removed summary")
    page.locator("#removed").scroll_into_view_if_needed()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="screenshots of the web workspace for the README")
    parser.add_argument("--db", type=Path, default=Path("presscut.db"), help="a corpus (default: presscut.db)")
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"), help="folder for the PNG files")
    args = parser.parse_args(argv)
    for path in take(args.db, args.out):
        print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
