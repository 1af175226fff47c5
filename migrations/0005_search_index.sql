-- The search index, rebuilt:
-- * rowid = kind * 2^40 + id (was id * 4 + kind): each kind of record owns one contiguous
--   range, newest last, so a broad search can rank the newest matches of each kind without
--   reading every match (store::search);
-- * the Porter stemmer over unicode61, so whole-word queries still find other forms of an
--   English word (battery / batteries); prefixes are asked for explicitly with `word*`.
CREATE TABLE search_index_move AS
    SELECT rowid AS old, entity, entity_id, title, body FROM search_index;
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (
    entity UNINDEXED,
    entity_id UNINDEXED,
    title,
    body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO search_index (rowid, entity, entity_id, title, body)
    SELECT (old % 4) * 1099511627776 + old / 4, entity, entity_id, title, body FROM search_index_move;
DROP TABLE search_index_move;
