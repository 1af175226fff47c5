-- Counts behind the reports, so a report reads a few hundred rows whatever the number of
-- visits. Triggers only mark what a change touches as stale (cheap even for bulk loads);
-- `store::summary::refresh` recounts it inside the same transaction before it commits.

-- Per day and province: region_id 0 stands for all provinces together (a joint visit
-- counted once); any other id is one Chinese province (a joint visit counts for each of its
-- provinces). A meeting counts for a province when it belongs to one of its visits or one
-- of its officials took part; a forum when one of its live visits attended. `sourced`
-- counts visits citing a source. Records dated by month only count on its first day.
CREATE TABLE day_stats (
    day        TEXT NOT NULL,
    region_id  INTEGER NOT NULL,
    visits     INTEGER NOT NULL,
    sourced    INTEGER NOT NULL,
    meetings   INTEGER NOT NULL,
    forums     INTEGER NOT NULL,
    PRIMARY KEY (day, region_id)
) WITHOUT ROWID;

-- The same per month (the sum of its days), for reports over whole months.
CREATE TABLE month_stats (
    month      TEXT NOT NULL,
    region_id  INTEGER NOT NULL,
    visits     INTEGER NOT NULL,
    sourced    INTEGER NOT NULL,
    meetings   INTEGER NOT NULL,
    forums     INTEGER NOT NULL,
    PRIMARY KEY (month, region_id)
) WITHOUT ROWID;

-- Live joint visits (two provinces or more) by province and day. Summing the counts of
-- several provinces counts such a visit once per selected province; a visit listed under k
-- of them is subtracted k - 1 times, so any list of provinces is answered from the counts.
CREATE TABLE joint_visit_provinces (
    day        TEXT NOT NULL,
    region_id  INTEGER NOT NULL,
    visit_id   INTEGER NOT NULL,
    sourced    INTEGER NOT NULL,
    PRIMARY KEY (region_id, day, visit_id)
) WITHOUT ROWID;
CREATE INDEX joint_visit_provinces_day ON joint_visit_provinces (day);

-- Meetings per official per month (live meetings; every official, live or not). `prev` is
-- the official's previous month with a meeting (NULL for their first), so the people met in
-- a period are counted without sorting them: those whose previous month lies before it.
-- `korean` copies the official's side, for the top Korean hosts.
CREATE TABLE official_month_stats (
    month        TEXT NOT NULL,
    official_id  INTEGER NOT NULL,
    meetings     INTEGER NOT NULL,
    korean       INTEGER NOT NULL,
    prev         TEXT,
    PRIMARY KEY (month, official_id)
) WITHOUT ROWID;
CREATE INDEX official_month_stats_official ON official_month_stats (official_id, month);

