"""Cleaning already-extracted text: furniture out, damage repaired, real lines kept.

Every outlet, person and agency here is fictional, except where a real wire
agency's name is itself the thing under test.
"""

from __future__ import annotations

import random
import time

import pytest

from presscut.article import Article, Removed
from presscut.clean import clean_text
from presscut.clean.glued import Lexicon, repair_line, repair_token
from presscut.config import ExtractConfig

URL = "https://www.portvalecourier.example/2024/03/04/ferry-link-opens"
INTRO = "The council of Portvale met on Tuesday evening to discuss the new ferry timetable for the summer."
OUTRO = "The next meeting of the harbour committee is planned for the first week of April."
NO_LANG = ExtractConfig(detect_language=False)


def around(line: str, config: ExtractConfig | None = NO_LANG) -> Article:
    """``line`` between two ordinary paragraphs of a page with a given title."""
    return clean_text(f"{INTRO}\n{line}\n{OUTRO}", url=URL, title="Harbour council meets", config=config)


# -- the whole job on one noisy page -------------------------------------------------------

NOISY = "\r\n".join(
    [
        "Skip to content",
        "Home",
        "World",
        "Sport",
        "Business",
        "Culture",
        "The Portvale Courier",
        "Ferry link to Saltmere opens after two-year delay",
        "Ferry link to Saltmere opens after two-year delay",
        "Ferry link to Saltmere opens after two-year delay | The Portvale Courier",
        "Share:",
        "Share this article",
        "ferry-opening-portvale.jpg",
        "(Photo by Jonas Vell/Harbour Images)",
        "",
        "PORTVALE, March 3 —",
        "The new ferry link between Portvale and Saltmere opened on\u00a0Monday after a two-year delay, "
        "officials said.",
        "Mayor Anton Ivanov cut the ribbon at the pier.He said the crossing would take 40 minutes.",
        "Advertisement",
        "Families who once took refuge in Saltmerewhere they waited for months can now cross daily, "
        "said Ivanovahead of the ceremony.",
        "READ ALSO: Saltmere council approves new harbour budget",
        "“We will rebuild the old pier too,” Ivanov said.",
        "Photo: The first crossing on Monday morning",
        "",
        "What the ferry means for commuters",
        "Tick\u200bets cost 4.50 euros. The operator expects:",
        "- 1,200 passengers a day",
        "- 14 crossings in summer",
        "* * *",
        "The cafÃ© on the pier  reopened on the same day.",
        "Sign up for our morning briefing",
        "Subscribe to our newsletter",
        "Follow us on Facebook, X and Telegram",
        "We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.",
        "Source: Harbour Wire",
        "Comments (12)",
        "Trending now",
        "Storm closes Saltmere pier for a week",
        "Council votes on parking fees",
        "   ",
        "© 2024 Portvale Courier Media. All rights reserved.",
        "",
    ]
)

NOISY_BODY = "\n\n".join(
    [
        "PORTVALE, March 3 —",
        "The new ferry link between Portvale and Saltmere opened on Monday after a two-year delay, officials said.",
        "Mayor Anton Ivanov cut the ribbon at the pier. He said the crossing would take 40 minutes.",
        "Families who once took refuge in Saltmere where they waited for months can now cross daily, "
        "said Ivanov ahead of the ceremony.",
        "“We will rebuild the old pier too,” Ivanov said.",
        "What the ferry means for commuters",
        "Tickets cost 4.50 euros. The operator expects:",
        "- 1,200 passengers a day",
        "- 14 crossings in summer",
        "The café on the pier reopened on the same day.",
    ]
)

NOISY_REMOVED = [
    Removed("Skip to content", "navigation", "line 1"),
    Removed("Home", "menu", "line 2"),
    Removed("World", "menu", "line 3"),
    Removed("Sport", "menu", "line 4"),
    Removed("Business", "menu", "line 5"),
    Removed("Culture", "menu", "line 6"),
    Removed("The Portvale Courier", "site-name", "line 7"),
    Removed("Ferry link to Saltmere opens after two-year delay", "title", "line 8"),
    Removed("Ferry link to Saltmere opens after two-year delay", "repeated-title", "line 9"),
    Removed("Ferry link to Saltmere opens after two-year delay | The Portvale Courier", "repeated-title", "line 10"),
    Removed("Share:", "social", "line 11"),
    Removed("Share this article", "social", "line 12"),
    Removed("ferry-opening-portvale.jpg", "image-file", "line 13"),
    Removed("(Photo by Jonas Vell/Harbour Images)", "photo-credit", "line 14"),
    Removed(
        "The new ferry link between Portvale and Saltmere opened on\u00a0Monday after a two-year delay, "
        "officials said.",
        "typography",
        "line 17",
    ),
    Removed("pier.He", "glued-words", "line 18"),
    Removed("Advertisement", "advertisement", "line 19"),
    Removed("Saltmerewhere", "glued-words", "line 20"),
    Removed("Ivanovahead", "glued-words", "line 20"),
    Removed("READ ALSO: Saltmere council approves new harbour budget", "cross-promotion", "line 21"),
    Removed("Photo: The first crossing on Monday morning", "photo-credit", "line 23"),
    Removed("Tick\u200bets cost 4.50 euros. The operator expects:", "typography", "line 26"),
    Removed("* * *", "punctuation", "line 29"),
    Removed("The cafÃ© on the pier  reopened on the same day.", "mojibake", "line 30"),
    Removed("Sign up for our morning briefing", "newsletter", "line 31"),
    Removed("Subscribe to our newsletter", "newsletter", "line 32"),
    Removed("Follow us on Facebook, X and Telegram", "social", "line 33"),
    Removed(
        "We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.",
        "cookie-notice",
        "line 34",
    ),
    Removed("Source: Harbour Wire", "attribution", "line 35"),
    Removed("Comments (12)", "comments", "line 36"),
    Removed("Trending now", "related-header", "line 37"),
    Removed("Storm closes Saltmere pier for a week", "related-link", "line 38"),
    Removed("Council votes on parking fees", "related-link", "line 39"),
    Removed("© 2024 Portvale Courier Media. All rights reserved.", "copyright", "line 41"),
]


