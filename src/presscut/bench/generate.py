"""Deterministic synthetic news pages and noisy texts for benchmarks.

``generate_pages(out, n, seed)`` writes ``n`` plain ``.html`` English article
pages in the styles of the sample outlets (``presscut/samples/``): JSON-LD, meta tags,
a ``<time>`` element, a date in the URL path or only a visible dateline, each
with its own furniture (navigation, cookie banner, share buttons, figure,
related stories, most read, newsletter box, ads, comments, footer).  Article
text is built from a built-in word list; pages weigh 10-80 KB.  About one
page in twenty is a copy of a Meridian Press wire story that other pages of the
same run also carry, so deduplication has something to find.

``generate_texts(out, n, seed)`` writes noisy ``.txt`` articles of the kind a
naive scraper leaves behind.

Output depends only on ``seed`` and the page index: page ``i`` is the same
whatever ``n`` is.  Pass ``manifest=`` to also get the truth (title, authors,
date, first and last sentence...) of every file as JSON lines.

Command line: ``python -m presscut.bench.generate OUT --n 10000 [--texts 500]``.
"""

from __future__ import annotations

import argparse
import base64
import html
import json
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

from presscut.bench.vocabulary import FIRST_NAMES, LAST_NAMES, PLACES, SECTIONS, WORDS

AGENCY = "Meridian Press"


# -- outlets -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outlet:
    """A fictional outlet: its name, domain and the template family it uses."""

    name: str
    domain: str
    #: Template family: ``jsonld``, ``meta``, ``time``, ``urldate`` or ``dateline``.
    style: str
    #: Separator before the site name in ``<title>``.
    suffix: str
    lang: str


OUTLETS: tuple[Outlet, ...] = (
    Outlet("The Harbour Gazette", "harbourgazette.example", "jsonld", " | ", "en-GB"),
    Outlet("Saltmere Echo", "saltmere-echo.example", "jsonld", " | ", "en-GB"),
    Outlet("Valemont Courier", "valemontcourier.example", "meta", " - ", "en-US"),
    Outlet("Brackenford Post", "brackenfordpost.example", "meta", " - ", "en-US"),
    Outlet("Northreach Daily", "northreachdaily.example", "time", " | ", "en-CA"),
    Outlet("Eastfold Herald", "eastfoldherald.example", "time", " | ", "en-GB"),
    Outlet("Lakeshore Ledger", "lakeshoreledger.example", "urldate", " - ", "en-US"),
    Outlet("Thornbury Sentinel", "thornburysentinel.example", "urldate", " - ", "en-US"),
    Outlet("Greyhaven Evening Star", "greyhavenstar.example", "dateline", " | ", "en-GB"),
    Outlet("Averne Valley Times", "avernevalleytimes.example", "dateline", " - ", "en-US"),
)

TIMEZONES: tuple[timezone, ...] = tuple(timezone(timedelta(hours=h)) for h in (-7, -6, -5, -4, 0, 1, 2))
DATE_START = datetime(2015, 1, 1)
DATE_SPAN_MINUTES = int((datetime(2026, 12, 31, 23, 59) - DATE_START).total_seconds() // 60)


# -- content -----------------------------------------------------------------------

#: One body block: ("p", text), ("h2", text), ("quote", text) or ("ul", items joined by "\n").
Block = tuple[str, str]


@dataclass(slots=True)
class PageSpec:
    """Everything drawn at random for one page, before it is rendered."""

    outlet: Outlet
    url: str
    title: str
    standfirst: str
    section: str
    authors: list[str]
    published: datetime
    modified: datetime | None
    body: list[Block]
    caption: str
    credit: str
    image: str
    related: list[str]
    most_read: list[str]
    comments: list[tuple[str, str]]
    tags: list[str]
    nav: list[str]
    attribution: str | None
    cookie: bool
    newsletter: bool
    ads: int
    #: Where a dateline-only page says it was written.
    place: str
    #: Target page size in characters; inline style and script fill the gap.
    target_size: int
    #: Wire copies: which story and how this copy differs.
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Generated:
    """One generated file: its name, its content and the truth about it."""

    name: str
    content: str
    truth: dict[str, Any]


def _sentence(rng: random.Random, lo: int = 6, hi: int = 30) -> str:
    words = rng.choices(WORDS, k=rng.randint(lo, hi))
    if rng.random() < 0.35:
        words.insert(rng.randrange(len(words)), rng.choice(PLACES))
    if len(words) > 10 and rng.random() < 0.4:
        i = rng.randrange(3, len(words) - 2)
        words[i] += ","
    text = " ".join(words)
    if rng.random() < 0.12:
        return f"“{text[0].upper()}{text[1:]},” said {_name(rng)}."
    return f"{text[0].upper()}{text[1:]}."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(1, 6)))


