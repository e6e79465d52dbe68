"""The vocabulary of text cleaning, as data.

Everything the cleaning rules recognise by wording lives here, so that a new
language or a new kind of page furniture is a line of data, not a new branch.

Patterns in :data:`FURNITURE` and :data:`LIST_HEADERS` are regular expressions
matched against a line's *key*: the whole line, case-folded, with a leading
bullet and trailing punctuation (``:`` ``|`` ``.`` ``»`` ...) removed.  A
pattern must match the whole key, so ``share`` removes "Share:" but not
"Share prices fell on Monday."  Word lists are case-folded sets.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text."""
    return frozenset(text.split())


# -- page furniture -----------------------------------------------------------------

#: Reason -> patterns for whole lines that are page furniture.  The first reason
#: whose pattern matches wins.
FURNITURE: dict[str, tuple[str, ...]] = {
    "navigation": (
        r"skip( to)?( the)? (main )?(content|navigation|search|article)",
        r"jump to (main )?(content|navigation)",
        r"back to top",
        r"(main |open |close )?menu",
        r"toggle (navigation|menu)",
        r"search( this site)?",
        r"(log|sign) ?(in|out)",
        r"my account",
        r"(direkt )?zum (haupt)?inhalt( springen)?",
        r"(saltar|ir) al contenido( principal)?",
        r"(aller|passer) au contenu( principal)?",
        r"перейти к (основному )?(содержанию|контенту|содержимому)",
        r"перейти до (основного )?(змісту|контенту|вмісту)",
        r"(pular|ir) para o conteúdo( principal)?",
        r"(vai|salta) al contenuto( principale)?",
        r"przejdź do (głównej )?(treści|zawartości)",
    ),
    "social": (
        r"share",
        r"share (this|the) (article|story|page|post|link|video)",
        r"share (this|the) (article|story|page|post|link|video) (on|via|with) [\w.+&, ]{1,40}",
        r"share (on|via) (facebook|twitter|x|whatsapp|telegram|linkedin|reddit|e-?mail|messenger|bluesky)"
        r"([ ,&+]+(and |or )?(facebook|twitter|x|whatsapp|telegram|linkedin|reddit|e-?mail|messenger|bluesky))*",
        r"copy link|link copied",
        r"follow us( (on|at|via) [\w.+&, ]{1,60})?",
        r"(compartir|comparte|compártelo)( (esta|la) (noticia|nota|historia))?( en [\w.+&, ]{1,40})?",
        r"((artikel|beitrag) )?teilen( (auf|via|per) [\w.+&, ]{1,40})?",
        r"partager( (cet|l') ?article)?( sur [\w.+&, ]{1,40})?",
        r"поделиться( в [\w.+&, ]{1,40})?",
        r"поширити|поділитися",
        r"(compartilhe|compartilhar)( (esta|a) (notícia|matéria))?",
        r"condividi( su [\w.+&, ]{1,40})?",
        r"udostępnij",
        r"síguenos( en [\w.+&, ]{1,60})?",
        r"folgen sie uns( auf [\w.+&, ]{1,60})?",
        r"suivez[- ]nous( sur [\w.+&, ]{1,60})?",
        r"(подписывайтесь на нас|следите за нами)( в [\w.+&, ]{1,60})?",
        r"(стежте за нами|підписуйтесь на нас)( в [\w.+&, ]{1,60})?",
        r"siga-nos( n[oa] [\w.+&, ]{1,60})?",
        r"seguici( su [\w.+&, ]{1,60})?",
        r"obserwuj nas( na [\w.+&, ]{1,60})?",
    ),
    "newsletter": (
        r"subscribe( now| here| today)?",
        r"subscribe to (our|the) [\w' -]{0,40}(newsletter|briefing|bulletin|digest|alerts|podcast|channel)s?"
        r"( [\w' -]{0,60})?",
        r"sign up( now| here| today| free| for free)?",
        r"sign up (for|to) (our|the|a) [\w' -]{0,40}(newsletter|briefing|bulletin|digest|alerts?|updates|e-?mails?)"
        r"( [\w' -]{0,60})?",
        r"(get|receive) (our|the) [\w' -]{0,40}(newsletter|briefing|bulletin|digest)( [\w' -]{0,60})?",
        r"((daily|weekly|free) )?newsletter",
        r"(suscríbete|suscríbase)( (a|al) [\w ]{0,40}(boletín|newsletter)[\w ]{0,40})?",
        r"(jetzt )?(newsletter )?abonnieren",
        r"abonnieren sie (unseren|den) [\w ]{0,40}newsletter[\w ]{0,40}",
        r"(abonnez-vous|inscrivez-vous)( (à|a) (notre|la) [\w' ]{0,40}newsletter[\w' ]{0,40})?",
        r"(подпишитесь|подписывайтесь) на (нашу )?(рассылку|телеграм[- ]канал|наш [\w ]{0,30}канал)[\w ]{0,40}",
        r"(підпишіться|підписуйтесь) на (нашу )?(розсилку|телеграм[- ]канал|наш [\w ]{0,30}канал)[\w ]{0,40}",
        r"(assine|inscreva-se)( (a|na) (nossa )?newsletter[\w ]{0,40})?",
        r"iscriviti( alla (nostra )?newsletter[\w ]{0,40})?",
        r"(zapisz się|zasubskrybuj)( (do|na) [\w ]{0,40}newsletter[\w ]{0,40})?",
    ),
    "cookie-notice": (
        r"(?=.*\b(accept|agree|consent|experience|policy|settings|preferences|privacy|brows|continu))"
        r"(we|this (web)?site|our (web)?site|this page) uses? cookies\b.{0,400}",
        r"by (continuing|using) (to use |to browse )?(this|our) (web)?site.{0,300}(cookies|privacy|terms).{0,200}",
        r"(accept|reject|allow|manage) (all )?cookies",
        r"cookie (settings|policy|preferences|consent)",
        r"(utilizamos|usamos|este sitio (web )?(usa|utiliza)|este site (usa|utiliza)) cookies\b.{0,400}",
        r"(wir verwenden|wir nutzen|diese (web)?seite verwendet|diese website verwendet) cookies\b.{0,400}",
        r"(nous utilisons|ce site utilise) (des )?cookies\b.{0,400}",
        r"(мы используем|этот сайт использует) (файлы )?cookie.{0,400}",
        r"(ми використовуємо|цей сайт використовує) (файли )?cookie.{0,400}",
        r"(utilizziamo|questo sito (utilizza|usa)) (i )?cookie.{0,400}",
        r"(używamy|ta strona używa) (plików )?cookie.{0,400}",
    ),
    "advertisement": (
        r"advertisement|advertising|advert|ads?|sponsored( content)?|paid (post|content|partnership)",
        r"promoted( content)?",
        r"(story|article) continues (below|after)( (this|the))?( advertisement| ad)?",
        r"scroll (down )?to continue( reading| with content)?",
        r"continue reading( below)?( the main story)?",
        r"publicidad|anuncio|anzeige|werbung|publicité|реклама|pubblicità|publicidade|reklama",
    ),
    "copyright": (
        r"(©|\(c\)|℗).{0,200}",
        r"copyright ?(©|\(c\)|\d{4}).{0,200}",
        r".{0,150}\ball rights reserved\b.{0,100}",
        r".{0,150}(todos los derechos reservados|alle rechte vorbehalten|tous droits réservés"
        r"|все права защищены|усі права захищені|всі права захищені|todos os direitos reservados"
        r"|tutti i diritti riservati|wszelkie prawa zastrzeżone).{0,100}",
    ),
    "comments": (
        r"comments?( ?\(\d+\)| \d+)?",
        r"\d+ comments?",
        r"(show|view|load|read|see|hide) (all )?(\d+ )?comments?",
        r"(leave|post|add|write) a (comment|reply)",
        r"join the (conversation|discussion)",
        r"(comentarios|comentários|kommentare|commentaires|commenti|комментарии|коментарі|komentarze)"
        r"( ?\(\d+\)| \d+)?",
    ),
    "image-file": (
        r"[\w\-.()~%+]{1,200}\.(jpe?g|png|gif|webp|svg|avif|bmp|tiff?|heic)",
        r"https?://\S{1,300}\.(jpe?g|png|gif|webp|svg|avif|bmp|tiff?|heic)(\?\S*)?",
    ),
    "photo-credit": (
        r"\(?(photo|photograph|picture|image|foto|fotografía|bild|фото|світлина|illustration)s?"
        r"( credits?)? ?[:©|] ?.{1,160}",
        r"\((photo|photograph|picture|image|foto|bild|фото|illustration)s? (by|courtesy( of)?|von|de|par|di)"
        r" [^()]{1,120}\)",
        r"(photo|photograph|picture|image|foto|bild|фото|illustration)s? (by|courtesy( of)?|von|par|di)"
        r" [^\s.!?]+( [^\s.!?]+){0,3}",
        r"\(?(image|photo|picture) credits? .{1,120}",
        r"\(?[\w .'-]{0,40}\b(photo|foto) ?/ ?[^()]{1,80}\)?",
        r"\(?[\w .&'-]{1,60} ?/ ?(getty images|afp|reuters|ap|epa|shutterstock|alamy|istock|anadolu|sipa)"
        r"( via getty images)?\)?",
        r"(getty images|shutterstock|istock(photo)?|alamy)( via [\w .&'-]{1,40})?",
    ),
    "reading-time": (
        r"\d{1,3} ?(min|mins|minutes?) (read|reading)",
        r"(reading time|lesezeit|tiempo de lectura|temps de lecture|время чтения|час читання|tempo de leitura"
        r"|tempo di lettura|czas czytania):? ?\d{1,3} ?(min|mins|minutes?|minuten|minutos|minuti|мин|хв|minut)",
    ),
    "staff-credit": (
        r"\((additional )?(reporting|writing|editing|compiled) by [^()]{1,200}\)",
    ),
}