def test_noisy_repost_becomes_the_clean_article() -> None:
    article = clean_text(NOISY, url=URL)
    assert article.text == NOISY_BODY
    assert article.title == "Ferry link to Saltmere opens after two-year delay"
    assert article.attribution == "Harbour Wire"
    assert article.language == "en"
    assert article.site_name == "portvalecourier.example"
    assert article.url == URL
    assert article.page_type == "article"
    assert article.removed == NOISY_REMOVED
    assert article.evidence == {"title": "text", "attribution": "text", "language": "text"}
    assert len(article.id) == 16


def test_noisy_repost_round_trips_through_json() -> None:
    article = clean_text(NOISY, url=URL)
    assert Article.from_json(article.to_json()) == article


def test_same_page_gives_same_id() -> None:
    assert clean_text(NOISY, url=URL).id == clean_text(NOISY.replace("\r\n", "\n"), url=URL).id


SPANISH = "\n".join(
    [
        "Ir al contenido",
        "Inicio",
        "Mundo",
        "Deportes",
        "Economía",
        "El nuevo ferri une Portvale y Saltmere",
        "El nuevo ferri une Portvale y Saltmere",
        "Compartir",
        "Foto: Jonas Vell",
        "PORTVALE (Agencia Portvale) — El nuevo ferri entre Portvale y Saltmere comenzó a operar el lunes, "
        "informaron las autoridades.",
        "Muchas familias que se refugiaron en Saltmeredonde esperaron meses podrán cruzar a diario, "
        "dijo el alcalde Ivanov.",
        "El alcalde.Él dijo que el viaje durará 40 minutos.",
        "LEA TAMBIÉN: El puerto de Portvale reabre tras la tormenta",
        "«Vamos a reconstruir el muelle», afirmó Ivanov.",
        "Publicidad",
        "Con información de Agencia Portvale",
        "Noticias relacionadas",
        "El ayuntamiento aprueba el presupuesto del puerto",
        "Todos los derechos reservados.",
    ]
)


def test_noisy_spanish_repost_becomes_the_clean_article() -> None:
    article = clean_text(SPANISH, url="https://diarioportvale.example/ferri")
    assert article.title == "El nuevo ferri une Portvale y Saltmere"
    assert article.attribution == "Agencia Portvale"
    assert article.language == "es"
    assert article.text == "\n\n".join(
        [
            "PORTVALE (Agencia Portvale) — El nuevo ferri entre Portvale y Saltmere comenzó a operar el lunes, "
            "informaron las autoridades.",
            "Muchas familias que se refugiaron en Saltmere donde esperaron meses podrán cruzar a diario, "
            "dijo el alcalde Ivanov.",
            "El alcalde. Él dijo que el viaje durará 40 minutos.",
            "«Vamos a reconstruir el muelle», afirmó Ivanov.",
        ]
    )
    assert [(r.reason, r.where) for r in article.removed] == [
        ("navigation", "line 1"),
        ("menu", "line 2"),
        ("menu", "line 3"),
        ("menu", "line 4"),
        ("menu", "line 5"),
        ("title", "line 6"),
        ("repeated-title", "line 7"),
        ("social", "line 8"),
        ("photo-credit", "line 9"),
        ("glued-words", "line 11"),
        ("glued-words", "line 12"),
        ("cross-promotion", "line 13"),
        ("advertisement", "line 15"),
        ("attribution", "line 16"),
        ("related-header", "line 17"),
        ("related-link", "line 18"),
        ("copyright", "line 19"),
    ]
    assert [r.text for r in article.removed if r.reason == "glued-words"] == ["Saltmeredonde", "alcalde.Él"]


# -- titles ----------------------------------------------------------------------------------


