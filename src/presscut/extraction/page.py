"""The page, parsed once: the tree plus everything field extractors share.

:func:`parse_page` guards the parser first: HTML nested tens of thousands of
levels deep makes Lexbor's tree builder quadratic (100,000 nested ``<div>``
take about 15 s), so tags beyond :data:`MAX_DEPTH` are dropped before
parsing, keeping their text, and a self-closed ``<iframe/>`` in a ``<noscript>``
is closed (:func:`_close_noscript_frames`).  Then the meta tags, the JSON-LD objects, the
``<html lang>`` and the ``<title>`` are read once into a :class:`Page`
(cf. fundus's ``Precomputed``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser

#: Deepest element nesting kept; deeper tags are dropped (their text stays).
MAX_DEPTH = 256
#: Pages with fewer tags than this cannot nest deep enough to be slow to parse (15,000
#: nested ``<div>`` parse in about 0.3 s); bigger pages pay for a tag-by-tag depth scan.
DEPTH_SCAN_MIN_TAGS = 15_000
#: More formatting tags closed out of order than this, and all formatting tags are dropped.
MAX_MISNESTED = 2000
#: How deep JSON-LD objects are searched for typed entities.
JSON_LD_MAX_DEPTH = 6

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*>|<!--")
_RAWTEXT_END = {
    name: re.compile(rf"</{name}\s*>", re.IGNORECASE)
    for name in ("script", "style", "textarea", "title", "xmp", "noscript")
}
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr", "keygen", "frame"}
)
#: Opening one of these closes an open element of the same name (``<p><p>``, ``<li><li>``).
_SELF_SIBLING = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
_CLOSES_P = frozenset(
    {"div", "p", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
     "section", "article", "aside", "header", "footer", "nav", "figure", "form", "hr", "main"}
)
#: Formatting elements, which the HTML parser re-opens after a misnested close.
_FORMATTING = frozenset(
    {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}
)
_FORMATTING_TAG = re.compile(r"</?(?:a|b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)(?=[\s/>])[^<>]*>", re.I)
_TAG_LIKE = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|!--|!doctype)", re.IGNORECASE)
#: The elements :func:`parse_page` reads: meta tags, links and JSON-LD scripts.
_HEAD_FACTS = (
    'meta[content], link[rel][href], script[type="application/ld+json"],'
    ' script[type="application/ld+json;charset=utf-8"]'
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")


@dataclass(slots=True)
class Page:
    """One parsed page and the facts every field extractor reads."""

    tree: LexborHTMLParser
    url: str | None
    #: ``name`` / ``property`` / ``itemprop`` / ``http-equiv`` (lower-cased) -> contents in page order.
    meta: dict[str, list[str]] = field(default_factory=dict)
    #: Typed JSON-LD objects in page order (``@graph`` and lists flattened).
    json_ld: list[dict[str, Any]] = field(default_factory=list)
    #: ``<html lang>`` as written.
    lang: str | None = None
    #: ``<title>`` text.
    title: str | None = None
    #: ``<link rel>`` (lower-cased) -> first href.
    links: dict[str, str] = field(default_factory=dict)

    def meta_first(self, *keys: str) -> tuple[str, str] | None:
        """The first non-empty meta value among ``keys`` (in the order given), with its key."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value.strip():
                    return key, value.strip()
        return None


def parse_page(html: str, url: str | None = None) -> Page:
    """Parse ``html`` once (depth-guarded, a self-closed frame in ``<noscript>`` closed) and read its head
    metadata."""
    tree = LexborHTMLParser(limit_nesting(_close_noscript_frames(html)))
    page = Page(tree=tree, url=url)
    # One selector list, one pass over the tree; matches come in document order.
    for node in tree.css(_HEAD_FACTS):
        tag = node.tag
        if tag == "meta":
            _read_meta(page, node.attributes)
        elif tag == "link":
            attrs = node.attributes
            href = (attrs.get("href") or "").strip()
            for rel in (attrs.get("rel") or "").lower().split():
                if href and rel not in page.links:
                    page.links[rel] = href
        else:
            page.json_ld.extend(_json_ld_objects(node.text(deep=True)))
    root = tree.root
    if root is not None and root.tag == "html":
        page.lang = root.attributes.get("lang") or root.attributes.get("xml:lang")
    title = tree.css_first("title")
    if title is not None:
        page.title = " ".join(title.text().split()) or None
    return page


_NOSCRIPT_FRAME = re.compile(r"(<noscript\b[^>]*>\s*<iframe\b[^>]*?)\s*/>", re.IGNORECASE)


def _close_noscript_frames(html: str) -> str:
    """``html`` with each ``<iframe/>`` written self-closed, XHTML style, first thing in a ``<noscript>`` (a tag
    manager's pixel) closed.  A browser running scripts reads ``<noscript>`` as text and never meets the frame;
    parsed as markup, the frame's raw text runs to its end tag, which never comes, and swallows the rest of the
    page.  (Tag managers write the snippet in lower case: one fast search finds any.)"""
    at = html.find("<noscript")
    if at < 0:
        return html
    parts, done = [], 0
    while at >= 0:
        found = _NOSCRIPT_FRAME.match(html, at)
        if found:
            parts += [html[done : found.end(1)], "></iframe>"]
            done = found.end()
        at = html.find("<noscript", at + 9)
    return "".join(parts) + html[done:] if parts else html


