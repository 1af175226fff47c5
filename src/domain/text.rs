//! Free text typed by users: trimmed, bounded, and free of control characters.

use crate::error::UserError;

/// Documented limits (README "Limits"). Discord's own caps are larger than these
/// everywhere a value is shown, so a stored value always fits a reply.
pub const NAME_MAX: usize = 100;
pub const SHORT_MAX: usize = 200;
pub const LONG_MAX: usize = 1000;
pub const URL_MAX: usize = 500;
pub const SEARCH_MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text(String);

impl Text {
    /// `field` names the option in the error message.
    pub fn parse(field: &str, input: &str, max: usize) -> Result<Text, UserError> {
        let value = input.trim();
        if value.is_empty() {
            return Err(UserError::new(format!(
                "`{field}` is empty; type some text or leave the option out."
            )));
        }
        if let Some(c) = value.chars().find(|c| c.is_control() && *c != '\n') {
            return Err(UserError::new(format!(
                "`{field}` contains a control character (U+{:04X}); remove it and try again.",
                c as u32
            )));
        }
        super::spam::check(field, value)?;
        let len = value.chars().count();
        if len > max {
            return Err(UserError::new(format!(
                "`{field}` is {len} characters long; shorten it to at most {max}."
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

/// A source link: http or https, no spaces.
pub fn parse_url(field: &str, input: &str) -> Result<String, UserError> {
    let text = Text::parse(field, input, URL_MAX)?;
    let s = text.as_str();
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty()
                && !s.contains(char::is_whitespace)
                && host
                    .split('/')
                    .next()
                    .is_some_and(|h| h.contains('.') || h.starts_with("localhost")) =>
        {
            Ok(s.to_string())
        }
        _ => Err(UserError::new(format!(
            "`{field}` must be a web link starting with http:// or https://, e.g. https://example.org/news/1."
        ))),
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
        assert!(err.0.contains("at most 10"), "{err}");
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
