-- The words of the search index, so a prefix search (`semicon*`) can name the words it
-- begins instead of making FTS5 gather every match of the prefix first. Filled whenever
-- entries are written (store::search), and by the rebuild at the next start.
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;
DELETE FROM settings WHERE key = 'search_version';
