"""``presscut bench extract``: presscut and peer extractors on the same pages, one table.

Data sets (see ``../shared/bench/README.md``), recognised by their layout:

* **WCXB** (``metadata.json`` + ``html/`` + ``ground-truth/``): word-level F1
  on the bag of lowercased ``\\w+`` tokens against the gold main text,
  averaged per page, overall and per page type; plus presscut's page-type
  accuracy.
* **trafilatura's evaluation set** (``evaldata.json`` + ``html/``):
  whitespace-normalised substring search of ``with`` / ``without`` snippets,
  counts pooled over all pages.

Both sets give some pages a gold title, author and publication date: each
extractor that reports them (presscut, and the peers in :data:`METADATA`) is
scored on those pages, title after whitespace and case normalisation, date on
the day, author as one of the gold names.

Peers are optional (``pip install 'presscut[bench]'``); a peer that is not
installed is reported and left out.  Every extractor gets the same pages in
the same run, page by page in turn, so a busy machine slows all of them
alike; only the extraction call is timed (presscut's time includes decoding
the bytes and all its metadata, the peers get text already decoded, and their
metadata is read in a second, untimed call).
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import resource
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from presscut.errors import InputError, PresscutError

Extractor = Callable[[bytes, str, str | None], str]

_WORD = re.compile(r"\w+")
_AUTHOR_LIST = re.compile(r",\s*|\s+(?:and|&)\s+|;\s*")


# -- data sets --------------------------------------------------------------------


@dataclass(slots=True)
class Page:
    id: str
    html: bytes
    url: str | None
    page_type: str | None = None
    gold_text: str | None = None
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)
    gold_title: str | None = None
    gold_author: str | None = None
    gold_date: str | None = None


def dataset_kind(path: Path) -> str:
    if (path / "metadata.json").exists() and (path / "ground-truth").is_dir():
        return "wcxb"
    if (path / "evaldata.json").exists():
        return "snippets"
    raise InputError(
        f"{path} is not a known benchmark folder (want WCXB's metadata.json + ground-truth/, "
        "or trafilatura's evaldata.json)"
    )


def iter_pages(path: Path, limit: int | None = None) -> Iterator[Page]:
    """The data set's pages, read one at a time (memory stays flat)."""
    if not path.is_dir():
        raise InputError(f"benchmark data not found at {path}: the development benchmarks live in ../shared/bench")
    pages = _wcxb(path) if dataset_kind(path) == "wcxb" else _snippets(path)
    for i, page in enumerate(pages):
        if limit is not None and i >= limit:
            return
        yield page


def _wcxb(path: Path) -> Iterator[Page]:
    files = json.loads((path / "metadata.json").read_text(encoding="utf-8"))["files"]
    for pid in sorted(files):
        html_path = path / "html" / f"{pid}.html.gz"
        truth_path = path / "ground-truth" / f"{pid}.json"
        if not html_path.exists() or not truth_path.exists():
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        gt = truth.get("ground_truth") or {}
        if isinstance(gt, str):  # some files keep it as a Python-literal string
            import ast

            gt = ast.literal_eval(gt)
        yield Page(
            id=pid,
            html=gzip.decompress(html_path.read_bytes()),
            url=truth.get("url"),
            page_type=files[pid].get("page_type"),
            gold_text=gt.get("main_content") or "",
            gold_title=gt.get("title"),
            gold_author=gt.get("author"),
            gold_date=gt.get("publish_date"),
        )


def _snippets(path: Path) -> Iterator[Page]:
    data = json.loads((path / "evaldata.json").read_text(encoding="utf-8"))
    for url, entry in sorted(data.items()):
        html_path = path / "html" / entry["file"]
        if not html_path.exists():
            continue
        raw = html_path.read_bytes()
        html = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
        author = entry.get("author")
        yield Page(
            id=entry["file"],
            html=html,
            url=url,
            with_snippets=list(entry.get("with") or []),
            without_snippets=list(entry.get("without") or []),
            gold_title=entry.get("title") or None,
            gold_author=(", ".join(author) if isinstance(author, list) else author) or None,
            gold_date=entry.get("date") or None,
        )


