"""HTML extraction: main text, furniture, metadata with evidence, and bad input.

Every page here is synthetic (fictional outlets), written inline or under
``tests/fixtures/extract/``.
"""

from __future__ import annotations

import gzip
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from presscut.article import Article
from presscut.config import ExtractConfig
from presscut.extraction import extract
from presscut.extraction.authors import people
from presscut.extraction.titles import strip_site_suffix
from presscut.extraction.walk import REMOVED_TEXT_CHARS

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
NO_LANG = ExtractConfig(detect_language=False)

PARAGRAPHS = [
    "Dock workers in Saltmere returned to work on Thursday morning, ending a nine-day strike that had "
    "left container ships queuing in the estuary.",
    "The union accepted a pay rise of six percent over two years, along with a promise to review "
    "night-shift staffing before the winter season.",
    "Port managers said the backlog of more than forty vessels would take at least a week to clear, "
    "and hauliers were warned of delays on the coast road.",
]


def page(body: str, head: str = "", lang: str = "en") -> str:
    """A minimal HTML document around ``body``."""
    return f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def article_html(*paragraphs: str, head: str = "", before: str = "", after: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return page(f"{before}<article><div class='article-body'>{body}</div></article>{after}", head)


def run(html: str | bytes, url: str | None = None, **kwargs: object) -> Article:
    kwargs.setdefault("config", NO_LANG)
    kwargs.setdefault("fetched_at", FETCHED)
    return extract(html, url, **kwargs)  # type: ignore[arg-type]


# -- main content -------------------------------------------------------------------


@pytest.fixture(scope="module")
def furnished() -> Article:
    data = (FIXTURES / "furniture.html").read_bytes()
    return extract(
        data,
        "https://harbourgazette.example/news/saltmere?utm_source=feed",
        config=NO_LANG,
        fetched_at=datetime(2024, 5, 3, tzinfo=timezone.utc),
    )


def test_full_furniture_page_keeps_exactly_the_article(furnished: Article) -> None:
    assert furnished.text == "\n\n".join(
        [
            PARAGRAPHS[0],
            PARAGRAPHS[1],
            "What the deal means",
            PARAGRAPHS[2],
            "“We have won what we came out for,” said union steward Ilse Marrow, speaking outside the "
            "harbour gates as the first shift clocked in.",
        ]
    )
    assert furnished.page_type == "article"


def test_full_furniture_page_records_what_was_removed_and_why(furnished: Article) -> None:
    reasons = {r.reason: r for r in furnished.removed}
    expected = {
        "cookie-notice": "We use cookies",
        "header": "News Business Sport",
        "share": "Share on Facebook",
        "promo": "Read more: Why the estuary",
        "caption": "Ships waiting off Saltmere",
        "newsletter": "Sign up for our free daily newsletter",
        "related": "Ferry fares to rise",
        "comments": "About time too",
        "footer": "All rights reserved",
        "byline": "By Mara Quillon",
        "title": "Saltmere dock strike ends",
    }
    for reason, snippet in expected.items():
        assert reason in reasons, reason
        assert any(snippet in r.text for r in furnished.removed if r.reason == reason), reason
    most_read = [r for r in furnished.removed if "Storm warning" in r.text]
    assert [r.reason for r in most_read] == ["related"]
    assert all(r.where for r in furnished.removed)
    assert "share-bar" in reasons["share"].where  # type: ignore[operator]


def test_full_furniture_page_metadata(furnished: Article) -> None:
    a = furnished
    assert a.title == "Saltmere dock strike ends after nine days"
    assert a.authors == ["Mara Quillon", "Tobias Fenwright"]
    assert a.published == datetime(2024, 5, 2, 8, 30, tzinfo=timezone.utc)
    assert a.published is not None and a.published.utcoffset() is not None
    assert a.modified == datetime(2024, 5, 2, 11, 0, tzinfo=timezone.utc)
    assert a.date_source == "json-ld"
    assert a.site_name == "The Harbour Gazette"
    assert a.canonical_url == "https://harbourgazette.example/2024/05/02/saltmere-dock-strike-ends"
    assert a.image == "https://harbourgazette.example/images/docks.jpg"
    assert a.description is not None and a.description.startswith("Dock workers in Saltmere")
    assert a.tags == ["labour", "ports", "Saltmere", "Business"]
    assert a.language == "en"  # from <html lang="en-GB">, detection being off
    assert a.evidence == {
        "canonical_url": "link:canonical",
        "site_name": "meta:og:site_name",
        "title": "h1",
        "authors": "json-ld",
        "published": "json-ld",
        "modified": "json-ld",
        "description": "meta:description",
        "image": "meta:og:image",
        "tags": "json-ld",
        "language": "html-lang",
    }
    assert a.id and a.id == Article.from_json(a.to_json()).id


def test_removed_text_is_capped() -> None:
    cookie = "We use cookies. " * 60
    a = run(article_html(*PARAGRAPHS, before=f"<div class='cookie-notice'>{cookie}</div>"))
    notice = [r for r in a.removed if r.reason == "cookie-notice"]
    assert len(notice) == 1
    assert len(notice[0].text) <= REMOVED_TEXT_CHARS
    assert "cookies" not in a.text


CLOSING = "Talks on the night-shift review are due to start in September, both sides said."


def test_blocks_keep_their_shape() -> None:
    html = page(
        "<article>"
        "<h2>How the vote went</h2>"
        f"<p>{PARAGRAPHS[0]}</p>"
        "<ul><li>Yes: 412 members</li><li>No: 97 members</li></ul>"
        f"<blockquote>{PARAGRAPHS[1]}</blockquote>"
        "<table><tr><th>Port</th><th>Ships waiting</th></tr><tr><td>Saltmere</td><td>41</td></tr></table>"
        f"<p>{PARAGRAPHS[2]}<br>Second line of the same paragraph.<br><br>{CLOSING}</p>"
        "</article>"
    )
    a = run(html)
    assert a.text.split("\n\n") == [
        "How the vote went",
        PARAGRAPHS[0],
        "Yes: 412 members",
        "No: 97 members",
        PARAGRAPHS[1],
        "Port | Ships waiting",
        "Saltmere | 41",
        PARAGRAPHS[2] + "\nSecond line of the same paragraph.",
        CLOSING,
    ]
    assert "\n\n\n" not in a.text


def test_promotion_lines_link_dense_blocks_and_short_furniture_are_dropped() -> None:
    html = article_html(
        PARAGRAPHS[0],
        "READ ALSO: <a href='/x'>Ferry fares to rise</a>",
        PARAGRAPHS[1],
        "<a href='/a'>Harbour master retires</a> <a href='/b'>New bridge opens</a> <a href='/c'>Storm warning</a>",
        "Advertisement",
        "5 min read",
        PARAGRAPHS[2],
        "See also - the full timeline",
    )
    a = run(html)
    assert a.text == "\n\n".join(PARAGRAPHS)
    reasons = [r.reason for r in a.removed]
    assert reasons.count("promo") == 2
    assert "link-dense" in reasons
    assert "boilerplate" in reasons
    assert "byline" in reasons


@pytest.mark.parametrize(
    "lead",
    ["MIRA: <a href='/x'>Capturan a dos sospechosos en la frontera</a>",
     "También te puede interesar: <a href='/x'>Suben las tarifas del ferry</a>",
     "Siehe auch: <a href='/x'>Fährpreise steigen im Juni</a>",
     "Voir aussi : <a href='/x'>Le prix du ferry augmente</a>",
     "Saiba mais: <a href='/x'>Tarifas do ferry sobem em junho</a>",
     "Potrebbe interessarti: <a href='/x'>Aumentano le tariffe del traghetto</a>",
     "Читайте также: <a href='/x'>Паромные тарифы вырастут в июне</a>",
     "Czytaj także: <a href='/x'>Ceny promów rosną w czerwcu</a>"],
)
def test_promotion_leads_in_other_languages_are_dropped(lead: str) -> None:
    a = run(article_html(PARAGRAPHS[0], lead, PARAGRAPHS[1], PARAGRAPHS[2]))
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert [r.reason for r in a.removed].count("promo") == 1


def test_a_paragraph_that_only_starts_like_a_promotion_stays() -> None:
    line = "Mira Patel, the harbour's new pilot, guided the first ship in at dawn on Monday."
    a = run(article_html(PARAGRAPHS[0], line, PARAGRAPHS[1], PARAGRAPHS[2]))
    assert line in a.text


def test_related_heading_takes_its_section_along() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = page(
        f"<article>{body}<div class='more'><h3>Recent articles</h3>"
        "<p>Ferry fares to rise in June after fuel costs climb across the whole network.</p>"
        "<p>The harbour master retires after thirty years of service on the estuary.</p></div>"
        "<h2>Background</h2><p>The port has been run by a trust since 1952, with the city holding a seat.</p>"
        "</article>"
    )
    a = run(html)
    assert "Ferry fares" not in a.text and "harbour master" not in a.text
    assert a.text.endswith("Background\n\nThe port has been run by a trust since 1952, with the city holding a seat.")
    related = [r for r in a.removed if r.reason == "related"]
    assert [r.text[:14] for r in related] == ["Recent article", "Ferry fares to", "The harbour ma"]


def test_class_tokens_are_words_not_substrings() -> None:
    # "masthead" is not "header", "shadow"/"read"/"loaded" are not "ad", "sc-9749ad0f" is a hash.
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = page(
        f"<div class='masthead-shadow readable loaded sc-9749ad0f-0'><div class='story-text'>{body}</div></div>"
        "<div class='ad-slot'><p>Buy the new Valemont phone today with a huge discount for readers.</p></div>"
    )
    a = run(html)
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert [r.reason for r in a.removed if "Valemont phone" in r.text] == ["advert"]


def test_content_shields_itself_from_weak_class_matches() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    # WordPress marks posts with their categories; an <article> is not a newsletter box.
    html = page(f"<article class='post category-newsletter tag-social newsletter-post'>{body}</article>")
    assert run(html).text == "\n\n".join(PARAGRAPHS)


# -- metadata ----------------------------------------------------------------------------


def test_metadata_from_meta_tags() -> None:
    head = (
        "<title>Valemont council approves new tram line - Valemont Courier</title>"
        "<meta property='og:site_name' content='Valemont Courier'>"
        "<meta property='article:published_time' content='2024-03-05T08:15:00Z'>"
        "<meta property='article:modified_time' content='2024-03-06T10:00:00Z'>"
        "<meta name='author' content='Ines Calder'>"
        "<meta property='article:tag' content='Transport'><meta property='article:tag' content='Council'>"
        "<meta property='og:image' content='https://cdn.valemont.example/tram.jpg'>"
        "<meta property='og:url' content='https://valemontcourier.example/news/tram-line'>"
    )
    a = run(article_html(*PARAGRAPHS, head=head), "https://valemontcourier.example/news/tram-line?ref=rss")
    assert a.title == "Valemont council approves new tram line"
    assert a.evidence["title"] == "title"
    assert a.published == datetime(2024, 3, 5, 8, 15, tzinfo=timezone.utc)
    assert a.date_source == "meta"
    assert a.evidence["published"] == "meta:article:published_time"
    assert a.modified == datetime(2024, 3, 6, 10, 0, tzinfo=timezone.utc)
    assert a.authors == ["Ines Calder"]
    assert a.evidence["authors"] == "meta:author"
    assert a.tags == ["Transport", "Council"]
    assert a.site_name == "Valemont Courier"
    assert a.canonical_url == "https://valemontcourier.example/news/tram-line"
    assert a.evidence["canonical_url"] == "meta:og:url"


def test_date_from_time_element() -> None:
    html = article_html(*PARAGRAPHS, before="<time datetime='2023-11-20T14:00:00+02:00'>20 Nov</time>")
    a = run(html)
    assert a.published == datetime(2023, 11, 20, 12, 0, tzinfo=timezone.utc)
    assert a.date_source == "time-element"


def test_date_from_url_path() -> None:
    a = run(article_html(*PARAGRAPHS), "https://harbourgazette.example/2022/07/14/regatta-cancelled")
    assert a.published == datetime(2022, 7, 14, tzinfo=timezone.utc)
    assert a.date_source == "url"


def test_date_from_visible_dateline() -> None:
    html = article_html(*PARAGRAPHS, before="<div class='byline'>By Ines Calder | March 5, 2021</div>")
    a = run(html)
    assert a.published == datetime(2021, 3, 5, tzinfo=timezone.utc)
    assert a.date_source == "text"


def test_naive_dates_are_taken_as_utc() -> None:
    head = "<meta property='article:published_time' content='2024-03-05 08:15:00'>"
    a = run(article_html(*PARAGRAPHS, head=head))
    assert a.published == datetime(2024, 3, 5, 8, 15, tzinfo=timezone.utc)
    assert a.published is not None and a.published.tzinfo is not None


def test_named_time_zones_and_unknown_ones() -> None:
    head = "<meta name='date' content='Tue, 05 Mar 2024 10:00:00 CET'>"
    a = run(article_html(*PARAGRAPHS, head=head))
    assert a.published == datetime(2024, 3, 5, 9, 0, tzinfo=timezone.utc)
    assert a.evidence["published"] == "meta:date"
    # An unknown zone name is read as UTC, without a warning (warnings are errors here).
    head = "<meta name='date' content='Tue, 05 Mar 2024 10:00:00 XYZT'>"
    assert run(article_html(*PARAGRAPHS, head=head)).published == datetime(2024, 3, 5, 10, 0, tzinfo=timezone.utc)


def test_impossible_dates_are_rejected() -> None:
    head = (
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2031-01-01\"}</script>"
        "<meta property='article:published_time' content='1975-06-01T00:00:00Z'>"
    )
    html = article_html(*PARAGRAPHS, head=head, before="<time datetime='2024-02-02'>2 Feb</time>")
    a = run(html, fetched_at=FETCHED)
    assert a.published == datetime(2024, 2, 2, tzinfo=timezone.utc)
    assert a.date_source == "time-element"


def test_no_date_at_all() -> None:
    a = run(article_html(*PARAGRAPHS))
    assert a.published is None and a.date_source is None and "published" not in a.evidence


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tram line approved | Valemont Courier", "Tram line approved"),
        ("Tram line approved - Valemont Courier", "Tram line approved"),
        ("Tram line approved — valemontcourier.example", "Tram line approved"),
        ("Valemont Courier | Tram line approved", "Tram line approved"),
        ("Tram line approved: what happens next", "Tram line approved: what happens next"),
        ("Rail strike - the view from the platform", "Rail strike - the view from the platform"),
    ],
)
def test_title_suffix_stripping(raw: str, expected: str) -> None:
    assert strip_site_suffix(raw, ["Valemont Courier", "valemontcourier.example"]) == expected


