-- 11: story signatures are one-permutation MinHash (presscut.stories.minhash).  Those stored before compare with
-- no new one, so a corpus that has any is assigned to stories again, from its texts, when the store next opens
-- (SQLiteStore, StoryIndex.rebuild); a row here says that this is due, until it is done.
CREATE TABLE story_rebuild (reason TEXT NOT NULL);
INSERT INTO story_rebuild (reason) SELECT 'signatures' WHERE EXISTS (SELECT 1 FROM story_signatures);
