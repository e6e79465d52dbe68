"""``presscut bench web``: response times of the web workspace on a large generated corpus.

Builds (or reuses) the corpus of :mod:`presscut.bench.webcorpus`, starts the
real app (:func:`presscut.web.create_app`) under uvicorn on 127.0.0.1 in a
child process, and times HTTP requests made one at a time with httpx over a
fixed, seeded mix: the search page for several kinds of query (a rare word, a
word in ~2 % of articles, one in ~40 %, a phrase, two words, an OR), with and
without grouping by story, with date, site and language filters, pages 1 and
3; article, story and timeline pages; the JSON API.  The first pass over the
mix warms the server up and is not counted.

The query words are picked from the corpus' own FTS vocabulary by document
frequency, so the mix means the same on any corpus size.

``--store`` also times the store calls those pages make (``Corpus.search``,
``count``, ``story_counts``...) in this process, without HTTP.
"""

from __future__ import annotations

import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from presscut.errors import InputError, MissingExtra

if TYPE_CHECKING:
    from presscut.corpus import Corpus

#: Targets of issue #7, in milliseconds at the 95th percentile.
TARGETS: dict[str, float] = {"search page": 100.0, "timeline page": 300.0, "article page": 50.0}
DEFAULT_DIR = Path.home() / ".cache" / "presscut"


def default_db(articles: int, seed: int = 0) -> Path:
    return DEFAULT_DIR / f"bench-web-{articles}-s{seed}.db"


# -- the query mix --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mix:
    """Query words and ids picked from one corpus."""

    words: dict[str, str]  # kind -> query
    articles: list[str]
    stories: list[str]
    sites: list[str]
    year: str  # a year with articles, for date filters


def pick_mix(db: Path, seed: int = 0, samples: int = 20) -> Mix:
    """Query words by document frequency (made-up content words, so never a function word), ids at random."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        n = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        con.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, row)")
        from presscut.bench.webcorpus import vocabulary

        content = set(vocabulary(seed))
        df = {t: int(d) for t, d in con.execute("SELECT term, doc FROM temp.vocab") if t.isalpha()}
        if len(df.keys() & content) >= 10:  # a generated corpus: its made-up words only
            df = {t: d for t, d in df.items() if t in content}
        if len(df) < 10:
            raise InputError(f"{db} has too few words to pick queries from")

        def near(share: float, skip: int = 0) -> str:
            return str(sorted(df, key=lambda t: (abs(df[t] - share * n), t))[skip])

        words = {
            "rare": near(0.0005),
            "medium": near(0.02),
            "common": near(0.4),
            "phrase": '"Kestrel Harbour"',  # a place of presscut.bench.generate: one story in 22
            "two words": f"{near(0.4, 1)} {near(0.02, 1)}",
            "or": f"{near(0.0005, 1)} OR {near(0.02, 2)}",
        }
        rng = random.Random(f"presscut-bench-web:{seed}")
        top = int(con.execute("SELECT max(rowid) FROM articles").fetchone()[0])
        picks = sorted(rng.sample(range(1, top + 1), min(samples, top)))
        marks = ",".join("?" * len(picks))
        articles = [r[0] for r in con.execute(f"SELECT id FROM articles WHERE rowid IN ({marks})", picks)]
        stories = "SELECT id FROM stories WHERE {} ORDER BY sid LIMIT ?"
        big = [r[0] for r in con.execute(stories.format("articles >= 4"), (samples,))]
        small = [r[0] for r in con.execute(stories.format("articles = 1"), (samples,))]
        sites = [r[0] for r in con.execute(
            "SELECT DISTINCT site_name FROM articles WHERE site_name IS NOT NULL ORDER BY 1")] or [""]
        year = str(con.execute("SELECT substr(min(published), 1, 4) + 1 FROM articles").fetchone()[0])
    finally:
        con.close()
    return Mix(words, articles, [s for pair in zip(big, small, strict=False) for s in pair], sites, year)


def requests_for(mix: Mix) -> list[tuple[str, str]]:
    """One pass over the mix: (table row, URL path with query)."""

    def url(path: str, **params: Any) -> str:
        flat = [(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])]
        return f"{path}?{urlencode(flat)}" if flat else path

    y = mix.year
    out: list[tuple[str, str]] = []
    for kind, q in mix.words.items():
        out.append((f"search page: {kind}", url("/search", q=q)))
        out.append((f"search page: {kind}", url("/search", q=q, stories=1)))
        out.append((f"search page: {kind}", url("/search", q=q, page=3)))
        out.append((f"search page: {kind}", url("/search", q=q, stories=1, page=3)))
    common, medium = mix.words["common"], mix.words["medium"]
    for q in (common, medium):
        out.append(("search page: filtered", url("/search", q=q, since=f"{y}-01-01", until=f"{y}-12-31")))
        out.append(("search page: filtered", url("/search", q=q, site=mix.sites[0], stories=1)))
        out.append(("search page: filtered", url("/search", q=q, lang="de")))
        out.append(("search page: filtered", url("/search", q=q, since=f"{y}-03", lang="en", stories=1, page=3)))
    for q in mix.words.values():
        out.append(("api search", url("/api/search", q=q)))
    for article_id in mix.articles:
        out.append(("article page", f"/article/{article_id}"))
        out.append(("api article", f"/api/article/{article_id}"))
    for story_id in mix.stories[:len(mix.articles)]:
        out.append(("story page", f"/story/{story_id}"))
        out.append(("api story", f"/api/story/{story_id}"))
    three = [common, medium, mix.words["phrase"]]
    for q in mix.words.values():
        out.append(("timeline page: 1 query", url("/timeline", q=q)))
        out.append(("api timeline: 1 query", url("/api/timeline", q=q)))
    for i in range(len(mix.words)):
        qs = [*three[i % 3:], *three[: i % 3]]
        out.append(("timeline page: 3 queries", url("/timeline", q=qs)))
        out.append(("api timeline: 3 queries", url("/api/timeline", q=qs)))
    out.append(("api stats", "/api/stats"))
    return out


#: Which target each row is held to (rows not named here have none).
def target_of(row: str) -> float | None:
    for prefix, name in (("search page", "search page"), ("timeline page", "timeline page"),
                         ("article page", "article page")):
        if row.startswith(prefix):
            return TARGETS[name]
    return None


# -- the server -----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(db: Path, timeout: float = 60.0) -> Iterator[tuple[str, int]]:
    """The real app on 127.0.0.1 in a child process; yields its base URL and process id."""
    import httpx

    port = _free_port()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        proc = subprocess.Popen(
            [sys.executable, "-m", "presscut.bench.web", str(db), str(port)],
            stdout=subprocess.DEVNULL, stderr=errors,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    httpx.get(f"{base}/api/stats", timeout=30)
                    break
                except httpx.TransportError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        errors.seek(0)
                        raise RuntimeError(f"the web app did not start on {base}: {errors.read()[-2000:]}") from None
                    time.sleep(0.1)
            yield base, proc.pid
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _serve_child(db: str, port: int) -> None:
    import uvicorn

    from presscut.web import create_app

    uvicorn.run(create_app(db), host="127.0.0.1", port=port, log_level="warning", access_log=False)


# -- timing ---------------------------------------------------------------------------


def _cpu_seconds(pid: int | None) -> float | None:
    """CPU time used so far by process ``pid`` (all its threads), where ``/proc`` tells; else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _summary(row: str, times: list[float], cpu: list[float] | None = None) -> dict[str, Any]:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, max(0, round(0.95 * len(ms)) - 1))]
    target = target_of(row)
    return {
        "endpoint": row, "requests": len(ms), "median_ms": statistics.median(ms), "p95_ms": p95, "max_ms": ms[-1],
        "target_ms": target, "passed": None if target is None else p95 < target,
        "server_cpu_ms": statistics.mean(cpu) * 1000 if cpu else None,
    }


