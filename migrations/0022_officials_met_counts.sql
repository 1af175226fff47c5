-- /stats counts the people met in a period as the rows of official_month_stats whose
-- previous month with a meeting (prev) lies before the period: one row read per person.
-- Kept here by month and previous month ('' for none), the count reads at most one row per
-- pair of months, whatever the number of people. store::summary::refresh keeps it.
CREATE TABLE official_prev_counts (
    month      TEXT NOT NULL,
    prev       TEXT NOT NULL,
    officials  INTEGER NOT NULL,
    PRIMARY KEY (month, prev)
) WITHOUT ROWID;

INSERT INTO official_prev_counts (month, prev, officials)
    SELECT month, coalesce(prev, ''), count(*) FROM official_month_stats GROUP BY 1, 2;
