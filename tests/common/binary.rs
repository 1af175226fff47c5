//! The built binary as the black-box tests run it: in a folder of their own, on a database
//! file there, as the user `tester`, with no log settings taken from the environment.
// Each test binary uses its own part of this file.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

/// The binary in `dir`, on the database file `db` there.
pub fn command(dir: &Path, db: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_delegation-bot"));
    c.current_dir(dir)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join(db).display()),
        )
        .env("USER", "tester")
        .env_remove("RUST_LOG")
        .env_remove("LOG_FORMAT");
    c
}

/// `command` with `args`, run to its end.
pub fn run(dir: &Path, db: &str, args: &[&str]) -> Output {
    command(dir, db)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A console (with `args`) on `db` in `dir`, reading its commands from a pipe (the caller
/// writes and waits for it).
pub fn console(dir: &Path, db: &str, args: &[&str]) -> Child {
    command(dir, db)
        .arg("console")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the console starts")
}

/// A console (with `args`) on `db` in `dir` that reads `input` and ends.
pub fn console_with(dir: &Path, db: &str, args: &[&str], input: &[u8]) -> Output {
    let mut child = console(dir, db, args);
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(input)
        .expect("the console reads");
    child.wait_with_output().expect("the console ends")
}
