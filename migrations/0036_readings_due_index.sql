-- Which officials still wait for their generated readings (migration 0034), found at each
-- start without reading every alias: a partial index of them alone. Synthetic officials
-- (benchmark data, Latin names) have none to wait for.
UPDATE officials SET readings_done = 1 WHERE dataset = 'synthetic';
CREATE INDEX officials_readings_due ON officials (id) WHERE readings_done = 0;