def _headline(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(4, 10))
    if rng.random() < 0.6:
        words.insert(rng.randrange(len(words) + 1), rng.choice(PLACES))
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _slug(text: str) -> str:
    return "-".join("".join(c for c in w.lower() if c.isalnum()) for w in text.split()[:8]).strip("-")


def _body(rng: random.Random) -> list[Block]:
    blocks: list[Block] = []
    n = rng.randint(3, 15)
    for i in range(n):
        blocks.append(("p", _paragraph(rng)))
        if 0 < i < n - 1:
            r = rng.random()
            if r < 0.07:
                blocks.append(("h2", _headline(rng)))
            elif r < 0.11:
                blocks.append(("quote", _sentence(rng, 8, 24)))
            elif r < 0.14:
                items = [_sentence(rng, 3, 10).rstrip(".").lower() for _ in range(rng.randint(3, 6))]
                blocks.append(("ul", "\n".join(items)))
    return blocks


#: Distinct wire stories per run; about one page in twenty is a copy of one of them.
WIRE_STORIES = 40
WIRE_SHARE = 0.05


def _wire_body(seed: int, story: int) -> tuple[str, list[Block]]:
    """The wire story ``story`` of run ``seed``, dateline included: every copy starts from this text."""
    rng = random.Random(f"presscut-bench-wire:{seed}:{story}")
    body = [("p", _paragraph(rng)) for _ in range(rng.randint(5, 10))]
    body[0] = ("p", f"{rng.choice(PLACES).upper()} ({AGENCY}) — {body[0][1]}")
    return rng.choice(PLACES), body


def _draw(seed: int, index: int) -> PageSpec:
    rng = random.Random(f"presscut-bench-page:{seed}:{index}")
    outlet = rng.choice(OUTLETS)
    minutes = rng.randrange(DATE_SPAN_MINUTES)
    published = (DATE_START + timedelta(minutes=minutes)).replace(tzinfo=rng.choice(TIMEZONES))
    modified = published + timedelta(minutes=rng.randint(5, 2000)) if rng.random() < 0.5 else None
    section = rng.choice(SECTIONS)
    attribution: str | None = None
    if rng.random() < WIRE_SHARE:
        story = rng.randrange(WIRE_STORIES)
        _, body = _wire_body(seed, story)
        title = _headline(rng)
        variant = rng.choice(("base", "truncated", "local", "edited"))
        if variant == "truncated":
            body = body[: max(3, len(body) - rng.randint(1, 3))]
        elif variant == "local":
            body.append(("p", _paragraph(rng)))
        elif variant == "edited":
            k = rng.randrange(1, len(body))
            body[k] = ("p", _paragraph(rng))
        authors: list[str] = []
        attribution = AGENCY
        extra: dict[str, Any] = {"wire_story": story, "wire_variant": variant}
    else:
        title = _headline(rng)
        body = _body(rng)
        authors = [_name(rng) for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 3))]
        extra = {}
    slug = _slug(title)
    if outlet.style == "urldate":
        url = f"https://{outlet.domain}/{published:%Y/%m/%d}/{slug}/"
    else:
        url = f"https://www.{outlet.domain}/{section.lower()}/{slug}-{rng.randrange(10**6, 10**7)}"
    return PageSpec(
        outlet=outlet,
        url=url,
        title=title,
        standfirst=_sentence(rng, 10, 24),
        section=section,
        authors=authors,
        published=published,
        modified=modified,
        body=body,
        caption=_sentence(rng, 6, 16),
        credit=f"Photo: {_name(rng)}",
        image=f"https://cdn.{outlet.domain}/images/{published:%Y/%m}/{slug[:40]}-{rng.randrange(1000)}.jpg",
        related=[_headline(rng) for _ in range(rng.randint(3, 6))],
        most_read=[_headline(rng) for _ in range(5)],
        comments=[(_name(rng) if rng.random() < 0.6 else f"{rng.choice(WORDS)}_{rng.randrange(100)}",
                   _paragraph(rng) if rng.random() < 0.3 else _sentence(rng, 4, 20))
                  for _ in range(rng.choice((0, 0, 1, 2, 3, 5, 8, 12)))],
        tags=rng.sample(WORDS[40:], k=rng.randint(2, 5)),
        nav=[w.capitalize() for w in rng.sample(WORDS[40:], k=rng.randint(8, 60))],
        attribution=attribution,
        cookie=rng.random() < 0.85,
        newsletter=rng.random() < 0.7,
        ads=rng.randint(0, 4),
        place=rng.choice(PLACES),
        target_size=int(1024 * 10 * 7.9 ** rng.random()),  # log-uniform, 10-79 KB
        extra=extra,
    )