def time_http(
    base: str, plan: list[tuple[str, str]], rounds: int, pid: int | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """Each request of ``plan`` ``rounds`` times (in a seeded order); the first pass is the warm-up.

    With the server's ``pid``, also the server's CPU time per request (from ``/proc``, in
    clock ticks, so only its mean over many requests means anything): on a shared machine
    the wall times include waiting for a core, the CPU time does not.
    """
    import httpx

    errors: list[str] = []
    times: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    rng = random.Random("presscut-bench-web-order")
    with httpx.Client(base_url=base, timeout=60) as client:
        for _, path in plan:  # warm-up: not counted
            client.get(path)
        for _ in range(rounds):
            order = list(plan)
            rng.shuffle(order)
            for row, path in order:
                cpu_before = _cpu_seconds(pid)
                start = time.perf_counter()
                response = client.get(path)
                elapsed = time.perf_counter() - start
                cpu_after = _cpu_seconds(pid)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {path}")
                times.setdefault(row, []).append(elapsed)
                if cpu_before is not None and cpu_after is not None:
                    cpu.setdefault(row, []).append(cpu_after - cpu_before)
    rows = [_summary(row, ts, cpu.get(row)) for row, ts in times.items()]
    for name in ("search page", "timeline page"):
        pooled = [t for row, ts in times.items() if row.startswith(name) for t in ts]
        pooled_cpu = [t for row, ts in cpu.items() if row.startswith(name) for t in ts]
        if pooled:
            rows.append(_summary(f"{name}: all", pooled, pooled_cpu))
    rows.sort(key=lambda r: r["endpoint"])
    return rows, errors


def time_store(db: Path, mix: Mix, rounds: int = 3) -> list[dict[str, Any]]:
    """The store calls behind the pages, in this process (no HTTP), best of ``rounds`` per call."""
    from presscut.corpus import Corpus

    y = mix.year

    def per_query(kind: str, q: str) -> list[tuple[str, Callable[[Corpus], object]]]:
        return [
            (f"search {kind}", lambda c: c.search(q)),
            (f"search {kind} stories", lambda c: c.search(q, stories=True)),
            (f"search {kind} page 3", lambda c: c.search(q, offset=40)),
            (f"count {kind}", lambda c: c.count(q)),
            (f"count {kind} stories", lambda c: c.count(q, stories=True)),
            (f"timeline {kind} (day)", lambda c: c.story_counts("day", query=q)),
            (f"timeline {kind} (week)", lambda c: c.story_counts("week", query=q)),
        ]

    calls = [call for kind, q in mix.words.items() for call in per_query(kind, q)]
    common = mix.words["common"]
    calls += [
        ("search common, one year", lambda c: c.search(common, since=f"{y}-01-01", until=f"{y}-12-31")),
        ("count common, one year", lambda c: c.count(common, since=f"{y}-01-01", until=f"{y}-12-31")),
        ("search common, one site, stories", lambda c: c.search(common, site=mix.sites[0], stories=True)),
        ("search common, lang de", lambda c: c.search(common, lang="de")),
        ("get article", lambda c: [c.get(a) for a in mix.articles[:10]]),
        ("story (10 stories)", lambda c: [c.story(s) for s in mix.stories[:10]]),
        ("stats", lambda c: c.stats()),
        ("site health", lambda c: c.site_health()),
    ]
    rows = []
    with Corpus(db, create=False) as corpus:
        for name, call in calls:
            best = float("inf")
            for _ in range(rounds):
                start = time.perf_counter()
                call(corpus)
                best = min(best, time.perf_counter() - start)
            rows.append({"call": name, "best_ms": best * 1000})
    return rows


# -- the command ----------------------------------------------------------------------


def run_web_bench(
    articles: int = 100_000, db: Path | None = None, requests: int = 700, seed: int = 0, *,
    store: bool = False, log: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Build or reuse the corpus, then time the app: ``requests`` timed requests, rounded up to whole
    passes over the mix, after one pass of warm-up."""
    from presscut.bench.webcorpus import build_corpus

    try:
        import httpx  # noqa: F401  (presscut's own dependency, but the app's are an extra)
        import uvicorn  # noqa: F401

        import presscut.web  # noqa: F401
    except ImportError as exc:
        raise MissingExtra(exc.name or "fastapi", "web", "presscut bench web") from exc
    db = Path(db) if db else default_db(articles, seed)
    build = build_corpus(db, articles, seed, log=log)
    mix = pick_mix(db, seed)
    plan = requests_for(mix)
    rounds = max(1, -(-requests // len(plan)))
    result: dict[str, Any] = {"corpus": str(db), "build": build, "queries": mix.words, "rounds": rounds,
                              "warmup": len(plan), "cpus": os.cpu_count()}
    if store:
        result["store"] = time_store(db, mix)
    with serve(db) as (base, pid):
        result["rows"], result["errors"] = time_http(base, plan, rounds, pid)
    return result


def render(result: dict[str, Any]) -> str:
    b = result["build"]
    if b["seconds"] is None:
        how = "given corpus"
    else:
        how = f"{'reused' if b.get('reused') else 'built'}; the build took {b['seconds']:.0f} s"
    lines = [
        f"presscut bench web: {b['articles']} articles in {b['stories']} stories ({b['megabytes']} MB, {how}), "
        f"{result['cpus']} CPUs",
        f"corpus: {result['corpus']}",
        "queries: " + "; ".join(f"{k} = {v}" for k, v in result["queries"].items()),
        f"{result['rounds']} timed passes over a mix of {result['warmup']} requests, one request at a time; "
        "a first pass (warm-up) not counted",
        "",
    ]
    if "store" in result:
        lines += [f"{'store call (in process)':<40} {'best ms':>8}"]
        lines += [f"{r['call']:<40} {r['best_ms']:>8.1f}" for r in result["store"]]
        lines.append("")
    lines.append(f"{'endpoint':<28} {'requests':>8} {'median':>8} {'p95':>8} {'max':>8} {'target':>8}  "
                 f"{'result':<6} {'CPU/req':>8}")
    for r in result["rows"]:
        target = f"{r['target_ms']:.0f}" if r["target_ms"] is not None else "-"
        verdict = "" if r["passed"] is None else ("pass" if r["passed"] else "FAIL")
        cpu = f"{r['server_cpu_ms']:.1f}" if r.get("server_cpu_ms") is not None else "-"
        lines.append(
            f"{r['endpoint']:<28} {r['requests']:>8} {r['median_ms']:>8.1f} {r['p95_ms']:>8.1f} "
            f"{r['max_ms']:>8.1f} {target:>8}  {verdict:<6} {cpu:>8}"
        )
    lines += ["", "times in ms, wall clock at the client; CPU/req: the server's mean CPU time per request"]
    if result["errors"]:
        lines += ["", f"{len(result['errors'])} requests did not answer 200, e.g.: " + "; ".join(result["errors"][:5])]
    return "\n".join(lines)


if __name__ == "__main__":
    _serve_child(sys.argv[1], int(sys.argv[2]))
