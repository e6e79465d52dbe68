"""Naive HTML-to-text, the way a plain converter would do it (bench tooling only).

All visible text of the page: block elements start and end lines, ``<br>``
breaks a line, ``script``/``style`` (and the never-rendered ``noscript``,
``template`` and ``<head>``) are dropped, and nothing else is removed:
navigation, footers, related lists and comments all stay.  This is the input
``presscut bench clean`` feeds to :func:`presscut.clean_text`; the runtime
never uses it.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

_SPACE = re.compile(r"\s+")

#: Elements whose text is never shown.
DROPPED = frozenset({"script", "style", "noscript", "template", "head", "#comment"})
#: Elements that begin and end a line.
BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "option", "p", "pre",
        "section", "select", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "legend",
        "button",
    }
)


def naive_text(html: str | bytes) -> str:
    """Every visible text of ``html``, one block per line."""
    tree = LexborHTMLParser(html)
    root = tree.root
    if root is None:
        return ""
    parts: list[str] = []
    _walk(root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(node: LexborNode, parts: list[str], pre: bool = False) -> None:
    """Append the text under ``node``; line breaks in the source count only inside ``<pre>``."""
    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            text = child.text_content or ""
            parts.append(text if pre else _SPACE.sub(" ", text))
        elif tag == "br":
            parts.append("\n")
        elif tag is not None and tag not in DROPPED:
            block = tag in BLOCKS
            if block:
                parts.append("\n")
            _walk(child, parts, pre or tag in ("pre", "textarea"))
            if block:
                parts.append("\n")
            elif tag in ("img", "input"):
                parts.append(" ")
        child = child.next