# -- rendering ---------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _blocks(body: list[Block], p_open: str = "<p>", h: str = "h2", ad: str = "", ad_every: int = 0) -> str:
    out: list[str] = []
    for i, (kind, text) in enumerate(body):
        if kind == "p":
            out.append(f"{p_open}{_esc(text)}</p>")
        elif kind == "h2":
            out.append(f"<{h}>{_esc(text)}</{h}>")
        elif kind == "quote":
            out.append(f"<blockquote><p>{_esc(text)}</p></blockquote>")
        else:
            items = "".join(f"<li>{_esc(x)}</li>" for x in text.split("\n"))
            out.append(f"<ul>{items}</ul>")
        if ad and ad_every and i % ad_every == ad_every - 1 and i < len(body) - 1:
            out.append(ad)
    return "\n".join(out)


def _links(items: Sequence[str], base: str, tag: str = "li") -> str:
    return "\n".join(f'<{tag}><a href="{base}/{_slug(t)}">{_esc(t)}</a></{tag}>' for t in items)


def _us_date(d: datetime) -> str:
    hour = d.hour % 12 or 12
    return f"{d:%B} {d.day}, {d.year} {hour}:{d.minute:02d} {'a.m.' if d.hour < 12 else 'p.m.'}"


def _comments(spec: PageSpec, wrap: str, name_cls: str) -> str:
    if not spec.comments:
        return f'<{wrap} class="comments"><p>Be the first to comment.</p></{wrap}>'
    items = "\n".join(
        f'<div class="comment"><span class="{name_cls}">{_esc(n)}</span> <span class="ago">{i + 1} hours ago</span>'
        f"<p>{_esc(c)}</p><a href=\"#reply\">Reply</a></div>"
        for i, (n, c) in enumerate(spec.comments)
    )
    return f'<{wrap} class="comments" id="comments"><h2>Comments ({len(spec.comments)})</h2>\n{items}\n</{wrap}>'