#: Headers of a block of links to other stories.  The header and the short
#: headline-like lines right after it are removed.
LIST_HEADERS: tuple[str, ...] = (
    r"trending( now| stories| topics)?",
    r"most (read|popular|viewed|shared|commented|watched)( (stories|articles|news|today|this week))?",
    r"(related|more|top|latest|recommended|popular|other|similar) "
    r"(stories|articles|news|posts|reads|coverage|videos|content|links|topics)",
    r"read (more|next|also)",
    r"also read",
    r"you (may|might) (also )?(like|enjoy|be interested in|have missed)",
    r"recommended for you",
    r"editor'?s'? (picks|choice)",
    r"don'?t miss",
    r"what to read next",
    r"lo más (leído|visto)",
    r"(las )?más leídas",
    r"noticias relacionadas",
    r"te puede interesar",
    r"(lee|lea) también",
    r"más noticias",
    r"meistgelesen(e artikel)?",
    r"das könnte sie auch interessieren",
    r"mehr zum thema",
    r"lesen sie auch",
    r"weitere artikel",
    r"(ähnliche|verwandte) artikel",
    r"les plus lus",
    r"(à |a )?lire aussi",
    r"sur le même sujet",
    r"самое (читаемое|популярное)",
    r"популярное",
    r"(читайте|смотрите) также",
    r"(новости )?по теме",
    r"найпопулярніше",
    r"популярне",
    r"(читайте|дивіться) також",
    r"новини на тему",
    r"mais lidas",
    r"(leia|veja) também",
    r"notícias relacionadas",
    r"(i )?più letti",
    r"leggi anche",
    r"(articoli|notizie) correlat[ie]",
    r"najczęściej czytane",
    r"czytaj (także|też|więcej)",
)
#: Headers that may also head a real section ("Related" over a list of papers,
#: "Further reading" over references): removed only when a headline-like line
#: (a link) or nothing follows them.
SECTION_HEADERS: tuple[str, ...] = (
    r"related",
    r"see also",
    r"further reading",
    r"recommended",
    r"up next",
    r"in other news",
    r"more on this( story| topic)?",
    r"siehe auch",
    r"voir aussi",
    r"véase también",
    r"vedi anche",
    r"zobacz (także|też)",
)

