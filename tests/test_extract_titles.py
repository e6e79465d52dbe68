"""Headlines: which of a page's ``<h1>`` elements and declared titles is the headline, and
how much of it.

Every page here is synthetic (fictional outlets, products and forums), written inline.
"""

from __future__ import annotations

import time

import pytest

from presscut.extraction.titles import strip_site_suffix
from tests.test_extract import PARAGRAPHS, page, run

BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def title_of(body: str, head: str = "", url: str | None = None) -> str | None:
    return run(page(f"{body}<article>{BODY}</article>", head), url).title


def test_a_title_that_is_only_the_sites_name_leaves_the_heading() -> None:
    head = "<title>| Saltmere Courier</title><meta property='og:site_name' content='Saltmere Courier'>"
    assert title_of("<h1>Harbour Gadgets</h1>", head) == "Harbour Gadgets"


def test_a_leading_part_holding_the_sites_name_and_more_is_a_product() -> None:
    sites = ["quillpay.example"]
    product = "Quillpay Checkout | Take payments online"
    assert strip_site_suffix(product, sites) == product
    assert strip_site_suffix("Quillpay.example: Kiln shelf, 40 cm : Pottery", sites) == (
        "Quillpay.example: Kiln shelf, 40 cm : Pottery"
    )
    # ... unless the rest names a kind of site; a trailing part holding the name is the site's.
    assert strip_site_suffix("Quillpay Blog | Notes on refunds", sites) == "Notes on refunds"
    assert strip_site_suffix("Notes on refunds - Quillpay Community Hub", sites) == "Notes on refunds"
    head = "<meta property='og:title' content='Quillpay Checkout | Take payments online'>"
    assert title_of("<h1>Quillpay Checkout</h1>", head, "https://quillpay.example/checkout") == "Quillpay Checkout"


def test_a_later_heading_that_is_one_word_of_a_long_title_is_a_sidebars() -> None:
    declared = "How we rebuilt the Saltmere ferry timetable, Tidewatch, Harbourline and three other apps"
    body = "<h1>Ferry desk</h1><h1>Choose a view</h1><h1>Tidewatch</h1>"
    assert title_of(body, f"<meta property='og:title' content='{declared}'>") == declared
    # A later heading the declared title starts with is still the headline.
    body = "<h1>Club news</h1><h1>Winter crews</h1>"
    head = "<meta property='og:title' content='Winter crews - Rowing from the old boathouse since 1901'>"
    assert title_of(body, head) == "Winter crews"


def test_a_heading_after_the_sites_name_is_not_a_later_one() -> None:
    head = (
        "<meta property='og:site_name' content='Saltmere Courier'><meta property='og:title'"
        " content='The best harbour walks, quiet beaches and cliff paths near Saltmere for a long weekend'>"
    )
    body = "<h1>Saltmere Courier</h1><h1>Harbour walks near Saltmere</h1>"
    assert title_of(body, head) == "Harbour walks near Saltmere"


def test_articles_and_prepositions_make_no_agreement() -> None:
    # "The Tidewatch Blog" shares only "the" and "tidewatch" with a title naming the site.
    body = "<h1>The Tidewatch Blog</h1><h1>Moorings, Tides, and Knots</h1>"
    head = "<meta property='og:title' content='Moorings, Tides, and Knots - The Tidewatch Harbour Guide'>"
    assert title_of(body, head) == "Moorings, Tides, and Knots"


def test_a_heading_that_one_declared_title_adds_to_another_is_the_sites_name() -> None:
    head = (
        "<title>Tidewatch Notes: Small boats in big weather</title>"
        "<meta property='og:title' content='Small boats in big weather'>"
    )
    assert title_of("<h1>Tidewatch Notes</h1>", head) == "Small boats in big weather"
    # An og:title that names the site on every page does not make the headline a name.
    head = (
        "<title>Ferry back on the winter timetable | Saltmere Courier</title>"
        "<meta property='og:title' content='Saltmere Courier'>"
    )
    url = "https://news.example/ferry"
    assert title_of("<h1>Ferry back on the winter timetable</h1>", head, url) == "Ferry back on the winter timetable"


def test_a_declared_title_that_is_only_the_domains_name_is_passed_over() -> None:
    head = "<title>Wool socks for winter</title><meta name='twitter:title' content='Quillsock'>"
    assert title_of("<div>Shop</div>", head, "https://shop.quillsock.example/socks") == "Wool socks for winter"


def test_a_word_split_over_two_elements_takes_the_declared_spelling() -> None:
    head = "<title>Cranes idle for a ninth day</title>"
    assert title_of("<h1>Cranes idle for a n<span> inth</span> day</h1>", head) == "Cranes idle for a ninth day"
    # Numbers spaced otherwise are the heading's own.
    head = "<meta property='og:title' content='Kiln shelf, 301/8x575/8'>"
    assert title_of("<h1>Kiln shelf, 30 1/8x57 5/8</h1>", head) == "Kiln shelf, 30 1/8x57 5/8"


def test_a_heading_after_a_sections_label_in_the_title_is_the_headline() -> None:
    head = "<title>News - Ferry back on the winter timetable</title>"
    assert title_of("<h1>Ferry back on the winter timetable</h1>", head) == "Ferry back on the winter timetable"
    # A page's name before the heading is the page's, and the heading the site's (a book's name).
    head = "<title>Anchors and chains - The Saltmere Boat Book</title>"
    assert title_of("<h1>The Saltmere Boat Book</h1>", head) == "Anchors and chains"


