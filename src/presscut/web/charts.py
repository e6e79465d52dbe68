"""The timeline chart: a small server-side SVG line chart, no plotting library.

Each series (one query) is drawn twice in its colour: articles as a solid
line, distinct stories as a dashed one.  Every label is escaped; the SVG
carries its own ``xmlns`` so the same text is served as a download.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

#: One colour per query, in order (readable on white, distinguishable in greyscale by dash).
PALETTE = ("#1f5fa8", "#c2412d", "#2e7d32", "#8e44ad", "#b8860b", "#00838f")
#: Periods filled in between the first and the last (so gaps show as zero), at most this many.
MAX_FILLED = 4000


@dataclass(slots=True)
class Series:
    label: str
    #: period key -> {"articles": n, "stories": n}
    counts: dict[str, dict[str, int]]


def periods(series: Sequence[Series], period: str) -> list[str]:
    """Every period key between the first and the last of all series (``unknown`` left out)."""
    keys = sorted({k for s in series for k in s.counts if k != "unknown"})
    if len(keys) < 2:
        return keys
    filled = _fill(keys[0], keys[-1], period)
    return filled if filled is not None else keys


def _fill(first: str, last: str, period: str) -> list[str] | None:
    try:
        if period == "month":
            y, m = int(first[:4]), int(first[5:7])
            out: list[str] = []
            while f"{y:04d}-{m:02d}" <= last and len(out) < MAX_FILLED:
                out.append(f"{y:04d}-{m:02d}")
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
            return out
        if period == "day":
            start, end = date.fromisoformat(first), date.fromisoformat(last)
            if (end - start).days > MAX_FILLED:
                return None
            return [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]
        if period == "week":  # keys are strftime('%Y-W%W'); walk the days and keep each new key
            day = _week_start(first)
            out = []
            while len(out) < MAX_FILLED:
                key = day.strftime("%Y-W%W")
                if key > last:
                    break
                if not out or out[-1] != key:
                    out.append(key)
                day += timedelta(days=1)
            return out
    except ValueError:
        return None
    return None


def _week_start(key: str) -> date:
    year, week = int(key[:4]), int(key[6:])
    jan1 = date(year, 1, 1)
    first_monday = jan1 + timedelta(days=(7 - jan1.weekday()) % 7)
    return jan1 if week == 0 else first_monday + timedelta(weeks=week - 1)


def line_chart(series: Sequence[Series], period: str, *, width: int = 960, height: int = 340) -> str:
    """An SVG line chart of articles (solid) and stories (dashed) per period, one colour per series."""
    keys = periods(series, period)
    left, right, top, bottom = 48, 16, 16, 64
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = _ticks(max([1, *(c.get("articles", 0) for s in series for c in s.counts.values())]))
    peak = ticks[-1]  # the scale's top is a round number at or above the largest count
    step = plot_w / max(1, len(keys) - 1)

    def x(i: int) -> float:
        return left + (i * step if len(keys) > 1 else plot_w / 2)

    def y(v: int) -> float:
        return top + plot_h - v / peak * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" font-family="system-ui, sans-serif" font-size="12">',
        f"<title>{escape(_title(series, period))}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for tick in ticks:  # horizontal grid with counts
        ty = y(tick)
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#e3e3e3"/>')
        out.append(f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" fill="#555">{tick}</text>')
    for i, key in _labelled(keys):
        out.append(f'<text x="{x(i):.1f}" y="{top + plot_h + 18}" text-anchor="middle" fill="#555">'
                   f"{escape(key)}</text>")
    if not keys:
        out.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" fill="#555">no dated articles</text>')
    for n, s in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        for metric, dash in (("articles", ""), ("stories", ' stroke-dasharray="5 4"')):
            points = [(x(i), y(s.counts.get(k, {}).get(metric, 0))) for i, k in enumerate(keys)]
            if not points:
                continue
            d = "M" + " L".join(f"{px:.1f},{py:.1f}" for px, py in points)
            out.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"{dash} '
                       f'class="series" data-metric="{metric}"/>')
            if len(points) <= 60 and metric == "articles":
                out.extend(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="2.5" fill="{colour}"/>' for px, py in points)
    legend_y = height - 18
    lx = float(left)
    for n, s in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        label = escape(s.label if len(s.label) <= 40 else s.label[:39] + "…")
        out.append(f'<line x1="{lx:.0f}" x2="{lx + 18:.0f}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
                   f'stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{lx + 22:.0f}" y="{legend_y}" fill="#222">{label}</text>')
        lx += 34 + 7 * min(len(s.label), 40)
    out.append(f'<text x="{width - right}" y="{legend_y}" text-anchor="end" fill="#555">'
               "solid: articles · dashed: distinct stories</text>")
    out.append("</svg>")
    return "\n".join(out)


def _title(series: Sequence[Series], period: str) -> str:
    names = ", ".join(s.label for s in series) or "all articles"
    return f"Articles and stories per {period}: {names}"


def _ticks(peak: int) -> list[int]:
    """Round grid values from 0 to the first at or above ``peak``, about five of them."""
    if peak <= 4:
        return list(range(peak + 1))
    raw = peak / 4
    magnitude = 10 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return list(range(0, -(-peak // step) * step + 1, step))


def _labelled(keys: Sequence[str], most: int = 10) -> Iterable[tuple[int, str]]:
    """At most ``most`` evenly spaced period labels."""
    every = max(1, -(-len(keys) // most))
    return [(i, k) for i, k in enumerate(keys) if i % every == 0]
