"""Main-content mechanisms, one synthetic page each (fictional outlets only)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from presscut.article import Article
from presscut.config import ExtractConfig
from presscut.extract import extract
from presscut.extract.content import extract_content
from presscut.extract.encoding import repair_mojibake
from presscut.extract.walk import Walk, classify
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