# -- metrics ----------------------------------------------------------------------


def word_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall, F1 of the bag of lowercased \\w+ tokens."""
    p = Counter(_WORD.findall(predicted.lower()))
    g = Counter(_WORD.findall(gold.lower()))
    if not p and not g:
        return 1.0, 1.0, 1.0
    overlap = sum((p & g).values())
    precision = overlap / sum(p.values()) if p else 0.0
    recall = overlap / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _ws(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def snippet_counts(predicted: str, page: Page) -> Counter[str]:
    text = _ws(predicted)
    c: Counter[str] = Counter()
    for s in page.with_snippets:
        c["tp" if _ws(s) in text else "fn"] += 1
    for s in page.without_snippets:
        c["fp" if _ws(s) in text else "tn"] += 1
    return c


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


# -- extractors -------------------------------------------------------------------


def _presscut(html: bytes, text: str, url: str | None) -> str:
    from presscut.extraction import extract

    return extract(html, url=url).text


def _html_to_text(html: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    return tree.body.text(separator="\n") if tree.body is not None else ""


def _trafilatura(html: bytes, text: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(text, url=url) or ""


def _readability(html: bytes, text: str, url: str | None) -> str:
    from readability import Document

    return _html_to_text(Document(text).summary())


def _resiliparse(html: bytes, text: str, url: str | None) -> str:
    from resiliparse.extract.html2text import extract_plain_text

    return str(extract_plain_text(text, main_content=True))


def _justext(html: bytes, text: str, url: str | None) -> str:
    import justext

    paragraphs = justext.justext(text, justext.get_stoplist(justext_stoplist(text)))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


#: ISO 639-1 codes -> the names of jusText's stop lists.
JUSTEXT_STOPLISTS: dict[str, str] = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish",
    "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian",
    "is": "Icelandic", "it": "Italian", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ms": "Malay", "nb": "Norwegian_Bokmal", "nl": "Dutch", "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese",
}


def justext_stoplist(html: str) -> str:
    """The jusText stop list for the page's language: detected from its visible text, else its
    declared ``<html lang>``, else English."""
    from selectolax.lexbor import LexborHTMLParser

    from presscut.language import detect_language, normalize_language_tag

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript"):
        node.decompose()
    body = tree.body.text(separator=" ") if tree.body is not None else ""
    lang = detect_language(body, JUSTEXT_STOPLISTS)
    if lang is None and tree.root is not None:
        lang = normalize_language_tag(tree.root.attributes.get("lang"))
    return JUSTEXT_STOPLISTS.get(lang or "en", "English")


def _newspaper(html: bytes, text: str, url: str | None) -> str:
    import newspaper

    config = newspaper.Config()
    config.fetch_images = False  # it would fetch images over the network to size them
    article = newspaper.Article(url or "https://example.org/", config=config)
    article.download(input_html=text)
    article.parse()
    return str(article.text)


def _goose(html: bytes, text: str, url: str | None) -> str:
    from goose3 import Goose

    with Goose({"enable_image_fetching": False}) as g:
        return str(g.extract(raw_html=text).cleaned_text)


#: name -> (module that must import, function)
EXTRACTORS: dict[str, tuple[str | None, Extractor]] = {
    "presscut": (None, _presscut),
    "trafilatura": ("trafilatura", _trafilatura),
    "readability": ("readability", _readability),
    "resiliparse": ("resiliparse", _resiliparse),
    "justext": ("justext", _justext),
    "newspaper4k": ("newspaper", _newspaper),
    "goose3": ("goose3", _goose),
}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What an extractor reports about a page besides its text (``date``: ISO, the day first)."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None


def _names(values: Any) -> tuple[str, ...]:
    """Author names as strings, whatever nesting a peer gives them in (lists of lists, None)."""
    if isinstance(values, str):
        return (values,) if values.strip() else ()
    if isinstance(values, (list, tuple)):
        return tuple(name for value in values for name in _names(value))
    return ()


def _trafilatura_metadata(html: bytes, text: str, url: str | None) -> Metadata:
    import trafilatura

    doc = trafilatura.extract_metadata(text, default_url=url)
    if doc is None:
        return Metadata()
    authors = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    return Metadata(doc.title, authors, doc.date)


def _readability_metadata(html: bytes, text: str, url: str | None) -> Metadata:
    from readability import Document

    return Metadata(title=Document(text).short_title())


def _newspaper_metadata(html: bytes, text: str, url: str | None) -> Metadata:
    import newspaper

    config = newspaper.Config()
    config.fetch_images = False
    article = newspaper.Article(url or "https://example.org/", config=config)
    article.download(input_html=text)
    article.parse()
    date = article.publish_date.isoformat() if article.publish_date else None
    return Metadata(article.title or None, _names(article.authors), date)


def _goose_metadata(html: bytes, text: str, url: str | None) -> Metadata:
    from goose3 import Goose

    with Goose({"enable_image_fetching": False}) as g:
        article = g.extract(raw_html=text)
    date = article.publish_datetime_utc.isoformat() if article.publish_datetime_utc else None
    return Metadata(article.title or None, _names(article.authors), date)


#: Peers that report metadata: name -> function giving it (called apart from the timed extraction).
METADATA: dict[str, Callable[[bytes, str, str | None], Metadata]] = {
    "trafilatura": _trafilatura_metadata,
    "readability": _readability_metadata,
    "newspaper4k": _newspaper_metadata,
    "goose3": _goose_metadata,
}
#: The fields each peer reports (presscut reports all three).
METADATA_FIELDS: dict[str, tuple[str, ...]] = {
    "trafilatura": ("title", "date", "author"),
    "readability": ("title",),
    "newspaper4k": ("title", "date", "author"),
    "goose3": ("title", "date", "author"),
}


#: Loggers of the peers, quieted to errors during a run.
PEER_LOGGERS: tuple[str, ...] = ("goose3", "newspaper", "trafilatura", "readability", "justext", "htmldate")


def _available(name: str) -> str | None:
    """None when usable, else why not."""
    if name not in EXTRACTORS:
        raise PresscutError(f"unknown extractor {name!r}: choose from {', '.join(EXTRACTORS)}")
    module = EXTRACTORS[name][0]
    if module is None:
        return None
    import importlib.util

    if importlib.util.find_spec(module) is None:
        return "not installed (pip install 'presscut[bench]')"
    return None


# -- the run ----------------------------------------------------------------------


@dataclass(slots=True)
class Score:
    name: str
    pages: int = 0
    seconds: float = 0.0
    errors: int = 0
    prf: list[tuple[float, float, float]] = field(default_factory=list)
    by_type: dict[str, list[float]] = field(default_factory=dict)
    article_prf: list[tuple[float, float, float]] = field(default_factory=list)
    snippets: Counter[str] = field(default_factory=Counter)
    #: Metadata matches, for the fields this extractor reports ("title_n", "title_ok", ...).
    meta: Counter[str] = field(default_factory=Counter)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"extractor": self.name, "pages": self.pages, "errors": self.errors,
                               "pages_per_second": self.pages / self.seconds if self.seconds else 0.0,
                               "ms_per_page": 1000 * self.seconds / self.pages if self.pages else 0.0}
        if self.prf:
            out.update(_mean_prf(self.prf, "all"))
            out.update(_mean_prf(self.article_prf, "article"))
            out["f1_by_type"] = {t: sum(v) / len(v) for t, v in sorted(self.by_type.items())}
        if self.snippets:
            c = self.snippets
            p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
            r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
            out.update(precision=p, recall=r, f1=2 * p * r / (p + r) if p + r else 0.0,
                       accuracy=(c["tp"] + c["tn"]) / max(1, sum(c.values())))
        fields = ("title", "date", "author") if self.name == "presscut" else METADATA_FIELDS.get(self.name, ())
        if fields:
            out["metadata"] = {
                f: self.meta[f"{f}_ok"] / self.meta[f"{f}_n"] if self.meta[f"{f}_n"] else None for f in fields
            }
        return out


def _mean_prf(values: list[tuple[float, float, float]], prefix: str) -> dict[str, float]:
    if not values:
        return {}
    n = len(values)
    return {f"{prefix}_precision": sum(v[0] for v in values) / n,
            f"{prefix}_recall": sum(v[1] for v in values) / n,
            f"{prefix}_f1": sum(v[2] for v in values) / n,
            f"{prefix}_pages": n}


def run_extract_bench(
    dataset: Path,
    peers: list[str] | None = None,
    limit: int | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Score presscut and ``peers`` on ``dataset``; return a JSON-ready result.

    Two passes.  presscut first runs alone: its scores, metadata and peak memory
    (no peer has run yet).  Then every extractor, presscut included, runs page by
    page in turn (the order rotating from page to page), so load from other jobs
    on a shared machine falls on all of them alike: the pages/s of the table come
    from this pass, and the peers' scores too.
    """
    for logger in PEER_LOGGERS:  # their warnings about pages they cannot date would bury the table
        logging.getLogger(logger).setLevel(logging.ERROR)
    kind = dataset_kind(dataset) if dataset.is_dir() else "missing"
    total = sum(1 for _ in iter_pages(dataset, limit))
    names = ["presscut", *[p for p in (peers or []) if p != "presscut"]]
    skipped = {n: why for n in names if (why := _available(n))}
    names = [n for n in names if n not in skipped]

    meta = Counter[str]()
    alone = Score("presscut")
    bar = _bar(total, "presscut") if progress else None
    for page in iter_pages(dataset, limit):
        article = _run_one("presscut", page, alone, kind)
        _score_metadata(_article_metadata(article), page, meta)
        if article is not None:
            _score_page_type(article, page, meta)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    scores = {"presscut": alone}
    if len(names) > 1:
        scores = {name: Score(name) for name in names}
        bar = _bar(total, "all, interleaved") if progress else None
        for i, page in enumerate(iter_pages(dataset, limit)):
            for name in names[i % len(names):] + names[: i % len(names)]:
                _run_one(name, page, scores[name], kind)
            if bar is not None:
                bar.update(1)
        if bar is not None:
            bar.close()

    result: dict[str, Any] = {
        "dataset": str(dataset),
        "kind": kind,
        "pages": total,
        "date": datetime.now().strftime("%Y-%m-%d"),
        "results": [scores[n].summary() for n in names],
        "skipped": skipped,
        "presscut_peak_rss_mb": peak_rss_mb,
    }
    result["metadata"] = _metadata_summary(meta)
    return result


