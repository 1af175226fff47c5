-- A record known only to its month (start or date precision 'month') matches any days of
-- that month, not only its first (it is stored on the first). The day counts now hold
-- day-precise records only; records dated by month are counted per month here; a month's
-- counts (month_stats) are its days plus its month-only records. store::summary keeps all
-- three. Joint visits say whether they are dated by month only, for part-month reports.
CREATE TABLE month_only_stats (
    month      TEXT NOT NULL,
    region_id  INTEGER NOT NULL,
    visits     INTEGER NOT NULL,
    sourced    INTEGER NOT NULL,
    meetings   INTEGER NOT NULL,
    forums     INTEGER NOT NULL,
    PRIMARY KEY (month, region_id)
) WITHOUT ROWID;

ALTER TABLE joint_visit_provinces ADD COLUMN month_only INTEGER NOT NULL DEFAULT 0;

-- Everything is recounted at the next start (store::summary::settle).
INSERT OR IGNORE INTO stale_days
    SELECT start_date FROM visits UNION SELECT date FROM meetings UNION SELECT start_date FROM forums;