def test_title_prefers_visible_headline_only_when_it_agrees() -> None:
    head = "<meta property='og:title' content='Tram line approved by Valemont council'>"
    agreeing = page("<h1>Tram line approved by council</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS), head)
    logo = page("<h1>Valemont Courier</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS), head)
    assert (run(agreeing).title, run(agreeing).evidence["title"]) == ("Tram line approved by council", "h1")
    assert (run(logo).title, run(logo).evidence["title"]) == ("Tram line approved by Valemont council", "meta:og:title")
    site = "<meta property='og:site_name' content='Valemont Courier'>"
    head = f"<title>Tram line approved | Valemont Courier</title>{site}"
    logo = page("<h1>Valemont Courier</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS), head)
    assert (run(logo).title, run(logo).evidence["title"]) == ("Tram line approved", "title")


def test_authors_are_people_split_from_bylines() -> None:
    assert people(["By Ines Calder and Tomas Ruud"]) == ["Ines Calder", "Tomas Ruud"]
    assert people(["Ines Calder, Tomas Ruud & Ada Lindqvist"]) == ["Ines Calder", "Tomas Ruud", "Ada Lindqvist"]
    assert people(["Valemont Courier Staff"]) == []
    assert people(["Valemont Courier"], site_name="Valemont Courier") == []
    assert people(["https://facebook.example/valemont"]) == []
    assert people(["Reuters"]) == []
    html = article_html(*PARAGRAPHS, before="<span class='byline'>By Ines Calder and Tomas Ruud</span>")
    a = run(html)
    assert a.authors == ["Ines Calder", "Tomas Ruud"]
    assert a.evidence["authors"] == "byline"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["SALTMERE (AP) — " + PARAGRAPHS[0], PARAGRAPHS[1]], "AP"),
        (["VALEMONT, May 2 (Reuters) - " + PARAGRAPHS[0], PARAGRAPHS[1]], "Reuters"),
        ([PARAGRAPHS[0], PARAGRAPHS[1], "— AFP"], "AFP"),
        ([PARAGRAPHS[0], PARAGRAPHS[1], "Source: Valemont Port Authority"], "Valemont Port Authority"),
        ([PARAGRAPHS[0], PARAGRAPHS[1], "Quelle: dpa"], "dpa"),
    ],
)
def test_wire_attribution_from_text(paragraphs: list[str], expected: str) -> None:
    a = run(article_html(*paragraphs))
    assert a.attribution == expected
    assert a.evidence["attribution"] == "text"


