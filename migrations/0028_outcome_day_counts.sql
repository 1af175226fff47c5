-- Outcomes per province by day (those dated to the day) and by month (those known only to
-- their month), so `/provinces` over a period with day-precise ends counts its part-months
-- from a few hundred kept rows instead of the outcomes themselves (issue 20, item 23; 4 ms
-- of its 4.2 ms at a million visits). Kept by store::summary with the other outcome counts.
CREATE TABLE outcome_region_days (
    day        TEXT NOT NULL,
    region_id  INTEGER NOT NULL,
    outcomes   INTEGER NOT NULL,
    PRIMARY KEY (day, region_id)
) WITHOUT ROWID;
CREATE TABLE outcome_region_month_only (
    month      TEXT NOT NULL,
    region_id  INTEGER NOT NULL,
    outcomes   INTEGER NOT NULL,
    PRIMARY KEY (month, region_id)
) WITHOUT ROWID;
-- Counted at the next start (store::summary::settle).
INSERT OR IGNORE INTO stale_outcome_months SELECT DISTINCT substr(date, 1, 7) FROM outcomes;
