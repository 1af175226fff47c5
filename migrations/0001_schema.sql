-- The whole data model. Records are soft-deleted (deleted_at) so the audit log can show
-- and undo every change; `version` grows on every write for optimistic concurrency.
-- `dataset` tells real records ('user') from the shipped sample and synthetic load data.

CREATE TABLE regions (
    id          INTEGER PRIMARY KEY,
    country     TEXT NOT NULL CHECK (country IN ('CN', 'KR')),
    name        TEXT NOT NULL,
    local_name  TEXT,
    kind        TEXT NOT NULL,
    UNIQUE (country, name)
);

CREATE TABLE region_aliases (
    country     TEXT NOT NULL,
    norm        TEXT NOT NULL,
    alias       TEXT NOT NULL,
    region_id   INTEGER NOT NULL REFERENCES regions (id),
    PRIMARY KEY (country, norm)
) WITHOUT ROWID;

CREATE TABLE officials (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    local_name    TEXT,
    country       TEXT NOT NULL CHECK (country IN ('China', 'Korea', 'Other')),
    title         TEXT,
    organization  TEXT,
    province_id   INTEGER REFERENCES regions (id),
    dataset       TEXT NOT NULL DEFAULT 'user',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);

-- Aliases of live officials only: a soft delete removes them (the audit snapshot keeps
-- them for undo), so a deleted person never blocks a name.
CREATE TABLE official_aliases (
    norm         TEXT PRIMARY KEY,
    alias        TEXT NOT NULL,
    official_id  INTEGER NOT NULL REFERENCES officials (id)
);
CREATE INDEX official_aliases_official ON official_aliases (official_id);

CREATE TABLE visits (
    id               INTEGER PRIMARY KEY,
    start_date       TEXT NOT NULL,            -- YYYY-MM-DD (first day when precision is month)
    start_precision  TEXT NOT NULL CHECK (start_precision IN ('day', 'month')),
    end_date         TEXT,
    end_precision    TEXT CHECK (end_precision IN ('day', 'month')),
    span_end         TEXT NOT NULL,            -- last day the visit may cover, for overlap checks
    month            TEXT GENERATED ALWAYS AS (substr(start_date, 1, 7)) STORED,
    city             TEXT,
    level            TEXT,
    leader_id        INTEGER REFERENCES officials (id),
    purpose          TEXT,
    size             INTEGER,
    dataset          TEXT NOT NULL DEFAULT 'user',
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    deleted_at       TEXT
);
CREATE INDEX visits_live_start ON visits (start_date) WHERE deleted_at IS NULL;
CREATE INDEX visits_live_month ON visits (month) WHERE deleted_at IS NULL;
CREATE INDEX visits_leader ON visits (leader_id);

CREATE TABLE visit_provinces (
    visit_id   INTEGER NOT NULL REFERENCES visits (id),
    region_id  INTEGER NOT NULL REFERENCES regions (id),
    PRIMARY KEY (visit_id, region_id)
) WITHOUT ROWID;
CREATE INDEX visit_provinces_region ON visit_provinces (region_id, visit_id);

CREATE TABLE visit_places (
    visit_id   INTEGER NOT NULL REFERENCES visits (id),
    region_id  INTEGER NOT NULL REFERENCES regions (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (visit_id, region_id)
) WITHOUT ROWID;
CREATE INDEX visit_places_region ON visit_places (region_id, visit_id);

CREATE TABLE visit_sources (
    id         INTEGER PRIMARY KEY,
    visit_id   INTEGER NOT NULL REFERENCES visits (id),
    url        TEXT NOT NULL,
    title      TEXT,
    published  TEXT
);
CREATE INDEX visit_sources_visit ON visit_sources (visit_id);

CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,            -- YYYY-MM-DD (first day when precision is month)
    date_precision TEXT NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month')),
    place       TEXT,
    summary     TEXT,
    visit_id    INTEGER REFERENCES visits (id),
    dataset     TEXT NOT NULL DEFAULT 'user',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX meetings_live_date ON meetings (date) WHERE deleted_at IS NULL;
CREATE INDEX meetings_visit ON meetings (visit_id);

CREATE TABLE meeting_participants (
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id),
    official_id  INTEGER NOT NULL REFERENCES officials (id),
    PRIMARY KEY (meeting_id, official_id)
) WITHOUT ROWID;
CREATE INDEX meeting_participants_official ON meeting_participants (official_id, meeting_id);

CREATE TABLE forums (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    edition     TEXT,
    start_date  TEXT NOT NULL,
    start_precision TEXT NOT NULL DEFAULT 'day' CHECK (start_precision IN ('day', 'month')),
    end_date    TEXT,
    end_precision TEXT CHECK (end_precision IN ('day', 'month')),
    place       TEXT,
    organizer   TEXT,
    dataset     TEXT NOT NULL DEFAULT 'user',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX forums_live_start ON forums (start_date) WHERE deleted_at IS NULL;

CREATE TABLE forum_visits (
    forum_id  INTEGER NOT NULL REFERENCES forums (id),
    visit_id  INTEGER NOT NULL REFERENCES visits (id),
    PRIMARY KEY (forum_id, visit_id)
) WITHOUT ROWID;
CREATE INDEX forum_visits_visit ON forum_visits (visit_id, forum_id);

-- One batch per user action (an import is one batch); entries hold JSON snapshots of
-- each touched record before and after, which is all undo needs.
CREATE TABLE audit_batches (
    id         INTEGER PRIMARY KEY,
    actor_id   TEXT NOT NULL,
    actor      TEXT NOT NULL,
    at         TEXT NOT NULL,
    action     TEXT NOT NULL,
    summary    TEXT NOT NULL,
    undoes     INTEGER REFERENCES audit_batches (id),
    undone_by  INTEGER REFERENCES audit_batches (id)
);
CREATE INDEX audit_batches_actor ON audit_batches (actor_id, id);

CREATE TABLE audit_entries (
    id         INTEGER PRIMARY KEY,
    batch_id   INTEGER NOT NULL REFERENCES audit_batches (id),
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    before     TEXT,
    after      TEXT
);
CREATE INDEX audit_entries_batch ON audit_entries (batch_id);
CREATE INDEX audit_entries_entity ON audit_entries (entity, entity_id);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Full-text search over every live record; kept in step by the store on each write.
CREATE VIRTUAL TABLE search_index USING fts5 (
    entity UNINDEXED,
    entity_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);