def test_given_title_is_kept_and_its_copies_at_the_top_removed() -> None:
    text = "\n".join(
        [
            "Ferry fares to rise in June",
            "Ferry fares to rise in June - The Portvale Courier",
            "The operator said on Monday that fares would rise by 5% from June.",
            "Ferry fares to rise in June",
            "Commuters said the rise was unfair.",
        ]
    )
    article = clean_text(text, url=URL, title="Ferry fares to rise in June", config=NO_LANG)
    assert article.title == "Ferry fares to rise in June"
    assert article.evidence["title"] == "input"
    # The copy after the first paragraph is a headline within the text: it stays.
    assert article.text == (
        "The operator said on Monday that fares would rise by 5% from June.\n\n"
        "Ferry fares to rise in June\n\n"
        "Commuters said the rise was unfair."
    )
    assert article.removed == [
        Removed("Ferry fares to rise in June", "repeated-title", "line 1"),
        Removed("Ferry fares to rise in June - The Portvale Courier", "repeated-title", "line 2"),
    ]


def test_first_short_line_that_reads_like_a_headline_becomes_the_title() -> None:
    article = clean_text(
        "Ferry fares to rise in June\nThe operator said on Monday that fares would rise by 5%.", config=NO_LANG
    )
    assert article.title == "Ferry fares to rise in June"
    assert article.text == "The operator said on Monday that fares would rise by 5%."
    assert article.removed == [Removed("Ferry fares to rise in June", "title", "line 1")]


@pytest.mark.parametrize(
    "first",
    [
        "The operator said on Monday that fares would rise by 5%.",
        "KYIV, March 3 —",
        "- Fares rise in June",
        "Fares",
    ],
)
def test_no_title_is_invented_from_a_line_that_is_not_a_headline(first: str) -> None:
    article = clean_text(f"{first}\nCommuters said the rise was unfair.", config=NO_LANG)
    assert article.title is None
    assert article.text == f"{first}\n\nCommuters said the rise was unfair."
    assert article.removed == []


# -- lines that must survive ---------------------------------------------------------------

LEGITIMATE_LINES = [
    "KYIV, March 3 —",
    "PORTVALE, March 3 —",
    "He declined to comment.",
    "“We will rebuild,” she said.",
    "“No.”",
    "Why now?",
    "1,200 people were detained in 2021.",
    "Turnout was 61.5%.",
    "What happens next",
    "The numbers",
    "Harbour reopens after storm",
    "- Schools",
    "• Roads and bridges",
    "1. Repair the pier",
    "Q: When will the ferry run?",
    "A: From June.",
    "UPDATE: The ministry later said 12 people had died.",
    "NOTE: Fares include a harbour fee",
    "BREAKING: Parliament dissolved",
    "LONDON: Ministers met on Tuesday.",
    "Smith: “We are ready.”",
    "Read more: the council's full statement is below.",
    "Step 2: Buy a ticket",
    "Table 1: Passenger numbers by month",
    "Share prices fell 3% on Monday.",
    "Share of renewables: 40%",
    "Follow-up talks are planned for May.",
    "Advertising revenue fell by a third last year.",
    "Sign language interpreters were present.",
    "Cookies and cakes were sold at the fair.",
    "Comments from residents were mixed.",
    "Photos by residents flooded social media on Monday.",
    "Image quality improved, the report said.",
    "Getty Images declined to comment on the lawsuit.",
    "Source material was hard to verify, she said.",
    "Sources close to the mayor said she would resign.",
    "The Portvale Courier first reported the story.",
    "Harbour Wire contributed reporting.",
    "Copyright lawyers said the ruling was unclear.",
    "All rights were restored in 2019, the court said.",
    "Home is where the harbour is, she said.",
    "World leaders met in Saltmere.",
    "Most read newspapers lost subscribers.",
    "Related stories appeared in other papers.",
    "Trending topics included the ferry.",
    "Watch the council meeting live at 6pm.",
    "Menu prices rose by 10%.",
    "Search teams found the boat on Friday.",
    "Business",
    "Live",
    "Yes.",
    "Details are at https://example.org/a.b and from e-mail@example.org.",
    "#HarbourFest trended all day.",
    "The iPhone and YouTube apps were updated, McAllister said.",
    "(Harbour Wire) — The talks resumed on Friday.",
    "Die Bundesregierung lehnte den Vorschlag ab.",
    "«Мы восстановим порт», — сказал мэр.",
]


@pytest.mark.parametrize("line", LEGITIMATE_LINES)
def test_legitimate_line_survives_intact(line: str) -> None:
    article = around(line, config=NO_LANG)
    assert article.text == f"{INTRO}\n\n{line}\n\n{OUTRO}"
    assert article.removed == []


def test_enough_tricky_lines_are_checked() -> None:
    assert len(LEGITIMATE_LINES) >= 40


