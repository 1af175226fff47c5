//! Discord's command options to a `Request`, through the same checks as console input.

use serenity::all::{CommandData, CommandDataOption, CommandDataOptionValue};

use super::download::Attachment;
use crate::catalog::{self, CommandSpec};
use crate::error::{Result, UserError};
use crate::request::Request;

/// The command path (`["record", "visit", "add"]`) and leaf options of an interaction.
pub fn flatten(data: &CommandData) -> (Vec<String>, Vec<&CommandDataOption>) {
    let mut path = vec![data.name.clone()];
    let mut options: Vec<&CommandDataOption> = data.options.iter().collect();
    loop {
        match options.first().map(|o| &o.value) {
            Some(
                CommandDataOptionValue::SubCommandGroup(inner)
                | CommandDataOptionValue::SubCommand(inner),
            ) => {
                path.push(options[0].name.clone());
                options = inner.iter().collect();
            }
            _ => return (path, options),
        }
    }
}

pub fn spec_of(path: &[String]) -> Option<&'static CommandSpec> {
    let words: Vec<&str> = path.iter().map(String::as_str).collect();
    catalog::find(&words)
        .filter(|(spec, used)| *used == words.len() && spec.path.len() == words.len())
        .map(|(s, _)| s)
}

/// Builds the request. An attached file is not downloaded here (that waits until the
/// interaction is acknowledged): the request names it, and the attachment says where it is.
pub(super) fn request(data: &CommandData) -> Result<(Request, Option<Attachment>)> {
    let (path, options) = flatten(data);
    let spec = spec_of(&path).ok_or_else(|| UserError::from(crate::msg!("command-gone")))?;
    let mut raw = Vec::new();
    let mut attachment = None;
    for o in options {
        let value = match &o.value {
            CommandDataOptionValue::String(s) => s.clone(),
            CommandDataOptionValue::Integer(n) => n.to_string(),
            CommandDataOptionValue::Boolean(b) => b.to_string(),
            CommandDataOptionValue::Number(n) => n.to_string(),
            CommandDataOptionValue::Channel(id) => id.to_string(),
            CommandDataOptionValue::Attachment(id) => {
                let a = data
                    .resolved
                    .attachments
                    .get(id)
                    .ok_or_else(|| UserError::from(crate::msg!("attachment-missing")))?;
                attachment = Some(Attachment {
                    name: a.filename.clone(),
                    url: a.url.clone(),
                    size: u64::from(a.size),
                });
                a.filename.clone()
            }
            _ => {
                return Err(UserError::new(format!(
                    "`{}` has a value of the wrong type; pick a value from the list.",
                    o.name
                ))
                .into());
            }
        };
        raw.push((o.name.clone(), value));
    }
    Ok((Request::build(spec, raw)?, attachment))
}
