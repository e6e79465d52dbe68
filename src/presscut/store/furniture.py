"""Read and write the site furniture learned from a corpus (table ``furniture``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime, timezone

from presscut.store.sqlite import SQLiteStore


def save_furniture(store: SQLiteStore, learned: Mapping[str, frozenset[str]], counts: Mapping[str, int]) -> int:
    """Replace the learned lines of every site in ``learned`` (one transaction); return lines stored.

    ``counts`` gives each site's document count at learning time.
    """
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    db = store.db
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM furniture")
        rows = [(site, key, counts.get(site, 0), now) for site, keys in learned.items() for key in sorted(keys)]
        db.executemany("INSERT INTO furniture (site, line_key, documents, learned_at) VALUES (?, ?, ?, ?)", rows)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return len(rows)


def load_furniture(store: SQLiteStore) -> dict[str, frozenset[str]]:
    """Site -> learned line keys (empty when nothing was learned)."""
    found: dict[str, set[str]] = defaultdict(set)
    for site, key in store.db.execute("SELECT site, line_key FROM furniture"):
        found[site].add(key)
    return {site: frozenset(keys) for site, keys in found.items()}
