//! `backup --dir --keep` rotates only its own files; `restore` checks the file, keeps the
//! replaced database, and refuses what is not a sound delegation-bot database. (Refusing
//! while a bot runs is tested against a real `serve` in tests/discord/operate.rs.)

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{bot, stderr, stdout};

fn total_visits(dir: &Path, db: &str) -> i64 {
    let out = bot(dir, db, &["ask", "--json", "/visits list"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["data"]["total"].as_i64().unwrap()
}

/// Waits until the wall clock is in a new second (backup names have one-second stamps).
fn next_second() {
    let now = chrono::Utc::now().timestamp();
    while chrono::Utc::now().timestamp() == now {
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The file a `backup` run says it wrote.
fn written(out: &std::process::Output) -> PathBuf {
    let text = stdout(out);
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("Backed up to "))
        .unwrap_or_else(|| panic!("no backup written: {text}{}", stderr(out)));
    PathBuf::from(line.trim_end_matches(" (checked)."))
}

#[test]
fn five_backups_with_keep_3_leave_the_three_newest_and_nothing_else_goes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(bot(d, "live.db", &["sample"]).status.success());
    let bk = d.join("backups");
    std::fs::create_dir(&bk).unwrap();
    // Files that are not this folder's backups, some with names close to theirs.
    let others = [
        "notes.txt",
        "delegations-latest.db",
        "delegations-2024-01-01.db",
        "other-20200101-000000.db",
        "delegations-20200101-000000.db.partial",
    ];
    for name in others {
        std::fs::write(bk.join(name), b"keep me").unwrap();
    }
    std::fs::create_dir(bk.join("delegations-20200101-000001.db")).unwrap();

    let mut made = Vec::new();
    for _ in 0..5 {
        next_second();
        let out = bot(d, "live.db", &["backup", "--dir", "backups", "--keep", "3"]);
        assert!(out.status.success(), "{}", stderr(&out));
        made.push(d.join(written(&out)));
    }
    let mut left: Vec<PathBuf> = std::fs::read_dir(&bk)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && !others.iter().any(|o| p.ends_with(o)))
        .collect();
    left.sort();
    assert_eq!(left, made[2..].to_vec(), "the three newest are left");
    for name in others {
        assert_eq!(std::fs::read(bk.join(name)).unwrap(), b"keep me", "{name}");
    }
    assert!(bk.join("delegations-20200101-000001.db").is_dir());
    // Each backup is a whole database.
    for b in &left {
        let name = format!("backups/{}", b.file_name().unwrap().to_str().unwrap());
        assert_eq!(total_visits(d, &name), 2);
    }
}

#[test]
fn backup_arguments_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for args in [
        &["backup"][..],
        &["backup", "--keep", "2", "copy.db"],
        &["backup", "--dir", "bk", "--keep", "0"],
        &["backup", "copy.db", "--dir", "bk"],
    ] {
        let out = bot(d, "live.db", args);
        assert_eq!(out.status.code(), Some(2), "{args:?} is a usage error");
        assert!(!d.join("copy.db").exists() && !d.join("bk").exists());
    }
}

