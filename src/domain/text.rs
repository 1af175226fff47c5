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
    /// `field` names the option in the error message. Text of up to `SHORT_MAX` characters
    /// (names, places, titles) is one line of printable text; longer text (a purpose, a
    /// summary) may hold line breaks.
    pub fn parse(field: &str, input: &str, max: usize) -> Result<Text, UserError> {
        let value = input.trim();
        if value.is_empty() {
            return Err(UserError::new(format!(
                "`{field}` is empty; type some text or leave the option out."
            )));
        }
        if max <= SHORT_MAX && value.contains(['\n', '\r']) {
            return Err(UserError::new(format!(
                "`{field}` is one line of text; remove the line break."
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
        Err(UserError::new(format!(
            "`{field}` must be a web link starting with http:// or https://, e.g. https://example.org/news/1."
        )))
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
        let err = Text::parse("name", "Oh\nSe-hoon", NAME_MAX).unwrap_err();
        assert!(err.0.contains("one line"), "{err}");
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
