-- 5: the key stories compare publication times by: a date known only to the day (from a URL or a
-- dateline) counts as "some time that day", so it never beats a full timestamp of the same day
ALTER TABLE stories ADD COLUMN first_key TEXT;
UPDATE stories SET first_key = first_published;
