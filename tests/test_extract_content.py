"""Main-content mechanisms, one synthetic page each (fictional outlets only)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from presscut.article import Article
from presscut.config import ExtractConfig
from presscut.extraction import extract
from presscut.extraction.content import extract_content
from presscut.extraction.encoding import repair_mojibake
from presscut.extraction.walk import Walk, classify
from presscut.language import detect_language

NO_LANG = ExtractConfig(detect_language=False)

PARAGRAPHS = [
    "The Brindlecombe ferry resumed its winter timetable on Monday after a week of repairs to the "
    "landing stage on the north shore.",
    "Crews replaced two of the pontoon chains and tested the new ramp with a loaded lorry before the "
    "first crossing at seven.",
    "The operator said the crossing would run every forty minutes until March, weather permitting, "
    "with a later last sailing on Fridays.",
]
BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def page(body: str) -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'></head><body>{body}</body></html>"


def run(html: str) -> Article:
    return extract(html, "https://brindlecombe-post.example/news/ferry", config=NO_LANG)


# -- hidden elements ------------------------------------------------------------------


def test_hidden_menus_and_variant_lists_are_dropped() -> None:
    html = page(
        "<div style='display: none'><ul><li><a href='/a'>Boats</a></li><li><a href='/b'>Timetables</a></li>"
        "<li><a href='/c'>Fares and passes</a></li></ul></div>"
        f"<article>{BODY}</article>"
        "<div hidden><span>Size S</span><span>Size M</span><span>Size L</span><span>Colour: harbour blue</span></div>"
        "<div style='visibility:hidden'>Sold out in harbour blue</div>"
    )
    a = run(html)
    assert a.text == "\n\n".join(PARAGRAPHS)
    reasons = {r.reason for r in a.removed if any(w in r.text for w in ("Timetables", "Size M", "Sold out"))}
    assert reasons == {"invisible"}


def test_collapsed_panels_with_sentences_are_read() -> None:
    # An FAQ answer or accordion panel is hidden until clicked, but it is the page's text.
    answer = (
        "Bicycles travel free on every crossing. Riders board last and leave first. "
        "Tandems and cargo bikes need a ticket."
    )
    html = page(
        f"<main>{BODY}<h2>Questions</h2><h3>Can I take a bicycle?</h3>"
        f"<div class='faq-answer' style='display:none'><p>{answer}</p></div></main>"
    )
    a = run(html)
    assert answer in a.text
    assert not any(r.reason == "invisible" for r in a.removed)


def test_classify_reads_hidden_attribute_and_inline_style() -> None:
    assert classify("div", {"hidden": None}) == (False, "invisible")
    assert classify("div", {"style": "color: red; display:none"}) == (False, "invisible")
    assert classify("div", {"style": "display: block"}) == (False, None)
    # A named reason wins over plain invisibility; an element that holds the article keeps it.
    assert classify("div", {"class": "share-bar", "style": "display:none"}) == (False, "share")
    assert classify("article", {"style": "display:none"}) == (True, None)


# -- listings ---------------------------------------------------------------------------


def test_page_whose_article_is_a_small_corner_is_read_as_a_listing() -> None:
    # The densest "article" is a one-line intro; the page's text is a directory of short entries
    # (mostly not links, so the page is not "mostly links" either).
    entries = "".join(
        f"<div class='entry'><h3><a href='/trails/{i}'>Copse Loop {i}</a></h3>"
        f"<div>Grade: red</div><div>{i + 2} miles</div><div>Kept by: Ann Holt</div></div>"
        for i in range(24)
    )
    html = page(
        "<div class='intro'><p>Every trail kept by the Brindlecombe Riders, with its length and its steward, "
        "updated each spring.</p></div>"
        f"<div class='directory'>{entries}</div>"
    )
    a = run(html)
    assert "Copse Loop 3" in a.text and "Copse Loop 23" in a.text
    assert "25 miles" in a.text


def test_an_article_with_a_link_heavy_sidebar_is_not_a_listing() -> None:
    links = "".join(f"<li><a href='/s/{i}'>Another story about the harbour number {i}</a></li>" for i in range(12))
    html = page(f"<article>{BODY}</article><div class='more-links'><ul>{links}</ul></div>")
    a = run(html)
    assert a.text == "\n\n".join(PARAGRAPHS)


# -- related sections ------------------------------------------------------------------------


def test_related_heading_in_its_own_wrapper_takes_the_section_along() -> None:
    cards = "".join(
        f"<div class='card'><h3>Brindlecombe tide clock model {i}</h3><div>£{20 + i}.00</div>"
        "<div>Free delivery</div></div>"
        for i in range(6)
    )
    html = page(
        f"<main><h1>Tide clock</h1>{BODY}"
        f"<section><div class='section-title'><h2>Similar items</h2></div><div class='carousel'>{cards}</div></section>"
        "<section><h2>Care</h2><p>Wipe the case with a dry cloth and keep the clock away from radiators.</p></section>"
        "</main>"
    )
    a = run(html)
    assert "tide clock model" not in a.text and "Free delivery" not in a.text
    assert a.text.endswith("Care\n\nWipe the case with a dry cloth and keep the clock away from radiators.")
    assert sum(r.reason == "related" for r in a.removed) >= 13


def test_a_big_box_named_related_is_a_list_of_teasers_unless_it_holds_a_run_of_paragraphs() -> None:
    teaser = (
        "The harbour board met again on Thursday to weigh the cost of dredging the inner basin against a "
        "second pontoon, and the ferry operator asked for a decision before the spring timetable is printed. "
    ) * 2
    cards = "".join(
        f"<article class='card'><h3><a href='/news/story-{i}'>Harbour board story {i}</a></h3><p>{teaser}</p></article>"
        for i in range(5)
    )  # well over the size at which a box named like furniture is kept as the article's wrapper
    a = run(page(f"<main><article>{BODY}</article><div class='entry-related'>{cards}</div></main>"))
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert any(r.reason == "related" and "Harbour board story 0" in r.text for r in a.removed)
    # The same size of text as one run of paragraphs, links and all, is an article body in a box misnamed "related".
    body = "".join(f"<p>Meeting {i}: {teaser} <a href='/news/story-{i}'>More on this.</a></p>" for i in range(5))
    b = run(page(f"<div class='related-wrapper'><h1>Harbour board</h1>{body}</div>"))
    assert all(f"Meeting {i}: The harbour board met again" in b.text for i in range(5))


def test_shop_and_multilingual_related_headings() -> None:
    for heading in ("Customers who viewed this item also viewed", "Frequently bought together", "Schon gelesen?"):
        items = "".join(f"<p>Teaser {i} about something else entirely on the site.</p>" for i in range(3))
        html = page(f"<article>{BODY}<div><h3>{heading}</h3>{items}</div></article>")
        assert run(html).text == "\n\n".join(PARAGRAPHS), heading


# -- the walk on its own ----------------------------------------------------------------------


def test_walk_cuts_blocks_and_content_chooses_the_container() -> None:
    tree = LexborHTMLParser(page(f"<nav><a href='/'>Home</a></nav><div class='story-body'>{BODY}</div>"))
    walk = Walk()
    walk.run(tree.body)  # type: ignore[arg-type]
    assert [b.text for b in walk.blocks] == PARAGRAPHS
    assert [r.reason for _, r in walk.pruned] == ["navigation"]
    content = extract_content(tree.body)
    assert content.container == "body>div.story-body"
    assert content.text == "\n\n".join(PARAGRAPHS)


# -- speed paths that must not change results ------------------------------------------------------


def test_mojibake_fast_path_undoes_one_and_two_layers() -> None:
    text = "Brindlecombe’s café costs 9 € a cup"
    once = text.encode("utf-8").decode("cp1252")
    twice = once.encode("utf-8").decode("cp1252")
    assert repair_mojibake(f"<p>{once}</p>") == f"<p>{text}</p>"
    assert repair_mojibake(f"<p>{twice}</p>") == f"<p>{text}</p>"
    # Damage beside text that cp1252 cannot hold goes to ftfy, which repairs what shows.
    mixed = f"<p>Ωmega {once}</p>"
    assert repair_mojibake(mixed) == f"<p>Ωmega {text}</p>"


def test_language_needs_enough_letters() -> None:
    assert detect_language("12 34 56 -- !! ab cd 78") is None
    assert detect_language("The ferry crossing resumed on Monday after a week of repairs to the landing.") == "en"


# -- furniture vocabulary -----------------------------------------------------------------------------


def test_product_reviews_are_furniture() -> None:
    reviews = "".join(
        f"<div class='review'><p>Lovely clock, keeps good time on the shelf. Four stars from buyer {i}.</p></div>"
        for i in range(4)
    )
    html = page(f"<main>{BODY}<section class='product-reviews'><h2>Reviews</h2>{reviews}</section></main>")
    a = run(html)
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert any(r.reason == "reviews" for r in a.removed)


def test_calls_to_action_that_close_the_article_are_dropped() -> None:
    asks = (
        "<p>Subscribe now to the Brindlecombe Post for the full story and our morning briefing.</p>"
        "<p>Follow the Post on Instagram and Telegram for updates from the harbour.</p>"
    )
    a = run(page(f"<article>{BODY}{asks}</article>"))
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert [r.reason for r in a.removed if "Subscribe now" in r.text or "Follow the Post" in r.text] == [
        "promo",
        "promo",
    ]
    # The same words inside the story are the story.
    story = PARAGRAPHS[0] + " Readers who subscribe to the ferry alerts were told first."
    inside = run(page(f"<article><p>{story}</p><p>{PARAGRAPHS[1]}</p></article>"))
    assert "subscribe to the ferry alerts" in inside.text


def test_syntax_colour_classes_in_code_are_not_furniture() -> None:
    code = (
        "<pre><code class='language-bash'><span class='hljs-comment'># stage only the files you name</span>\n"
        "git add harbour.txt\n<span class='token comment'># then commit them</span>\ngit commit</code></pre>"
    )
    a = run(page(f"<article>{BODY}{code}</article>"))
    assert "# stage only the files you name" in a.text and "# then commit them" in a.text
    assert not any(r.reason == "comments" for r in a.removed)


# -- rescue, reply boxes, credits, datelines, closing asks, headers -------------------------------------


def test_article_wrapped_in_a_furniture_name_is_rescued() -> None:
    # The whole story sits in an element whose class reads like a share bar: pruned, nothing left.
    html = page(
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<main><div class='story-share-container'><h1>Ferry back</h1>"
        f"{BODY}{BODY.replace('ferry', 'boat')}</div></main>"
    )
    a = run(html)
    assert a.text.startswith(PARAGRAPHS[0])
    assert PARAGRAPHS[2] in a.text
    assert "Home" not in a.text


def test_reply_box_is_dropped_from_a_thread() -> None:
    posts = "".join(
        f"<li class='comment'><p>Reader {i} says the new ramp at the north landing is much easier with a pram "
        f"and the crossing felt quicker than last winter, which is good news for the school run.</p></li>"
        for i in range(8)
    )
    reply = (
        "<div id='respond' class='comment-respond'><h3 id='reply-title'>Leave a Reply <a href='#'>Cancel reply</a></h3>"
        "<form><p>Your email address will not be published.</p><textarea></textarea><p>Name</p></form></div>"
    )
    html = page(f"<article><p>The ferry is back.</p></article><div id='comments'>{reply}<ol>{posts}</ol></div>")
    a = run(html)
    assert "Reader 3 says" in a.text  # a thread: its posts are the content
    assert "Leave a Reply" not in a.text


def test_caption_credits_are_dropped() -> None:
    credits = (
        "<p>Titelbild: Jane Roe/Brindlecombe Pictures</p>"
        "<p>The new ramp at the north landing. (Credit: Jane Roe / Harbour Trust)</p>"
        "<p>The landing stage at dawn. © Brindlecombe Harbour Trust</p>"
    )
    a = run(page(f"<article>{BODY}{credits}</article>"))
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert sum(r.reason == "caption" for r in a.removed) == 3


def test_datelines_in_other_languages_are_dropped() -> None:
    for line in ("Veröffentlichung: 2. Februar 2022", "12.12.2022, 08:30 Uhr", "Publikacja: 04.05.2021"):
        a = run(page(f"<article><div>{line}</div>{BODY}</article>"))
        assert a.text == "\n\n".join(PARAGRAPHS), line
    # Slashed dates in table rows are data, not datelines.
    rows = "".join(f"<tr><td>{m}/1/2013</td><td>+1{m}.1%</td></tr>" for m in range(1, 6))
    a = run(page(f"<article><p>{PARAGRAPHS[0]}</p><table>{rows}</table><p>{PARAGRAPHS[1]}</p></article>"))
    assert "3/1/2013 | +13.1%" in a.text


def test_a_closing_ask_before_a_last_short_line_is_dropped() -> None:
    closing = (
        "<p>Never miss the harbour news: sign up to our newsletter today!</p>"
        "<p>Share this story</p><p>Hafenblatt, 2024</p>"
    )
    a = run(page(f"<article>{BODY}{closing}</article>"))
    assert "newsletter" not in a.text
    assert any(r.reason == "promo" and "newsletter" in r.text for r in a.removed)


def test_german_and_french_related_headings_take_their_section() -> None:
    headings = (
        "Lesen Sie auch", "Weitere Informationen", "Mehr aus der Region", "Vous aimerez aussi", "Über den Autor",
    )
    for heading in headings:
        items = "".join(f"<p>Teaser {i} about something else entirely on the site.</p>" for i in range(3))
        html = page(f"<article>{BODY}<div><h3>{heading}</h3>{items}</div></article>")
        assert run(html).text == "\n\n".join(PARAGRAPHS), heading


def test_blog_filing_notes_and_buttons_are_dropped() -> None:
    notes = (
        "<p>Alle anzeigen</p><div>Artikel bewerten</div>"
        f"<p>{PARAGRAPHS[2]}</p>"
        "<p>This entry was posted in Harbour News. Bookmark the permalink.</p>"
    )
    a = run(page(f"<article><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>{notes}</article>"))
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert any(r.reason == "tags" and "permalink" in r.text for r in a.removed)


def test_a_small_box_after_the_article_body_is_dropped() -> None:
    long_body = "".join(f"<p>Day {i}: {p} {p}</p>" for i in range(3) for p in PARAGRAPHS)
    bio = (
        "<div class='box'><p>Jane Roe is the founder of Harbour Consulting, a full-service agency for ferry "
        "operators and coastal towns, and writes about transport for the Post.</p></div>"
    )
    a = run(page(f"<article><div class='body'>{long_body}</div>{bio}</article>"))
    assert a.text.endswith(PARAGRAPHS[2]) and "Jane Roe" not in a.text
    assert any(r.reason == "tail" and "Jane Roe" in r.text for r in a.removed)
    # A last section as long as a good part of the article is the article's own.
    section = f"<div class='more'><h2>What next</h2><p>{PARAGRAPHS[0]} {PARAGRAPHS[1]}</p></div>"
    b = run(page(f"<article><div class='body'>{BODY}</div>{section}</article>"))
    assert "What next" in b.text


def test_a_small_closing_box_stays_on_a_page_that_is_no_article() -> None:
    """The same box after a forum thread's posts is its last reply, not an author's bio."""
    posts = "".join(f"<p>Day {i}: {p} {p}</p>" for i in range(3) for p in PARAGRAPHS)
    reply = (
        "<div class='box'><p>Jane Roe here: the ferry operators I work with swear by the winter timetable, "
        "and so do the coastal towns along the route.</p></div>"
    )
    html = page(f"<main><div class='body'>{posts}</div>{reply}</main>")
    thread = extract(html, "https://forum.harbour.example/t/winter-timetable/42", config=NO_LANG)
    assert thread.page_type == "forum"
    assert "Jane Roe here" in thread.text and not any(r.reason == "tail" for r in thread.removed)
    assert "Jane Roe here" not in run(html).text  # the same page as a news article


def test_rights_and_opinion_notes_are_dropped() -> None:
    notes = (
        "<p>This article is the copyrighted property of the Brindlecombe Post. Written permission must be "
        "obtained before reprint.</p>"
        "<p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.</p>"
    )
    a = run(page(f"<article><p>{PARAGRAPHS[0]}</p>{notes}<p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></article>"))
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert sum(r.reason == "disclosure" for r in a.removed) == 2


def test_a_listing_drops_a_related_heading_but_keeps_its_items() -> None:
    items = "".join(
        f"<li><a href='/news/{i}'>Brindlecombe harbour story number {i} about the ferry and the tides</a></li>"
        for i in range(12)
    )
    more = "".join(f"<li><a href='/more/{i}'>Another harbour story {i} from the archive</a></li>" for i in range(4))
    html = page(f"<main><h1>Harbour news</h1><ul>{items}</ul><h2>Weitere Artikel</h2><ul>{more}</ul></main>")
    a = run(html)
    assert "harbour story number 3" in a.text and "Another harbour story 2" in a.text
    assert "Weitere Artikel" not in a.text


# -- linked headings, long linked list items, pages of items ---------------------------------------


def test_a_linked_heading_over_its_own_text_is_kept_but_teaser_headings_go() -> None:
    # A listicle's items are headings that link to the thing they describe, each over its own text.
    sections = "".join(
        f"<h2><a href='/boats/{i}'>{i}. The Saltmere skiff mark {i}</a></h2><p>{PARAGRAPHS[i % 3]}</p>"
        f"<p>{PARAGRAPHS[(i + 1) % 3]}</p>"
        for i in range(1, 4)
    )
    teasers = "".join(
        f"<h3><a href='/news/{i}'>Another harbour story {i}</a></h3><p>A short teaser line {i}.</p>" for i in range(3)
    )
    a = run(page(f"<article><h1>Three skiffs for the estuary</h1>{sections}<div>{teasers}</div></article>"))
    assert "2. The Saltmere skiff mark 2" in a.text
    assert "Another harbour story 1" not in a.text


def test_a_long_list_item_that_is_mostly_links_is_kept() -> None:
    sources = (
        "<li><a href='/r/1'>Brindlecombe Harbour Trust, Annual report on the north landing, its pontoons and its "
        "mooring chains</a>, 2024</li>"
        "<li><a href='/r/2'>Saltmere County Council, Minutes of the ferry committee on the winter timetable and the "
        "season fares</a>, p. 4</li>"
    )
    menu = "<li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
    a = run(page(f"<article>{BODY}<h2>Sources</h2><ul>{sources}</ul><ul>{menu}</ul></article>"))
    assert "Annual report on the north landing" in a.text and "Minutes of the ferry committee" in a.text
    assert "Home" not in a.text


def test_a_page_without_paragraphs_is_read_as_a_listing_when_that_finds_more() -> None:
    # A shop's category page: a short intro, then cards whose names are links.
    cards = "".join(
        f"<div class='card'><a href='/p/{i}'>Kestrel waxed jacket in harbour green, size {i}</a>"
        f"<div>£{80 + i}.00</div></div>"
        for i in range(8)
    )
    intro = "<div class='intro'>Waxed cotton for the coast.</div>"
    a = run(page(f"<main><h1>Jackets</h1>{intro}<div class='grid'>{cards}</div></main>"))
    assert "Kestrel waxed jacket in harbour green, size 5" in a.text
    assert "£85.00" in a.text


def test_a_page_whose_items_are_all_headings_keeps_them() -> None:
    items = "".join(f"<h2><a href='/c/{i}'>Rope and rigging ({i})</a></h2>" for i in range(6))
    a = run(page(f"<header><nav><a href='/'>Home</a></nav></header><div class='shelf'>{items}</div>"))
    assert "Rope and rigging (3)" in a.text


# -- furniture names: dialogs, search boxes, forum furniture, reviews, banners ----------------------------


def test_a_dialog_is_dropped_however_much_text_it_holds() -> None:
    # A privacy policy kept in the page for a modal: long prose, but never the page's content.
    policy = "".join(f"<p>{p} The Brindlecombe Post stores this under the terms below.</p>" for p in PARAGRAPHS * 8)
    a = run(page(f"<article>{BODY}</article><footer><div role='dialog' id='privacy'>{policy}</div></footer>"))
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert any(r.reason == "dialog" for r in a.removed)



#: Patients' quotes in a site-wide footer: more text than the furniture guard lets go by its tag alone.
TESTIMONIALS = "".join(
    f"<div class='quote'><p>The Brindlecombe surgery saw us the same day, visit {n}; the nurses were kind "
    "and the waiting room was calm even on a busy Monday.</p><p>Patient {n}</p></div>"
    for n in range(12)
)


#: Teasers of other stories with their summaries, in the page's own boxes beside the article.
TEASERS = "".join(
    f"<div class='box'><h3>Harbour notes, week {n}</h3><p>The Brindlecombe harbour master reports on moorings, "
    f"tides and the state of the slipway for week {n}, with a word on the fish market's opening hours.</p></div>"
    for n in range(3)
)


def test_the_pages_only_article_element_is_the_article_beside_teasers() -> None:
    a = run(page(f"<div class='page'><article>{BODY}</article><div class='more'>{TEASERS}</div></div>"))
    assert a.text == "\n\n".join(PARAGRAPHS)
    # Two <article> elements (a thread's posts, a listing's items): none is the page's article.
    two = run(page(f"<div class='page'><article>{BODY}</article><article>{TEASERS}</article></div>"))
    assert "week 2" in two.text


def test_a_page_footer_outside_its_main_element_is_dropped_however_long() -> None:
    a = run(page(f"<header><a href='/'>Home</a></header><main><article>{BODY}</article></main>"
                 f"<footer class='site-footer'>{TESTIMONIALS}</footer>"))
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert any(r.reason == "footer" for r in a.removed)
    named = run(page(f"<main><article>{BODY}</article></main><div class='footer-bar'>{TESTIMONIALS}</div>"))
    assert named.text == "\n\n".join(PARAGRAPHS)


def test_a_long_footer_stays_where_the_page_marks_no_main_element_or_it_holds_the_main() -> None:
    # Without a <main>, a furniture tag holding that much text may be the article's own wrapper: the guard keeps it.
    unmarked = run(page(f"<div class='story'>{BODY}</div><footer>{TESTIMONIALS}</footer>"))
    assert "same day, visit 3" in unmarked.text
    # A footer that holds the page's <main> is no page footer beside it.
    wrapping = run(page(f"<footer><main><h1>Visits</h1>{TESTIMONIALS}</main></footer>"))
    assert "same day, visit 3" in wrapping.text
def test_search_results_are_not_a_search_box() -> None:
    assert classify("ul", {"id": "search-results"}) == (False, None)
    assert classify("div", {"class": "discover-search-card"}) == (False, None)
    assert classify("div", {"class": "widget widget_search"}) == (False, "navigation")
    assert classify("form", {"class": "search-form"}) == (False, "navigation")


def test_forum_post_furniture_and_customer_reviews_and_consent_banners() -> None:
    assert classify("div", {"class": "post-signature"}) == (False, "byline")
    assert classify("dl", {"class": "postprofile"}) == (False, "byline")
    assert classify("ul", {"class": "user_info"}) == (False, "byline")
    assert classify("span", {"class": "author-flair"}, is_block=False) == (False, "byline")
    assert classify("div", {"class": "customer-review"}) == (False, "reviews")
    assert classify("div", {"id": "fides-banner"}) == (False, "cookie-notice")
    assert classify("div", {"class": "site-disclaimer"}) == (False, "footer")
    # a review article's own sections are not customer reviews
    assert classify("section", {"class": "individual-review"}) == (False, None)


# -- rescue in rounds, forms that wrap a thread --------------------------------------------------------


def test_an_article_inside_two_furniture_names_is_rescued() -> None:
    # The page's wrapper reads like navigation, and the wrapper inside it like a sidebar.
    html = page(
        "<div class='grid flex-nav-expanded'><div class='main-container fixed-sidebar'>"
        f"<main><h1>Ferry back</h1>{BODY}{BODY.replace('ferry', 'boat')}</main></div>"
        "<div class='nav-links'><a href='/a'>Boats</a> <a href='/b'>Timetables</a> "
        + " ".join(f"<a href='/c/{i}'>Harbour link {i}</a>" for i in range(40))
        + "</div></div>"
    )
    a = run(html)
    assert PARAGRAPHS[0] in a.text and PARAGRAPHS[2] in a.text


def test_a_form_wrapping_a_thread_of_quoted_posts_is_read() -> None:
    posts = "".join(
        f"<li class='message'><div class='author'>Member {i}</div><blockquote class='messageText'>"
        f"{PARAGRAPHS[i % 3]} {PARAGRAPHS[(i + 1) % 3]}</blockquote></li>"
        for i in range(5)
    )
    intro = f"<div class='intro'>{BODY}</div>"
    thread = f"<form class='InlineModForm'><ol class='messageList'>{posts}</ol></form>"
    html = page(f"<h1>Winter timetable</h1>{intro}{thread}")
    a = run(html)
    assert a.text.count(PARAGRAPHS[1]) >= 3


# -- lead, kicker, meta lines, headers -------------------------------------------------


def test_a_standfirst_between_headline_and_body_is_kept() -> None:
    lead = (
        "The Brindlecombe ferry is back on its winter timetable after a week of repairs, and the "
        "operator promises a later last sailing on Fridays."
    )
    html = page(
        f"<h1>Ferry back on winter timetable</h1><div class='teaser-text'><p>{lead}</p></div>"
        f"<div class='article-body'>{BODY}</div>"
    )
    assert run(html).text == "\n\n".join([lead, *PARAGRAPHS])
    # a site banner above the page, with no headline between it and the article, is not a lead
    banner = "Welcome to the new Brindlecombe Post website! Switch languages at the bottom of any page."
    a = run(page(f"<div class='notice'><p>{banner}</p></div><div class='article-body'>{BODY}</div>"))
    assert banner not in a.text


def test_a_kicker_and_a_dated_meta_line_above_the_article_are_dropped() -> None:
    html = page(
        "<article><div class='kicker'>Harbour news</div><h2>Ferry back on winter timetable</h2>"
        f"<p>Tuesday, 4 June 2024, 15:54 | Ines Calder</p>{BODY}</article>"
    )
    a = run(html)
    assert a.text.startswith("Ferry back on winter timetable\n\n" + PARAGRAPHS[0])
    reasons = {r.text: r.reason for r in a.removed}
    assert reasons["Harbour news"] == "kicker"
    assert reasons["Tuesday, 4 June 2024, 15:54 | Ines Calder"] == "head-meta"
    # a product page's price is no kicker
    shop = page(f"<main><p>£39.00</p>{BODY}</main>")
    assert run(shop).text.startswith("£39.00")


def test_an_article_header_named_by_class_keeps_its_standfirst() -> None:
    lead = "Crews worked through the night to finish the landing stage before the first winter crossing."
    html = page(
        f"<article><div class='article-header'><h1>Ferry resumes</h1><p class='lead'>{lead}</p></div>{BODY}</article>"
    )
    assert lead in run(html).text
    # a box named "header" that only wraps a section's heading is that heading
    faq = page(
        f"<main>{BODY}<div class='card'><div class='card-header'><h3>Can I take a bicycle?</h3></div>"
        "<div class='card-body'><p>Bicycles travel free on every crossing and board last.</p></div></div></main>"
    )
    assert "Can I take a bicycle?" in run(faq).text


def test_state_class_names_are_not_furniture() -> None:
    # "isPaywall" says the article is behind a paywall, not that the element is one
    html = page(f"<div class='article isPaywall'>{BODY}</div>")
    assert run(html).text == "\n\n".join(PARAGRAPHS)


def test_ad_labels_comment_prompts_source_lines_and_share_prompts_are_dropped() -> None:
    html = page(
        "<article><p>Advertorial: this report was produced with Saltmere Ropeworks.</p>"
        f"{BODY}<p>Quelle: Hafenamt Brindlecombe</p><p>Kontakt</p>"
        "<p>Möchten Sie den Artikel teilen?</p><p>Permalink https://brindlecombe-post.example/p/4411</p>"
        "<p>You must be logged in to post a comment.</p></article>"
    )
    a = run(html)
    assert a.text == "\n\n".join(PARAGRAPHS)
    reasons = {r.text[:20]: r.reason for r in a.removed}
    assert reasons["Advertorial: this re"] == "disclosure"
    assert reasons["Quelle: Hafenamt Bri"] == "source"
    assert reasons["Möchten Sie den Arti"] == "share"
    assert reasons["You must be logged i"] == "comments"
    assert a.attribution == "Hafenamt Brindlecombe"  # the credit still names the source


def test_a_row_of_buttons_and_more_related_headings_are_dropped() -> None:
    html = page(
        f"<article>{BODY}<p>Share Print Email</p>"
        "<h3>Weitere Beiträge aus der Kolumne:</h3><ul><li><a href='/k/1'>Die Fähre im Winter</a></li></ul></article>"
    )
    a = run(html)
    assert a.text == "\n\n".join(PARAGRAPHS)
    assert {r.reason for r in a.removed if r.text.startswith(("Share Print", "Weitere Beiträge"))} == {
        "boilerplate",
        "related",
    }


# -- product pages: customers' reviews, cards that repeat their titles --------------------------------

#: Customers' reviews, more text than the furniture guard lets go by its name alone.
REVIEWS = "".join(
    f"<div class='review'><h3>Review {n}</h3><p>Coat number {n} kept me dry on every crossing in a gale; "
    "the stitching held through a season of hauling nets and the brass buttons still close firmly.</p></div>"
    for n in range(12)
)
#: The shop's footer: branches, many lines of them.
BRANCHES = "".join(f"<p>Branch {n}: Quay Street {n}, Brindlecombe, open nine till five.</p>" for n in range(40))
PRODUCT_TEXT = (
    "<h1>Saltmere oilskin coat</h1><p>A waxed cotton coat cut long for work on the water, with a "
    "fleece-lined collar, brass buttons and a storm flap that closes over the zip.</p>"
    "<p>Waxed by hand in Brindlecombe; re-proof once a season with our tin of dressing.</p><ul>"
    + "".join(
        f"<li>{spec}</li>"
        for spec in [
            "Outer: 8 oz waxed cotton, woven and waxed in the Saltmere mill on the north shore",
            "Lining: brushed cotton in the body, quilted fleece in the collar and the hand-warmer pockets",
            "Fastening: two-way brass zip under a storm flap closed by five brass press studs",
            "Pockets: two bellows pockets with drain holes, two hand-warmer pockets, one inside chest pocket",
            "Hood: detachable, stowed in the collar, adjusts with a toggle at the back of the head",
            "Length: 86 cm at the back in size medium, cut to cover the thighs when seated in a boat",
            "Care: sponge clean with cold water only, re-wax once a season, never machine wash or dry",
            "Made in Brindlecombe by the Saltmere Ropeworks cooperative, repaired free for ten years",
        ]
    )
    + "</ul><footer><p>Saltmere Ropeworks, Quay Street 4, Brindlecombe. Open Monday to Saturday, "
    "nine till five; the workshop closes for the regatta week in August. Orders ship in two days, "
    "returns are free within sixty days, and every coat can come back to us for re-waxing.</p></footer>"
)


def test_a_products_customer_reviews_are_dropped_however_long() -> None:
    html = page(f"<main>{PRODUCT_TEXT}<section id='customer-reviews'>{REVIEWS}</section></main>{BRANCHES}")
    a = run(html)
    assert "storm flap" in a.text
    assert "gale" not in a.text
    assert any(r.reason == "reviews" for r in a.removed)


def test_an_articles_reader_reviews_and_a_page_of_reviews_are_kept() -> None:
    body = f"<main>{PRODUCT_TEXT}<section id='customer-reviews'>{REVIEWS}</section></main>{BRANCHES}"
    claimed = page(body).replace("</head>", "<meta property='og:type' content='article'></head>")
    assert "gale" in run(claimed).text  # the page says it is an article: its readers' reviews are its text
    reviews_page = page(f"<main><h1>Reviews</h1><section id='customer-reviews'>{REVIEWS}</section></main>")
    assert "gale" in run(reviews_page).text  # the reviews are (nearly) the whole page


def test_a_cards_title_given_twice_is_kept_once() -> None:
    cards = "".join(
        f"<div class='card'><div class='name'>{name}</div><div class='img'>{name}</div>"
        f"<p>{price}</p><p>{blurb}</p></div>"
        for name, price, blurb in [
            ("Saltmere oilskin coat", "£120", "Waxed cotton, fleece collar, brass buttons and a storm flap."),
            ("Quayside wool cap", "£18", "Knitted in Brindlecombe from undyed wool that keeps its warmth when wet."),
            ("Harbour rope belt", "£25", "Tarred hemp rope with a brass buckle, cut to length at the ropeworks."),
        ]
    )
    a = run(page(f"<main><h1>Winter coats and caps</h1><p>Our winter range, made on the quay.</p>{cards}</main>"))
    assert a.text.count("Saltmere oilskin coat") == 1
    assert a.text.count("Quayside wool cap") == 1
    assert "Tarred hemp rope" in a.text
    specs = "<dl><dt>Hood</dt><dd>Yes</dd><dt>Lining</dt><dd>Yes</dd></dl>"
    first, *rest = PARAGRAPHS
    text = run(page(f"<article><p>{first}</p>{specs}{''.join(f'<p>{p}</p>' for p in rest)}</article>")).text
    assert text.count("Yes") == 2  # one word: a value given again, not a title


def test_a_linked_card_title_over_a_line_of_summary_stays_but_an_articles_teaser_goes() -> None:
    cards = "".join(
        f"<div class='card'><h3><a href='/shop/{n}'>{name}</a></h3><p>{blurb}</p></div>"
        for n, (name, blurb) in enumerate(
            [
                ("Saltmere oilskin coat", "Waxed cotton with a fleece collar and brass buttons."),
                ("Quayside wool cap", "Undyed wool that keeps its warmth when wet."),
                ("Harbour rope belt", "Tarred hemp rope with a brass buckle."),
            ]
        )
    )
    intro = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])  # two paragraphs: not yet an article's run
    shop = run(page(f"<main><h1>Winter coats and caps</h1>{intro}{cards}</main>"))
    assert "Quayside wool cap" in shop.text
    assert "Undyed wool" in shop.text
    teaser = "<h3><a href='/news/regatta'>Regatta moves to May</a></h3><p>The club votes for a later date.</p>"
    article = run(page(f"<article>{BODY}{teaser}</article>"))
    assert "Regatta moves to May" not in article.text


def test_a_linked_item_title_over_its_own_text_stays_in_a_container_of_cards() -> None:
    # A shop's grid: each item a linked name (not a heading) over its price, inside the item's box.
    items = "".join(
        f"<div class='item'><div class='name'><a href='/shop/{n}'>{name}</a></div>"
        f"<div class='price'>Now £{price}.00, was £{price + 20}.00 before the winter sale</div></div>"
        for n, (name, price) in enumerate(
            [
                ("Saltmere oilskin coat", 120), ("Quayside wool cap", 18), ("Harbour rope belt", 25),
                ("Net mender's gloves", 14), ("Pilot's sea scarf", 30),
            ]
        )
    )
    intro = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])  # two paragraphs: not yet an article's run
    shop = run(page(f"<main><h1>Winter coats and caps</h1>{intro}{items}</main>"))
    assert "Quayside wool cap" in shop.text
    assert "Harbour rope belt" in shop.text
    # An article's run of paragraphs keeps its teasers out, whatever their shape.
    teaser = "<div class='more'><a href='/news/regatta'>Regatta moves to May</a></div><p>The club votes.</p>"
    article = run(page(f"<article>{BODY}<div>{teaser}</div></article>"))
    assert "Regatta moves to May" not in article.text


def test_a_cards_text_box_named_caption_is_read_but_an_images_caption_is_not() -> None:
    # Tiles whose text sits in a box named "caption" (a thumbnail grid's convention): inside the
    # tile's link, or holding the tile's heading.
    linked = "".join(
        f"<div class='tile'><a href='/shop/{n}'><img src='/{n}.jpg'><div class='caption'>{name}, "
        f"made on the quay in Brindlecombe, price £{price}.00</div></a></div>"
        for n, (name, price) in enumerate(
            [("Saltmere oilskin coat", 120), ("Quayside wool cap", 18), ("Harbour rope belt", 25)]
        )
    )
    headed = "".join(
        f"<div class='tile'><img src='/{n}.jpg'><div class='product-caption'><h3>{name}</h3>"
        f"<p>Made on the quay in Brindlecombe from {stuff}.</p></div></div>"
        for n, (name, stuff) in enumerate(
            [
                ("Net mender's gloves", "oiled wool"), ("Pilot's sea scarf", "lambswool"),
                ("Deckhand's smock", "sailcloth"),
            ]
        )
    )
    shop = run(page(f"<main><h1>Winter coats and caps</h1>{linked}{headed}</main>"))
    assert "Quayside wool cap" in shop.text
    assert "Pilot's sea scarf" in shop.text
    photo = "<img src='/ferry.jpg'><div class='caption'>The ferry at the north landing stage. Photo: Jane Roe</div>"
    rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
    article = run(page(f"<article><p>{PARAGRAPHS[0]}</p>{photo}{rest}</article>"))
    assert "north landing stage" not in article.text
    assert PARAGRAPHS[2] in article.text


def test_a_list_of_links_the_article_introduces_stays_but_a_closing_list_goes() -> None:
    first, second, third = PARAGRAPHS
    tools = "".join(
        f"<li><a href='/gear/{n}'>{name}</a></li>"
        for n, name in enumerate(["Saltmere tide gauge", "Quayside rope winch", "Harbour buoy lamp"])
    )
    body = f"<p>{first}</p><p>{second} The crews used three tools:</p><ul>{tools}</ul><p>{third}</p>"
    text = run(page(f"<article>{body}</article>")).text
    assert "Quayside rope winch" in text
    assert third in text
    # The same list after the article's last paragraph is a list of teasers, not its text.
    closing = run(page(f"<article>{BODY}<p>More from the harbour:</p><ul>{tools}</ul></article>")).text
    assert "Quayside rope winch" not in closing
    # ...and so is one that no line of the text introduces.
    loose = run(page(f"<article><p>{first}</p><p>{second}</p><ul>{tools}</ul><p>{third}</p></article>")).text
    assert "Quayside rope winch" not in loose


# -- repeated text, data printed as text -------------------------------------------------


def test_a_tables_repeated_cells_stay_but_a_repeated_paragraph_goes() -> None:
    cell = "Return sailing from the north shore landing stage"
    header = "<tr><th>Day</th><th>Sailing from the landing stage, north shore</th></tr>"
    rows = "".join(f"<tr><td><p>{day}</p></td><td>{cell}</td></tr>" for day in ("Monday", "Wednesday", "Friday"))
    html = page(
        f"<article><h1>Winter timetable</h1>{BODY}<table>{rows}</table>"
        f"<table>{header}<tr><td>Monday</td><td>07:00</td></tr></table>"
        f"<table>{header}<tr><td>Friday</td><td>21:40</td></tr></table>"
        f"<p>{PARAGRAPHS[2]} {PARAGRAPHS[1]}</p><div class='mobile-copy'><p>{PARAGRAPHS[0]}</p></div>"
        f"<p>{PARAGRAPHS[1]} {PARAGRAPHS[0]}</p></article>"
    )
    a = run(html)
    assert a.text.count(cell) == 3  # cells read one by one (a row holding a paragraph)
    assert a.text.count("Day | Sailing from the landing stage, north shore") == 2  # rows
    assert a.text.split("\n\n").count(PARAGRAPHS[0]) == 1  # the mobile copy of the first paragraph
    assert any(r.reason == "duplicate" and r.text == PARAGRAPHS[0] for r in a.removed)


def test_a_block_that_is_only_an_images_address_is_dropped() -> None:
    address = "https://cdn.brindlecombe-post.example/images/160x160/ferry_ramp_thumb.jpg?v=3"
    source = "https://brindlecombe-council.example/reports/landing-stage"
    html = page(f"<article><h1>Winter timetable</h1>{BODY}<div>{address}</div><p>{source}</p></article>")
    a = run(html)
    assert address not in a.text
    assert source in a.text  # an address that is not an image's is the article's
    assert any(r.reason == "image-address" and r.text == address for r in a.removed)
