//! A console line as a person types it (`/visits monthly from:2024-01
//! province:"Jiangsu, Hainan"`): split into words and `name:value` pairs, quotes and all,
//! and read into a `Request` through the same checks as Discord's options.

use super::Request;
use crate::catalog::{self, COMMANDS};
use crate::error::UserError;
use crate::msg;

impl Request {
    /// Parses a console line exactly as a user would type it in Discord:
    /// `/visits monthly from:2024-01 province:"Jiangsu, Hainan"`. Bare words after the
    /// command fill its required options in order (`/visits show 3`).
    pub fn parse_line(line: &str) -> Result<Request, UserError> {
        let tokens = tokenize(line)?;
        let words: Vec<&str> = tokens
            .iter()
            .take_while(|t| t.key.is_none())
            .map(|t| t.value.as_str())
            .collect();
        let first = words
            .first()
            .map(|w| w.trim_start_matches('/'))
            .unwrap_or("");
        if first.is_empty() {
            return Err(crate::msg!("type-a-command").into());
        }
        let mut path: Vec<&str> = words.clone();
        path[0] = first;
        // Localized words (`/방문 월별`) stand for the catalog's, depth by depth.
        for depth in 0..path.len() {
            if let Some(word) = crate::i18n::commands::command_word(&path[..depth], path[depth]) {
                path[depth] = word;
            }
        }
        let (spec, used) = catalog::find(&path).ok_or_else(|| unknown_command(&path))?;
        let mut positional = spec.options.iter().filter(|o| o.required);
        let mut raw = Vec::new();
        for token in tokens.into_iter().skip(used) {
            match token.key {
                Some(key) => {
                    let key = match spec.option(&key) {
                        Some(_) => key,
                        None => {
                            crate::i18n::commands::option_word(spec, &key).map_or(key, String::from)
                        }
                    };
                    raw.push((key, token.value))
                }
                None if spec.id == catalog::CommandId::Help => {
                    raw.push(("command".into(), token.value))
                }
                None => {
                    let typed: String = token.value.chars().take(40).collect();
                    let option = positional.next().ok_or_else(|| match raw.last() {
                        // `province:Hainan Jiangsu`: the value went on past a space.
                        Some((key, value)) => UserError::from(crate::msg!(
                            "value-needs-quotes",
                            typed = typed.as_str(),
                            option = key.as_str(),
                            value = crate::domain::text::value_typed(&format!("{value} {typed}"))
                        )),
                        None => UserError::from(crate::msg!(
                            "not-an-option",
                            typed = typed.as_str(),
                            example = spec.example
                        )),
                    })?;
                    raw.push((option.name.to_string(), token.value));
                }
            }
        }
        // `/help visits monthly` arrives as several words: join them back.
        if spec.id == catalog::CommandId::Help && raw.len() > 1 {
            let joined = raw
                .iter()
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            raw = vec![("command".into(), joined)];
        }
        Request::build(spec, raw)
    }
}

fn unknown_command(path: &[&str]) -> UserError {
    let typed = path.join(" ");
    let group: Vec<String> = COMMANDS
        .iter()
        .filter(|c| c.path[0].eq_ignore_ascii_case(path[0]))
        .map(|c| c.name())
        .collect();
    if group.is_empty() {
        UserError::from(msg!(
            "command-unknown",
            command = typed.chars().take(40).collect::<String>()
        ))
    } else {
        UserError::from(msg!(
            "command-incomplete",
            command = typed.chars().take(60).collect::<String>(),
            commands = group.join(", ")
        ))
    }
}

struct Token {
    key: Option<String>,
    value: String,
}

/// Splits on whitespace into values and `key:value` pairs. A value that starts with a quote
/// (`"`, `'`, or a phone's curly “ ” ‘ ’) runs to the matching closing quote, spaces and
/// all; inside it `\"` (or `\'`) is a quote and `\\` a backslash. A quote anywhere else is
/// an ordinary character, so `Xi'an` needs no quotes. A URL such as `https://x` after a key
/// is a value, not a key.
fn tokenize(line: &str) -> Result<Vec<Token>, UserError> {
    let mut tokens = Vec::new();
    let mut chars = line.trim().chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut key = None;
        let mut current = String::new();
        let mut quoted = false;
        // A value starts at the token's start and right after `key:`.
        let mut at_value_start = true;
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            match c {
                '"' | '\'' | '“' | '‘' if at_value_start => {
                    let close = match c {
                        '“' => '”',
                        '‘' => '’',
                        other => other,
                    };
                    quoted = true;
                    let mut closed = false;
                    while let Some(q) = chars.next() {
                        if q == '\\'
                            && chars
                                .peek()
                                .is_some_and(|n| *n == close || *n == '\\' || *n == '"')
                        {
                            current.push(chars.next().expect("peeked"));
                        } else if q == close || (c == '“' && q == '"') {
                            closed = true;
                            break;
                        } else {
                            current.push(q);
                        }
                    }
                    if !closed {
                        return Err(UserError::from(msg!("quote-not-closed")));
                    }
                }
                // A full-width colon from a CJK keyboard (`name：郝鹏`) is a colon.
                ':' | '：' if key.is_none() && !quoted && is_option_name(&current) => {
                    key = Some(std::mem::take(&mut current));
                    at_value_start = true;
                    continue;
                }
                _ => current.push(c),
            }
            at_value_start = false;
        }
        tokens.push(Token {
            key,
            value: current,
        });
    }
    Ok(tokens)
}

/// An option's name as typed, in any script (`번호:3` is an option, unknown or localized,
/// not a value of `id`); a URL's scheme is not (`https:` is followed by `//`).
fn is_option_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && !s.chars().all(|c| c.is_ascii_digit())
}
