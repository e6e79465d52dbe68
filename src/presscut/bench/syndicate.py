"""A labelled syndication set: one story copied across outlets, and distinct stories that quote it.

From any list of base texts (:func:`generated_bases`: the bodies of
``presscut.bench.generate`` pages; :func:`wcxb_bases`: the gold texts of
``../shared/bench/wcxb-dev``), :func:`syndicate` makes, per base:

* the original, on one fictional outlet, at a random time, sometimes credited
  to a wire agency;
* 0-7 copies on other outlets, hours to days later, each with its own
  headline and furniture lines, and some of: truncation to a teaser (30-70%
  of the words), dropped paragraphs, swapped or moved paragraphs, sentence
  edits (words changed, added, removed; a sentence rewritten), a local
  paragraph added;
* sometimes a follow-up: a *distinct* story on the same topic (the
  original's place and headline words) built from another base text, which
  quotes one or two sentences of the original.  It must not be merged.

Every article is labelled with its true story; follow-ups also with the story
they quote.  Output depends only on the bases and ``seed``.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from presscut.article import Article
from presscut.errors import InputError

#: Fictional outlets that carry copies (domains under ``.example``).
OUTLETS: tuple[tuple[str, str], ...] = (
    ("The Harbour Gazette", "harbourgazette.example"), ("Saltmere Echo", "saltmere-echo.example"),
    ("Valemont Courier", "valemontcourier.example"), ("Brackenford Post", "brackenfordpost.example"),
    ("Northreach Daily", "northreachdaily.example"), ("Eastfold Herald", "eastfoldherald.example"),
    ("Lakeshore Ledger", "lakeshoreledger.example"), ("Thornbury Sentinel", "thornburysentinel.example"),
    ("Greyhaven Evening Star", "greyhavenstar.example"), ("Averne Valley Times", "avernevalleytimes.example"),
    ("Kestrel Bay Chronicle", "kestrelbay.example"), ("Millbrook Observer", "millbrookobserver.example"),
    ("Pinecrest Tribune", "pinecresttribune.example"), ("Westmarch Journal", "westmarchjournal.example"),
    ("Gull Island Beacon", "gullislandbeacon.example"), ("Carrick Vale Advertiser", "carrickvale.example"),
)
AGENCIES: tuple[str, ...] = ("Meridian Press", "Continental Wire", "Northern News Service", "Atlas Agency")
#: Lines an outlet's extraction may leave around a copy (``{outlet}``, ``{agency}`` filled in).
FURNITURE: tuple[str, ...] = (
    "Follow {outlet} for more local news.",
    "This story was first published by {agency}.",
    "Copyright {agency}. All rights reserved.",
    "Additional reporting by {outlet} staff.",
    "Sign up for the {outlet} morning briefing.",
    "Have a story tip? Contact the {outlet} newsroom.",
)
HEADLINE_LEADS: tuple[str, ...] = ("Update:", "Breaking:", "Watch:", "Live:", "Explainer:", "Analysis:")
FILLER_WORDS: tuple[str, ...] = (
    "local", "officials", "on Monday", "recently", "again", "however", "also", "still", "now", "reportedly",
)
DATE_START = datetime(2018, 1, 1, tzinfo=timezone.utc)
_SENTENCE = re.compile(r"(?<=[.!?…”\"])\s+(?=[^\s])")


@dataclass(frozen=True, slots=True)
class BaseText:
    """A text to syndicate: a headline and its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(slots=True)
class Labelled:
    """A generated article and the truth about it."""

    article: Article
    #: The true story.
    story: int
    #: ``original``, ``copy`` or ``followup``.
    kind: str
    #: For a follow-up: the story whose sentences it quotes.
    quotes: int | None = None


# -- bases ------------------------------------------------------------------------


