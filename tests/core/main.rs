//! Black-box tests of the core: real SQLite files in temp directories, requests typed
//! exactly as a user would.

mod helpers;
#[path = "../common/questions.rs"]
mod questions;

mod limits;

mod audit;
mod catalog;
mod charts;
mod forums;
mod hostile;
mod import_properties;
mod imports;
mod integrity;
mod language;
mod officials;
mod outcome_commands;
mod outcome_counts;
mod outcomes;
mod post_commands;
mod posts;
mod real_use;
mod records;
mod reports;
mod search;
mod snapshot;
mod store_writes;
mod summary;
mod transfer;
mod visits;
mod watch;
