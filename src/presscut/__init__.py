"""presscut: raw news in, a clean, deduplicated, searchable corpus out.

The public names below are imported on first use (PEP 562), so ``import
presscut.errors`` or ``presscut --help`` does not load the extractor, numpy
and the store; ``from presscut import Corpus`` works as usual.
"""

import importlib as _importlib
import typing as _typing

__version__ = "0.1.0"

#: Each public name and the module that defines it.
_EXPORTS: dict[str, str] = {
    "Article": "presscut.article",
    "Origin": "presscut.article",
    "RawDocument": "presscut.article",
    "Removed": "presscut.article",
    "clean_text": "presscut.clean",
    "ExtractConfig": "presscut.config",
    "FetchConfig": "presscut.config",
    "IngestConfig": "presscut.config",
    "Limits": "presscut.config",
    "Corpus": "presscut.corpus",
    "IngestReport": "presscut.corpus",
    "InputError": "presscut.errors",
    "MissingExtra": "presscut.errors",
    "PresscutError": "presscut.errors",
    "QueryError": "presscut.errors",
    "StoreError": "presscut.errors",
    "extract": "presscut.extraction",
    "Stats": "presscut.pipeline.stats",
    "SearchResult": "presscut.store",
    "Story": "presscut.stories",
    "StoryCopy": "presscut.stories",
}

__all__ = [
    "Article",
    "Corpus",
    "ExtractConfig",
    "FetchConfig",
    "IngestConfig",
    "IngestReport",
    "InputError",
    "Limits",
    "MissingExtra",
    "Origin",
    "PresscutError",
    "QueryError",
    "RawDocument",
    "Removed",
    "SearchResult",
    "Stats",
    "StoreError",
    "Story",
    "StoryCopy",
    "__version__",
    "clean_text",
    "extract",
]

if _typing.TYPE_CHECKING:
    from presscut.article import Article, Origin, RawDocument, Removed
    from presscut.clean import clean_text
    from presscut.config import ExtractConfig, FetchConfig, IngestConfig, Limits
    from presscut.corpus import Corpus, IngestReport
    from presscut.errors import InputError, MissingExtra, PresscutError, QueryError, StoreError
    from presscut.extraction import extract
    from presscut.pipeline.stats import Stats
    from presscut.store import SearchResult
    from presscut.stories import Story, StoryCopy


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'presscut' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
