"""Pages that are not plain articles, and the page-level mechanisms they need.

Every page here is synthetic (fictional outlets and forums).
"""

from __future__ import annotations

import json

from presscut.extraction.encoding import repair_mojibake
from tests.test_extract import PARAGRAPHS, article_html, page, run

POSTS = [
    ("Nell Ambrose", "I am firing my first anagama this spring and would love advice on glazes that survive the ash, "
                     "especially near the firebox where the heat is fiercest."),
    ("Owen Tarrant", "Shino near the firebox turns lovely and crusty, but keep thin pieces on the back shelves and "
                     "tilt your bowls slightly if you want the ash to run."),
    ("Pia Lindqvist", "Try a simple celadon on a few test tiles first and record where each tile sat, because the "
                      "same glaze looks different a metre away from the flame."),
]


def _thread() -> str:
    posts = "".join(
        f"<div class='comment'><span class='user'>{who}</span><div class='comment-body'><p>{text}</p></div></div>"
        for who, text in POSTS
    )
    return f"<h1>Best glaze for a wood-fired kiln?</h1><div id='comments' class='comments'>{posts}</div>"


def test_a_forum_thread_keeps_its_posts() -> None:
    a = run(page(_thread()), "https://quarrylane.example/forum/t/best-glaze/42")
    for _, text in POSTS:
        assert text in a.text
    assert a.page_type == "forum"


def test_an_article_keeps_dropping_its_comments() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 6)
    comments = "".join(f"<div class='comment'><p>{text}</p></div>" for _, text in POSTS)
    a = run(page(f"<article>{body}</article><section id='comments'>{comments}</section>"))
    assert POSTS[0][1] not in a.text
    assert a.text.startswith(PARAGRAPHS[0])
    assert a.page_type == "article"


MORE_POSTS = [
    *POSTS,
    ("Rafe Doyle", "Wad your pots with alumina and kaolin so they lift cleanly off the shelves after a long firing, "
                   "and keep spare wadding by the door."),
    ("Sana Okafor", "Stoke slowly through the night and watch the cones on the back shelf, because the ash builds up "
                    "most in the final hours."),
    ("Tomas Reyes", "I fired ten test tiles last month and the iron glazes near the firebox came out the colour of old "
                    "honey, worth a try."),
]


def test_posts_each_under_its_author_make_a_thread_without_comment_markup() -> None:
    """A forum whose posts sit in "message" boxes, not "comment" ones: one author panel after another
    (taken out as bylines) and a thread's URL make it a forum; its posts are its text."""
    posts = "".join(
        f"<div class='message'><div class='message-user userinfo'>{who} · joined {day} March 2021</div>"
        f"<div class='message-body'><p>{text}</p></div></div>"
        for day, (who, text) in enumerate(MORE_POSTS, start=3)
    )
    a = run(page(f"<h1>Best glaze for a wood-fired kiln?</h1><div class='messages'>{posts}</div>"),
            "https://quarrylane.example/threads/best-glaze.42/")
    assert a.page_type == "forum"
    assert all(text in a.text for _, text in MORE_POSTS)


def test_a_forum_keeps_replies_that_outweigh_a_long_opening_post() -> None:
    """The opening post is long (too long for the replies to be "most of the page" by their share
    alone), but the page says it is a forum thread and its replies hold more text: they are its text."""
    opening = "".join(f"<p>Day {day}. {p}</p>" for day in range(5) for p in PARAGRAPHS)
    replies = "".join(f"<div class='comment'><p>{text} ({n})</p></div>" for n in range(3) for _, text in MORE_POSTS)
    claim = "<script type='application/ld+json'>" + json.dumps({"@type": "DiscussionForumPosting"}) + "</script>"
    html = page(f"<h1>Dock strike over</h1><div class='post'>{opening}</div><div id='comments'>{replies}</div>", claim)
    a = run(html, "https://quarrylane.example/forum/t/dock-strike/7")
    assert a.page_type == "forum"
    assert a.text.startswith("Day 0. " + PARAGRAPHS[0])
    assert all(text in a.text for _, text in MORE_POSTS)
    # The same replies under a news article stay out: it is no thread.
    news = run(page(f"<article>{opening}</article><div id='comments'>{replies}</div>"))
    assert news.page_type == "article"
    assert MORE_POSTS[0][1] not in news.text


