//! End to end: the real `delegation-bot serve` binary against a fake Discord on loopback.

mod fake;
mod operate;

use fake::*;
use serde_json::{Value, json};

const EPHEMERAL: u64 = 64;

struct Setup {
    fake: FakeDiscord,
    bot: Bot,
    dir: tempfile::TempDir,
}

/// A database with the sample data, a fake Discord, and the bot connected to it.
async fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let fake = FakeDiscord::start().await;
    let bot = spawn_bot(dir.path(), &fake);
    fake.wait_identified(1).await;
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

/// Asks for `/visits list` and returns the custom id of its Next button.
async fn next_page_button(fake: &FakeDiscord) -> String {
    let r = fake
        .reply(command(Who::Member, &["visits", "list"], &[]))
        .await;
    assert_eq!(r["type"], 4);
    r["data"]["components"][0]["components"][1]["custom_id"]
        .as_str()
        .expect("a Next button")
        .to_string()
}

fn total_visits(dir: &std::path::Path) -> i64 {
    ask(dir, &["ask", "--json", "/visits list"])["data"]["total"]
        .as_i64()
        .unwrap()
}

/// Discord's documented limits on a message body (shared/discord/LIMITS.md).
fn assert_within_limits(body: &Value) {
    let count = |v: &Value| v.as_str().map(|s| s.chars().count()).unwrap_or(0);
    if let Some(content) = body.get("content") {
        assert!(count(content) <= 2000, "content too long");
    }
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= 10);
    let mut total = 0;
    for e in &embeds {
        assert!(count(&e["title"]) <= 256);
        assert!(count(&e["description"]) <= 4096);
        assert!(count(&e["footer"]["text"]) <= 2048);
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        assert!(fields.len() <= 25);
        for f in &fields {
            assert!(count(&f["name"]) <= 256 && count(&f["value"]) <= 1024);
            total += count(&f["name"]) + count(&f["value"]);
        }
        total += count(&e["title"]) + count(&e["description"]) + count(&e["footer"]["text"]);
    }
    assert!(total <= 6000, "embeds hold {total} characters");
    for row in body["components"].as_array().cloned().unwrap_or_default() {
        for c in row["components"].as_array().cloned().unwrap_or_default() {
            assert!(c["custom_id"].as_str().map(str::len).unwrap_or(0) <= 100);
        }
    }
}

/// Every message the bot sent has empty allowed_mentions and fits Discord's limits.
fn assert_all_bodies_safe(fake: &FakeDiscord) {
    for r in fake.requests() {
        let p = r.payload();
        let message = if r.path.contains("/callback") {
            match p.json["type"].as_u64() {
                Some(4) | Some(7) => p.json["data"].clone(),
                _ => continue,
            }
        } else if r.path.contains("/webhooks/") {
            p.json.clone()
        } else {
            continue;
        };
        let mentions = &message["allowed_mentions"];
        assert_eq!(mentions["parse"], json!([]), "{} pings: {message}", r.path);
        assert!(mentions["users"].as_array().is_none_or(|u| u.is_empty()));
        assert!(mentions["roles"].as_array().is_none_or(|u| u.is_empty()));
        assert_within_limits(&message);
    }
}

fn valid_name(s: &str) -> bool {
    (1..=32).contains(&s.chars().count())
        && s.chars()
            .all(|c| c == '-' || c == '_' || (c.is_alphanumeric() && !c.is_uppercase()))
}

fn check_option(o: &Value) -> usize {
    assert!(valid_name(o["name"].as_str().unwrap()), "{o}");
    let d = o["description"].as_str().unwrap().chars().count();
    assert!((1..=100).contains(&d), "{o}");
    assert!(o["choices"].as_array().map(|c| c.len()).unwrap_or(0) <= 25);
    let subs = o["options"].as_array().cloned().unwrap_or_default();
    assert!(subs.len() <= 25);
    let mut seen_optional = false;
    for s in &subs {
        let required = s["required"].as_bool().unwrap_or(false);
        assert!(
            !(required && seen_optional),
            "required after optional in {}",
            o["name"]
        );
        seen_optional |= !required && s["type"].as_u64().unwrap() > 2;
    }
    match o["type"].as_u64() {
        Some(1) => {
            subs.iter().for_each(|s| {
                check_option(s);
            });
            1
        }
        Some(2) => subs.iter().map(check_option).sum(),
        _ => 0,
    }
}