# -- cross-promotion --------------------------------------------------------------

#: Lead-ins (before a colon) that introduce a link to another story.  A line
#: "LEAD-IN: Headline" is cross-promotion; the list is evidence, not the rule.
CROSS_PROMO_LEADINS: frozenset[str] = frozenset(
    {
        "read also", "also read", "read more", "read next", "see also", "see more", "related",
        "watch", "watch now", "listen", "listen now", "more", "must read", "don't miss", "recommended",
        "lea también", "lee también", "lea más", "lee más", "ver también", "ver más", "te puede interesar",
        "lesen sie auch", "lesen sie mehr", "mehr zum thema", "siehe auch", "auch interessant",
        "lire aussi", "à lire aussi", "voir aussi", "lire plus",
        "читайте также", "смотрите также", "читайте", "читайте также на",
        "читайте також", "дивіться також", "читайте більше",
        "leia também", "leia mais", "veja também", "veja mais", "saiba mais",
        "leggi anche", "guarda anche", "leggi di più",
        "czytaj także", "czytaj też", "czytaj więcej", "zobacz też", "zobacz także",
    }
)
#: Words that hint at cross-promotion inside an unknown upper-case lead-in ("ALSO READ", "WATCH NOW").
CROSS_PROMO_CUES: frozenset[str] = frozenset(
    {
        "read", "see", "watch", "listen", "related", "also", "more",
        "lea", "lee", "ver", "también", "lesen", "siehe", "auch", "mehr", "lire", "voir", "aussi",
        "читайте", "смотрите", "также", "дивіться", "також", "leia", "veja", "saiba", "também",
        "leggi", "guarda", "anche", "czytaj", "zobacz", "także", "też",
    }
)

