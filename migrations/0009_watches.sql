-- Watches and digests: the bot tells a channel what changed (store::watch, store::outbox)
-- and posts a summary each week or month (store::digest).

-- Who asked to be told what, in which channel. At least one filter; `kind` alone counts.
-- Numbers are never reused (AUTOINCREMENT), so an old `/watch remove id:N` cannot stop a
-- newer watch. `official_id` has no foreign key: undoing the change that added an
-- official removes it for good, and a watch on them must not stop that (it then matches
-- nothing).
CREATE TABLE watches (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id     TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('visits', 'meetings', 'forums', 'outcomes', 'all')),
    province_id    INTEGER REFERENCES regions (id),
    place_id       INTEGER REFERENCES regions (id),
    official_id    INTEGER,
    created_by_id  TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    -- Set when Discord refused the channel (403): nothing is planned or posted until the
    -- same watch is added again.
    paused_at      TEXT,
    paused_reason  TEXT
);

-- The outbox: every audit batch (every write, by any path) gets a row in the transaction
-- that writes it. The commit (store::summary::commit) turns the rows into deliveries for
-- the watches the batch matches, still in that transaction, and removes them.
CREATE TABLE outbox (
    batch_id  INTEGER PRIMARY KEY REFERENCES audit_batches (id)
);
CREATE TRIGGER audit_batches_outbox AFTER INSERT ON audit_batches
BEGIN
    INSERT INTO outbox (batch_id) VALUES (NEW.id);
END;

-- One message per watch per batch: what the batch changed that the watch matches, as it
-- was at the commit. `pending` until Discord answers 2xx (`sent`); `dropped` when the watch
-- was paused or the post can never succeed.
CREATE TABLE watch_deliveries (
    id        INTEGER PRIMARY KEY,
    watch_id  INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    batch_id  INTEGER NOT NULL REFERENCES audit_batches (id),
    notice    TEXT NOT NULL,
    state     TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dropped')),
    done_at   TEXT,
    UNIQUE (watch_id, batch_id)
);
CREATE INDEX watch_deliveries_pending ON watch_deliveries (id) WHERE state = 'pending';

-- The records each watch matched when last written: tells a watch about a record that
-- leaves its filter, or that an undo removes for good (its data is gone by the commit).
CREATE TABLE watch_seen (
    watch_id   INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    entity     TEXT NOT NULL,
    entity_id  INTEGER NOT NULL,
    PRIMARY KEY (watch_id, entity, entity_id)
) WITHOUT ROWID;

-- The team's digest: one schedule. weekday is ISO (1 Monday .. 7 Sunday); day 1-28 so it
-- exists in every month; hour in DIGEST_TIMEZONE.
CREATE TABLE digest_schedule (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    channel_id TEXT NOT NULL,
    frequency  TEXT NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
    weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    day        INTEGER NOT NULL CHECK (day BETWEEN 1 AND 28),
    hour       INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    set_by_id  TEXT NOT NULL,
    set_by     TEXT NOT NULL,
    set_at     TEXT NOT NULL
);

-- Each digest posted, once per channel and period: `posting` is written before the post,
-- `posted` after Discord answered 2xx. `last_batch` is the newest audit batch the digest's
-- "added since the last digest" counted.
CREATE TABLE digest_posts (
    channel_id   TEXT NOT NULL,
    frequency    TEXT NOT NULL,
    period_from  TEXT NOT NULL,
    period_to    TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('posting', 'posted', 'dropped')),
    last_batch   INTEGER NOT NULL,
    started_at   TEXT NOT NULL,
    done_at      TEXT,
    PRIMARY KEY (channel_id, period_from, period_to)
);
