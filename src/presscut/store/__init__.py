"""Where articles live.  The embedded default is one SQLite file."""

from presscut.store.sqlite import Filters, SearchResult, SQLiteStore

__all__ = ["Filters", "SQLiteStore", "SearchResult"]