def test_wire_attribution_from_json_ld_and_meta() -> None:
    ld = (
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
        "\"author\": {\"@type\": \"Organization\", \"name\": \"The Associated Press\"}}</script>"
    )
    assert (run(article_html(*PARAGRAPHS, head=ld)).attribution, "json-ld") == ("AP", "json-ld")
    meta = "<meta name='author' content='Ines Calder, Reuters'>"
    a = run(article_html(*PARAGRAPHS, head=meta))
    assert (a.attribution, a.evidence["attribution"]) == ("Reuters", "meta:author")
    assert a.authors == ["Ines Calder"]


def test_no_attribution_for_a_staff_story() -> None:
    assert run(article_html(*PARAGRAPHS)).attribution is None


def test_language_detected_from_text_or_declared() -> None:
    german = [
        "Die Hafenarbeiter in Saltmere haben am Donnerstag die Arbeit wieder aufgenommen und damit einen "
        "neuntägigen Streik beendet.",
        "Die Gewerkschaft akzeptierte eine Lohnerhöhung von sechs Prozent über zwei Jahre.",
    ]
    html = page("".join(f"<p>{p}</p>" for p in german), lang="en")
    detected = run(html, config=ExtractConfig())
    assert (detected.language, detected.evidence["language"]) == ("de", "text")
    declared = run(html, config=ExtractConfig(detect_language=False))
    assert (declared.language, declared.evidence["language"]) == ("en", "html-lang")


