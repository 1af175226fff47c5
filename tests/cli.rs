//! The built binary as a black box: `ask --json`, exit codes, the console, and the
//! migrate / sample / import / export / backup subcommands.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

#[path = "common/binary.rs"]
mod binary;

#[path = "common/questions.rs"]
mod questions;

#[path = "cli/answers.rs"]
mod answers;

fn bot(dir: &Path, db: &str, args: &[&str]) -> Output {
    binary::run(dir, db, args)
}

fn ask_json(dir: &Path, line: &str) -> (i32, Value) {
    let out = bot(dir, "bot.db", &["ask", "--json", line]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let value: Value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("{line}: not JSON ({e}): {stdout}"));
    (out.status.code().unwrap(), value)
}

#[test]
fn ask_json_prints_one_object_and_sets_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(bot(d, "bot.db", &["sample"]).status.success());

    let (code, v) = ask_json(d, "/visits monthly from:2024-01 to:2024-12");
    assert_eq!(code, 0);
    assert_eq!(v["ok"], true);
    assert!(v["error"].is_null());
    assert_eq!(v["data"]["total"], 2);
    let may = v["data"]["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == "2024-05")
        .unwrap();
    assert_eq!(may["visits"], 1);

    let (code, v) = ask_json(d, "/visits show id:999");
    assert_eq!(code, 1, "a user error exits 1");
    assert_eq!(v["ok"], false);
    assert!(v["error"].as_str().unwrap().contains("no visit #999"));
    assert!(v["data"].is_null());

    let (code, v) = ask_json(
        d,
        "/record visit add province:Hainan start:2024-05-29 end:2024-05-31 leader:\"Liu Xiaoming\" places:\"Jeju, Seoul\" source:https://example.org/a",
    );
    assert_eq!(code, 1, "the sample already holds this visit: {v}");
    assert!(v["error"].as_str().unwrap().contains("overlaps"));

    let (code, v) = ask_json(
        d,
        "/record visit add province:Shandong start:2024-07-02 places:Incheon source:https://example.org/b",
    );
    assert_eq!(code, 0, "{v}");
    let id = v["data"]["id"].as_i64().unwrap();
    let (_, shown) = ask_json(d, &format!("/visits show id:{id}"));
    assert_eq!(shown["data"]["places"], serde_json::json!(["Incheon"]));
    assert!(
        shown["data"]["last_change"]["by"]
            .as_str()
            .unwrap()
            .contains("tester"),
        "acts as $USER"
    );
}

#[test]
fn plain_ask_prints_text_and_errors_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let out = bot(
        dir.path(),
        "bot.db",
        &["ask", "/record visit add province:Hainan start:2024-02-30"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("not a real calendar date"), "{err}");
    let out = bot(dir.path(), "bot.db", &["ask", "/help", "visits", "monthly"]);
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("/visits monthly [from] [to] [province]")
    );
}

#[test]
fn ask_chart_writes_the_answers_chart_to_a_new_png() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(bot(d, "bot.db", &["sample"]).status.success());
    let korean = [
        "--lang",
        "ko",
        "ask",
        "--chart",
        "provinces.png",
        "/provinces",
    ];

    let out = bot(d, "bot.db", &korean);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("하이난성"),
        "the answer, in Korean: {stdout}"
    );
    assert!(
        stdout.contains("provinces.png 파일을 저장했습니다"),
        "{stdout}"
    );
    let png = std::fs::read(d.join("provinces.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 960, "IHDR width");

    // An existing file is never replaced.
    let again = bot(d, "bot.db", &korean);
    assert_eq!(again.status.code(), Some(1));
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(
        said.contains("provinces.png") && said.contains("이미"),
        "{said}"
    );
    assert!(again.stdout.is_empty(), "refused before the command ran");
    assert_eq!(std::fs::read(d.join("provinces.png")).unwrap(), png);

    // With --json: the one JSON object, and the file.
    let json = bot(
        d,
        "bot.db",
        &[
            "ask",
            "--json",
            "--chart",
            "months.png",
            "/visits monthly from:2024-01 to:2024-12",
        ],
    );
    assert_eq!(json.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["ok"], true);
    assert!(
        std::fs::read(d.join("months.png"))
            .unwrap()
            .starts_with(b"\x89PNG")
    );

    // An answer without a chart: refused in one sentence, no file.
    let none = bot(
        d,
        "bot.db",
        &["ask", "--chart", "none.png", "/visits show id:1"],
    );
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&none.stderr),
        "This answer has no chart, so nothing was written to none.png.\n"
    );
    assert!(!d.join("none.png").exists());
}

