//! The fake Discord's answers: each request checked by the rules Discord applies to it
//! (deadline, token lifetime, upload sizes, the spec), refused as Discord refuses.

use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::spec::{self, Body};
use super::*;

/// The routes with rules: what the request is and, for interactions, its token.
enum Route {
    Callback { id: String, token: String },
    Webhook { token: String, body: Body },
    Commands { guild: bool },
    ChannelMessage,
    Other,
}

fn route(method: &Method, path: &str) -> Route {
    let parts: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    match (method.as_str(), parts.as_slice()) {
        ("POST", ["interactions", id, token, "callback"]) => Route::Callback {
            id: id.to_string(),
            token: token.to_string(),
        },
        (m, ["webhooks", app, token, rest @ ..]) if *app == APP_ID => Route::Webhook {
            token: token.to_string(),
            body: if m == "POST" && rest.is_empty() {
                Body::Followup
            } else {
                Body::Edit
            },
        },
        ("PUT", ["applications", _, "guilds", _, "commands"]) => Route::Commands { guild: true },
        ("PUT", ["applications", _, "commands"]) => Route::Commands { guild: false },
        ("POST", ["channels", _, "messages"]) => Route::ChannelMessage,
        _ => Route::Other,
    }
}

pub(super) async fn record(
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
    let mut recorded = Recorded {
        method: method.to_string(),
        path: path.clone(),
        content_type,
        body,
        status: 0,
        at: Instant::now(),
    };
    let hung = match route(&method, &path) {
        Route::ChannelMessage => s.channels.lock().unwrap().hang,
        Route::Webhook { .. } => s.hang_answers.load(std::sync::atomic::Ordering::SeqCst),
        _ => false,
    };
    if hung {
        // Recorded unanswered; the bot's connection waits until it gives up or dies.
        s.requests.lock().unwrap().push(recorded);
        return std::future::pending().await;
    }
    let response = answer(&s, &method, &path, &recorded);
    recorded.status = response.status().as_u16();
    s.requests.lock().unwrap().push(recorded);
    response
}

