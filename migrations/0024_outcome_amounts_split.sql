-- Kept sums of outcome amounts never overflow: SQLite's integers stop at 2^63, and a month
-- of large pledges (200 of 10^15 KRW) went past it, failing the write that made them and
-- every report over them. Each sum is kept in two parts, the billions of hundredths
-- (amount / 10^9) and the rest (amount % 10^9): each part of one amount is below 10^9,
-- so billions of outcomes can be added in either column, and the reader joins the two
-- parts in 128 bits (store::counts::outcomes).
DROP TABLE outcome_month_amounts;
CREATE TABLE outcome_month_amounts (
    month      TEXT NOT NULL,
    region_id  INTEGER NOT NULL,
    currency   TEXT NOT NULL,
    status     TEXT NOT NULL,
    billions   INTEGER NOT NULL,
    rest       INTEGER NOT NULL,
    PRIMARY KEY (month, region_id, currency, status)
) WITHOUT ROWID;
CREATE INDEX outcome_month_amounts_region
    ON outcome_month_amounts (region_id, month, currency, status, billions, rest);
-- Counted again at the next start (store::summary::settle).
INSERT OR IGNORE INTO stale_outcome_months
    SELECT DISTINCT substr(date, 1, 7) FROM outcomes WHERE amount_minor IS NOT NULL;