-- What a write touched, for `store::summary::refresh` to recount before the commit: the
-- days whose counts may have changed, and the (month, official) pairs whose meetings may.
CREATE TABLE stale_days (
    day TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE stale_officials (
    month        TEXT NOT NULL,
    official_id  INTEGER NOT NULL,
    PRIMARY KEY (month, official_id)
) WITHOUT ROWID;

-- Visits: their own day; their meetings' and forums' days (province links and liveness of
-- a visit change what those count).
CREATE TRIGGER visits_stale_insert AFTER INSERT ON visits BEGIN
    INSERT OR IGNORE INTO stale_days VALUES (NEW.start_date);
END;
CREATE TRIGGER visits_stale_update AFTER UPDATE OF start_date, deleted_at ON visits BEGIN
    INSERT OR IGNORE INTO stale_days VALUES (OLD.start_date), (NEW.start_date);
    INSERT OR IGNORE INTO stale_days
        SELECT f.start_date FROM forum_visits fv JOIN forums f ON f.id = fv.forum_id WHERE fv.visit_id = NEW.id;
END;
CREATE TRIGGER visits_stale_delete AFTER DELETE ON visits BEGIN
    INSERT OR IGNORE INTO stale_days VALUES (OLD.start_date);
END;

CREATE TRIGGER visit_provinces_stale_insert AFTER INSERT ON visit_provinces BEGIN
    INSERT OR IGNORE INTO stale_days SELECT start_date FROM visits WHERE id = NEW.visit_id;
    INSERT OR IGNORE INTO stale_days SELECT date FROM meetings WHERE visit_id = NEW.visit_id;
    INSERT OR IGNORE INTO stale_days
        SELECT f.start_date FROM forum_visits fv JOIN forums f ON f.id = fv.forum_id WHERE fv.visit_id = NEW.visit_id;
END;
CREATE TRIGGER visit_provinces_stale_delete AFTER DELETE ON visit_provinces BEGIN
    INSERT OR IGNORE INTO stale_days SELECT start_date FROM visits WHERE id = OLD.visit_id;
    INSERT OR IGNORE INTO stale_days SELECT date FROM meetings WHERE visit_id = OLD.visit_id;
    INSERT OR IGNORE INTO stale_days
        SELECT f.start_date FROM forum_visits fv JOIN forums f ON f.id = fv.forum_id WHERE fv.visit_id = OLD.visit_id;
END;

CREATE TRIGGER visit_sources_stale_insert AFTER INSERT ON visit_sources BEGIN
    INSERT OR IGNORE INTO stale_days SELECT start_date FROM visits WHERE id = NEW.visit_id;
END;
CREATE TRIGGER visit_sources_stale_delete AFTER DELETE ON visit_sources BEGIN
    INSERT OR IGNORE INTO stale_days SELECT start_date FROM visits WHERE id = OLD.visit_id;
END;

-- Meetings and their participants: the day, and each participant's month.
CREATE TRIGGER meetings_stale_insert AFTER INSERT ON meetings BEGIN
    INSERT OR IGNORE INTO stale_days VALUES (NEW.date);
END;
CREATE TRIGGER meetings_stale_update AFTER UPDATE OF date, deleted_at, visit_id ON meetings BEGIN
    INSERT OR IGNORE INTO stale_days VALUES (OLD.date), (NEW.date);
    INSERT OR IGNORE INTO stale_officials
        SELECT substr(OLD.date, 1, 7), official_id FROM meeting_participants WHERE meeting_id = NEW.id
        UNION SELECT substr(NEW.date, 1, 7), official_id FROM meeting_participants WHERE meeting_id = NEW.id;
END;
CREATE TRIGGER meetings_stale_delete AFTER DELETE ON meetings BEGIN
    INSERT OR IGNORE INTO stale_days VALUES (OLD.date);
    INSERT OR IGNORE INTO stale_officials
        SELECT substr(OLD.date, 1, 7), official_id FROM meeting_participants WHERE meeting_id = OLD.id;
END;
CREATE TRIGGER meeting_participants_stale_insert AFTER INSERT ON meeting_participants BEGIN
    INSERT OR IGNORE INTO stale_days SELECT date FROM meetings WHERE id = NEW.meeting_id;
    INSERT OR IGNORE INTO stale_officials
        SELECT substr(date, 1, 7), NEW.official_id FROM meetings WHERE id = NEW.meeting_id;
END;
CREATE TRIGGER meeting_participants_stale_delete AFTER DELETE ON meeting_participants BEGIN
    INSERT OR IGNORE INTO stale_days SELECT date FROM meetings WHERE id = OLD.meeting_id;
    INSERT OR IGNORE INTO stale_officials
        SELECT substr(date, 1, 7), OLD.official_id FROM meetings WHERE id = OLD.meeting_id;
END;

-- An official's province decides which province their meetings count for; their side
-- whether they are a Korean host.
CREATE TRIGGER officials_stale_update AFTER UPDATE OF province_id, country ON officials BEGIN
    INSERT OR IGNORE INTO stale_days
        SELECT m.date FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
        WHERE mp.official_id = NEW.id;
    INSERT OR IGNORE INTO stale_officials
        SELECT substr(m.date, 1, 7), NEW.id FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
        WHERE mp.official_id = NEW.id;
END;

-- Forums and the visits that attended them.
CREATE TRIGGER forums_stale_insert AFTER INSERT ON forums BEGIN
    INSERT OR IGNORE INTO stale_days VALUES (NEW.start_date);
END;
CREATE TRIGGER forums_stale_update AFTER UPDATE OF start_date, deleted_at ON forums BEGIN
    INSERT OR IGNORE INTO stale_days VALUES (OLD.start_date), (NEW.start_date);
END;
CREATE TRIGGER forums_stale_delete AFTER DELETE ON forums BEGIN
    INSERT OR IGNORE INTO stale_days VALUES (OLD.start_date);
END;
CREATE TRIGGER forum_visits_stale_insert AFTER INSERT ON forum_visits BEGIN
    INSERT OR IGNORE INTO stale_days SELECT start_date FROM forums WHERE id = NEW.forum_id;
END;
CREATE TRIGGER forum_visits_stale_delete AFTER DELETE ON forum_visits BEGIN
    INSERT OR IGNORE INTO stale_days SELECT start_date FROM forums WHERE id = OLD.forum_id;
END;

-- Existing records are counted at the next start.
INSERT OR IGNORE INTO stale_days
    SELECT start_date FROM visits UNION SELECT date FROM meetings UNION SELECT start_date FROM forums;
INSERT OR IGNORE INTO stale_officials
    SELECT DISTINCT substr(m.date, 1, 7), mp.official_id FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id;
