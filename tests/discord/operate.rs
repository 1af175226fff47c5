//! Running it for a year, against the real `serve`: metrics move with interactions, health
//! follows the gateway (and the Dockerfile's HEALTHCHECK command reports it), JSON logs carry
//! the interaction span, and the database lock keeps `restore` (and a second bot) off a
//! database a bot runs on.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use serde_json::json;

use super::fake::*;

/// Waits for the bot's log to name its health endpoint; returns `http://addr`.
async fn endpoint(bot: &Bot) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let log = std::fs::read_to_string(&bot.log).unwrap_or_default();
        if let Some(i) = log.find("health at http://") {
            let rest = &log[i + "health at ".len()..];
            return rest[..rest.find("/healthz").unwrap()].to_string();
        }
        assert!(
            Instant::now() < deadline,
            "no health endpoint in the log: {log}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn get(url: &str) -> (u16, String) {
    let r = reqwest::get(url).await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// One sample's value from the exposition, e.g.
/// `delegation_bot_interactions_total{command="stats",outcome="ok"}`.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' '))
        .map(|v| v.trim().parse().unwrap())
}

fn counted(text: &str, command: &str, outcome: &str) -> f64 {
    sample(
        text,
        &format!(
            "delegation_bot_interactions_total{{command=\"{command}\",outcome=\"{outcome}\"}}"
        ),
    )
    .unwrap_or(0.0)
}

/// The metrics once `pred` holds for them (counters move when the answer is sent, a moment
/// after the fake records it).
async fn metrics_when(base: &str, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (status, text) = get(&format!("{base}/metrics")).await;
        assert_eq!(status, 200);
        if pred(&text) {
            return text;
        }
        assert!(Instant::now() < deadline, "{what}; metrics: {text}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn health_when(base: &str, status: u16) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (got, body) = get(&format!("{base}/healthz")).await;
        if got == status {
            return body;
        }
        assert!(
            Instant::now() < deadline,
            "health stayed {got} ({body}), wanted {status}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args(args)
        .envs(env.iter().copied())
        .env("DATABASE_URL", database_url(dir))
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

/// The Dockerfile's HEALTHCHECK command, run against the bot at `base`.
fn docker_healthcheck(base: &str) -> Output {
    let dockerfile =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Dockerfile")).unwrap();
    let after = &dockerfile[dockerfile.find("\nHEALTHCHECK").expect("a HEALTHCHECK")..];
    let cmd = &after[after.find("CMD ").unwrap() + 4..];
    let words: Vec<String> = serde_json::from_str(cmd.lines().next().unwrap()).unwrap();
    assert_eq!(words[0], "delegation-bot");
    let cmd = &words[1..];
    Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args(cmd)
        .env("METRICS_ADDR", base.trim_start_matches("http://"))
        .output()
        .unwrap()
}

#[tokio::test]
async fn metrics_move_with_interactions() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let fake = FakeDiscord::start().await;
    // Everyone may invoke /record (Integrations), so a member's attempt reaches the bot,
    // which refuses it.
    fake.allow("record", GUILD);
    let bot = spawn_bot_with(dir.path(), &fake, &[("METRICS_ADDR", "127.0.0.1:0")]);
    fake.wait_identified(1).await;
    let base = endpoint(&bot).await;

    let before = metrics_when(&base, "connected", |t| {
        sample(t, "delegation_bot_gateway_connected") == Some(1.0)
    })
    .await;
    assert_eq!(counted(&before, "stats", "ok"), 0.0);
    assert_eq!(
        sample(&before, "delegation_bot_records{kind=\"visits\"}"),
        Some(2.0)
    );
    assert_eq!(
        sample(&before, "delegation_bot_records{kind=\"officials\"}"),
        Some(5.0)
    );
    assert!(sample(&before, "delegation_bot_database_bytes").unwrap() > 0.0);
    assert_eq!(
        sample(&before, "delegation_bot_last_backup_timestamp_seconds"),
        Some(0.0)
    );

    fake.interact(command(Who::Member, &["stats"], &[])).await;
    fake.interact(command(Who::Member, &["stats"], &[])).await;
    fake.interact(command(
        Who::Member,
        &["visits", "show"],
        &[("id", json!(999))],
    ))
    .await;
    fake.interact(command(
        Who::Member,
        &["record", "visit", "add"],
        &[
            ("province", json!("Hainan")),
            ("start", json!("2024-02-01")),
        ],
    ))
    .await;
    fake.interact(command_in(OTHER_GUILD, Who::Member, &["stats"], &[]))
        .await;
    // Discord fails the answer: an error on our side of the count.
    fake.fail_callbacks(&[500]);
    fake.interact(command(
        Who::Member,
        &["visits", "show"],
        &[("id", json!(1))],
    ))
    .await;
    fake.interact(command(
        Who::Moderator,
        &["record", "visit", "add"],
        &[
            ("province", json!("Shandong")),
            ("start", json!("2024-07-02")),
        ],
    ))
    .await;

    // A scrape reads the records before it renders the counters, so the one that first
    // counts the write may have read the records just before it: wait for both.
    let after = metrics_when(&base, "seven interactions counted", |t| {
        counted(t, "visits show", "error") == 1.0
            && counted(t, "record visit add", "ok") == 1.0
            && sample(t, "delegation_bot_records{kind=\"visits\"}") == Some(3.0)
    })
    .await;
    assert_eq!(counted(&after, "stats", "ok"), 2.0);
    assert_eq!(
        counted(&after, "stats", "refused"),
        1.0,
        "the foreign guild"
    );
    assert_eq!(
        counted(&after, "visits show", "refused"),
        1.0,
        "no visit #999"
    );
    assert_eq!(
        counted(&after, "record visit add", "refused"),
        1.0,
        "not a moderator"
    );
    assert_eq!(
        sample(
            &after,
            "delegation_bot_interaction_seconds_count{command=\"stats\"}"
        ),
        Some(3.0)
    );
    assert_eq!(
        sample(
            &after,
            "delegation_bot_interaction_seconds_bucket{command=\"stats\",le=\"+Inf\"}"
        ),
        Some(3.0),
        "a histogram by command"
    );
    assert_eq!(
        sample(&after, "delegation_bot_records{kind=\"visits\"}"),
        Some(3.0),
        "the records are read at each scrape"
    );

    // A backup taken beside the running bot shows at the next scrape.
    let out = run(
        dir.path(),
        &["backup", "--dir", dir.path().join("bk").to_str().unwrap()],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let now = chrono::Utc::now().timestamp() as f64;
    let t = get(&format!("{base}/metrics")).await.1;
    let last = sample(&t, "delegation_bot_last_backup_timestamp_seconds").unwrap();
    assert!((now - last).abs() < 60.0, "last backup {last}, now {now}");
}

#[tokio::test]
async fn health_follows_the_gateway_and_the_healthcheck_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["migrate"]);
    let fake = FakeDiscord::start().await;
    let bot = spawn_bot_with(dir.path(), &fake, &[("METRICS_ADDR", "127.0.0.1:0")]);
    fake.wait_identified(1).await;
    let base = endpoint(&bot).await;

    assert_eq!(health_when(&base, 200).await, "ok\n");
    let out = docker_healthcheck(&base);
    assert_eq!(out.status.code(), Some(0), "{out:?}");

    // Discord goes away: the connection drops and cannot be made again.
    fake.set_gateway_down(true);
    fake.drop_gateway();
    let why = health_when(&base, 503).await;
    assert!(why.contains("gateway"), "{why}");
    let t = get(&format!("{base}/metrics")).await.1;
    assert_eq!(sample(&t, "delegation_bot_gateway_connected"), Some(0.0));
    let out = docker_healthcheck(&base);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("gateway"));

    // Discord is back: the bot reconnects by itself and is healthy again.
    fake.set_gateway_down(false);
    fake.wait_identified(2).await;
    assert_eq!(health_when(&base, 200).await, "ok\n");
    let r = fake
        .reply(command(Who::Member, &["visits", "list"], &[]))
        .await;
    assert_eq!(r["type"], 5, "acknowledges after reconnecting");
    let t = get(&format!("{base}/metrics")).await.1;
    assert_eq!(sample(&t, "delegation_bot_gateway_connected"), Some(1.0));
}

