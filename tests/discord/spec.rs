//! Discord's rules for the bodies a bot sends, in two layers (as Discord's documented limits
//! describes them): the request schemas of Discord's published OpenAPI spec
//! (`openapi.json` beside this file, source in `SPEC_SOURCE.txt`), and the documented rules
//! the spec does not encode (name patterns, the 6000-character embed total, which flags a
//! deferral or an edit may carry, ...). The fake Discord refuses any body either layer
//! rejects, as Discord would, with 400 and code 50035.
//!
//! Where the spec and the docs disagree, the docs win (the spec's README says so):
//! `default_member_permissions` is a string of digits in the docs and an integer in the
//! spec, so it is checked as the docs say and handed to the schema as a number; a new
//! attachment's `id` is the number n of its `files[n]` part in the docs (serenity sends
//! that) and a snowflake string in the spec, so it is checked against the files sent and
//! handed to the schema as a string.

use std::sync::OnceLock;

use serde_json::{Value, json};

/// What a body is, which decides the schema and the rules that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// PUT .../commands: the whole list, in a guild or globally.
    /// `cap`: Discord's 8,000 characters per command (a test may lower it).
    Commands { guild: bool, cap: usize },
    /// POST /interactions/{id}/{token}/callback, answering an interaction of this type
    /// (2 command, 3 component, 4 autocomplete, 5 modal submit).
    Callback { interaction: u64 },
    /// POST /webhooks/{app}/{token}: a follow-up message.
    Followup,
    /// PATCH /webhooks/{app}/{token}/messages/...: an edit.
    Edit,
    /// POST /channels/{id}/messages.
    ChannelMessage,
}

struct Schemas {
    commands: jsonschema::Validator,
    callback: jsonschema::Validator,
    followup: jsonschema::Validator,
    edit: jsonschema::Validator,
    channel_message: jsonschema::Validator,
}

/// The request schema of one operation, with the spec's components embedded so that its
/// `#/components/schemas/...` references resolve inside the one document.
fn operation(spec: &Value, path: &str, method: &str) -> jsonschema::Validator {
    let mut schema =
        spec["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"].clone();
    assert!(
        schema.is_object(),
        "the spec has no JSON body for {method} {path}"
    );
    schema["components"] = spec["components"].clone();
    schema["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .build(&schema)
        .unwrap_or_else(|e| panic!("the schema of {method} {path} does not compile: {e}"))
}

fn schemas() -> &'static Schemas {
    static SCHEMAS: OnceLock<Schemas> = OnceLock::new();
    SCHEMAS.get_or_init(|| {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/discord/openapi.json"
        ))
        .expect("tests/discord/openapi.json");
        let spec: Value = serde_json::from_str(&text).expect("the spec is JSON");
        Schemas {
            commands: operation(
                &spec,
                "/applications/{application_id}/guilds/{guild_id}/commands",
                "put",
            ),
            callback: operation(
                &spec,
                "/interactions/{interaction_id}/{interaction_token}/callback",
                "post",
            ),
            followup: operation(&spec, "/webhooks/{webhook_id}/{webhook_token}", "post"),
            edit: operation(
                &spec,
                "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
                "patch",
            ),
            channel_message: operation(&spec, "/channels/{channel_id}/messages", "post"),
        }
    })
}

