//! The binary run as in a container: an unprivileged user, a read-only working folder and
//! home, and one writable data folder (the `/data` volume).
//!
//! Honest permissions need a user the kernel holds to them. Root ignores a chmod'ed folder,
//! and tests often run as root (CI containers, this machine): then the binary runs under
//! `setpriv` as `nobody` (uid 65534), so every write outside the data folder really fails.
//! As any other user the chmod'ed folders are honest as they are. Where neither holds (root
//! without a working `setpriv`), the binary runs as root and only the after-the-fact check
//! stands: `assert_untouched` lists every file outside the data folder before and after.

#![allow(dead_code)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const NOBODY: u32 = 65534;

pub struct Sandbox {
    _root: tempfile::TempDir,
    /// The only writable folder.
    pub data: PathBuf,
    /// The working folder: read-only.
    pub work: PathBuf,
    /// HOME: read-only.
    pub home: PathBuf,
    binary: PathBuf,
    /// Runs as `nobody` through setpriv.
    pub as_nobody: bool,
    /// The kernel enforces the read-only folders (false only for root without setpriv).
    pub enforced: bool,
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let root = tempfile::tempdir().unwrap();
        set_mode(root.path(), 0o755);
        let data = root.path().join("data");
        let work = root.path().join("work");
        let home = root.path().join("home");
        for d in [&data, &work, &home] {
            std::fs::create_dir(d).unwrap();
        }
        // Who are we? The owner of a file we just made.
        let probe = root.path().join("probe");
        std::fs::write(&probe, b"").unwrap();
        let root_user = std::fs::metadata(&probe).unwrap().uid() == 0;
        std::fs::remove_file(&probe).unwrap();

        let mut binary = PathBuf::from(env!("CARGO_BIN_EXE_delegation-bot"));
        let mut as_nobody = false;
        if root_user && setpriv_works() {
            as_nobody = true;
            std::os::unix::fs::chown(&data, Some(NOBODY), Some(NOBODY)).unwrap();
            // The build folder may be closed to other users (a checkout under /root): then
            // nobody runs a copy.
            if !runs_as_nobody(&binary) {
                let copy = root.path().join("delegation-bot");
                std::fs::copy(&binary, &copy).unwrap();
                set_mode(&copy, 0o755);
                binary = copy;
            }
        }
        set_mode(&work, 0o555);
        set_mode(&home, 0o555);
        Sandbox {
            _root: root,
            data,
            work,
            home,
            binary,
            as_nobody,
            enforced: as_nobody || !root_user,
        }
    }

    pub fn database_url(&self) -> String {
        format!("sqlite://{}", self.data.join("delegations.db").display())
    }

    /// The binary with a container's environment: nothing inherited but PATH, HOME the
    /// read-only home, the database in the data folder.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = if self.as_nobody {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
                .arg(&self.binary);
            c
        } else {
            Command::new(&self.binary)
        };
        cmd.args(args)
            .current_dir(&self.work)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("USER", "bot")
            .env("DATABASE_URL", self.database_url());
        cmd
    }

    pub fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        self.command(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .output()
            .expect("the binary runs")
    }

    /// Every path under the root except the data folder, with its size and mtime.
    pub fn outside_data(&self) -> Vec<(PathBuf, u64, i64)> {
        let mut seen = Vec::new();
        let mut stack = vec![self._root.path().to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path == self.data {
                    continue;
                }
                let meta = entry.metadata().unwrap();
                if meta.is_dir() {
                    stack.push(path.clone());
                }
                seen.push((path, meta.len(), meta.mtime()));
            }
        }
        seen.sort();
        seen
    }
}

fn setpriv_works() -> bool {
    Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            "true",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn runs_as_nobody(binary: &Path) -> bool {
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(binary)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
