"""The REST API under ``/api/`` (schema at ``/openapi.json``).

Reads are open; ``POST /api/ingest`` needs the token when the server has one
(see :func:`presscut.web.app.check_write`).  Errors are ``{"error": message}``
with a 4xx status: a malformed query is a 400, never a 500.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Annotated, Any, NoReturn

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from presscut.errors import InputError
from presscut.web import queries
from presscut.web.app import WriteRefused, check_size, check_write, state_of
from presscut.web.jobs import IngestRequest, save_upload, upload_folder
from presscut.web.queries import Filters

router = APIRouter(prefix="/api", tags=["api"])

Q = Annotated[str, Query(description='words, "a phrase", prefix*, AND / OR / NOT, parentheses')]
Since = Annotated[str | None, Query(description="published on or after: YYYY, YYYY-MM or YYYY-MM-DD")]
Until = Annotated[str | None, Query(description="published on or before (inclusive)")]
Site = Annotated[str | None, Query(description="only this site name")]
Lang = Annotated[str | None, Query(description="only this language (ISO 639-1)")]


@router.get("/search", summary="Full-text search, best first, with highlighted snippets")
def api_search(
    request: Request, *, q: Q, since: Since = None, until: Until = None, site: Site = None, lang: Lang = None,
    stories: Annotated[bool, Query(description="one hit per story")] = False,
    limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = queries.PAGE_SIZE,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    filters = Filters.of(since, until, site, lang)
    hits, total = queries.search(
        state_of(request).corpus(), q, filters, stories=stories, limit=limit, offset=offset
    )
    return {"query": q, "total": total, "limit": limit, "offset": offset, "stories": stories,
            "results": [queries.hit_dict(h) for h in hits]}


@router.get("/article/{article_id}", summary="One article: text, metadata, evidence, what was removed")
def api_article(request: Request, article_id: str) -> dict[str, Any]:
    article = state_of(request).corpus().get(article_id)
    if article is None:
        return _not_found(f"no article with id {article_id!r}")
    return article.to_dict()


@router.get("/story/{story_id}", summary="One story (or an article's story): its copies and original")
def api_story(request: Request, story_id: str) -> dict[str, Any]:
    story = state_of(request).corpus().story(story_id)
    if story is None:
        return _not_found(f"no story or article with id {story_id!r}")
    return story.to_dict()


@router.get("/timeline", summary="Articles and distinct stories per period, for one or more queries")
def api_timeline(
    request: Request, *,
    q: Annotated[list[str] | None, Query(description="a query; repeat for several (none: all articles)")] = None,
    period: Annotated[str, Query(description="day, week or month")] = "day",
    since: Since = None, until: Until = None, site: Site = None, lang: Lang = None,
) -> dict[str, Any]:
    series = queries.timeline(
        state_of(request).corpus(), queries.queries_of(q or []), period, Filters.of(since, until, site, lang)
    )
    return {"period": period, "series": [{"query": s.label, "counts": s.counts} for s in series]}


@router.get("/timeline.csv", summary="The timeline as CSV: query, period, articles, stories",
            response_class=Response)
def api_timeline_csv(
    request: Request, *, q: Annotated[list[str] | None, Query()] = None, period: str = "day",
    since: Since = None, until: Until = None, site: Site = None, lang: Lang = None,
) -> Response:
    series = queries.timeline(
        state_of(request).corpus(), queries.queries_of(q or []), period, Filters.of(since, until, site, lang)
    )
    return Response(
        queries.to_csv(queries.timeline_rows(series)), media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="presscut-timeline-{period}.csv"'},
    )


@router.get("/stats", summary="Totals and counts by site, language, month and page type")
def api_stats(request: Request) -> dict[str, Any]:
    return state_of(request).corpus().stats()


@router.get("/sites", summary="Per site: articles, stories and extraction health")
def api_sites(request: Request) -> list[dict[str, Any]]:
    return state_of(request).corpus().site_health()


@router.get("/export", summary="Every matching article, streamed as JSONL or CSV (no cap)",
            response_class=StreamingResponse)
def api_export(
    request: Request, *,
    format: Annotated[str, Query(description="jsonl or csv")] = "jsonl",
    q: Annotated[str | None, Query(description="only articles matching this search")] = None,
    since: Since = None, until: Until = None, site: Site = None, lang: Lang = None,
) -> StreamingResponse:
    chunks = queries.export_chunks(
        state_of(request).corpus(), format, q or None, Filters.of(since, until, site, lang)
    )
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson; charset=utf-8"
    return StreamingResponse(
        chunks, media_type=media,
        headers={"content-disposition": f'attachment; filename="presscut-export.{format}"'},
    )


_INGEST_FIELDS: dict[str, Any] = {
    "urls": {"type": "array", "items": {"type": "string", "format": "uri"}, "description": "http(s) pages to fetch"},
    "text": {"type": "string", "description": "an article's text, or a whole page's HTML"},
    "url": {"type": "string", "description": "where the pasted text was published (optional)"},
    "title": {"type": "string", "description": "the pasted text's title (optional)"},
}
_INGEST_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "object", "properties": _INGEST_FIELDS}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        **_INGEST_FIELDS,
        "urls": {"type": "string", "description": "http(s) pages to fetch, one per line"},
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": ".html/.htm (gzipped too), .txt, .jsonl, .warc, .warc.gz"},
        "token": {"type": "string", "description": "the server's token, instead of the Authorization header"},
    }}},
}}}


@router.post("/ingest", status_code=202, summary="Start an ingest job: URLs, pasted text or uploaded files",
             openapi_extra=_INGEST_BODY)
async def api_ingest(request: Request) -> JSONResponse:
    """JSON ``{"urls": [...], "text": "...", "url": "...", "title": "..."}`` or a multipart form
    with the same fields (``urls`` one per line) and ``files``.  Returns the job to poll."""
    job = await start_ingest(request)
    return JSONResponse({"job": job, "status_url": f"/api/jobs/{job['id']}"}, status_code=202)


@router.get("/jobs/{job_id}", summary="An ingest job's progress and, when finished, its report")
def api_job(request: Request, job_id: str) -> dict[str, Any]:
    job = state_of(request).jobs.get(job_id)
    if job is None:
        return _not_found(f"no job {job_id!r} (finished jobs are forgotten after a while)")
    return job.to_dict()


async def start_ingest(request: Request) -> dict[str, Any]:
    """Check, read and queue an ingest request (shared by the API and the ingest page)."""
    state = state_of(request)
    check_size(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        check_write(request)
        try:
            body = json.loads(await request.body())
        except ValueError as exc:
            raise InputError(f"the body is not JSON: {exc}") from exc
        if not isinstance(body, dict):
            raise InputError("the body must be a JSON object")
        ingest = IngestRequest(urls=_urls(body.get("urls")), text=_str(body.get("text")),
                               url=_page_url(body.get("url")), title=_str(body.get("title")) or None)
    elif kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
        async with request.form(max_files=1000, max_fields=100, max_part_size=state.max_upload_bytes) as form:
            token = form.get("token")
            check_write(request, token if isinstance(token, str) else None)
            ingest = IngestRequest(urls=_urls(form.get("urls")), text=_str(form.get("text")),
                                   url=_page_url(form.get("url")), title=_str(form.get("title")) or None)
            uploads = [f for f in form.getlist("files") if not isinstance(f, str) and f.filename]
            if uploads:
                ingest.folder, ingest.files = await _save(uploads, state.max_upload_bytes), len(uploads)
    else:
        raise InputError("send JSON or a form (multipart/form-data)")
    return state.jobs.submit(ingest).to_dict()


async def _save(uploads: list[UploadFile], limit: int) -> Path:
    """Save uploads to a new folder (removed again when they add up to more than ``limit`` bytes)."""
    folder = upload_folder()
    total = 0
    for i, upload in enumerate(uploads):
        data = await upload.read()
        total += len(data)
        if total > limit:
            await run_in_threadpool(shutil.rmtree, folder, True)
            raise WriteRefused(f"uploads too large: the limit is {limit} bytes", 413)
        await run_in_threadpool(save_upload(folder, i, upload.filename).write_bytes, data)
    return folder


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _page_url(value: Any) -> str | None:
    """The optional URL of pasted text: http(s) or nothing."""
    url = _str(value).strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise InputError(f"the URL of a pasted text must be http(s), not {url!r}")
    return url or None


def _urls(value: Any) -> list[str]:
    if isinstance(value, str):
        value = value.split()
    if not isinstance(value, list):
        return []
    urls = [u.strip() for u in value if isinstance(u, str) and u.strip()]
    bad = [u for u in urls if not u.lower().startswith(("http://", "https://"))]
    if bad:
        raise InputError(f"only http(s) URLs can be fetched, not {bad[0]!r}")
    return urls


def _not_found(message: str) -> NoReturn:
    raise HTTPException(404, message)
