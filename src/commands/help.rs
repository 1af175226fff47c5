//! `/help`: the list of commands, or one command's options, straight from the catalog.

use serde_json::json;

use super::Actor;
use super::args::Args;
use crate::catalog::{COMMANDS, OptionKind};
use crate::error::{Result, user_err};
use crate::reply::Reply;
use crate::request::Request;

/// Discord shows at most this many characters in a field.
const FIELD_MAX: usize = 1024;

/// Lines as fields of at most `FIELD_MAX` characters, so none is cut off.
fn fields(reply: Reply, name: &str, lines: &[String]) -> Reply {
    let mut chunks: Vec<String> = vec![String::new()];
    for line in lines {
        let chunk = chunks.last_mut().expect("never empty");
        if !chunk.is_empty() && chunk.chars().count() + 1 + line.chars().count() > FIELD_MAX {
            chunks.push(line.clone());
        } else {
            if !chunk.is_empty() {
                chunk.push('\n');
            }
            chunk.push_str(line);
        }
    }
    chunks.into_iter().enumerate().fold(reply, |r, (i, chunk)| {
        r.field(
            if i == 0 {
                name.to_string()
            } else {
                format!("{name}, continued")
            },
            chunk,
        )
    })
}

pub struct HelpArgs {
    topic: Option<String>,
}

impl Args for HelpArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(HelpArgs {
            topic: req.text("command").map(String::from),
        })
    }
}

pub fn help(HelpArgs { topic }: HelpArgs, actor: &Actor) -> Result<Reply> {
    let Some(topic) = topic.as_deref() else {
        let mut read = Vec::new();
        let mut write = Vec::new();
        for c in COMMANDS {
            let line = format!("{} — {}", c.name(), c.description);
            if c.moderator {
                write.push(line)
            } else {
                read.push(line)
            }
        }
        let mut reply = Reply::new("Commands")
            .text("Type a command with options as name:value; quote values with spaces, e.g. /official history name:\"Oh Young-hun\"; inside quotes type \\\" for a quote (name:\"Kim \\\"Danny\\\" Lee\"). /help <command> explains one.");
        reply = fields(reply, "Ask", &read);
        if actor.moderator {
            reply = fields(reply, "Change (moderators)", &write);
        }
        let names: Vec<String> = COMMANDS.iter().map(|c| c.name()).collect();
        return Ok(reply.data(json!({"commands": names})));
    };
    let words: Vec<&str> = topic.trim_start_matches('/').split_whitespace().collect();
    let matching: Vec<_> = COMMANDS
        .iter()
        .filter(|c| {
            words
                .iter()
                .zip(c.path.iter())
                .all(|(w, p)| w.eq_ignore_ascii_case(p))
                && words.len() <= c.path.len()
        })
        .collect();
    match matching.as_slice() {
        [] => user_err(format!(
            "There is no command `{}`; type /help to list them.",
            topic.chars().take(40).collect::<String>()
        )),
        [one] => {
            let mut reply = Reply::new(one.usage()).text(one.description);
            for o in one.options {
                let kind = match o.kind {
                    OptionKind::Text(max) => format!("text, up to {max} characters"),
                    OptionKind::Article(max) => format!("a report's text, up to {max} characters"),
                    OptionKind::Integer { min, max } if max == i64::MAX => {
                        format!("number, {min} or more")
                    }
                    OptionKind::Integer { min, max } => format!("number, {min} to {max}"),
                    OptionKind::Bool => "true or false".into(),
                    OptionKind::Date => "YYYY-MM-DD or YYYY-MM; also 2024/05/29, \"May 29, 2024\", 2024년 5월 29일, 2024年5月29日".into(),
                    OptionKind::Day => "YYYY-MM-DD; also 2024/05/29, \"May 29, 2024\", 2024년 5월 29일".into(),
                    OptionKind::Month => "YYYY-MM; also 2024/05, \"May 2024\", 2024년 5월".into(),
                    OptionKind::Choice(c) => format!("one of: {}", c.join(", ")),
                    OptionKind::File => "a CSV or JSON file".into(),
                    OptionKind::Channel => "a channel; its id in the console".into(),
                };
                let need = if o.required { "required" } else { "optional" };
                reply = reply.field(o.name, format!("{} ({need}; {kind})", o.description));
            }
            let reply = reply.field("Example", one.example);
            let reply = if one.moderator {
                reply.footer("moderators only")
            } else {
                reply
            };
            Ok(reply
                .data(json!({"command": one.name(), "usage": one.usage(), "example": one.example})))
        }
        many => {
            let lines: Vec<String> = many
                .iter()
                .map(|c| format!("{} — {}", c.usage(), c.description))
                .collect();
            Ok(Reply::new(format!("/{}", words.join(" ")))
                .text(lines.join("\n"))
                .data(json!({"commands": many.iter().map(|c| c.name()).collect::<Vec<_>>()})))
        }
    }
}