def generated_bases(n: int, seed: int = 0) -> list[BaseText]:
    """Bodies of ``presscut.bench.generate`` pages (wire copies skipped: they share text)."""
    from presscut.bench.generate import _draw  # the page generator's drawing, without rendering

    out: list[BaseText] = []
    index = 0
    while len(out) < n:
        spec = _draw(seed, index)
        index += 1
        if spec.extra.get("wire_story") is not None:
            continue
        paragraphs = tuple(text.replace("\n", "; ") for _, text in spec.body)
        out.append(BaseText(spec.title, paragraphs))
    return out


def wcxb_bases(root: Path, limit: int | None = None) -> list[BaseText]:
    """Gold main texts of the article pages of a WCXB folder (``ground-truth/*.json``)."""
    truth = Path(root) / "ground-truth"
    if not truth.is_dir():
        raise InputError(f"{root} has no ground-truth/ folder (expected ../shared/bench/wcxb-dev)")
    types: dict[str, str] = {}
    meta = Path(root) / "metadata.json"
    if meta.exists():
        files = json.loads(meta.read_text(encoding="utf-8")).get("files", {})
        types = {k: v.get("page_type", "") for k, v in files.items()}
    out: list[BaseText] = []
    for path in sorted(truth.glob("*.json")):
        if types and types.get(path.stem, "article") != "article":
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (gold.get("ground_truth") or {}).get("main_content") or ""
        paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())
        if len(paragraphs) >= 3 and len(text.split()) >= 120:
            out.append(BaseText(str(gold.get("title") or paragraphs[0][:80]), paragraphs))
        if limit is not None and len(out) >= limit:
            break
    return out


# -- transformations --------------------------------------------------------------------


def _sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE.split(paragraph) if s.strip()]


