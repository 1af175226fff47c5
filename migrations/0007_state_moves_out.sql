-- What buttons and forms stand for now lives in a small database of its own beside this
-- one (src/store/state.rs), so a long import never makes a button wait; the old table goes.
DROP TABLE IF EXISTS interaction_states;
