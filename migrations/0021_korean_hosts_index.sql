-- /stats ranks the Korean hosts of a period from official_month_stats, where about one row
-- in eight is a Korean official's: an index of those rows alone spares reading the others.
CREATE INDEX official_month_stats_korean
    ON official_month_stats (month, official_id, meetings)
    WHERE korean;