def test_listing_page() -> None:
    teasers = "".join(
        f"<li><a href='/n/{i}'><h3>Harbour story number {i} about the estuary and the port</h3></a>"
        f"<p>Short teaser {i}.</p></li>"
        for i in range(20)
    )
    a = run(page(f"<main><h1>Latest news</h1><ul class='stories'>{teasers}</ul></main>"))
    assert a.page_type == "listing"


def test_same_page_gives_the_same_article() -> None:
    html = (FIXTURES / "furniture.html").read_bytes()
    first, second = run(html, "https://harbourgazette.example/x"), run(html, "https://harbourgazette.example/x")
    assert first.to_dict() == second.to_dict()


# -- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize("empty", [b"", "", "   \n\t ", b"\xef\xbb\xbf"])
def test_empty_input(empty: bytes | str) -> None:
    a = run(empty)
    assert (a.text, a.page_type, a.title) == ("", "other", None)
    assert a.id


def test_plain_text_is_not_html() -> None:
    a = run(b"Dock workers returned to work on Thursday.\nThe strike is over.")
    assert (a.text, a.page_type) == ("", "other")
    assert [r.reason for r in a.removed] == ["not-html"]
    assert a.removed[0].text.startswith("Dock workers returned")


def test_binary_junk() -> None:
    junk = bytes(range(256)) * 64 + b"\x00\x01\x02<p>\x00\xff"
    a = run(junk)
    assert (a.text, a.page_type) == ("", "other")
    assert [r.reason for r in a.removed] == ["binary"]


