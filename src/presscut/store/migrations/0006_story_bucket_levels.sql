-- 6: the LSH bucket index in levels (log-structured, see presscut.stories.buckets): new band keys go into a
-- small level 0 that stays in the page cache; full levels move down in key order in bulk, so the main table
-- (story_buckets) no longer takes one scattered page write per new key.  Every key is in exactly one place.
-- One table per level, so a level that has moved on is emptied at once (DELETE without WHERE).
CREATE TABLE story_bucket_level0 (key INTEGER PRIMARY KEY, article INTEGER NOT NULL);
CREATE TABLE story_bucket_level1 (key INTEGER PRIMARY KEY, article INTEGER NOT NULL);
CREATE TABLE story_bucket_level2 (key INTEGER PRIMARY KEY, article INTEGER NOT NULL);
CREATE TABLE story_bucket_level3 (key INTEGER PRIMARY KEY, article INTEGER NOT NULL);
CREATE TABLE story_bucket_level4 (key INTEGER PRIMARY KEY, article INTEGER NOT NULL);
CREATE TABLE story_bucket_level5 (key INTEGER PRIMARY KEY, article INTEGER NOT NULL);
CREATE TABLE story_bucket_sizes (
    level INTEGER PRIMARY KEY,        -- -1: story_buckets (the main table); 0-5: story_bucket_level0-5
    keys INTEGER NOT NULL,
    token INTEGER NOT NULL            -- replaced by every move into or out of the level (keeps in-memory copies honest)
);
INSERT INTO story_bucket_sizes (level, keys, token) SELECT -1, count(*), 0 FROM story_buckets;