def _run_one(name: str, page: Page, score: Score, kind: str) -> Any:
    """Run one extractor on one page, timing only the call; add its scores; return presscut's article."""
    from presscut.extraction import decode_html, extract

    text = decode_html(page.html) if name != "presscut" else ""
    article = None
    start = time.perf_counter()
    try:
        if name == "presscut":
            article = extract(page.html, url=page.url)
            predicted = article.text
        else:
            predicted = EXTRACTORS[name][1](page.html, text, page.url)
    except Exception:
        predicted = ""
        score.errors += 1
    score.seconds += time.perf_counter() - start
    score.pages += 1
    if name == "presscut":
        _score_metadata(_article_metadata(article), page, score.meta)
    elif name in METADATA and (page.gold_title or page.gold_date or page.gold_author):
        try:
            found = METADATA[name](page.html, text, page.url)
            found = Metadata(
                found.title if isinstance(found.title, str) else None,
                _names(found.authors),
                found.date if isinstance(found.date, str) else None,
            )
        except Exception:
            found = Metadata()
        _score_metadata(found, page, score.meta)
    if kind == "wcxb":
        prf = word_prf(predicted, page.gold_text or "")
        score.prf.append(prf)
        score.by_type.setdefault(page.page_type or "?", []).append(prf[2])
        if page.page_type == "article":
            score.article_prf.append(prf)
    else:
        score.snippets.update(snippet_counts(predicted, page))
    return article