/// Checks one JSON body (`files`: how many files came with it). `Err` holds what Discord's
/// 400 answer would say, one line per problem.
pub fn check(body: Body, json: &Value, files: usize) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let mut for_schema = json.clone();
    match body {
        Body::Commands { guild, cap } => {
            match json.as_array() {
                Some(commands) => {
                    for (i, c) in commands.iter().enumerate() {
                        command_rules(c, guild, cap, &format!("/{i}"), &mut problems);
                    }
                    if commands.len() > 100 {
                        problems.push("more than 100 CHAT_INPUT commands".into());
                    }
                }
                None => problems.push("the body is not an array of commands".into()),
            }
            // The docs' string form of the permission bits, as the spec's integer.
            for c in for_schema.as_array_mut().into_iter().flatten() {
                if let Some(p) = c["default_member_permissions"].as_str() {
                    c["default_member_permissions"] =
                        p.parse::<u64>().map(Value::from).unwrap_or(Value::Null);
                }
            }
        }
        Body::Callback { interaction } => callback_rules(json, interaction, files, &mut problems),
        Body::Followup => {
            message_rules(json, "", files, true, &mut problems);
            flags_within(json, &[4, 64, 4096, 32768], "a follow-up", &mut problems);
        }
        Body::Edit => {
            message_rules(json, "", files, false, &mut problems);
            flags_within(
                json,
                &[4, 32768],
                "an edit (ephemerality is fixed by the first response)",
                &mut problems,
            );
        }
        Body::ChannelMessage => {
            message_rules(json, "", files, true, &mut problems);
            flags_within(json, &[4, 4096, 32768], "a channel message", &mut problems);
        }
    }
    attachment_ids(&mut for_schema, files, &mut problems);
    let s = schemas();
    let validator = match body {
        Body::Commands { .. } => &s.commands,
        Body::Callback { .. } => &s.callback,
        Body::Followup => &s.followup,
        Body::Edit => &s.edit,
        Body::ChannelMessage => &s.channel_message,
    };
    problems.extend(
        validator
            .iter_errors(&for_schema)
            .map(|e| format!("{}: {e}", e.instance_path())),
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// New attachments named by the index of their file part, as the docs allow.
fn attachment_ids(json: &mut Value, files: usize, problems: &mut Vec<String>) {
    let message = if json.get("data").is_some_and(Value::is_object) {
        &mut json["data"]
    } else {
        json
    };
    for (i, a) in message
        .get_mut("attachments")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .enumerate()
    {
        if let Some(n) = a["id"].as_u64() {
            // Ids of attachments the message has already are snowflakes, far above any index.
            if n >= files as u64 && n < 1 << 22 {
                problems.push(format!(
                    "/attachments/{i}/id: {n} names no file of the {files} sent"
                ));
            }
            a["id"] = Value::String(n.to_string());
        }
    }
}

fn chars(v: &Value) -> usize {
    v.as_str().map(|s| s.chars().count()).unwrap_or(0)
}

/// The characters a field counts toward the per-command cap: its longest form, the default
/// or any of its localizations (`name_localizations`, `description_localizations`).
fn longest(o: &Value, field: &str) -> usize {
    let localized = o[format!("{field}_localizations")]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(_, v)| chars(v));
    localized.fold(chars(&o[field]), usize::max)
}

/// Localized names follow the rules of names; localized descriptions those of descriptions.
fn localization_rules(o: &Value, at: &str, problems: &mut Vec<String>) {
    for (locale, name) in o["name_localizations"].as_object().into_iter().flatten() {
        if !valid_name(name.as_str().unwrap_or("")) {
            problems.push(format!(
                "{at}/name_localizations/{locale}: {name} is not a valid lowercase name"
            ));
        }
    }
    for (locale, text) in o["description_localizations"]
        .as_object()
        .into_iter()
        .flatten()
    {
        if !(1..=100).contains(&chars(text)) {
            problems.push(format!(
                "{at}/description_localizations/{locale} must be 1-100 characters"
            ));
        }
    }
}