def test_posts_inside_edit_forms_without_controls_are_text_but_a_real_form_goes() -> None:
    """Some forums render each post inside its own edit form (a hidden id and the text): nothing to
    fill in, so no form to drop; a form with a field to fill in stays furniture."""
    posts = "".join(
        f"<div class='thing'><p class='author'>{who}</p><form class='usertext' action='#'>"
        f"<input type='hidden' name='thing_id' value='t{n}'><div class='md'><p>{text}</p></div></form></div>"
        for n, (who, text) in enumerate(MORE_POSTS)
    )
    signup = ("<form class='signup'><p>Get the weekly digest of the best kiln threads, chosen by our moderators "
              "from every board on Quarry Lane.</p><input type='email' name='email'><button>Sign up</button></form>")
    a = run(page(f"<h1>Best glaze for a wood-fired kiln?</h1><div class='sitetable'>{posts}</div>{signup}"),
            "https://quarrylane.example/r/kilns/comments/42/best_glaze/")
    assert all(text in a.text for _, text in MORE_POSTS)
    assert "weekly digest" not in a.text


def test_an_article_with_a_calendar_of_linked_days_stays_an_article() -> None:
    """Single-word "bylines" (a calendar widget's linked day numbers) are not posts' author lines, even on
    an article whose readers' comments outweigh it."""
    days = "".join(f"<td><a class='author-archive' href='/2025/03/{d:02d}'>{d}</a></td>" for d in range(1, 29))
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    comments = "".join(f"<div class='comment'><p>{text}</p></div>" for _, text in MORE_POSTS)
    html = (f"<article><h1>Firing notes</h1><div class='byline'>By Nell Ambrose</div>{body}"
            f"<table class='calendar'><tr>{days}</tr></table></article><section id='comments'>{comments}</section>")
    a = run(page(html), "https://quarrylane.example/2025/03/firing-notes")
    assert sum(r.reason == "byline" for r in a.removed) > 28  # the days, taken out as bylines, and the author's
    assert a.page_type == "article"


def test_a_crawler_view_in_noscript_is_read() -> None:
    thread = _thread()
    a = run(page(f"<div id='app'></div><noscript>{thread}</noscript>"))
    assert POSTS[1][1] in a.text


def test_a_small_noscript_stays_silent() -> None:
    a = run(page(f"<noscript>Please enable JavaScript to read this site.</noscript><p>{PARAGRAPHS[0]}</p>"))
    assert "JavaScript" not in a.text


def test_a_self_closed_frame_in_noscript_does_not_swallow_the_page() -> None:
    # A tag manager's pixel written XHTML style: as markup, the <iframe>'s raw text would run to the end.
    pixel = "<noscript><iframe src='https://tags.example/ns.html?id=1' height='0' width='0' /></noscript>"
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    a = run(page(f"{pixel}<main><article>{body}</article></main><footer>Footer</footer>"))
    assert a.text == "\n\n".join(PARAGRAPHS)


def test_a_listing_keeps_its_items() -> None:
    items = "".join(
        f"<li><a href='/boots/{i}'>Fenwick trail boot model {i} in waxed leather with a rubber sole</a></li>"
        for i in range(30)
    )
    a = run(page(f"<h1>Walking boots</h1><ul class='grid'>{items}</ul>"), "https://fenwick.example/collections/boots")
    assert "Fenwick trail boot model 7 in waxed leather" in a.text
    assert a.page_type == "listing"


def test_text_repeated_in_another_element_is_kept_once() -> None:
    copy = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    a = run(page(f"<article><div class='mobile'>{copy}</div><div class='desktop'>{copy}</div></article>"))
    assert a.text.split("\n\n") == PARAGRAPHS
    assert sum(r.reason == "duplicate" for r in a.removed) == len(PARAGRAPHS)


