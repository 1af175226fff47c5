//! What the tests send and start: interactions as Discord shapes them, members with their
//! roles and permissions, and the real bot binary pointed at the fake.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};

use super::{APP_ID, ATTACHMENT_SIZE_LIMIT, FakeDiscord, GUILD, MOD_ROLE, TOKEN, message_json};

pub fn user(id: &str, name: &str) -> Value {
    json!({"id": id, "username": name, "discriminator": "0", "global_name": name, "avatar": null})
}

/// The real bot binary, pointed at the fake Discord and a database file. Killed on drop.
pub struct Bot {
    pub child: Child,
    pub log: PathBuf,
}

impl Drop for Bot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn database_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("bot.db").display())
}

/// Runs a one-shot command of the binary on the test database (to seed or inspect it).
pub fn ask(dir: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args(args)
        .env("DATABASE_URL", database_url(dir))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    serde_json::from_str(text.trim()).unwrap_or(json!({"stdout": text}))
}

/// `ask` with more variables (a fixed clock, a time zone).
#[allow(dead_code)]
pub fn ask_with(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .args(args)
        .env("DATABASE_URL", database_url(dir))
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    serde_json::from_str(text.trim()).unwrap_or(json!({"stdout": text}))
}

pub fn spawn_bot(dir: &Path, fake: &FakeDiscord) -> Bot {
    spawn_bot_with(dir, fake, &[])
}

pub fn spawn_bot_with(dir: &Path, fake: &FakeDiscord, env: &[(&str, &str)]) -> Bot {
    let log = dir.join("bot.log");
    let child = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .arg("serve")
        .current_dir(dir)
        .env("DATABASE_URL", database_url(dir))
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", &fake.base)
        .env("DISCORD_GUILD_ID", GUILD)
        .env_remove("ALLOWED_GUILD_IDS")
        .env_remove("DISCORD_RATELIMITER")
        .env("MODERATOR_ROLE_IDS", MOD_ROLE)
        .env("RUST_LOG", "warn,delegation_bot=info")
        // A test's own settings win over the defaults above.
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .expect("the bot starts");
    Bot { child, log }
}

/// Who sends an interaction.
#[derive(Clone, Copy)]
pub enum Who {
    Moderator,
    Member,
    Admin,
    /// The moderator's account after the moderator role was taken away.
    FormerModerator,
    /// One of many members (load tests): member `n`, a moderator when `moderator`.
    Many {
        n: u32,
        moderator: bool,
    },
}

fn member(who: Who) -> Value {
    let (id, name, roles, perms) = match who {
        Who::Moderator => ("500000000000000001", "Mod", vec![MOD_ROLE], "0"),
        Who::Member => ("500000000000000002", "Member", vec![], "1024"),
        Who::Admin => ("500000000000000003", "Admin", vec![], "8"),
        Who::FormerModerator => ("500000000000000001", "Mod", vec![], "0"),
        Who::Many { n, moderator } => {
            let id = (510_000_000_000_000_000u64 + u64::from(n)).to_string();
            let roles = if moderator { vec![MOD_ROLE] } else { vec![] };
            let user = user(&id, &format!("Member {n}"));
            return json!({"user": user, "nick": null, "roles": roles, "joined_at": "2024-01-01T00:00:00.000000+00:00",
                          "deaf": false, "mute": false, "flags": 0, "permissions": "1024"});
        }
    };
    json!({"user": user(id, name), "nick": null, "roles": roles, "joined_at": "2024-01-01T00:00:00.000000+00:00",
           "deaf": false, "mute": false, "flags": 0, "permissions": perms})
}

static NEXT_ID: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(800_000_000_000_000_001);

fn next_id() -> String {
    NEXT_ID
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
        .to_string()
}

fn base(kind: u8, who: Who, guild: &str, data: Value) -> Value {
    let id = next_id();
    let m = member(who);
    json!({
        "id": id, "application_id": APP_ID, "type": kind, "data": data, "guild_id": guild,
        "channel_id": "300000000000000001", "member": m, "user": m["user"], "token": format!("token-{id}"),
        "version": 1, "app_permissions": "0", "locale": "en-US", "guild_locale": "en-US", "entitlements": [],
        "authorizing_integration_owners": {}, "context": 0, "attachment_size_limit": ATTACHMENT_SIZE_LIMIT
    })
}