def _article_metadata(article: Any) -> Metadata:
    if article is None:  # the extraction failed
        return Metadata()
    date = article.published.date().isoformat() if article.published else None
    return Metadata(article.title, tuple(article.authors), date)


def _score_metadata(found: Metadata, page: Page, meta: Counter[str]) -> None:
    if page.gold_title:
        meta["title_n"] += 1
        meta["title_ok"] += _norm(found.title) == _norm(page.gold_title)
        # The same with typographic quotes read as straight ones, as gold titles often write them
        # ("Here's" for the page's "Here’s"): how many misses are only that, shown beside the match.
        meta["title_quotes_folded_n"] += 1
        meta["title_quotes_folded_ok"] += _norm(found.title).translate(_QUOTES) == _norm(
            page.gold_title
        ).translate(_QUOTES)
    if page.gold_date:
        meta["date_n"] += 1
        meta["date_ok"] += found.date is not None and found.date[:10] == page.gold_date[:10]
    if page.gold_author:
        meta["author_n"] += 1
        gold = _norm(page.gold_author)
        names = _AUTHOR_LIST.split(gold)  # a gold list: "a, b and c"
        meta["author_ok"] += any(_norm(a) == gold or _norm(a) in names for a in found.authors) or (
            _norm(", ".join(found.authors)) == gold
        )