# -- attribution ------------------------------------------------------------------

#: Labels of a "Label: Name" credit line ("Source: Reuters", "Fuente: EFE").
ATTRIBUTION_LABELS: tuple[str, ...] = (
    "source", "sources", "fuente", "fuentes", "quelle", "quellen", "fonte", "fontes", "fonti",
    "источник", "источники", "джерело", "джерела", "źródło", "źródła", "bron", "källa", "kilde",
)
#: Phrases (regular expressions) that introduce a credited source ("With information from Reuters").
ATTRIBUTION_PHRASES: tuple[str, ...] = (
    r"with (additional )?(information|reporting|files|material) (from|by|of)",
    r"based on (reporting|information) (from|by)",
    r"con (información|informaci[oó]n|datos) (de|del)",
    r"mit (material|informationen|agenturmaterial) (von|der|des)",
    r"avec (les informations de|l'|l’)?",
    r"com informações d[aoe]s?",
    r"con informazioni d[ia]",
    r"по (материалам|информации|данным)",
    r"за (матеріалами|інформацією|даними)",
    r"z informacji",
)
#: Words that may precede an agency's name on a bare credit line ("(Avec AFP)", "— with AP").
ATTRIBUTION_CONNECTORS: tuple[str, ...] = ("with", "avec", "con", "mit", "com", "с", "з", "z")
#: Wire agencies and the names they are credited by (matched case-insensitively).
AGENCIES: frozenset[str] = frozenset(
    {
        "AP", "Associated Press", "The Associated Press", "Reuters", "Thomson Reuters", "AFP",
        "Agence France-Presse", "Agence France Presse", "EFE", "Agencia EFE", "dpa", "Deutsche Presse-Agentur",
        "ANSA", "Xinhua", "PA", "PA Media", "Press Association", "Kyodo", "Kyodo News", "Yonhap", "Anadolu",
        "Anadolu Agency", "TASS", "ТАСС", "RIA Novosti", "РИА Новости", "Interfax", "Интерфакс",
        "Интерфакс-Украина", "Ukrinform", "Укрінформ", "UNIAN", "УНІАН", "UPI", "Bloomberg", "AAP", "PTI",
        "IANS", "Europa Press", "Lusa", "Agência Brasil", "ANP", "Belga", "APA", "KNA", "epd", "PAP", "ČTK",
        "CTK", "NTB", "TT", "Ritzau", "STT", "Notimex", "Télam", "Prensa Latina", "Jiji", "Bernama", "Antara",
    }
)

