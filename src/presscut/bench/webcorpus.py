"""A large generated corpus for the web workspace benchmark (``presscut bench web``).

Realistic enough for timing search: words follow a Zipf law over a vocabulary
of 30,000 made-up words, so a query term can match a few dozen articles or
half the corpus, as in real news; each story has its own topic words, place
and people, so phrases and multi-word queries find it.  Stories are copied
across outlets by :func:`presscut.bench.syndicate.syndicate` (teasers, edits,
rewritten headlines, same-topic follow-ups), over three years of dates.

Bases are made in chunks of :data:`CHUNK` stories (fewer for a small corpus);
each chunk is in one language (two chunks in three English, the rest German,
French or Spanish: its function words and the ``language`` field), so the
language filter has something to select.  Articles go in through :meth:`Corpus.add`, the real
store path: FTS index, story signatures and assignment, URLs.

The output depends only on ``seed`` and the number of articles.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from presscut.article import Article
from presscut.bench.syndicate import BaseText, syndicate
from presscut.bench.vocabulary import FIRST_NAMES, LAST_NAMES, PLACES, WORDS, word_list

#: Stories per chunk (one language, one ``syndicate`` run).
CHUNK = 1000
VOCABULARY = 30_000
#: Zipf exponent of the content words.
ZIPF = 1.07
#: Share of a sentence's words drawn from the language's function and common words.
COMMON_SHARE = 0.55
LANGUAGES: tuple[str, ...] = ("en", "de", "en", "fr", "en", "en", "es", "en", "en", "de", "en", "en")
FUNCTION_WORDS: dict[str, tuple[str, ...]] = {
    "en": WORDS,
    "de": word_list("der die das und in zu den von mit sich des auf für ist im dem nicht ein eine als auch es an "
                "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum "
                "war haben nur oder aber vor zur bis mehr durch man sein wurde sei"),
    "fr": word_list("le de un être et à il avoir ne je son que se qui ce dans en du elle au pour pas plus par "
                "sur faire mais comme avec tout nous dire leur même prendre aussi autre après bien où sans "
                "encore donc quand très moins entre"),
    "es": word_list("el la de que y a en un ser se no haber por con su para como estar tener le lo todo pero más "
                "hacer poder decir este ir otro ese si me ya ver porque dar cuando muy sin vez mucho saber "
                "sobre también hasta año dos querer entre"),
}
_SYLLABLES = ("ka", "lo", "ven", "mar", "ti", "sol", "bre", "du", "an", "qui", "ro", "sel", "fa", "nor", "pe",
              "zu", "hal", "mi", "ost", "ra", "gen", "li", "tor", "be", "cas", "ul", "wen", "dri", "o", "strom")


def vocabulary(seed: int = 0) -> list[str]:
    """:data:`VOCABULARY` distinct made-up words, most frequent first."""
    rng = random.Random(f"presscut-webcorpus-vocab:{seed}")
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < VOCABULARY:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen and len(word) > 3:
            seen.add(word)
            out.append(word)
    return out


class _Words:
    """Draws sentences: function words of a language mixed with Zipf-distributed content words."""

    def __init__(self, seed: int) -> None:
        self.vocab = vocabulary(seed)
        weights = 1.0 / np.arange(1, VOCABULARY + 1) ** ZIPF
        self.cdf = np.cumsum(weights / weights.sum())

    def content(self, rng: np.random.Generator, k: int) -> list[str]:
        idx = np.searchsorted(self.cdf, rng.random(k))
        return [self.vocab[min(int(i), VOCABULARY - 1)] for i in idx]


def _base(words: _Words, rng: random.Random, nrng: np.random.Generator, lang: str) -> BaseText:
    common = FUNCTION_WORDS[lang]
    topic = words.content(nrng, 3)  # this story's own words, repeated through it
    place = rng.choice(PLACES)
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    paragraphs = []
    for _ in range(rng.randint(3, 10)):
        sentences = []
        for _ in range(rng.randint(1, 5)):
            n = rng.randint(8, 25)
            n_content = sum(rng.random() > COMMON_SHARE for _ in range(n))
            tokens = [*rng.choices(common, k=n - n_content), *words.content(nrng, n_content)]
            rng.shuffle(tokens)
            r = rng.random()
            if r < 0.4:
                tokens.insert(rng.randrange(len(tokens)), rng.choice(topic))
            elif r < 0.55:
                tokens.insert(rng.randrange(len(tokens)), place)
            elif r < 0.65:
                tokens.insert(rng.randrange(len(tokens)), person)
            text = " ".join(tokens)
            sentences.append(f"{text[0].upper()}{text[1:]}.")
        paragraphs.append(" ".join(sentences))
    title_words = [*topic[:2], *words.content(nrng, rng.randint(2, 6)), place]
    rng.shuffle(title_words)
    title = " ".join(title_words)
    return BaseText(title[0].upper() + title[1:], tuple(paragraphs))


def generate_articles(seed: int = 0, chunk_stories: int = CHUNK) -> Iterator[list[Article]]:
    """Endless chunks of articles, each a ``syndicate`` run of ``chunk_stories`` bases in publication order.

    A few copies can come out with the same text as another copy; the store
    keeps those as one article with two URLs, so :func:`build_corpus` takes
    chunks until enough are stored.
    """
    words = _Words(seed)
    chunk = 0
    while True:
        rng = random.Random(f"presscut-webcorpus:{seed}:{chunk}")
        nrng = np.random.default_rng([seed, chunk])
        lang = LANGUAGES[chunk % len(LANGUAGES)]
        bases = [_base(words, rng, nrng, lang) for _ in range(chunk_stories)]
        out = []
        for item in syndicate(bases, seed=seed * 100_000 + chunk):
            a = item.article
            a.url = (a.url or "").replace("/news/", f"/news/{chunk}/", 1)
            a.language = lang
            a.assign_id()
            out.append(a)
        yield out
        chunk += 1


def build_corpus(path: Path, n: int, seed: int = 0, *, log: Any = None) -> dict[str, Any]:
    """Build the corpus at ``path`` (reused when a complete one is there); returns its build info.

    Built under a temporary name and renamed when complete, so an interrupted
    build is never reused.  The build info (articles, seconds) sits next to it
    as ``PATH.json``; a corpus at ``path`` without one was not built here and is
    used as it is.
    """
    from presscut.corpus import Corpus

    info_path = Path(f"{path}.json")
    if path.exists() and not info_path.exists():  # a corpus from elsewhere: measured as it is
        with Corpus(path, create=False) as corpus:
            return {"requested": n, "seed": None, "articles": corpus.count(), "stories": corpus.count(stories=True),
                    "seconds": None, "megabytes": round(path.stat().st_size / 1e6, 1), "reused": True}
    if path.exists():
        info: dict[str, Any] = json.loads(info_path.read_text(encoding="utf-8"))
        if info.get("requested") == n and info.get("seed") == seed:
            info["reused"] = True
            return info
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    stored = 0
    with Corpus(tmp) as corpus:
        for articles in generate_articles(seed, min(CHUNK, max(10, n // 40))):
            corpus.add(articles[: n - stored])
            stored = corpus.count()
            if log is not None:
                log(f"  {stored} articles stored ({time.perf_counter() - start:.0f} s)")
            if stored >= n:
                break
        corpus.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        corpus.store.db.execute("ANALYZE")
        stories = corpus.count(stories=True)
    seconds = time.perf_counter() - start
    tmp.replace(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    info = {"requested": n, "seed": seed, "articles": stored, "stories": stories, "seconds": round(seconds, 1),
            "megabytes": round(path.stat().st_size / 1e6, 1)}
    info_path.write_text(json.dumps(info), encoding="utf-8")
    return {**info, "reused": False}
