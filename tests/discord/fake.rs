//! A fake Discord on 127.0.0.1: the REST API under /api/v10 and a plain ws:// gateway.
//! It records every request the bot makes and lets a test dispatch interactions.
//!
//! It is as strict as Discord (Discord's documented limits, docs/discord.md), so a bot that passes here does not
//! fail on its first real day:
//! - a first response later than 3 s after the dispatch is refused (404, code 10062), a
//!   second one too (400, 40060); follow-ups and edits need an acknowledged interaction
//!   (404, 10015) and a token younger than 15 minutes (401, 50027); the clock can be
//!   advanced (`advance`);
//! - a file over the interaction's `attachment_size_limit`, or more than 25 MiB in one
//!   request, is refused (413, 40005);
//! - a command is dispatched only to members whose permissions include its
//!   `default_member_permissions`, or with an override for one of their roles, their user
//!   or the whole server (`allow`, as a server admin sets in Server Settings → Integrations);
//!   otherwise `send` panics: the test itself is wrong;
//! - every JSON body is checked against Discord's OpenAPI spec and documented rules
//!   (`spec.rs`); an invalid one is refused (400, 50035);
//! - a channel post (a watch message, a digest) is refused with 403 (50001 Missing Access,
//!   50013 Missing Permissions) in a channel a test forbids, and can be made to fail or to
//!   get no answer at all (`forbid_channel`, `fail_channel_posts`, `hang_channel_posts`).
//!
//! Each refusal is also kept as a violation, and dropping the fake with violations fails the
//! test, so a bot that breaks a rule cannot pass by ignoring the error it got. A test may
//! `relax` one rule only to test something else, and `take_violations` when it provokes one.

#[path = "spec.rs"]
pub mod spec;

#[path = "interactions.rs"]
mod interactions;
pub use interactions::*;

#[path = "recorded.rs"]
mod recorded;
pub use recorded::*;

#[path = "rules.rs"]
mod rules;

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::DefaultBodyLimit;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path as UrlPath, State};
use axum::http::StatusCode;
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
/// The role Discord gives the bot when it joins, with the permissions its invite asks for.
pub const BOT_ROLE: &str = "200000000000000002";
pub const TOKEN: &str = "test-token-not-a-secret-1234567890";

/// Discord's default upload limit per file, sent as each interaction's
/// `attachment_size_limit` (a server without boosts).
pub const ATTACHMENT_SIZE_LIMIT: usize = 10 * 1024 * 1024;
/// At most this much in one request, whatever the per-file limit.
pub const REQUEST_SIZE_LIMIT: usize = 25 * 1024 * 1024;
pub const DEADLINE: Duration = Duration::from_secs(3);
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(15 * 60);

/// The rules a test may relax to test something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    Deadline,
    TokenLifetime,
    UploadSize,
    Permissions,
    Spec,
}

/// An interaction the fake dispatched, and how it has been answered.
struct Tracked {
    id: String,
    kind: u64,
    /// On the fake's clock.
    dispatched: Duration,
    limit: usize,
    acknowledged: bool,
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
    started: Instant,
    offset: Mutex<Duration>,
    /// By token.
    interactions: Mutex<HashMap<String, Tracked>>,
    /// The registered commands by name, and how many times they were registered.
    commands: Mutex<(HashMap<String, Value>, u32)>,
    /// The size a command may have (Discord: 8,000 characters).
    pub command_cap: Mutex<usize>,
    /// While set, edits and follow-ups of interactions get no answer: the bot's answer is in
    /// flight until Discord (or the bot) gives up.
    pub hang_answers: std::sync::atomic::AtomicBool,
    /// Command name -> role, user or server ids allowed to use it whatever its
    /// default_member_permissions.
    overrides: Mutex<HashMap<String, HashSet<String>>>,
    relaxed: Mutex<HashSet<Rule>>,
    violations: Mutex<Vec<String>>,
    /// Channel posts (POST /channels/{id}/messages): what the test made them meet.
    channels: Mutex<Channels>,
}

