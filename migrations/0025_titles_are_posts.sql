-- A title that came with an official from an import or the sample was never made a post
-- (issue 20, item 3), so their history named no post on any day. Each such title becomes
-- the post they hold, dates unknown, as migration 0016 did for the titles of its day. The
-- titles themselves are settled at the next start (store::upgrade::settle_titles).
INSERT INTO positions (official_id, title, organization, province_id)
    SELECT o.id, trim(o.title), nullif(trim(o.organization), ''), o.province_id FROM officials o
     WHERE o.title IS NOT NULL AND trim(o.title) != ''
       AND NOT EXISTS (SELECT 1 FROM positions p
                        WHERE p.official_id = o.id AND lower(trim(p.title)) = lower(trim(o.title)))
     ORDER BY o.id;
