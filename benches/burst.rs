//! End to end under load: the real `serve` binary against the fake Discord of the tests,
//! on a synthetic database. 1,000 interactions from 100 members (10% of them writes by
//! moderators) are dispatched at once; the figures are the latencies from dispatch to the
//! acknowledgement (the callback) and to the answer (the edit that follows it), startup
//! time to READY and resident memory. Prints a Markdown table; asserts nothing about time
//! (see README "Performance"): what the fake refuses (a late callback) is counted.
//!
//! `cargo bench --bench burst` (BURST_VISITS=1000000 for a bigger database, or
//! BURST_DB=bench-data/bench-1000000.db to copy one the bench subcommand made;
//! BURST_ONLY=0..9 sends one kind of interaction only).

#[allow(dead_code)]
#[path = "../tests/discord/fake.rs"]
mod fake;

use std::time::{Duration, Instant};

use delegation_bot::bench::{memory_kb, stats};
use fake::{FakeDiscord, Who, ask, command, database_url, spawn_bot};
use serde_json::{Value, json};

const INTERACTIONS: u32 = 1000;
const MEMBERS: u32 = 100;

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// Interaction `i`: every tenth a write by one of the ten moderators, the rest a mix of
/// the read commands members use.
fn interaction(i: u32, visits: i64, official: &str) -> Value {
    let n = i % MEMBERS;
    // BURST_ONLY=k (0-8 a read below, 9 the write): one kind of interaction only, to see
    // which one a change in latency or memory comes from.
    let only: Option<u32> = std::env::var("BURST_ONLY")
        .ok()
        .and_then(|v| v.parse().ok());
    let kind = only.unwrap_or(if i % 10 == 9 { 9 } else { i % 9 });
    if kind == 9 {
        let who = Who::Many {
            n: n % 10,
            moderator: true,
        };
        let day = format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        return command(
            who,
            &["record", "visit", "add"],
            &[
                ("province", json!("Hainan")),
                ("start", json!(day)),
                ("purpose", json!(format!("burst write {i}"))),
                ("force", json!(true)),
            ],
        );
    }
    let who = Who::Many {
        n: 10 + n % 90,
        moderator: false,
    };
    let id = 1 + (i64::from(i) * 7919) % visits;
    match kind {
        0 => command(who, &["visits", "monthly"], &[]),
        1 => command(who, &["visits", "list"], &[]),
        2 => command(who, &["visits", "list"], &[("province", json!("Jiangsu"))]),
        3 => command(who, &["visits", "show"], &[("id", json!(id))]),
        4 => command(who, &["provinces"], &[]),
        5 => command(
            who,
            &["stats"],
            &[("from", json!("2024-01")), ("to", json!("2024-12"))],
        ),
        6 => command(who, &["search"], &[("text", json!("semiconductor"))]),
        7 => command(who, &["official", "history"], &[("name", json!(official))]),
        _ => command(who, &["forums", "list"], &[]),
    }
}