def _chrome(spec: PageSpec) -> tuple[str, str, str]:
    """Cookie banner, header with navigation, and the sidebar (most read, newsletter, ad)."""
    o = spec.outlet
    base = f"https://www.{o.domain}"
    cookie = (
        f'<div class="cookie-banner" role="dialog"><p>{_esc(o.name)} and its partners use cookies to personalise '
        "content and ads and to measure traffic.</p><button>Accept all</button><button>Manage choices</button></div>"
        if spec.cookie else ""
    )
    nav = "\n".join(f'<li><a href="{base}/{n.lower()}">{n}</a></li>' for n in spec.nav)
    header = (
        f'<header class="site-header"><a class="logo" href="{base}/">{_esc(o.name)}</a>\n'
        f'<nav class="menu"><ul>\n{nav}\n</ul></nav>\n'
        f'<a class="subscribe" href="{base}/subscribe">Subscribe</a> <a href="{base}/login">Sign in</a></header>'
    )
    newsletter = (
        f'<div class="newsletter"><h3>Get the {_esc(o.name)} briefing</h3><p>The day\'s top stories in your inbox '
        'every morning.</p><form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>'
        if spec.newsletter else ""
    )
    sidebar = (
        f'<aside class="sidebar"><div class="most-read"><h2>Most read</h2><ol>\n{_links(spec.most_read, base)}\n'
        f"</ol></div>\n{newsletter}\n"
        + '<div class="ad ad-rail"><span>Advertisement</span></div>' * min(spec.ads, 2)
        + "</aside>"
    )
    return cookie, header, sidebar


def _footer(spec: PageSpec) -> str:
    o = spec.outlet
    return (
        f'<footer class="site-footer"><p><a href="/about">About</a> · <a href="/contact">Contact</a> · '
        f'<a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p>'
        f"<p>© {spec.published.year} {_esc(o.name)}. All rights reserved.</p></footer>"
    )


def _head(spec: PageSpec, meta: str) -> str:
    o = spec.outlet
    return (
        f'<!DOCTYPE html>\n<html lang="{o.lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(spec.title)}{o.suffix}{_esc(o.name)}</title>\n"
        f'<meta name="description" content="{_attr(spec.standfirst)}">\n'
        f'<link rel="canonical" href="{spec.url}">\n'
        f'<meta property="og:type" content="article">\n<meta property="og:title" content="{_attr(spec.title)}">\n'
        f'<meta property="og:url" content="{spec.url}">\n<meta property="og:site_name" content="{_attr(o.name)}">\n'
        f'<meta property="og:image" content="{spec.image}">\n{meta}'
        f'<link rel="stylesheet" href="https://static.{o.domain}/css/site.css">\n'
    )


def _byline(spec: PageSpec, prefix: str = "By ") -> str:
    if spec.authors:
        return prefix + " and ".join(f'<a rel="author" href="/author/{_slug(a)}">{_esc(a)}</a>' for a in spec.authors)
    return f'<span class="agency">{AGENCY}</span>'


def _figure(spec: PageSpec) -> str:
    return (
        f'<figure class="lead"><img src="{spec.image}" alt="" width="1200" height="675">'
        f'<figcaption>{_esc(spec.caption)} <span class="credit">{_esc(spec.credit)}</span></figcaption></figure>'
    )


def _share() -> str:
    return ('<ul class="share"><li><a href="#">Share on Facebook</a></li><li><a href="#">Share on X</a></li>'
            '<li><a href="#">WhatsApp</a></li><li><a href="#">Email</a></li><li><button>Copy link</button></li></ul>')


def _render_jsonld(spec: PageSpec) -> tuple[str, str]:
    ld: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": spec.title,
        "datePublished": spec.published.isoformat(), "image": [spec.image], "articleSection": spec.section,
        "mainEntityOfPage": spec.url, "publisher": {"@type": "NewsMediaOrganization", "name": spec.outlet.name},
    }
    if spec.modified:
        ld["dateModified"] = spec.modified.isoformat()
    if spec.authors:
        ld["author"] = [{"@type": "Person", "name": a} for a in spec.authors]
    else:
        ld["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": AGENCY}
    script = json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
    head = _head(spec, f'<script type="application/ld+json">{script}</script>\n')
    dateline = f"{spec.published:%A} {spec.published.day} {spec.published:%B %Y %H.%M}"
    ad = '<div class="ad-slot"><span class="ad-label">Advertisement</span></div>' if spec.ads else ""
    main = (
        f'<nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/{spec.section.lower()}">'
        f"{spec.section}</a></li></ol></nav>\n"
        f'<main id="main"><article class="article"><h1 class="headline">{_esc(spec.title)}</h1>\n'
        f'<p class="standfirst">{_esc(spec.standfirst)}</p>\n'
        f'<div class="meta"><span class="byline">{_byline(spec)}</span> <span class="date">{dateline}</span></div>\n'
        f'{_share()}\n{_figure(spec)}\n<div class="article-body">\n{_blocks(spec.body, ad=ad, ad_every=4)}\n</div>\n'
        f'<aside class="related"><h2>Related stories</h2><ul>\n{_links(spec.related, "/news")}\n</ul></aside>\n'
        f'</article>\n{_comments(spec, "section", "comment-author")}</main>'
    )
    return head, main


