-- Officials' posts over time (issue 12), so a history shows the title a person held on
-- the day. Numbers are never reused (AUTOINCREMENT): an undo puts a removed post back
-- under its own number, which no other post can have taken meanwhile.
CREATE TABLE positions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    official_id     INTEGER NOT NULL REFERENCES officials (id),
    title           TEXT NOT NULL,
    organization    TEXT,
    province_id     INTEGER REFERENCES regions (id),
    -- YYYY-MM-DD (first day when precision is month). No start: unknown (posts carried
    -- over from an official's single title); no end: still held.
    from_date       TEXT,
    from_precision  TEXT CHECK (from_precision IN ('day', 'month')),
    to_date         TEXT,
    to_precision    TEXT CHECK (to_precision IN ('day', 'month')),
    -- The days the post covers, both ends included: a month covers all its days, an
    -- unknown start and an open end reach as far as dates go.
    span_from       TEXT GENERATED ALWAYS AS (coalesce(from_date, '0000-01-01')) VIRTUAL,
    span_to         TEXT GENERATED ALWAYS AS (CASE WHEN to_date IS NULL THEN '9999-12-31'
                        WHEN to_precision = 'month' THEN date(to_date, '+1 month', '-1 day')
                        ELSE to_date END) VIRTUAL,
    from_shown      TEXT GENERATED ALWAYS AS (CASE from_precision WHEN 'month' THEN substr(from_date, 1, 7) ELSE from_date END) VIRTUAL,
    to_shown        TEXT GENERATED ALWAYS AS (CASE to_precision WHEN 'month' THEN substr(to_date, 1, 7) ELSE to_date END) VIRTUAL,
    CHECK ((from_date IS NULL) = (from_precision IS NULL)),
    CHECK ((to_date IS NULL) = (to_precision IS NULL))
);
CREATE INDEX positions_official ON positions (official_id, from_date);

-- Each official's title becomes their one post, still held, start unknown, with their
-- organization and province. (officials.title stays: it is the current title.)
INSERT INTO positions (official_id, title, organization, province_id)
    SELECT id, trim(title), nullif(trim(organization), ''), province_id FROM officials
     WHERE title IS NOT NULL AND trim(title) != '' ORDER BY id;
