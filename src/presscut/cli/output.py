"""How the command line shows things to a person (or as JSON to a pipe)."""

from __future__ import annotations

import gzip
import json
import sys
import textwrap
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from presscut.errors import InputError

if TYPE_CHECKING:
    from presscut.article import Article
    from presscut.store import SearchResult
    from presscut.stories import Story


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def read_input(path: Path) -> bytes:
    """A file's bytes, gunzipped when it ends in .gz; a clear error when unreadable."""
    try:
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as fh:
                return fh.read()
        return path.read_bytes()
    except (OSError, EOFError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc


def render_hits(hits: list[SearchResult], total: int) -> str:
    if not hits:
        return "no results"
    lines = [f"{total} result{'s' if total != 1 else ''}, showing {len(hits)}:"]
    for h in hits:
        date = (h.published or "")[:10] or "no date"
        lines.append("")
        copies = f"  [{h.copies} copies, story {h.story_id}]" if h.copies > 1 else ""
        lines.append(f"{h.id}  {h.title or '(untitled)'}{copies}")
        lines.append(f"    {h.site_name or '?'} · {date} · {h.url or ''}".rstrip())
        lines.append(textwrap.indent(textwrap.fill(" ".join(h.highlighted().split()), 96), "    "))
    return "\n".join(lines)


def render_article(a: Article, earlier_revisions: int = 0) -> str:
    def evidence(name: str) -> str:
        src = a.evidence.get(name)
        return f"  [{src}]" if src else ""

    meta = [
        ("id", a.id, ""),
        ("title", a.title, evidence("title")),
        ("url", a.url, ""),
        ("canonical", a.canonical_url, evidence("canonical_url")),
        ("site", a.site_name, evidence("site_name")),
        ("authors", ", ".join(a.authors), evidence("authors")),
        ("published", _iso(a.published), f"  [{a.date_source}]" if a.date_source else ""),
        ("modified", _iso(a.modified), evidence("modified")),
        ("language", a.language, evidence("language")),
        ("page type", a.page_type, ""),
        ("attribution", a.attribution, evidence("attribution")),
        ("tags", ", ".join(a.tags), ""),
        ("description", a.description, ""),
        ("image", a.image, ""),
        ("origin", _origin(a), ""),
        ("revisions", str(earlier_revisions + 1) if earlier_revisions else None, ""),
    ]
    lines = [f"{k:<12} {v}{ev}" for k, v, ev in meta if v]
    lines += ["", "─" * 72, "", a.text or "(no text)", "", "─" * 72]
    if a.removed:
        lines.append(f"removed ({len(a.removed)}):")
        for r in a.removed:
            where = f" {r.where}" if r.where else ""
            lines.append(f"  [{r.reason}]{where}: {_short(r.text)}")
    else:
        lines.append("removed: nothing")
    return "\n".join(lines)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _origin(a: Article) -> str | None:
    o = a.origin
    if o is None:
        return None
    where = o.path or o.url or ""
    return f"{o.kind} {where}" + (f" @{o.offset}" if o.offset is not None else "")


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_counts(counts: dict[str, Any]) -> str:
    stories = f"   stories: {counts['stories']}" if "stories" in counts else ""
    lines = [f"articles: {counts['articles']}{stories}   earlier revisions: {counts['revisions']}"]
    for title, key in (("by site", "by_site"), ("by language", "by_language"), ("by month", "by_month"),
                       ("by page type", "by_page_type")):
        lines.append("")
        lines.append(f"{title}:")
        for k, n in counts[key].items():
            lines.append(f"  {k:<32} {n:>8}")
    for key in [k for k in counts if k.startswith("stories_by_")]:
        lines += ["", f"articles and stories by {key.removeprefix('stories_by_')}:"]
        lines.append(f"  {'':<32} {'articles':>8} {'stories':>8}")
        for k, row in counts[key].items():
            lines.append(f"  {k:<32} {row['articles']:>8} {row['stories']:>8}")
    return "\n".join(lines)


def render_story(story: Story) -> str:
    agency = f"   credited: {story.attribution}" if story.attribution else ""
    first = next((c for c in story.copies if c.original), None)
    first_published = (story.first_published or "unknown")[: 10 if first is not None and first.day_only else 16]
    lines = [
        f"story {story.id}: {len(story.copies)} copies on {story.sites} sites; "
        f"first published {first_published} ({story.original}){agency}",
        "",
        f"  {'':2} {'id':<16} {'site':<24} {'published':<16} {'similarity':>10}  title",
    ]
    for c in story.copies:
        mark = ("O" if c.original else " ") + ("R" if c.representative else " ")
        sim = f"{c.similarity:.2f}" if c.similarity is not None else "-"
        published = (c.published or "")[: 10 if c.day_only else 16]
        lines.append(
            f"  {mark} {c.id:<16} {_short(c.site_name or '?', 24):<24} {published:<16} "
            f"{sim:>10}  {_short(c.title or '(untitled)', 60)}"
        )
    lines += ["", "O: original (earliest published)   R: representative (similarities are against it)"]
    return "\n".join(lines)


def render_bench(result: dict[str, Any]) -> str:
    lines = [
        f"presscut bench ingest: {result['pages']} generated pages "
        f"({result['megabytes']:.1f} MB), {result['cpus']} CPUs",
        "",
        f"{'workers':>7} {'seconds':>9} {'pages/s':>9} {'pages/s/core':>13} {'peak RSS MB':>12} {'stored':>7}",
    ]
    for run in result["runs"]:
        lines.append(
            f"{run['workers']:>7} {run['seconds']:>9.2f} {run['pages_per_second']:>9.1f} "
            f"{run['pages_per_second_per_worker']:>13.1f} {run['peak_rss_mb']:>12.0f} {run['stored']:>7}"
        )
    return "\n".join(lines)