def test_legitimate_article_with_lists_and_subheadings_is_unchanged() -> None:
    body = [
        "SALTMERE, March 5 —",
        "The harbour budget passed by 7 votes to 2 on Wednesday.",
        "The money will go to three areas:",
        "Schools",
        "Hospitals",
        "Roads",
        "What changes for residents",
        "Parking fees rise from May.",
        "“It is fair,” said councillor Mara Quill.",
        "Key figures",
        "- 3.5 million euros in total",
        "- 1,200 new parking places",
        "Sport",
        "The football club gets a new pitch.",
    ]
    article = clean_text("\n".join(body), url=URL, title="Saltmere passes harbour budget")
    assert article.text == "\n\n".join(body)
    assert article.removed == []
    assert article.language == "en"


# -- furniture ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Skip to content", "navigation"),
        ("Zum Inhalt springen", "navigation"),
        ("Saltar al contenido principal", "navigation"),
        ("Перейти к содержанию", "navigation"),
        ("Share:", "social"),
        ("Share this article", "social"),
        ("Share on Facebook", "social"),
        ("Follow us on Facebook, X and Telegram", "social"),
        ("Síguenos en Twitter", "social"),
        ("Folgen Sie uns auf Instagram", "social"),
        ("Поделиться", "social"),
        ("Subscribe to our newsletter", "newsletter"),
        ("Sign up for our morning briefing", "newsletter"),
        ("Sign up", "newsletter"),
        ("Abonnez-vous à notre newsletter", "newsletter"),
        ("We use cookies to improve your experience. By continuing you agree to our cookie policy.", "cookie-notice"),
        ("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.", "cookie-notice"),
        ("Accept all cookies", "cookie-notice"),
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Anzeige", "advertisement"),
        ("Publicidad", "advertisement"),
        ("Реклама", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("© 2024 Portvale Courier Media", "copyright"),
        ("Copyright 2024 Portvale Courier. All rights reserved.", "copyright"),
        ("Todos los derechos reservados.", "copyright"),
        ("Comments (12)", "comments"),
        ("12 comments", "comments"),
        ("Kommentare (3)", "comments"),
        ("Leave a comment", "comments"),
        ("harbour-news.jpg", "image-file"),
        ("IMG_2041.JPG", "image-file"),
        ("Photo: Jonas Vell", "photo-credit"),
        ("(Photo by Jonas Vell/Harbour Images)", "photo-credit"),
        ("Image credit Portvale Council", "photo-credit"),
        ("Foto: Jonas Vell", "photo-credit"),
        ("(AP Photo/Jane Roe)", "photo-credit"),
        ("Jonas Vell/Getty Images", "photo-credit"),
        ("5 min read", "reading-time"),
        ("Lesezeit: 4 Minuten", "reading-time"),
        ("(Reporting by Mara Quill; Editing by Jonas Vell)", "staff-credit"),
        ("* * *", "punctuation"),
        ("•", "punctuation"),
        ("—", "punctuation"),
        ("Trending now", "related-header"),
        ("Most read", "related-header"),
        ("Related stories", "related-header"),
        ("Noticias relacionadas", "related-header"),
        ("Читайте также", "related-header"),
        ("READ ALSO:", "related-header"),
    ],
)
def test_furniture_line_is_removed_with_its_reason(line: str, reason: str) -> None:
    article = around(line, config=NO_LANG)
    assert article.text == f"{INTRO}\n\n{OUTRO}"
    assert article.removed == [Removed(line, reason, "line 2")]


def test_menu_run_is_removed_but_a_list_after_a_colon_is_not() -> None:
    text = "\n".join(["Home", "News", "Politics", "Opinion", INTRO, "The plan covers:", "Sport", "Culture", "Health"])
    article = clean_text(text, title="Harbour council meets", config=NO_LANG)
    assert article.text == "\n\n".join([INTRO, "The plan covers:", "Sport", "Culture", "Health"])
    assert [r.reason for r in article.removed] == ["menu"] * 4


def test_menu_on_one_line_is_removed() -> None:
    article = clean_text(f"Home › News › Portvale\n{INTRO}", title="Harbour council meets", config=NO_LANG)
    assert article.text == INTRO
    assert article.removed == [Removed("Home › News › Portvale", "menu", "line 1")]


def test_headlines_under_a_list_header_go_until_running_text() -> None:
    text = "\n".join(
        [
            INTRO,
            "Most read",
            "Storm closes Saltmere pier",
            "",
            "Council votes on parking fees?",
            "2 hours ago",
            "The harbour committee will meet again in April.",
            "What happens next",
        ]
    )
    article = clean_text(text, title="Harbour council meets", config=NO_LANG)
    assert article.text == f"{INTRO}\n\nThe harbour committee will meet again in April.\n\nWhat happens next"
    assert [(r.text, r.reason) for r in article.removed] == [
        ("Most read", "related-header"),
        ("Storm closes Saltmere pier", "related-link"),
        ("Council votes on parking fees?", "related-link"),
        ("2 hours ago", "related-link"),
    ]


