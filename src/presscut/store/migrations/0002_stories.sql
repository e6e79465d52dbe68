-- 2: stories (groups of copies and versions of one text) and every URL an article was seen at
ALTER TABLE articles ADD COLUMN story_id TEXT;
ALTER TABLE articles ADD COLUMN story_similarity REAL;  -- estimated overlap with the story's representative
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE TABLE article_urls (
    url TEXT PRIMARY KEY,      -- normalised (presscut.urls.normalize_url)
    id TEXT NOT NULL           -- the article seen there
) WITHOUT ROWID;
CREATE TABLE stories (
    sid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,   -- public story id (the founding article's id)
    representative INTEGER NOT NULL,  -- articles.rowid of the copy others are compared to
    original INTEGER NOT NULL,        -- articles.rowid of the earliest published copy
    first_published TEXT,
    attribution TEXT,          -- the wire agency or source credited by a copy
    articles INTEGER NOT NULL
);
CREATE TABLE story_signatures (
    article INTEGER PRIMARY KEY,      -- articles.rowid
    story INTEGER NOT NULL,           -- stories.sid
    shingles INTEGER NOT NULL,
    signature BLOB                    -- MinHash values (little-endian uint32); NULL when too short to compare
);
CREATE TABLE story_buckets (
    key INTEGER PRIMARY KEY,          -- LSH band key
    article INTEGER NOT NULL          -- the first article stored with this key (articles.rowid)
);