def test_compressed_page_is_binary_not_repaired_noise() -> None:
    # gzip bytes decode to noise full of "Ã"-like sequences; the mojibake repair must not
    # turn that noise into something that looks like markup and gets "extracted".
    samples = Path(__file__).parent.parent / "src/presscut/samples/html"
    packed = gzip.compress((samples / "harbour-gazette-ropeworks-homes.html").read_bytes())
    a = run(packed)
    assert (a.text, a.page_type) == ("", "other")
    assert [r.reason for r in a.removed] == ["binary"]


def test_truncated_markup() -> None:
    full = article_html(*PARAGRAPHS)
    cut = full[: full.index(PARAGRAPHS[2]) + 40]
    a = run(cut)
    assert a.text.startswith(PARAGRAPHS[0])
    assert PARAGRAPHS[2][:40] in a.text
    a = run("<html><head><title>Broken <script>var x = '<p>'; </scr")
    assert a.text == ""


def test_odd_nodes_in_the_body() -> None:
    # Lexbor gives a PHP tag left in a template a node without a tag name.
    html = page(
        "<div class='textwidget'><?php if (x()) { y(); } ?></div><![CDATA[ raw ]]><!DOCTYPE html>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    )
    assert run(html).text == "\n\n".join(PARAGRAPHS)


def test_deep_nesting_does_not_recurse_or_hang() -> None:
    depth = 100_000
    html = "<html><body>" + "<div>" * depth + "<p>" + PARAGRAPHS[0] + "</p>" + "</div>" * depth + "</body></html>"
    start = time.perf_counter()
    a = run(html)
    assert time.perf_counter() - start < 10
    assert a.text == PARAGRAPHS[0]


def test_deep_nesting_of_inline_and_unclosed_tags() -> None:
    html = "<p>" + "<span><b>" * 50_000 + PARAGRAPHS[1] + "<div>" * 20_000
    start = time.perf_counter()
    a = run(html)
    assert time.perf_counter() - start < 10
    assert PARAGRAPHS[1] in a.text


def test_misnested_formatting_tags_do_not_hang() -> None:
    # Each misnested </b> makes the HTML parser rebuild formatting one level deeper.
    html = f"<p>{PARAGRAPHS[0]}</p>" + "<b><div></b>" * 50_000
    start = time.perf_counter()
    a = run(html)
    assert time.perf_counter() - start < 10
    assert a.text == PARAGRAPHS[0]


def test_twenty_megabyte_page() -> None:
    paragraph = "<p>{} " + " ".join([PARAGRAPHS[0]] * 3) + "</p>\n"  # numbered: repeats are dropped
    nav = "<nav><a href='/'>Home</a></nav>"
    count = 20 * 1024 * 1024 // len(paragraph)
    html = (nav + "<article>" + "".join(paragraph.format(i) for i in range(count)) + "</article>").encode()
    assert len(html) >= 20 * 1024 * 1024 - len(paragraph)
    start = time.perf_counter()
    a = run(html)
    assert time.perf_counter() - start < 30
    assert a.page_type == "article"
    assert a.text.startswith("0 " + PARAGRAPHS[0])
    assert a.text.count("\n\n") > 40_000


def test_page_without_an_article() -> None:
    html = page(
        "<nav><a href='/'>Home</a><a href='/news'>News</a></nav>"
        "<div class='cookie-banner'>We use cookies.</div><footer>© Valemont Courier</footer>"
    )
    a = run(html)
    assert (a.text, a.page_type) == ("", "other")
    assert {r.reason for r in a.removed} >= {"navigation", "cookie-notice", "footer"}


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_undeclared_cyrillic_page(encoding: str) -> None:
    text = [
        "Портовые рабочие в Солтмире вернулись к работе в четверг утром, завершив девятидневную забастовку.",
        "Профсоюз согласился на повышение зарплаты на шесть процентов в течение двух лет работы.",
    ]
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in text) + "</article></body></html>"
    a = run(html.encode(encoding), config=ExtractConfig())
    assert a.text == "\n\n".join(text)
    assert a.language == "ru"


