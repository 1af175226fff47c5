//! Watches and digests (issue 14) end to end: the real bot posts to channels of the fake
//! Discord, unasked, once per change and once per period, through kills and refusals.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::*;

const WATCHED: &str = "300000000000000701";
const OTHER: &str = "300000000000000702";
const DIGEST: &str = "300000000000000703";

fn title(message: &Payload) -> String {
    message.json["embeds"][0]["title"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn titles(messages: &[Payload]) -> Vec<String> {
    messages.iter().map(title).collect()
}

/// Waits (up to 30 s) until the bot's log holds `text`.
async fn wait_log(bot: &Bot, text: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let log = std::fs::read_to_string(&bot.log).unwrap_or_default();
        if log.contains(text) {
            return log;
        }
        assert!(
            Instant::now() < deadline,
            "the log never said {text:?}: {log}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Kills the bot at once (SIGKILL), as a crash or an OOM kill would.
fn kill(mut bot: Bot) {
    bot.child.kill().unwrap();
    bot.child.wait().unwrap();
}

fn add_visit(dir: &Path, province: &str, start: &str) -> i64 {
    let v = ask(
        dir,
        &[
            "ask",
            "--json",
            &format!("/record visit add province:{province} start:{start} force:true"),
        ],
    );
    v["data"]["id"].as_i64().unwrap_or_else(|| panic!("{v}"))
}

async fn add_visit_by_command(fake: &FakeDiscord, province: &str, start: &str) -> Seen {
    let values = [
        ("province", json!(province)),
        ("start", json!(start)),
        ("force", json!(true)),
    ];
    seen(
        fake,
        command(Who::Moderator, &["record", "visit", "add"], &values),
    )
    .await
}

#[tokio::test]
async fn a_watch_posts_once_per_change_and_once_per_import() {
    let s = setup().await;
    let add = seen(
        &s.fake,
        command(
            Who::Moderator,
            &["watch", "add"],
            &[
                ("channel", json!({"channel": WATCHED})),
                ("province", json!("Jiangsu")),
            ],
        ),
    )
    .await;
    assert!(add.ephemeral, "a change answers privately");
    assert_eq!(add.title(), "Watch #1 added", "{}", add.body);
    // A Jiangsu visit added by command: one message in the watch's channel.
    let visit = add_visit_by_command(&s.fake, "Jiangsu", "2024-06-12").await;
    let id = visit
        .title()
        .split('#')
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    let messages = s.fake.wait_channel(WATCHED, 1).await;
    assert_eq!(title(&messages[0]), format!("Visit #{id} added"));
    let embed = &messages[0].json["embeds"][0];
    assert!(
        embed["description"]
            .as_str()
            .unwrap()
            .contains(&format!("/visits show id:{id}")),
        "{embed}"
    );
    assert!(embed["timestamp"].is_string(), "the change's time: {embed}");
    // A Hainan visit is not news for it; an import of 50 Jiangsu visits is one summary.
    add_visit_by_command(&s.fake, "Hainan", "2024-06-14").await;
    let mut csv = String::from("province,start\n");
    for day in 1..=50 {
        csv.push_str(&format!(
            "Jiangsu,2023-{:02}-{:02}\n",
            1 + (day - 1) / 28,
            1 + (day - 1) % 28
        ));
    }
    let file = s.dir.path().join("jiangsu.csv");
    std::fs::write(&file, csv).unwrap();
    ask(
        s.dir.path(),
        &["--as", "Kim", "import", file.to_str().unwrap(), "--quiet"],
    );
    let messages = s.fake.wait_channel(WATCHED, 2).await;
    assert_eq!(
        titles(&messages),
        [
            format!("Visit #{id} added"),
            "Import by Kim added 50 visits matching watch #1".to_string()
        ],
        "the Hainan visit said nothing, the import said it once"
    );
    // Removed, the watch says nothing more. A second watch elsewhere shows when the bot has
    // caught up with later changes.
    let removed = seen(
        &s.fake,
        command(Who::Moderator, &["watch", "remove"], &[("id", json!(1))]),
    )
    .await;
    assert_eq!(removed.title(), "Watch #1 removed");
    ask(
        s.dir.path(),
        &[
            "ask",
            &format!("/watch add channel:{OTHER} province:Hainan"),
        ],
    );
    add_visit(s.dir.path(), "Jiangsu", "2024-06-20");
    add_visit(s.dir.path(), "Hainan", "2024-06-21");
    s.fake.wait_channel(OTHER, 1).await;
    assert_eq!(
        s.fake.channel_messages(WATCHED).len(),
        2,
        "a removed watch posts nothing"
    );
    let list = seen(&s.fake, command(Who::Member, &["watches"], &[])).await;
    assert!(!list.ephemeral);
    assert_eq!(
        list.body["embeds"][0]["fields"][0]["name"],
        "#2 · Hainan · all kinds"
    );
    assert_no_pings(&s.fake);
}

#[tokio::test]
async fn a_kill_between_the_write_and_the_post_delivers_once_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    ask(
        dir.path(),
        &[
            "ask",
            &format!("/watch add channel:{WATCHED} province:Jiangsu"),
        ],
    );
    let (fake, bot) = start(dir.path()).await;
    // The post reaches no answer; the bot is killed while it waits.
    fake.hang_channel_posts(true);
    let first = add_visit(dir.path(), "Jiangsu", "2024-06-12");
    fake.wait_for("the post of the first change", |r| {
        r.path == format!("/api/v10/channels/{WATCHED}/messages")
    })
    .await;
    kill(bot);
    fake.hang_channel_posts(false);
    // Written while the bot is down.
    let second = add_visit(dir.path(), "Jiangsu", "2024-06-13");
    let bot = spawn_bot(dir.path(), &fake);
    fake.wait_identified(2).await;
    // Discord fails once: the post is tried again, and still goes out once.
    fake.fail_channel_posts(&[503]);
    let third = add_visit(dir.path(), "Jiangsu", "2024-06-14");
    let messages = fake.wait_channel(WATCHED, 3).await;
    let expected: Vec<String> = [first, second, third]
        .iter()
        .map(|id| format!("Visit #{id} added"))
        .collect();
    assert_eq!(titles(&messages), expected);
    // Caught up: a later change is the fourth message, nothing came twice.
    let fourth = add_visit(dir.path(), "Jiangsu", "2024-06-15");
    let messages = fake.wait_channel(WATCHED, 4).await;
    assert_eq!(messages.len(), 4, "{:?}", titles(&messages));
    assert_eq!(title(&messages[3]), format!("Visit #{fourth} added"));
    let log = std::fs::read_to_string(&bot.log).unwrap();
    assert!(log.contains("did not go out; trying again"), "{log}");
    assert_no_pings(&fake);
}

#[tokio::test]
async fn a_channel_the_bot_may_not_post_in_pauses_its_watch() {
    let s = setup().await;
    s.fake.forbid_channel(WATCHED, 50013);
    for channel in [WATCHED, OTHER] {
        ask(
            s.dir.path(),
            &[
                "ask",
                &format!("/watch add channel:{channel} province:Jiangsu"),
            ],
        );
    }
    add_visit(s.dir.path(), "Jiangsu", "2024-06-12");
    s.fake.wait_channel(OTHER, 1).await;
    let log = wait_log(&s.bot, "watch paused").await;
    assert!(
        log.lines()
            .any(|l| l.contains("watch paused") && l.contains("watch=1")),
        "the log names the watch: {log}"
    );
    let list = seen(&s.fake, command(Who::Member, &["watches"], &[])).await;
    let first = &list.body["embeds"][0]["fields"][0];
    assert!(
        first["value"].as_str().unwrap().contains("Paused")
            && first["value"]
                .as_str()
                .unwrap()
                .contains("Missing Permissions"),
        "{first}"
    );
    // Paused, it tries no more.
    add_visit(s.dir.path(), "Jiangsu", "2024-06-13");
    s.fake.wait_channel(OTHER, 2).await;
    let tries = s.fake.channel_attempts(WATCHED);
    assert_eq!(tries.len(), 1, "one refused post, then quiet");
    assert_eq!(tries[0].status, 403);
}

const JULY: &str = "2024-07-01T09:05:00+09:00";
const SEPTEMBER: &str = "2024-09-01T10:00:00+09:00";

/// The variables that fix the bot's clock.
fn at(now: &'static str) -> [(&'static str, &'static str); 1] {
    [(delegation_bot::clock::NOW_VAR, now)]
}

#[tokio::test]
async fn a_monthly_digest_posts_each_period_once_and_no_backlog() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    seed_visits(dir.path(), "Jiangsu", "2024-05", 2);
    seed_visits(dir.path(), "Shandong", "2024-08", 3);
    ask(
        dir.path(),
        &[
            "ask",
            &format!("/digest set channel:{DIGEST} frequency:monthly"),
        ],
    );
    let fake = FakeDiscord::start().await;
    let expected = ask_with(dir.path(), &at(JULY), &["ask", "--json", "/digests"]);
    let bot = spawn_bot_with(dir.path(), &fake, &at(JULY));
    let messages = fake.wait_channel(DIGEST, 1).await;
    assert_eq!(title(&messages[0]), "Monthly digest · June 2024");
    let embed = &messages[0].json["embeds"][0];
    assert_eq!(embed["image"]["url"], "attachment://chart.png");
    let (_, png) = messages[0]
        .files
        .iter()
        .find(|(n, _)| n == "chart.png")
        .expect("the monthly chart");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let visits = embed["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Visits")
        .unwrap();
    assert_eq!(visits["value"], expected["data"]["visits"].to_string());
    assert_eq!(expected["data"]["from"], "2024-06-01");
    // Killed once the post is marked (killed between Discord's 2xx and the mark, it would
    // post again: the one repeat README owns up to).
    wait_log(&bot, "digest posted").await;
    kill(bot);

    // Restarted at the same time: June was posted, nothing more.
    let bot = spawn_bot_with(dir.path(), &fake, &at(JULY));
    wait_log(&bot, "digest already posted for the latest period").await;
    assert_eq!(fake.channel_messages(DIGEST).len(), 1);
    kill(bot);

    // Down through July and August: only August, the latest period, is posted.
    let bot = spawn_bot_with(dir.path(), &fake, &at(SEPTEMBER));
    let messages = fake.wait_channel(DIGEST, 2).await;
    assert_eq!(
        titles(&messages),
        ["Monthly digest · June 2024", "Monthly digest · August 2024"]
    );
    let august = &messages[1].json["embeds"][0]["fields"][0];
    assert_eq!(august["value"], "3", "August's Shandong visits: {august}");
    wait_log(&bot, "digest posted").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(fake.channel_messages(DIGEST).len(), 2, "no backlog");
    assert_no_pings(&fake);
}

#[tokio::test]
async fn a_digest_preview_is_private_in_discord_and_data_in_ask() {
    let s = setup().await;
    let preview = seen(&s.fake, command(Who::Member, &["digests"], &[])).await;
    assert_eq!(preview.callback["type"], 5, "deferred: it draws a chart");
    assert!(preview.ephemeral, "only the one who asked sees a preview");
    assert!(
        preview.title().starts_with("Monthly digest · "),
        "{}",
        preview.body
    );

    let now = [(delegation_bot::clock::NOW_VAR, "2024-06-05T12:00:00+09:00")];
    let added = ask_with(
        s.dir.path(),
        &now,
        &[
            "ask",
            "--json",
            "/outcome add kind:MOU title:\"Workation MOU\" date:2024-05-30 province:Hainan amount:\"1.5 billion\" currency:USD",
        ],
    );
    assert_eq!(added["ok"], true, "{added}");
    let data: Value = ask_with(s.dir.path(), &now, &["ask", "--json", "/digests"])["data"].clone();
    for key in [
        "from",
        "to",
        "visits",
        "previous",
        "top_provinces",
        "new_officials",
        "outcomes",
        "added_since_last",
    ] {
        assert!(data.get(key).is_some(), "data has {key}: {data}");
    }
    assert_eq!(
        (data["from"].as_str(), data["to"].as_str()),
        (Some("2024-05-01"), Some("2024-05-31"))
    );
    // The sample's May: the Hainan visit of 29 May; April had none.
    assert_eq!(data["visits"], 1);
    assert_eq!(data["previous"]["visits"], 0);
    assert_eq!(data["top_provinces"][0]["province"], "Hainan");
    assert_eq!(data["outcomes"]["count"], 1, "{data}");
    assert_eq!(
        data["outcomes"]["pledged"],
        serde_json::json!([{"currency": "USD", "amount": "1500000000"}])
    );
    let weekly = ask_with(
        s.dir.path(),
        &[(delegation_bot::clock::NOW_VAR, "2024-06-05T12:00:00+09:00")],
        &["ask", "--json", "/digests frequency:weekly"],
    );
    assert_eq!(weekly["data"]["from"], "2024-05-27", "{weekly}");
    assert_eq!(weekly["data"]["to"], "2024-06-02");
}

#[tokio::test]
async fn item09_item10_a_refused_digest_is_kept_said_and_posted_once_set_again() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    ask(
        dir.path(),
        &[
            "ask",
            &format!("/digest set channel:{DIGEST} frequency:monthly"),
        ],
    );
    let fake = FakeDiscord::start().await;
    fake.allow_moderators();
    fake.forbid_channel(DIGEST, 50001);
    let bot = spawn_bot_with(dir.path(), &fake, &at(JULY));
    wait_log(&bot, "refused the digest").await;
    assert!(fake.channel_messages(DIGEST).is_empty());
    // Kept, with the reason, where the team looks.
    let preview = ask_with(dir.path(), &at(JULY), &["ask", "--json", "/digests"]);
    let kept = &preview["data"]["not_delivered"];
    assert_eq!(kept["period_from"], "2024-06-01", "{preview}");
    assert!(
        kept["reason"].as_str().unwrap().contains("Missing Access"),
        "{kept}"
    );
    // Not tried again on every tick.
    tokio::time::sleep(Duration::from_secs(6)).await;
    assert_eq!(fake.channel_attempts(DIGEST).len(), 1);

    // The channel fixed, the digest set again through the bot: June goes out, once.
    fake.allow_channel(DIGEST);
    let set = seen(
        &fake,
        command(
            Who::Moderator,
            &["digest", "set"],
            &[
                ("channel", json!({"channel": DIGEST})),
                ("frequency", json!("monthly")),
            ],
        ),
    )
    .await;
    assert!(set.title().contains("digest set"), "{}", set.body);
    let messages = fake.wait_channel(DIGEST, 1).await;
    assert_eq!(title(&messages[0]), "Monthly digest · June 2024");
    wait_log(&bot, "digest posted").await;
    let preview = ask_with(dir.path(), &at(JULY), &["ask", "--json", "/digests"]);
    assert!(preview["data"]["not_delivered"].is_null(), "{preview}");
    assert_no_pings(&fake);
}
