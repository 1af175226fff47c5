-- Outcomes (issue 12): what visits come to — MOUs, agreements, investment pledges,
-- contracts, sister-city ties. An amount is exact: hundredths of its currency in an
-- integer (domain::amount), never a float, and always with its currency; amounts in
-- different currencies are never added. Soft-deleted and versioned like the other records.
CREATE TABLE outcomes (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,            -- domain::OutcomeKind label
    title           TEXT NOT NULL,
    date            TEXT NOT NULL,            -- YYYY-MM-DD (first day when precision is month)
    date_precision  TEXT NOT NULL DEFAULT 'day' CHECK (date_precision IN ('day', 'month')),
    -- Shown as migration 0014 shows every stored date.
    date_shown      TEXT GENERATED ALWAYS AS (CASE date_precision WHEN 'month' THEN substr(date, 1, 7) ELSE date END) VIRTUAL,
    status          TEXT NOT NULL,            -- domain::OutcomeStatus label
    city            TEXT,
    korean_side     TEXT,                     -- places and organizations, free text
    amount_minor    INTEGER CHECK (amount_minor >= 0),
    currency        TEXT CHECK (currency IN ('KRW', 'USD', 'CNY', 'EUR', 'JPY')),
    visit_id        INTEGER REFERENCES visits (id),
    meeting_id      INTEGER REFERENCES meetings (id),
    forum_id        INTEGER REFERENCES forums (id),
    summary         TEXT,
    dataset         TEXT NOT NULL DEFAULT 'user',
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT,
    CHECK ((amount_minor IS NULL) = (currency IS NULL))
);
CREATE INDEX outcomes_live_date ON outcomes (date) WHERE deleted_at IS NULL;
CREATE INDEX outcomes_live_kind ON outcomes (kind, date) WHERE deleted_at IS NULL;
CREATE INDEX outcomes_visit ON outcomes (visit_id);
CREATE INDEX outcomes_meeting ON outcomes (meeting_id);
CREATE INDEX outcomes_forum ON outcomes (forum_id);

-- The Chinese side: one or more provinces (the city is a column).
CREATE TABLE outcome_provinces (
    outcome_id  INTEGER NOT NULL REFERENCES outcomes (id),
    region_id   INTEGER NOT NULL REFERENCES regions (id),
    PRIMARY KEY (outcome_id, region_id)
) WITHOUT ROWID;
CREATE INDEX outcome_provinces_region ON outcome_provinces (region_id, outcome_id);

CREATE TABLE outcome_sources (
    id          INTEGER PRIMARY KEY,
    outcome_id  INTEGER NOT NULL REFERENCES outcomes (id),
    url         TEXT NOT NULL,
    title       TEXT,
    published   TEXT
);
CREATE INDEX outcome_sources_outcome ON outcome_sources (outcome_id);

-- Counts behind the reports, kept per month (the month of an outcome's date, whether it
-- is known to the day or to the month only) so that /stats, /provinces and the pager of
-- /outcomes list read a few rows per month whatever the number of outcomes. Region 0 is
-- every live outcome once; any other id is one Chinese province (an outcome counts for
-- each of its provinces). The part-months at either end of a period with day-precise
-- bounds are counted from the outcomes themselves: two months of them at most.

-- Outcomes by kind and status. Read by region first (a province's or all), hence the index.
CREATE TABLE outcome_months (
    month      TEXT NOT NULL,
    region_id  INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL,
    outcomes   INTEGER NOT NULL,
    PRIMARY KEY (month, region_id, kind, status)
) WITHOUT ROWID;
CREATE INDEX outcome_months_region ON outcome_months (region_id, month, kind, status, outcomes);

-- The sum of the amounts (hundredths) by currency and status: what was pledged (any status
-- but cancelled) and realized, per currency, never across currencies.
CREATE TABLE outcome_month_amounts (
    month      TEXT NOT NULL,
    region_id  INTEGER NOT NULL,
    currency   TEXT NOT NULL,
    status     TEXT NOT NULL,
    amount     INTEGER NOT NULL,
    PRIMARY KEY (month, region_id, currency, status)
) WITHOUT ROWID;
CREATE INDEX outcome_month_amounts_region ON outcome_month_amounts (region_id, month, currency, status, amount);

-- Outcomes per region alone: the /provinces column, a few dozen rows a month.
CREATE TABLE outcome_region_months (
    month      TEXT NOT NULL,
    region_id  INTEGER NOT NULL,
    outcomes   INTEGER NOT NULL,
    PRIMARY KEY (month, region_id)
) WITHOUT ROWID;

-- The months a write touched, for store::summary::refresh to recount before the commit.
-- Marked by outcome writes only, so a visit's write does not recount its month's outcomes.
CREATE TABLE stale_outcome_months (
    month TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TRIGGER outcomes_stale_insert AFTER INSERT ON outcomes BEGIN
    INSERT OR IGNORE INTO stale_outcome_months VALUES (substr(NEW.date, 1, 7));
END;
CREATE TRIGGER outcomes_stale_update
    AFTER UPDATE OF date, kind, status, amount_minor, currency, deleted_at ON outcomes BEGIN
    INSERT OR IGNORE INTO stale_outcome_months VALUES (substr(OLD.date, 1, 7)), (substr(NEW.date, 1, 7));
END;
CREATE TRIGGER outcomes_stale_delete AFTER DELETE ON outcomes BEGIN
    INSERT OR IGNORE INTO stale_outcome_months VALUES (substr(OLD.date, 1, 7));
END;
CREATE TRIGGER outcome_provinces_stale_insert AFTER INSERT ON outcome_provinces BEGIN
    INSERT OR IGNORE INTO stale_outcome_months SELECT substr(date, 1, 7) FROM outcomes WHERE id = NEW.outcome_id;
END;
CREATE TRIGGER outcome_provinces_stale_delete AFTER DELETE ON outcome_provinces BEGIN
    INSERT OR IGNORE INTO stale_outcome_months SELECT substr(date, 1, 7) FROM outcomes WHERE id = OLD.outcome_id;
END;
-- A database that had none needs no counts now; whatever a later hand edit leaves stale
-- is counted at the next start (store::summary::settle).