def test_product_page_type_from_its_claim_and_prices() -> None:
    head = '<script type="application/ld+json">{"@type": "Product", "name": "Storm Lantern"}</script>'
    body = f"<h1>Storm Lantern</h1><p>£39.00</p><p>Add to basket</p><p>{PARAGRAPHS[0]}</p>"
    assert run(page(body, head), "https://fenwick.example/products/storm-lantern").page_type == "product"


def _ld(graph: list[dict[str, object]]) -> str:
    data = json.dumps({"@context": "https://schema.org", "@graph": graph})
    return f'<script type="application/ld+json">{data}</script>'


def test_an_articles_faq_markup_is_no_forum_thread() -> None:
    faq = {"@type": "FAQPage", "mainEntity": [
        {"@type": "Question", "name": "How long does a firing take?",
         "acceptedAnswer": {"@type": "Answer", "text": "About three days, and as long again to cool."}},
    ]}
    head = _ld([{"@type": "BlogPosting", "headline": "Wood firing for beginners"}, faq])
    body = "<h1>Wood firing for beginners</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3)
    assert run(page(f"<article>{body}</article>", head), "https://quarrylane.example/blog/wood-firing").page_type == (
        "article"
    )
    # A question-and-answer page is a thread: its question is the page's, not an FAQ's.
    qa = _ld([{"@type": "QAPage", "mainEntity": {"@type": "Question", "name": "Best glaze for a wood-fired kiln?"}}])
    assert run(page(_thread(), qa), "https://quarrylane.example/q/42").page_type == "forum"


def test_an_articles_publisher_is_no_claim_to_be_a_service_page() -> None:
    publisher = {"@type": ["LocalBusiness", "Organization"], "name": "Harbour Glass Cleaning"}
    head = _ld([{"@type": "BlogPosting", "headline": "Five window cleaning trends"}, publisher])
    body = "<h1>Five window cleaning trends</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3)
    a = run(page(f"<article>{body}</article>", head), "https://harbourglass.example/services/blog/trends")
    assert a.page_type == "article"
    # Without an article in the graph, the business is the page's subject.
    b = run(page(f"<main>{body}</main>", _ld([publisher])), "https://harbourglass.example/services/windows")
    assert b.page_type == "service"


def test_a_listicles_list_of_items_is_no_claim_to_be_a_listing() -> None:
    items = {"@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "position": n, "name": name} for n, name in enumerate(["Shino", "Celadon", "Tenmoku"], 1)
    ]}
    body = "<h1>Three glazes for a wood kiln</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 3)
    head = _ld([{"@type": "Article", "headline": "Three glazes for a wood kiln"}, items, {"@type": "Blog"}])
    assert run(page(f"<article>{body}</article>", head), "https://quarrylane.example/glazes").page_type == "article"
    # The same list as the page's only claim: a page of items.
    assert run(page(f"<main>{body}</main>", _ld([items])), "https://quarrylane.example/glazes").page_type == "listing"


def test_visible_date_by_the_headline_wins() -> None:
    head = '<meta property="article:published_time" content="2021-03-01T10:00:00Z">'
    body = f"<h1>Port strike ends</h1><div>Thursday, May 2, 2024</div><article><p>{PARAGRAPHS[0]}</p></article>"
    a = run(page(body, head))
    assert a.published is not None and a.published.date().isoformat() == "2024-05-02"
    assert a.date_source == "text"
    # Labelled as an update, it is the modified date and the declared publication date stays.
    body = f"<h1>Port strike ends</h1><div>Last updated: May 2, 2024</div><article><p>{PARAGRAPHS[0]}</p></article>"
    a = run(page(body, head))
    assert a.published is not None and a.published.date().isoformat() == "2021-03-01"
    assert a.modified is not None and a.modified.date().isoformat() == "2024-05-02"


def test_date_from_script_data() -> None:
    script = '<script>window.__DATA__ = {"post": {"slug": "strike", "publishedAt": "2024-04-30T08:00:00Z"}}</script>'
    a = run(page(f"<article><p>{PARAGRAPHS[0]}</p></article>{script}"))
    assert a.published is not None and a.published.isoformat() == "2024-04-30T08:00:00+00:00"
    assert a.date_source == "script"


