//! Running the bot for a year: rotating backups and restores, the container's conditions
//! (unprivileged, read-only root), the deployment files, and logging set up from `.env`.

mod backup;
mod deploy;
mod logging;
mod sandbox;
mod unprivileged;

use std::path::Path;
use std::process::Output;

#[path = "../common/binary.rs"]
mod binary;

/// The binary in `dir`, on the database file `db` there.
fn bot(dir: &Path, db: &str, args: &[&str]) -> Output {
    binary::run(dir, db, args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}
