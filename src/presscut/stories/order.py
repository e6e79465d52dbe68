"""Which copy of a story came first, when some dates are known only to the day."""

from __future__ import annotations

#: Evidence that gives a date without a time of day.
DAY_ONLY_SOURCES = frozenset({"url", "text", "input", "feed"})


def is_day_only(published: str | None, date_source: str | None) -> bool:
    """True when ``published`` (UTC ISO) came from day-level evidence and has no time of its own."""
    return bool(published) and date_source in DAY_ONLY_SOURCES and str(published)[11:19] == "00:00:00"


def order_key(published: str | None, day_only: bool) -> str | None:
    """What stories compare to find the earliest copy: a day-only date counts as the end of its day."""
    if published is None or not day_only:
        return published
    return published[:10] + "T23:59:59.999999+00:00"
