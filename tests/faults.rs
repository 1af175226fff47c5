//! Faults injected into the real binary and the core: kills mid-write, two processes on
//! one file, a full disk, a read-only database.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use delegation_bot::commands::{Actor, App};
use serde_json::Value;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
}

fn url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("bot.db").display())
}

fn ask(dir: &Path, line: &str) -> (i32, Value) {
    let out = bin()
        .args(["ask", "--json", line])
        .env("DATABASE_URL", url(dir))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
    )
}

async fn inspect(dir: &Path) -> (String, i64) {
    let pool = delegation_bot::store::open(&url(dir)).await.unwrap();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&pool)
        .await
        .unwrap();
    let visits: i64 = sqlx::query_scalar("SELECT count(*) FROM visits WHERE deleted_at IS NULL")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    (check, visits)
}

fn big_csv(dir: &Path, rows: usize) -> std::path::PathBuf {
    let mut csv = String::from("province,start,places,purpose\n");
    for i in 0..rows {
        let day =
            chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap() + chrono::Days::new(i as u64);
        csv.push_str(&format!("Jiangsu,{day},Seoul,Row {i}\n"));
    }
    let path = dir.join("big.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[tokio::test]
async fn a_killed_import_is_wholly_absent_and_the_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ask(d, "/visits list");
    let path = big_csv(d, 4000);
    let mut killed = 0;
    for delay in [150u64, 400, 900] {
        let mut child = bin()
            .args(["import", path.to_str().unwrap()])
            .env("DATABASE_URL", url(d))
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            killed += 1;
        }
        child.wait().unwrap();
        let (check, visits) = inspect(d).await;
        assert_eq!(check, "ok");
        assert!(
            visits == 0 || visits == 4000,
            "an import must be all or nothing, found {visits}"
        );
        if visits == 4000 {
            break;
        }
    }
    assert!(
        killed > 0,
        "no import was interrupted; make the file larger"
    );
}

#[tokio::test]
async fn acknowledged_writes_survive_a_kill_during_a_burst() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ask(d, "/visits list");
    let children: Vec<_> = (0..16)
        .map(|i| {
            bin()
                .args([
                    "ask",
                    "--json",
                    &format!(
                        "/record visit add province:Hainan start:2011-01-{:02}",
                        i + 1
                    ),
                ])
                .env("DATABASE_URL", url(d))
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // Kill the burst as soon as the first write is acknowledged.
    let mut children = children;
    let deadline = Instant::now() + Duration::from_secs(20);
    while !children.iter_mut().any(|c| c.try_wait().unwrap().is_some()) {
        assert!(Instant::now() < deadline, "no write finished");
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut acked = Vec::new();
    for mut child in children {
        if child.try_wait().unwrap().is_none() {
            let _ = child.kill();
        }
        let out = child.wait_with_output().unwrap();
        if out.status.success()
            && let Ok(v) = serde_json::from_slice::<Value>(&out.stdout)
        {
            acked.push(v["data"]["id"].as_i64().unwrap());
        }
    }
    let (check, _) = inspect(d).await;
    assert_eq!(check, "ok");
    assert!(!acked.is_empty());
    for id in acked {
        let (code, v) = ask(d, &format!("/visits show id:{id}"));
        assert_eq!(code, 0, "acknowledged visit #{id} is lost: {v}");
    }
}

#[test]
fn two_processes_write_one_file_without_lock_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    ask(&d, "/visits list");
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let d = d.clone();
            std::thread::spawn(move || {
                for i in 0..15 {
                    let (code, v) = ask(
                        &d,
                        &format!(
                            "/record visit add province:Fujian start:20{}-02-{:02} force:true",
                            12 + w,
                            i + 1
                        ),
                    );
                    assert_eq!(code, 0, "writer {w} write {i}: {v}");
                }
            })
        })
        .collect();
    let started = Instant::now();
    for w in writers {
        w.join().unwrap();
    }
    let (_, v) = ask(&d, "/visits list");
    assert_eq!(
        v["data"]["total"],
        30,
        "no write lost ({:?})",
        started.elapsed()
    );
}