def _render_meta(spec: PageSpec) -> tuple[str, str]:
    meta = f'<meta property="article:published_time" content="{spec.published.isoformat()}">\n'
    if spec.modified:
        meta += f'<meta property="article:modified_time" content="{spec.modified.isoformat()}">\n'
    if spec.authors:
        meta += f'<meta name="author" content="{_attr(", ".join(spec.authors))}">\n'
    head = _head(spec, meta)
    ad = '<div class="ad-container"><div class="gpt-slot"></div><span>Advertisement</span></div>' if spec.ads else ""
    related_inline = (
        f'<p class="related-inline"><strong>RELATED:</strong> <a href="/news/x">{_esc(spec.related[0])}</a></p>'
    )
    body = list(spec.body)
    main = (
        f'<div class="crumbs"><a href="/">Home</a> / <a href="/{spec.section.lower()}/">{spec.section}</a></div>\n'
        f'<div class="main-col"><h1 class="entry-title">{_esc(spec.title)}</h1>\n'
        f'<p class="byline">{_byline(spec)}</p><p class="timestamp">Published {_us_date(spec.published)}</p>\n'
        f'{_share()}\n{_figure(spec)}\n<div class="story-body">\n{_blocks(body[:2])}\n{related_inline}\n'
        f'{_blocks(body[2:], ad=ad, ad_every=3)}\n'
        f'<p class="story-end">Have a news tip? Email newsroom@{spec.outlet.domain}.</p></div>\n'
        f'<div class="more"><h3>More from {_esc(spec.outlet.name)}</h3><ul>\n{_links(spec.related[1:], "/news")}\n'
        f'</ul></div>\n{_comments(spec, "div", "fn")}</div>'
    )
    return head, main


_P_PARAGRAPH = '<p class="article__paragraph">'


def _render_time(spec: PageSpec) -> tuple[str, str]:
    head = _head(spec, "")
    ad = '<aside class="ad ad--inarticle"><div class="ad__slot"></div></aside>' if spec.ads else ""
    cards = "\n".join(f'<a class="card" href="/news/{_slug(t)}"><h3 class="card__title">{_esc(t)}</h3></a>'
                      for t in spec.related)
    main = (
        f'<div class="breadcrumbs"><a href="/">Home</a> › <span>{spec.section}</span></div>\n'
        f'<main class="layout"><article class="article"><div class="article__kicker">{spec.section}</div>\n'
        f'<h1 class="article__title">{_esc(spec.title)}</h1>\n'
        f'<div class="article__meta"><span class="article__author">{_byline(spec)}</span> · '
        f'<time datetime="{spec.published.isoformat()}">{_us_date(spec.published)}</time></div>\n'
        f'{_share()}\n{_figure(spec)}\n<section class="article__content">\n'
        f'{_blocks(spec.body, p_open=_P_PARAGRAPH, ad=ad, ad_every=5)}\n</section></article>\n'
        f'<section class="read-next"><h2>Read next</h2>\n{cards}\n</section>\n'
        f'{_comments(spec, "section", "comment-card__name")}</main>'
    )
    return head, main


