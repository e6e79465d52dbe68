"""The vocabulary of extraction, as data.

Everything here is matched on *tokens*: a class, id, role or aria-label is
split into lower-case words at non-letters and camelCase humps
(``"socialShare-bar"`` -> ``social share bar``), so ``ad`` matches
``ad-slot`` but not ``shadow`` or ``read``, and ``header`` matches
``site-header`` but not ``masthead``.  A pattern is a tuple of tokens that
must appear consecutively.  Add words here, not ``if`` branches elsewhere.
"""

from __future__ import annotations

import re

# -- tags -----------------------------------------------------------------------

#: Elements dropped without a trace: they hold no visible article text.
SILENT_TAGS: frozenset[str] = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "canvas", "object",
        "embed", "video", "audio", "source", "track", "picture", "img", "map", "head", "link",
        "meta", "title", "button", "input", "select", "option", "textarea", "dialog", "menu", "label",
    }
)

#: Structural furniture, dropped and recorded with the reason given.
FURNITURE_TAGS: dict[str, str] = {
    "nav": "navigation",
    "header": "header",
    "footer": "footer",
    "aside": "aside",
    "form": "form",
    "figcaption": "caption",
}
#: Furniture reasons of a page's own landmarks (banner, menus, sidebar, footer): outside its main content,
#: an element named or tagged so is furniture however long.
LANDMARK_REASONS: frozenset[str] = frozenset({"navigation", "header", "footer", "aside"})

#: Elements that never start a new text block (everything else does).
INLINE_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn",
        "em", "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small",
        "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "output",
        "ruby", "rt", "rp",
    }
)

#: Block elements whose text is a heading.
HEADING_TAGS: frozenset[str] = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: Elements of a table that holds data rather than page layout.
TABLE_CELL_TAGS: frozenset[str] = frozenset({"td", "th"})

#: A table is laid out with these inside it, so its cells are blocks, not row text.
LAYOUT_IN_TABLE = "table table, p, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, article, section"

# -- boilerplate vocabulary -------------------------------------------------------

#: Reason -> token patterns.  The first reason whose pattern matches wins, so
#: more specific reasons come first.
BOILERPLATE: dict[str, tuple[tuple[str, ...], ...]] = {
    "cookie-notice": (
        ("cookie",), ("cookies",), ("consent",), ("gdpr",), ("onetrust",), ("privacy", "banner"),
        ("cookiebanner",), ("cookienotice",), ("cookiebot",), ("cybot",), ("didomi",), ("usercentrics",), ("trustarc",),
        ("iubenda",), ("fides",), ("cmp", "banner"), ("tarteaucitron",),
    ),
    "newsletter": (
        ("newsletter",), ("newsletters",), ("subscribe",), ("subscription",), ("signup",),
        ("sign", "up"), ("optin",), ("opt", "in"), ("paywall",), ("regwall",),
    ),
    "share": (
        ("share",), ("sharing",), ("sharebar",), ("social",), ("sociallinks",), ("socials",),
        ("addthis",), ("sharethis",), ("shareaholic",), ("teilen",), ("partager",), ("compartir",),
    ),
    "comments": (
        ("comment",), ("comments",), ("disqus",), ("respond",), ("coral",), ("kommentare",), ("kommentar",),
        ("commentaires",), ("comentarios",), ("commenti",),
    ),
    "reviews": (
        ("reviews",), ("customer", "reviews"), ("product", "reviews"), ("ratings", "and", "reviews"),
        ("customer", "review"), ("bazaarvoice",), ("yotpo",), ("trustpilot",), ("okendo",), ("judgeme",),
    ),
    "related": (
        ("related",), ("recommended",), ("recommendations",), ("recommendation",), ("most", "read"),
        ("mostread",), ("most", "popular"), ("mostpopular",), ("popular", "posts"), ("trending",),
        ("read", "next"), ("readnext",), ("more", "stories"), ("more", "news"), ("also", "like"),
        ("outbrain",), ("taboola",), ("you", "may", "like"), ("further", "reading"), ("read", "more"),
        ("readmore",), ("more", "from"), ("up", "next"),
    ),
    "advert": (
        ("ad",), ("ads",), ("advert",), ("adverts",), ("advertisement",), ("advertising",),
        ("adslot",), ("adsbygoogle",), ("adunit",), ("dfp",), ("sponsor",), ("sponsored",),
        ("banner", "ad"), ("doubleclick",), ("affiliate",), ("werbung",), ("publicidad",), ("publicite",),
    ),
    "promo": (("promo",), ("promotion",), ("cta",), ("upsell",), ("marketing",)),
    "navigation": (
        ("nav",), ("navbar",), ("navigation",), ("menu",), ("breadcrumb",), ("breadcrumbs",), ("crumbs",),
        ("pagination",), ("pager",), ("skip", "link"), ("skiplink",), ("toolbar",), ("topbar",),
        # a search box, not the word alone: a search page's results are its content
        ("search", "form"), ("search", "box"), ("search", "bar"), ("search", "field"), ("search", "input"),
        ("search", "toggle"), ("search", "popup"), ("search", "modal"), ("search", "overlay"), ("search", "wrapper"),
        ("search", "container"), ("search", "panel"), ("site", "search"), ("widget", "search"), ("sticky", "search"),
        ("search", "icon"), ("search", "button"), ("search", "trigger"), ("searchform",), ("searchbox",),
        ("searchbar",), ("sitemap",), ("jump", "to"), ("prev", "next"), ("toc",), ("table", "of", "contents"),
        ("tableofcontents",),
    ),
    "caption": (
        ("caption",), ("captions",), ("figcaption",), ("credit",), ("credits",), ("photo", "credit"),
        ("image", "source"), ("image", "subtitle"), ("photo", "source"), ("bildquelle",), ("bildunterschrift",),
    ),
    "byline": (
        ("byline",), ("author",), ("authors",), ("entry", "meta"), ("post", "meta"), ("article", "meta"),
        ("story", "meta"), ("meta", "info"), ("dateline",), ("timestamp",),
        ("published",), ("posted", "on"), ("bio",), ("contributor",), ("reading", "time"), ("read", "time"),
        # a forum post's furniture: its author's panel, flair and signature
        ("signature",), ("postprofile",), ("post", "profile"), ("user", "profile"), ("flair",), ("user", "details"),
        ("user", "info"), ("userinfo",),
    ),
    "tags": (("tags",), ("tag", "list"), ("taglist",), ("keywords",), ("topics",), ("categories",)),
    "footer": (("footer",), ("colophon",), ("copyright",), ("legal",), ("disclaimer",)),
    "header": (("header",), ("masthead", "nav"), ("topnav",)),
    "aside": (("sidebar",), ("rail",), ("aside",)),
    "popup": (("popup",), ("modal",), ("overlay",), ("lightbox",), ("toast",)),
    "form": (("form",), ("forms",), ("gform", "wrapper"), ("wpforms",)),
    "hidden": (
        ("sr", "only"), ("visually", "hidden"), ("screen", "reader", "text"), ("offscreen",),
        ("print", "only"),
    ),
}