def test_buttons_and_icons_inside_a_heading_are_not_its_text() -> None:
    body = "<h1>Package <span>harbour</span>&nbsp;<button title='Copy'>Copy link</button></h1>"
    assert title_of(body, "<meta property='og:title' content='Package harbour'>") == "Package harbour"
    # A heading that is nothing but a button keeps its text.
    assert title_of("<h1><button>Tide tables</button></h1>", "<title>Tide tables</title>") == "Tide tables"
    body = "<h1><a href='/'><svg><title>Harbour logo</title><desc>A gull</desc></svg></a>Tide tables</h1>"
    assert title_of(body, "<meta property='og:title' content='Tide tables'>") == "Tide tables"


def test_the_only_headline_length_heading_wins_over_a_sitewide_title() -> None:
    head = "<title>Quillbrook - Where the harbour talks</title>"
    url = "https://quillbrook.example/r/ports/123"
    headline = "Dock workers return after a nine-day strike"
    assert title_of(f"<h1>{headline}</h1>", head, url) == headline
    # A short heading (a section's name) does not, nor the site's logo.
    assert title_of("<h1>Ports</h1>", head, url) == "Where the harbour talks"
    logo = "<h1 id='site-logo'><a href='/'>Quillbrook Harbour Talk Forums</a></h1>"
    assert title_of(logo, head, url) == "Where the harbour talks"


def test_a_heading_marked_as_the_logo_is_not_the_headline() -> None:
    head = "<meta property='og:title' content='Harbour Daily: Ferry back on the winter timetable'>"
    body = "<h1 class='header-logo'>Harbour Daily</h1><h1>Ferry back on the winter timetable</h1>"
    assert title_of(body, head) == "Ferry back on the winter timetable"


def test_a_heading_copying_the_title_is_cut_like_it() -> None:
    title = "Rock pool safety for children | Family Guides | Saltmere Aquarium"
    head = f"<title>{title}</title><meta property='og:site_name' content='Saltmere Aquarium'>"
    assert title_of(f"<h1>{title}</h1>", head) == "Rock pool safety for children"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ferry timetable questions / Harbour Discussion / Saltmere Forums", "Ferry timetable questions"),
        ("Kiln shelf prices 12 / 2025", "Kiln shelf prices 12 / 2025"),
    ],
)
def test_a_slash_between_words_divides_a_title(title: str, expected: str) -> None:
    assert title_of("<div>Saltmere Forums</div>", f"<title>{title}</title>") == expected


@pytest.mark.parametrize(
    "heading",
    [
        "Cranes idle for a ninth day<br><small>14.03.2024 • Port, Strikes</small>",
        "<span class='entry-title'>Cranes idle for a ninth day</span>"
        " <span class='entry-subtitle'>Union talks go on</span>",
        ": Cranes idle for a ninth day",
    ],
)
def test_a_subtitle_or_a_stray_mark_in_the_heading_is_not_the_headline(heading: str) -> None:
    head = "<meta property='og:title' content='Cranes idle for a ninth day - Saltmere Courier'>"
    assert title_of(f"<h1>{heading}</h1>", head) == "Cranes idle for a ninth day"


@pytest.mark.parametrize(
    ("title", "body", "url", "expected"),
    [
        # No <h1> is the headline: the part of the title that is the page's <h2> is.
        ("Mara Quill's Digital Home | Rebuilding the ferry timetable", "<h2>Rebuilding the ferry timetable</h2>",
         "https://maraquill.example/blog/ferry", "Rebuilding the ferry timetable"),
        # ... but not a heading in the site's banner or navigation: that is the site's name.
        ("Dredging - Overview | Saltmere Harbour Authority",
         "<div class='site-banner'><h2>Saltmere Harbour Authority</h2></div>",
         "https://harbour.example/dredging", "Dredging - Overview"),
        # A run of parts, divided like a site suffix ("January – May").
        ("Tastings January – May 2026 in Saltmere - quilltastings.example",
         "<h1>quilltastings.example</h1><h2>Tastings January – May 2026 in Saltmere</h2>",
         "https://quilltastings.example/tastings-2026", "Tastings January – May 2026 in Saltmere"),
        # An <h1> holding the domain's name inside the title is the site, the taglines after it go too.
        ("Ferry timetable cut again : Quillblog-Archiv | Notes on harbours | Founded 2005",
         "<h1>Quillblog-Archiv</h1>", "https://archiv.quillblog.example/?p=12", "Ferry timetable cut again"),
        # ... and before a part that the page shows as its <h2>: "Site » Blog Archive » Headline".
        ("Quill Years Left » Blog Archive » Interning small integers",
         "<h1>Quill Years Left</h1><h2>Interning small integers</h2>",
         "https://quillyears.example/2024/10/ints/", "Interning small integers"),
    ],
    ids=["h2-part", "banner-h2", "run-of-parts", "h1-site-inside", "h1-site-before-h2"],
)
def test_a_title_part_shown_as_h2_or_an_h1_named_by_the_domain(title: str, body: str, url: str, expected: str) -> None:
    assert title_of(body, f"<title>{title}</title>", url) == expected


def test_a_title_of_thousands_of_keywords_is_read_in_bounded_time() -> None:
    keywords = " | ".join(f"harbour keyword {i}" for i in range(3000))
    started = time.perf_counter()
    title = title_of("<h2>harbour keyword 5</h2>", f"<title>{keywords}</title>")
    assert title == "harbour keyword 0"  # the first part, as for any piped title
    assert time.perf_counter() - started < 5  # a bound against quadratic blow-up, not a speed target
