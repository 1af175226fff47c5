//! Running the bot for a year: rotating backups and restores, the container's conditions
//! (unprivileged, read-only root), the deployment files, and logging set up from `.env`.

mod backup;
mod deploy;
mod logging;
mod sandbox;
mod unprivileged;

use std::path::Path;
use std::process::{Command, Output};

/// The binary in `dir`, on the database file `db` there.
fn bot(dir: &Path, db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args(args)
        .current_dir(dir)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join(db).display()),
        )
        .env("USER", "tester")
        .env_remove("RUST_LOG")
        .env_remove("LOG_FORMAT")
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}