def _render_urldate(spec: PageSpec) -> tuple[str, str]:
    head = _head(spec, f'<link rel="shortlink" href="https://{spec.outlet.domain}/?p={len(spec.url) * 977}">\n')
    share = ('<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul><li>Facebook</li><li>X</li>'
             "<li>Email</li><li>Print</li></ul></div>")
    ad = '<div class="code-block"><div class="ad-slot">ADVERTISEMENT</div></div>' if spec.ads else ""
    byline = _byline(spec, "Story by ") if spec.authors else "Wire report"
    related = "\n".join(f'<div class="jp-relatedposts-post"><h4><a href="/?p={i}">{_esc(t)}</a></h4></div>'
                        for i, t in enumerate(spec.related))
    main = (
        f'<main id="main" class="site-main"><article class="post type-post status-publish">\n'
        f'<header class="entry-header"><span class="cat-links"><a rel="category tag" href="/category/'
        f'{spec.section.lower()}/">{spec.section}</a></span><h1 class="entry-title">{_esc(spec.title)}</h1>\n'
        f'<div class="entry-meta"><span class="byline">{byline}</span></div></header>\n'
        f'<div class="post-thumbnail"><img src="{spec.image}" alt=""><p class="wp-caption-text">{_esc(spec.caption)}'
        f" <em>{_esc(spec.credit)}</em></p></div>\n"
        f'<div class="entry-content">\n{share}\n{_blocks(spec.body, ad=ad, ad_every=4)}\n{share}\n'
        f'<div id="jp-relatedposts"><h3><em>Related</em></h3>\n{related}\n</div></div></article>\n'
        f'{_comments(spec, "div", "fn")}\n<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be '
        f"published. Required fields are marked *</p></div></main>"
    )
    return head, main


def _render_dateline(spec: PageSpec) -> tuple[str, str]:
    head = _head(spec, "")
    d = spec.published
    dateline = f"{spec.place.upper()}, {d:%A} {d.day} {d:%B} {d.year}"
    ad = '<div class="advert">Advertisement</div>' if spec.ads else ""
    main = (
        f'<div class="trail"><a href="/">Home</a> / <a href="/{spec.section.lower()}">{spec.section}</a></div>\n'
        f'<article class="story"><h1 class="story-title">{_esc(spec.title)}</h1>\n'
        f'<div class="story-author">{_byline(spec)}</div>\n{_share()}\n{_figure(spec)}\n'
        f'<p class="dateline">{dateline}</p>\n<div class="story-text">\n{_blocks(spec.body, ad=ad, ad_every=4)}\n'
        f'</div></article>\n<section class="related-links"><h3>Related</h3><ul>\n'
        f'{_links(spec.related, "/story")}\n</ul></section>\n{_comments(spec, "section", "commenter")}'
    )
    return head, main


RENDERERS: dict[str, Callable[[PageSpec], tuple[str, str]]] = {
    "jsonld": _render_jsonld,
    "meta": _render_meta,
    "time": _render_time,
    "urldate": _render_urldate,
    "dateline": _render_dateline,
}
DATE_SOURCE: dict[str, str] = {
    "jsonld": "json-ld", "meta": "meta", "time": "time-element", "urldate": "url", "dateline": "text",
}


@cache
def _filler() -> tuple[str, str]:
    """Deterministic inline-script and stylesheet text used to bring pages up to size."""
    rng = random.Random("presscut-bench-filler")
    state = base64.b64encode(rng.randbytes(60_000)).decode("ascii")
    rules = []
    for i in range(1600):
        cls = f"{rng.choice(WORDS[40:])}-{rng.choice(WORDS[40:])}{i}"
        rules.append(f".{cls}{{margin:{rng.randrange(40)}px {rng.randrange(40)}px;color:#{rng.randrange(16**6):06x}}}")
    return state, "\n".join(rules)