def _headline(rng: random.Random, title: str) -> str:
    words = title.split()
    r = rng.random()
    if r < 0.3 and len(words) > 3:
        rng.shuffle(words)
    elif r < 0.6:
        words = [*words[: max(2, len(words) // 2)], *rng.sample(FILLER_WORDS, 2)]
    elif r < 0.8:
        words = [rng.choice(HEADLINE_LEADS), *words]
    else:
        words = [*words, "-", "what", "we", "know"]
    return " ".join(words)


def _edit_sentence(rng: random.Random, sentence: str) -> str:
    words = sentence.split()
    if len(words) < 4:
        return sentence
    r = rng.random()
    i = rng.randrange(1, len(words) - 1)
    if r < 0.3:
        words[i] = rng.choice(FILLER_WORDS)
    elif r < 0.55:
        del words[i]
    elif r < 0.8:
        words.insert(i, rng.choice(FILLER_WORDS))
    else:  # rewritten: half of its words replaced
        for j in rng.sample(range(len(words)), len(words) // 2):
            words[j] = rng.choice(FILLER_WORDS)
    return " ".join(words)


def _truncate(rng: random.Random, paragraphs: list[str]) -> list[str]:
    """The first 30-70% of the words, cut at a word, as a teaser."""
    total = sum(len(p.split()) for p in paragraphs)
    keep = max(1, round(total * rng.uniform(0.3, 0.7)))
    out: list[str] = []
    for p in paragraphs:
        words = p.split()
        if len(words) >= keep:
            out.append(" ".join(words[:keep]) + " …")
            break
        out.append(p)
        keep -= len(words)
    return out


def copy_text(rng: random.Random, paragraphs: Sequence[str], outlet: str, agency: str | None) -> str:
    """One outlet's version of a text (each change drawn independently)."""
    paras = list(paragraphs)
    if len(paras) > 3 and rng.random() < 0.3:  # dropped paragraphs (never the lead)
        for _ in range(rng.randint(1, max(1, len(paras) // 4))):
            if len(paras) > 2:
                del paras[rng.randrange(1, len(paras))]
    if len(paras) > 2 and rng.random() < 0.25:  # reordered: a paragraph moved elsewhere
        p = paras.pop(rng.randrange(1, len(paras)))
        paras.insert(rng.randrange(1, len(paras) + 1), p)
    if rng.random() < 0.6:  # sentence edits
        for _ in range(rng.randint(1, 4)):
            k = rng.randrange(len(paras))
            sents = _sentences(paras[k])
            if sents:
                j = rng.randrange(len(sents))
                sents[j] = _edit_sentence(rng, sents[j])
                paras[k] = " ".join(sents)
    if rng.random() < 0.2:  # a local paragraph
        paras.insert(rng.randrange(1, len(paras) + 1),
                     f"Residents in the {outlet} area were asked to follow the advice of local officials.")
    if rng.random() < 0.35:  # a teaser
        paras = _truncate(rng, paras)
    lines = [f.format(outlet=outlet, agency=agency or outlet) for f in rng.sample(FURNITURE, rng.randint(0, 2))]
    return "\n\n".join([*paras, *lines])


def _article(
    text: str, title: str, outlet: tuple[str, str], published: datetime, *, story: int, n: int, agency: str | None
) -> Article:
    name, domain = outlet
    slug = "-".join(re.findall(r"\w+", title.lower())[:6]) or "story"
    a = Article(
        url=f"https://www.{domain}/news/{slug}-{story}-{n}", site_name=name, title=title, text=text,
        published=published, language="en", attribution=agency,
    )
    a.assign_id()
    return a


def syndicate(
    bases: Sequence[BaseText], seed: int = 0, max_copies: int = 7, followup_share: float = 0.25
) -> list[Labelled]:
    """Originals, their copies and same-topic follow-ups from ``bases``, shuffled into publication order.

    One base in ``1 + followup_share`` becomes a story; the rest are the
    bodies of follow-ups (so follow-ups are as long and varied as stories).
    """
    rng = random.Random(f"presscut-syndicate:{seed}")
    n_stories = max(1, round(len(bases) / (1 + followup_share)))
    spare = list(bases[n_stories:])
    out: list[Labelled] = []
    label = 0
    for base in bases[:n_stories]:
        story = label
        label += 1
        agency = rng.choice(AGENCIES) if rng.random() < 0.5 else None
        t0 = DATE_START + timedelta(minutes=rng.randrange(60 * 24 * 365 * 3))
        outlets = rng.sample(OUTLETS, min(len(OUTLETS), 1 + rng.randint(0, max_copies)))
        body = "\n\n".join(base.paragraphs)
        out.append(Labelled(_article(body, base.title, outlets[0], t0, story=story, n=0, agency=agency),
                            story, "original"))
        for n, outlet in enumerate(outlets[1:], start=1):
            text = copy_text(rng, base.paragraphs, outlet[0], agency)
            when = t0 + timedelta(minutes=rng.randint(5, 60 * 72))
            copy_agency = agency if rng.random() < 0.8 else None
            headline = _headline(rng, base.title)
            out.append(Labelled(_article(text, headline, outlet, when, story=story, n=n, agency=copy_agency),
                                story, "copy"))
        if spare and rng.random() < followup_share * 1.6:
            other = spare.pop()
            quotes = [s for p in base.paragraphs for s in _sentences(p) if len(s.split()) >= 6]
            if not quotes:
                continue
            chosen = rng.sample(quotes, min(len(quotes), rng.randint(1, 2)))
            paras = list(other.paragraphs)
            for q in chosen:
                paras.insert(rng.randrange(1, len(paras) + 1), f"As reported earlier: {q}")
            title = " ".join([*base.title.split()[:3], *other.title.split()[:4]])
            when = t0 + timedelta(days=rng.randint(1, 20))
            followup = label
            label += 1
            article = _article("\n\n".join(paras), title, rng.choice(OUTLETS), when, story=followup, n=0, agency=None)
            out.append(Labelled(article, followup, "followup", quotes=story))
    out.sort(key=lambda x: (x.article.published or DATE_START, x.article.id))
    return out
