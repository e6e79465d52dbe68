-- 9: the bucket index without a row per key (see presscut.stories.buckets): level 0 is one row per article
-- holding its new keys, levels 1 and up are sorted runs stored as blobs, the main table is one sorted run cut
-- into pages of keys, a row per page under its first key with a Bloom filter of its keys.  Moves merge arrays
-- instead of inserting rows.
-- The keys of the old level tables join the main table's rows here; those rows (level -2) are folded into
-- the pages by the next move into the main table.  Every key stays in exactly one place.
INSERT OR IGNORE INTO story_buckets (key, article)
    SELECT key, article FROM story_bucket_level0 UNION ALL SELECT key, article FROM story_bucket_level1
    UNION ALL SELECT key, article FROM story_bucket_level2 UNION ALL SELECT key, article FROM story_bucket_level3
    UNION ALL SELECT key, article FROM story_bucket_level4 UNION ALL SELECT key, article FROM story_bucket_level5
    ORDER BY key;
UPDATE story_bucket_sizes SET level = -2, token = 0,
    keys = keys + (SELECT coalesce(sum(keys), 0) FROM story_bucket_sizes WHERE level >= 0) WHERE level = -1;
DELETE FROM story_bucket_sizes WHERE level >= 0;
DROP TABLE story_bucket_level0;
DROP TABLE story_bucket_level1;
DROP TABLE story_bucket_level2;
DROP TABLE story_bucket_level3;
DROP TABLE story_bucket_level4;
DROP TABLE story_bucket_level5;
CREATE TABLE story_bucket_adds (
    article INTEGER NOT NULL,         -- level 0: the article (articles.rowid) these new keys were stored with
    keys BLOB NOT NULL                -- little-endian int64 band keys, in no order
);
CREATE TABLE story_bucket_runs (
    level INTEGER NOT NULL,           -- 1, 2, ...: each level is one sorted run
    part INTEGER NOT NULL,            -- the run's parts, in key order
    keys BLOB NOT NULL,               -- little-endian int64 band keys, ascending
    articles BLOB NOT NULL,           -- little-endian int64: the first article stored with each key
    PRIMARY KEY (level, part)
);
CREATE TABLE story_bucket_pages (
    first INTEGER PRIMARY KEY,        -- the main table: its smallest key; a page holds the keys up to the next page's
    keys BLOB NOT NULL,               -- little-endian int64 band keys, ascending
    articles BLOB NOT NULL,           -- little-endian int64: the first article stored with each key
    filter BLOB NOT NULL              -- a Bloom filter of its keys: a lookup reads only pages that may hold a key
);