# -- titles ----------------------------------------------------------------------------

#: First words of a byline or a date line ("By Mara Quill", "Updated 3 March"): such a
#: line at the top is never taken for the headline.
BYLINE_WORDS: frozenset[str] = _words(
    """
    by von por par di door av autor автор published updated posted modified veröffentlicht aktualisiert
    publicado actualizado atualizado publié opublikowano опубликовано обновлено опубліковано оновлено
    pubblicato aggiornato
    """
)

# -- menus and sites ---------------------------------------------------------------

#: Names of sharing services: a run of them is a share bar, counted like menu entries.
SOCIAL_WORDS: frozenset[str] = _words(
    """
    facebook twitter x whatsapp telegram linkedin reddit pinterest email e-mail print tweet messenger
    bluesky threads instagram tiktok youtube vk vkontakte viber flipboard mastodon
    """
)
#: Section names typical of a site's menu; a run of short lines holding them is navigation.
NAV_WORDS: frozenset[str] = frozenset(
    {
        "home", "news", "world", "sport", "sports", "business", "politics", "opinion", "culture", "arts",
        "lifestyle", "life", "travel", "tech", "technology", "science", "health", "entertainment", "video",
        "videos", "podcasts", "weather", "local", "national", "international", "economy", "markets", "money",
        "education", "environment", "climate", "food", "style", "fashion", "motoring", "jobs", "property",
        "obituaries", "puzzles", "games", "crosswords", "newsletters", "live", "latest", "contact",
        "about", "about us", "contact us", "more", "menu", "search", "login", "log in",
        "inicio", "portada", "noticias", "mundo", "deportes", "economía", "política", "opinión", "cultura",
        "sociedad", "internacional", "nacional", "tecnología", "ciencia", "salud",
        "startseite", "nachrichten", "politik", "wirtschaft", "kultur", "panorama", "wissen", "meinung",
        "reise", "regional",
        "accueil", "actualités", "monde", "politique", "économie", "société", "sciences", "santé",
        "главная", "новости", "мир", "политика", "экономика", "спорт", "культура", "общество", "наука",
        "происшествия", "регионы",
        "головна", "новини", "світ", "політика", "економіка", "суспільство",
        "início", "notícias", "economia", "esporte", "esportes", "desporto", "sociedade",
        "notizie", "mondo", "cronaca", "esteri", "strona główna", "wiadomości", "świat", "polityka",
        "gospodarka",
    }
)
#: Second-level labels under a country code ("co" in ``example.co.uk``), skipped to find a site's name.
SECOND_LEVEL_LABELS: frozenset[str] = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "gv"})

# -- glued words ---------------------------------------------------------------------