def test_undeclared_latin1_page() -> None:
    text = "Les dockers de Saltmère ont repris le travail jeudi, après neuf jours de grève très suivie à l'été."
    a = run(f"<html><body><p>{text}</p></body></html>".encode("latin-1"))
    assert a.text == text


def test_charset_declared_outside_the_page_wins() -> None:
    text = "Ferry fares to rise by 5 € in June, said the Valemont ferry company on Monday."
    data = f"<html><body><p>{text}</p></body></html>".encode("cp1252")
    assert run(data, charset="windows-1252").text == text


def test_dateline_credit_names_any_source() -> None:
    """'CITY (Source) —' at the start of the body credits the source, known agency or not."""
    body = "".join(
        f"<p>{p}</p>"
        for p in (
            "SALTMERE (Coastline Wire) — Ferry crews on the northern route voted on Monday to accept the new rota "
            "after three weeks of talks with the operator and the harbour board.",
            "The agreement runs for two years and adds a fourth crew to the winter timetable, the union said.",
            "Passengers should see no change to departures before the spring, the operator added in a statement.",
        )
    )
    article = extract(f"<html><body><article><h1>Ferry crews accept rota</h1>{body}</article></body></html>")
    assert article.attribution == "Coastline Wire"
    assert article.evidence["attribution"] == "text"
    assert article.text.startswith("SALTMERE (Coastline Wire) —")


