"""``presscut bench extract``: extraction quality and speed against peers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presscut.cli.main import Groups


def cmd_bench_extract(args: argparse.Namespace) -> int:
    from presscut.bench.extract import render, run_extract_bench

    peers = [p.strip() for p in (args.peers or "").split(",") if p.strip()]
    result = run_extract_bench(args.dataset, peers, limit=args.limit, progress=sys.stderr.isatty())
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(render(result))
    return 0


def cmd_bench_web(args: argparse.Namespace) -> int:
    from presscut.bench.web import render, run_web_bench

    result = run_web_bench(
        args.articles, args.db, args.requests, args.seed, store=args.store, log=lambda m: print(m, file=sys.stderr)
    )
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(render(result))
    return 0


def register(groups: Groups) -> None:
    p = groups.bench.add_parser(
        "extract",
        help="extraction P/R/F1 and pages/s against peers on a benchmark folder",
        description="Run presscut and peer extractors on the same pages; print one table.",
    )
    p.set_defaults(handler=cmd_bench_extract)
    p.add_argument("--dataset", type=Path, required=True,
                   help="a WCXB folder (e.g. ../shared/bench/wcxb-dev) or trafilatura's eval folder")
    p.add_argument("--peers", default="", help="comma-separated: trafilatura,readability,resiliparse,justext,"
                   "newspaper4k,goose3 (installed with presscut[bench])")
    p.add_argument("--limit", type=int, help="only the first N pages")
    p.add_argument("--json", metavar="OUT", help="also write the full result as JSON to OUT")

    p = groups.bench.add_parser(
        "web",
        help="web workspace response times (search, article, story, timeline) on a generated corpus",
        description="Build or reuse a generated corpus, serve it with the real app on 127.0.0.1, "
                    "time HTTP requests; print one table (needs presscut[web]).",
    )
    p.set_defaults(handler=cmd_bench_web)
    p.add_argument("--articles", type=int, default=100_000, help="articles in the generated corpus (default: 100000)")
    p.add_argument("--db", type=Path, help="the corpus file: built there when missing, reused when present "
                   "(default: ~/.cache/presscut/bench-web-ARTICLES-sSEED.db)")
    p.add_argument("--requests", type=int, default=700,
                   help="timed requests, in whole passes over the request mix (default: 700)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--store", action="store_true", help="also time the store calls behind the pages, in process")
    p.add_argument("--json", metavar="OUT", help="also write the full result as JSON to OUT")
