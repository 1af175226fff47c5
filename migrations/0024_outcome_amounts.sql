-- Outcome amounts, two changes (issue 20, items 2 and 15).
--
-- An amount may be stated as approximate (`약 10억 원`, `about $300 million`, `15亿元左右`):
-- kept with it, and shown as "about".
ALTER TABLE outcomes ADD COLUMN amount_about INTEGER NOT NULL DEFAULT 0 CHECK (amount_about IN (0, 1));

-- Kept sums of outcome amounts never overflow: SQLite's integers stop at 2^63, and a month
-- of large pledges (200 of 10^15 KRW) went past it, failing the write that made them and
-- every report over them. Each sum is kept in two parts, the billions of hundredths
-- (amount / 10^9) and the rest (amount % 10^9): each part of one amount is below 10^9,
-- so billions of outcomes can be added in either column, and the reader joins the two
-- parts in 128 bits (store::counts::outcomes). `approximate` counts the amounts stated as
-- approximate, so a sum with one of them in it is shown as "about".
DROP TABLE outcome_month_amounts;
CREATE TABLE outcome_month_amounts (
    month        TEXT NOT NULL,
    region_id    INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    status       TEXT NOT NULL,
    billions     INTEGER NOT NULL,
    rest         INTEGER NOT NULL,
    approximate  INTEGER NOT NULL,
    PRIMARY KEY (month, region_id, currency, status)
) WITHOUT ROWID;
CREATE INDEX outcome_month_amounts_region
    ON outcome_month_amounts (region_id, month, currency, status, billions, rest, approximate);
-- Counted again at the next start (store::summary::settle).
INSERT OR IGNORE INTO stale_outcome_months
    SELECT DISTINCT substr(date, 1, 7) FROM outcomes WHERE amount_minor IS NOT NULL;
-- The kept sums change when an amount becomes approximate or exact.
DROP TRIGGER outcomes_stale_update;
CREATE TRIGGER outcomes_stale_update
    AFTER UPDATE OF date, kind, status, amount_minor, currency, amount_about, deleted_at ON outcomes BEGIN
    INSERT OR IGNORE INTO stale_outcome_months VALUES (substr(OLD.date, 1, 7)), (substr(NEW.date, 1, 7));
END;
