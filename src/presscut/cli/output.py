"""How the command line shows things to a person (or as JSON to a pipe)."""

from __future__ import annotations

import gzip
import json
import sys
import textwrap
from datetime import datetime
from pathlib import Path
from typing import Any

from presscut.article import Article
from presscut.errors import InputError
from presscut.store import SearchResult


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
        lines.append(f"{h.id}  {h.title or '(untitled)'}")
        lines.append(f"    {h.site_name or '?'} · {date} · {h.url or ''}".rstrip())
        lines.append(textwrap.indent(textwrap.fill(" ".join(h.snippet.split()), 96), "    "))
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
    lines = [f"articles: {counts['articles']}   earlier revisions: {counts['revisions']}"]
    for title, key in (("by site", "by_site"), ("by language", "by_language"), ("by month", "by_month"),
                       ("by page type", "by_page_type")):
        lines.append("")
        lines.append(f"{title}:")
        for k, n in counts[key].items():
            lines.append(f"  {k:<32} {n:>8}")
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