#: Very common words per language (case-folded).  A piece of a glued token
#: that is one of these counts as a known word; a token that is one of these
#: (including compounds such as "without", "dabei", "porque") is never split.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        the a an and or but nor so yet if then than that this these those there their they them he she it
        its his her him we us our you your i me my who whom whose which what where when while why how
        with without within from into onto upon of to in on at by for as about above after against ahead
        along amid among around before behind below beneath beside between beyond during except inside
        near off out outside over past since through throughout toward towards under until unlike up via
        be is are was were been being am have has had having do does did done will would shall should can
        could may might must not no yes also only just very more most much many some any all each every both
        either neither other another such same own said says say told according including despite although
        though because however therefore moreover meanwhile nevertheless nonetheless furthermore whereas
        whereby wherever whenever whatever whoever somewhat someone anyone everyone somebody anybody
        everybody nobody something anything everything nothing somewhere anywhere everywhere nowhere
        elsewhere cannot itself himself herself themselves ourselves yourself myself hereby thereby therein
        herein thereafter hereafter forthwith herewith therewith overall worthwhile aforesaid maybe forever
        now here again still even well back new first last one two
        """
    ),
    "es": _words(
        """
        el la los las un una unos unas lo al del de en y e o u a que qué quien quienes cual cuál cuales cuyo
        cuya donde dónde cuando cuándo como cómo mientras según después antes desde hasta hacia sobre entre
        tras durante contra sin con por para pero sino aunque porque pues si no sí ya más muy también
        tampoco solo sólo todo toda todos todas otro otra otros otras este esta estos estas ese esa esos
        esas aquel su sus se le les me te nos él ella ellos ellas yo tú usted ustedes es son era eran fue
        fueron ha han había habían ser estar está están hay dijo afirmó aseguró explicó señaló luego ante
        bajo cada además asimismo adonde conque porqué contradijo
        """
    ),
    "de": _words(
        """
        der die das den dem des ein eine einen einem einer eines und oder aber doch denn sondern dass ob
        wenn als wie weil während nachdem bevor obwohl damit sodass sowie sowohl seit bis mit von vom zu
        zum zur bei beim nach aus auf an am in im ins über unter vor hinter neben zwischen durch für gegen
        ohne um er sie es wir ihr ich du man sich sein seine ihre ihren ihrem nicht kein keine auch noch
        schon nur sehr mehr hier dort da so jedoch zudem außerdem wurde wurden wird werden ist sind war
        waren hat haben hatte hatten sagte laut dabei dafür dagegen danach daher darum deshalb deswegen
        trotzdem hierbei wobei womit wodurch worauf jeder jede jedes wieder dennoch immer bereits etwa dann
        """
    ),
    "fr": _words(
        """
        le la les l un une des du de d et ou mais donc or ni car que qui quoi dont où quand lorsque puisque
        quelque comme si ne pas plus très aussi ainsi alors après avant avec sans sous sur dans en par pour
        pendant depuis selon vers chez entre contre malgré il elle ils elles on nous vous je tu se sa son
        ses leur leurs ce cet cette ces est sont était étaient a ont avait avaient été être avoir fait
        tandis cependant toutefois néanmoins pourtant parce déclaré
        """
    ),
    "ru": _words(
        """
        и в во не на что с со как а но по к ко у из за от о об для до при же бы ли то это этот эта эти он
        она они оно мы вы я его ее её их ему ей им был была были было быть есть также тоже только уже еще
        ещё когда где куда который которая которое которые которых после перед через между чтобы если
        потому поэтому однако или даже все всё весь сказал сказала заявил заявила отметил отметила так
        там тут здесь ничто нечто никак нигде никогда никто наперед около более менее пока некоторый
        некоторая некоторое некоторые некоторых некоторым
        """
    ),
    "uk": _words(
        """
        і й та в у на що з із зі як а але по до від для при про за о об не же б би чи це цей ця ці він
        вона вони воно ми ви я його її їх йому їй їм був була були було бути є також тільки лише вже ще
        коли де куди який яка яке які яких після перед через між щоб якщо тому однак проте або навіть усі
        всі все весь сказав сказала заявив заявила зазначив зазначила так там тут ніщо ніде ніколи ніхто
        близько більше менше поки під над деякий деяка деяке деякі деяких доколи
        """
    ),
    "pt": _words(
        """
        o a os as um uma uns umas de do da dos das em no na nos nas e ou mas que quem qual quais cujo cuja
        onde quando como enquanto segundo após depois antes desde até sobre entre durante contra sem com
        por pelo pela pelos pelas para porém contudo embora porque pois se não sim já mais muito também só
        todo toda todos todas outro outra este esta esse essa isso isto ele ela eles elas seu sua seus suas
        lhe é são era eram foi foram tem têm tinha ser estar está estão há disse afirmou ao aos à às num
        numa além ainda assim
        """
    ),
    "it": _words(
        """
        il lo la i gli le un uno una di del dello della dei degli delle a al allo alla ai agli alle da dal
        dalla dai in nel nello nella nei nelle su sul sulla con per tra fra e ed o ma che chi cui dove
        quando come mentre secondo dopo prima durante contro senza però perché poiché anche ancora già più
        molto non sì se si ci ne questo questa questi quello quella lui lei loro suo sua suoi sue è sono
        era erano fu ha hanno aveva essere avere stato detto siccome affinché sebbene tuttavia quindi
        dunque oppure
        """
    ),
}

#: Words that often follow a lost space and rarely end a real word: the right-hand
#: piece of a glued token without a case change ("Kyivwhere" -> "Kyiv where").
GLUE_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        the and that which where when while with from after ahead were was said says this they their
        these those would could should been because during until amid despite including according
        although whose what who for has had since than into there then
        """
    ),
    "es": _words(
        """
        donde cuando mientras según después desde sobre entre pero como dijo aunque porque durante hasta
        antes luego también cual quien quienes con del afirmó aseguró explicó señaló
        """
    ),
    "de": _words(
        """
        und dass sowie während nachdem obwohl weil jedoch wurde wurden hatte hatten nicht auch aber oder
        seit bereits zudem
        """
    ),
    "fr": _words(
        """
        qui dont lorsque alors selon après avant depuis mais quand parce avait était pour avec dans cette
        tandis ainsi
        """
    ),
    "ru": _words(
        """
        где когда который которая которые которое после чтобы также однако заявил заявила сказал сказала
        что как если потому перед через поэтому отметил отметила
        """
    ),
    "uk": _words(
        """
        який яка яке які коли після також заявив заявила сказав сказала через щоб проте однак якщо тому
        зазначив зазначила
        """
    ),
    "pt": _words(
        """
        onde quando enquanto segundo após depois disse afirmou porque como também durante desde sobre entre
        porém contudo embora cujo cuja
        """
    ),
    "it": _words(
        """
        dove quando mentre secondo dopo durante perché però aveva erano sono della delle degli anche hanno
        """
    ),
}