def test_authors_from_microdata_handles_and_visible_bylines() -> None:
    micro = (
        "<div itemprop='author' itemscope itemtype='https://schema.org/Person'>"
        "<meta itemprop='name' content='glazefan42'></div>"
    )
    a = run(page(f"{micro}<article><p>{PARAGRAPHS[0]}</p></article>"))
    assert a.authors == ["glazefan42"]
    a = run(page(f"<h1>Port strike ends</h1><p>by Mara Quillon</p><article><p>{PARAGRAPHS[0]}</p></article>"))
    assert a.authors == ["Mara Quillon"]


def test_latin1_mojibake_is_repaired() -> None:
    damaged = "A DIY Investor\u00e2\u0080\u0099s Guide and itertools \u00e2\u0080\u0094 Functions"
    assert repair_mojibake(damaged) == "A DIY Investor\u2019s Guide and itertools \u2014 Functions"


def test_short_furniture_after_the_last_paragraph_goes() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    tail = "<div class='after'><p>Gefällt mir:</p><p>Teilen mit: Mail, Drucken</p></div>"
    a = run(page(f"<article><div class='entry'>{body}</div>{tail}</article>"))
    assert a.text.split("\n\n") == PARAGRAPHS
    assert [r.reason for r in a.removed if "Gefällt" in r.text] == ["tail"]


def test_affiliate_disclosures_are_not_article_text() -> None:
    disclosure = "We may earn a commission when you buy through links on our site, at no cost to you."
    a = run(page(f"<article><p>{disclosure}</p>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article>"))
    assert a.text.split("\n\n") == PARAGRAPHS
    assert any(r.reason == "disclosure" for r in a.removed)


BLURBS = [
    ("Window cleaning", "Streak-free glass for shops and homes across the harbour towns."),
    ("Gutter clearing", "Leaves and moss gone before the autumn storms arrive."),
    ("Conservatory roofs", "Soft washing that leaves seals and frames unharmed."),
    ("Solar panels", "Pure-water cleaning that brings back lost output."),
    ("Signage", "Shop signs and fascias washed without ladders on the pavement."),
    ("Skylights", "Roof lights cleared of salt and gull mess from the inside and out."),
    ("Pressure washing", "Patios, decking and slipways scrubbed back to their first colour."),
    ("Contracts", "Weekly, monthly or seasonal visits, with one invoice a quarter."),
]


def _landing(blurbs: list[tuple[str, str]], extra: str = "") -> str:
    cards = "".join(f"<section><h2>{name}</h2><p>{text}</p></section>" for name, text in blurbs)
    return page(f"<main><h1>Clear glass, all year round</h1>{cards}{extra}</main>")


def test_an_undated_page_of_short_blurbs_is_a_service_page() -> None:
    """No date, no author, no claim to be an article, and short blurbs under headings for text: a
    business's landing page, which ``--articles-only`` leaves out."""
    assert run(_landing(BLURBS), "https://harbourglass.example/").page_type == "service"


def test_an_undated_page_of_prose_stays_an_article() -> None:
    """The same page without a date, but with paragraphs of prose: an article whose date was not found."""
    prose = [(name, " ".join(PARAGRAPHS)) for name, _ in BLURBS]
    assert run(_landing(prose), "https://harbourglass.example/notes").page_type == "article"


def test_a_home_page_of_prose_is_about_the_site_unless_it_claims_an_article() -> None:
    """A site's home page that reads like an article is its pitch (a service page), or a front page of
    stories when its linked titles are kept as items; a home page that says it is an article stays one."""
    prose = [(name, " ".join(PARAGRAPHS)) for name, _ in BLURBS]
    assert run(_landing(prose), "https://harbourglass.example/").page_type == "service"
    assert run(_landing(prose), "https://harbourglass.example/en-gb/").page_type == "service"
    claim = _landing(prose).replace("<head>", "<head><meta property='og:type' content='article'>")
    assert run(claim, "https://harbourglass.example/").page_type == "article"
    stories = "".join(
        f"<section><h2><a href='/news/{n}'>{name}: the season's work</a></h2><p>{' '.join(PARAGRAPHS)}</p></section>"
        for n, (name, _) in enumerate(BLURBS)
    )
    front = page(f"<main><h1>Harbourglass news</h1>{stories}</main>")
    assert run(front, "https://harbourglass.example/notes").page_type == "article"
    assert run(front, "https://harbourglass.example/").page_type == "listing"


