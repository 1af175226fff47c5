//! Who may do what: moderators by role (and the Integrations override Discord needs for
//! them), other servers, DMs, forged interactions, members going too fast, and `serve`
//! refusing to start with no server allowed.

use serde_json::json;

use super::fake::*;
use super::{EPHEMERAL, seen, setup, spawn_bot_with, total_visits};

fn add(day: &str) -> [(&'static str, serde_json::Value); 2] {
    [("province", json!("Shandong")), ("start", json!(day))]
}

#[tokio::test]
async fn only_moderators_write() {
    let s = setup().await;
    // A server admin lets everyone see /record (the server's id is the @everyone role); the
    // bot still checks rights on every interaction.
    s.fake.allow("record", GUILD);
    let before = total_visits(s.dir.path());
    let refused = seen(
        &s.fake,
        command(Who::Member, &["record", "visit", "add"], &add("2024-07-02")),
    )
    .await;
    assert_eq!(
        refused.callback["type"], 4,
        "refused at once, nothing waits"
    );
    assert!(refused.ephemeral);
    assert!(
        refused.content().contains("Only moderators"),
        "{}",
        refused.body
    );
    assert_eq!(
        total_visits(s.dir.path()),
        before,
        "a refused member changed the database"
    );

    let added = seen(
        &s.fake,
        command(
            Who::Moderator,
            &["record", "visit", "add"],
            &add("2024-07-02"),
        ),
    )
    .await;
    assert_eq!(
        added.callback["type"], 5,
        "a write is acknowledged before it waits its turn"
    );
    assert!(added.ephemeral, "a change answers only the one who made it");
    assert!(added.title().contains("added"), "{}", added.body);
    assert_eq!(total_visits(s.dir.path()), before + 1);
    // Manage Server or Administrator also count as moderator rights: the admin's undo
    // reaches the core, which finds no change of theirs to undo.
    let undo = seen(&s.fake, command(Who::Admin, &["data", "undo"], &[])).await;
    assert!(
        undo.content().contains("no change left to undo"),
        "{}",
        undo.body
    );
}

#[tokio::test]
async fn role_only_moderators_need_the_integrations_override() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let fake = FakeDiscord::start().await;
    let _bot = spawn_bot(dir.path(), &fake);
    fake.wait_identified(1).await;
    // /record needs Manage Server; a member with only the moderator role (permissions 0)
    // does not even see it until a server admin allows the role.
    let write = command(
        Who::Moderator,
        &["record", "visit", "add"],
        &add("2024-07-03"),
    );
    let refusal = fake.dispatchable(&write).unwrap_err();
    assert!(refusal.contains("needs permissions 32"), "{refusal}");
    fake.allow("record", MOD_ROLE);
    let added = seen(&fake, write).await;
    assert!(added.title().contains("added"), "{}", added.body);
    // Manage Server alone is enough without any override.
    let undo = command(Who::Admin, &["data", "undo"], &[]);
    assert!(fake.dispatchable(&undo).is_ok());
}

#[tokio::test]
async fn a_lost_role_takes_effect_on_the_next_interaction() {
    let s = setup().await;
    // The override was given to the member himself, so Discord still shows him /record.
    s.fake.allow("record", "500000000000000001");
    let ok = seen(
        &s.fake,
        command(
            Who::Moderator,
            &["record", "visit", "add"],
            &add("2024-07-01"),
        ),
    )
    .await;
    assert!(ok.title().contains("added"), "{}", ok.body);
    let before = total_visits(s.dir.path());
    let r = seen(
        &s.fake,
        command(
            Who::FormerModerator,
            &["record", "visit", "add"],
            &add("2024-08-01"),
        ),
    )
    .await;
    assert!(
        r.ephemeral && r.content().contains("Only moderators"),
        "{}",
        r.body
    );
    assert_eq!(total_visits(s.dir.path()), before);
}

#[tokio::test]
async fn other_guilds_and_direct_messages_are_refused_and_touch_nothing() {
    let s = setup().await;
    let before = total_visits(s.dir.path());
    let foreign = seen(
        &s.fake,
        command_in(
            OTHER_GUILD,
            Who::Moderator,
            &["record", "visit", "add"],
            &add("2024-07-02"),
        ),
    )
    .await;
    assert!(
        foreign.ephemeral && foreign.content().contains("only answers"),
        "{}",
        foreign.body
    );
    let dm = seen(
        &s.fake,
        command_dm(&["record", "visit", "add"], &add("2024-07-02")),
    )
    .await;
    assert!(
        dm.ephemeral && dm.content().contains("only answers"),
        "{}",
        dm.body
    );
    assert_eq!(total_visits(s.dir.path()), before);
}

#[tokio::test]
async fn interactions_for_another_application_are_ignored_and_logged() {
    let s = setup().await;
    let mut forged = command(
        Who::Moderator,
        &["record", "visit", "add"],
        &add("2024-07-02"),
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
async fn one_member_is_slowed_down_not_everyone() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let fake = FakeDiscord::start().await;
    let _bot = spawn_bot_with(dir.path(), &fake, &[("RATE_LIMIT_PER_MINUTE", "3")]);
    fake.wait_identified(1).await;
    let show = || command(Who::Member, &["visits", "show"], &[("id", json!(1))]);
    for _ in 0..3 {
        assert!(seen(&fake, show()).await.body["embeds"].is_array());
    }
    let slow = seen(&fake, show()).await;
    assert_eq!(slow.callback["data"]["flags"], EPHEMERAL);
    assert!(slow.content().contains("Slow down"), "{}", slow.body);
    let other = seen(
        &fake,
        command(Who::Moderator, &["visits", "show"], &[("id", json!(1))]),
    )
    .await;
    assert!(
        other.body["embeds"].is_array(),
        "other members are not affected"
    );
}

/// Without an allow-list anyone who adds the bot to their own server could write to the
/// team's database (issue 10): `serve` refuses to start, in one line that says what to set.
#[tokio::test]
async fn serve_refuses_to_start_without_an_allowed_server() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .arg("serve")
        .current_dir(dir.path())
        .env("DATABASE_URL", database_url(dir.path()))
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", "http://127.0.0.1:9")
        .env_remove("DISCORD_GUILD_ID")
        .env_remove("ALLOWED_GUILD_IDS")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("ALLOWED_GUILD_IDS"), "{stderr}");
}

#[tokio::test]
async fn any_server_is_an_explicit_choice_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    ask(dir.path(), &["sample"]);
    let fake = FakeDiscord::start().await;
    fake.allow_moderators();
    let bot = spawn_bot_with(
        dir.path(),
        &fake,
        &[("DISCORD_GUILD_ID", ""), ("ALLOWED_GUILD_IDS", "*")],
    );
    fake.wait_identified(1).await;
    let foreign = seen(
        &fake,
        command_in(
            OTHER_GUILD,
            Who::Member,
            &["visits", "show"],
            &[("id", json!(1))],
        ),
    )
    .await;
    assert!(foreign.title().contains("#1"), "{}", foreign.body);
    let log = std::fs::read_to_string(&bot.log).unwrap();
    assert!(
        log.contains("ALLOWED_GUILD_IDS=*") && log.contains("WARN"),
        "{log}"
    );
}