def test_lead_in_alone_takes_only_the_headline_after_it() -> None:
    text = "\n".join([INTRO, "READ ALSO:", "Storm closes Saltmere pier", "What happens next", OUTRO])
    article = clean_text(text, title="Harbour council meets", config=NO_LANG)
    assert article.text == f"{INTRO}\n\nWhat happens next\n\n{OUTRO}"
    assert [r.reason for r in article.removed] == ["related-header", "related-link"]


def test_section_heading_named_like_a_link_list_stays_over_running_text() -> None:
    text = "\n".join([INTRO, "Further reading", OUTRO])
    assert clean_text(text, title="Harbour council meets", config=NO_LANG).removed == []


@pytest.mark.parametrize("name", ["The Portvale Courier", "portvalecourier.example", "PORTVALE COURIER"])
def test_site_name_alone_outside_the_running_text_is_removed(name: str) -> None:
    article = clean_text(f"{name}\n{INTRO}\n{OUTRO}\n{name}", url=URL, title="Harbour council meets")
    assert article.text == f"{INTRO}\n\n{OUTRO}"
    assert article.removed == [Removed(name, "site-name", "line 1"), Removed(name, "site-name", "line 4")]


def test_site_name_between_paragraphs_is_a_heading_and_stays() -> None:
    assert around("The Portvale Courier").text == f"{INTRO}\n\nThe Portvale Courier\n\n{OUTRO}"


def test_share_bar_at_the_end_is_removed_like_a_menu() -> None:
    article = clean_text(f"{INTRO}\n{OUTRO}\nFacebook\nTwitter\nEmail", title="Harbour council meets")
    assert article.text == f"{INTRO}\n\n{OUTRO}"
    assert [r.reason for r in article.removed] == ["menu"] * 3


def test_precision_on_lines_that_look_like_furniture_in_context() -> None:
    """Shapes that fooled earlier versions of the rules, from real article text."""
    body = [
        "The shortlist was announced on Monday",
        "Mara Quill",
        "Jonas Vell",
        "Anton Ivanov",
        "Elena Petrova",
        "Sara Lind",
        INTRO,
        "Pros",
        "- Quiet engine",
        "Cons",
        "- Small deck",
        "Pinterest",
        "Pinterest is where many passengers share their photos of the crossing, the operator said.",
        "- Graphics: Harbour GX 400",
        "Source: Portvale Statistics Office",
        "The office counted 1,200 passengers on the first day, more than expected.",
        "Related",
        "A 2010 study of the harbour found that ferries reduce road traffic by a tenth.",
        "Pros",
        "- Cheap tickets",
        "Cons",
        "- Long queues",
        "Categories of grants this year",
        "Education",
        "Culture",
        "Health",
        OUTRO,
    ]
    article = clean_text("\n".join(body), url=URL, config=NO_LANG)
    assert article.title is None
    assert article.text == "\n\n".join(body)
    assert article.attribution is None
    assert article.removed == []


# -- cross-promotion ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "READ ALSO: Saltmere council approves harbour budget",
        "SEE ALSO: Ferry fares to rise in June",
        "RELATED: Storm closes Saltmere pier",
        "WATCH: Drone footage of the new ferry",
        "READ MORE: Why the pier took two years",
        "Read more: Council approves harbour budget",
        "DON'T MISS: Ferry fares to rise",
        "MUST WATCH: Drone footage of the ferry",
        "LEA TAMBIÉN: El puerto de Portvale reabre tras la tormenta",
        "ЧИТАЙТЕ ТАКЖЕ: Паром между городами начал работу",
        "ЧИТАЙТЕ ТАКОЖ: Пором між містами запрацював",
        "LESEN SIE AUCH: Neue Fähre verbindet Portvale und Saltmere",
        "LIRE AUSSI : Le nouveau ferry relie Portvale à Saltmere",
        "LEIA TAMBÉM: Nova balsa liga Portvale a Saltmere",
        "LEGGI ANCHE: Il nuovo traghetto collega Portvale e Saltmere",
        "CZYTAJ TAKŻE: Nowy prom łączy Portvale i Saltmere",
    ],
)
def test_cross_promotion_line_is_removed(line: str) -> None:
    article = around(line, config=NO_LANG)
    assert article.text == f"{INTRO}\n\n{OUTRO}"
    assert article.removed == [Removed(line, "cross-promotion", "line 2")]


# -- attribution ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Source: Harbour Wire", "Harbour Wire"),
        ("Source : Harbour Wire", "Harbour Wire"),
        ("Fuente: EFE", "EFE"),
        ("Quelle: dpa", "dpa"),
        ("Источник: ТАСС", "ТАСС"),
        ("Con información de Agencia Portvale", "Agencia Portvale"),
        ("With information from Harbour Wire.", "Harbour Wire"),
        ("(Reuters)", "Reuters"),
        ("— AFP", "AFP"),
        ("(Avec AFP)", "AFP"),
    ],
)
def test_attribution_line_sets_attribution_and_leaves_the_body(line: str, name: str) -> None:
    article = clean_text(f"{INTRO}\n{OUTRO}\n{line}", title="Harbour council meets", config=NO_LANG)
    assert article.attribution == name
    assert article.text == f"{INTRO}\n\n{OUTRO}"
    assert article.removed == [Removed(line, "attribution", "line 3")]