fn answer(s: &Shared, method: &Method, path: &str, r: &Recorded) -> Response {
    let has_body = matches!(method.as_str(), "POST" | "PATCH" | "PUT");
    match route(method, path) {
        Route::Callback { id, token } => {
            let (kind, limit) = {
                let interactions = s.interactions.lock().unwrap();
                match interactions.get(&token).filter(|t| t.id == id) {
                    None => {
                        drop(interactions);
                        return s.refuse(
                            StatusCode::NOT_FOUND,
                            10062,
                            format!("Unknown interaction {id}"),
                            json!({}),
                        );
                    }
                    Some(t) => {
                        let late = s.now().saturating_sub(t.dispatched);
                        if late > DEADLINE && s.strict(Rule::Deadline) {
                            drop(interactions);
                            return s.refuse(
                                StatusCode::NOT_FOUND,
                                10062,
                                format!("Unknown interaction {id}: first response after {late:?}"),
                                json!({}),
                            );
                        }
                        if t.acknowledged {
                            drop(interactions);
                            return s.refuse(
                                StatusCode::BAD_REQUEST,
                                40060,
                                format!("Interaction {id} has already been acknowledged"),
                                json!({}),
                            );
                        }
                        (t.kind, t.limit)
                    }
                }
            };
            if let Some(failure) = injected_failure(s) {
                return failure;
            }
            if let Some(refusal) = check_body(s, r, Body::Callback { interaction: kind }, limit) {
                return refusal;
            }
            if let Some(t) = s.interactions.lock().unwrap().get_mut(&token) {
                t.acknowledged = true;
            }
            StatusCode::NO_CONTENT.into_response()
        }
        Route::Webhook { token, body } => {
            let limit = {
                let interactions = s.interactions.lock().unwrap();
                let Some(t) = interactions.get(&token).filter(|t| t.acknowledged) else {
                    drop(interactions);
                    return s.refuse(StatusCode::NOT_FOUND, 10015, format!("Unknown Webhook: {method} {path} before the interaction was acknowledged"), json!({}));
                };
                let age = s.now().saturating_sub(t.dispatched);
                if age > TOKEN_LIFETIME && s.strict(Rule::TokenLifetime) {
                    drop(interactions);
                    return s.refuse(
                        StatusCode::UNAUTHORIZED,
                        50027,
                        format!(
                            "Invalid Webhook Token: {method} {path} {age:?} after the dispatch"
                        ),
                        json!({}),
                    );
                }
                t.limit
            };
            if has_body && let Some(refusal) = check_body(s, r, body, limit) {
                return refusal;
            }
            match method.as_str() {
                "DELETE" => StatusCode::NO_CONTENT.into_response(),
                _ => Json(message_json()).into_response(),
            }
        }
        Route::Commands { guild } => {
            let cap = *s.command_cap.lock().unwrap();
            if let Some(refusal) = check_body(s, r, Body::Commands { guild, cap }, 0) {
                return refusal;
            }
            let mut commands = s.commands.lock().unwrap();
            commands.0 = r
                .payload()
                .json
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| {
                    (
                        c["name"].as_str().unwrap_or_default().to_string(),
                        c.clone(),
                    )
                })
                .collect();
            commands.1 += 1;
            Json(json!([])).into_response()
        }
        Route::ChannelMessage => {
            let channel = path.split('/').nth(4).unwrap_or_default();
            let (forbidden, failure) = {
                let mut c = s.channels.lock().unwrap();
                let failure = (!c.failures.is_empty()).then(|| c.failures.remove(0));
                (c.forbidden.get(channel).copied(), failure)
            };
            // Not the bot's fault: the channel's permissions, or Discord having a bad moment.
            if let Some(code) = forbidden {
                let message = if code == 50001 {
                    "Missing Access"
                } else {
                    "Missing Permissions"
                };
                return (
                    StatusCode::FORBIDDEN,
                    Json(json!({"code": code, "message": message})),
                )
                    .into_response();
            }
            if let Some(status) = failure {
                return (
                    StatusCode::from_u16(status).unwrap(),
                    Json(json!({"code": 0, "message": "boom"})),
                )
                    .into_response();
            }
            if let Some(refusal) = check_body(s, r, Body::ChannelMessage, ATTACHMENT_SIZE_LIMIT) {
                return refusal;
            }
            Json(message_json()).into_response()
        }
        Route::Other if path == "/api/v10/users/@me" => {
            Json(user(BOT_ID, "delegation-bot")).into_response()
        }
        // What the bot reads to tell whether it may post in a channel: the channel with its
        // overwrites, the server's roles, and the bot's own member.
        Route::Other if method == Method::GET && path.starts_with("/api/v10/channels/") => {
            let channel = path.trim_start_matches("/api/v10/channels/").to_string();
            let forbidden = s.channels.lock().unwrap().forbidden.get(&channel).copied();
            match forbidden {
                Some(50001) => (
                    StatusCode::FORBIDDEN,
                    Json(json!({"code": 50001, "message": "Missing Access"})),
                )
                    .into_response(),
                denied => {
                    // Missing Permissions: the bot's role may see the channel, not post in it.
                    let overwrites = if denied.is_some() {
                        json!([{"id": BOT_ROLE, "type": 0, "allow": "0", "deny": (1u64 << 11).to_string()}])
                    } else {
                        json!([])
                    };
                    Json(json!({"id": channel, "type": 0, "guild_id": GUILD, "name": "general",
                        "position": 0, "permission_overwrites": overwrites, "nsfw": false}))
                    .into_response()
                }
            }
        }
        Route::Other if method == Method::GET && path == format!("/api/v10/guilds/{GUILD}/roles") => {
            let role = |id: &str, name: &str, permissions: u64| {
                json!({"id": id, "name": name, "color": 0, "hoist": false, "managed": false,
                    "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
                    "mentionable": false, "permissions": permissions.to_string(), "position": 0, "flags": 0})
            };
            // View Channel, Send Messages, Embed Links, Attach Files: what the invite asks.
            let posting = (1u64 << 10) | (1 << 11) | (1 << 14) | (1 << 15);
            Json(json!([role(GUILD, "@everyone", 0), role(BOT_ROLE, "delegation-bot", posting)]))
                .into_response()
        }
        Route::Other
            if method == Method::GET
                && path == format!("/api/v10/guilds/{GUILD}/members/{BOT_ID}") =>
        {
            Json(json!({"user": user(BOT_ID, "delegation-bot"), "roles": [BOT_ROLE],
                "joined_at": "2024-01-01T00:00:00+00:00", "deaf": false, "mute": false, "flags": 0}))
            .into_response()
        }
        Route::Other => (
            StatusCode::NOT_FOUND,
            Json(json!({"message": "Unknown", "code": 0})),
        )
            .into_response(),
    }
}

