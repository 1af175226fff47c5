-- Joint visits by province and month, so reports for several provinces at once come from
-- the summary too: summing each province's month_stats counts a joint visit once per
-- selected province, and these rows say by how much to correct (a visit listed under k of
-- the selected provinces counts k - 1 times too often). Only live visits with two or more
-- provinces appear; `store::summary::refresh` keeps the rows with the stale months.
CREATE TABLE joint_visit_provinces (
    region_id  INTEGER NOT NULL,
    month      TEXT NOT NULL,
    visit_id   INTEGER NOT NULL,
    sourced    INTEGER NOT NULL,
    PRIMARY KEY (region_id, month, visit_id)
) WITHOUT ROWID;

INSERT OR IGNORE INTO stale_months SELECT month FROM visits;