def test_agency_credit_counts_anywhere_but_other_sources_only_at_the_end() -> None:
    mid_agency = around("(Reuters)")
    assert mid_agency.attribution == "Reuters"
    assert mid_agency.text == f"{INTRO}\n\n{OUTRO}"
    chart_source = around("Source: Portvale Statistics Office")
    assert chart_source.attribution is None
    assert chart_source.text == f"{INTRO}\n\nSource: Portvale Statistics Office\n\n{OUTRO}"


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("(AP) — The ferry to Saltmere resumed on Friday after the storm.", "AP"),
        ("WASHINGTON (Reuters) - Talks on the harbour treaty resumed on Friday.", "Reuters"),
        ("PORTVALE, March 3 (Harbour Wire) — The ferry resumed on Friday.", "Harbour Wire"),
        ("(Updated) — The ferry to Saltmere resumed on Friday after the storm.", None),
        ("The ferry (the Saltmere Star) - resumed on Friday.", None),
    ],
)
def test_wire_credit_opening_the_first_paragraph_sets_attribution_only(paragraph: str, name: str | None) -> None:
    article = clean_text(f"{paragraph}\n{OUTRO}", title="Ferry resumes", config=NO_LANG)
    assert article.attribution == name
    assert article.text == f"{paragraph}\n\n{OUTRO}"
    assert article.removed == []


# -- characters --------------------------------------------------------------------------------


def test_characters_are_repaired_and_each_rewritten_line_recorded() -> None:
    text = "Caf\u00c3\u00a9 owners\u00a0met  the mayor.\r\nThe har\u00adbour\u200b reopened.\rIt was \t sunny."
    article = clean_text(text, title="Harbour reopens", config=NO_LANG)
    assert article.text == "Café owners met the mayor.\n\nThe harbour reopened.\n\nIt was sunny."
    assert article.removed == [
        Removed("Caf\u00c3\u00a9 owners\u00a0met  the mayor.", "mojibake", "line 1"),
        Removed("The har\u00adbour\u200b reopened.", "typography", "line 2"),
        Removed("It was \t sunny.", "typography", "line 3"),
    ]


def test_typographic_quotes_and_full_width_punctuation_are_kept() -> None:
    line = "“We will rebuild,” she said — and “soon”. 港口将于周一重新开放。"
    assert around(line, config=NO_LANG).text == f"{INTRO}\n\n{line}\n\n{OUTRO}"


@pytest.mark.parametrize("text", ["", "   ", "\n\n\r\n", " \t\n\u00a0\u200b\n  \r\n"])
def test_empty_or_blank_input_gives_an_empty_article(text: str) -> None:
    article = clean_text(text)
    assert article.text == ""
    assert article.title is None
    assert article.language is None
    assert article.attribution is None
    assert article.removed == []
    assert article.id != ""


def test_only_furniture_gives_empty_text_with_everything_recorded() -> None:
    article = clean_text("Share:\nAdvertisement\n© 2024 Portvale Courier Media", url=URL)
    assert article.text == ""
    assert [r.reason for r in article.removed] == ["social", "advertisement", "copyright"]


# -- glued words ---------------------------------------------------------------------------------