fn items(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`, lowercase where a letter has a case.
fn valid_name(s: &str) -> bool {
    (1..=32).contains(&s.chars().count())
        && s.chars().all(|c| {
            (c == '-' || c == '_' || c == '\'' || c.is_alphanumeric())
                && c.to_lowercase().eq(std::iter::once(c))
        })
}

fn command_rules(c: &Value, guild: bool, cap: usize, at: &str, problems: &mut Vec<String>) {
    let chat_input = c["type"].as_u64().unwrap_or(1) == 1;
    if chat_input {
        if !valid_name(c["name"].as_str().unwrap_or("")) {
            problems.push(format!(
                "{at}/name: {} is not a valid lowercase name",
                c["name"]
            ));
        }
        if !(1..=100).contains(&chars(&c["description"])) {
            problems.push(format!("{at}/description must be 1-100 characters"));
        }
    }
    if let Some(p) = c.get("default_member_permissions").filter(|p| !p.is_null())
        && !p
            .as_str()
            .is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
    {
        problems.push(format!(
            "{at}/default_member_permissions must be a string of digits"
        ));
    }
    if guild && items(&c["contexts"]).iter().any(|x| x == 1) {
        problems.push(format!(
            "{at}/contexts: guild commands do not support BOT_DM"
        ));
    }
    localization_rules(c, at, problems);
    let mut size = longest(c, "name") + longest(c, "description");
    options_rules(
        items(&c["options"]),
        0,
        &format!("{at}/options"),
        &mut size,
        problems,
    );
    if size > cap {
        problems.push(format!(
            "{at}: names, descriptions and choices hold {size} characters, more than {cap}"
        ));
    }
}

/// One level of options: `depth` 0 under the command, 1 under a group or subcommand...
fn options_rules(
    options: &[Value],
    depth: usize,
    at: &str,
    size: &mut usize,
    problems: &mut Vec<String>,
) {
    let mut names = std::collections::HashSet::new();
    // Siblings' names are unique in every locale too.
    let mut localized = std::collections::HashSet::new();
    let (mut subs, mut plain, mut seen_optional) = (0, 0, false);
    for (i, o) in options.iter().enumerate() {
        let at = format!("{at}/{i}");
        let kind = o["type"].as_u64().unwrap_or(0);
        let name = o["name"].as_str().unwrap_or("");
        *size += longest(o, "name") + longest(o, "description");
        localization_rules(o, &at, problems);
        for (locale, n) in o["name_localizations"].as_object().into_iter().flatten() {
            if !localized.insert((locale.clone(), n.as_str().unwrap_or("").to_string())) {
                problems.push(format!("{at}/name_localizations/{locale}: {n} is repeated"));
            }
        }
        if !valid_name(name) {
            problems.push(format!("{at}/name: `{name}` is not a valid lowercase name"));
        }
        if !names.insert(name.to_string()) {
            problems.push(format!("{at}/name: `{name}` is repeated"));
        }
        let nested = items(&o["options"]);
        if kind <= 2 {
            subs += 1;
            if (kind == 2 && depth > 0) || (kind == 1 && depth > 1) {
                problems.push(format!(
                    "{at}: command > group > subcommand is the deepest nesting"
                ));
            }
            if kind == 2 && nested.iter().any(|n| n["type"] != 1) {
                problems.push(format!("{at}: a group holds only subcommands"));
            }
            options_rules(nested, depth + 1, &format!("{at}/options"), size, problems);
            continue;
        }
        plain += 1;
        if !nested.is_empty() {
            problems.push(format!(
                "{at}/options: only subcommands and groups have options"
            ));
        }
        let required = o["required"].as_bool().unwrap_or(false);
        if required && seen_optional {
            problems.push(format!(
                "{at}: required option `{name}` after an optional one"
            ));
        }
        seen_optional |= !required;
        let choices = items(&o["choices"]);
        let choosable = matches!(kind, 3 | 4 | 10);
        if !choices.is_empty() && !choosable {
            problems.push(format!(
                "{at}/choices: only string, integer and number options have choices"
            ));
        }
        if o["autocomplete"] == true && (!choosable || !choices.is_empty()) {
            problems.push(format!(
                "{at}/autocomplete: not with choices, and only on string, integer or number options"
            ));
        }
        for (j, ch) in choices.iter().enumerate() {
            *size += longest(ch, "name") + chars(&ch["value"]);
            if kind == 3 && chars(&ch["value"]) > 100 {
                problems.push(format!("{at}/choices/{j}/value is longer than 100"));
            }
        }
        if (o.get("min_length").is_some_and(|v| !v.is_null())
            || o.get("max_length").is_some_and(|v| !v.is_null()))
            && kind != 3
        {
            problems.push(format!(
                "{at}: min_length and max_length are for string options"
            ));
        }
        if (o.get("min_value").is_some_and(|v| !v.is_null())
            || o.get("max_value").is_some_and(|v| !v.is_null()))
            && !matches!(kind, 4 | 10)
        {
            problems.push(format!(
                "{at}: min_value and max_value are for integer and number options"
            ));
        }
        if !items(&o["channel_types"]).is_empty() && kind != 7 {
            problems.push(format!("{at}/channel_types: only for channel options"));
        }
    }
    if subs > 0 && plain > 0 {
        problems.push(format!("{at}: subcommands mixed with plain options"));
    }
}

fn flags_within(json: &Value, allowed: &[u64], what: &str, problems: &mut Vec<String>) {
    let flags = json["flags"].as_u64().unwrap_or(0);
    let extra = allowed.iter().fold(flags, |f, a| f & !a);
    if extra != 0 {
        problems.push(format!("/flags: {flags} is not allowed on {what}"));
    }
}

fn callback_rules(json: &Value, interaction: u64, files: usize, problems: &mut Vec<String>) {
    let data = &json["data"];
    match json["type"].as_u64() {
        Some(4) => {
            message_rules(data, "/data", files, true, problems);
            flags_within(data, &[4, 64, 4096, 8192, 32768], "a message", problems);
        }
        Some(5) => flags_within(data, &[64], "a deferral (only EPHEMERAL)", problems),
        Some(t @ (6 | 7)) => {
            if !matches!(interaction, 3 | 5) {
                problems.push(format!("/type: {t} answers only component interactions"));
            }
            if t == 7 {
                message_rules(data, "/data", files, false, problems);
                flags_within(
                    data,
                    &[4, 4096, 32768],
                    "an update (ephemerality is fixed)",
                    problems,
                );
            }
        }
        Some(8) => {
            if interaction != 4 {
                problems.push("/type: 8 answers only autocomplete".into());
            }
            for (i, c) in items(&data["choices"]).iter().enumerate() {
                if c["value"].is_string() && chars(&c["value"]) > 100 {
                    problems.push(format!("/data/choices/{i}/value is longer than 100"));
                }
            }
        }
        Some(9) => {
            if !matches!(interaction, 2 | 3) {
                problems.push("/type: a modal cannot answer a modal submit or autocomplete".into());
            }
            modal_rules(data, problems);
        }
        Some(t) if interaction == 4 => {
            problems.push(format!("/type: autocomplete is answered with 8, not {t}"))
        }
        _ => {}
    }
    if interaction == 4 && json["type"] != 8 {
        problems.push("/type: autocomplete is answered with 8".into());
    }
}

fn modal_rules(data: &Value, problems: &mut Vec<String>) {
    if !(1..=45).contains(&chars(&data["title"])) {
        problems.push("/data/title must be 1-45 characters".into());
    }
    let rows = items(&data["components"]);
    if !(1..=5).contains(&rows.len()) {
        problems.push(format!(
            "/data/components: {} rows, a modal takes 1-5",
            rows.len()
        ));
    }
    for (i, row) in rows.iter().enumerate() {
        for (j, input) in items(&row["components"]).iter().enumerate() {
            let at = format!("/data/components/{i}/components/{j}");
            if chars(&input["label"]) > 45 {
                problems.push(format!("{at}/label is longer than 45"));
            }
            let max = input["max_length"].as_u64().unwrap_or(4000) as usize;
            if chars(&input["value"]) > max.min(4000) {
                problems.push(format!("{at}/value is longer than its max_length {max}"));
            }
        }
    }
}

/// The documented message rules the spec leaves out. `create`: a new message, which must
/// not be empty.
fn message_rules(m: &Value, at: &str, files: usize, create: bool, problems: &mut Vec<String>) {
    if create
        && chars(&m["content"]) == 0
        && items(&m["embeds"]).is_empty()
        && items(&m["components"]).is_empty()
        && items(&m["attachments"]).is_empty()
        && files == 0
        && m["poll"].is_null()
    {
        problems.push(format!(
            "{at}: a message needs content, embeds, components or files"
        ));
    }
    if files > 10 {
        problems.push(format!("{at}: {files} files, at most 10"));
    }
    let trimmed = |v: &Value| v.as_str().map(|s| s.trim().chars().count()).unwrap_or(0);
    let total: usize = items(&m["embeds"])
        .iter()
        .map(|e| {
            trimmed(&e["title"])
                + trimmed(&e["description"])
                + trimmed(&e["footer"]["text"])
                + trimmed(&e["author"]["name"])
                + items(&e["fields"])
                    .iter()
                    .map(|f| trimmed(&f["name"]) + trimmed(&f["value"]))
                    .sum::<usize>()
        })
        .sum();
    if total > 6000 {
        problems.push(format!(
            "{at}/embeds hold {total} characters, more than 6000"
        ));
    }
    let v2 = m["flags"].as_u64().unwrap_or(0) & 32768 != 0;
    let rows = items(&m["components"]);
    if !v2 && rows.len() > 5 {
        problems.push(format!("{at}/components: {} rows, at most 5", rows.len()));
    }
    let mut ids = std::collections::HashSet::new();
    for (i, row) in rows.iter().enumerate() {
        let children = items(&row["components"]);
        if children.iter().any(|c| c["type"] != 2) && children.len() != 1 {
            problems.push(format!(
                "{at}/components/{i}: a select stands alone in its row"
            ));
        }
        for (j, c) in children.iter().enumerate() {
            let at = format!("{at}/components/{i}/components/{j}");
            if let Some(id) = c["custom_id"].as_str()
                && !ids.insert(id.to_string())
            {
                problems.push(format!("{at}/custom_id `{id}` is repeated"));
            }
            if c["type"] == 2 {
                let link = c["style"] == 5;
                if link != c["custom_id"].is_null() || link == c["url"].is_null() {
                    problems.push(format!(
                        "{at}: a link button has a url and no custom_id; others the reverse"
                    ));
                }
            }
        }
    }
    for p in items(&m["allowed_mentions"]["parse"]) {
        if !["roles", "users", "everyone"].contains(&p.as_str().unwrap_or("")) {
            problems.push(format!(
                "{at}/allowed_mentions/parse: {p} is not a mention type"
            ));
        }
    }
}