#: Whole class names that hide an element on every screen ("hidden-xs" hides it on small ones only).
HIDDEN_CLASSES: frozenset[str] = frozenset({"hidden", "hide", "is-hidden", "invisible", "u-hidden"})

#: ARIA landmark roles -> reason.
BOILERPLATE_ROLES: dict[str, str] = {
    "navigation": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "navigation",
    "dialog": "dialog",
    "alertdialog": "dialog",
    "menu": "navigation",
    "menubar": "navigation",
}

#: Attributes whose tokens are matched against :data:`BOILERPLATE`.
TOKEN_ATTRIBUTES: tuple[str, ...] = ("class", "id", "aria-label", "data-component", "data-testid")

#: Reasons strong enough to drop an element even when it holds most of the page's text.
STRONG_REASONS: frozenset[str] = frozenset({"comments", "cookie-notice", "dialog"})
#: Reasons often given by layout class names: an element matched only by one of these is
#: kept when it holds a fair share of the page's text.
WEAK_REASONS: frozenset[str] = frozenset(
    {"aside", "header", "footer", "byline", "tags", "caption", "hidden", "form", "navigation", "popup"}
)

#: Class names with these prefixes describe the content (WordPress ``category-x``, ``tag-x``)
#: or what an element contains (``has-sidebar``), not what the element is.
IGNORED_CLASS_PREFIXES: tuple[str, ...] = (
    "category-", "tag-", "tags-", "post_tag-", "format-", "type-", "status-", "topic-", "has-", "with-",
    "no-", "is-", "hide-", "show-", "js-", "u-",
)
#: A class name holding one of these tokens describes a page layout ("sidebar-enabled",
#: "layout--right-rail"), not furniture.
LAYOUT_TOKENS: frozenset[str] = frozenset({"layout", "enabled", "mode", "template", "grid", "col", "cols", "column"})

#: Token patterns marking the element that holds the article body (a score bonus, not a rule).
CONTENT_HINTS: tuple[tuple[str, ...], ...] = (
    ("article", "body"), ("articlebody",), ("article", "content"), ("article", "text"),
    ("story", "body"), ("storybody",), ("story", "content"), ("entry", "content"), ("post", "content"),
    ("post", "body"), ("body", "text"), ("bodytext",), ("rich", "text"), ("richtext",), ("prose",),
    ("article", "main"), ("main", "content"), ("maincontent",), ("post", "entry"), ("content", "body"),
    ("text", "content"), ("article", "page"),
)
#: Tags that say "the content is here" (also a bonus, not a rule).
CONTENT_TAGS: frozenset[str] = frozenset({"article", "main"})

