"""HTML page -> :class:`~presscut.article.Article`: decoding, main text and metadata.

``extract`` is the entry point; the modules say what they hold:
``encoding`` (bytes to text), ``page`` (the parse-once page object),
``content`` (main text), ``titles``, ``authors``, ``dates`` and
``metadata`` (fields with evidence), ``pagetype``, and ``patterns`` (the
vocabulary, as data).
"""

from presscut.extraction.core import extract
from presscut.extraction.encoding import decode_html

__all__ = ["decode_html", "extract"]
