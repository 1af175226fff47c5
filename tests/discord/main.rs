//! End to end: the real `delegation-bot serve` binary against a fake Discord on loopback,
//! as strict as Discord (`fake.rs`): a test that breaks one of Discord's rules fails.

mod access;
mod draft;
mod fake;
mod flows;
mod load;
mod operate;
mod real_use;
mod strict;
mod watch;

use fake::*;
use serde_json::{Value, json};

const EPHEMERAL: u64 = 64;

struct Setup {
    fake: FakeDiscord,
    bot: Bot,
    dir: tempfile::TempDir,
}

/// A fake Discord where the moderator role may use the write commands (the Integrations
/// override), and the bot connected to it on the database in `dir`.
async fn start(dir: &std::path::Path) -> (FakeDiscord, Bot) {
    let fake = FakeDiscord::start().await;
    fake.allow_moderators();
    let bot = spawn_bot(dir, &fake);
    fake.wait_identified(1).await;
    (fake, bot)
}

/// A database with the sample data, a fake Discord, and the bot connected to it.
async fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let (fake, bot) = start(dir.path()).await;
    Setup { fake, bot, dir }
}

/// `n` one-day visits from `province` on the first days of `month`.
fn seed_visits(dir: &std::path::Path, province: &str, month: &str, n: u32) {
    for day in 1..=n {
        ask(
            dir,
            &[
                "ask",
                &format!("/record visit add province:{province} start:{month}-{day:02} force:true"),
            ],
        );
    }
}

fn total_visits(dir: &std::path::Path) -> i64 {
    ask(dir, &["ask", "--json", "/visits list"])["data"]["total"]
        .as_i64()
        .unwrap()
}

/// What a member ends up seeing for one interaction.
struct Seen {
    /// The callback's JSON (type 4, 5, 6, 7, 8 or 9).
    callback: Value,
    /// The message: the callback's data, or the edit or follow-up after an acknowledgement.
    body: Value,
    ephemeral: bool,
}

impl Seen {
    fn content(&self) -> &str {
        self.body["content"].as_str().unwrap_or_default()
    }

    fn title(&self) -> &str {
        self.body["embeds"][0]["title"].as_str().unwrap_or_default()
    }

    fn custom_id(&self, row: usize, button: usize) -> String {
        self.body["components"][row]["components"][button]["custom_id"]
            .as_str()
            .unwrap_or_else(|| panic!("no button {row}/{button}: {}", self.body))
            .to_string()
    }
}

fn edit_path(token: &str) -> String {
    format!("/api/v10/webhooks/{APP_ID}/{token}/messages/@original")
}

fn followup_path(token: &str) -> String {
    format!("/api/v10/webhooks/{APP_ID}/{token}")
}

/// Sends an interaction and waits for what the member sees: the message it is answered
/// with, or after an acknowledgement (type 5 or 6) the first edit or follow-up.
async fn seen(fake: &FakeDiscord, interaction: Value) -> Seen {
    let token = interaction["token"].as_str().unwrap().to_string();
    let on_ephemeral = interaction["message"]["flags"] == EPHEMERAL;
    let callback = fake.reply(interaction).await;
    let flags = callback["data"]["flags"].as_u64().unwrap_or(0);
    if !matches!(callback["type"].as_u64(), Some(5 | 6)) {
        return Seen {
            body: callback["data"].clone(),
            ephemeral: flags & EPHEMERAL != 0,
            callback,
        };
    }
    let (edit, followup) = (edit_path(&token), followup_path(&token));
    let later = fake
        .wait_for("the answer after the acknowledgement", |r| {
            (r.method == "PATCH" && r.path == edit) || (r.method == "POST" && r.path == followup)
        })
        .await;
    let body = later.payload().json;
    let ephemeral = if later.method == "POST" {
        body["flags"].as_u64().unwrap_or(0) & EPHEMERAL != 0
    } else if callback["type"] == 5 {
        flags & EPHEMERAL != 0
    } else {
        on_ephemeral
    };
    Seen {
        callback,
        body,
        ephemeral,
    }
}

/// Asks for `/visits list` and returns the custom id of its Next button.
async fn next_page_button(fake: &FakeDiscord, values: &[(&str, Value)]) -> String {
    let list = seen(fake, command(Who::Member, &["visits", "list"], values)).await;
    assert_eq!(list.callback["type"], 5, "acknowledged before the query");
    assert!(!list.ephemeral, "a list answers the channel");
    list.custom_id(0, 1)
}

