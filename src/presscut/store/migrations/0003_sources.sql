-- 3: fetching and watching: HTTP validators per URL, watched sources, feed and sitemap items seen
CREATE TABLE http_validators (
    url TEXT PRIMARY KEY,      -- as requested
    etag TEXT,
    last_modified TEXT,
    status INTEGER,
    fetched_at TEXT NOT NULL   -- ISO 8601 UTC
) WITHOUT ROWID;
CREATE TABLE watch_sources (
    url TEXT PRIMARY KEY,      -- as listed in the sources file or OPML
    kind TEXT,                 -- feed, sitemap or site (a home page whose feeds were discovered)
    feed_urls TEXT,            -- for a site: the feeds found on its home page, JSON list
    last_poll TEXT,
    last_error TEXT,
    items INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE watch_items (
    url TEXT PRIMARY KEY,      -- normalised (presscut.urls.normalize_url)
    source TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    outcome TEXT               -- fetched, or the reason it was skipped for good
) WITHOUT ROWID;
