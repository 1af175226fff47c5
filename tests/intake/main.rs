//! Intake: the quality of drafts over the fixture set, the URL fetcher against a loopback
//! server, and Confirm (one transaction, one undo, duplicates).

mod confirm;
mod fetch;
mod quality;
