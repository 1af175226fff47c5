//! A fake Discord on 127.0.0.1: the REST API under /api/v10 and a plain ws:// gateway.
//! It records every request the bot makes and lets a test dispatch interactions.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::sync::broadcast;

pub const APP_ID: &str = "900000000000000001";
pub const BOT_ID: &str = "900000000000000002";
pub const GUILD: &str = "100000000000000001";
pub const OTHER_GUILD: &str = "100000000000000999";
pub const MOD_ROLE: &str = "200000000000000001";
pub const TOKEN: &str = "test-token-not-a-secret-1234567890";

#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub content_type: String,
    pub body: Vec<u8>,
    /// When the request arrived, for the latency figures of `benches/burst.rs`.
    #[allow(dead_code)]
    pub at: Instant,
}

/// A recorded body: its JSON payload and the files sent with it.
#[derive(Debug, Clone)]
pub struct Payload {
    pub json: Value,
    pub files: Vec<(String, Vec<u8>)>,
}

impl Recorded {
    pub fn payload(&self) -> Payload {
        if let Some(boundary) = self.content_type.split("boundary=").nth(1) {
            let mut json = Value::Null;
            let mut files = Vec::new();
            let sep = format!("--{}", boundary.trim_matches('"'));
            for part in split(&self.body, sep.as_bytes()) {
                let Some(head_end) = find(part, b"\r\n\r\n") else {
                    continue;
                };
                let head = String::from_utf8_lossy(&part[..head_end]).to_string();
                let mut content = &part[head_end + 4..];
                if content.ends_with(b"\r\n") {
                    content = &content[..content.len() - 2];
                }
                if let Some(name) = head
                    .split("filename=\"")
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                {
                    files.push((name.to_string(), content.to_vec()));
                } else if head.contains("name=\"payload_json\"") {
                    json = serde_json::from_slice(content).unwrap_or(Value::Null);
                }
            }
            Payload { json, files }
        } else {
            Payload {
                json: serde_json::from_slice(&self.body).unwrap_or(Value::Null),
                files: vec![],
            }
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn split<'a>(mut hay: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(i) = find(hay, sep) {
        out.push(&hay[..i]);
        hay = &hay[i + sep.len()..];
    }
    out.push(hay);
    out.into_iter()
        .map(|p| p.strip_prefix(b"\r\n").unwrap_or(p))
        .filter(|p| !p.is_empty() && *p != b"--\r\n" && *p != b"--")
        .collect()
}

struct Shared {
    addr: String,
    requests: Mutex<Vec<Recorded>>,
    events: broadcast::Sender<Value>,
    identifies: Mutex<u32>,
    files: Mutex<HashMap<String, Vec<u8>>>,
    /// Status codes to answer the next callbacks with (429, 500), in order.
    failures: Mutex<Vec<u16>>,
    /// While set, the gateway refuses new connections (503), as during a Discord outage.
    gateway_down: std::sync::atomic::AtomicBool,
}

pub struct FakeDiscord {
    shared: Arc<Shared>,
    pub base: String,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl FakeDiscord {
    pub async fn start() -> FakeDiscord {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let (events, _) = broadcast::channel(4096);
        let shared = Arc::new(Shared {
            addr: addr.to_string(),
            requests: Mutex::new(Vec::new()),
            events,
            identifies: Mutex::new(0),
            files: Mutex::new(HashMap::new()),
            failures: Mutex::new(Vec::new()),
            gateway_down: Default::default(),
        });
        let app = Router::new()
            .route("/api/v10/gateway", get(gateway))
            .route("/api/v10/gateway/bot", get(gateway))
            .route("/gw", get(ws))
            .route("/files/{name}", get(file))
            .fallback(record)
            .with_state(shared.clone());
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        FakeDiscord {
            base: format!("http://{addr}"),
            shared,
            server,
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// How many recorded requests match, without copying them (for polling under load).
    pub fn count(&self, pred: impl Fn(&Recorded) -> bool) -> usize {
        self.shared
            .requests
            .lock()
            .unwrap()
            .iter()
            .filter(|r| pred(r))
            .count()
    }

    pub fn identifies(&self) -> u32 {
        *self.shared.identifies.lock().unwrap()
    }

    /// Makes the next interaction callbacks fail with these statuses.
    pub fn fail_callbacks(&self, statuses: &[u16]) {
        *self.shared.failures.lock().unwrap() = statuses.to_vec();
    }

    /// Offers a file for download, as Discord's CDN would for an attachment.
    pub fn host_file(&self, name: &str, bytes: &[u8]) -> String {
        self.shared
            .files
            .lock()
            .unwrap()
            .insert(name.to_string(), bytes.to_vec());
        format!("{}/files/{name}", self.base)
    }

    /// Waits (up to 20 s) for a request matching `pred` and returns it.
    pub async fn wait_for(&self, what: &str, pred: impl Fn(&Recorded) -> bool) -> Recorded {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(r) = self.requests().into_iter().find(|r| pred(r)) {
                return r;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; requests so far: {:#?}",
                self.requests()
                    .iter()
                    .map(|r| format!("{} {}", r.method, r.path))
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until the bot has identified on the gateway `n` times in all.
    pub async fn wait_identified(&self, n: u32) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.identifies() < n {
            assert!(
                Instant::now() < deadline,
                "the bot never identified on the gateway"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // Give the bot a moment to process READY.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    /// Sends an INTERACTION_CREATE dispatch without waiting for an answer.
    pub fn send(&self, interaction: Value) {
        self.shared
            .events
            .send(interaction)
            .expect("the bot is connected");
    }

    /// Sends an INTERACTION_CREATE dispatch and returns the callback the bot answers with.
    pub async fn interact(&self, interaction: Value) -> Recorded {
        let id = interaction["id"].as_str().unwrap().to_string();
        self.shared
            .events
            .send(interaction)
            .expect("the bot is connected");
        let path = format!("/api/v10/interactions/{id}/");
        self.wait_for(&format!("the callback to interaction {id}"), |r| {
            r.path.starts_with(&path)
        })
        .await
    }

    /// Sends an interaction and returns the JSON body of the bot's callback.
    pub async fn reply(&self, interaction: Value) -> Value {
        self.interact(interaction).await.payload().json
    }

    /// The follow-up edit of a deferred interaction (PATCH .../messages/@original).
    pub async fn edited_original(&self, token: &str) -> Recorded {
        let path = format!("/api/v10/webhooks/{APP_ID}/{token}/messages/@original");
        self.wait_for("the deferred reply", |r| {
            r.method == "PATCH" && r.path == path
        })
        .await
    }

    /// Closes the gateway connection, as Discord does now and then.
    pub fn drop_gateway(&self) {
        let _ = self.shared.events.send(json!({"close": true}));
    }

    /// An outage: while `down`, new gateway connections are refused (the bot stays
    /// disconnected after `drop_gateway` until the gateway is up again).
    pub fn set_gateway_down(&self, down: bool) {
        self.shared
            .gateway_down
            .store(down, std::sync::atomic::Ordering::SeqCst);
    }
}

async fn gateway(State(s): State<Arc<Shared>>) -> Json<Value> {
    Json(json!({
        "url": format!("ws://{}/gw", s.addr),
        "shards": 1,
        "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
    }))
}

async fn file(State(s): State<Arc<Shared>>, UrlPath(name): UrlPath<String>) -> Response {
    match s.files.lock().unwrap().get(&name) {
        Some(bytes) => bytes.clone().into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

pub fn user(id: &str, name: &str) -> Value {
    json!({"id": id, "username": name, "discriminator": "0", "global_name": name, "avatar": null})
}

pub fn message_json() -> Value {
    json!({
        "id": "700000000000000001", "channel_id": "300000000000000001", "author": user(BOT_ID, "delegation-bot"),
        "content": "", "timestamp": "2024-06-01T00:00:00.000000+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
        "pinned": false, "type": 0, "components": [], "flags": 0
    })
}

async fn record(
    State(s): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_string();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    s.requests.lock().unwrap().push(Recorded {
        method: method.to_string(),
        path: path.clone(),
        content_type,
        body: body.to_vec(),
        at: Instant::now(),
    });
    if path.contains("/callback") {
        let failure = {
            let mut f = s.failures.lock().unwrap();
            if f.is_empty() {
                None
            } else {
                Some(f.remove(0))
            }
        };
        match failure {
            Some(429) => (
                StatusCode::TOO_MANY_REQUESTS,
                [("retry-after", "0.1")],
                Json(json!({"message": "You are being rate limited.", "retry_after": 0.1, "global": false})),
            )
                .into_response(),
            Some(code) => (StatusCode::from_u16(code).unwrap(), Json(json!({"message": "boom", "code": 0}))).into_response(),
            None => StatusCode::NO_CONTENT.into_response(),
        }
    } else if path.ends_with("/commands") {
        Json(json!([])).into_response()
    } else if path.contains("/webhooks/") {
        Json(message_json()).into_response()
    } else if path == "/api/v10/users/@me" {
        Json(user(BOT_ID, "delegation-bot")).into_response()
    } else {
        (
            StatusCode::NOT_FOUND,
            Json(json!({"message": "Unknown", "code": 0})),
        )
            .into_response()
    }
}

async fn ws(State(s): State<Arc<Shared>>, upgrade: WebSocketUpgrade) -> Response {
    if s.gateway_down.load(std::sync::atomic::Ordering::SeqCst) {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    upgrade.on_upgrade(move |socket| gateway_session(s, socket))
}

/// HELLO, then READY on IDENTIFY, ACK on heartbeats, and dispatches from the test.
async fn gateway_session(s: Arc<Shared>, socket: WebSocket) {
    let (mut tx, mut rx) = socket.split();
    let mut events = s.events.subscribe();
    let mut seq = 0u64;
    let hello = json!({"op": 10, "d": {"heartbeat_interval": 41250}});
    if tx
        .send(Message::Text(hello.to_string().into()))
        .await
        .is_err()
    {
        return;
    }
    loop {
        tokio::select! {
            incoming = rx.next() => {
                let Some(Ok(Message::Text(text))) = incoming else { return };
                let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                let reply = match v["op"].as_u64() {
                    Some(2) | Some(6) => {
                        *s.identifies.lock().unwrap() += 1;
                        seq += 1;
                        json!({"op": 0, "t": "READY", "s": seq, "d": {
                            "v": 10, "user": {"id": BOT_ID, "username": "delegation-bot", "discriminator": "0", "bot": true, "avatar": null},
                            "guilds": [{"id": GUILD, "unavailable": true}], "session_id": "session", "resume_gateway_url": format!("ws://{}/gw", s.addr),
                            "shard": [0, 1], "application": {"id": APP_ID, "flags": 0}
                        }})
                    }
                    Some(1) => json!({"op": 11}),
                    _ => continue,
                };
                if tx.send(Message::Text(reply.to_string().into())).await.is_err() {
                    return;
                }
            }
            event = events.recv() => {
                let Ok(event) = event else { return };
                if event.get("close").is_some() {
                    // 4000 "unknown error": Discord's way of asking a client to reconnect.
                    let frame = axum::extract::ws::CloseFrame { code: 4000, reason: "test closes the gateway".into() };
                    let _ = tx.send(Message::Close(Some(frame))).await;
                    return;
                }
                seq += 1;
                let dispatch = json!({"op": 0, "t": "INTERACTION_CREATE", "s": seq, "d": event});
                if tx.send(Message::Text(dispatch.to_string().into())).await.is_err() {
                    return;
                }
            }
        }
    }
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

pub fn spawn_bot(dir: &Path, fake: &FakeDiscord) -> Bot {
    spawn_bot_with(dir, fake, &[])
}

pub fn spawn_bot_with(dir: &Path, fake: &FakeDiscord, env: &[(&str, &str)]) -> Bot {
    let log = dir.join("bot.log");
    let child = Command::new(env!("CARGO_BIN_EXE_delegation-bot"))
        .arg("serve")
        .envs(env.iter().copied())
        .env("DATABASE_URL", database_url(dir))
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", &fake.base)
        .env("DISCORD_GUILD_ID", GUILD)
        .env("MODERATOR_ROLE_IDS", MOD_ROLE)
        .env("RUST_LOG", "warn,delegation_bot=info")
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
        "authorizing_integration_owners": {}, "context": 0, "attachment_size_limit": 26214400
    })
}

/// Option values as Discord sends them: `("from", json!("2024-01"))`; strings are type 3,
/// integers 4, booleans 5, attachments 11.
fn options(values: &[(&str, Value)], focused: Option<&str>) -> Vec<Value> {
    values
        .iter()
        .map(|(name, v)| {
            let kind = match v {
                Value::Number(_) => 4,
                Value::Bool(_) => 5,
                Value::Object(o) if o.contains_key("attachment") => 11,
                _ => 3,
            };
            let value = if kind == 11 {
                v["attachment"].clone()
            } else {
                v.clone()
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
