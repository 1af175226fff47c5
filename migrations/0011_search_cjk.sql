-- The search index reads what the tokenizer should see (CJK runs as pairs of characters,
-- made in Rust: domain::search_text) and keeps only the original text that results show
-- (contentless: the tokenizer's form is indexed, not stored). It is refilled by the bot at
-- its next start (store::search::rebuild, once: settings 'search_version').
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5 (
    entity UNINDEXED,
    entity_id UNINDEXED,
    title,
    body,
    shown_title UNINDEXED,
    shown_body UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2',
    content = '',
    contentless_delete = 1,
    contentless_unindexed = 1
);
DELETE FROM settings WHERE key = 'search_version';