#: Short words that open a sentence: a capitalised one glued to the word before
#: marks a lost sentence break ("KyivThe" -> "Kyiv The", "BerlinDie" -> "Berlin Die").
SENTENCE_OPENERS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        the a an he she it we they i you this that these those there his her its their our in on at as by
        for from with after before when while if but and
        """
    ),
    "es": _words(
        """
        el la los las un una unos unas lo al del en con por para según tras pero y que cuando donde
        mientras este esta estos estas ese esa él ella ellos ellas su sus se
        """
    ),
    "de": _words(
        """
        der die das den dem des ein eine einen einem einer er sie es wir ich man im in am an auf aus bei
        mit nach von vom zu zum zur und aber doch denn als wenn während nachdem diese dieser dieses
        """
    ),
    "fr": _words(
        """
        le la les un une des du de il elle ils elles on nous je ce cet cette ces en dans sur sous avec
        pour par après avant mais et ou quand lorsque selon
        """
    ),
    "ru": _words("он она они оно мы я вы это этот эта эти в во на по из за с со к у о при после но и а когда где если"),
    "uk": _words("він вона вони воно ми я ви це цей ця ці в у на по з із за до від при після але і та коли де якщо"),
    "pt": _words(
        """
        o a os as um uma uns umas ele ela eles elas eu no na nos nas em com por para segundo após mas e
        ou quando onde enquanto este esta esse essa isso
        """
    ),
    "it": _words(
        """
        il lo la i gli le un uno una lui lei loro noi io nel nella nei nelle in con per su da dopo ma e o
        quando dove mentre questo questa questi secondo
        """
    ),
}

#: Names whose internal capitals are part of the name (case-folded); never split.
PROTECTED_WORDS: frozenset[str] = _words(
    """
    youtube iphone ipad ipod imac ebay macbook mcdonald mcdonalds linkedin paypal playstation wechat
    whatsapp facebook instagram tiktok github gitlab javascript typescript powerpoint wordpress wework
    myspace oneplus fedex blackrock blackberry exxonmobil astrazeneca biontech glaxosmithkline
    pricewaterhousecoopers harpercollins easyjet airbnb spacex openai deepmind chatgpt softbank snapchat
    dropbox mastercard jetblue starlink hellofresh huffpost bluesky bundesliga laliga
    """
)
#: Name prefixes followed by a capital inside one name ("McAllister", "DeSantis", "LaGuardia").
NAME_PREFIXES: frozenset[str] = _words(
    """
    mc mac o d de di da du la le lo van von fitz st al el ben bin ibn del della dos das des ter ten
    vander ap
    """
)
