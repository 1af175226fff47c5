//! Issue 20's Discord items, against the strict fake: commands split so members see only
//! what they may use (18), a refused registration stops the bot (19), SIGTERM answers what
//! arrives during the drain at once (20), and a channel the bot may not post in is refused
//! before a watch or the digest points at it (21).

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::*;

/// The registration body the bot sent.
async fn registered(fake: &FakeDiscord) -> Vec<Value> {
    let put = registration(fake).await;
    put.payload().json.as_array().unwrap().clone()
}

/// Characters Discord counts against a command's 8,000: names, descriptions, choices.
fn size(v: &Value) -> usize {
    let text = |k: &str| v[k].as_str().map_or(0, |s| s.chars().count());
    let mut n = text("name") + text("description");
    for c in v["choices"].as_array().into_iter().flatten() {
        n += c["name"].as_str().map_or(0, |s| s.chars().count())
            + c["value"].as_str().map_or(0, |s| s.chars().count());
    }
    for o in v["options"].as_array().into_iter().flatten() {
        n += size(o);
    }
    n
}

#[tokio::test]
async fn item18_item19_members_see_only_what_they_may_use_and_every_command_has_room() {
    let s = setup().await;
    let commands = registered(&s.fake).await;
    for c in &commands {
        let name = c["name"].as_str().unwrap();
        let hidden = c["default_member_permissions"].as_str() == Some("32");
        let writes = ["record", "data", "outcome", "watch", "digest", "settings"].contains(&name);
        assert_eq!(
            hidden, writes,
            "/{name}: hidden from members exactly when it writes"
        );
        // Room left for the Korean and Chinese names and descriptions.
        assert!(size(c) <= 6500, "/{name} holds {} characters", size(c));
    }
    let names: Vec<&str> = commands.iter().filter_map(|c| c["name"].as_str()).collect();
    assert!(
        names.contains(&"watches") && names.contains(&"digests"),
        "{names:?}"
    );
    // A member reads the watches; the writes never reach the bot for them.
    let list = seen(&s.fake, command(Who::Member, &["watches"], &[])).await;
    assert!(list.title().starts_with("Watches"), "{}", list.body);
    let preview = seen(&s.fake, command(Who::Member, &["digests"], &[])).await;
    assert!(preview.ephemeral && preview.body.to_string().contains("Schedule"));
}

#[tokio::test]
async fn item19_a_refused_registration_stops_the_bot_naming_the_command() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let fake = FakeDiscord::start().await;
    fake.cap_commands(4000);
    let mut bot = spawn_bot(dir.path(), &fake);
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = bot.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the bot kept running with stale commands"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(status.code(), Some(1));
    let log = std::fs::read_to_string(&bot.log).unwrap();
    assert!(
        log.contains("Discord refused the bot's commands") && log.contains("/record"),
        "{log}"
    );
    assert!(log.contains("more than 4000"), "{log}");
    // The fake recorded the refusal it was asked to make.
    let refused = fake.take_violations();
    assert!(!refused.is_empty());
}

#[tokio::test]
async fn item20_sigterm_answers_at_once_what_arrives_during_the_drain() {
    let mut s = setup().await;
    // An import whose file never finishes downloading holds an interaction in flight.
    let url = format!("{}/files/hang-big.csv", s.fake.base);
    let import = command_with_file(
        Who::Moderator,
        &["data", "import"],
        "file",
        "big.csv",
        &url,
        1000,
    );
    let token = import["token"].as_str().unwrap().to_string();
    let callback = s.fake.reply(import).await;
    assert_eq!(callback["type"], 5, "acknowledged before the download");
    let pid = s.bot.child.id().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    // The download is abandoned with a word to the one who asked.
    let (edit, followup) = (edit_path(&token), followup_path(&token));
    let told = s
        .fake
        .wait_for("the abandoned import's answer", |r| {
            (r.method == "PATCH" && r.path == edit) || (r.method == "POST" && r.path == followup)
        })
        .await;
    assert!(
        told.payload().json.to_string().contains("restarting"),
        "{}",
        told.payload().json
    );
    let deadline = Instant::now() + Duration::from_secs(25);
    let status = loop {
        if let Some(status) = s.bot.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the bot did not stop within the drain"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(status.code(), Some(0));
}

#[tokio::test]
async fn item21_a_channel_the_bot_may_not_post_in_is_refused_naming_what_is_missing() {
    let s = setup().await;
    const CLOSED: &str = "300000000000000801";
    const HIDDEN: &str = "300000000000000802";
    s.fake.forbid_channel(CLOSED, 50013);
    s.fake.forbid_channel(HIDDEN, 50001);
    for (channel, missing) in [(CLOSED, "Send Messages"), (HIDDEN, "View Channel")] {
        let add = seen(
            &s.fake,
            command(
                Who::Moderator,
                &["watch", "add"],
                &[
                    ("channel", json!({"channel": channel})),
                    ("province", json!("Jiangsu")),
                ],
            ),
        )
        .await;
        let said = add.body.to_string();
        assert!(
            said.contains(missing) && said.contains("may not post"),
            "{said}"
        );
        let set = seen(
            &s.fake,
            command(
                Who::Moderator,
                &["digest", "set"],
                &[
                    ("channel", json!({"channel": channel})),
                    ("frequency", json!("monthly")),
                ],
            ),
        )
        .await;
        assert!(set.body.to_string().contains(missing), "{}", set.body);
    }
    assert_eq!(
        ask(s.dir.path(), &["ask", "--json", "/watches"])["data"]["watches"],
        json!([]),
        "nothing was set"
    );
    // A channel it may post in is taken.
    let add = seen(
        &s.fake,
        command(
            Who::Moderator,
            &["watch", "add"],
            &[
                ("channel", json!({"channel": "300000000000000803"})),
                ("province", json!("Jiangsu")),
            ],
        ),
    )
    .await;
    assert_eq!(
        add.title(),
        "Watch #1 added",
        "{} {}",
        add.body,
        std::fs::read_to_string(&s.bot.log).unwrap()
    );
}

#[tokio::test]
async fn item20_what_arrives_during_the_drain_is_told_at_once_and_the_drain_has_a_cap() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let fake = FakeDiscord::start().await;
    fake.allow_moderators();
    let mut bot = spawn_bot_with(dir.path(), &fake, &[("SHUTDOWN_DRAIN_SECONDS", "3")]);
    fake.wait_identified(1).await;
    // An answer Discord never takes keeps one interaction in flight.
    fake.hang_answers(true);
    let held = fake
        .reply(command(
            Who::Member,
            &["visits", "show"],
            &[("id", json!(1))],
        ))
        .await;
    assert_eq!(held["type"], 5, "acknowledged, then its answer hangs");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let pid = bot.child.id().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    // During the drain: told at once, in the first response, only to them.
    let late = fake.reply(command(Who::Member, &["stats"], &[])).await;
    assert_eq!(late["type"], 4, "{late}");
    assert_eq!(late["data"]["flags"], 64);
    assert!(
        late["data"]["content"]
            .as_str()
            .unwrap()
            .contains("restarting")
    );
    // The held interaction does not keep the bot past the drain's cap.
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = bot.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the drain has no cap");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(status.code(), Some(0));
    let log = std::fs::read_to_string(&bot.log).unwrap();
    assert!(log.contains("stopping anyway"), "{log}");
}
