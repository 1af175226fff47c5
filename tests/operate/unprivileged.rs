//! The container's conditions (see `sandbox`): unprivileged, read-only working folder and
//! home, only the data folder writable. The console, `ask`, `migrate`, backups and `serve`'s
//! configuration errors all work or say what is wrong in one sentence, and nothing is
//! written anywhere but the data folder.

use std::io::Write;
use std::process::Stdio;

use super::sandbox::Sandbox;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_string()
}

#[test]
fn works_unprivileged_with_only_the_data_folder_writable() {
    let s = Sandbox::new();
    let before = s.outside_data();

    let out = s.run(&["migrate"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(s.data.join("delegations.db").exists());

    let out = s.run(&["sample"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = s.run(&["ask", "--json", "/visits list"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["data"]["total"], 2);

    // The console keeps its history in HOME: read-only here, missing in the next run.
    for home in [None, Some("/nonexistent/home")] {
        let mut cmd = s.command(&["console"]);
        if let Some(h) = home {
            cmd.env("HOME", h);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"/visits show id:1\n/stats\n")
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        let shown = text(&out.stdout);
        assert!(shown.contains("== Visit #1 · Hainan =="), "{shown}");
        assert!(shown.contains("== Overview"), "{shown}");
    }

    // An export asked in the read-only working folder says where it could not write
    // (only where the kernel enforces it: root would write it).
    if s.enforced {
        let out = s.run(&["ask", "/export what:visits format:csv"], &[]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        let said = text(&out.stderr);
        assert!(said.contains("working folder"), "{said}");
    }
    // ... and goes where it is told.
    let out = s.run(
        &[
            "export",
            "--what",
            "visits",
            "--out",
            s.data.join("visits.csv").to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    let backups = s.data.join("backups");
    let out = s.run(
        &["backup", "--dir", backups.to_str().unwrap(), "--keep", "2"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));

    // serve's configuration errors: exit 1, one sentence, before touching anything.
    let out = s.run(&["serve"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("DISCORD_TOKEN is not set"),
        "{}",
        text(&out.stderr)
    );
    let out = s.run(
        &["serve"],
        &[
            ("DISCORD_TOKEN", "t"),
            ("DISCORD_GUILD_ID", "100000000000000001"),
            ("METRICS_ADDR", "localhost"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("METRICS_ADDR must be"),
        "{}",
        text(&out.stderr)
    );
    // A database outside the data folder (here: the read-only working folder), where the
    // kernel enforces it.
    if s.enforced {
        let out = s.run(
            &["serve"],
            &[
                ("DISCORD_TOKEN", "t"),
                ("DISCORD_GUILD_ID", "100000000000000001"),
                ("DATABASE_URL", "sqlite://delegations.db"),
            ],
        );
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("the folder that holds the database must be writable"),
            "{}",
            text(&out.stderr)
        );
    }

    assert_eq!(
        s.outside_data(),
        before,
        "nothing is written outside the data folder (as nobody: {})",
        s.as_nobody
    );
}
