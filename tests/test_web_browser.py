"""The web workspace in a real browser: Playwright driving Debian's chromium against uvicorn on 127.0.0.1.

Flows: search, open an article, show what was removed, open its story, draw a
timeline (and download it as PNG), and an XSS attempt through an article
ingested from the browser, which must not run.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the browser tests need presscut[web]")
pytest.importorskip("playwright", reason="the browser tests need playwright (the test extra)")

from playwright.sync_api import Browser, Page, sync_playwright

from presscut.corpus import Corpus
from presscut.web import create_app
from presscut.web.app import CSP
from presscut.web.screenshots import CHROMIUM, launch, serving

from .conftest import SAMPLES
from .web_corpus import XSS_TEXT, XSS_WORD

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no chromium at {CHROMIUM} (apt install chromium)"),
]

#: Reports whether any payload ran: the hostile strings set window.__xss or open a dialog.
XSS_RAN = "() => window.__xss === undefined ? null : String(window.__xss)"


@pytest.fixture(scope="module")
def base_url(web_corpus: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "corpus.db"
    with Corpus(web_corpus[0], create=False) as corpus:
        corpus.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(web_corpus[0], path)
    with serving(create_app(path)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as pw:
        b = launch(pw)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    p = context.new_page()
    p.set_default_timeout(10_000)
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield p
    context.close()
    assert dialogs == [], f"a page opened a dialog: {dialogs}"


def test_search_article_removed_and_story(page: Page, base_url: str) -> None:
    response = page.goto(base_url + "/")
    assert response is not None and response.headers["content-security-policy"] == CSP
    page.fill(".bigsearch input[name=q]", "strike")
    page.check(".bigsearch input[name=stories]")
    page.click(".bigsearch button")
    page.wait_for_url("**/search?**")
    assert "stories" in page.inner_text("#result-count")
    assert page.locator(".hit mark").count() > 0
    page.click(".hit:first-child .hit-title")
    page.wait_for_url("**/article/**")
    assert page.inner_text("#article-title")
    table = page.locator("#removed table")
    assert not table.is_visible()
    page.click("#removed summary")
    assert table.is_visible() and page.locator("#removed tbody tr").count() > 0
    page.click("#story-link")
    page.wait_for_url("**/story/**")
    assert page.inner_text("#first-publisher") and page.inner_text("#wire-credit")
    assert page.locator("table.copies tbody tr").count() >= 4
    assert page.evaluate(XSS_RAN) is None


def test_timeline_draws_and_downloads_png(page: Page, base_url: str) -> None:
    page.goto(base_url + "/timeline")
    page.fill("form.filters input[name=q] >> nth=0", "strike")
    page.select_option("select[name=period]", "month")
    page.click("form.filters button")
    page.wait_for_url("**/timeline?**")
    paths = page.locator("#chart svg path.series")
    assert paths.count() == 2 and (paths.first.get_attribute("d") or "").startswith("M")
    with page.expect_download() as download:
        page.click("#png-download")
    assert download.value.suggested_filename.endswith(".png")
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 2000


def test_upload_from_the_browser_shows_progress(page: Page, base_url: str) -> None:
    sample = sorted((SAMPLES / "html").glob("*.html"))[-1]
    page.goto(base_url + "/ingest")
    page.set_input_files("#ingest-files", str(sample))
    page.click("#ingest-submit")
    page.wait_for_url("**/jobs/**")
    page.locator("#job[data-state=done]").wait_for()
    assert page.get_attribute("#job-progress", "value") == page.get_attribute("#job-progress", "max") == "1"


def test_xss_through_an_ingested_article_does_not_run(page: Page, base_url: str) -> None:
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(base_url + "/ingest")
    word = "quorvellian"
    page.fill("#ingest-title", "<script>window.__xss='ingested title'</script><img src=x onerror=alert(1)>")
    page.fill("#ingest-url", "https://hostile.example/2024/05/03/pilots")
    page.fill("#ingest-text", f"{word} " + XSS_TEXT.replace(XSS_WORD, word) + " <script>alert('text')</script>")
    page.click("#ingest-submit")
    page.wait_for_url("**/jobs/**")
    page.locator("#job[data-state=done]").wait_for()
    assert "stored" in page.inner_text("#job-message")
    page.goto(f"{base_url}/search?q={word}")
    assert page.locator(".hit").count() == 1
    assert "<script>" in page.inner_text(".hit-title")  # shown as text
    page.click(".hit-title")
    page.wait_for_url("**/article/**")
    page.click("#removed summary")
    assert "onerror" in page.inner_text("#article-text")
    assert page.locator("#article-text img, #article-text svg, #article-text script").count() == 0
    page.goto(base_url + "/search?q=" + XSS_WORD)
    page.click(".hit-title")
    page.wait_for_url("**/article/**")
    assert page.locator("#original-url").evaluate("e => e.tagName") == "SPAN"  # javascript: URL is no link
    assert page.evaluate(XSS_RAN) is None