fn moderator() -> Actor {
    Actor {
        id: "local:test".into(),
        name: "test".into(),
        moderator: true,
        lang: delegation_bot::i18n::Lang::En,
    }
}

#[tokio::test]
async fn a_full_disk_refuses_writes_clearly_and_reads_keep_working() {
    let dir = tempfile::tempdir().unwrap();
    let setup = App::new(delegation_bot::store::open(&url(dir.path())).await.unwrap());
    delegation_bot::sample::load_sample(&setup, &moderator())
        .await
        .unwrap();
    let pages: i64 = sqlx::query_scalar("PRAGMA page_count")
        .fetch_one(&setup.db)
        .await
        .unwrap();
    setup.db.close().await;
    // SQLite's max_page_count makes the file "full" at its current size.
    let options = url(dir.path())
        .parse::<SqliteConnectOptions>()
        .unwrap()
        .pragma("max_page_count", pages.to_string());
    let app = App::new(
        SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .unwrap(),
    );
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM visits")
        .fetch_one(&app.db)
        .await
        .unwrap();
    let mut refused = None;
    for i in 0..200 {
        let purpose = "x".repeat(900);
        if let Err(e) = app.run_line(&moderator(), &format!("/record visit add province:Hainan start:2012-03-{:02} purpose:{purpose} force:true", i % 28 + 1)).await {
            refused = Some(e.user_message());
            break;
        }
    }
    let message = refused.expect("the database never filled up");
    assert!(
        message.contains("disk is full") && message.contains("nothing was changed"),
        "{message}"
    );
    assert!(
        app.run_line(&moderator(), "/visits list").await.is_ok(),
        "reads keep working"
    );
    let (check,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert_eq!(check, "ok");
    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM visits")
        .fetch_one(&app.db)
        .await
        .unwrap();
    assert!(after >= before);
}

#[tokio::test]
async fn a_read_only_database_refuses_writes_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _) = ask(dir.path(), "/visits list");
    assert_eq!(code, 0);
    let ro = format!("{}?mode=ro", url(dir.path()));
    let out = bin()
        .args([
            "ask",
            "--json",
            "/record visit add province:Hainan start:2012-01-01",
        ])
        .env("DATABASE_URL", &ro)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    assert_eq!(
        out.status.code(),
        Some(1),
        "not the user's input, not a bug either: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        v["error"].as_str().unwrap_or("").contains("read-only"),
        "{v}"
    );
    assert!(
        out.stderr.is_empty(),
        "one sentence, nothing else: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bin()
        .args(["ask", "--json", "/visits list"])
        .env("DATABASE_URL", &ro)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "reads work on a read-only file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Another process holds the write lock for a long while (a big import): a command that
/// only reads answers anyway (nothing at open writes), and a write waits its turn up to the
/// busy timeout, then says so in one sentence and exits 1.
#[tokio::test]
async fn a_long_write_elsewhere_stalls_no_read_and_a_blocked_write_says_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _) = ask(dir.path(), "/visits list");
    assert_eq!(code, 0);
    let pool = sqlx::SqlitePool::connect(&url(dir.path())).await.unwrap();
    let mut holder = pool.acquire().await.unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut *holder)
        .await
        .unwrap();
    let (code, v) = ask(dir.path(), "/stats from:2024-01 to:2024-12");
    assert_eq!(code, 0, "a read answers while another process writes: {v}");
    let out = bin()
        .args(["ask", "/record visit add province:Hainan start:2012-01-01"])
        .env("DATABASE_URL", url(dir.path()))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("busy"), "{said}");
    assert_eq!(
        said.trim().lines().count(),
        1,
        "one sentence, no backtrace: {said}"
    );
    sqlx::query("ROLLBACK").execute(&mut *holder).await.unwrap();
}
