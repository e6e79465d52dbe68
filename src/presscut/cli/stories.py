"""Commands about stories: ``presscut story ID``, ``presscut stories rebuild``, ``presscut bench stories``."""

from __future__ import annotations

import argparse
import statistics
import sys
from typing import Any

from presscut.cli import output
from presscut.cli.args import open_corpus
from presscut.errors import PresscutError


def cmd_story(args: argparse.Namespace) -> int:
    with open_corpus(args.db, create=False) as corpus:
        story = corpus.story(args.id)
    if story is None:
        raise PresscutError(f"no story or article with id {args.id!r} in {args.db} (see 'presscut search --stories')")
    if args.json:
        output.print_json(story.to_dict())
    else:
        print(output.render_story(story))
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    with open_corpus(args.db, create=False) as corpus:
        n = corpus.rebuild_stories(progress=not args.no_progress and sys.stderr.isatty())
        stories = corpus.count(stories=True)
    print(f"assigned {n} articles to {stories} stories")
    return 0


def cmd_bench_stories(args: argparse.Namespace) -> int:
    from presscut.bench.stories import run_stories_bench

    result = run_stories_bench(
        stories=args.stories, seed=args.seed, source=args.source, scale=args.scale, probes=args.probes,
        runs=args.runs,
    )
    if args.json:
        output.print_json(result)
    else:
        print(render_stories_bench(result))
    return 0


def render_stories_bench(result: dict[str, Any]) -> str:
    q = result["quality"]
    lines = [
        f"presscut bench stories: {result['articles']} articles in {result['true_stories']} true stories "
        f"({result['source']}), {result['followups']} same-topic follow-ups",
        "",
        f"{'pair precision':<34} {q['pair_precision']:>10.4f}",
        f"{'pair recall':<34} {q['pair_recall']:>10.4f}",
        f"{'cluster purity':<34} {q['purity']:>10.4f}",
        f"{'follow-ups wrongly merged':<34} {q['followups_merged']:>10.4f}",
        f"{'predicted stories':<34} {q['predicted_stories']:>10}",
        "",
        f"{'story step, articles/s (1 core)':<34} {result['speed']['articles_per_second']:>10.0f}",
        f"{'  of which signatures, us/article':<34} {result['speed']['signature_us']:>10.0f}",
        f"{'  of which SQLite + checks, us/article':<34} {result['speed']['assign_us']:>10.0f}",
        "",
        f"{'stored':>10} {'ms per new article':>19} {'of which lookup':>16} {'level moves':>12} "
        f"{'keys a copy finds':>18} {'story bytes/article':>20} {'GB per 1M':>10}",
    ]
    sig_us = result["speed"]["signature_us"]
    for row in result["scale"]:
        lines.append(
            f"{row['stored']:>10} {row['ms_per_article']:>19.3f} {row['lookup_ms']:>16.3f} "
            f"{row.get('move_ms', float('nan')):>12.3f} {row['candidates']:>18.1f} "
            f"{row['bytes_per_article']:>20.0f} {row['bytes_per_article'] * 1e6 / 1e9:>10.2f}"
        )
    if result["scale"]:
        lines += _scale_runs(result["scale"], sig_us)
    lines.append("")
    lines.append(
        f"peak RSS: {result['rss_after_assign_mb']:.0f} MB after the quality run (labelled set included), "
        f"{result['peak_rss_mb']:.0f} MB with the bulk filler for the scale rows"
    )
    return "\n".join(lines)


