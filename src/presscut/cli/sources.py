"""Commands for live sources: ``presscut fetch``, ``presscut watch`` and ``presscut bench warc``.

(``presscut ingest`` reads web archives itself: ``.warc``, ``.warc.gz`` and
``*.paths`` lists are dispatched by the file reader.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presscut.cli import output
from presscut.cli.args import duration, open_corpus, worker_counts
from presscut.config import FetchConfig, IngestConfig
from presscut.errors import InputError

if TYPE_CHECKING:
    from presscut.cli.main import Groups
    from presscut.corpus import IngestReport

def fetch_config(args: argparse.Namespace) -> FetchConfig:
    return FetchConfig(
        user_agent=args.user_agent,
        connect_timeout=args.connect_timeout,
        read_timeout=args.read_timeout,
        max_redirects=args.max_redirects,
        max_bytes=args.max_bytes,
        retries=args.retries,
        host_delay=args.delay,
        concurrency=args.concurrency,
        respect_robots=not args.ignore_robots,
        allow_private=args.allow_private,
    )


def _finish(report: IngestReport, args: argparse.Namespace) -> int:
    if args.json:
        output.print_json(report.to_dict())
    else:
        print(report.render(), flush=True)
    return 1 if args.strict and report.skipped else 0


def cmd_fetch(args: argparse.Namespace) -> int:
    urls = list(args.urls)
    if args.from_file:
        try:
            lines = Path(args.from_file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read URL list {args.from_file}: {exc}") from exc
        urls += [u.strip() for u in lines if u.strip() and not u.strip().startswith("#")]
    if not urls:
        raise InputError("no URLs given (pass URLs or --from-file FILE)")
    with open_corpus(args.db, IngestConfig(workers=args.workers)) as corpus:
        report = corpus.fetch(urls, fetch=fetch_config(args))
    code = _finish(report, args)
    if report.read == 0:
        print("presscut: no page could be fetched", file=sys.stderr)
        return 1
    return code


def cmd_watch(args: argparse.Namespace) -> int:
    from presscut.sources.feeds import read_sources

    sources = read_sources(Path(args.sources))
    if not sources:
        raise InputError(f"{args.sources} lists no sources (one URL per line, or an OPML file)")

    def show(report: IngestReport) -> None:
        _finish(report, args)

    with open_corpus(args.db, IngestConfig(workers=args.workers)) as corpus:
        report = corpus.watch(sources, every=args.every, once=args.once, fetch=fetch_config(args), on_poll=show)
    return 1 if args.strict and report.skipped else 0


def cmd_bench_warc(args: argparse.Namespace) -> int:
    from presscut.bench.warc import render, run_warc_bench

    result = run_warc_bench(records=args.records, workers=args.workers, workdir=args.workdir, seed=args.seed)
    if args.json:
        output.print_json(result)
    else:
        print(render(result))
    return 0


def _fetch_options(p: argparse.ArgumentParser) -> None:
    d = FetchConfig()
    g = p.add_argument_group("fetching")
    g.add_argument("--user-agent", default=d.user_agent, help="sent to servers and matched in robots.txt")
    g.add_argument("--delay", type=float, default=d.host_delay, help=f"seconds between requests to one host "
                   f"(default: {d.host_delay:g})")
    g.add_argument("--concurrency", type=int, default=d.concurrency, help="hosts fetched at once")
    g.add_argument("--connect-timeout", type=float, default=d.connect_timeout, metavar="S")
    g.add_argument("--read-timeout", type=float, default=d.read_timeout, metavar="S")
    g.add_argument("--max-bytes", type=int, default=d.max_bytes, help="largest body read")
    g.add_argument("--max-redirects", type=int, default=d.max_redirects)
    g.add_argument("--retries", type=int, default=d.retries, help="retries on 429 and 5xx")
    g.add_argument("--ignore-robots", action="store_true", help="do not obey robots.txt")
    g.add_argument("--allow-private", action="store_true",
                   help="allow private, loopback and link-local addresses (intranets, tests)")
    p.add_argument("--workers", type=int, default=1, help="extraction processes (default: 1)")
    p.add_argument("--strict", action="store_true", help="exit 1 if anything was skipped")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")


def register(groups: Groups) -> None:
    def add(name: str, handler: Any, help_: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = groups.commands.add_parser(
            name, help=help_, description=help_, parents=[groups.common]
        )
        p.set_defaults(handler=handler)
        return p

    p = add("fetch", cmd_fetch, "fetch live pages into the corpus (politely: robots.txt, per-host delay)")
    p.add_argument("urls", nargs="*", metavar="URL")
    p.add_argument("--from-file", metavar="F", help="also fetch the URLs in F (one per line)")
    _fetch_options(p)

    p = add("watch", cmd_watch, "poll feeds, sitemaps and sites and fetch their new items")
    p.add_argument("sources", metavar="SOURCES", help="a file of feed, sitemap or site URLs, or an OPML file")
    p.add_argument("--every", type=duration, default=900.0, metavar="T", help="time between polls (default: 15m)")
    p.add_argument("--once", action="store_true", help="poll once and exit")
    _fetch_options(p)

    p = groups.bench.add_parser("warc", help="WARC records per second and memory, 1 vs 2 workers")
    p.set_defaults(handler=cmd_bench_warc)
    p.add_argument("--records", type=int, default=10_000, help="generated HTML records (default: 10000)")
    p.add_argument("--workers", type=worker_counts, default=[1, 2], help="worker counts to compare (default: 1,2)")
    p.add_argument("--workdir", type=Path, help="keep the archive and corpora here (default: a temp dir)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print the results as JSON")
