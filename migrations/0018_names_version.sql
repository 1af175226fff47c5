-- A counter that moves whenever a name intake finds in running text changes: an official,
-- their spellings, a region, a city. Intake keeps its gazetteer (an automaton over every
-- spelling, costly to build) until the counter moves, whoever changed the names: a
-- command, an import, an undo, a migration or the sqlite3 shell.
CREATE TABLE names_version (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    n   INTEGER NOT NULL
);
INSERT INTO names_version (id, n) VALUES (1, 0);

CREATE TRIGGER official_aliases_names_insert AFTER INSERT ON official_aliases BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER official_aliases_names_update AFTER UPDATE ON official_aliases BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER official_aliases_names_delete AFTER DELETE ON official_aliases BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER officials_names_update AFTER UPDATE OF name, country, deleted_at ON officials BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER region_aliases_names_insert AFTER INSERT ON region_aliases BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER region_aliases_names_update AFTER UPDATE ON region_aliases BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER region_aliases_names_delete AFTER DELETE ON region_aliases BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER regions_names_update AFTER UPDATE OF name, kind ON regions BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER city_aliases_names_insert AFTER INSERT ON city_aliases BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER city_aliases_names_update AFTER UPDATE ON city_aliases BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER city_aliases_names_delete AFTER DELETE ON city_aliases BEGIN
    UPDATE names_version SET n = n + 1;
END;
CREATE TRIGGER cities_names_update AFTER UPDATE OF name, province_id, county_level ON cities BEGIN
    UPDATE names_version SET n = n + 1;
END;
