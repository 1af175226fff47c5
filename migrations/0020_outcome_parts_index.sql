-- The part-months of a day-precise period (/provinces, /outcomes list's pager, /stats over
-- days) are counted from the outcomes themselves: with only the date indexed, each was read
-- from the table for its precision, kind, status and amount. This index carries them, so
-- those counts stay in the index. The date index stays for walks newest first.
CREATE INDEX outcomes_live_parts
    ON outcomes (date, date_precision, kind, status, currency, amount_minor, deleted_at)
    WHERE deleted_at IS NULL;
