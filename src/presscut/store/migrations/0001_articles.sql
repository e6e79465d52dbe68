-- 1: articles, earlier revisions, and the full-text index
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    canonical_url TEXT,
    site_name TEXT,
    title TEXT,
    published TEXT,            -- ISO 8601 in UTC, sortable
    language TEXT,
    page_type TEXT NOT NULL,
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    data TEXT NOT NULL,        -- every other Article field, as JSON
    stored_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_site ON articles(site_name);
CREATE INDEX articles_language ON articles(language);
CREATE TABLE revisions (
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    data TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    PRIMARY KEY (id, revision)
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
END;

