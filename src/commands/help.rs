//! `/help`: the list of commands, or one command's options, straight from the catalog.

use crate::catalog::arg;
use crate::msg;
use crate::t;
use serde_json::json;

use super::Actor;
use super::args::Args;
use crate::catalog::{COMMANDS, OptionKind};
use crate::error::Result;
use crate::i18n::commands::command as described;
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
                t!("continued", name = name)
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
            topic: req.text(arg::COMMAND).map(String::from),
        })
    }
}

/// A command as the list names it: `/visits monthly`, and as the reader's Discord shows
/// it (`/visits monthly (/방문 월별)`); both can be typed.
fn named(c: &crate::catalog::CommandSpec) -> String {
    let name = c.name();
    match crate::i18n::commands::command_path_in(crate::i18n::reader(), &name) {
        Some(said) if said != name => format!("{name} ({said})"),
        _ => name,
    }
}

pub fn help(HelpArgs { topic }: HelpArgs, actor: &Actor) -> Result<Reply> {
    let Some(topic) = topic.as_deref() else {
        let mut read = Vec::new();
        let mut write = Vec::new();
        for c in COMMANDS.iter() {
            let line = format!("{} — {}", named(c), described(c));
            if c.moderator {
                write.push(line)
            } else {
                read.push(line)
            }
        }
        let mut reply = Reply::new(t!("help-title")).text(t!("help-text"));
        reply = fields(reply, &t!("help-ask"), &read);
        if actor.moderator {
            reply = fields(reply, &t!("help-change"), &write);
        }
        let names: Vec<String> = COMMANDS.iter().map(|c| c.name()).collect();
        return Ok(reply.data(json!({"commands": names})));
    };
    let words: Vec<&str> = topic.trim_start_matches('/').split_whitespace().collect();
    // Each word as the catalog names it, or as the reader's language does (`방문 월별`).
    let matching: Vec<_> = COMMANDS
        .iter()
        .filter(|c| {
            words
                .iter()
                .zip(c.path.iter())
                .enumerate()
                .all(|(depth, (w, p))| {
                    w.eq_ignore_ascii_case(p)
                        || crate::i18n::commands::command_word(&c.path[..depth], w) == Some(*p)
                })
                && words.len() <= c.path.len()
        })
        .collect();
    match matching.as_slice() {
        [] => Err(msg!(
            "no-such-command",
            command = topic.chars().take(40).collect::<String>()
        )
        .into()),
        [one] => {
            let mut reply = Reply::new(one.usage()).text(described(one));
            for o in one.options {
                let kind = match o.kind {
                    OptionKind::Text(max) => t!("kind-text", max = max),
                    OptionKind::Article(max) => t!("kind-article", max = max),
                    OptionKind::Integer { min, max } if max == i64::MAX => {
                        t!("kind-number-from", min = min)
                    }
                    OptionKind::Integer { min, max } => t!("kind-number", min = min, max = max),
                    OptionKind::Bool => t!("kind-bool"),
                    OptionKind::Date => t!("kind-date"),
                    OptionKind::Day => t!("kind-day"),
                    OptionKind::Month => t!("kind-month"),
                    OptionKind::Choice(c) => t!(
                        "kind-choice",
                        choices = c
                            .iter()
                            .map(|c| match crate::i18n::format::choice(c) {
                                said if said == *c => said,
                                said => format!("{c} ({said})"),
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    OptionKind::File => t!("kind-file"),
                    OptionKind::Channel => t!("kind-channel"),
                };
                let need = if o.required {
                    t!("required")
                } else {
                    t!("optional")
                };
                let name = crate::i18n::commands::option_name(o.name);
                let name = if name == o.name {
                    name
                } else {
                    format!("{} ({name})", o.name)
                };
                reply = reply.field(
                    name,
                    format!("{} ({need}; {kind})", crate::i18n::commands::option(one, o)),
                );
            }
            let reply = reply.field(t!("example"), one.example);
            let reply = if one.moderator {
                reply.footer(t!("moderators-only"))
            } else {
                reply
            };
            Ok(reply
                .data(json!({"command": one.name(), "usage": one.usage(), "example": one.example})))
        }
        many => {
            let lines: Vec<String> = many
                .iter()
                .map(|c| format!("{} — {}", c.usage(), described(c)))
                .collect();
            Ok(Reply::new(format!("/{}", words.join(" ")))
                .text(lines.join("\n"))
                .data(json!({"commands": many.iter().map(|c| c.name()).collect::<Vec<_>>()})))
        }
    }
}
