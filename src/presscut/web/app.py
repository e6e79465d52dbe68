"""The application factory: shared state, security headers, write checks and error pages."""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from presscut.corpus import Corpus
from presscut.errors import PresscutError, StoreError
from presscut.web.jobs import JobRunner

#: Largest request body a write endpoint accepts (uploads, pasted text), in bytes.
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024

#: Sent with every response.  Nothing inline (no scripts, styles or on* handlers), nothing
#: from elsewhere; ``img-src`` allows ``data:``/``blob:`` for the client-side PNG of the chart.
CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}

_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
#: Seconds the site and language lists of the filters, and the sites page's health counts (a pass
#: over every text), are reused before being recounted; a finished ingest job recounts at once.
CACHE_TTL = 60.0

_STATIC = Path(__file__).parent / "static"


@dataclass
class WebState:
    """What every request shares: the corpus path, the write token, limits and the job runner."""

    db: Path
    token: str | None
    max_upload_bytes: int
    jobs: JobRunner
    _local: threading.local = field(default_factory=threading.local)
    _cache: dict[str, tuple[float, Any]] = field(default_factory=dict)

    def corpus(self) -> Corpus:
        """This thread's read connection to the corpus (SQLite connections stay in their thread).

        A missing corpus file is a :class:`StoreError`, never a new empty file.
        """
        corpus: Corpus | None = getattr(self._local, "corpus", None)
        if corpus is None:
            corpus = Corpus(self.db, create=False)
            self._local.corpus = corpus
        return corpus

    def cached(self, key: str, compute: Callable[[Corpus], Any]) -> Any:
        """``compute(corpus)``, reused for :data:`CACHE_TTL` seconds or until the next ingest job ends."""
        now = time.monotonic()
        hit = self._cache.get(key)
        if hit is None or now - hit[0] > CACHE_TTL:
            hit = (now, compute(self.corpus()))
            self._cache[key] = hit
        return hit[1]

    def facets(self) -> dict[str, list[str]]:
        """Sites and languages for the filters (both columns are indexed: DISTINCT walks the index)."""

        def compute(corpus: Corpus) -> dict[str, list[str]]:
            db = corpus.store.db
            sites = [r[0] for r in db.execute(
                "SELECT DISTINCT site_name FROM articles WHERE site_name IS NOT NULL ORDER BY 1")]
            langs = [r[0] for r in db.execute(
                "SELECT DISTINCT language FROM articles WHERE language IS NOT NULL ORDER BY 1")]
            return {"sites": sites, "languages": langs}

        result: dict[str, list[str]] = self.cached("facets", compute)
        return result

    def forget(self) -> None:
        self._cache.clear()


def state_of(request: Request) -> WebState:
    state: WebState = request.app.state.presscut
    return state


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response, whatever produced it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers ``HEAD`` wherever ``GET`` works, with the same status and headers and no body.

    HTTP requires it, and link checkers and monitors send it; the routes are declared for
    ``GET`` only, so without this every page would answer 405.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class LoopbackOnly:
    """Without a token the server is for this machine only: refuse a Host that is not a loopback name.

    A page elsewhere could otherwise point its own name at 127.0.0.1 (DNS rebinding)
    and read the corpus through the browser.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _host_name(Headers(scope=scope).get("host", "")) not in _LOOPBACK_HOSTS:
            response = PlainTextResponse(
                "this presscut server answers only on 127.0.0.1 or localhost (start it with --token to serve others)",
                status_code=421,
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _host_name(host: str) -> str:
    """The name part of a Host header (``[::1]:8000`` gives ``::1``)."""
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host


class WriteRefused(PresscutError):
    """A write request without the token, from another site, or too large."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def check_write(request: Request, form_token: str | None = None) -> None:
    """Refuse a write request that lacks the token (when the app has one) or comes from another site.

    With a token, ``Authorization: Bearer TOKEN`` or the form's ``token`` field must
    carry it.  Always, a browser request from another origin is refused
    (``Origin``/``Sec-Fetch-Site``), so a page elsewhere cannot post into the corpus;
    without a token, :class:`LoopbackOnly` has already refused any Host but a loopback name.
    """
    state = state_of(request)
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        raise WriteRefused("cross-site write refused", 403)
    origin = request.headers.get("origin")
    # With Referrer-Policy no-referrer, browsers send "Origin: null" on their own form posts;
    # Sec-Fetch-Site (checked above) then tells where they come from.
    if origin == "null" and site is None:
        raise WriteRefused("write from an unknown origin refused", 403)
    if origin not in (None, "null") and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise WriteRefused("cross-origin write refused", 403)
    if state.token is None:  # LoopbackOnly has checked the Host
        return
    given = form_token
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), state.token.encode()):
        raise WriteRefused("this server needs its token for writes: 'Authorization: Bearer TOKEN' "
                           "or the token field of the form", 401)


def check_size(request: Request) -> None:
    """413 when the declared body is over the limit; 411 when a write declares no length."""
    limit = state_of(request).max_upload_bytes
    length = request.headers.get("content-length")
    if length is None:
        raise WriteRefused("uploads need a Content-Length", 411)
    if not length.isdigit() or int(length) > limit:
        raise WriteRefused(f"request too large: the limit is {limit // (1024 * 1024) or limit} "
                           f"{'MB' if limit >= 1024 * 1024 else 'bytes'}", 413)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """JSON for the API, an HTML page for a person."""
    if wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    from presscut.web.pages import render

    return render(request, "error.html", {"status": status, "message": message}, status=status)


def create_app(db: str | Path, *, token: str | None = None, max_upload_bytes: int = DEFAULT_MAX_UPLOAD) -> FastAPI:
    """The web workspace and REST API over the corpus at ``db``.

    ``token``, when given, is required by every write endpoint.  Read pages never
    create the corpus file; the first ingest does.
    """
    from presscut import __version__
    from presscut.web import api, pages

    app = FastAPI(
        title="presscut", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="Search, read and export a presscut corpus; ingest into it.",
    )
    state = WebState(Path(db), token or None, max_upload_bytes, JobRunner(Path(db)))
    state.jobs.on_done = lambda job: state.forget()
    app.state.presscut = state
    if state.token is None:
        app.add_middleware(LoopbackOnly)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # added last, so it wraps every response, refusals included
    app.mount("/static", StaticFiles(directory=_STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(PresscutError)
    async def presscut_error(request: Request, exc: PresscutError) -> Response:
        if isinstance(exc, WriteRefused):  # QueryError and other input errors: 400
            status = exc.status
        elif isinstance(exc, StoreError):
            status = 503
        else:
            status = 400
        return error_response(request, status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        )
        return error_response(request, 400, problems or "malformed request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail))

    return app
