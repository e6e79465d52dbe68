"""Cleaning already-extracted article text: furniture lines out, damage repaired.

See :func:`clean_text`; the rules are in :mod:`presscut.clean.rules` and the
phrases they recognise in :mod:`presscut.clean.phrases`.
"""

from presscut.clean.cleaner import clean_text

__all__ = ["clean_text"]