#[test]
fn an_unusable_database_is_an_internal_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args(["ask", "--json", "/visits list"])
        .env("DATABASE_URL", "sqlite:///no/such/folder/bot.db")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn console_reads_commands_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = binary::console_with(
        dir.path(),
        "bot.db",
        &["--sample"],
        "/official history name:\"xin changxing\"\n/visits show id:abc\n/export what:visits format:csv\nexit\n".as_bytes(),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Loaded the sample data set"), "{text}");
    assert!(
        text.contains("Meetings of Xin Changxing") && text.contains("Han Duck-soo"),
        "{text}"
    );
    assert!(text.contains("`id` must be a whole number"), "{text}");
    let written = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().starts_with("visits-"));
    assert!(written, "the export was saved as a file");
}

#[test]
fn export_import_backup_and_synthetic_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(bot(d, "a.db", &["migrate"]).status.success());
    assert!(bot(d, "a.db", &["sample"]).status.success());
    let out = bot(
        d,
        "a.db",
        &[
            "export", "--what", "all", "--format", "json", "--out", "all.json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let imported = bot(d, "b.db", &["import", "all.json"]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let a = bot(d, "a.db", &["export", "--what", "all", "--format", "json"]).stdout;
    let b = bot(d, "b.db", &["export", "--what", "all", "--format", "json"]).stdout;
    assert!(!a.is_empty());
    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));

    assert!(bot(d, "a.db", &["backup", "copy.db"]).status.success());
    let copy = bot(
        d,
        "copy.db",
        &["export", "--what", "all", "--format", "json"],
    )
    .stdout;
    assert_eq!(
        String::from_utf8_lossy(&a),
        String::from_utf8_lossy(&copy),
        "the backup holds everything"
    );
    assert!(
        !bot(d, "a.db", &["backup", "copy.db"]).status.success(),
        "a backup never overwrites a file"
    );

    // Synthetic data is deterministic and never mixed into real records by accident.
    let refused = bot(d, "a.db", &["sample", "--synthetic", "50"]);
    assert_eq!(refused.status.code(), Some(1));
    for db in ["s1.db", "s2.db"] {
        let out = bot(d, db, &["sample", "--synthetic", "300", "--seed", "7"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let s1 = bot(
        d,
        "s1.db",
        &["export", "--what", "visits", "--format", "csv"],
    )
    .stdout;
    let s2 = bot(
        d,
        "s2.db",
        &["export", "--what", "visits", "--format", "csv"],
    )
    .stdout;
    // Same data; only the databases' identities (the last column) differ.
    let rows = |bytes: &[u8]| -> Vec<Vec<String>> {
        csv::Reader::from_reader(bytes)
            .records()
            .map(|r| {
                let r = r.unwrap();
                r.iter().take(r.len() - 1).map(String::from).collect()
            })
            .collect()
    };
    assert_eq!(rows(&s1), rows(&s2));
    assert_eq!(rows(&s1).len(), 300);
    let (code, v) = {
        let out = bot(
            d,
            "s1.db",
            &["ask", "--json", "/stats from:2015-01 to:2024-12"],
        );
        (
            out.status.code().unwrap(),
            serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        )
    };
    assert_eq!(code, 0);
    assert_eq!(v["data"]["totals"]["visits"], 300);
    assert!(v["data"]["totals"]["meetings"].as_i64().unwrap() > 100);
}

#[test]
fn export_never_overwrites_or_follows_links_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(bot(d, "a.db", &["sample"]).status.success());
    let export = |out: &str, force: bool| {
        let mut args = vec![
            "export", "--what", "visits", "--format", "csv", "--out", out,
        ];
        if force {
            args.push("--force");
        }
        bot(d, "a.db", &args)
    };
    // Missing folders are made.
    let first = export("new/folder/visits.csv", false);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let written = std::fs::read(d.join("new/folder/visits.csv")).unwrap();
    assert!(
        written.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark for Excel"
    );
    // An existing file is kept.
    std::fs::write(d.join("keep.csv"), "mine").unwrap();
    let refused = export("keep.csv", false);
    assert_eq!(refused.status.code(), Some(1));
    let msg = String::from_utf8_lossy(&refused.stderr);
    assert!(
        msg.contains("exists already") && msg.contains("--force"),
        "{msg}"
    );
    assert_eq!(std::fs::read_to_string(d.join("keep.csv")).unwrap(), "mine");
    // A link is never written through, even with --force.
    std::fs::write(d.join("target.txt"), "precious").unwrap();
    std::os::unix::fs::symlink(d.join("target.txt"), d.join("link.csv")).unwrap();
    let refused = export("link.csv", false);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is a link"));
    assert!(export("link.csv", true).status.success());
    assert_eq!(
        std::fs::read_to_string(d.join("target.txt")).unwrap(),
        "precious"
    );
    assert!(
        !std::fs::symlink_metadata(d.join("link.csv"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(export("keep.csv", true).status.success());
    assert_ne!(std::fs::read_to_string(d.join("keep.csv")).unwrap(), "mine");
}

#[test]
fn blocked_link_hosts_are_read_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args([
            "ask",
            "--json",
            "/record visit add province:Hainan start:2024-05-29 source:https://news.spam.example/a",
        ])
        .current_dir(dir.path())
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("bot.db").display()),
        )
        .env("BLOCKED_LINK_HOSTS", "spam.example, other.example")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["error"].as_str().unwrap().contains("news.spam.example"),
        "{v}"
    );
    let ok = bot(
        dir.path(),
        "bot.db",
        &[
            "ask",
            "--json",
            "/record visit add province:Hainan start:2024-05-29 source:https://news.spam.example/a",
        ],
    );
    assert_eq!(
        ok.status.code(),
        Some(0),
        "without the setting, any link is fine"
    );
}

