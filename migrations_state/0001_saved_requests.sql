-- What a button stands for: the request to run again (a page of a list, a change waiting for
-- confirmation), as the catalog command and its typed option values in JSON, with the file
-- an import was given. Kept a day; the Discord adapter prunes older rows as it saves.
CREATE TABLE saved_requests (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('page', 'confirm')),
    user_id     TEXT NOT NULL,
    request     TEXT NOT NULL CHECK (json_valid(request)),
    file_name   TEXT,
    file_bytes  BLOB,
    created_at  INTEGER NOT NULL
);
CREATE INDEX saved_requests_by_age ON saved_requests (created_at);
