-- What a button or modal stands for (a request line to page or confirm), so buttons keep
-- working after a restart and custom_ids stay short. Rows older than a day are pruned.
CREATE TABLE interaction_states (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    line        TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