#[test]
fn a_database_password_never_reaches_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args(["ask", "/visits list"])
        .current_dir(dir.path())
        .env(
            "DATABASE_URL",
            "sqlite://admin:hunter2@/no/such/folder/bot.db",
        )
        .env("RUST_LOG", "trace")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(all.contains("***"), "{all}");
    assert!(!all.contains("hunter2"), "{all}");
}

#[test]
fn bench_prints_a_row_for_every_read_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args(["bench", "--visits", "300", "--iterations", "3", "--dir"])
        .arg(dir.path().join("data"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("### 300 visits"), "{text}");
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("| `/")).collect();
    assert_eq!(rows.len(), 27, "{text}");
    for command in [
        "/visits monthly",
        "/visits list",
        "/visits show",
        "/official history",
        "/official show",
        "/forums list",
        "/forums show",
        "/provinces",
        "/stats",
        "/search",
        "/outcomes list",
        "/outcomes show",
    ] {
        assert!(
            rows.iter().any(|r| r.starts_with(&format!("| `{command}"))),
            "{command}: {text}"
        );
    }
    assert!(
        !dir.path().join("delegations.db").exists(),
        "bench never touches the team's database"
    );
}

/// DIGEST_TIMEZONE takes IANA names only: `serve` refuses any other in one line (exit 1)
/// before touching anything, and a preview says what to set.
#[test]
fn an_unknown_digest_timezone_is_refused_in_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .arg("serve")
        .current_dir(dir.path())
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("bot.db").display()),
        )
        .env("DISCORD_TOKEN", "t")
        .env("DISCORD_GUILD_ID", "100000000000000001")
        .env("DIGEST_TIMEZONE", "Korea/Seoul City")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("DIGEST_TIMEZONE=Korea/Seoul City is not an IANA time zone"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!dir.path().join("bot.db").exists(), "nothing touched");
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args(["ask", "--json", "/digests"])
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("bot.db").display()),
        )
        .env("DIGEST_TIMEZONE", "Mars/Olympus")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(v["error"].as_str().unwrap().contains("IANA"), "{v}");
}