def register(groups: Any) -> None:
    p = groups.commands.add_parser(
        "story", help="one story: its copies with outlet, date, headline and similarity",
        description="one story: its copies with outlet, date, headline and similarity", parents=[groups.common],
    )
    p.set_defaults(handler=cmd_story)
    p.add_argument("id", help="a story id (or an article id: that article's story)")
    p.add_argument("--json", action="store_true", help="print the story as JSON")

    p = groups.commands.add_parser(
        "stories", help="recompute story groups", description="recompute story groups", parents=[groups.common],
    )
    p.set_defaults(handler=cmd_stories)
    p.add_argument("action", choices=("rebuild",), help="rebuild: forget every story and assign all articles again")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")

    p = groups.bench.add_parser("stories", help="story grouping: pair precision/recall, purity, speed, scale")
    p.set_defaults(handler=cmd_bench_stories)
    p.add_argument("--stories", type=int, default=1200, help="base stories to syndicate (default: 1200)")
    p.add_argument("--source", choices=("generated", "wcxb"), default="generated",
                   help="base texts: generated, or the gold texts of ../shared/bench/wcxb-dev")
    p.add_argument("--scale", default="10000,100000",
                   help="stored-article counts to time one assignment at (default: 10000,100000)")
    p.add_argument("--probes", type=int, default=300,
                   help="held-out labelled articles among the new articles timed at each scale (default: 300)")
    p.add_argument("--runs", type=int, default=3, help="timed runs of new articles at each scale (default: 3)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print the results as JSON")


def _scale_runs(points: list[dict[str, Any]], sig_us: float) -> list[str]:
    """The whole-run table of ``bench stories``: time, then memory and disk, per stored-article count."""
    runs = len(points[0]["runs"])
    lines = [
        "",
        f"new articles in whole runs of 200-article transactions, commits and level moves included (median of "
        f"{runs} runs; story step = signature + assignment)",
        f"{'stored':>10} {'run':>7} {'wall ms/article min-med-max':>28} {'CPU ms/article':>15} "
        f"{'worst batch ms':>15} {'moves to main':>14} {'story step/s':>13}",
    ]
    for row in points:
        cpu = statistics.median(r["cpu_ms_per_article"] for r in row["runs"])
        span = f"{row['ms_min']:.3f}-{row['ms_per_article']:.3f}-{row['ms_max']:.3f}"
        lines.append(
            f"{row['stored']:>10} {row['run_articles']:>7} {span:>28} {cpu:>15.3f} "
            f"{max(r['worst_batch_ms'] for r in row['runs']):>15.0f} "
            f"{sum(r['moves'].get('main', 0) for r in row['runs']):>14} "
            f"{1e6 / (sig_us + 1000 * row['ms_per_article']):>13.0f}"
        )
    lines += [
        "",
        f"{'stored':>10} {'RSS MB (anon)':>14} {'anon peak MB':>13} {'index mirrors peak MB':>22} "
        f"{'written KB/article':>19} {'file bytes/article':>19} {'build s':>8}",
    ]
    for row in points:
        written = statistics.median(r.get("written_per_article", 0) for r in row["runs"]) / 1000
        rss = f"{row['rss_mb']:.0f} ({row['rss_anon_mb']:.0f})"
        anon = max(r.get("anon_peak_mb", 0) for r in row["runs"])
        lines.append(
            f"{row['stored']:>10} {rss:>14} {anon:>13.0f} {row.get('peak_mirror_mb', row['mirror_mb']):>22.0f} "
            f"{written:>19.0f} "
            f"{row['file_bytes_per_article']:>19.0f} {row['build_s']:>8.0f}"
        )
    first, last = points[0], points[-1]
    if last["stored"] > first["stored"]:
        cpu_first, cpu_last = (statistics.median(r["cpu_ms_per_article"] for r in p["runs"]) for p in (first, last))
        lines.append(
            f"cost per article at {last['stored']} / at {first['stored']}: "
            f"{last['ms_per_article'] / first['ms_per_article']:.2f}x wall, {cpu_last / cpu_first:.2f}x CPU"
        )
    for row in points[1:]:
        paired = [r for r in row["runs"] if "reference" in r]
        if paired:
            wall = [r["ms_per_article"] / r["reference"]["ms_per_article"] for r in paired]
            cpu = [r["cpu_ms_per_article"] / r["reference"]["cpu_ms_per_article"] for r in paired]
            lines.append(
                f"paired: each run at {row['stored']} against as many new articles at {first['stored']} right "
                f"after it (runs from its state after the warm-up): {statistics.median(wall):.2f}x wall, median of "
                f"{', '.join(f'{x:.2f}' for x in wall)}; {statistics.median(cpu):.2f}x CPU, median of "
                f"{', '.join(f'{x:.2f}' for x in cpu)}"
            )
    return lines
