//! Intake: the quality of drafts over the fixture set, the URL fetcher against a loopback
//! server, Confirm (one transaction, one undo, duplicates) and the corrections Edit sends.

mod cli;
mod confirm;
mod corrections;
mod direction;
mod fetch;
mod offices;
mod outcomes;
mod phrasing;
mod quality;
mod unseen;
