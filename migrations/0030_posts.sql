-- One word for a held office: the table of officials' posts is `posts`, as the commands
-- (`/record official post`), the code and the files call them.
ALTER TABLE positions RENAME TO posts;
DROP INDEX positions_official;
CREATE INDEX posts_official ON posts (official_id, from_date);
