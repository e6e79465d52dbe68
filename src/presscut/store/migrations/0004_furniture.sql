-- 4: site furniture learned from the corpus (presscut learn-furniture)
CREATE TABLE IF NOT EXISTS furniture (
    site TEXT NOT NULL,
    line_key TEXT NOT NULL,
    documents INTEGER NOT NULL,   -- documents of the site holding the line when learned
    learned_at TEXT NOT NULL,
    PRIMARY KEY (site, line_key)
);
