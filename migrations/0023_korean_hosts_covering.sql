-- Migration 0021's index of the Korean hosts' rows lacked the `korean` column itself, so
-- SQLite read each row from the table again to test it: with it, the ranking of /stats's
-- top hosts stays in the index.
DROP INDEX official_month_stats_korean;
CREATE INDEX official_month_stats_korean
    ON official_month_stats (month, official_id, meetings, korean)
    WHERE korean;