def _read_meta(page: Page, attrs: dict[str, str | None]) -> None:
    content = attrs.get("content")
    if not content:
        return
    for key_attr in ("property", "name", "itemprop", "http-equiv"):
        key = attrs.get(key_attr)
        if key:
            page.meta.setdefault(key.strip().lower(), []).append(content)


def looks_binary(text: str) -> bool:
    """True when the start of ``text`` is mostly control or replacement characters."""
    sample = text[:4096]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > 0.1 * len(sample)


def looks_like_html(text: str) -> bool:
    """True when markup appears in the first 64 KB."""
    return _TAG_LIKE.search(text, 0, 65536) is not None


def limit_nesting(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` made safe for the parser: tags nested deeper than ``max_depth`` removed
    (their text kept), and formatting tags dropped altogether when they are misnested
    so often that the parser's "adoption agency" would rebuild an ever deeper tree.

    Free on ordinary pages: the tag-by-tag scan runs only on pages with many tags.
    """
    if html.count("<") < DEPTH_SCAN_MIN_TAGS:
        return html
    drop, misnested = _scan(html, max_depth)
    if misnested > MAX_MISNESTED:
        html = _FORMATTING_TAG.sub("", html)
        drop, _ = _scan(html, max_depth)
    if not drop:
        return html
    return "".join(_kept(html, drop))


def _scan(html: str, max_depth: int) -> tuple[list[tuple[int, int]], int]:
    """Spans of the tags to drop for ``max_depth``, and how many formatting tags close out of order."""
    drop: list[tuple[int, int]] = []
    stack: list[tuple[str, bool]] = []
    misnested = 0
    pos = 0
    for match in _TAG.finditer(html):
        start = match.start()
        if start < pos:
            continue
        closing, name = match.group(1, 2)  # one call for both: this loop runs for every tag
        if name is None:  # a comment
            end = html.find("-->", match.end())
            if end < 0:
                break
            pos = end + 3
            continue
        name = name.lower()
        if closing:  # a closing tag
            if stack and stack[-1][0] == name:  # the usual case, the innermost element: no search
                if stack[-1][1]:
                    drop.append((start, match.end()))
                stack.pop()
                continue
            for i in range(len(stack) - 1, max(-1, len(stack) - 64), -1):
                if stack[i][0] == name:
                    if stack[i][1]:
                        drop.append((start, match.end()))
                    if i < len(stack) - 1 and (
                        name in _FORMATTING or not _FORMATTING.isdisjoint(s[0] for s in stack[i + 1 :])
                    ):
                        misnested += 1
                    del stack[i:]
                    break
            continue
        if name in _VOID:
            continue
        if stack and ((name in _SELF_SIBLING and stack[-1][0] == name) or (name in _CLOSES_P and stack[-1][0] == "p")):
            stack.pop()
        too_deep = len(stack) >= max_depth
        if too_deep:
            drop.append((start, match.end()))
        stack.append((name, too_deep))
        rawtext = _RAWTEXT_END.get(name)
        if rawtext is not None:
            found = rawtext.search(html, match.end())
            if found is None:
                break
            pos = found.start()
    return drop, misnested


def _kept(html: str, drop: list[tuple[int, int]]) -> Iterator[str]:
    pos = 0
    for start, end in drop:
        yield html[pos:start]
        pos = end
    yield html[pos:]


def _json_ld_objects(raw: str) -> list[dict[str, Any]]:
    raw = raw.strip()
    if raw.startswith("<!--") or raw.startswith("//<![CDATA["):
        raw = re.sub(r"^(<!--|//<!\[CDATA\[)|(-->|//\]\]>)$", "", raw).strip()
    try:
        data = json.loads(raw, strict=False)  # raw control characters in strings are common in JSON-LD
    except (ValueError, RecursionError):
        return []
    out: list[dict[str, Any]] = []
    todo: list[tuple[Any, int]] = [(data, 0)]
    while todo:
        item, depth = todo.pop()
        if depth > JSON_LD_MAX_DEPTH:
            continue
        if isinstance(item, list):
            todo.extend((x, depth + 1) for x in reversed(item))
        elif isinstance(item, dict):
            if "@type" in item:
                out.append(item)
            for key in ("@graph", "mainEntity"):
                child = item.get(key)
                if isinstance(child, (list, dict)):
                    todo.append((child, depth + 1))
    return out


def json_ld_types(obj: dict[str, Any]) -> set[str]:
    """The lower-cased ``@type`` names of a JSON-LD object."""
    kind = obj.get("@type")
    names = kind if isinstance(kind, list) else [kind]
    return {n.rsplit("/", 1)[-1].lower() for n in names if isinstance(n, str)}
