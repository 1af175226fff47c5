-- /stats counts the people met in a period as the rows of official_month_stats whose
-- previous month with a meeting (prev) lies before the period: one row read per person.
-- Kept here by month and previous month ('' for none), the count reads at most one row per
-- pair of months, whatever the number of people.
CREATE TABLE official_prev_counts (
    month      TEXT NOT NULL,
    prev       TEXT NOT NULL,
    officials  INTEGER NOT NULL,
    PRIMARY KEY (month, prev)
) WITHOUT ROWID;

-- A bulk recount used to fix `prev` for the officials it touched only, leaving others'
-- empty (each of their months then counted them as met anew): fixed here for everyone.
UPDATE official_month_stats AS t SET prev = w.prev
  FROM (SELECT month, official_id, lag(month) OVER (PARTITION BY official_id ORDER BY month) AS prev
          FROM official_month_stats) AS w
 WHERE t.month = w.month AND t.official_id = w.official_id AND t.prev IS NOT w.prev;

INSERT INTO official_prev_counts (month, prev, officials)
    SELECT month, coalesce(prev, ''), count(*) FROM official_month_stats GROUP BY 1, 2;

-- Kept by triggers, so every writer of official_month_stats keeps it (an older binary, a
-- hand edit); store::summary suspends them for a bulk recount and counts in one pass.
CREATE TRIGGER official_prev_counts_insert AFTER INSERT ON official_month_stats BEGIN
    INSERT OR IGNORE INTO official_prev_counts VALUES (NEW.month, coalesce(NEW.prev, ''), 0);
    UPDATE official_prev_counts SET officials = officials + 1
     WHERE month = NEW.month AND prev = coalesce(NEW.prev, '');
END;
CREATE TRIGGER official_prev_counts_delete AFTER DELETE ON official_month_stats BEGIN
    UPDATE official_prev_counts SET officials = officials - 1
     WHERE month = OLD.month AND prev = coalesce(OLD.prev, '');
END;
CREATE TRIGGER official_prev_counts_update AFTER UPDATE OF month, prev ON official_month_stats BEGIN
    UPDATE official_prev_counts SET officials = officials - 1
     WHERE month = OLD.month AND prev = coalesce(OLD.prev, '');
    INSERT OR IGNORE INTO official_prev_counts VALUES (NEW.month, coalesce(NEW.prev, ''), 0);
    UPDATE official_prev_counts SET officials = officials + 1
     WHERE month = NEW.month AND prev = coalesce(NEW.prev, '');
END;