#[tokio::main]
async fn main() {
    let mut visits: i64 = std::env::var("BURST_VISITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    // BURST_DB: a copy of an existing database (e.g. bench-data/bench-1000000.db from the
    // bench subcommand) instead of generating one.
    let made = Instant::now();
    match std::env::var("BURST_DB") {
        Ok(path) => {
            std::fs::copy(&path, dir.path().join("bot.db")).expect("BURST_DB is readable");
            ask(dir.path(), &["migrate"]);
        }
        Err(_) => {
            let out = ask(
                dir.path(),
                &["sample", "--synthetic", &visits.to_string(), "--seed", "42"],
            );
            eprintln!("{out}");
        }
    }
    eprintln!("database ready in {:.0} s", made.elapsed().as_secs_f64());
    let official: String = {
        let db = delegation_bot::store::open(&database_url(dir.path()))
            .await
            .unwrap();
        let name = sqlx::query_scalar(
            "SELECT o.name FROM meeting_participants mp JOIN officials o ON o.id = mp.official_id
             GROUP BY o.id ORDER BY count(*) DESC LIMIT 1",
        )
        .fetch_one(&db)
        .await
        .unwrap();
        visits = sqlx::query_scalar("SELECT count(*) FROM visits WHERE deleted_at IS NULL")
            .fetch_one(&db)
            .await
            .unwrap();
        db.close().await;
        name
    };

    let fake = FakeDiscord::start().await;
    fake.allow_moderators();
    let spawned = Instant::now();
    let bot = spawn_bot(dir.path(), &fake);
    while fake.identifies() < 1 {
        assert!(
            spawned.elapsed() < Duration::from_secs(60),
            "the bot never identified"
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let ready = spawned.elapsed();
    let registered = fake
        .wait_for("command registration", |r| r.path.ends_with("/commands"))
        .await
        .at
        - spawned;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = memory_kb(&bot.child.id().to_string());

    let burst: Vec<Value> = (0..INTERACTIONS)
        .map(|i| interaction(i, visits, &official))
        .collect();
    let mut sent = std::collections::HashMap::new();
    let started = Instant::now();
    for i in burst {
        let id = i["id"].as_str().unwrap().to_string();
        let token = i["token"].as_str().unwrap().to_string();
        sent.insert(id, Instant::now());
        sent.insert(token, Instant::now());
        fake.send(i);
    }
    let deadline = Instant::now() + Duration::from_secs(120);
    let is_callback = |r: &fake::Recorded| {
        r.path.starts_with("/api/v10/interactions/") && r.path.ends_with("/callback")
    };
    // The answer after an acknowledgement: the edit of the placeholder, or an ephemeral
    // follow-up when it turned into an error.
    let is_answer = |r: &fake::Recorded| {
        r.path.starts_with("/api/v10/webhooks/")
            && (r.method == "PATCH" || (r.method == "POST" && r.path.matches('/').count() == 5))
    };
    while fake.count(is_callback) < INTERACTIONS as usize && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let deferrals = fake.count(|r| is_callback(r) && r.payload().json["type"] == 5);
    while fake.count(is_answer) < deferrals && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let callbacks: Vec<_> = fake
        .requests()
        .into_iter()
        .filter(|r| is_callback(r))
        .collect();
    let elapsed = started.elapsed();
    // What the bot keeps once the burst is over (it gives memory back when the last
    // interaction is answered), not what it holds in the middle of answering it.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let loaded = memory_kb(&bot.child.id().to_string());

    let mut latencies: Vec<Duration> = Vec::new();
    let (mut deferred, mut apologies) = (0, 0);
    for c in &callbacks {
        let id = c.path.split('/').nth(4).unwrap_or_default();
        if let Some(at) = sent.get(id) {
            latencies.push(c.at - *at);
        }
        let body = c.payload().json;
        if body["type"] == 5 {
            deferred += 1;
        }
        if body.to_string().contains("went wrong") {
            apologies += 1;
        }
    }
    let mut answered: std::collections::HashMap<String, Duration> = Default::default();
    for a in fake.requests().into_iter().filter(|r| is_answer(r)) {
        let token = a.path.split('/').nth(5).unwrap_or_default().to_string();
        if let Some(at) = sent.get(&token) {
            answered.entry(token).or_insert(a.at - *at);
        }
        if a.payload().json.to_string().contains("went wrong") {
            apologies += 1;
        }
    }
    let answers = stats(answered.into_values().collect());
    let refused = fake.take_violations().len();
    let n = latencies.len();
    let late = latencies
        .iter()
        .filter(|d| **d > Duration::from_secs(3))
        .count();
    let spread = stats(latencies);
    println!("\n### Burst through the fake Discord ({visits} visits)\n");
    println!("| figure | value |\n|---|---:|");
    println!("| interactions sent / answered | {INTERACTIONS} / {n} |");
    println!("| answered later than 3 s | {late} |");
    println!("| internal errors (apologies) | {apologies} |");
    println!("| acknowledged first (type 5), then answered by an edit | {deferred} |");
    println!("| refused by the fake Discord (a rule broken) | {refused} |");
    println!(
        "| dispatch → acknowledgement p50 / p99 / max ms | {} / {} / {} |",
        ms(spread.p50),
        ms(spread.p99),
        ms(spread.max)
    );
    println!(
        "| dispatch → answer p50 / p99 / max ms | {} / {} / {} |",
        ms(answers.p50),
        ms(answers.p99),
        ms(answers.max)
    );
    println!("| whole burst answered in ms | {} |", ms(elapsed));
    println!("| startup to READY (IDENTIFY sent) ms | {} |", ms(ready));
    println!("| startup to commands registered ms | {} |", ms(registered));
    println!(
        "| resident memory idle / after burst (peak) kB | {} / {} ({}) |",
        idle.0, loaded.0, loaded.1
    );
    drop(bot);
}
