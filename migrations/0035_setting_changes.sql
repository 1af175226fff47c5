-- Changes to the team's setup beside its records: watches, the digest's schedule and the
-- language of what the bot posts. Each belongs to the audit batch that made it, so
-- /data audit says who changed what and undo puts it back, as for records.
CREATE TABLE setting_changes (
    id       INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES audit_batches (id),
    -- 'watch' (key: the watch's id), 'digest' or 'language' (key: 1)
    setting  TEXT NOT NULL,
    key      INTEGER NOT NULL,
    -- The setting as JSON before and after; NULL when it did not exist.
    before   TEXT,
    after    TEXT
);
CREATE INDEX setting_changes_batch ON setting_changes (batch_id);
CREATE INDEX setting_changes_setting ON setting_changes (setting, key);