#[test]
fn item17_a_piped_console_says_the_sample_was_not_loaded_and_outcomes_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("bot.db").display());
    let out = binary::console_with(dir.path(), "bot.db", &[], b"/stats\nexit\n");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("the sample data was not loaded"), "{text}");
    assert!(text.contains("Nothing is recorded yet"), "{text}");

    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
            .args(args)
            .current_dir(dir.path())
            .env("DATABASE_URL", &db)
            .output()
            .unwrap()
    };
    assert!(run(&["sample"]).status.success());
    assert!(
        run(&["ask", "/outcome add kind:MOU title:\"Workation MOU\" date:2024-06 province:Jiangsu amount:\"15억 원\""])
            .status
            .success()
    );
    let out = run(&["export", "--what", "outcomes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.contains("Workation MOU") && csv.contains("1500000000"),
        "{csv}"
    );
}

#[test]
fn item04_a_post_that_starts_later_becomes_the_title_on_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("bot.db").display());
    let at = |now: &str, line: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
            .args(["ask", "--json", line])
            .current_dir(dir.path())
            .env("DATABASE_URL", &db)
            .env("DELEGATION_BOT_NOW", now)
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let july = "2024-07-01T09:00:00+09:00";
    at(
        july,
        "/record official add name:\"Oh Se-hoon\" country:Korea title:\"Mayor of Seoul\"",
    );
    at(
        july,
        "/record official post name:\"Oh Se-hoon\" title:\"Minister\" from:2024-08-01",
    );
    let show = at(july, "/official show name:\"Oh Se-hoon\"");
    assert_eq!(show["data"]["title"], "Mayor of Seoul", "{show}");
    // The next start after the post's first day settles the title.
    let show = at(
        "2024-08-02T09:00:00+09:00",
        "/official show name:\"Oh Se-hoon\"",
    );
    assert_eq!(show["data"]["title"], "Minister", "{show}");
}

#[test]
fn export_with_korean_headers_imports_back_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(bot(d, "a.db", &["sample"]).status.success());
    let plain = bot(d, "a.db", &["export", "--what", "visits"]).stdout;
    let en = bot(
        d,
        "a.db",
        &["export", "--what", "visits", "--headers", "en"],
    )
    .stdout;
    assert!(!plain.is_empty());
    assert_eq!(plain, en, "--headers en is the default, byte for byte");
    let out = bot(
        d,
        "a.db",
        &["export", "--what", "all", "--headers", "ko", "--out", "ko"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files: Vec<_> = std::fs::read_dir(d.join("ko"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 5);
    // Officials first, then visits, forums, meetings and outcomes, which refer to them.
    let order = ["officials", "visits", "forums", "meetings", "outcomes"];
    files.sort_by_key(|p| {
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        order.iter().position(|k| name.starts_with(k))
    });
    let visits = std::fs::read_to_string(&files[1]).unwrap();
    assert!(
        visits.starts_with("\u{feff}번호,버전,성/시,도시,급,시작일"),
        "{visits}"
    );
    for f in &files {
        let imported = bot(d, "b.db", &["import", "--quiet", f.to_str().unwrap()]);
        assert!(
            imported.status.success(),
            "{}: {}",
            f.display(),
            String::from_utf8_lossy(&imported.stderr)
        );
    }
    for what in order {
        let a = bot(d, "a.db", &["export", "--what", what]).stdout;
        let b = bot(d, "b.db", &["export", "--what", what]).stdout;
        assert_eq!(
            String::from_utf8_lossy(&a),
            String::from_utf8_lossy(&b),
            "{what}: the same records, ids and versions"
        );
    }
}

#[test]
fn output_cut_short_by_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // `delegation-bot ask "/help" | true`: the reader is gone before the answer is written.
    let mut child = binary::command(d, "bot.db")
        .args(["ask", "/help"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!said.contains("panicked"), "{said}");
}