#[tokio::test]
async fn registers_the_whole_catalog_within_discords_rules() {
    let s = setup().await;
    let path = format!("/api/v10/applications/{APP_ID}/guilds/{GUILD}/commands");
    let put = s
        .fake
        .wait_for("command registration", |r| {
            r.method == "PUT" && r.path == path
        })
        .await;
    let commands = put.payload().json;
    let commands = commands.as_array().expect("an array of commands");
    let mut leaves = 0;
    for c in commands {
        assert!(valid_name(c["name"].as_str().unwrap()));
        let d = c["description"].as_str().unwrap().chars().count();
        assert!((1..=100).contains(&d));
        let opts = c["options"].as_array().cloned().unwrap_or_default();
        assert!(opts.len() <= 25);
        if opts.iter().any(|o| o["type"] == 1 || o["type"] == 2) {
            leaves += opts.iter().map(check_option).sum::<usize>();
        } else {
            leaves += 1;
            check_option(
                &json!({"name": c["name"], "description": c["description"], "type": 1, "options": opts}),
            );
        }
        let writes = ["record", "data"].contains(&c["name"].as_str().unwrap());
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
    let (name, png) = edit
        .files
        .iter()
        .find(|(n, _)| n == "chart.png")
        .expect("a chart attachment");
    assert_eq!(name, "chart.png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_all_bodies_safe(&s.fake);
}

#[tokio::test]
async fn autocomplete_offers_matching_names() {
    let s = setup().await;
    let r = s
        .fake
        .interact(autocomplete(
            Who::Member,
            &["official", "history"],
            &[("name", json!("oh"))],
            "name",
        ))
        .await;
    let body = r.payload().json;
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
    let r = s
        .fake
        .interact(autocomplete(
            Who::Member,
            &["visits", "list"],
            &[("province", json!("Hainan, jiang"))],
            "province",
        ))
        .await;
    let values: Vec<String> = r.payload().json["data"]["choices"]
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
async fn next_button_shows_page_two() {
    let dir = tempfile::tempdir().unwrap();
    seed_visits(dir.path(), "Jiangsu", "2023-03", 15);
    let fake = FakeDiscord::start().await;
    let _bot = spawn_bot(dir.path(), &fake);
    fake.wait_identified(1).await;
    let next = next_page_button(&fake).await;
    assert!(next.ends_with(":2"), "{next}");
    let page2 = fake.reply(button(Who::Member, &next)).await;
    assert_eq!(page2["type"], 7, "the button updates the message");
    let footer = page2["data"]["embeds"][0]["footer"]["text"]
        .as_str()
        .unwrap();
    assert!(footer.contains("page 2 of 2"), "{footer}");
    assert!(
        page2["data"]["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .contains("2023-03-05")
    );
    assert_all_bodies_safe(&fake);
}

#[tokio::test]
async fn only_moderators_write() {
    let s = setup().await;
    let before = total_visits(s.dir.path());
    let add = [
        ("province", json!("Shandong")),
        ("start", json!("2024-07-02")),
        ("places", json!("Incheon")),
    ];
    let r = s
        .fake
        .reply(command(Who::Member, &["record", "visit", "add"], &add))
        .await;
    assert_eq!(r["data"]["flags"], EPHEMERAL);
    assert!(
        r["data"]["content"]
            .as_str()
            .unwrap()
            .contains("Only moderators")
    );
    assert_eq!(
        total_visits(s.dir.path()),
        before,
        "a refused member changed the database"
    );

    let r = s
        .fake
        .reply(command(Who::Moderator, &["record", "visit", "add"], &add))
        .await;
    assert_eq!(r["type"], 4);
    assert!(
        r["data"]["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .contains("added"),
        "{r}"
    );
    let list = s
        .fake
        .reply(command(
            Who::Member,
            &["visits", "list"],
            &[("province", json!("Shandong"))],
        ))
        .await;
    assert!(
        list["data"]["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .contains("Incheon")
    );
    // Manage Server or Administrator also count as moderator rights.
    let r = s
        .fake
        .reply(command(Who::Admin, &["data", "undo"], &[]))
        .await;
    assert!(
        r["data"]["content"].is_null()
            || !r["data"]["content"]
                .as_str()
                .unwrap()
                .contains("Only moderators"),
        "{r}"
    );
    assert_all_bodies_safe(&s.fake);
}

#[tokio::test]
async fn other_guilds_are_refused_and_touch_nothing() {
    let s = setup().await;
    let before = total_visits(s.dir.path());
    let add = [
        ("province", json!("Shandong")),
        ("start", json!("2024-07-02")),
    ];
    let r = s
        .fake
        .reply(command_in(
            OTHER_GUILD,
            Who::Moderator,
            &["record", "visit", "add"],
            &add,
        ))
        .await;
    assert_eq!(r["data"]["flags"], EPHEMERAL);
    assert!(
        r["data"]["content"]
            .as_str()
            .unwrap()
            .contains("only answers")
    );
    assert_eq!(total_visits(s.dir.path()), before);
}

#[tokio::test]
async fn malformed_options_get_an_ephemeral_error() {
    let s = setup().await;
    let r = s
        .fake
        .interact(command(
            Who::Moderator,
            &["record", "visit", "add"],
            &[
                ("province", json!("Hainan")),
                ("start", json!("2024-02-30")),
            ],
        ))
        .await;
    let body = r.payload().json;
    assert_eq!(body["data"]["flags"], EPHEMERAL);
    assert!(
        body["data"]["content"]
            .as_str()
            .unwrap()
            .contains("not a real calendar date")
    );
    assert_all_bodies_safe(&s.fake);
}

#[tokio::test]
async fn deletes_ask_for_confirmation() {
    let s = setup().await;
    let r = s
        .fake
        .reply(command(
            Who::Moderator,
            &["record", "visit", "delete"],
            &[("id", json!(2))],
        ))
        .await;
    assert_eq!(r["data"]["flags"], EPHEMERAL);
    let confirm = r["data"]["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        total_visits(s.dir.path()),
        2,
        "nothing is deleted before the click"
    );
    let other = s.fake.reply(button(Who::Admin, &confirm)).await;
    assert!(
        other["data"]["content"]
            .as_str()
            .unwrap()
            .contains("Only the person who asked")
    );
    let done = s.fake.reply(button(Who::Moderator, &confirm)).await;
    assert_eq!(done["type"], 7);
    assert_eq!(total_visits(s.dir.path()), 1);
    // A second click must not apply the change twice.
    let again = s.fake.reply(button(Who::Moderator, &confirm)).await;
    assert!(
        again["data"]["content"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}

#[tokio::test]
async fn imports_take_an_attachment_preview_then_apply() {
    let s = setup().await;
    let url = s.fake.host_file(
        "new.csv",
        b"province,start,places\nShandong,2024-07-03,Incheon\n",
    );
    let i = command_with_file(
        Who::Moderator,
        &["data", "import"],
        "file",
        "new.csv",
        &url,
        50,
    );
    let token = i["token"].as_str().unwrap().to_string();
    s.fake.interact(i).await;
    let preview = s.fake.edited_original(&token).await.payload().json;
    assert!(
        preview["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .contains("Preview"),
        "{preview}"
    );
    assert_eq!(total_visits(s.dir.path()), 2);
    let apply = preview["components"][0]["components"][0]["custom_id"]
        .as_str()
        .unwrap()
        .to_string();
    s.fake.interact(button(Who::Moderator, &apply)).await;
    assert_eq!(total_visits(s.dir.path()), 3);
}

#[tokio::test]
async fn visit_edit_without_fields_opens_a_prefilled_form() {
    let s = setup().await;
    let r = s
        .fake
        .reply(command(
            Who::Moderator,
            &["record", "visit", "edit"],
            &[("id", json!(1))],
        ))
        .await;
    assert_eq!(r["type"], 9, "a modal");
    let rows = r["data"]["components"].as_array().unwrap();
    assert!(rows.len() <= 5);
    assert_eq!(rows[0]["components"][0]["value"], "2024-05-29");
    let custom_id = r["data"]["custom_id"].as_str().unwrap().to_string();
    let submit = modal_submit(
        Who::Moderator,
        &custom_id,
        &[
            ("start", "2024-05-29"),
            ("end", "2024-05-31"),
            ("places", "Jeju, Seoul"),
            ("purpose", "Jeju Forum"),
            ("size", "25"),
        ],
    );
    let done = s.fake.reply(submit).await;
    assert!(
        done["data"]["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .contains("updated"),
        "{done}"
    );
    let shown = ask(s.dir.path(), &["ask", "--json", "/visits show id:1"]);
    assert_eq!(shown["data"]["size"], 25);
    assert_eq!(shown["data"]["purpose"], "Jeju Forum");
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
    s.fake
        .interact(command(
            Who::Member,
            &["visits", "show"],
            &[("id", json!(3))],
        ))
        .await;
    s.fake
        .interact(command(
            Who::Member,
            &["search"],
            &[("text", json!("everyone"))],
        ))
        .await;
    assert_all_bodies_safe(&s.fake);
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
    let r = s
        .fake
        .reply(command(
            Who::Member,
            &["visits", "show"],
            &[("id", json!(1))],
        ))
        .await;
    assert_eq!(r["type"], 4, "answers after reconnecting");
}

#[tokio::test]
async fn the_log_has_no_errors_and_no_token() {
    let s = setup().await;
    s.fake.interact(command(Who::Member, &["stats"], &[])).await;
    s.fake
        .interact(command(Who::Member, &["visits", "list"], &[]))
        .await;
    s.fake
        .interact(command(
            Who::Moderator,
            &["record", "visit", "add"],
            &[
                ("province", json!("Hainan")),
                ("start", json!("2024-02-30")),
            ],
        ))
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let log = std::fs::read_to_string(&s.bot.log).unwrap();
    assert!(!log.contains(TOKEN));
    assert!(!log.contains("ERROR"), "{log}");
    assert!(
        log.contains("answered"),
        "one span per interaction with its time: {log}"
    );
}

#[tokio::test]
async fn direct_messages_are_refused() {
    let s = setup().await;
    let before = total_visits(s.dir.path());
    let r = s
        .fake
        .interact(command_dm(
            &["record", "visit", "add"],
            &[
                ("province", json!("Shandong")),
                ("start", json!("2024-07-02")),
            ],
        ))
        .await;
    let body = r.payload().json;
    assert_eq!(body["data"]["flags"], EPHEMERAL);
    assert_eq!(total_visits(s.dir.path()), before);
}

#[tokio::test]
async fn export_replies_with_a_file() {
    let s = setup().await;
    let i = command(
        Who::Member,
        &["export"],
        &[("what", json!("visits")), ("format", json!("csv"))],
    );
    let token = i["token"].as_str().unwrap().to_string();
    assert_eq!(s.fake.reply(i).await["type"], 5);
    let edit = s.fake.edited_original(&token).await.payload();
    let (name, bytes) = edit
        .files
        .iter()
        .find(|(n, _)| n.ends_with(".csv"))
        .expect("a CSV attachment");
    assert!(name.starts_with("visits-"));
    assert!(String::from_utf8_lossy(bytes).starts_with("\u{feff}id,version,province,"));
}

#[tokio::test]
async fn page_buttons_keep_working_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    seed_visits(dir.path(), "Hainan", "2023-04", 12);
    let fake = FakeDiscord::start().await;
    let bot = spawn_bot(dir.path(), &fake);
    fake.wait_identified(1).await;
    let next = next_page_button(&fake).await;
    drop(bot);
    let _bot = spawn_bot(dir.path(), &fake);
    fake.wait_identified(2).await;
    let page2 = fake.reply(button(Who::Member, &next)).await;
    assert!(
        page2["data"]["embeds"][0]["footer"]["text"]
            .as_str()
            .unwrap()
            .contains("page 2 of 2"),
        "{page2}"
    );
}

#[tokio::test]
async fn a_form_submitted_after_someone_elses_edit_is_refused() {
    let s = setup().await;
    let r = s
        .fake
        .reply(command(
            Who::Moderator,
            &["record", "visit", "edit"],
            &[("id", json!(1))],
        ))
        .await;
    let custom_id = r["data"]["custom_id"].as_str().unwrap().to_string();
    ask(s.dir.path(), &["ask", "/record visit edit id:1 size:44"]);
    let submit = modal_submit(
        Who::Moderator,
        &custom_id,
        &[
            ("start", "2024-05-29"),
            ("end", "2024-05-31"),
            ("places", "Jeju, Seoul"),
            ("purpose", "Changed"),
            ("size", "44"),
        ],
    );
    let done = s.fake.reply(submit).await;
    assert_eq!(done["data"]["flags"], EPHEMERAL);
    assert!(
        done["data"]["content"]
            .as_str()
            .unwrap()
            .contains("changed since version"),
        "{done}"
    );
    let shown = ask(s.dir.path(), &["ask", "--json", "/visits show id:1"]);
    assert_ne!(shown["data"]["purpose"], "Changed");
}

#[tokio::test]
async fn a_lost_role_takes_effect_on_the_next_interaction() {
    let s = setup().await;
    let add = |day: &str| {
        [
            ("province", json!("Shandong")),
            ("start", json!(day.to_string())),
        ]
    };
    let ok = s
        .fake
        .reply(command(
            Who::Moderator,
            &["record", "visit", "add"],
            &add("2024-07-01"),
        ))
        .await;
    assert!(
        ok["data"]["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .contains("added")
    );
    let before = total_visits(s.dir.path());
    let r = s
        .fake
        .reply(command(
            Who::FormerModerator,
            &["record", "visit", "add"],
            &add("2024-08-01"),
        ))
        .await;
    assert!(
        r["data"]["content"]
            .as_str()
            .unwrap()
            .contains("Only moderators")
    );
    assert_eq!(total_visits(s.dir.path()), before);
}

#[tokio::test]
async fn one_member_is_slowed_down_not_everyone() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let fake = FakeDiscord::start().await;
    let _bot = spawn_bot_with(dir.path(), &fake, &[("RATE_LIMIT_PER_MINUTE", "3")]);
    fake.wait_identified(1).await;
    for _ in 0..3 {
        let r = fake
            .reply(command(
                Who::Member,
                &["visits", "show"],
                &[("id", json!(1))],
            ))
            .await;
        assert_eq!(r["type"], 4);
        assert!(r["data"]["embeds"].is_array());
    }
    let r = fake
        .reply(command(
            Who::Member,
            &["visits", "show"],
            &[("id", json!(1))],
        ))
        .await;
    assert_eq!(r["data"]["flags"], EPHEMERAL);
    assert!(
        r["data"]["content"].as_str().unwrap().contains("Slow down"),
        "{r}"
    );
    let other = fake
        .reply(command(
            Who::Moderator,
            &["visits", "show"],
            &[("id", json!(1))],
        ))
        .await;
    assert!(
        other["data"]["embeds"].is_array(),
        "other members are not affected"
    );
}

#[tokio::test]
async fn interactions_for_another_application_are_ignored_and_logged() {
    let s = setup().await;
    let mut forged = command(
        Who::Moderator,
        &["record", "visit", "add"],
        &[
            ("province", json!("Shandong")),
            ("start", json!("2024-07-02")),
        ],
    );
    forged["application_id"] = json!("123456789012345678");
    let id = forged["id"].as_str().unwrap().to_string();
    s.fake.send(forged);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        !s.fake.requests().iter().any(|r| r.path.contains(&id)),
        "no answer to a forged interaction"
    );
    assert_eq!(total_visits(s.dir.path()), 2);
    let log = std::fs::read_to_string(&s.bot.log).unwrap();
    assert!(log.contains("another application"), "{log}");
}

#[tokio::test]
async fn failing_callbacks_neither_crash_the_bot_nor_repeat_a_write() {
    let s = setup().await;
    let before = total_visits(s.dir.path());
    for (status, day) in [(500u16, "2024-09-01"), (429, "2024-10-01")] {
        s.fake.fail_callbacks(&[status]);
        s.fake
            .interact(command(
                Who::Moderator,
                &["record", "visit", "add"],
                &[("province", json!("Gansu")), ("start", json!(day))],
            ))
            .await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        total_visits(s.dir.path()),
        before + 2,
        "each write applied exactly once"
    );
    let r = s
        .fake
        .reply(command(
            Who::Member,
            &["visits", "show"],
            &[("id", json!(1))],
        ))
        .await;
    assert_eq!(r["type"], 4, "the bot still answers");
    assert!(s.bot.child.id() > 0);
    let log = std::fs::read_to_string(&s.bot.log).unwrap();
    assert!(
        log.contains("answering the interaction failed"),
        "the failure is logged: {log}"
    );
}

#[tokio::test]
async fn serve_and_ask_write_one_file_at_the_same_time() {
    let s = setup().await;
    let before = total_visits(s.dir.path());
    let dir = s.dir.path().to_path_buf();
    let console = std::thread::spawn(move || {
        (1..=10)
            .map(|day| {
                ask(
                    &dir,
                    &[
                        "ask",
                        "--json",
                        &format!("/record visit add province:Yunnan start:2019-01-{day:02}"),
                    ],
                )
            })
            .filter(|v| v["ok"] == true)
            .count()
    });
    let mut answered = 0;
    for day in 1..=10 {
        let start = format!("2019-02-{day:02}");
        let r = s
            .fake
            .reply(command(
                Who::Moderator,
                &["record", "visit", "add"],
                &[("province", json!("Yunnan")), ("start", json!(start))],
            ))
            .await;
        let title = r["data"]["embeds"][0]["title"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(title.contains("added"), "{r}");
        answered += 1;
    }
    assert_eq!(console.join().unwrap(), 10, "every console write succeeded");
    assert_eq!(answered, 10);
    assert_eq!(total_visits(s.dir.path()), before + 20, "no write lost");
    let log = std::fs::read_to_string(&s.bot.log).unwrap();
    assert!(!log.contains("locked"), "{log}");
}

#[tokio::test]
async fn many_members_at_once_are_all_answered_and_every_write_lands() {
    let s = setup().await;
    let before = total_visits(s.dir.path());
    // 100 interactions dispatched without waiting: 20 members, every fifth one a write.
    let mut ids = Vec::new();
    for i in 0..100u32 {
        let interaction = if i % 5 == 4 {
            command(
                Who::Many {
                    n: i % 4,
                    moderator: true,
                },
                &["record", "visit", "add"],
                &[
                    ("province", json!("Gansu")),
                    ("start", json!(format!("2020-03-{:02}", 1 + i % 28))),
                    ("force", json!(true)),
                ],
            )
        } else {
            let who = Who::Many {
                n: 4 + i % 16,
                moderator: false,
            };
            match i % 3 {
                0 => command(who, &["visits", "list"], &[]),
                1 => command(who, &["provinces"], &[]),
                _ => command(who, &["search"], &[("text", json!("Jeju"))]),
            }
        };
        ids.push(interaction["id"].as_str().unwrap().to_string());
        s.fake.send(interaction);
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while s.fake.count(|r| r.path.ends_with("/callback")) < ids.len() {
        assert!(
            std::time::Instant::now() < deadline,
            "not every interaction was answered"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    for id in &ids {
        let path = format!("/api/v10/interactions/{id}/");
        let callback = s
            .fake
            .wait_for("every callback", |r| r.path.starts_with(&path))
            .await;
        let body = callback.payload().json.to_string();
        assert!(!body.contains("went wrong"), "{body}");
        assert!(
            !body.contains("Slow down"),
            "no member hit the rate limit: {body}"
        );
    }
    assert_eq!(
        total_visits(s.dir.path()),
        before + 20,
        "every write landed once"
    );
}
