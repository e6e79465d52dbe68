"""Metadata mechanisms: authors, dates and titles from the many places pages put them.

Every page here is synthetic (fictional outlets, people and forums), written inline.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from presscut.bench.extract import justext_stoplist
from presscut.extract.authors import declared_names, people
from presscut.extract.dates import date_in_text, parse_date
from presscut.extract.titles import strip_site_suffix
from tests.test_extract import PARAGRAPHS, article_html, page, run

BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def ld(obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


# -- authors --------------------------------------------------------------------------


def test_json_ld_author_given_by_reference_in_a_graph() -> None:
    graph = ld({"@graph": [
        {"@type": "Article", "headline": "Tram line approved", "author": {"@id": "https://valemont.example/#/p/1"}},
        {"@type": "Person", "@id": "https://valemont.example/#/p/1", "name": "Ines Calder"},
    ]})
    a = run(article_html(*PARAGRAPHS, head=graph))
    assert (a.authors, a.evidence["authors"]) == (["Ines Calder"], "json-ld")


def test_declared_authors_may_be_handles_desks_and_lower_case() -> None:
    assert declared_names(["metro desk"]) == ["metro desk"]
    assert declared_names(["The Valemont Courier Team"]) == ["The Valemont Courier Team"]
    assert declared_names(["glazefan42"]) == ["glazefan42"]
    assert declared_names(["Ines Calder, MD, PhD"]) == ["Ines Calder"]
    assert declared_names(["Tomas Ruud (Valemont Courier)"]) == ["Tomas Ruud (Valemont Courier)"]
    assert declared_names(["Calder, Ines"], citation=True) == ["Ines Calder"]
    assert people(["By Ines Calder Senior Staff Writer"]) == ["Ines Calder"]
    for junk in ("https://facebook.example/valemont", "page.author.name", "Reuters", "1234567"):
        assert declared_names([junk]) == [], junk
    a = run(article_html(*PARAGRAPHS, head="<meta name='author' content='lantern_editor'>"))
    assert (a.authors, a.evidence["authors"]) == (["lantern_editor"], "meta:author")


def test_the_sites_own_name_or_an_organisation_is_only_a_last_resort() -> None:
    site = "<meta property='og:site_name' content='Valemont Courier'>"
    own = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Valemont Courier"}})
    byline = "<span class='byline'>By Ines Calder</span>"
    assert run(article_html(*PARAGRAPHS, head=site + own, before=byline)).authors == ["Ines Calder"]
    assert run(article_html(*PARAGRAPHS, head=site + own)).authors == ["Valemont Courier"]
    org = ld({"@type": "BlogPosting", "author": {"@type": "Organization", "name": "Lantern Works"}})
    assert run(article_html(*PARAGRAPHS, head=org, before=byline)).authors == ["Ines Calder"]
    assert run(article_html(*PARAGRAPHS, head=org)).authors == ["Lantern Works"]


def test_forum_bylines_name_a_handle_and_skip_comment_authors() -> None:
    post = (
        "<div class='comment'><p class='author'>by kilnwatcher » Tue Mar 5, 2024</p></div>"
        "<div class='post'><p class='author'>Post by glazefan42 » Mon Mar 4, 2024 9:12 pm</p></div>"
    )
    a = run(page(f"<h1>Cracked kiln shelf</h1>{post}<article>{BODY}</article>"))
    assert a.authors == ["glazefan42"]


def test_author_links_and_short_author_elements_are_names_as_given() -> None:
    link = "<a rel='author' href='/members/quarrylane'>quarrylane</a>"
    assert run(article_html(*PARAGRAPHS, before=link)).authors == ["quarrylane"]
    desk = "<div class='author-name'>Harbour Gazette Staff</div>"
    assert run(article_html(*PARAGRAPHS, before=desk)).authors == ["Harbour Gazette Staff"]
    dated = "<div class='post-author'>Ines Calder Mar 5, 2024</div>"
    assert run(article_html(*PARAGRAPHS, before=dated)).authors == ["Ines Calder"]


# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Veröffentlicht am 5. März 2024", "2024-03-05"),
        ("Publicado el 3 de marzo de 2024", "2024-03-03"),
        ("publié le 1er mai 2022", "2022-05-01"),
        ("By Ines Calder on 04-ago-2021 5:11", "2021-08-04"),
        ("Essay - Published: 2025.12.17 | tags", "2025-12-17"),
        ("Updated: 10/31/2024", "2024-10-31"),
        ("31/10/2024", "2024-10-31"),
        ("March 5, 2024", "2024-03-05"),
    ],
)
def test_visible_dates_in_many_languages_and_orders(text: str, expected: str) -> None:
    found = date_in_text(text)
    assert found is not None and found.date().isoformat() == expected


def test_dates_whose_order_cannot_be_told_are_not_guessed() -> None:
    assert date_in_text("03/04/2024") is None
    assert date_in_text("release 2024.4.4 is out") is None
    assert parse_date("03-04-2024") is None
    assert parse_date("2024-03-04") == datetime(2024, 3, 4, tzinfo=timezone.utc)


def test_date_from_an_element_marked_as_a_date_not_from_related_posts() -> None:
    related = "<ul class='related-posts'><li><span class='post-date'>May 20, 2024</span></li></ul>"
    own = "<div class='entry-meta'><span class='post-date'>May 2, 2024</span></div>"
    a = run(page(f"{related}<h1>Port strike ends</h1>{own}<article>{BODY}</article>"))
    assert a.published == datetime(2024, 5, 2, tzinfo=timezone.utc)
    assert a.evidence["published"] == "date-element"


def test_a_modification_date_stands_in_when_nothing_says_published() -> None:
    head = "<meta property='article:modified_time' content='2024-04-30T08:00:00Z'>"
    a = run(article_html(*PARAGRAPHS, head=head))
    assert a.published == datetime(2024, 4, 30, 8, 0, tzinfo=timezone.utc)
    assert a.date_source == "modified"


def test_date_just_after_the_headline_in_a_dropped_header() -> None:
    header = (
        "<header class='post-header'><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<h1>Saltmere dock strike ends</h1><span>Mara Quillon · 2 May 2024 · 4 min read</span></header>"
    )
    a = run(page(f"{header}<article>{BODY}</article>"))
    assert a.published == datetime(2024, 5, 2, tzinfo=timezone.utc)


def test_time_element_marked_as_the_creation_date() -> None:
    times = (
        "<time itemprop='dateCreated' datetime='2023-11-20T10:00:00Z'>1 year ago</time>"
        "<div class='answer'><time class='d-none' itemprop='datePublished' datetime='2024-02-01T10:00:00Z'>"
        "</time></div>"
    )
    a = run(page(f"<h1>How do I glaze a kiln shelf?</h1>{times}<article>{BODY}</article>"))
    assert a.published == datetime(2023, 11, 20, 10, 0, tzinfo=timezone.utc)


# -- titles -----------------------------------------------------------------------------


def test_heading_without_permalink_marks_or_inline_styles() -> None:
    head = "<title>Borrowing rules - Lantern Handbook</title>"
    permalink = page(f"<h1>Borrowing rules<a class='headerlink' href='#x'>¶</a></h1><article>{BODY}</article>", head)
    assert run(permalink).title == "Borrowing rules"
    styled = page(f"<h1><style>.x{{color:red}}</style>Borrowing rules</h1><article>{BODY}</article>", head)
    assert run(styled).title == "Borrowing rules"


def test_a_heading_that_is_the_titles_suffix_is_the_sites_name() -> None:
    head = "<title>Borrowing rules - The Lantern Handbook</title>"
    a = run(page(f"<h1>The Lantern Handbook</h1><article>{BODY}</article>", head))
    assert (a.title, a.evidence["title"]) == ("Borrowing rules", "title")
    # "Site | Headline": the heading is the headline, not a suffix.
    head = "<title>Lantern Handbook | Borrowing rules</title><meta property='og:site_name' content='Lantern Handbook'>"
    assert run(page(f"<h1>Borrowing rules</h1><article>{BODY}</article>", head)).title == "Borrowing rules"


def test_a_title_part_naming_the_domain_is_the_sites_name() -> None:
    assert strip_site_suffix("Cracked kiln shelf - Quarrylane Forums", ["forum.quarrylane.example"]) == (
        "Cracked kiln shelf"
    )
    # A long part that merely mentions the name is not the site's name.
    title = "Quarrylane glaze recipes for a first firing | Tips"
    assert strip_site_suffix(title, ["forum.quarrylane.example"]) == "Quarrylane glaze recipes for a first firing"


def test_a_later_heading_that_agrees_with_the_declared_title() -> None:
    head = "<meta property='og:title' content='Kiln shelf cracked after the first firing'>"
    body = f"<h1>Quarrylane Potters</h1><h1>Kiln shelf cracked after the first firing</h1><article>{BODY}</article>"
    a = run(page(body, head))
    assert (a.title, a.evidence["title"]) == ("Kiln shelf cracked after the first firing", "h1")


def test_a_heading_split_over_elements_takes_the_declared_punctuation() -> None:
    head = "<meta property='og:title' content='Question - Kiln shelf cracked'>"
    body = f"<h1><span class='label'>Question</span><span>Kiln shelf cracked</span></h1><article>{BODY}</article>"
    assert run(page(body, head)).title == "Question - Kiln shelf cracked"


# -- the extract benchmark ---------------------------------------------------------


def test_justext_stop_list_follows_the_pages_language() -> None:
    german = (
        "<p>Die Hafenarbeiter in Saltmere haben am Donnerstag die Arbeit wieder aufgenommen und damit "
        "einen neuntägigen Streik beendet, der die Schiffe in der Mündung warten ließ.</p>"
    )
    assert justext_stoplist(page(german, lang="en")) == "German"
    assert justext_stoplist(page("<p>x</p>", lang="fr")) == "French"
    assert justext_stoplist(page("<p>x</p>", lang="")) == "English"


# -- paywall ----------------------------------------------------------------------------


@pytest.mark.parametrize(("head", "expected"), [
    (ld({"@type": "NewsArticle", "headline": "Tram line approved", "isAccessibleForFree": False}),
     (True, "json-ld:isAccessibleForFree")),
    (ld({"@type": "NewsArticle", "headline": "Tram line approved", "isAccessibleForFree": "True"}),
     (False, "json-ld:isAccessibleForFree")),
    (ld({"@type": "NewsArticle", "headline": "Tram line approved",
         "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": "False", "cssSelector": ".locked"}}),
     (True, "json-ld:isAccessibleForFree")),
    ("<meta property='article:content_tier' content='metered'>", (True, "meta:article:content_tier")),
    ("<meta property='article:content_tier' content='free'>", (False, "meta:article:content_tier")),
    ("", (None, None)),
])
def test_a_paywall_is_flagged_only_where_the_page_declares_it(head: str, expected: tuple[object, object]) -> None:
    a = run(article_html(*PARAGRAPHS, head=head))
    assert (a.paywalled, a.evidence.get("paywalled")) == expected
