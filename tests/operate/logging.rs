//! Logs are set up after `.env` is read, so RUST_LOG and LOG_FORMAT work from there (issue
//! 11, item 18); `LOG_FORMAT=json` writes one JSON object per line. (The interaction span's
//! fields in JSON logs are checked against a real `serve` in tests/discord/operate.rs.)

use super::{bot, stderr};

/// The stderr lines that are log records in JSON.
fn json_records(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v.get("level").is_some())
        .collect()
}

#[test]
fn rust_log_and_log_format_in_dot_env_take_effect() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Nothing in the environment: `bot` removes RUST_LOG and LOG_FORMAT.
    std::fs::write(d.join(".env"), "RUST_LOG=debug\nLOG_FORMAT=json\n").unwrap();
    let out = bot(d, "live.db", &["migrate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stderr(&out);
    let records = json_records(&text);
    assert!(
        records.iter().any(|r| r["level"] == "DEBUG"),
        "RUST_LOG=debug from .env shows debug records: {text}"
    );
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_ok(),
            "every line is one JSON object: {line}"
        );
    }
}

#[test]
fn the_environment_wins_over_dot_env_and_text_is_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join(".env"), "RUST_LOG=debug\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .arg("migrate")
        .current_dir(d)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", d.join("live.db").display()),
        )
        .env("RUST_LOG", "off")
        .env_remove("LOG_FORMAT")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(stderr(&out), "", "RUST_LOG=off from the environment wins");

    let out = bot(d, "live.db", &["migrate"]);
    let text = stderr(&out);
    assert!(text.contains("DEBUG"), "{text}");
    assert!(
        json_records(&text).is_empty(),
        "text unless LOG_FORMAT=json: {text}"
    );
}