# -- text-level patterns -----------------------------------------------------------

#: A paragraph that only promotes another page ("Read more: ...", "READ ALSO: ..."); the lead-ins of the
#: languages that :data:`presscut.clean.phrases.CROSS_PROMO_LEADINS` knows for already-extracted text.
PROMO_LINE = re.compile(
    r"""^\W{0,3}(
        read\s+(more|also|next|this|too|on)|also\s+read|see\s+also|more\s+on\s+this|related(\s+(article|story|stories|coverage|content|reading|news))?
        |recommended(\s+(reading|for\s+you))?|you\s+(may|might)\s+(also\s+)?(like|enjoy|be\s+interested)
        |don'?t\s+miss|must\s+read|watch(\s+now)?|listen(\s+now)?|more\s+from|further\s+reading|click\s+here
        |sign\s+up|subscribe|get\s+our|follow\s+us|join\s+us|download\s+(our|the)\s+app|advertisement
        |lesen\s+sie\s+auch|mehr\s+zum\s+thema|lire\s+aussi|à\s+lire\s+aussi|leer\s+más|lee\s+también|leggi\s+anche
        |veja\s+também|leia\s+também|lees\s+ook|weiterführende?r?\s+links?
        |siehe\s+auch|auch\s+interessant|voir\s+aussi|(à\s+)?lire\s+également|mira(\s+también)?|lea\s+(también|además)
        |ver\s+también|(también\s+)?te\s+puede\s+interesar|te\s+recomendamos|no\s+te\s+pierdas|leggi\s+(pure|altro)
        |potrebbe\s+interessarti|guarda\s+anche|veja\s+mais|saiba\s+mais|leia\s+mais
        |(читайте|смотрите)\s+также|(читайте|дивіться)\s+також|czytaj\s+(także|też|więcej)|zobacz\s+(także|też)
    )\b\s*[:\-–—>|»]""",
    re.IGNORECASE | re.VERBOSE,
)

#: A block that is only an image file's address: a template's data printed as text (a lazy loader's
#: source, a swatch's thumbnail), never the article's words.
IMAGE_ADDRESS_LINE = re.compile(r"(?:https?:)?//\S+?\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]\S*)?", re.IGNORECASE)

#: A short paragraph that asks the reader to do something for the publisher (subscribe, follow,
#: install the app, join the newsletter): furniture when it closes the article.
CALL_TO_ACTION = re.compile(
    r"""\b(
        subscribe|subscribers?\s+(only|can)|(our|free)\s+([\w-]+\s+)?newsletters?|sign\s+up\s+(for|to)\s+(our|the)
        |follow\s+(us|[\w.@]+(\s+[\w.@]+)?)\s+on\s+(twitter|x|facebook|instagram|linkedin|tiktok|youtube|telegram|whatsapp)
        |(download|get|install)\s+(our|the)\s+([\w.-]+\s+){0,3}apps?
        |support\s+(our|independent|local)\s+journalism|become\s+a\s+(member|subscriber|supporter)
        |abonnieren|abonnement|folgen\s+sie\s+uns|unterstütze|abonnez-vous|suivez-nous|suscríbete|suscribirse
        |síguenos|hazte\s+miembro|únete|iscriviti|seguici|abonneer|volg\s+ons|assine|siga-nos
        |newsletter|straight\s+to\s+your\s+(phone|inbox)|(get|receive)\s+the\s+latest\s+news
        |support(ing)?\s+(us|our\s+work)|consider\s+(supporting|donating)|donate\b|make\s+a\s+donation
        |werden\s+sie\s+mitglied|mitglied\s+werden|unterstützen\s+sie|spende|posteingang
        |siguenos|fais\s+un\s+don|faites\s+un\s+don|soutenez|zapraszamy|subskrypcj|prenumerat
    )""",
    re.IGNORECASE | re.VERBOSE,
)

