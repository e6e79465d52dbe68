"""The HTML pages: server-rendered with Jinja2 (autoescape on), a little JavaScript in ``static/app.js``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from presscut.corpus import Corpus
from presscut.errors import StoreError
from presscut.web import charts, queries
from presscut.web.api import start_ingest
from presscut.web.app import state_of
from presscut.web.queries import Filters

router = APIRouter(include_in_schema=False)

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def http_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) URL (safe as a link), else None (show it as text)."""
    if not value:
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def when(value: str | datetime | None) -> str:
    """YYYY-MM-DD, with HH:MM when the value has a time of day."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = value.isoformat()
    day, _, rest = value.partition("T")
    time = rest[:5]
    return f"{day} {time}" if time and time != "00:00" else day


def number(value: int | None) -> str:
    return f"{value:,}".replace(",", "\u202f") if value is not None else ""


_env.filters.update(http_url=http_url, when=when, number=number, snippet=queries.snippet_html)


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    state = state_of(request)
    html = _env.get_template(template).render(
        request=request, path=request.url.path, q=context.pop("q", ""), token_needed=state.token is not None,
        **context,
    )
    return HTMLResponse(html, status_code=status)


def _query(**params: Any) -> str:
    """A query string from the non-empty values (lists become repeated parameters)."""
    pairs: list[tuple[str, str]] = []
    for k, v in params.items():
        for item in v if isinstance(v, list) else [v]:
            if item not in (None, "", False):
                pairs.append((k, "1" if item is True else str(item)))
    return urlencode(pairs)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    state = state_of(request)
    try:
        stats = state.cached("stats", Corpus.stats)
    except StoreError as exc:
        return render(request, "home.html", {"missing": str(exc)})
    months = list(stats["by_month"].items())[-12:]
    peak = max([1, *stats["by_month"].values()])
    return render(request, "home.html", {"stats": stats, "months": months, "peak": peak})


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, *,
    q: str = "",
    since: str | None = None, until: str | None = None, site: str | None = None, lang: str | None = None,
    stories: bool = False,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    state = state_of(request)
    filters = Filters.of(since, until, site, lang)
    facets = state.facets()
    context: dict[str, Any] = {"q": q, "filters": filters, "stories": stories, "facets": facets, "page": page}
    if not q.strip():
        return render(request, "search.html", {**context, "hits": None})
    offset = (page - 1) * queries.PAGE_SIZE
    hits, total = queries.search(
        state.corpus(), q, filters, stories=stories, limit=queries.PAGE_SIZE, offset=offset
    )
    base = {"q": q, **filters.params(), "stories": stories}
    pages = -(-total // queries.PAGE_SIZE)
    return render(request, "search.html", {
        **context, "hits": hits, "total": total, "offset": offset, "pages": pages,
        "prev_url": f"/search?{_query(**base, page=page - 1)}" if page > 1 else None,
        "next_url": f"/search?{_query(**base, page=page + 1)}" if page < pages else None,
        "timeline_url": f"/timeline?{_query(q=q, **filters.params())}",
        "export_url": f"/api/export?{_query(q=q, **filters.params())}",
        "export_csv_url": f"/api/export?{_query(format='csv', q=q, **filters.params())}",
    })


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    corpus = state_of(request).corpus()
    article = corpus.get(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    story = corpus.story(article.story_id) if article.story_id else None
    versions = corpus.store.revision_of(article_id)  # a count, not the earlier texts
    paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
    return render(request, "article.html", {
        "a": article, "paragraphs": paragraphs, "story": story, "versions": versions,
    })


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    story = state_of(request).corpus().story(story_id)
    if story is None:
        raise HTTPException(404, f"no story or article with id {story_id!r}")
    original = next((c for c in story.copies if c.original), None)
    return render(request, "story.html", {"story": story, "original": original})


def _timeline(request: Request, q: list[str] | None, period: str, filters: Filters) -> list[charts.Series]:
    return queries.timeline(state_of(request).corpus(), queries.queries_of(q or []), period, filters)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request, *, q: Annotated[list[str] | None, Query()] = None, period: str = "day",
    since: str | None = None, until: str | None = None, site: str | None = None, lang: str | None = None,
) -> HTMLResponse:
    filters = Filters.of(since, until, site, lang)
    wanted = queries.queries_of(q or [])
    series = _timeline(request, wanted, queries.period_of(period), filters)
    params = _query(q=wanted, period=period, **filters.params())
    return render(request, "timeline.html", {
        "queries": wanted, "inputs": [*wanted, ""][: queries.MAX_QUERIES], "period": period,
        "periods": queries.PERIODS, "filters": filters, "facets": state_of(request).facets(),
        "chart": charts.line_chart(series, period), "totals": [_totals(s, bool(wanted)) for s in series],
        "svg_url": f"/timeline.svg?{params}", "csv_url": f"/api/timeline.csv?{params}",
    })


def _totals(series: charts.Series, named: bool) -> dict[str, Any]:
    """A series in one row: its articles, its stories summed over periods, and its busiest period."""
    dated = {k: c for k, c in series.counts.items() if k != "unknown"}
    peak = max(dated, key=lambda k: dated[k]["articles"], default=None)
    return {
        "query": series.label if named else None,
        "articles": sum(c["articles"] for c in series.counts.values()),
        "stories": sum(c["stories"] for c in series.counts.values()),
        "peak": peak, "peak_articles": dated[peak]["articles"] if peak else 0,
    }


@router.get("/timeline.svg")
def timeline_svg(
    request: Request, *, q: Annotated[list[str] | None, Query()] = None, period: str = "day",
    since: str | None = None, until: str | None = None, site: str | None = None, lang: str | None = None,
) -> Response:
    series = _timeline(request, q, period, Filters.of(since, until, site, lang))
    return Response(
        charts.line_chart(series, period), media_type="image/svg+xml",
        headers={"content-disposition": f'attachment; filename="presscut-timeline-{period}.svg"'},
    )


@router.get("/sites", response_class=HTMLResponse)
def sites_page(request: Request) -> HTMLResponse:
    return render(request, "sites.html", {"sites": state_of(request).cached("sites", Corpus.site_health)})


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> HTMLResponse:
    state = state_of(request)
    return render(request, "ingest.html", {"max_mb": state.max_upload_bytes / (1024 * 1024)})


@router.post("/ingest")
async def ingest_post(request: Request) -> Response:
    job = await start_ingest(request)
    return RedirectResponse(f"/jobs/{job['id']}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> HTMLResponse:
    job = state_of(request).jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return render(request, "job.html", {"job": job})
