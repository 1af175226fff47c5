//! `delegation-bot draft FILE|- [--published] [--json] [--apply]` as a black box: the draft
//! in the issue's JSON shape, standard input read as a file is, and `--apply` written as
//! one change that one `/data undo` takes back.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn report() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/intake/cases/001-en-hainan-liu-xiaoming-jeju-forum.txt")
}

fn bot(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args(args)
        .current_dir(dir)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("bot.db").display()),
        )
        .env("USER", "tester")
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Value {
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn is_date(v: &Value) -> bool {
    v.as_str().is_some_and(|s| {
        (s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
            || (s.len() == 7
                && chrono::NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").is_ok())
    })
}

#[test]
fn draft_json_has_the_issues_shape_with_names_and_dates_as_the_database_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = report();
    let out = bot(
        dir.path(),
        &[
            "draft",
            file.to_str().unwrap(),
            "--published",
            "2024-06-01",
            "--json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["ok"], true);
    assert!(v["error"].is_null());
    let d = &v["data"];
    for key in [
        "visits",
        "meetings",
        "forums",
        "outcomes",
        "new_officials",
        "not_a_visit",
        "removed",
        "duplicates",
    ] {
        assert!(d.get(key).is_some(), "data.{key} is missing: {d}");
    }
    assert!(d["not_a_visit"].is_null());
    let visit = &d["visits"][0];
    for key in [
        "provinces",
        "city",
        "level",
        "leader",
        "start",
        "end",
        "places",
        "purpose",
        "size",
        "evidence",
    ] {
        assert!(
            visit.get(key).is_some(),
            "visits[0].{key} is missing: {visit}"
        );
    }
    assert_eq!(visit["provinces"], serde_json::json!(["Hainan"]));
    assert_eq!(visit["leader"], "Liu Xiaoming");
    assert_eq!(
        (visit["start"].as_str(), visit["end"].as_str()),
        (Some("2024-05-29"), Some("2024-05-31"))
    );
    assert_eq!(visit["places"], serde_json::json!(["Jeju", "Seoul"]));
    // Evidence: field → the sentence it came from.
    let evidence = visit["evidence"].as_object().unwrap();
    assert!(
        evidence["start"].as_str().unwrap().contains("May 29 to 31"),
        "{evidence:?}"
    );
    for m in d["meetings"].as_array().unwrap() {
        assert!(is_date(&m["date"]), "{m}");
        assert!(m["officials"].is_array() && m.get("place").is_some() && m["evidence"].is_object());
    }
    assert!(
        d["meetings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["officials"] == serde_json::json!(["Liu Xiaoming", "Oh Young-hun"]))
    );
    for f in d["forums"].as_array().unwrap() {
        for key in ["name", "edition", "start", "end", "place"] {
            assert!(f.get(key).is_some(), "forums[].{key}: {f}");
        }
    }
    assert!(
        d["forums"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["edition"] == "19th")
    );
    // Nobody is on record in this database: both people are proposed, with their side.
    for o in d["new_officials"].as_array().unwrap() {
        for key in ["name", "local_name", "title", "country"] {
            assert!(o.get(key).is_some(), "new_officials[].{key}: {o}");
        }
    }
    let proposed: Vec<(&str, &str)> = d["new_officials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["name"].as_str().unwrap(), o["country"].as_str().unwrap()))
        .collect();
    assert!(
        proposed.contains(&("Liu Xiaoming", "China")),
        "{proposed:?}"
    );
    assert!(
        proposed.contains(&("Oh Young-hun", "Korea")),
        "{proposed:?}"
    );
    // The caption and the portal's furniture are dropped and listed.
    let removed = d["removed"].as_array().unwrap();
    assert!(
        removed
            .iter()
            .any(|r| r.as_str().unwrap().starts_with("(Photo:")),
        "{removed:?}"
    );
    assert!(
        removed
            .iter()
            .any(|r| r.as_str().unwrap().contains("Copyright")),
        "{removed:?}"
    );
    assert_eq!(d["duplicates"], serde_json::json!([]));

    // Text (no --json): the same layout as the embed, and nothing written.
    let out = bot(
        dir.path(),
        &["draft", file.to_str().unwrap(), "--published", "2024-06-01"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Draft: Hainan visit, 2024-05-29"), "{text}");
    assert!(
        text.contains("Visit 1") && text.contains("Liu Xiaoming"),
        "{text}"
    );
    let visits = json(&bot(dir.path(), &["ask", "--json", "/visits list"], None));
    assert_eq!(
        visits["data"]["total"], 0,
        "a draft writes nothing: {visits}"
    );
}

#[test]
fn draft_reads_standard_input_as_it_reads_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = report();
    let from_file = json(&bot(
        dir.path(),
        &[
            "draft",
            file.to_str().unwrap(),
            "--published",
            "2024-06-01",
            "--json",
        ],
        None,
    ));
    let text = std::fs::read(&file).unwrap();
    let out = bot(
        dir.path(),
        &["draft", "-", "--published", "2024-06-01", "--json"],
        Some(&text),
    );
    assert_eq!(out.status.code(), Some(0));
    let from_stdin = json(&out);
    assert_eq!(from_stdin["data"], from_file["data"]);
    // Nothing on standard input: one sentence, exit 1.
    let out = bot(dir.path(), &["draft", "-", "--json"], Some(b"  \n"));
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["ok"], false);
    assert!(!v["error"].as_str().unwrap().is_empty());
    // A file that is not there: said so.
    let out = bot(dir.path(), &["draft", "no-such-report.txt", "--json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        json(&out)["error"]
            .as_str()
            .unwrap()
            .contains("no-such-report.txt")
    );
}

#[test]
fn draft_apply_writes_one_change_that_one_undo_takes_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = report();
    let out = bot(
        dir.path(),
        &[
            "draft",
            file.to_str().unwrap(),
            "--published",
            "2024-06-01",
            "--apply",
            "--json",
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let applied = json(&out)["data"].clone();
    assert_eq!(applied["visits"].as_array().unwrap().len(), 1, "{applied}");
    assert_eq!(
        applied["officials"].as_array().unwrap().len(),
        2,
        "{applied}"
    );
    assert!(
        !applied["meetings"].as_array().unwrap().is_empty(),
        "{applied}"
    );
    let id = applied["visits"][0].as_i64().unwrap();
    let shown = json(&bot(
        dir.path(),
        &["ask", "--json", &format!("/visits show id:{id}")],
        None,
    ));
    assert_eq!(shown["data"]["leader"], "Liu Xiaoming", "{shown}");
    assert_eq!(shown["data"]["start"], "2024-05-29", "{shown}");
    let history = json(&bot(
        dir.path(),
        &["ask", "--json", "/official history name:\"Oh Young-hun\""],
        None,
    ));
    assert_eq!(history["ok"], true, "{history}");
    let audit = json(&bot(dir.path(), &["ask", "--json", "/data audit"], None));
    assert!(
        audit["data"].to_string().contains("draft from a report"),
        "{audit}"
    );
    // Applying the same report again finds it on record and adds nothing new.
    let again = json(&bot(
        dir.path(),
        &[
            "draft",
            file.to_str().unwrap(),
            "--published",
            "2024-06-01",
            "--apply",
            "--json",
        ],
        None,
    ));
    assert_eq!(again["data"]["visits"], serde_json::json!([]), "{again}");
    // No link was given, so nothing is claimed as a source; the visit is named instead.
    assert_eq!(
        again["data"]["sources_added_to"],
        serde_json::json!([]),
        "{again}"
    );
    assert!(
        again["data"]["skipped"][0]
            .as_str()
            .unwrap()
            .contains(&format!("already on record as visit #{id}")),
        "{again}"
    );
    // Two changes, two undos: the database is as it was.
    for _ in 0..2 {
        let undo = json(&bot(dir.path(), &["ask", "--json", "/data undo"], None));
        assert_eq!(undo["ok"], true, "{undo}");
    }
    let visits = json(&bot(dir.path(), &["ask", "--json", "/visits list"], None));
    assert_eq!(visits["data"]["total"], 0, "{visits}");
    let gone = json(&bot(
        dir.path(),
        &["ask", "--json", "/official show name:\"Liu Xiaoming\""],
        None,
    ));
    assert_eq!(
        gone["ok"], false,
        "the proposed officials go with the undo: {gone}"
    );
}