#: Whole short lines that are page furniture, compared case-insensitively without punctuation.
BOILERPLATE_LINES: frozenset[str] = frozenset(
    {
        "advertisement", "advertisement continue reading below", "ad", "ads", "sponsored",
        "share", "share this", "share this article", "share this story", "share on facebook",
        "share on twitter", "share on x", "tweet", "email", "print", "copy link", "link copied",
        "comments", "comment", "leave a comment", "leave a reply", "post a comment", "show comments",
        "subscribe", "subscribe now", "sign up", "sign in", "log in", "login", "register",
        "read more", "continue reading", "read full article", "read the full story", "load more",
        "show more", "see more", "view more", "more", "next", "previous", "back to top", "top",
        "skip to content", "skip to main content", "click here", "loading", "follow us",
        "related", "related articles", "related stories", "related posts", "more stories",
        "most read", "most popular", "trending", "recommended", "recommended for you",
        "you may also like", "you might also like", "newsletter", "cookie settings",
        "accept", "accept all", "reject all", "manage preferences", "close", "menu", "search",
        "home", "tags", "topics", "image", "photo", "video", "watch", "listen", "play",
        "getty images", "shutterstock", "istock", "all rights reserved", "table of contents",
        "contents", "in this article", "on this page", "jump to", "print this page", "share article",
        "by", "estimated reading time", "reading time", "written by", "posted by", "author",
        "weiterlesen", "mehr lesen", "mehr", "teilen", "drucken", "bild anzeigen", "pinnen", "anzeige", "werbung",
        "lire la suite", "partager", "publicité", "leer más", "compartir", "publicidad", "leggi tutto",
        "condividi", "pubblicità", "lees meer", "delen", "leia mais", "compartilhe", "publicidade",
        # the furniture of a forum post: its author's panel and its buttons
        "joined", "join date", "reaction score", "permalink", "original poster", "senior member", "new member",
        "reply", "report", "quote", "replies", "posts", "messages", "points", "member", "embed", "save", "edit",
        "like", "likes", "report post", "reply with quote", "multi quote", "share post",
        # buttons and prompts around an article, in the languages presscut meets most
        "alle anzeigen", "externer inhalt", "wird geladen", "gefällt mir wird geladen", "artikel bewerten",
        "bewerten", "kommentieren", "keine kommentare", "bisher keine kommentare", "no comments", "no comments yet",
        "permalien", "artikel teilen", "war der artikel nützlich", "war dieser artikel hilfreich",
        "was this article helpful", "was this helpful", "did you find this article helpful",
        # buttons that come in rows ("Bild anzeigen Bild schließen"); keys are casefolded (ß -> ss)
        "bild schliessen", "schliessen", "speichern", "rezept drucken",
        # a contact box's heading
        "kontakt", "contact", "contact us",
    }
)

#: A short line asking the reader to share the page ("Share this article with your friends:",
#: "Möchten Sie den Artikel teilen?"), or a furniture label before a link ("Permalink https://...").
SHARE_PROMPT_LINE = re.compile(
    r"^\W*(?:(?:möchten|wollen)\s+sie\s+(?:den|diesen)\s+(?:artikel|beitrag)\s+teilen"
    r"|(?:den\s+|diesen\s+)?(?:artikel|beitrag)\s+(?:mit\s+(?:anderen|freunden)\s+)?teilen\b.*"
    r"|share\s+this\s+(?:article|post|story|page)\b.*|partager\s+cet\s+article\b.*"
    r"|(?:permalink|permalien|short\s*link|kurzlink)\W*(?:https?://|www\.)\S+)\W*$",
    re.IGNORECASE,
)