def _score_page_type(article: Any, page: Page, meta: Counter[str]) -> None:
    if page.page_type:
        gold_type = GOLD_PAGE_TYPES.get(page.page_type, page.page_type)
        ok = article.page_type == gold_type
        meta["type_n"] += 1
        meta["type_ok"] += ok
        meta[f"type:{gold_type}_n"] += 1
        meta[f"type:{gold_type}_ok"] += ok
        meta[f"predicted:{gold_type}:{article.page_type}"] += 1


#: Typographic quotes -> straight ones (a secondary title match only; presscut keeps the page's quotes).
_QUOTES = str.maketrans({"’": "'", "‘": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})

#: WCXB page types -> presscut's names for them.
GOLD_PAGE_TYPES: dict[str, str] = {"collection": "listing"}


def _metadata_summary(meta: Counter[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("title", "title_quotes_folded", "date", "author", "type"):
        n = meta[f"{key}_n"]
        out[key] = {"pages": n, "accuracy": meta[f"{key}_ok"] / n if n else None}
    by_type: dict[str, Any] = {}
    for name in sorted(k[5:-2] for k in meta if k.startswith("type:") and k.endswith("_n")):
        n = meta[f"type:{name}_n"]
        predicted = {k.rsplit(":", 1)[1]: v for k, v in meta.items() if k.startswith(f"predicted:{name}:")}
        by_type[name] = {"pages": n, "accuracy": meta[f"type:{name}_ok"] / n, "predicted": predicted}
    out["type_by_class"] = by_type
    # What `presscut ingest --articles-only` would keep: the pages typed "article", and how many are.
    kept = sum(v["predicted"].get("article", 0) for v in by_type.values())
    hits = by_type.get("article", {}).get("predicted", {}).get("article", 0)
    articles = by_type.get("article", {}).get("pages", 0)
    out["articles_only"] = {
        "kept": kept,
        "precision": hits / kept if kept else None,
        "recall": hits / articles if articles else None,
    }
    return out


def _bar(total: int, desc: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit="page", leave=False, dynamic_ncols=True)


def render(result: dict[str, Any]) -> str:
    lines = [f"presscut bench extract: {result['dataset']} ({result['kind']}, {result['pages']} pages, "
             f"{result['date']})", ""]
    rows = result["results"]
    base = next((r for r in rows if r["extractor"] == "trafilatura"), None)
    if result["kind"] == "wcxb":
        types = sorted({t for r in rows for t in r.get("f1_by_type", {})})
        head = f"{'extractor':<12} {'P':>6} {'R':>6} {'F1':>6} {'art.F1':>7} " + " ".join(
            f"{t[:8]:>8}" for t in types) + f" {'pages/s':>8} {'x trafi':>7}"
        lines.append(head)
        for r in rows:
            speed = r["pages_per_second"]
            ratio = f"{speed / base['pages_per_second']:.1f}" if base and base["pages_per_second"] else "-"
            lines.append(
                f"{r['extractor']:<12} {r['all_precision']:>6.3f} {r['all_recall']:>6.3f} {r['all_f1']:>6.3f} "
                f"{r.get('article_f1', 0):>7.3f} "
                + " ".join(f"{r['f1_by_type'].get(t, 0):>8.3f}" for t in types)
                + f" {speed:>8.1f} {ratio:>7}"
            )
        meta = result.get("metadata", {})
        if meta:
            lines.append("")
            lines.append("presscut metadata (pages with a gold value): " + ", ".join(
                f"{k} {v['accuracy']:.3f} (n={v['pages']})" for k, v in meta.items()
                if k not in ("type_by_class", "articles_only") and v["accuracy"] is not None))
            by_class = meta.get("type_by_class") or {}
            if by_class:
                lines.append("presscut page type by gold class: " + ", ".join(
                    f"{k} {v['accuracy']:.2f} (n={v['pages']})" for k, v in by_class.items()))
            kept = meta.get("articles_only") or {}
            if kept.get("precision") is not None and kept.get("recall") is not None:
                lines.append(
                    f"presscut --articles-only keeps {kept['kept']} pages: {kept['precision']:.3f} of them articles, "
                    f"{kept['recall']:.3f} of the articles"
                )
    else:
        lines.append(f"{'extractor':<12} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'pages/s':>8} {'x trafi':>7}")
        for r in rows:
            speed = r["pages_per_second"]
            ratio = f"{speed / base['pages_per_second']:.1f}" if base and base["pages_per_second"] else "-"
            lines.append(f"{r['extractor']:<12} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f} "
                         f"{r['accuracy']:>6.3f} {speed:>8.1f} {ratio:>7}")
    lines.extend(_render_metadata(result))
    lines.append("")
    lines.append(f"presscut peak RSS: {result['presscut_peak_rss_mb']:.0f} MB")
    for name, why in result["skipped"].items():
        lines.append(f"skipped {name}: {why}")
    return "\n".join(lines)


def _render_metadata(result: dict[str, Any]) -> list[str]:
    """The metadata table: each extractor that reports metadata, the share of the pages with a gold
    value that it matches, field by field ("-": the extractor does not report that field)."""
    rows = [r for r in result["results"] if r.get("metadata")]
    meta = result.get("metadata", {})
    counts = {f: (meta.get(f) or {}).get("pages", 0) for f in ("title", "date", "author")}
    if not rows or not any(counts.values()):
        return []
    head = f"{'metadata':<12} " + " ".join(f"{f'{f} (n={n})':>15}" for f, n in counts.items())
    lines = ["", head]
    for r in rows:
        cells = [r["metadata"].get(f) for f in counts]
        lines.append(f"{r['extractor']:<12} " + " ".join(f"{'-' if c is None else f'{c:.3f}':>15}" for c in cells))
    return lines