#: (language, context seen elsewhere in the document, damaged sentence, repaired sentence)
GLUED = [
    ("en", "Kyiv is large.", "refuge in Kyivwhere they", "refuge in Kyiv where they"),
    ("en", "Ivanov spoke.", "said Ivanovahead of the", "said Ivanov ahead of the"),
    ("en", "", "the mayor.He said", "the mayor. He said"),
    ("en", "Kyiv is large.", "in KyivThe city", "in Kyiv The city"),
    ("en", "", "stayed inthe city", "stayed in the city"),
    ("en", "Portvale is near.", "Portvaleand Saltmere", "Portvale and Saltmere"),
    ("en", "", "opened today!The crowd", "opened today! The crowd"),
    ("en", "", "she said.“We will", "she said. “We will"),
    ("en", "", "at the pier,where", "at the pier, where"),
    ("en", "", "from Portvale,Saltmere and", "from Portvale, Saltmere and"),
    ("en", "", "in 2021.The mayor", "in 2021. The mayor"),
    ("en", "Ivanov spoke.", "Mayor Ivanovsaid on Monday", "Mayor Ivanov said on Monday"),
    ("en", "The harbour is old.", "the harbourwhich was", "the harbour which was"),
    ("en", "", "said.“Nothing”", "said. “Nothing”"),
    ("es", "Kyiv es grande.", "refugio en Kyivdonde esperaron", "refugio en Kyiv donde esperaron"),
    ("es", "Ivanov habló.", "dijo Ivanovantes de la ceremonia", "dijo Ivanov antes de la ceremonia"),
    ("es", "", "el alcalde.Él dijo", "el alcalde. Él dijo"),
    ("es", "Portvale es pequeño.", "en Portvalecuando llegó", "en Portvale cuando llegó"),
    ("de", "Kyiv ist groß.", "Zuflucht in Kyivwährend des Krieges", "Zuflucht in Kyiv während des Krieges"),
    ("de", "Berlin ist groß.", "in BerlinDie Stadt", "in Berlin Die Stadt"),
    ("de", "", "der Bürgermeister.Er sagte", "der Bürgermeister. Er sagte"),
    ("de", "Hamburg ist alt.", "Hamburgund Bremen", "Hamburg und Bremen"),
    ("fr", "Kyiv est grande.", "à Kyivlorsque la guerre", "à Kyiv lorsque la guerre"),
    ("fr", "", "le maire.Il a dit", "le maire. Il a dit"),
    ("fr", "Marseille est belle.", "à Marseilleavant la fête", "à Marseille avant la fête"),
    ("ru", "Киеве тепло.", "в Киевегде они жили", "в Киеве где они жили"),
    ("ru", "", "мэр.Он сказал", "мэр. Он сказал"),
    ("ru", "Иванов пришёл.", "Ивановзаявил журналистам", "Иванов заявил журналистам"),
    ("uk", "Києві тепло.", "у Києвіколи почалася", "у Києві коли почалася"),
    ("uk", "", "мер.Він сказав", "мер. Він сказав"),
    ("uk", "Іванов прийшов.", "Івановзаявив журналістам", "Іванов заявив журналістам"),
    ("pt", "Lisboa é bonita.", "em Lisboaonde vivem", "em Lisboa onde vivem"),
    ("pt", "", "o prefeito.Ele disse", "o prefeito. Ele disse"),
    ("it", "Roma è bella.", "a Romadove vivono", "a Roma dove vivono"),
    ("it", "", "il sindaco.Lui ha detto", "il sindaco. Lui ha detto"),
    ("it", "Milano è grande.", "a Milanomentre piove", "a Milano mentre piove"),
]


@pytest.mark.parametrize(("language", "context", "damaged", "repaired"), GLUED)
def test_glued_words_are_split(language: str, context: str, damaged: str, repaired: str) -> None:
    lexicon = Lexicon.of([context, damaged], language)
    fixed, tokens = repair_line(damaged, lexicon)
    assert fixed == repaired
    assert len(tokens) == 1 and tokens[0] in damaged.split()


def test_enough_glued_pairs_are_checked() -> None:
    assert len(GLUED) >= 30
    assert {language for language, *_ in GLUED} == {"en", "es", "de", "fr", "ru", "uk", "pt", "it"}


#: (language, context that makes a split tempting, token that must stay whole)
NOT_GLUED = [
    ("de", "Die Stadt am Hafen ist alt.", "Hafenstadt"),
    ("de", "Die Regierung des Bundes tagt.", "Bundesregierung"),
    ("de", "Das Haus der Kranken und die Reform.", "Krankenhausreform"),
    ("de", "Wir arbeiten zusammen an der Arbeit.", "Zusammenarbeit"),
    ("de", "Er ist aus dem Land und aus der Stadt.", "Ausland"),
    ("de", "Die Bürger und die Bürgerin kamen.", "BürgerInnen"),
    ("de", "Das Amt und die Ministerin.", "Außenministerium"),
    ("en", "Allister and Mc met.", "McAllister"),
    ("en", "Donald went to Mc.", "McDonald"),
    ("en", "Santis and De met.", "DeSantis"),
    ("en", "La and Guardia met.", "LaGuardia"),
    ("en", "The phone rang.", "iPhone"),
    ("en", "You know the Tube is closed.", "YouTube"),
    ("en", "Play and Station and the station.", "PlayStation"),
    ("en", "We work at Work.", "WeWork"),
    ("en", "Linked In and in.", "LinkedIn"),
    ("en", "Black Rock is a rock.", "BlackRock"),
    ("en", "Bay and bay.", "eBay"),
    ("en", "Let us be and have it.", "behave"),
    ("en", "to get her together", "together"),
    ("en", "no where here", "nowhere"),
    ("en", "how ever", "however"),
    ("en", "with out", "without"),
    ("en", "some what", "somewhat"),
    ("en", "The lock is down.", "lockdown"),
    ("en", "The break came through.", "breakthrough"),
    ("en", "A hand is out.", "handout"),
    ("en", "Good will come.", "goodwill"),
    ("en", "Sun and day.", "Sunday"),
    ("en", "Green land.", "Greenland"),
    ("en", "Jon and Thom came as well.", "Jonas"),
    ("en", "Doug came.", "Douglas"),
    ("en", "The isle and the land.", "island"),
    ("en", "", "https://example.org/a.b"),
    ("en", "", "e-mail@example.org"),
    ("en", "", "www.example.org/News.Html"),
    ("en", "", "#HarbourFest"),
    ("en", "", "@portvale_news"),
    ("en", "", "example.org"),
    ("en", "", "3.5"),
    ("en", "", "1,200"),
    ("en", "", "10.000"),
    ("en", "", "12:30"),
    ("en", "", "v2.0"),
    ("en", "", "COVID-19"),
    ("en", "", "U.S."),
    ("en", "", "e.g."),
    ("en", "", "Ph.D."),
    ("en", "", "Node.js"),
    ("en", "", "O'Neill"),
    ("en", "well and known", "well-known"),
    ("ru", "не которые", "некоторые"),
    ("ru", "ни когда", "никогда"),
    ("uk", "де які", "деякі"),
    ("es", "por que", "porque"),
    ("es", "contra dijo", "contradijo"),
    ("fr", "ce pendant", "cependant"),
    ("fr", "lors que", "lorsque"),
    ("it", "sic come", "siccome"),
    ("en", "He lives on St. Mark and 1st and 2nd avenue.", "Stand"),
    ("en", "The Service is good now.", "ServiceNow"),
    ("en", "My plate, the Plate.", "MyPlate"),
    ("en", "A Tutor told me.", "TutorMe"),
    ("en", "Each Hr. counts.", "Cr.Hr."),
    ("en", "", "TL;DR"),
    ("en", "", "HTML,CSS"),
    ("en", "The Level rose.", "options.Level(x)"),
    ("en", "The Data and the Set.", "Mathlib.Data.Set"),
    ("en", "The Debug mode.", "LogLevel.Debug"),
    ("en", "The Inc. board met.", "Storage,Inc."),
]