/// How channels answer the bot's posts, as a test sets them.
#[derive(Default)]
struct Channels {
    /// Channel id -> the 403 code Discord answers with (50001 Missing Access, 50013
    /// Missing Permissions): the bot's role may not see or post there.
    forbidden: HashMap<String, u32>,
    /// Status codes to answer the next posts with (429, 500, 503), in order.
    failures: Vec<u16>,
    /// While set, posts get no answer at all (recorded with status 0): as when the network
    /// or Discord stalls, or the bot is killed mid-post.
    hang: bool,
}

impl Shared {
    /// The fake's clock: real time plus what tests advanced.
    fn now(&self) -> Duration {
        self.started.elapsed() + *self.offset.lock().unwrap()
    }

    fn strict(&self, rule: Rule) -> bool {
        !self.relaxed.lock().unwrap().contains(&rule)
    }

    /// Refuses a request as Discord would, and keeps the violation for the test.
    fn refuse(&self, status: StatusCode, code: u32, what: String, errors: Value) -> Response {
        self.violations.lock().unwrap().push(what.clone());
        let body = json!({"code": code, "message": what, "errors": errors});
        (status, Json(body)).into_response()
    }
}

pub struct FakeDiscord {
    shared: Arc<Shared>,
    pub base: String,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.server.abort();
        let violations = self.take_violations();
        if !violations.is_empty() && !std::thread::panicking() {
            panic!("the bot broke Discord's rules: {violations:#?}");
        }
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
            started: Instant::now(),
            offset: Mutex::new(Duration::ZERO),
            interactions: Mutex::new(HashMap::new()),
            commands: Mutex::new((HashMap::new(), 0)),
            command_cap: Mutex::new(8000),
            hang_answers: Default::default(),
            overrides: Mutex::new(HashMap::new()),
            relaxed: Mutex::new(HashSet::new()),
            violations: Mutex::new(Vec::new()),
            channels: Mutex::new(Channels::default()),
        });
        let app = Router::new()
            .route("/api/v10/gateway", get(gateway))
            .route("/api/v10/gateway/bot", get(gateway))
            .route("/gw", get(ws))
            .route("/files/{name}", get(file))
            .fallback(rules::record)
            // Discord takes what the upload rules allow; the rules answer, not axum's limit.
            .layer(DefaultBodyLimit::max(4 * REQUEST_SIZE_LIMIT))
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
    #[allow(dead_code)]
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

    /// Stops enforcing one rule, to test something else.
    #[allow(dead_code)]
    pub fn relax(&self, rule: Rule) {
        self.shared.relaxed.lock().unwrap().insert(rule);
    }

    /// Moves the fake's clock on, as if that much time had passed since every dispatch so far.
    #[allow(dead_code)]
    pub fn advance(&self, by: Duration) {
        *self.shared.offset.lock().unwrap() += by;
    }

    /// The rule violations so far (refused requests), forgetting them.
    pub fn take_violations(&self) -> Vec<String> {
        std::mem::take(&mut *self.shared.violations.lock().unwrap())
    }

    /// Lets a role, a user or the whole server (its id is the @everyone role) use a command
    /// whatever its default_member_permissions, as a server admin does under Server
    /// Settings → Integrations.
    pub fn allow(&self, command: &str, id: &str) {
        self.shared
            .overrides
            .lock()
            .unwrap()
            .entry(command.to_string())
            .or_default()
            .insert(id.to_string());
    }

    /// The team's setup: the moderator role may use the write commands.
    pub fn allow_moderators(&self) {
        for command in ["record", "data", "outcome", "watch", "digest"] {
            self.allow(command, MOD_ROLE);
        }
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

    /// Waits (up to `limit`) for a request matching `pred` and returns it.
    pub async fn wait_long(
        &self,
        what: &str,
        limit: Duration,
        pred: impl Fn(&Recorded) -> bool,
    ) -> Recorded {
        let deadline = Instant::now() + limit;
        loop {
            let found = self
                .shared
                .requests
                .lock()
                .unwrap()
                .iter()
                .find(|r| pred(r))
                .cloned();
            if let Some(r) = found {
                return r;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; requests so far: {:#?}",
                self.requests()
                    .iter()
                    .map(|r| format!("{} {} -> {}", r.method, r.path, r.status))
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits (up to 20 s) for a request matching `pred` and returns it.
    pub async fn wait_for(&self, what: &str, pred: impl Fn(&Recorded) -> bool) -> Recorded {
        self.wait_long(what, Duration::from_secs(20), pred).await
    }

    /// Waits until the bot has identified on the gateway, and registered its commands, `n`
    /// times in all.
    pub async fn wait_identified(&self, n: u32) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while self.identifies() < n || self.shared.commands.lock().unwrap().1 < n {
            assert!(
                Instant::now() < deadline,
                "the bot never identified on the gateway and registered its commands; refused: {:#?}",
                self.shared.violations.lock().unwrap()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Whether Discord would dispatch this interaction: a command (or its autocomplete)
    /// only to a member allowed to use it.
    pub fn dispatchable(&self, interaction: &Value) -> Result<(), String> {
        if !matches!(interaction["type"].as_u64(), Some(2 | 4))
            || !self.shared.strict(Rule::Permissions)
        {
            return Ok(());
        }
        let name = interaction["data"]["name"].as_str().unwrap_or_default();
        let commands = self.shared.commands.lock().unwrap();
        let Some(command) = commands.0.get(name) else {
            return Err(format!("/{name} is not registered"));
        };
        let member = &interaction["member"];
        if member.is_null() {
            return Ok(());
        }
        let have: u64 = member["permissions"]
            .as_str()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        let needed: Option<u64> = command["default_member_permissions"]
            .as_str()
            .and_then(|p| p.parse().ok());
        const ADMINISTRATOR: u64 = 1 << 3;
        let by_permission = match needed {
            None => true,
            Some(_) if have & ADMINISTRATOR != 0 => true,
            Some(0) => false,
            Some(bits) => have & bits == bits,
        };
        let overrides = self.shared.overrides.lock().unwrap();
        let allowed_ids = overrides.get(name);
        let by_override = allowed_ids.is_some_and(|ids| {
            member["roles"]
                .as_array()
                .into_iter()
                .flatten()
                .chain([&member["user"]["id"], &interaction["guild_id"]])
                .any(|id| id.as_str().is_some_and(|id| ids.contains(id)))
        });
        if by_permission || by_override {
            Ok(())
        } else {
            Err(format!(
                "/{name} needs permissions {} and has no override for this member (permissions {have}, roles {})",
                needed.unwrap_or(0),
                member["roles"]
            ))
        }
    }

    /// Starts the clock of an interaction without sending it (to test the fake itself).
    pub fn track(&self, interaction: &Value) {
        let limit = interaction["attachment_size_limit"]
            .as_u64()
            .map(|l| l as usize)
            .unwrap_or(ATTACHMENT_SIZE_LIMIT);
        self.shared.interactions.lock().unwrap().insert(
            interaction["token"].as_str().unwrap().to_string(),
            Tracked {
                id: interaction["id"].as_str().unwrap().to_string(),
                kind: interaction["type"].as_u64().unwrap_or(0),
                dispatched: self.shared.now(),
                limit,
                acknowledged: false,
            },
        );
    }

    /// Sends an INTERACTION_CREATE dispatch without waiting for an answer. Panics when
    /// Discord would not dispatch it (`dispatchable`).
    pub fn send(&self, interaction: Value) {
        if let Err(e) = self.dispatchable(&interaction) {
            panic!("Discord would not dispatch this interaction: {e}");
        }
        self.track(&interaction);
        self.shared
            .events
            .send(interaction)
            .expect("the bot is connected");
    }

    /// Sends an INTERACTION_CREATE dispatch and returns the callback the bot answers with.
    pub async fn interact(&self, interaction: Value) -> Recorded {
        let id = interaction["id"].as_str().unwrap().to_string();
        self.send(interaction);
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

    /// The first edit of a deferred interaction (PATCH .../messages/@original).
    pub async fn edited_original(&self, token: &str) -> Recorded {
        self.edit_matching(token, |_| true).await
    }

    /// The first edit of the interaction's message whose JSON satisfies `pred` (waits up to
    /// 15 minutes, the token's lifetime).
    pub async fn edit_matching(&self, token: &str, pred: impl Fn(&Value) -> bool) -> Recorded {
        let path = format!("/api/v10/webhooks/{APP_ID}/{token}/messages/@original");
        self.wait_long("an edit of the reply", TOKEN_LIFETIME, |r| {
            r.method == "PATCH" && r.path == path && pred(&r.payload().json)
        })
        .await
    }

    /// Follow-up messages sent with an interaction's token so far.
    pub fn followups(&self, token: &str) -> Vec<Recorded> {
        let path = format!("/api/v10/webhooks/{APP_ID}/{token}");
        self.requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path == path)
            .collect()
    }

    /// Makes a channel refuse the bot's posts with 403 and this code (50001 Missing
    /// Access, 50013 Missing Permissions), as when its role may not post there.
    #[allow(dead_code)]
    pub fn forbid_channel(&self, channel: &str, code: u32) {
        assert!(matches!(code, 50001 | 50013), "Discord's codes for a 403");
        let mut c = self.shared.channels.lock().unwrap();
        c.forbidden.insert(channel.to_string(), code);
    }

    /// Lowers the size a command may have, so that registering the catalog is refused as an
    /// oversized command would be.
    #[allow(dead_code)]
    pub fn cap_commands(&self, cap: usize) {
        *self.shared.command_cap.lock().unwrap() = cap;
    }

    /// Lets the bot post in a channel again (someone fixed its permissions).
    #[allow(dead_code)]
    pub fn allow_channel(&self, channel: &str) {
        let mut c = self.shared.channels.lock().unwrap();
        c.forbidden.remove(channel);
    }

    /// Makes the next channel posts fail with these statuses (429, 5xx), in order.
    #[allow(dead_code)]
    pub fn fail_channel_posts(&self, statuses: &[u16]) {
        self.shared.channels.lock().unwrap().failures = statuses.to_vec();
    }

    /// While `hang`, the edits and follow-ups that answer interactions are never answered.
    #[allow(dead_code)]
    pub fn hang_answers(&self, hang: bool) {
        self.shared
            .hang_answers
            .store(hang, std::sync::atomic::Ordering::SeqCst);
    }

    /// While `hang`, channel posts are never answered.
    #[allow(dead_code)]
    pub fn hang_channel_posts(&self, hang: bool) {
        self.shared.channels.lock().unwrap().hang = hang;
    }

    /// The messages Discord accepted (2xx) in a channel, oldest first, with their files.
    #[allow(dead_code)]
    pub fn channel_messages(&self, channel: &str) -> Vec<Payload> {
        let path = format!("/api/v10/channels/{channel}/messages");
        self.requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path == path && (200..300).contains(&r.status))
            .map(|r| r.payload())
            .collect()
    }

    /// Every post the bot tried in a channel, whatever the answer (status 0: none).
    #[allow(dead_code)]
    pub fn channel_attempts(&self, channel: &str) -> Vec<Recorded> {
        let path = format!("/api/v10/channels/{channel}/messages");
        self.requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path == path)
            .collect()
    }

    /// Waits (up to 30 s) until a channel holds `n` accepted messages; returns them.
    #[allow(dead_code)]
    pub async fn wait_channel(&self, channel: &str, n: usize) -> Vec<Payload> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let messages = self.channel_messages(channel);
            if messages.len() >= n {
                return messages;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {n} messages in channel {channel}; got {}: {:#?}",
                messages.len(),
                messages
                    .iter()
                    .map(|m| m.json["embeds"][0]["title"].clone())
                    .collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
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
    if name.starts_with("hang-") {
        // A CDN that never answers: the download waits until the bot gives it up.
        std::future::pending::<()>().await;
    }
    match s.files.lock().unwrap().get(&name) {
        Some(bytes) => bytes.clone().into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

pub fn message_json() -> Value {
    json!({
        "id": "700000000000000001", "channel_id": "300000000000000001", "author": user(BOT_ID, "delegation-bot"),
        "content": "", "timestamp": "2024-06-01T00:00:00.000000+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
        "pinned": false, "type": 0, "components": [], "flags": 0
    })
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
