"""The ``presscut`` command: argument parsing here, the work in the library."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presscut import __version__
from presscut.cli import output
from presscut.cli.args import open_corpus, worker_counts
from presscut.config import DEFAULT_DB, IngestConfig, Limits
from presscut.errors import PresscutError

Handler = Callable[[argparse.Namespace], int]

#: Modules that add commands of a feature area; each has ``register(groups: Groups)``.
COMMAND_GROUPS: tuple[str, ...] = (
    "presscut.cli.bench",
    "presscut.cli.stories",
    "presscut.cli.sources",
    "presscut.cli.clean",
    "presscut.cli.web",
)


@dataclass(frozen=True, slots=True)
class Groups:
    """Where a command group adds its sub-commands, and the shared option sets."""

    commands: Any  # argparse's _SubParsersAction for `presscut COMMAND`
    bench: Any  # the same for `presscut bench BENCH`
    common: argparse.ArgumentParser  # --db
    filters: argparse.ArgumentParser  # --since --until --site --lang


def cmd_ingest(args: argparse.Namespace) -> int:
    config = IngestConfig(
        limits=Limits(max_bytes=args.max_bytes, timeout=args.timeout),
        workers=args.workers,
        keep_non_articles=not args.articles_only,
    )
    with open_corpus(args.db, config) as corpus:
        report = corpus.ingest(args.paths, progress=not args.no_progress and sys.stderr.isatty())
    if args.json:
        output.print_json(report.to_dict())
    else:
        print(report.render())
    if report.read == 0:
        print("presscut: nothing could be read from the inputs given", file=sys.stderr)
        return 1
    return 1 if args.strict and report.skipped else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from presscut.extraction import extract

    data = sys.stdin.buffer.read() if args.file == "-" else output.read_input(Path(args.file))
    article = extract(data, url=args.url)
    if args.text:
        print(article.text)
    else:
        output.print_json(article.to_dict())
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_corpus(args.db, create=False) as corpus:
        filters = {"since": args.since, "until": args.until, "site": args.site, "lang": args.lang}
        hits = corpus.search(args.query, limit=args.limit, offset=args.offset, stories=args.stories, **filters)
        total = corpus.count(args.query, stories=args.stories, **filters)
    if args.json:
        output.print_json([h.to_dict() for h in hits])
    else:
        print(output.render_hits(hits, total))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_corpus(args.db, create=False) as corpus:
        article = corpus.get(args.id)
        if article is None:
            raise PresscutError(f"no article with id {args.id!r} in {args.db} (see 'presscut search')")
        revisions = corpus.revisions(args.id)
    if args.json:
        output.print_json(article.to_dict())
    else:
        print(output.render_article(article, len(revisions)))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    filters = {"since": args.since, "until": args.until, "site": args.site, "lang": args.lang}
    with open_corpus(args.db, create=False) as corpus:
        out: Any = args.out if args.out and args.out != "-" else sys.stdout
        n = corpus.export(out, args.format, args.query, **filters)
    print(f"exported {n} articles" + (f" to {args.out}" if args.out and args.out != "-" else ""), file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_corpus(args.db, create=False) as corpus:
        counts = corpus.stats()
        counts["stories_by_" + args.by] = corpus.story_counts(args.by)
    if args.json:
        output.print_json(counts)
    else:
        print(output.render_counts(counts))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from presscut.demo import run_demo

    run_demo(args.db, workers=args.workers)
    return 0


def cmd_bench_ingest(args: argparse.Namespace) -> int:
    from presscut.bench.ingest import run_ingest_bench

    result = run_ingest_bench(
        pages=args.pages, workers=args.workers, workdir=args.workdir, seed=args.seed
    )
    if args.json:
        output.print_json(result)
    else:
        print(output.render_bench(result))
    return 0


# -- parser -----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=f"corpus file (default: {DEFAULT_DB})")

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--since", metavar="DATE", help="published on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    filters.add_argument("--until", metavar="DATE", help="published on or before (inclusive)")
    filters.add_argument("--site", metavar="S", help="only this site (as in 'presscut stats')")
    filters.add_argument("--lang", metavar="L", help="only this language (ISO 639-1, e.g. en)")

    parser = argparse.ArgumentParser(
        prog="presscut",
        description="Raw news in, a clean, deduplicated, searchable corpus out.",
    )
    parser.add_argument("--version", action="version", version=f"presscut {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Handler, help_: str, parents: Sequence[argparse.ArgumentParser] = ()) -> Any:
        p = sub.add_parser(name, help=help_, description=help_, parents=[common, *parents])
        p.set_defaults(handler=handler)
        return p

    p = add("ingest", cmd_ingest, "ingest files and folders (.html/.htm, gzipped too, .txt, .jsonl, .warc[.gz])")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--workers", type=int, default=1, help="extraction processes (default: 1)")
    p.add_argument("--strict", action="store_true", help="exit 1 if any input was skipped")
    p.add_argument("--articles-only", action="store_true", help="skip pages that are not articles")
    p.add_argument("--max-bytes", type=int, default=Limits().max_bytes, help="skip inputs larger than this")
    p.add_argument("--timeout", type=float, default=Limits().timeout, help="seconds allowed per page")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")

    p = add("extract", cmd_extract, "print one page's article as JSON (stores nothing)")
    p.add_argument("file", metavar="FILE|-", help="an HTML file (gzipped too), or - for standard input")
    p.add_argument("--url", help="the page's URL, for ids and relative links")
    p.add_argument("--text", action="store_true", help="print only the clean text")

    p = add("search", cmd_search, "full-text search over titles and texts", [filters])
    p.add_argument("query", help='words, "a phrase", prefix*, AND / OR / NOT, parentheses')
    p.add_argument("--limit", type=int, default=10, help="results to show (default: 10)")
    p.add_argument("--offset", type=int, default=0, help="skip this many results (paging)")
    p.add_argument("--json", action="store_true", help="print results as a JSON list")
    p.add_argument("--stories", action="store_true", help="one result per story (copies collapsed)")

    p = add("show", cmd_show, "one article: text, metadata with evidence, what was removed and why")
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="print the article as JSON")

    p = add("export", cmd_export, "stream articles to jsonl, csv or parquet", [filters])
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    p.add_argument("--out", metavar="FILE", help="output file (default: standard output; parquet needs a file)")
    p.add_argument("--query", metavar="Q", help="only articles matching this search")

    p = add("stats", cmd_stats, "counts by site, language and month")
    p.add_argument("--by", choices=("month", "week", "day"), default="month",
                   help="period for the articles-and-stories table (default: month)")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")

    p = add("demo", cmd_demo, "build a corpus from the bundled sample pages and show it")
    p.add_argument("--workers", type=int, default=1, help="extraction processes (default: 1)")

    bench = sub.add_parser("bench", help="benchmarks that print tables", description="benchmarks that print tables")
    bench_sub = bench.add_subparsers(dest="bench", required=True, metavar="BENCH")
    p = bench_sub.add_parser("ingest", help="pages per second and peak memory on generated pages")
    p.set_defaults(handler=cmd_bench_ingest)
    p.add_argument("--pages", type=int, default=10_000, help="generated pages (default: 10000)")
    p.add_argument("--workers", type=worker_counts, default=[1, 2], help="worker counts to compare (default: 1,2)")
    p.add_argument("--workdir", type=Path, help="keep generated pages and corpora here (default: a temp dir)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print the results as JSON")

    groups = Groups(commands=sub, bench=bench_sub, common=common, filters=filters)
    for name in COMMAND_GROUPS:
        importlib.import_module(name).register(groups)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except PresscutError as exc:
        print(f"presscut: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("presscut: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