/// Every message the bot sent has empty allowed_mentions (Discord's own rules are the fake's).
fn assert_no_pings(fake: &FakeDiscord) {
    for r in fake.requests() {
        let p = r.payload();
        let message = if r.path.contains("/callback") {
            match p.json["type"].as_u64() {
                Some(4) | Some(7) => p.json["data"].clone(),
                _ => continue,
            }
        } else if (r.path.contains("/webhooks/") || r.path.contains("/channels/"))
            && !matches!(r.method.as_str(), "DELETE" | "GET")
        {
            p.json.clone()
        } else {
            continue;
        };
        let mentions = &message["allowed_mentions"];
        assert_eq!(mentions["parse"], json!([]), "{} pings: {message}", r.path);
        assert!(mentions["users"].as_array().is_none_or(|u| u.is_empty()));
        assert!(mentions["roles"].as_array().is_none_or(|u| u.is_empty()));
    }
}

/// The bot's registration of its commands, as the fake Discord answered it.
async fn registration(fake: &FakeDiscord) -> Recorded {
    let path = format!("/api/v10/applications/{APP_ID}/guilds/{GUILD}/commands");
    fake.wait_for("command registration", |r| {
        r.method == "PUT" && r.path == path
    })
    .await
}

#[tokio::test]
async fn registers_the_whole_catalog_within_discords_rules() {
    let s = setup().await;
    let put = registration(&s.fake).await;
    assert_eq!(put.status, 200, "the spec and Discord's rules accept it");
    let commands = put.payload().json;
    let mut leaves = 0;
    fn leaves_of(o: &Value) -> usize {
        match o["type"].as_u64() {
            Some(1) => 1,
            Some(2) => o["options"].as_array().unwrap().iter().map(leaves_of).sum(),
            _ => 0,
        }
    }
    for c in commands.as_array().unwrap() {
        let opts = c["options"].as_array().cloned().unwrap_or_default();
        leaves += match opts.iter().map(leaves_of).sum() {
            0 => 1,
            n => n,
        };
        let writes = ["record", "data", "outcome", "watch", "digest", "settings"]
            .contains(&c["name"].as_str().unwrap());
        assert_eq!(
            c["default_member_permissions"].as_str() == Some("32"),
            writes,
            "Manage Server on write commands only: {}",
            c["name"]
        );
    }
    assert_eq!(
        leaves,
        delegation_bot::catalog::COMMANDS.len(),
        "every catalog command is registered"
    );
    let log = std::fs::read_to_string(&s.bot.log).unwrap();
    assert!(!log.contains(TOKEN), "the token must never be logged");
}

#[tokio::test]
async fn visits_monthly_answers_with_an_embed_and_a_png_chart() {
    let s = setup().await;
    let i = command(
        Who::Member,
        &["visits", "monthly"],
        &[("from", json!("2024-01")), ("to", json!("2024-12"))],
    );
    let token = i["token"].as_str().unwrap().to_string();
    let first = s.fake.interact(i).await;
    assert_eq!(first.payload().json["type"], 5, "a chart is deferred first");
    let edit = s.fake.edited_original(&token).await.payload();
    let embed = &edit.json["embeds"][0];
    let description = embed["description"].as_str().unwrap();
    let expected = ask(
        s.dir.path(),
        &["ask", "--json", "/visits monthly from:2024-01 to:2024-12"],
    );
    for m in expected["data"]["months"].as_array().unwrap() {
        let month = m["month"].as_str().unwrap();
        let row = description
            .lines()
            .find(|l| {
                l.starts_with(month)
                    && l.split_whitespace()
                        .nth(1)
                        .is_some_and(|n| n.parse::<i64>().is_ok())
            })
            .expect("a table row per month");
        assert_eq!(
            row.split_whitespace().nth(1).unwrap(),
            m["visits"].to_string(),
            "{row}"
        );
    }
    let total = embed["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Total")
        .unwrap();
    assert_eq!(total["value"], expected["data"]["total"].to_string());
    assert_eq!(embed["image"]["url"], "attachment://chart.png");
    let (_, png) = edit
        .files
        .iter()
        .find(|(n, _)| n == "chart.png")
        .expect("a chart attachment");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_no_pings(&s.fake);
}