def test_date_from_the_canonical_url_when_the_page_has_no_url() -> None:
    page = (
        '<html><head><link rel="canonical" href="https://ledger.example/2025/03/14/pier-reopens/"></head>'
        "<body><article><h1>Pier reopens</h1>"
        + "<p>The pier at Averne Point reopened to anglers on Friday after a winter of repairs to its deck.</p>" * 3
        + "</article></body></html>"
    )
    article = extract(page)
    assert article.published is not None and article.published.date().isoformat() == "2025-03-14"
    assert article.date_source == "url"


@pytest.mark.parametrize(
    ("pattern", "words", "line"),
    [
        ("CREDIT_LINE", "CREDIT_LINE_WORDS", "Photo: Jane Doe"),
        ("CREDIT_LINE", "CREDIT_LINE_WORDS", "PICTURED by the lake"),
        ("CREDIT_LINE", "CREDIT_LINE_WORDS", "(c) Saltmere Gazette"),
        ("CREDIT_LINE", "CREDIT_LINE_WORDS", "Copyright 2024"),
        ("CREDIT_LINE", "CREDIT_LINE_WORDS", "The harbour at dawn. AFP via Getty"),
        ("CREDIT_LINE", "CREDIT_LINE_WORDS", "Crowds gather. REUTERS/Staff"),
        ("CREDIT_LINE", "CREDIT_LINE_WORDS", "A quiet street. iStockPhoto"),
        ("DISCLOSURE_LINE", "DISCLOSURE_LINE_WORDS", "We may earn a commission from links."),
        ("DISCLOSURE_LINE", "DISCLOSURE_LINE_WORDS", "This post contains affiliate links."),
        ("DISCLOSURE_LINE", "DISCLOSURE_LINE_WORDS", "This website uses COOKIES to improve it."),
        # non-ASCII lines take the same word test, with the patterns' non-ASCII words
        ("CREDIT_LINE", "CREDIT_LINE_WORDS", "CRÉDITS PHOTOS : Jeanne Roux"),
        ("CREDIT_LINE", "CREDIT_LINE_WORDS", "Le port au matin © Saltmère Presse"),
        ("CREDIT_LINE", "CREDIT_LINE_WORDS", "Titelbild: Hafen von Brindelstädt"),
        ("DISCLOSURE_LINE", "DISCLOSURE_LINE_WORDS", "© 2024 Brindlecombe. Tous droits RÉSERVÉS."),
        ("DISCLOSURE_LINE", "DISCLOSURE_LINE_WORDS", "Wszelkie prawa ZASTRZEŻONE."),
        ("DISCLOSURE_LINE", "DISCLOSURE_LINE_WORDS", "Todos los derechos reservados."),
        ("POST_META_LINE", "POST_META_LINE_WORDS", "Veröffentlicht in Hafen, Fähren"),
    ],
)
def test_precheck_words_cover_their_pattern(pattern: str, words: str, line: str) -> None:
    """The cheap word test before a furniture regex never hides a line the regex matches."""
    from presscut.extraction import patterns as P
    from presscut.extraction.content import _may_hold

    assert getattr(P, pattern).search(line)
    assert _may_hold(line.lower(), getattr(P, words))
    assert not _may_hold("an ordinary sentence about the harbour.", getattr(P, words))
    assert _may_hold(None, getattr(P, words))  # text with an odd case-folding letter always goes to the pattern
    assert P.CASE_FOLDS_TO_ASCII.search("ſtreet") and not P.CASE_FOLDS_TO_ASCII.search("Straße, Zürich")
