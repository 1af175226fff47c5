//! Free text typed by users: trimmed, bounded, and free of control characters.

use crate::error::UserError;
use crate::msg;

/// Documented limits (README "Limits"). Discord's own caps are larger than these
/// everywhere a value is shown, so a stored value always fits a reply.
pub const NAME_MAX: usize = 100;
pub const SHORT_MAX: usize = 200;
pub const LONG_MAX: usize = 1000;
pub const URL_MAX: usize = 500;
pub const SEARCH_MAX: usize = 200;

/// A value typed for a date, a number or an id as its plain form: Unicode compatibility
/// forms folded (NFKC: full-width digits and dashes from a CJK keyboard, `２０２４－０５`),
/// invisible characters (zero-width spaces and joiners, a byte order mark) dropped, and
/// trimmed. Names get the same folding in `normalize`.
pub fn plain(input: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    input
        .nfkc()
        .filter(|c| !is_invisible(*c))
        .collect::<String>()
        .trim()
        .to_string()
}

/// Characters that take no room: zero-width space, joiners, word joiner, byte order mark,
/// soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
    )
}

/// `name:value` as a person types it into the console: the value bare when that reads back
/// the same, else in double quotes with `\"` and `\\` inside (`name:"Kim \"Danny\" O'Neil"`).
/// Every command the bot prints for someone to type is written with this.
pub fn typed(name: &str, value: &str) -> String {
    format!("{name}:{}", value_typed(value))
}

/// The value of `typed`: bare, or quoted when it has to be.
pub fn value_typed(value: &str) -> String {
    let starts_quoted = value.starts_with(['"', '\'', '“', '‘']);
    if !value.is_empty() && !starts_quoted && !value.contains(char::is_whitespace) {
        value.to_string()
    } else {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(String);

impl Text {
    /// `field` names the option in the error message. Text of up to `SHORT_MAX` characters
    /// (names, places, titles) is one line of printable text; longer text (a purpose, a
    /// summary) may hold line breaks.
    pub fn parse(field: &str, input: &str, max: usize) -> Result<Text, UserError> {
        // A line break from Windows or an old Mac (CRLF, CR: Excel writes them inside a
        // quoted cell) is a line break where text may hold several lines.
        let unified;
        let value = if max > SHORT_MAX && input.contains('\r') {
            unified = input.replace("\r\n", "\n").replace('\r', "\n");
            unified.trim()
        } else {
            input.trim()
        };
        if value.is_empty() {
            return Err(UserError::from(msg!("text-empty", field = field)));
        }
        if max <= SHORT_MAX && value.contains(['\n', '\r']) {
            return Err(UserError::from(msg!("text-one-line", field = field)));
        }
        if let Some(c) = value.chars().find(|c| c.is_control() && *c != '\n') {
            return Err(UserError::from(msg!(
                "text-control-character",
                field = field,
                code = format!("{:04X}", c as u32)
            )));
        }
        super::spam::check(field, value)?;
        let len = value.chars().count();
        if len > max {
            return Err(UserError::from(msg!(
                "text-too-long",
                field = field,
                len = len,
                max = max
            )));
        }
        Ok(Text(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// A source link: an http or https URL with a host, no spaces (read by a URL parser, so
/// what is stored is what a browser would open).
pub fn parse_url(field: &str, input: &str) -> Result<String, UserError> {
    let text = Text::parse(field, input, URL_MAX)?;
    let s = text.as_str();
    let good = !s.contains(char::is_whitespace)
        && url::Url::parse(s).is_ok_and(|u| {
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| {
                    let h = h.trim_end_matches('.');
                    h.contains('.') || h == "localhost" || h.starts_with('[')
                })
        });
    if good {
        Ok(s.to_string())
    } else {
        Err(UserError::from(msg!("url-not-a-link", field = field)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(
            Text::parse("city", "  Nanjing ", 10).unwrap().as_str(),
            "Nanjing"
        );
        assert!(Text::parse("city", "   ", 10).is_err());
        assert!(Text::parse("city", "a\u{7}b", 10).is_err());
        let err = Text::parse("city", &"x".repeat(11), 10).unwrap_err();
        assert!(err.to_string().contains("at most 10"), "{err}");
        let err = Text::parse("name", "Oh\nSe-hoon", NAME_MAX).unwrap_err();
        assert!(err.to_string().contains("one line"), "{err}");
        assert!(Text::parse("purpose", "line one\nline two", LONG_MAX).is_ok());
    }

    #[test]
    fn urls_must_be_web_links() {
        assert!(parse_url("source", "https://example.org/a").is_ok());
        for bad in [
            "example.org",
            "ftp://x.org",
            "https://",
            "https://a b.org",
            "javascript:alert(1)",
        ] {
            assert!(parse_url("source", bad).is_err(), "{bad}");
        }
    }
}
