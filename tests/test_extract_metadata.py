"""Metadata mechanisms: authors, dates and titles from the many places pages put them.

Every page here is synthetic (fictional outlets, people and forums), written inline.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from presscut.article import Article
from presscut.bench.extract import justext_stoplist
from presscut.extraction.authors import declared_names, people
from presscut.extraction.dates import date_in_text, date_in_url, find_dates, parse_date
from presscut.extraction.page import parse_page
from presscut.extraction.titles import strip_site_suffix
from tests.test_extract import PARAGRAPHS, article_html, page, run

BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def ld(obj: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


def test_json_ld_with_raw_line_breaks_inside_its_strings_is_read() -> None:
    # Strict JSON forbids control characters in strings; CMS templates often leave them there.
    raw = ('{"@type": "NewsArticle", "headline": "Ferry\ttimetable cut",'
           ' "description": "Two crossings\na day", "datePublished": "2024-03-05T09:00:00+01:00"}')
    a = run(article_html(*PARAGRAPHS, head=f"<script type='application/ld+json'>{raw}</script>"))
    assert a.published is not None and a.published.date().isoformat() == "2024-03-05"
    assert a.evidence["published"].startswith("json-ld")


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


def test_a_day_name_is_no_author_and_an_authored_by_label_is_no_part_of_one() -> None:
    assert declared_names(["Sat"]) == [] and declared_names(["Sun."]) == []
    assert declared_names(["Jian Sun"]) == ["Jian Sun"]  # a surname that is also a day's abbreviation
    assert declared_names(["Authored by: Ines Calder"]) == ["Ines Calder"]
    labelled = "<div class='author-name'>Authored by: Ines Calder</div>"
    assert run(article_html(*PARAGRAPHS, before=labelled)).authors == ["Ines Calder"]


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Autor: Ines Calder", "Ines Calder"),
        ("Erstellt von Ines Calder", "Ines Calder"),
        ("Eingestellt von Ines Calder", "Ines Calder"),
        ("Ein Beitrag von Ines Calder", "Ines Calder"),
        ("vom Support Team", "Support Team"),
        ("Auteur : Ines Calder", "Ines Calder"),
        ("Publié par Ines Calder", "Ines Calder"),
        ("Escrito por Ines Calder", "Ines Calder"),
        ("Scritto da Ines Calder", "Ines Calder"),
        ("Interview: Ines Calder", "Ines Calder"),
    ],
)
def test_byline_labels_and_lead_ins_in_other_languages_are_no_part_of_the_name(byline: str, name: str) -> None:
    assert declared_names([byline]) == [name]
    element = f"<div class='author-name'>{byline}</div>"
    assert run(article_html(*PARAGRAPHS, before=element)).authors == [name]


def test_a_name_keeps_the_full_stop_of_its_last_initial_and_loses_a_trailing_day_or_label() -> None:
    assert declared_names(["Perry Dunmore Jr."]) == ["Perry Dunmore Jr."]
    assert declared_names(["Tomas Ruud S."]) == ["Tomas Ruud S."]
    assert declared_names(["Tomas Ruud."]) == ["Tomas Ruud"]
    assert declared_names(["Lantern Works Inc."]) == ["Lantern Works Inc."]
    assert declared_names(["Ines Calder Thursday"]) == ["Ines Calder"]
    assert declared_names(["Ines Calder Donnerstag"]) == ["Ines Calder"]
    assert declared_names(["Donnerstag"]) == []
    for text, name in (("Ines Calder Alle Artikel", "Ines Calder"), ("Tomas Ruud am 12.03.2024", "Tomas Ruud")):
        element = f"<div class='author-name'>{text}</div>"
        assert run(article_html(*PARAGRAPHS, before=element)).authors == [name], text


def test_a_byline_element_names_whoever_follows_its_inner_by_but_not_an_editor_or_photographer() -> None:
    dated = "<div class='post-meta-author'>Posted on September 21, 2024 by Ines Calder</div>"
    assert run(article_html(*PARAGRAPHS, before=dated)).authors == ["Ines Calder"]
    german = "<span class='author'>06.11.2024 13:30 von Tomas Ruud</span>"
    assert run(article_html(*PARAGRAPHS, before=german)).authors == ["Tomas Ruud"]
    edited = "<span class='author'>Second Edition Edited by Ines Calder</span>"
    assert run(article_html(*PARAGRAPHS, before=edited)).authors != ["Ines Calder"]


def test_a_visible_posted_by_line_is_a_byline_and_a_published_by_line_is_not() -> None:
    a = run(article_html(*PARAGRAPHS, "Posted by Ines Calder @ 12:00 am"))
    assert a.authors == ["Ines Calder"] and "Posted by" not in a.text
    b = run(article_html(*PARAGRAPHS, "Text von Tomas Ruud"))
    assert b.authors == ["Tomas Ruud"] and "Text von Tomas Ruud" not in b.text
    # A publisher is no byline, and an "Author:" line may be the article's own facts (a book's).
    c = run(article_html(*PARAGRAPHS, "Published by Lantern Works", "Author: Tomas Ruud"))
    assert "Published by Lantern Works" in c.text and "Author: Tomas Ruud" in c.text


def test_an_organisation_with_a_legal_form_is_an_author_only_when_no_person_is_named() -> None:
    org = "<meta name='author' content='Harbour Users Association e.V.'>"
    byline = "<span class='byline'>Von Ines Calder</span>"
    assert run(article_html(*PARAGRAPHS, head=org, before=byline)).authors == ["Ines Calder"]
    assert run(article_html(*PARAGRAPHS, head=org)).authors == ["Harbour Users Association e.V."]


def test_drupal_submitted_lines_and_contributor_fields_are_bylines() -> None:
    submitted = (
        "<div class='submitted'>Gespeichert von <span class='username'>quarrylane</span> am 24. Juli 2017 - 18:55</div>"
    )
    assert run(article_html(*PARAGRAPHS, before=submitted)).authors == ["quarrylane"]
    german = "<div class='author-inner'>Von <a class='username'>Ines.Calder</a> am <span>12. Oktober 2019</span></div>"
    assert run(article_html(*PARAGRAPHS, before=german)).authors == ["Ines.Calder"]
    contributor = "<span class='field-contributor'>Par <a href='/node/tomas-ruud'>Tomas Ruud</a></span>"
    assert run(article_html(*PARAGRAPHS, before=contributor)).authors == ["Tomas Ruud"]


@pytest.mark.parametrize("login", ["ines.calderwood", "Ines_Calderwood", "inescalderwood"])
def test_a_declared_login_gives_way_to_the_name_a_byline_shows_for_it(login: str) -> None:
    declared = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": login}})
    byline = "<span class='byline'>By Inès Calderwood</span>"
    assert run(article_html(*PARAGRAPHS, head=declared, before=byline)).authors == ["Inès Calderwood"]
    assert run(article_html(*PARAGRAPHS, head=declared)).authors == [login]  # nothing shows another name
    other = "<span class='byline'>By Tomas Ruud</span>"  # another person's name is no display name of it
    assert run(article_html(*PARAGRAPHS, head=declared, before=other)).authors == [login]


def test_a_date_line_by_the_headline_that_ends_in_a_name_is_a_byline() -> None:
    for line in ("11.12.2019 - Ines Calder", "04.02.2022 | 13:10 Uhr | Ines Calder"):
        a = run(page(f"<h1>Variables and their homes</h1><p class='text-muted'>{line}</p><article>{BODY}</article>"))
        assert a.authors == ["Ines Calder"], line
    # A date line ending in words that are no name (lower-case words) names no one.
    a = run(page(f"<h1>Harbour news</h1><p>12.03.2024 - harbour board meets today</p><article>{BODY}</article>"))
    assert a.authors == []


def test_a_byline_label_in_an_element_of_its_own_names_the_next_one() -> None:
    meta = "<div><time>Aug 04, 2025</time></div><div><p>Written by</p><p>Ines Calder</p></div>"
    a = run(page(f"<h1>Catering trends</h1>{meta}<article>{BODY}</article>"))
    assert a.authors == ["Ines Calder"]


@pytest.mark.parametrize(
    "line",
    ["By Ines Calder December 2, 2025", "Mar 24, 2025 By Ines Calder 0 comments", "by Ines Calder on Jan 2, 2025"],
)
def test_a_visible_by_line_with_a_date_or_a_comment_count_after_the_name(line: str) -> None:
    a = run(page(f"<h1>The history of coffee</h1><p>{line}</p><article>{BODY}</article>"))
    assert a.authors == ["Ines Calder"]


def test_a_handle_or_a_label_left_in_a_byline_is_no_part_of_a_name() -> None:
    assert declared_names(["Ines Calder @inescalder"]) == ["Ines Calder"]
    for label in ("Datum", "Stand", "Gesponserte Inhalte"):
        element = f"<div class='author-name'>{label}</div>"
        assert run(article_html(*PARAGRAPHS, before=element)).authors == [], label


def test_a_one_word_desk_is_an_author_only_when_no_person_is_named() -> None:
    desk = ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Redaktion"}})
    assert run(article_html(*PARAGRAPHS, head=desk)).authors == ["Redaktion"]
    byline = "<span class='byline'>Von Ines Calder</span>"
    assert run(article_html(*PARAGRAPHS, head=desk, before=byline)).authors == ["Ines Calder"]


def test_author_from_the_written_by_pair_of_twitter_meta_tags() -> None:
    head = (
        "<meta name='twitter:label1' content='Est. reading time'><meta name='twitter:data1' content='4 minutes'>"
        "<meta name='twitter:label2' content='Written by'><meta name='twitter:data2' content='Ines Calder'>"
    )
    a = run(article_html(*PARAGRAPHS, head=head))
    assert (a.authors, a.evidence["authors"]) == (["Ines Calder"], "meta:twitter:data2")
    # Without the label the data is not an author.
    assert run(article_html(*PARAGRAPHS, head="<meta name='twitter:data1' content='Ines Calder'>")).authors == []


def test_a_visible_by_line_after_a_date_or_reading_time() -> None:
    for line in ("Apr 17, 2024 By Tomas Ruud", "March 5, 2024 · 3 min read · By Tomas Ruud"):
        a = run(page(f"<h1>Harbour cranes return</h1><p class='meta'>{line}</p><article>{BODY}</article>"))
        assert a.authors == ["Tomas Ruud"], line


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
        ("April 26, 2024Updated on: October 28, 2024", "2024-04-26"),  # two elements' texts glued
        ("5. März 2024Aktualisiert", "2024-03-05"),
        ("Von: Ines Calder | 31.10.23", "2023-10-31"),  # a two-digit year in a date line
        ("Erschienen am: 01.11.2023", "2023-11-01"),
    ],
)
def test_visible_dates_in_many_languages_and_orders(text: str, expected: str) -> None:
    found = date_in_text(text)
    assert found is not None and found.date().isoformat() == expected


def test_dates_whose_order_cannot_be_told_are_not_guessed() -> None:
    assert date_in_text("03/04/2024") is None
    # A two-digit year is read only in a text as short as a date line, and not in a version number.
    assert date_in_text("The harbour board adopted the plan in its meeting of 12.03.24 after a vote") is None
    assert date_in_text("version 1.2.23") is None and date_in_text("v10.11.23.4") is None
    assert date_in_text("release 2024.4.4 is out") is None
    assert parse_date("03-04-2024") is None
    assert parse_date("2024-03-04") == datetime(2024, 3, 4, tzinfo=timezone.utc)


def test_date_from_an_element_marked_as_a_date_not_from_related_posts() -> None:
    related = "<ul class='related-posts'><li><span class='post-date'>May 20, 2024</span></li></ul>"
    own = "<div class='entry-meta'><span class='post-date'>May 2, 2024</span></div>"
    a = run(page(f"{related}<h1>Port strike ends</h1>{own}<article>{BODY}</article>"))
    assert a.published == datetime(2024, 5, 2, tzinfo=timezone.utc)
    assert a.evidence["published"] == "date-element"


def test_a_post_meta_line_dates_the_page() -> None:
    meta = "<p class='postmeta'>3. August 2015 &#183; Filed under <a href='/c/harbour'>Harbour</a></p>"
    a = run(page(f"<h2>Nummer zwei</h2>{meta}<article>{BODY}</article>"))
    assert a.published == datetime(2015, 8, 3, tzinfo=timezone.utc)


def test_a_date_element_with_a_two_digit_year() -> None:
    own = "<div class='uploaded-date'> 23.09.22 </div>"
    a = run(page(f"<h1>Port strike ends</h1>{own}<article>{BODY}</article>"))
    assert a.published == datetime(2022, 9, 23, tzinfo=timezone.utc)


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


def test_date_from_published_and_modified_date_meta_names() -> None:
    head = "<meta name='modified-date' content='2024-04-30'><meta name='published-date' content='2021-02-16'>"
    a = run(article_html(*PARAGRAPHS, head=head))
    assert (a.published, a.evidence["published"]) == (datetime(2021, 2, 16, tzinfo=timezone.utc), "meta:published-date")
    assert (a.modified, a.evidence["modified"]) == (datetime(2024, 4, 30, tzinfo=timezone.utc), "meta:modified-date")


def test_date_element_holding_an_iso_date_and_time() -> None:
    own = "<p class='Byline_publicationTime__x1'>2022-11-23T08:10+02:00 </p>"
    a = run(page(f"<h1>Heat maps of the coast</h1>{own}<article>{BODY}</article>"))
    assert a.published == datetime(2022, 11, 23, 6, 10, tzinfo=timezone.utc)
    assert a.evidence["published"] == "date-element"


def test_a_time_element_inside_the_article_beats_a_list_of_other_pages() -> None:
    listing = "".join(
        f"<div class='views-row'><time datetime='2023-0{m}-01T12:00:00Z'>0{m}/01/2023</time></div>" for m in (1, 2)
    )
    own = "<article><h1>Consulting or insurance?</h1><time datetime='2017-03-01T12:00:00Z'>03/01/2017</time>"
    a = run(page(f"<div class='view'>{listing}</div>{own}{BODY}</article>"))
    assert (a.published, a.date_source) == (datetime(2017, 3, 1, 12, 0, tzinfo=timezone.utc), "time-element")


def test_a_date_labelled_published_beats_a_declared_date_of_another_day() -> None:
    head = ld({"@type": "Article", "headline": "Ledger tools for small shops", "datePublished": "2023-11-29T12:00:00Z"})
    byline = "<div class='byline'>By Ines Calder</div><div class='article-meta'>Published August 13, 2023</div>"
    a = run(article_html(*PARAGRAPHS, head=head, before=byline))
    assert (a.published, a.date_source) == (datetime(2023, 8, 13, tzinfo=timezone.utc), "text")
    # The same day: the declared time, which is more precise, stays.
    head = ld({"@type": "Article", "headline": "Ledger tools for small shops", "datePublished": "2023-08-13T09:30:00Z"})
    a = run(article_html(*PARAGRAPHS, head=head, before=byline))
    assert (a.published, a.date_source) == (datetime(2023, 8, 13, 9, 30, tzinfo=timezone.utc), "json-ld")


def test_a_date_element_labelled_published_beats_an_earlier_one() -> None:
    revised = "<div class='entry-meta'><span class='post-date'>Sep 30, 2023</span></div>"
    note = "<p class='PublishDateNote'>This article was originally published on 26 Sep 2019 at 4:12pm</p>"
    a = run(page(f"<h1>Living in a tiny home</h1>{revised}<article>{BODY}</article><footer>{note}</footer>"))
    assert (a.published, a.evidence["published"]) == (datetime(2019, 9, 26, tzinfo=timezone.utc), "date-element")

def test_a_date_element_labelled_published_by_the_element_before_it_even_in_a_sidebar() -> None:
    related = "".join(
        f"<div class='related-card'><a href='/p{d}'>Other story</a><span class='card-date'>May {d}, 2025</span></div>"
        for d in (20, 21)
    )
    meta = "<div class='meta'><h4>Published</h4><!-- x --><div class='post-date'>July 8, 2025</div></div>"
    side = f"<aside class='post-sidebar'>{meta}{related}</aside>"
    a = run(page(f"<h1>Top data firms of the year</h1><div class='post'>{side}<article>{BODY}</article></div>"),
            fetched_at=datetime(2025, 12, 1, tzinfo=timezone.utc))
    assert (a.published, a.evidence["published"]) == (datetime(2025, 7, 8, tzinfo=timezone.utc), "date-element")
    # Only a last resort: the article's own date element beats a comment's "Posted on".
    own = "<div class='entry-meta'><span class='post-date'>May 2, 2024</span></div>"
    comment = "<div class='comments'><span>Posted</span><span class='comment-date'>May 9, 2024</span></div>"
    a = run(page(f"<h1>Port strike ends</h1>{own}<article>{BODY}</article>{comment}"))
    assert a.published == datetime(2024, 5, 2, tzinfo=timezone.utc)


def test_microdata_date_published_written_out_in_another_language() -> None:
    own = "<footer class='article-info'>Erschienen: <span itemprop='datePublished'>28. Dezember 2023</span></footer>"
    a = run(page(f"<article><h1>Hafenstreik beendet</h1>{BODY}{own}</article>", lang="de"))
    assert (a.published, a.date_source) == (datetime(2023, 12, 28, tzinfo=timezone.utc), "time-element")


def test_a_day_first_date_in_a_url_path_when_its_order_is_certain() -> None:
    assert date_in_url("https://harbour.example/meldungen/29-10-2021") == datetime(2021, 10, 29, tzinfo=timezone.utc)
    assert date_in_url("https://harbour.example/bericht_vom_22.04.2020_lage") == datetime(
        2020, 4, 22, tzinfo=timezone.utc
    )
    assert date_in_url("https://harbour.example/news/01-02-2022/") is None  # January 2 or February 1
    assert date_in_url("https://harbour.example/bericht_31.02.2020") is None  # no such day
    assert date_in_url("https://harbour.example/release-v1.2.2020/") is None


def test_date_in_a_url_path_with_year_and_month_joined() -> None:
    assert date_in_url("https://news.saltmere.example/local/2020-02/19/c_1125597921.htm") == datetime(
        2020, 2, 19, tzinfo=timezone.utc
    )


def test_date_in_the_elements_after_the_headline_when_nothing_else_dates_the_page() -> None:
    header = (
        "<div class='hero'><div class='wrap'><h1>Analytics features for large teams</h1></div>"
        "<div class='blog-header_footnotes'><a href='/product'>Product</a><div class='small'>January 5, 2024</div>"
        "</div></div>"
    )
    a = run(page(f"{header}<article>{BODY}</article>"))
    assert (a.published, a.date_source) == (datetime(2024, 1, 5, tzinfo=timezone.utc), "text")



def _dates_of(
    body: str, published: str | None, headline_texts: list[str] | None = None
) -> tuple[datetime | None, str | None]:
    """The published date and its source, for ``body`` under a JSON-LD article that declares ``published``
    (no visible dateline found by the content step)."""
    obj = {"@type": "Article", "headline": "Pricing a yoga class", "datePublished": published} if published else None
    found = find_dates(parse_page(page(body)), obj, [], datetime(2025, 12, 1, tzinfo=timezone.utc), headline_texts)
    return found.published, found.source


def test_a_numeric_date_by_the_headline_that_reads_either_way_agrees_with_the_declared_day() -> None:
    declared = "2024-09-10T16:07:00Z"
    # 09.10.2024 read day first is 9 October, month first 10 September: it names the declared day.
    assert _dates_of("<h1>Renovation phases</h1>", declared, ["09.10.2024"]) == (
        datetime(2024, 9, 10, 16, 7, tzinfo=timezone.utc),
        "json-ld",
    )
    # Not so a date that reads one way only, nor one with the month written out.
    assert _dates_of("<h1>Renovation phases</h1>", declared, ["13.10.2024"])[0] == datetime(
        2024, 10, 13, tzinfo=timezone.utc
    )
    assert _dates_of("<h1>Renovation phases</h1>", declared, ["October 9, 2024"])[0] == datetime(
        2024, 10, 9, tzinfo=timezone.utc
    )


def test_an_older_date_by_the_headline_beats_a_later_declared_one() -> None:
    def byline(when: str) -> str:
        return f"<h1>Pricing a yoga class</h1><div class='staff'><div>Mara Quill</div><div>{when}</div></div>{BODY}"

    # The page moved to a new system on 24 June 2025; the text is from August 2024.
    assert _dates_of(byline("August 25, 2024"), "2025-06-24T00:00:00Z") == (
        datetime(2024, 8, 25, tzinfo=timezone.utc),
        "text",
    )
    # A later visible date is an update, and a day earlier is another time zone: the declared date stays.
    for when in ("November 3, 2025", "June 23, 2025"):
        assert _dates_of(byline(when), "2025-06-24T10:00:00Z") == (
            datetime(2025, 6, 24, 10, tzinfo=timezone.utc),
            "json-ld",
        )
    # Nor is a forum member's "Joined" date.
    assert _dates_of(byline("Joined: Mar 2, 2015"), "2025-06-24T10:00:00Z")[1] == "json-ld"
    # A date quoted in the text further down is not a byline's.
    lines = "<p>Mara Quill</p><p>Studio notes</p><p>Three minutes</p><p>Teachers' guild, 25 March 2019:</p>"
    quote = f"<h1>Pricing a yoga class</h1>{lines}"
    assert _dates_of(quote + BODY, "2025-06-24T10:00:00Z")[1] == "json-ld"


def test_a_date_in_a_custom_elements_creation_attribute_as_a_last_resort() -> None:
    # Utility classes further up ("fixed-sidebar" on the layout grid) do not make it a sidebar's.
    post = (
        "<div class='grid fixed-sidebar'><main class='main'>"
        "<x-post class='post-shell' created-timestamp='2026-03-03T09:47:05.754000+0000'>"
        "<h1>Which laptop lasts?</h1></x-post></main></div>"
        "<div class='comment'><x-reply data-created='2026-03-01T08:00:00Z'>Mine did.</x-reply></div>"
    )
    a = run(page(post + f"<article>{BODY}</article>"), fetched_at=datetime(2026, 3, 5, tzinfo=timezone.utc))
    assert (a.published, a.date_source, a.evidence["published"]) == (
        datetime(2026, 3, 3, 9, 47, 5, 754000, tzinfo=timezone.utc),
        "time-element",
        "attribute:created-timestamp",
    )
    # A comment's creation time is no page's date.
    reply = "<div class='comment'><x-reply data-created='2026-03-01T08:00:00Z'>Mine did.</x-reply></div>"
    a = run(page(f"<h1>Which laptop lasts?</h1><article>{BODY}</article>{reply}"))
    assert a.published is None


def test_date_in_a_short_line_inside_a_long_box_right_after_the_headline() -> None:
    excerpt = (
        "The customer relationship tools of the year compared, with features, pricing and honest pros and cons "
        "to help small teams choose the right platform for their sales, support and marketing work this season."
    )
    hero = (
        f"<h1>Customer tools of the year</h1><div class='hero-copy'><p>{excerpt}</p>"
        "<div class='post-meta'><div>By</div><div>The Lantern Team</div><div>|</div><div>6 mins</div>"
        "<div>February 28, 2024</div></div></div>"
    )
    assert _dates_of(f"{hero}<article>{BODY}</article>", None) == (datetime(2024, 2, 28, tzinfo=timezone.utc), "text")


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


def test_a_heading_missing_the_declared_titles_separator_takes_the_declared_one() -> None:
    head = "<meta property='og:title' content='Info - Kiln shelf sizes compared (2025) Gas & Electric'>"
    body = f"<h1>Info Kiln shelf sizes compared (2025) Gas & Electric</h1><article>{BODY}</article>"
    assert run(page(body, head)).title == "Info - Kiln shelf sizes compared (2025) Gas & Electric"
    # A heading that uses other punctuation keeps its own.
    head = "<meta property='og:title' content='Kiln shelves - The complete guide 2025'>"
    body = f"<h1>Kiln shelves: The complete guide 2025</h1><article>{BODY}</article>"
    assert run(page(body, head)).title == "Kiln shelves: The complete guide 2025"


def test_a_kicker_above_the_headline_is_not_part_of_it() -> None:
    head = "<meta property='og:title' content='Harbour strike: Cranes idle for a ninth day'>"
    body = (
        "<h1><span class='article-heading__kicker'>Harbour strike</span>"
        f"<span class='article-heading__title'>Cranes idle for a ninth day</span></h1><article>{BODY}</article>"
    )
    assert run(page(body, head)).title == "Cranes idle for a ninth day"
    # A heading that is nothing but a kicker-styled line stays.
    body = f"<h1><span class='hero-eyebrow'>Kiln Shelf Pro</span></h1><article>{BODY}</article>"
    assert run(page(body, "<meta property='og:title' content='Kiln Shelf Pro'>")).title == "Kiln Shelf Pro"

@pytest.mark.parametrize(
    ("heading", "declared", "expected"),
    [
        ("Blog: Tram line approved by council", "Tram line approved by council", "Tram line approved by council"),
        ("Dec 18 2025 Tram line approved", "Tram line approved", "Tram line approved"),
        ("Thread: Which glaze for a first firing?", "Which glaze for a first firing?",
         "Which glaze for a first firing?"),
        # part of the headline, not a label: a count, an article, a preposition
        ("8 Recent Trends in Pottery", "Recent Trends in Pottery", "8 Recent Trends in Pottery"),
        ("The Best Kiln Shelves of 2026", "Best Kiln Shelves of 2026", "The Best Kiln Shelves of 2026"),
        ("Welcome to Quarrylane Pottery", "Quarrylane Pottery", "Welcome to Quarrylane Pottery"),
    ],
)
def test_a_short_label_before_the_declared_title_in_the_heading(heading: str, declared: str, expected: str) -> None:
    head = f"<meta property='og:title' content='{declared}'>"
    assert run(page(f"<h1>{heading}</h1><article>{BODY}</article>", head)).title == expected


def test_a_declared_title_is_cut_at_a_pipe() -> None:
    head = "<title>Build your first kiln | Firing guides, glazes and kiln care</title>"
    a = run(page(f"<h1>Lantern Docs</h1><article>{BODY}</article>", head))
    assert (a.title, a.evidence["title"]) == ("Build your first kiln", "title")
    head = "<title>Kilns | Firing guides, glazes and kiln care</title>"  # one word before the pipe: not cut
    assert run(page(f"<article>{BODY}</article>", head)).title == "Kilns | Firing guides, glazes and kiln care"


def test_a_home_page_keeps_a_leading_site_name() -> None:
    head = "<title>Quillbrook - Shared notes for small teams</title><meta property='og:site_name' content='Quillbrook'>"
    html = page(f"<h1>Welcome</h1><article>{BODY}</article>", head)
    assert run(html, "https://quillbrook.example/").title == "Quillbrook - Shared notes for small teams"
    assert run(html, "https://quillbrook.example/en-us/").title == "Quillbrook - Shared notes for small teams"
    assert run(html, "https://quillbrook.example/blog/notes").title == "Shared notes for small teams"
    # A trailing site name goes on a home page too.
    head = "<title>Shared notes for small teams | Quillbrook</title><meta property='og:site_name' content='Quillbrook'>"
    html = page(f"<h1>Welcome</h1><article>{BODY}</article>", head)
    assert run(html, "https://quillbrook.example/").title == "Shared notes for small teams"


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


def test_a_visible_update_date_does_not_replace_the_declared_publication_date() -> None:
    head = "<meta property='article:published_time' content='2021-04-09T08:00:00+00:00'>"

    def dated(line: str) -> Article:
        return run(page(f"<article><h1 class='entry-title'>Tide tables for the new harbour</h1>{line}"
                        f"<div class='entry-content'>{BODY}</div></article>", head),
                   fetched_at=datetime(2025, 6, 1, tzinfo=timezone.utc))

    a = dated("<div class='entry-date'>Last updated on <a href='/tides/'>February 2, 2025</a></div>")
    assert (a.published, a.date_source) == (datetime(2021, 4, 9, 8, tzinfo=timezone.utc), "meta")
    assert (a.modified, a.evidence["modified"]) == (datetime(2025, 2, 2, tzinfo=timezone.utc), "text")
    # Unlabelled, the date by the headline is what the page shows as its date: it wins.
    a = dated("<div class='entry-date'><a href='/tides/'>February 2, 2025</a></div>")
    assert (a.published, a.date_source) == (datetime(2025, 2, 2, tzinfo=timezone.utc), "text")
