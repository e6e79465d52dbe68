-- 10: a move into the bucket index's main table is spread over the next level-0 moves (see
-- presscut.stories.buckets): the level on its way there (level -3) keeps in ``cursor`` the smallest key not
-- merged into the main table yet.  An older presscut, which would not look in that level, refuses the file.
ALTER TABLE story_bucket_sizes ADD COLUMN cursor INTEGER;