fn injected_failure(s: &Shared) -> Option<Response> {
    let failure = {
        let mut f = s.failures.lock().unwrap();
        (!f.is_empty()).then(|| f.remove(0))
    }?;
    Some(match failure {
        429 => (
            StatusCode::TOO_MANY_REQUESTS,
            [("retry-after", "0.1")],
            Json(json!({"message": "You are being rate limited.", "retry_after": 0.1, "global": false})),
        )
            .into_response(),
        code => (
            StatusCode::from_u16(code).unwrap(),
            Json(json!({"message": "boom", "code": 0})),
        )
            .into_response(),
    })
}

/// The upload limits and the spec; `None` when the body passes.
fn check_body(s: &Shared, r: &Recorded, body: Body, limit: usize) -> Option<Response> {
    let payload = r.payload();
    if s.strict(Rule::UploadSize) {
        let biggest = payload
            .files
            .iter()
            .map(|(_, b)| b.len())
            .max()
            .unwrap_or(0);
        if biggest > limit || r.body.len() > REQUEST_SIZE_LIMIT {
            return Some(s.refuse(
                StatusCode::PAYLOAD_TOO_LARGE,
                40005,
                format!(
                    "Request entity too large: {} {} sends a file of {biggest} bytes (limit {limit}) in {} bytes (limit {REQUEST_SIZE_LIMIT})",
                    r.method,
                    r.path,
                    r.body.len()
                ),
                json!({}),
            ));
        }
    }
    if s.strict(Rule::Spec)
        && let Err(problems) = spec::check(body, &payload.json, payload.files.len())
    {
        return Some(s.refuse(
            StatusCode::BAD_REQUEST,
            50035,
            format!(
                "Invalid Form Body: {} {}: {problems:?}\n{}",
                r.method, r.path, payload.json
            ),
            nested_errors(&problems),
        ));
    }
    None
}

/// Discord's `errors` object: each problem under its path (`/3/options/0/name: ...` under
/// `{"3": {"options": {"0": {"name": {"_errors": [...]}}}}}`); problems without a path at
/// the top.
fn nested_errors(problems: &[String]) -> Value {
    let mut root = json!({});
    for p in problems {
        let (path, message) = match p.split_once(": ") {
            Some((at, m)) if at.starts_with('/') => (at.trim_start_matches('/'), m),
            _ => ("", p.as_str()),
        };
        let mut node = &mut root;
        for key in path.split('/').filter(|k| !k.is_empty()) {
            node = node
                .as_object_mut()
                .expect("objects all the way down")
                .entry(key.to_string())
                .or_insert_with(|| json!({}));
        }
        let errors = node
            .as_object_mut()
            .expect("objects all the way down")
            .entry("_errors".to_string())
            .or_insert_with(|| json!([]));
        errors
            .as_array_mut()
            .expect("a list")
            .push(json!({"code": "BASE_TYPE_INVALID", "message": message}));
    }
    root
}
