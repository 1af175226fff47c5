-- Every database has an identity, made once: exports write it, and an import matches rows
-- to records by id only when they come from the same database (transfer::import).
INSERT OR IGNORE INTO settings (key, value) VALUES ('database_id',
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' ||
    substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' ||
    lower(hex(randomblob(6))));