#: A heading that introduces links to other pages: it and the rest of its section go.
RELATED_HEADING = re.compile(
    r"""^\W*(
        related(\s+(articles?|posts?|stories|story|content|reading|news|links|resources|topics|guides?|coverage))?
        |(recent|latest|popular|trending|featured|top)\s+(articles?|posts?|stories|news|blogs?|reads|insights)
        |more\s+(stories|articles|news|posts|reading|from\b.*|on\s+this\s+topic|like\s+this)|more\s+to\s+(read|explore)
        |read\s+(this\s+)?next|what\s+to\s+read\s+next|keep\s+reading|also\s+read|you\s+(may|might)\s+(also\s+)?(like|enjoy)
        |recommended(\s+(for\s+you|reading|articles|stories|posts))?|most\s+(read|popular|viewed|shared)(\s+(this|today|now|on)\b.*)?
        |trending(\s+now)?|don'?t\s+miss|further\s+reading|see\s+also|explore\s+more|latest\s+from\b.*
        |weitere\s+artikel|mehr\s+zum\s+thema|das\s+könnte\s+sie\s+auch\s+interessieren|à\s+lire\s+aussi|sur\s+le\s+même\s+sujet
        |noticias\s+relacionadas|te\s+puede\s+interesar|leggi\s+anche|articoli\s+correlati
        |meistgelesen(e|en)?(\s+\w+)?|weitere\s+(artikel|beiträge|nachrichten|meldungen|news|themen|pressemitteilungen|kolumnen)\b.*
        |mehr\s+(artikel|beiträge|kolumnen|nachrichten|geschichten|videos)\b.*
        |articles?\s+(liés|similaires|connexes)
        |ähnliche\s+(artikel|beiträge|themen)|verwandte\s+(artikel|beiträge|themen)|auch\s+interessant
        |les\s+plus\s+lus|lo\s+más\s+(leído|visto)|más\s+noticias|veja\s+também|leia\s+também|mais\s+lidas
        |più\s+letti|meest\s+gelezen|lees\s+ook|gerelateerde\s+artikelen
        |similar\s+(items|products|articles|posts|stories)|(explore|shop|browse)\s+(related|similar)\b.*
        |(customers|people|shoppers)\s+(who\s+(viewed|bought)\s+this(\s+item)?\s+)?also\s+(viewed|bought|liked)\b.*
        |frequently\s+bought\s+together|recently\s+viewed(\s+(items|products))?|you\s+(may|might)\s+also\s+need
        |(latest|newest|recent)\s+news|schon\s+gelesen|neueste\s+(artikel|beiträge|nachrichten)|interessante\s+artikel
        |viel\s+gelesen\b.*|das\s+könnte\s+dich\s+auch\s+interessieren|dans\s+la\s+même\s+rubrique
        |à\s+lire\s+également|zobacz\s+(także|również|też)|czytaj\s+(także|również|też)
        |lesen\s+sie\s+(auch|dazu|mehr)\b.*|(zum\s+)?weiterlesen|das\s+thema\s+könnte\s+(dich|sie)\s+auch\s+interessieren
        |weitere\s+(informationen|infos|links)|(aktuelle|neueste)\s+(berichte|artikel|beiträge|meldungen)\b.*
        |top[\s-]?themen\b.*|in\s+den\s+schlagzeilen|newsticker|entdecke(n\s+sie)?\s+(jetzt|weitere|mehr)\b.*
        |vous\s+aimerez\s+(aussi|également)|(audios?\s+et\s+)?vidéos?\s+sur\s+le\s+(même\s+)?sujet|polecamy
        |über\s+den\s+autor|about\s+the\s+author|über\s+die\s+autorin|mehr\s+(zum|aus|zu)\b.*|mehr\s+themen
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: Short lines that credit a photo or restate a byline ("Photo: Jane Roe", "By Jane Roe").
CREDIT_LINE = re.compile(
    r"^\W{0,2}(photo|image|picture|foto|bild|pictured|illustration|graphic|video)s?\s*(credit)?\s*(:|by\b|/|©)"
    r"|^\W{0,2}(©|\(c\)|copyright\b)"
    # a caption's credit: "Titelbild: ...", "Crédits photos : ...", "(Credit: Jane Roe / Agency)", "... © Agency"
    r"|^\W{0,2}(title\s+image|featured\s+image|[a-zäöü]*bild|abbildung(\s+\d+)?|bildquelle|bildnachweis|fotonachweis"
    r"|crédits?(\s+photos?)?|credits?)\s*:"
    r"|\((photo|foto|bild|credit|image)s?(\s+credit)?\s*:[^()]*\)\W*$|\bphotos?\s*:\s*[^\s.!?][^.!?]*$|©"
    r"|\b(getty images|shutterstock|istock(photo)?|afp via getty|reuters/|ap photo)\b",
    re.IGNORECASE,
)
#: Lower-case words one of which every line that CREDIT_LINE matches contains once lower-cased
#: (a cheap test before the regex search; keep in step with CREDIT_LINE, its non-ASCII words too).
CREDIT_LINE_WORDS = (
    "photo", "image", "picture", "foto", "bild", "illustration", "graphic", "video", "(c)", "copyright",
    "getty", "shutterstock", "istock", "reuters/", "credit", "abbildung", "crédit", "©",
)
#: Letters that a case-insensitive pattern matches to an ASCII letter but ``str.lower`` does not
#: turn into one ("ſ" is "s", the Kelvin sign "k"): a line holding one always goes to the pattern.
CASE_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
#: Verbs and nouns that may stand before a byline's "by" ("Posted by", "Erstellt von", "Publié par",
#: "Escrito por", "Scritto da", "Geschreven door"), optionally after an article ("Ein Beitrag von").
BYLINE_LEAD_WORDS: tuple[str, ...] = (
    "written", "authored", "posted", "reported", "words", "text", "story", "published", "created", "interview",
    "submitted", "gespeichert", "eingereicht",
    "erstellt", "eingestellt", "veröffentlicht", "geschrieben", "verfasst", "gepostet", "publiziert", "beitrag",
    "artikel", "publié", "écrit", "rédigé", "posté", "escrito", "publicado", "redactado", "scritto",
    "pubblicato", "geschreven", "gepubliceerd", "skrevet", "skriven",
)
#: Labels that name an author before a colon ("Autor: ...", "Auteur : ...", "Text: ...").
AUTHOR_LABEL_WORDS: tuple[str, ...] = (
    "author", "authors", "autor", "autorin", "autoren", "auteur", "auteurs", "autore", "autori", "autora",
    "text", "texte", "texto", "testo", "interview", "redakteur", "redakteurin", "verfasser", "verfasserin",
)
#: Lead words that name a publisher before "by" as often as an author ("Published by Tor Books").
PUBLISHER_LEAD_WORDS: frozenset[str] = frozenset(
    {"published", "publié", "publicado", "pubblicato", "veröffentlicht", "publiziert", "gepubliceerd"}
)
#: A line of the text that is a byline: "By ...", "Posted by ...", "Erstellt von ...".  (An "Author: ..."
#: line is often part of the article's own facts, a book's or a paper's, and stays.)
BYLINE_LINE = re.compile(
    rf"^\s*(?:(?:(?:ein|un|a)\s+)?"
    rf"(?:{'|'.join(w for w in BYLINE_LEAD_WORDS if w not in PUBLISHER_LEAD_WORDS)})"
    rf"\s+(?:by|von|vom|par|por|door|av|da|di)|by|von|par|por|di|door|av)\s+\S",
    re.IGNORECASE,
)
#: "5 min read", "Reading time: 4 minutes".
READING_TIME_LINE = re.compile(
    r"^\W*(reading\s+time\W*)?(\d+|an?|one)\s*(-\s*)?(min|mins|minutes?)\.?(\s+(read|reading))?\W*$"
    r"|^\W*(read(ing)?\s+time)\W+\d+\s*(min|mins|minutes?)\W*$",
    re.IGNORECASE,
)
#: A blog post's filing note: where it was posted and filed, the permalink, the comment feed.
POST_META_LINE = re.compile(
    r"^\W*(this\s+(entry|post)\s+was\s+posted\s+in|filed\s+under|posted\s+in\s+\S|abgelegt\s+unter|veröffentlicht\s+in\s+\S"
    r"|publié\s+dans|publicado\s+en\s+\S)"
    r"|\b(bookmark\s+the\s+permalink|lesezeichen\s+auf\s+den\s+permalink|und\s+(wurde\s+)?(unter|in)\s+.{1,120}\s+abgelegt"
    r"|abgelegt\s+unter|trackback-url|kommentarfeed|comments\s+feed|comments\s+rss)\b",
    re.IGNORECASE,
)
#: Lower-case words one of which every line that POST_META_LINE matches contains once lower-cased.
POST_META_LINE_WORDS = (
    "posted", "filed", "abgelegt", "permalink", "publi", "trackback", "kommentarfeed", "comments", "veröffentlicht",
)
#: A paragraph that discloses affiliate links or cookies rather than telling the story.
DISCLOSURE_LINE = re.compile(
    r"\b(?:we|i)\s+(?:may\s+)?(?:earn|receive|get)\s+(?:a\s+)?(?:small\s+)?(?:affiliate\s+)?(?:commission|compensation)"
    r"|\b(?:contains?|uses?|includes?)\s+affiliate\s+links\b|\bthis\s+(?:web)?site\s+uses\s+cookies\b"
    r"|\bwe\s+use\s+cookies\b"
    # rights and opinion notes: copyright, licence, "the author's opinion, not the editors'"
    r"|\bcopyrighted\b|\ball\s+rights\s+reserved\b|\bwritten\s+permission\b|\balle\s+rechte\s+vorbehalten\b"
    r"|\btous\s+droits\s+réservés\b|\bderechos\s+reservados\b|\bprawa\s+zastrzeżone\b|\bprawem\s+autorskim\b"
    r"|\b(?:licensed\s+under|unter\s+der\s+lizenz|sous\s+licence)\b"
    r"|\bdo(?:es)?\s+not\s+necessarily\s+(?:reflect|represent)\b|\bmeinung\s+des\s+autors\b|\bn'engagent\s+que\b",
    re.IGNORECASE,
)
#: An advertising label heading a paragraph ("Anzeige: ...", "*Werbung. Dieser Beitrag enthält
#: Werbung für ..."): the paragraph discloses an ad.  Matched at the start only.
AD_LABEL_LINE = re.compile(
    r"\W{0,3}(?:anzeige|werbung|advertorial|publicité|publicidad|pubblicità)\s*[:.,\-–—|/]", re.IGNORECASE
)
#: Lower-case words one of which every line that DISCLOSURE_LINE matches contains once lower-cased.
DISCLOSURE_LINE_WORDS = (
    "commission", "compensation", "affiliate", "cookies", "copyrighted", "reserv", "réserv", "zastrze", "autorsk",
    "permission", "vorbehalten", "licen", "lizenz", "necessarily", "meinung", "engagent",
)
#: A line of the comment form asking the reader to log in or to mind the rules, not a comment.
COMMENT_PROMPT_LINE = re.compile(
    r"\b(?:must|need\s+to)\s+be\s+(?:logged|signed)\s+in\s+to\s+(?:post|leave|write|add)\s+a\s+comment"
    r"|\bangemeldet\s+sein,?\s+um\s+(?:einen\s+)?kommentar|\bkommentare?\s+(?:verfassen|schreiben)\s+zu\s+können"
    r"|\b(?:einloggen|anmelden),?\s+um\s+(?:sich\s+an\s+(?:einer|der)\s+diskussion|(?:einen\s+)?kommentar|zu\s+kommentieren)"
    r"|\bnetiquette\b|\bêtre\s+connecté\s+pour\s+(?:publier|poster|écrire)\s+un\s+commentaire",
    re.IGNORECASE,
)
#: Parts of words one of which every line that COMMENT_PROMPT_LINE matches contains (as written,
#: capitalised or not): a cheap test before the regex search.
COMMENT_PROMPT_LINE_PARTS = ("omment", "iskussion", "etiquette")
#: A reading time inside a line ("Feb 8, 2020 · 5 min read").
READING_TIME = re.compile(r"\b\d+\s*-?\s*(?:min|mins|minutes?)\.?\s+(?:read|reading)\b", re.IGNORECASE)
#: Words that may stand around a date on a dateline of its own ("Updated on: March 5, 2024").
DATELINE_WORDS: frozenset[str] = frozenset(
    {"published", "updated", "posted", "last", "modified", "on", "at", "date", "reviewed", "am", "pm",
     "utc", "gmt", "est", "edt", "pst", "pdt", "cet", "cest", "bst",
     # the same words in the other languages presscut meets most
     "veröffentlicht", "veröffentlichung", "aktualisiert", "erstellt", "stand", "um", "uhr", "vom",
     "publié", "mis", "à", "jour", "le", "publicado", "actualizado", "el", "pubblicato", "aggiornato", "il",
     "gepubliceerd", "bijgewerkt", "op", "publikacja", "aktualizacja", "opublikowano"}
)

# -- page type ------------------------------------------------------------------------

#: JSON-LD / og:type values that mark an article.
ARTICLE_TYPES: frozenset[str] = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
        "report", "scholarlyarticle", "techarticle", "socialmediaposting", "posting", "review",
        "advertisercontentarticle", "satiricalarticle", "medicalscholarlyarticle", "howto", "recipe",
        "discussionforumposting", "question",
    }
)
#: JSON-LD types that mark a listing page.
LISTING_TYPES: frozenset[str] = frozenset({"collectionpage", "itemlist", "searchresultspage", "blog"})

#: Page types besides "article" and "listing", each with the evidence that votes for it:
#: JSON-LD ``@type`` / ``og:type`` values, and words of the URL path (split at non-letters).
PAGE_TYPE_CLAIMS: dict[str, frozenset[str]] = {
    "forum": frozenset({"discussionforumposting", "qapage", "question", "answer"}),
    "product": frozenset({"product", "productgroup", "offer", "aggregateoffer", "product.item", "og:product"}),
    "documentation": frozenset({"techarticle", "apireference", "softwaresourcecode"}),
    "service": frozenset({"service", "professionalservice", "localbusiness", "financialproduct", "course"}),
}
#: Types that are the entries of an FAQ on a page that declares one (``FAQPage``): no forum's thread then.
FAQ_PAGE, FAQ_PARTS = "faqpage", frozenset({"question", "answer"})
#: Types that, beside an article (:data:`ARTICLE_TYPES`), name its context and not the page: the business that
#: publishes it, the blog it belongs to, a list inside it (a listicle's items).
ARTICLE_CONTEXT_TYPES = frozenset({"localbusiness", "professionalservice", "blog", "itemlist"})
PAGE_TYPE_PATH_WORDS: dict[str, frozenset[str]] = {
    "forum": frozenset({"forum", "forums", "thread", "threads", "topic", "topics", "t", "viewtopic", "showthread",
                        "discussion", "discussions", "community", "questions", "comments", "talk", "board", "boards",
                        "discuss", "bbs", "d"}),
    "product": frozenset({"product", "products", "p", "dp", "itm", "item", "shop", "store", "buy", "listing"}),
    "listing": frozenset({"collections", "collection", "category", "categories", "catalog", "tag", "tags",
                          "search", "archive", "archives", "list", "lists", "rankings", "directory", "browse"}),
    "documentation": frozenset({"docs", "doc", "documentation", "manual", "reference", "api", "handbook", "kb",
                                "knowledgebase", "help", "tutorial", "tutorials", "wiki", "man", "guide", "learn"}),
    "service": frozenset({"services", "service", "solutions", "pricing", "plans", "consulting", "agency",
                          "hire", "quote", "rental", "rentals", "programs", "admissions", "insurance"}),
}
#: Visible text that marks a product page (a price, a basket button).
PRICE_TEXT = re.compile(
    r"(?:[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:€|(?:EUR|USD|GBP)\b))|\b(?:add\s+to\s+(?:cart|bag|basket)|in\s+den\s+warenkorb|"
    r"ajouter\s+au\s+panier|buy\s+now|in\s+stock|out\s+of\s+stock|free\s+shipping)\b",
    re.IGNORECASE,
)

# -- attribution --------------------------------------------------------------------------

#: Wire agencies: canonical name -> the names and abbreviations they are credited by.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "EFE": ("EFE", "Agencia EFE"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "ANSA": ("ANSA",),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "PA": ("PA", "PA Media", "Press Association"),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap", "Yonhap News Agency"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "TASS": ("TASS",),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg",),
    "AAP": ("AAP", "Australian Associated Press"),
    "Canadian Press": ("The Canadian Press", "Canadian Press", "CP"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "Europa Press": ("Europa Press",),
    "Lusa": ("Lusa",),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti",),
    "Jiji": ("Jiji", "Jiji Press"),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "APA": ("APA",),
    "Belga": ("Belga",),
    "ANP": ("ANP",),
    "KNA": ("KNA",),
    "epd": ("epd",),
    "PAP": ("PAP",),
    "CTK": ("CTK", "ČTK"),
    "NTB": ("NTB",),
    "TT": ("TT",),
    "Ritzau": ("Ritzau",),
    "STT": ("STT",),
}
#: Labels that introduce a credited source at the end of an article.
SOURCE_LABELS: tuple[str, ...] = ("source", "sources", "quelle", "fuente", "fonte", "bron", "källa", "kilde")
#: A short line that only credits where the article came from ("Quelle: Landesregierung",
#: "Sources:"): its credit, read for the attribution, not its text.
SOURCE_CREDIT_LINE = re.compile(
    rf"^\W{{0,2}}(?:{'|'.join(SOURCE_LABELS)}|quellen|quellenangaben?)\s*:", re.IGNORECASE
)

# -- authors --------------------------------------------------------------------------------

#: Words that mark an author string as an organisation or a desk, not a person.
NON_PERSON_WORDS: frozenset[str] = frozenset(
    {
        "staff", "team", "editors", "editor", "editorial", "desk", "newsroom", "news", "agency",
        "reporters", "reporter", "correspondent", "correspondents", "admin", "administrator",
        "contributors", "guest", "media", "press", "online", "digital", "bureau", "wire", "wires",
        "redaktion", "rédaction", "redacción", "redazione", "inc", "ltd", "llc", "gmbh",
        # page furniture that lands in byline boxes
        "bio", "full", "about", "learn", "more", "view", "read", "follow", "profile", "posts", "articles",
        "contact", "email", "share", "reviewed", "fact", "checked", "written", "updated", "published",
        "sponsored", "home", "menu", "search", "login", "subscribe", "comments", "minute", "minutes", "min",
        "author", "authors", "by", "the", "our", "your", "all", "latest",
        # labels of a date or a sponsor that land in byline boxes ("Datum", "Stand", "Gesponserte Inhalte")
        "datum", "stand", "gesponserte", "gesponsert", "inhalte", "anzeige",
    }
)
#: Day and month names (and their abbreviations) that are never a one-word author: a date's piece left
#: in a byline ("Sat", "Sun"). Months that are also given names ("May", "June") are not here.
CALENDAR_WORDS: frozenset[str] = frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
     "oct", "nov", "dec", "january", "february", "march", "july", "september", "october", "november",
     "december",
     # German, French, Spanish and Italian days and months (those that are also names or surnames, such
     # as "Domingo", "Sabato", "Julio", "Abril", "Mars", are left out)
     "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "januar",
     "februar", "märz", "juni", "juli", "oktober", "dezember", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
     "samedi", "dimanche", "février", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "lunes",
     "martes", "miércoles", "jueves", "viernes", "sábado", "enero", "febrero", "junio", "septiembre", "octubre",
     "noviembre", "diciembre", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "gennaio", "febbraio",
     "giugno", "luglio", "settembre", "ottobre", "dicembre"}
)
#: Lower-case words that may sit inside a person's name ("Ludwig van Beethoven").
NAME_PARTICLES: frozenset[str] = frozenset(
    {"van", "von", "de", "der", "den", "da", "das", "do", "dos", "di", "del", "della", "la", "le", "du",
     "bin", "ibn", "al", "el", "ter", "ten", "y", "e", "zu", "af", "av", "mac", "st."}
)

# -- dates ------------------------------------------------------------------------------

#: A label that says the date after it is the publication date ("Published on", "Posted:"),
#: in the languages presscut meets most.
PUBLISHED_LABEL = re.compile(
    r"\b(?:published|posted|veröffentlicht|publiziert|erschienen|publié|paru|publicado|publicada"
    r"|pubblicato|gepubliceerd)\b(?:\s+(?:on|am|le|el|il|op))?[:\s]",
    re.IGNORECASE,
)
#: A label that says the date after it is a revision's, not the publication's ("Last updated:").
UPDATED_LABEL = re.compile(
    r"\b(?:(?:last\s+)?(?:updated|modified|revised|reviewed)|aktualisiert|geändert|mis\s+à\s+jour|modifié"
    r"|actualizado|modificado|aggiornato|modificato|bijgewerkt)\b",
    re.IGNORECASE,
)
#: How far after a :data:`PUBLISHED_LABEL` its date may start.
LABELLED_DATE_CHARS = 40