#[tokio::test]
async fn autocomplete_offers_matching_names() {
    let s = setup().await;
    let body = s
        .fake
        .reply(autocomplete(
            Who::Member,
            &["official", "history"],
            &[("name", json!("oh"))],
            "name",
        ))
        .await;
    assert_eq!(body["type"], 8);
    let names: Vec<&str> = body["data"]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Oh Se-hoon") && names.contains(&"Oh Young-hun"),
        "{names:?}"
    );
    let body = s
        .fake
        .reply(autocomplete(
            Who::Member,
            &["visits", "list"],
            &[("province", json!("Hainan, jiang"))],
            "province",
        ))
        .await;
    let values: Vec<String> = body["data"]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        values[..2],
        ["Hainan, Jiangsu", "Hainan, Jiangxi"],
        "prefix matches first, the list kept"
    );
}

#[tokio::test]
async fn names_in_the_data_never_ping() {
    let s = setup().await;
    ask(
        s.dir.path(),
        &[
            "ask",
            "/record visit add province:Fujian start:2024-08-01 purpose:\"@everyone <@&200000000000000001> hello\"",
        ],
    );
    let show = seen(
        &s.fake,
        command(Who::Member, &["visits", "show"], &[("id", json!(3))]),
    )
    .await;
    assert!(show.body["embeds"][0].to_string().contains("@everyone"));
    seen(
        &s.fake,
        command(Who::Member, &["search"], &[("text", json!("everyone"))]),
    )
    .await;
    assert_no_pings(&s.fake);
}

#[tokio::test]
async fn sigterm_stops_cleanly() {
    let mut s = setup().await;
    let pid = s.bot.child.id().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(status) = s.bot.child.try_wait().unwrap() {
            break status;
        }
        assert!(std::time::Instant::now() < deadline, "the bot did not stop");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(status.code(), Some(0));
}

#[tokio::test]
async fn reconnects_after_the_gateway_drops() {
    let s = setup().await;
    s.fake.drop_gateway();
    s.fake.wait_identified(2).await;
    let show = seen(
        &s.fake,
        command(Who::Member, &["visits", "show"], &[("id", json!(1))]),
    )
    .await;
    assert!(
        show.title().contains("#1"),
        "answers after reconnecting: {}",
        show.body
    );
}

#[tokio::test]
async fn the_log_has_no_errors_and_no_token() {
    let s = setup().await;
    seen(&s.fake, command(Who::Member, &["stats"], &[])).await;
    seen(&s.fake, command(Who::Member, &["visits", "list"], &[])).await;
    seen(
        &s.fake,
        command(
            Who::Moderator,
            &["record", "visit", "add"],
            &[
                ("province", json!("Hainan")),
                ("start", json!("2024-02-30")),
            ],
        ),
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let log = std::fs::read_to_string(&s.bot.log).unwrap();
    assert!(!log.contains(TOKEN));
    assert!(!log.contains("ERROR"), "{log}");
    assert!(
        log.contains("answered"),
        "one span per interaction with its time: {log}"
    );
    assert!(
        log.contains("Server Settings > Integrations"),
        "startup says what role-only moderators need: {log}"
    );
    assert!(
        log.contains("rate limiter is off"),
        "a loopback API base turns serenity's rate limiter off, with a warning: {log}"
    );
}

#[tokio::test]
async fn speaks_the_members_language_in_commands_and_answers() {
    let s = setup().await;
    let put = registration(&s.fake).await;
    assert_eq!(
        put.status, 200,
        "localizations within Discord's rules and cap"
    );
    for c in put.payload().json.as_array().unwrap() {
        for locale in ["ko", "zh-CN", "zh-TW"] {
            assert!(
                c["name_localizations"][locale].is_string()
                    && c["description_localizations"][locale].is_string(),
                "/{} in {locale}",
                c["name"]
            );
        }
    }
    // A member whose Discord speaks Korean is answered in Korean.
    let mut i = command(
        Who::Member,
        &["visits", "monthly"],
        &[("from", json!("2024-01")), ("to", json!("2024-12"))],
    );
    i["locale"] = json!("ko");
    let token = i["token"].as_str().unwrap().to_string();
    s.fake.interact(i).await;
    let edit = s.fake.edited_original(&token).await.payload();
    let title = edit.json["embeds"][0]["title"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(title.contains("월별 방문"), "{title}");
}