#[tokio::test]
async fn json_logs_carry_the_interaction_span() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let fake = FakeDiscord::start().await;
    let bot = spawn_bot_with(dir.path(), &fake, &[("LOG_FORMAT", "json")]);
    fake.wait_identified(1).await;
    fake.interact(command(
        Who::Member,
        &["visits", "show"],
        &[("id", json!(1))],
    ))
    .await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let answered = loop {
        let log = std::fs::read_to_string(&bot.log).unwrap();
        let records: Vec<serde_json::Value> = log
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .collect();
        if let Some(r) = records
            .iter()
            .find(|r| r["fields"]["message"] == "answered")
        {
            break r.clone();
        }
        assert!(Instant::now() < deadline, "no `answered` record: {log}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(answered["level"], "INFO");
    let span = &answered["span"];
    assert_eq!(span["name"], "interaction");
    assert_eq!(span["command"], "visits show");
    assert_eq!(span["user"], 500000000000000002u64);
    assert_eq!(span["guild"], GUILD.parse::<u64>().unwrap());
    assert!(answered["fields"]["ms"].is_u64());
}

#[tokio::test]
async fn restore_and_a_second_bot_are_refused_while_a_bot_runs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ask(d, &["sample"]);
    let backup = d.join("backup.db");
    assert!(
        run(d, &["backup", backup.to_str().unwrap()], &[])
            .status
            .success()
    );
    ask(
        d,
        &[
            "ask",
            "/record visit add province:Shandong start:2024-07-02",
        ],
    );

    let fake = FakeDiscord::start().await;
    let bot = spawn_bot(d, &fake);
    fake.wait_identified(1).await;

    let out = run(d, &["restore", backup.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("A running delegation-bot"), "{said}");
    assert!(said.contains("stop it before restoring"), "{said}");
    let second = run(
        d,
        &["serve"],
        &[
            ("DISCORD_TOKEN", TOKEN),
            ("DISCORD_API_BASE", &fake.base),
            ("DISCORD_GUILD_ID", GUILD),
        ],
    );
    assert_eq!(second.status.code(), Some(1), "{second:?}");
    assert!(String::from_utf8_lossy(&second.stderr).contains("A running delegation-bot"));
    // The bot still answers from the database it holds.
    let show = command(Who::Member, &["visits", "show"], &[("id", json!(3))]);
    let token = show["token"].as_str().unwrap().to_string();
    assert_eq!(fake.reply(show).await["type"], 5);
    let r = fake.edited_original(&token).await.payload().json;
    assert!(
        !r.to_string().contains("no visit #3"),
        "the database was not replaced: {r}"
    );

    // Once the bot is gone (even killed), the restore goes through.
    drop(bot);
    let out = run(d, &["restore", backup.to_str().unwrap()], &[]);
    assert!(out.status.success(), "{out:?}");
    let list = ask(d, &["ask", "--json", "/visits list"]);
    assert_eq!(list["data"]["total"], 2, "the backup is live");
}