def _pad(rng: random.Random, need: int) -> str:
    """Inline ``<style>`` and ``<script>`` of about ``need`` characters, as real pages carry."""
    if need <= 0:
        return ""
    state, css = _filler()
    css_len = min(need // 3, len(css))
    start = rng.randrange(len(css) - css_len + 1)
    style = f"<style>{css[start:start + css_len]}</style>\n" if css_len > 200 else ""
    js_len = max(0, min(need - len(style), len(state)))
    start = rng.randrange(len(state) - js_len + 1)
    script = f'<script>window.__STATE__ = {{"v": 3, "hydrate": "{state[start:start + js_len]}"}};</script>\n'
    return style + script


def _first_last(body: list[Block]) -> tuple[str, str]:
    paras = [t for k, t in body if k == "p"]
    first = paras[0].split(" — ", 1)[-1]
    first = first[: first.index(".") + 1] if "." in first else first
    last = paras[-1]
    cut = last[:-1].rfind(". ")
    return first, (last[cut + 2:] if cut >= 0 else last)


def make_page(index: int, seed: int = 0) -> Generated:
    """Page ``index`` of run ``seed``, rendered, with its truth."""
    spec = _draw(seed, index)
    style = spec.outlet.style
    head, main = RENDERERS[style](spec)
    cookie, header, sidebar = _chrome(spec)
    page_body = f"<body>\n{cookie}\n{header}\n{main}\n{sidebar}\n{_footer(spec)}\n</body>\n</html>\n"
    rng = random.Random(f"presscut-bench-pad:{seed}:{index}")
    page = head + _pad(rng, spec.target_size - len(head) - len(page_body) - 20) + "</head>\n" + page_body
    first, last = _first_last(spec.body)
    published = spec.published.isoformat() if style in ("jsonld", "meta", "time") else spec.published.date().isoformat()
    truth: dict[str, Any] = {
        "url": spec.url, "title": spec.title, "authors": spec.authors, "published": published,
        "date_source": DATE_SOURCE[style], "site_name": spec.outlet.name, "attribution": spec.attribution,
        "page_type": "article", "first_sentence": first, "last_sentence": last,
        "paragraphs": sum(1 for k, _ in spec.body if k in ("p", "quote")), **spec.extra,
    }
    return Generated(f"page-{index:06d}.html", page, truth)


# -- noisy texts -------------------------------------------------------------------


def make_text(index: int, seed: int = 0) -> Generated:
    """Noisy scraped text ``index`` of run ``seed``, with its truth."""
    rng = random.Random(f"presscut-bench-text:{seed}:{index}")
    outlet = rng.choice(OUTLETS)
    title = _headline(rng)
    author = _name(rng) if rng.random() < 0.85 else None
    paras = [_paragraph(rng) for _ in range(rng.randint(3, 12))]
    wire = rng.random() < 0.1
    if wire:
        paras[0] = f"{rng.choice(PLACES).upper()} ({AGENCY}) — {paras[0]}"
    glued: list[list[str]] = []
    for _ in range(rng.randint(0, 3)):
        k = rng.randrange(1, len(paras) - 1) if len(paras) > 2 else 0
        words = paras[k].split(" ")
        if len(words) < 6:
            continue
        j = rng.randrange(1, len(words) - 2)
        a, b = words[j], words[j + 1]
        if not (a.isalpha() and b.isalpha()):
            continue
        glued.append([a + b, f"{a} {b}"])
        paras[k] = " ".join([*words[:j], a + b, *words[j + 2:]])
    d = (DATE_START + timedelta(minutes=rng.randrange(DATE_SPAN_MINUTES))).date()
    dated = rng.random() < 0.7
    lines = ["Skip to content", outlet.name, *rng.sample(("News", "Sport", "Opinion", "Business", "Culture",
                                                           "Obituaries", "E-Edition", "Subscribe", "Sign In"), k=5)]
    lines += [title] * rng.randint(2, 3)
    if rng.random() < 0.5:
        lines.append(f"{title}{outlet.suffix}{outlet.name}")
    if dated:
        lines.append(f"Published {d:%B} {d.day}, {d.year}")
    if author:
        lines.append(f"By {author}")
    lines += ["Share:", "Facebook", "X", "Email"]
    image = f"{_slug(title)[:30]}-{rng.randrange(100)}.jpg"
    lines += [image, f"{_sentence(rng, 5, 14)} Photo: {_name(rng)}"]
    for i, p in enumerate(paras):
        lines.append(p)
        if i < len(paras) - 1 and rng.random() < 0.25:
            lines.append(f"READ ALSO: {_headline(rng)}")
        if i == len(paras) // 2 and rng.random() < 0.5:
            lines += ["Subscribe to our newsletter", "Get the top stories in your inbox every morning."]
    if wire:
        lines.append(f"Source: {AGENCY}")
    lines += ["We use cookies to improve your experience on our site. By continuing you agree to our Privacy Policy.",
              "Accept", f"© {d.year} {outlet.name}. All rights reserved.", "Terms of Use | Privacy Policy | Contact Us"]
    first, last = _first_last([("p", p) for p in paras])
    truth: dict[str, Any] = {
        "title": title, "authors": [author] if author else [], "published": d.isoformat() if dated else None,
        "site_name": outlet.name, "attribution": AGENCY if wire else None, "page_type": "article",
        "first_sentence": first, "last_sentence": last, "must_not_contain": [image, "Subscribe to our newsletter"],
        "glued": glued,
    }
    return Generated(f"text-{index:06d}.txt", "\n".join(lines) + "\n", truth)


# -- writing ---------------------------------------------------------------------


def _write_all(out_dir: Path, items: Iterator[Generated], manifest: Path | None) -> list[Path]:
    """Write each item as it is made (memory stays flat), and its truth to ``manifest``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    truths = None
    if manifest is not None:
        manifest.parent.mkdir(parents=True, exist_ok=True)
        truths = manifest.open("w", encoding="utf-8")
    try:
        for item in items:
            path = out_dir / item.name
            path.write_text(item.content, encoding="utf-8")
            paths.append(path)
            if truths is not None:
                truths.write(json.dumps({"file": item.name, **item.truth}, ensure_ascii=False) + "\n")
    finally:
        if truths is not None:
            truths.close()
    return paths


def generate_pages(out_dir: Path, n: int, seed: int = 0, *, manifest: Path | None = None) -> list[Path]:
    """Write ``n`` synthetic article pages ``page-000000.html``... into ``out_dir``.

    ``out_dir`` gets only the pages; the truth goes to ``manifest`` (JSON lines)
    when given, which should lie outside ``out_dir`` if that folder is ingested.
    """
    return _write_all(Path(out_dir), (make_page(i, seed) for i in range(n)), manifest)


def generate_texts(out_dir: Path, n: int, seed: int = 0, *, manifest: Path | None = None) -> list[Path]:
    """Write ``n`` noisy scraped texts ``text-000000.txt``... into ``out_dir``."""
    return _write_all(Path(out_dir), (make_text(i, seed) for i in range(n)), manifest)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m presscut.bench.generate", description="Write deterministic synthetic news pages."
    )
    parser.add_argument("out", type=Path, help="folder to write into (created if missing)")
    parser.add_argument("--n", type=int, default=10_000, help="number of HTML pages (default: 10000)")
    parser.add_argument("--texts", type=int, default=0, help="number of noisy .txt files (default: 0)")
    parser.add_argument("--seed", type=int, default=0, help="run seed (default: 0)")
    parser.add_argument("--manifest", type=Path, help="also write the truth of every file here, as JSON lines")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    pages = generate_pages(args.out, args.n, args.seed, manifest=args.manifest)
    texts: list[Path] = []
    if args.texts:
        text_manifest = args.manifest.with_suffix(".texts.jsonl") if args.manifest else None
        texts = generate_texts(args.out, args.texts, args.seed, manifest=text_manifest)
    size = sum(p.stat().st_size for p in [*pages, *texts])
    print(f"wrote {len(pages)} pages and {len(texts)} texts ({size / 1e6:.1f} MB) to {args.out} "
          f"in {time.perf_counter() - start:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