/// Option values as Discord sends them: `("from", json!("2024-01"))`; strings are type 3,
/// integers 4, booleans 5, attachments 11 (`json!({"attachment": id})`), channels 7
/// (`json!({"channel": id})`).
fn options(values: &[(&str, Value)], focused: Option<&str>) -> Vec<Value> {
    values
        .iter()
        .map(|(name, v)| {
            let kind = match v {
                Value::Number(_) => 4,
                Value::Bool(_) => 5,
                Value::Object(o) if o.contains_key("attachment") => 11,
                Value::Object(o) if o.contains_key("channel") => 7,
                _ => 3,
            };
            let value = match kind {
                11 => v["attachment"].clone(),
                7 => v["channel"].clone(),
                _ => v.clone(),
            };
            let mut o = json!({"name": name, "type": kind, "value": value});
            if focused == Some(*name) {
                o["focused"] = json!(true);
            }
            o
        })
        .collect()
}

fn command_data(path: &[&str], leaf: Vec<Value>, resolved: Value) -> Value {
    let mut opts = leaf;
    for (depth, name) in path.iter().enumerate().skip(1).rev() {
        let kind = if depth == path.len() - 1 { 1 } else { 2 };
        opts = vec![json!({"name": name, "type": kind, "options": opts})];
    }
    json!({"id": "600000000000000001", "name": path[0], "type": 1, "options": opts, "resolved": resolved})
}

pub fn command(who: Who, path: &[&str], values: &[(&str, Value)]) -> Value {
    base(
        2,
        who,
        GUILD,
        command_data(path, options(values, None), json!({})),
    )
}

pub fn command_in(guild: &str, who: Who, path: &[&str], values: &[(&str, Value)]) -> Value {
    base(
        2,
        who,
        guild,
        command_data(path, options(values, None), json!({})),
    )
}

/// A command sent in a direct message: a user, no guild, no member.
pub fn command_dm(path: &[&str], values: &[(&str, Value)]) -> Value {
    let mut v = base(
        2,
        Who::Moderator,
        GUILD,
        command_data(path, options(values, None), json!({})),
    );
    v.as_object_mut().unwrap().remove("guild_id");
    v.as_object_mut().unwrap().remove("member");
    v["context"] = json!(1);
    v
}

pub fn command_with_file(
    who: Who,
    path: &[&str],
    option: &str,
    name: &str,
    url: &str,
    size: usize,
) -> Value {
    let resolved = json!({"attachments": {"400000000000000001": {
        "id": "400000000000000001", "filename": name, "size": size, "url": url, "proxy_url": url
    }}});
    let leaf = options(
        &[(option, json!({"attachment": "400000000000000001"}))],
        None,
    );
    base(2, who, GUILD, command_data(path, leaf, resolved))
}

pub fn autocomplete(who: Who, path: &[&str], values: &[(&str, Value)], focused: &str) -> Value {
    base(
        4,
        who,
        GUILD,
        command_data(path, options(values, Some(focused)), json!({})),
    )
}

/// A click on a button of a message everyone sees.
pub fn button(who: Who, custom_id: &str) -> Value {
    let mut v = base(
        3,
        who,
        GUILD,
        json!({"custom_id": custom_id, "component_type": 2}),
    );
    v["message"] = message_json();
    v
}

/// A click on a button of an ephemeral message (only the one it was sent to sees it).
pub fn ephemeral_button(who: Who, custom_id: &str) -> Value {
    let mut v = button(who, custom_id);
    v["message"]["flags"] = json!(64);
    v
}

pub fn modal_submit(who: Who, custom_id: &str, fields: &[(&str, &str)]) -> Value {
    let rows: Vec<Value> = fields
        .iter()
        .map(|(id, value)| json!({"type": 1, "components": [{"type": 4, "custom_id": id, "value": value}]}))
        .collect();
    base(
        5,
        who,
        GUILD,
        json!({"custom_id": custom_id, "components": rows}),
    )
}

/// A form opened from a button of an ephemeral message: Discord sends that message along,
/// and the form may then update it (type 6 or 7).
pub fn modal_submit_on_ephemeral(who: Who, custom_id: &str, fields: &[(&str, &str)]) -> Value {
    let mut v = modal_submit(who, custom_id, fields);
    v["message"] = message_json();
    v["message"]["flags"] = json!(64);
    v
}
