-- 12: one name per site.  An article whose page declares no site name (already-extracted text, a
-- page without og:site_name or a publisher) is named by its host ("harbour.example"), while the
-- same host's other pages declare "The Harbour Gazette": counts by site, facets and the site
-- pages showed one outlet twice.  The store now remembers the first name a host declares and
-- gives it to that host's host-named articles, earlier and later ones alike.
CREATE TABLE site_names (
    host TEXT PRIMARY KEY,            -- presscut.urls.site_of: lower case, without "www."
    name TEXT NOT NULL                -- the first name one of its pages declared
) WITHOUT ROWID;
WITH hosts AS (
    SELECT rowid AS r, site_name,
           lower(substr(rest, 1, instr(rest || '/', '/') - 1)) AS raw
    FROM (SELECT rowid, site_name, substr(coalesce(url, canonical_url), instr(coalesce(url, canonical_url), '://') + 3) AS rest
          FROM articles WHERE coalesce(url, canonical_url) LIKE '%://%')
), named AS (
    SELECT r, site_name, CASE WHEN raw LIKE 'www.%' THEN substr(bare, 5) ELSE bare END AS host
    FROM (SELECT r, site_name, raw, CASE WHEN instr(raw, ':') THEN substr(raw, 1, instr(raw, ':') - 1) ELSE raw END AS bare
          FROM hosts)
)
INSERT OR IGNORE INTO site_names (host, name)
    SELECT host, site_name FROM named
    WHERE site_name IS NOT NULL AND site_name != host AND host != '' ORDER BY r;
UPDATE articles SET
    site_name = (SELECT name FROM site_names WHERE host = articles.site_name),
    data = json_set(data, '$.evidence.site_name', 'site')
WHERE site_name IN (SELECT host FROM site_names);
