-- 7: the columns a search or timeline reads for every matching article (date, story, site, language, page
-- type), in one small index keyed by rowid, so ranking, counting and grouping thousands of matches never
-- touch the wide article rows (a 100,000-article corpus: 8 MB of index against 650 MB of rows).  Queries
-- name it (INDEXED BY): SQLite would otherwise look rows up by their primary key.
CREATE INDEX articles_facets ON articles(rowid, published, story_id, site_name, language, page_type);
