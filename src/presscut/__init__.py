"""presscut: raw news in, a clean, deduplicated, searchable corpus out."""

from presscut.article import Article, Origin, RawDocument, Removed
from presscut.clean import clean_text
from presscut.config import ExtractConfig, FetchConfig, IngestConfig, Limits
from presscut.corpus import Corpus, IngestReport
from presscut.errors import InputError, MissingExtra, PresscutError, QueryError, StoreError
from presscut.extraction import extract
from presscut.pipeline.stats import Stats
from presscut.store import SearchResult
from presscut.stories import Story, StoryCopy

__version__ = "0.1.0"

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