#[test]
fn restore_replaces_the_database_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(bot(d, "live.db", &["sample"]).status.success());
    assert!(bot(d, "live.db", &["backup", "before.db"]).status.success());
    let out = bot(
        d,
        "live.db",
        &[
            "ask",
            "/record visit add province:Shandong start:2024-07-02",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(total_visits(d, "live.db"), 3);

    let out = bot(d, "live.db", &["restore", "before.db"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(total_visits(d, "live.db"), 2, "the backup is live");
    let kept: Vec<PathBuf> = std::fs::read_dir(d)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("live-before-restore-")
        })
        .filter(|p| p.extension().is_some_and(|e| e == "db"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        stdout(&out).contains(kept[0].to_str().unwrap()),
        "{}",
        stdout(&out)
    );
    let kept_name = kept[0].file_name().unwrap().to_str().unwrap();
    assert_eq!(
        total_visits(d, kept_name),
        3,
        "the replaced database is kept whole"
    );
    // The backup itself is untouched and can be restored again.
    assert_eq!(total_visits(d, "before.db"), 2);
}

#[test]
fn restore_refuses_what_is_not_a_sound_database_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(bot(d, "live.db", &["sample"]).status.success());
    assert!(bot(d, "live.db", &["backup", "good.db"]).status.success());

    // A backup damaged after its first page (the schema survives, the tables do not).
    let mut bytes = std::fs::read(d.join("good.db")).unwrap();
    assert!(bytes.len() > 3 * 4096);
    for (i, b) in bytes.iter_mut().enumerate().skip(4096) {
        *b = (i % 251) as u8;
    }
    std::fs::write(d.join("corrupt.db"), &bytes).unwrap();
    std::fs::write(d.join("text.db"), "not a database at all\n".repeat(300)).unwrap();
    // A sound SQLite file that is not ours.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use sqlx::{ConnectOptions, Connection};
        let mut c = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(d.join("foreign.db"))
            .create_if_missing(true)
            .connect()
            .await
            .unwrap();
        sqlx::query("CREATE TABLE t (x)")
            .execute(&mut c)
            .await
            .unwrap();
        c.close().await.unwrap();
    });

    let live_before = std::fs::read(d.join("live.db")).unwrap();
    for (file, reason) in [
        ("corrupt.db", "is not a sound delegation-bot database"),
        ("text.db", "is not a sound delegation-bot database"),
        ("foreign.db", "no delegation-bot migrations"),
        ("missing.db", "There is no file missing.db"),
        ("live.db", "is the live database itself"),
    ] {
        let out = bot(d, "live.db", &["restore", file]);
        assert_eq!(out.status.code(), Some(1), "{file}: {}", stderr(&out));
        let said = stderr(&out);
        assert!(said.contains(reason), "{file}: {said}");
        assert_eq!(said.trim().lines().count(), 1, "one sentence: {said}");
    }
    assert_eq!(std::fs::read(d.join("live.db")).unwrap(), live_before);
    assert_eq!(total_visits(d, "live.db"), 2);
    let names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("before-restore") || n.contains("restoring")),
        "{names:?}"
    );
}

/// A console on `db` in `dir`, reading its commands from a pipe (the caller waits for it).
#[allow(clippy::zombie_processes)]
fn console(dir: &Path, db: &str) -> std::process::Child {
    let child = super::binary::console(dir, db, &[]);
    // It marks the database as in use before it reads a line: wait for the mark.
    let mark = dir.join(format!("{db}.open"));
    for _ in 0..500 {
        if let Ok(f) = std::fs::OpenOptions::new().write(true).open(&mark)
            && f.try_lock().is_err()
        {
            return child;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("the console never marked the database as open");
}

#[test]
fn item01_restore_is_refused_while_a_console_has_the_database_open() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(bot(d, "live.db", &["sample"]).status.success());
    assert!(bot(d, "live.db", &["backup", "before.db"]).status.success());
    let mut open = console(d, "live.db");

    let out = bot(d, "live.db", &["restore", "before.db"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let message = stderr(&out);
    assert!(
        message.contains(&format!("a console (pid {})", open.id())),
        "the refusal names the console: {message}"
    );
    assert!(
        !std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains("before-restore")),
        "nothing was moved"
    );

    // The console's writes land in the database everyone reads.
    use std::io::Write;
    let mut stdin = open.stdin.take().unwrap();
    writeln!(
        stdin,
        "/record visit add province:Shandong start:2024-07-02"
    )
    .unwrap();
    drop(stdin);
    let out = open.wait_with_output().unwrap();
    assert!(stdout(&out).contains("added"), "{}", stdout(&out));
    assert_eq!(total_visits(d, "live.db"), 3);

    // Once it has exited, the restore goes ahead.
    let out = bot(d, "live.db", &["restore", "before.db"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(total_visits(d, "live.db"), 2);
}

#[test]
fn item01_a_console_whose_database_was_replaced_stops_writing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(bot(d, "live.db", &["sample"]).status.success());
    assert!(bot(d, "live.db", &["backup", "before.db"]).status.success());
    let mut open = console(d, "live.db");
    // Replaced by hand, behind every lock: the console must notice on its next write.
    std::fs::rename(d.join("live.db"), d.join("moved.db")).unwrap();
    for journal in ["-wal", "-shm"] {
        let _ = std::fs::rename(
            d.join(format!("live.db{journal}")),
            d.join(format!("moved.db{journal}")),
        );
    }
    std::fs::copy(d.join("before.db"), d.join("live.db")).unwrap();

    use std::io::Write;
    let mut stdin = open.stdin.take().unwrap();
    writeln!(
        stdin,
        "/record visit add province:Shandong start:2024-07-02"
    )
    .unwrap();
    drop(stdin);
    let out = open.wait_with_output().unwrap();
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(said.contains("was replaced"), "{said}");
    assert!(!said.contains("added"), "{said}");
    assert_eq!(
        total_visits(d, "live.db"),
        2,
        "nothing written to the new file"
    );
    assert_eq!(total_visits(d, "moved.db"), 2, "nor to the replaced one");
}
