"""The errors presscut raises.  Each message says what to do about it.

::

    PresscutError
    ├── InputError      an input cannot be read or is not what it claims to be
    ├── QueryError      a search query is malformed
    ├── StoreError      the corpus file cannot be opened, or is from a newer presscut
    └── MissingExtra    an optional dependency is not installed
"""

from __future__ import annotations


class PresscutError(Exception):
    """Base class of every error presscut raises on purpose."""


class InputError(PresscutError):
    """An input cannot be read, or is not what its name says it is."""


class QueryError(PresscutError, ValueError):
    """A search query is malformed."""


class StoreError(PresscutError):
    """The corpus cannot be opened or written."""


class MissingExtra(PresscutError, ImportError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        super().__init__(
            f"{purpose} needs the '{package}' package: pip install 'presscut[{extra}]'"
        )