def test_a_service_pages_promotional_cards_are_its_text_but_an_articles_are_furniture() -> None:
    """Once a page is typed "service", its calls to action and promotional cards are read as its own
    text; beside an article they stay furniture."""
    card = (
        "<div class='promo-card'><h3>Winter contracts</h3><p>Book a season of visits and we keep your glass "
        "clear from the first storm to the last frost.</p><a href='/contracts'>Find out more</a></div>"
    )
    service = run(_landing(BLURBS, extra=card), "https://harbourglass.example/services/windows")
    assert service.page_type == "service"
    assert "Book a season of visits" in service.text
    news = run(article_html(*PARAGRAPHS, after=card), "https://harbourglass.example/news/storm-damage")
    assert news.page_type == "article"
    assert "Book a season of visits" not in news.text
    assert any(r.reason == "promo" for r in news.removed)


def test_a_service_pages_request_form_with_its_pitch_is_its_text() -> None:
    form = (
        "<div class='form-wrapper'><h2>See the glass for yourself</h2><p>Book a free survey of your windows and "
        "skylights, and get a fixed yearly price the same week.</p><form><input name='email'>"
        "<button>Request a survey</button></form></div>"
    )
    service = run(_landing(BLURBS, extra=form), "https://harbourglass.example/services/survey")
    assert service.page_type == "service" and "Book a free survey" in service.text


def test_a_manuals_see_also_section_is_kept_but_a_storys_is_not() -> None:
    """On a page typed "documentation" the "See also" pointers to the manual's other pages are part of it
    (a man page's SEE ALSO); after a news story the same section is teasers."""
    code = "<pre>kilnctl schedule --cone 10 --hold 20</pre><pre>kilnctl log --last</pre>"
    see_also = (
        "<h2>See also</h2><ul>"
        "<li><a href='/docs/cones'>Firing cones</a>: what each cone number means for your glazes.</li>"
        "<li><a href='/docs/logs'>Firing logs</a>: how the controller records a firing.</li></ul>"
    )
    text = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    body = f"<main><h1>Scheduling a firing</h1>{text}{code}{see_also}</main>"
    manual = run(page(body), "https://kilnctl.example/docs/schedule")
    assert manual.page_type == "documentation"
    assert "what each cone number means" in manual.text
    story = run(page(body.replace(code, "")), "https://quarrylane.example/news/2025/03/firing")
    assert story.page_type == "article" and "what each cone number means" not in story.text


def test_short_blurbs_with_a_byline_stay_an_article() -> None:
    """Short paragraphs with an author (a news brief, a tabloid's one-line paragraphs) are not a service page."""
    byline = "<p class='byline'>By Ines Calder</p>"
    html = _landing(BLURBS).replace("<main><h1>Clear glass, all year round</h1>",
                                    f"<main><h1>Clear glass, all year round</h1>{byline}")
    a = run(html, "https://harbourglass.example/news/clear-glass")
    assert a.authors == ["Ines Calder"]
    assert a.page_type == "article"


def test_a_web_page_nodes_date_does_not_make_blurbs_an_article() -> None:
    """A CMS dates every page in its structured data (``WebPage``): that is no story's date.  The same
    date on an ``Article`` is one."""
    def with_ld(kind: str) -> str:
        title = "name" if kind == "WebPage" else "headline"
        node = {"@type": kind, title: "Clear glass, all year round", "datePublished": "2024-05-02T10:00:00+00:00"}
        return _landing(BLURBS).replace("<head>", f"<head>{_ld([node])}", 1)

    landing = run(with_ld("WebPage"), "https://harbourglass.example/")
    assert (landing.date_source, landing.page_type) == ("json-ld", "service")
    story = run(with_ld("NewsArticle"), "https://harbourglass.example/news/clear-glass")
    assert (story.date_source, story.page_type) == ("json-ld", "article")