@pytest.mark.parametrize(("language", "context", "token"), NOT_GLUED)
def test_real_words_names_and_addresses_stay_whole(language: str, context: str, token: str) -> None:
    lexicon = Lexicon.of([context, token], language)
    assert repair_token(token, lexicon) is None


def test_enough_legitimate_tokens_are_checked() -> None:
    assert len(NOT_GLUED) >= 30


def test_word_seen_twice_is_not_split() -> None:
    lexicon = Lexicon.of(["Kyiv is large. Kyivwhere is a village near Kyivwhere."], "en")
    assert repair_token("Kyivwhere", lexicon) is None


def test_without_a_language_only_marked_boundaries_are_split() -> None:
    lexicon = Lexicon.of(["Kyiv is large. Portvale is near."], None)
    assert repair_line("in Kyivwhere the mayor.He and KyivThe", lexicon) == (
        "in Kyivwhere the mayor. He and Kyiv The",
        ["mayor.He", "KyivThe"],
    )


def test_glued_words_are_repaired_through_clean_text_in_german() -> None:
    text = (
        "Berlin ist die Hauptstadt. Viele Familien suchten Zuflucht in Berlinwährend des Winters.\n"
        "Der Bürgermeister sprach am Montag.Er sagte, die Bundesregierung helfe."
    )
    article = clean_text(text, title="Familien in Berlin")
    assert article.language == "de"
    assert article.text == (
        "Berlin ist die Hauptstadt. Viele Familien suchten Zuflucht in Berlin während des Winters.\n\n"
        "Der Bürgermeister sprach am Montag. Er sagte, die Bundesregierung helfe."
    )
    assert article.removed == [
        Removed("Berlinwährend", "glued-words", "line 1"),
        Removed("Montag.Er", "glued-words", "line 2"),
    ]


# -- size ---------------------------------------------------------------------------------------


BIG_VOCABULARY = (
    "harbour ferry council pier Saltmere Portvale mayor Ivanov said the and of to in on for with families "
    "waited months crossing minutes officials budget tickets euros passengers summer storm"
)


def _big_text(size: int) -> str:
    rng = random.Random(7)
    vocab = BIG_VOCABULARY.split()
    paragraphs: list[str] = []
    total = 0
    while total < size:
        n = len(paragraphs)
        if n % 40 == 0:
            paragraph = "Advertisement"
        elif n % 53 == 0:
            paragraph = "Storm closes Saltmere pier"
        else:
            words = [rng.choice(vocab) for _ in range(rng.randint(6, 60))]
            paragraph = " ".join(words).capitalize() + "."
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def test_two_megabytes_clean_in_linear_time() -> None:
    text = _big_text(2_000_000)
    start = time.perf_counter()
    article = clean_text(text, url=URL)
    elapsed = time.perf_counter() - start
    assert elapsed < 10.0
    assert len(article.text) > 1_800_000
    assert "Advertisement" not in article.text
    one_line = "The mayor said the ferry would run daily from Portvale to Saltmere. " * 30_000
    start = time.perf_counter()
    assert clean_text(one_line, config=NO_LANG).text == one_line.strip()
    assert time.perf_counter() - start < 10.0
