-- Spellings the bot now writes, as names it answers to. An official's spellings in the
-- other scripts, generated when they are added (Hangul
-- romanized, Hanzi in pinyin and in Korean transcription, Hanja read in Korean): marked so
-- a profile can say which spellings nobody typed, and a moderator can remove a wrong one.
ALTER TABLE official_aliases ADD COLUMN generated INTEGER NOT NULL DEFAULT 0;

-- How people are named to Korean and Chinese readers is rebuilt when the name edits move:
-- a local name counts as a name.
CREATE TRIGGER officials_local_name_update AFTER UPDATE OF local_name ON officials
    WHEN OLD.local_name IS NOT NEW.local_name BEGIN
    UPDATE name_edits SET n = n + 1;
END;

-- A place's name as the bot shows it to a Korean or Chinese reader (migration 0032) is a
-- name it answers to (`산시성(山西)` typed back). The key is the name without its brackets,
-- as `domain::normalize` would make it of these names.
INSERT OR IGNORE INTO region_aliases (country, norm, alias, region_id)
    SELECT country, replace(replace(name_ko, '(', ''), ')', ''), name_ko, id
      FROM regions WHERE name_ko IS NOT NULL;
INSERT OR IGNORE INTO region_aliases (country, norm, alias, region_id)
    SELECT country, replace(replace(name_zh, '(', ''), ')', ''), name_zh, id
      FROM regions WHERE name_zh IS NOT NULL;
