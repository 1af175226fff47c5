//! One option's text, as typed, parsed into its `Value` by the kind the catalog gives it.

use super::{Upload, Value};
use crate::catalog::OptionKind;
use crate::domain::{Day, FlexDate, Month, Text};
use crate::error::UserError;
use crate::msg;

pub fn parse_value(name: &str, kind: OptionKind, raw: &str) -> Result<Value, UserError> {
    // Numbers, dates, flags and channels in their plain form (full-width digits from a CJK
    // keyboard, a zero-width space pasted along); text is kept as typed.
    let plain;
    let raw = match kind {
        OptionKind::Integer { .. }
        | OptionKind::Bool
        | OptionKind::Date
        | OptionKind::Day
        | OptionKind::Month
        | OptionKind::Channel => {
            plain = crate::domain::text::plain(raw);
            plain.as_str()
        }
        _ => raw.trim(),
    };
    Ok(match kind {
        OptionKind::Text(max) => Value::Text(Text::parse(name, raw, max)?.into_string()),
        OptionKind::Article(max) => Value::Text(article(name, raw, max)?),
        OptionKind::File => Value::File(Upload::Path(Text::parse(name, raw, 1000)?.into_string())),
        OptionKind::Integer { min, max } => {
            let n: i64 = raw.parse().map_err(|_| {
                UserError::from(msg!("number-not-whole", name = name, example = min.max(1)))
            })?;
            if n < min || n > max {
                return Err(UserError::from(if max == i64::MAX {
                    msg!("number-too-small", name = name, min = min)
                } else {
                    msg!("number-out-of-range", name = name, min = min, max = max)
                }));
            }
            Value::Int(n)
        }
        OptionKind::Bool => match raw.to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" | "on" => Value::Bool(true),
            "false" | "no" | "n" | "0" | "off" => Value::Bool(false),
            _ => {
                return Err(UserError::from(msg!("bool-expected", name = name)));
            }
        },
        // A bounds filter takes a year too: from its first month to its last.
        OptionKind::Date | OptionKind::Month
            if matches!(name, "from" | "to") && year(raw).is_some() =>
        {
            let y = year(raw).expect("checked");
            let m = Month::parse(&format!("{y}-{}", if name == "to" { "12" } else { "01" }))
                .map_err(|e| named(name, e))?;
            if kind == OptionKind::Month {
                Value::Month(m)
            } else {
                Value::Date(FlexDate::Month(m))
            }
        }
        OptionKind::Channel => Value::Text(channel_id(name, raw)?),
        OptionKind::Date => Value::Date(FlexDate::parse(raw).map_err(|e| named(name, e))?),
        OptionKind::Day => Value::Day(Day::parse(raw).map_err(|e| named(name, e))?),
        OptionKind::Month => Value::Month(Month::parse(raw).map_err(|e| named(name, e))?),
        OptionKind::Choice(choices) => {
            let key = crate::domain::normalize(raw);
            let found = choices
                .iter()
                .find(|c| crate::domain::normalize(c) == key)
                .or_else(|| {
                    // Accept an unambiguous prefix: "invest" for "investment forum".
                    let matches: Vec<_> = choices
                        .iter()
                        .filter(|c| {
                            !key.is_empty() && crate::domain::normalize(c).starts_with(&key)
                        })
                        .collect();
                    (matches.len() == 1).then(|| matches[0])
                })
                .copied()
                // Other words for a vocabulary's choices: `CN`, `한국`, `省级`, ...
                .or_else(|| crate::domain::vocabulary_choice(choices, raw))
                // A choice's name in Korean or Chinese: `월간`, `每月`, `방문`.
                .or_else(|| crate::i18n::format::choice_named(choices, raw));
            match found {
                Some(c) => Value::Choice(c),
                None => {
                    return Err(UserError::from(msg!(
                        "not-a-choice",
                        name = name,
                        choices = choices.join(", ")
                    )));
                }
            }
        }
    })
}

/// A pasted report: trimmed and bounded, tabs as spaces, no other control characters;
/// spam is left in for intake to drop and list.
fn article(name: &str, raw: &str, max: usize) -> Result<String, UserError> {
    let text: String = raw.replace('\t', " ").replace('\r', "");
    if text.trim().is_empty() {
        return Err(UserError::from(msg!("article-empty", name = name)));
    }
    if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\n') {
        return Err(UserError::from(msg!(
            "text-control-character",
            field = name,
            code = format!("{:04X}", c as u32)
        )));
    }
    let len = text.chars().count();
    if len > max {
        return Err(UserError::from(msg!(
            "article-too-long",
            name = name,
            len = len,
            max = max
        )));
    }
    Ok(text.trim().to_string())
}

/// A bare year (`2024`).
fn year(raw: &str) -> Option<u32> {
    (raw.len() == 4 && raw.bytes().all(|b| b.is_ascii_digit()))
        .then(|| raw.parse().ok())
        .flatten()
}

/// A channel as Discord sends it (its id) or as typed in the console: the id, `<#id>` (as
/// Discord's "Copy Link" mentions it) or `#id`.
fn channel_id(name: &str, raw: &str) -> Result<String, UserError> {
    let id = raw
        .trim_start_matches("<#")
        .trim_end_matches('>')
        .trim_start_matches('#');
    if (17..=20).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit()) {
        Ok(id.to_string())
    } else {
        Err(UserError::from(msg!("channel-expected", name = name)))
    }
}

fn named(name: &str, e: UserError) -> UserError {
    UserError::from(msg!("in-option", option = name, error = e.0))
}
