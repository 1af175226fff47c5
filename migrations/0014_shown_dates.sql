-- How a stored date is shown, written once: a date known only to the month is stored as
-- its first day and shown as YYYY-MM; a day is shown as is. Virtual columns cost no space
-- and every query (lists, views, exports, the search text) reads the same rule.
ALTER TABLE visits ADD COLUMN start_shown TEXT
    GENERATED ALWAYS AS (CASE start_precision WHEN 'month' THEN substr(start_date, 1, 7) ELSE start_date END) VIRTUAL;
ALTER TABLE visits ADD COLUMN end_shown TEXT
    GENERATED ALWAYS AS (CASE end_precision WHEN 'month' THEN substr(end_date, 1, 7) ELSE end_date END) VIRTUAL;
ALTER TABLE meetings ADD COLUMN date_shown TEXT
    GENERATED ALWAYS AS (CASE date_precision WHEN 'month' THEN substr(date, 1, 7) ELSE date END) VIRTUAL;
ALTER TABLE forums ADD COLUMN start_shown TEXT
    GENERATED ALWAYS AS (CASE start_precision WHEN 'month' THEN substr(start_date, 1, 7) ELSE start_date END) VIRTUAL;
ALTER TABLE forums ADD COLUMN end_shown TEXT
    GENERATED ALWAYS AS (CASE end_precision WHEN 'month' THEN substr(end_date, 1, 7) ELSE end_date END) VIRTUAL;
