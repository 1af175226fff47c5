-- Whether an official's spellings in the other scripts have been generated (migration 0033).
-- Officials added before 0033, or by an import, have none yet: the bot generates them once
-- (commands::App::generate_readings) and marks them, so a reading a moderator removed is
-- not made again.
ALTER TABLE officials ADD COLUMN readings_done INTEGER NOT NULL DEFAULT 0;
UPDATE officials SET readings_done = 1
 WHERE id IN (SELECT official_id FROM official_aliases WHERE generated = 1);
