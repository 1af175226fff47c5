-- Two triggers on officials fired whenever an UPDATE named their columns, changed or not:
-- an edit or an undo of an official recounted every day of their meetings (224 ms for a
-- person with 224 records at a million visits), and told intake the names had changed.
-- They fire on a real change now.
DROP TRIGGER officials_stale_update;
CREATE TRIGGER officials_stale_update AFTER UPDATE OF province_id, country ON officials
    WHEN OLD.province_id IS NOT NEW.province_id OR OLD.country IS NOT NEW.country BEGIN
    INSERT OR IGNORE INTO stale_days
        SELECT m.date FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
        WHERE mp.official_id = NEW.id;
    INSERT OR IGNORE INTO stale_officials
        SELECT substr(m.date, 1, 7), NEW.id FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
        WHERE mp.official_id = NEW.id;
END;

-- The counter of name edits (migration 0018) is not the "names version" of upgrades
-- (settings.names_version, the key scheme of aliases): one name for each.
ALTER TABLE names_version RENAME TO name_edits;
DROP TRIGGER officials_names_update;
CREATE TRIGGER officials_names_update AFTER UPDATE OF name, country, deleted_at ON officials
    WHEN OLD.name IS NOT NEW.name OR OLD.country IS NOT NEW.country OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
    UPDATE name_edits SET n = n + 1;
END;
