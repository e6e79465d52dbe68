"""Commands of text cleaning: ``presscut learn-furniture`` and ``presscut bench clean``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from presscut.cli import output
from presscut.cli.args import open_corpus

if TYPE_CHECKING:
    from presscut.cli.main import Groups


def cmd_learn_furniture(args: argparse.Namespace) -> int:
    with open_corpus(args.db) as corpus:
        learned = corpus.learn_furniture(min_docs=args.min_docs, min_share=args.min_share)
    if args.json:
        output.print_json(learned)
        return 0
    if not learned:
        print("no site repeats a line often enough: nothing learned (see --min-docs, --min-share)")
        return 0
    width = max(len(site) for site in learned)
    print(f"{'site':<{width}}  lines")
    for site, n in learned.items():
        print(f"{site:<{width}}  {n:>5}")
    print(f"learned {sum(learned.values())} furniture lines of {len(learned)} sites; later ingests remove them")
    return 0


def cmd_bench_clean(args: argparse.Namespace) -> int:
    from presscut.bench.clean import WCXB, render_clean_bench, run_clean_bench

    if not (args.data / WCXB / "metadata.json").is_file():
        print(f"presscut bench clean: skipped, no benchmark data at {args.data / WCXB}", file=sys.stderr)
        return 0
    result = run_clean_bench(args.data, limit=args.limit, page_type=args.page_type, worst=args.worst)
    if args.json:
        output.print_json(result)
    else:
        print(render_clean_bench(result))
    return 0


def register(groups: Groups) -> None:
    from presscut.bench.clean import DEFAULT_ROOT
    from presscut.config import FURNITURE_MIN_DOCS, FURNITURE_MIN_SHARE

    help_ = "learn the lines each site repeats across its documents; later ingests remove them"
    p = groups.commands.add_parser("learn-furniture", help=help_, description=help_, parents=[groups.common])
    p.set_defaults(handler=cmd_learn_furniture)
    p.add_argument("--min-docs", type=int, default=FURNITURE_MIN_DOCS, metavar="N",
                   help=f"a line must occur in at least N documents of its site (default: {FURNITURE_MIN_DOCS})")
    p.add_argument("--min-share", type=float, default=FURNITURE_MIN_SHARE, metavar="F",
                   help=f"... and in at least this share of them (default: {FURNITURE_MIN_SHARE})")
    p.add_argument("--json", action="store_true", help="print lines learned per site as JSON")

    p = groups.bench.add_parser(
        "clean",
        help="word F1 of clean_text on naive whole-page text of WCXB dev pages",
        description="Turn each WCXB dev page into naive text, clean it, score it against the gold main text.",
    )
    p.set_defaults(handler=cmd_bench_clean)
    p.add_argument("--data", type=Path, default=DEFAULT_ROOT, help=f"benchmark folder (default: {DEFAULT_ROOT})")
    p.add_argument("--page-type", help="only pages of this type (article, forum, product, ...)")
    p.add_argument("--limit", type=int, help="only the first N pages")
    p.add_argument("--worst", type=int, default=0, metavar="N", help="also list the N worst pages")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
