//! Junk that news copied off the web carries: gambling spam and links to blocked hosts.
//! Text holding either is refused with the offending part named.

use std::sync::RwLock;

use crate::domain::normalize;
use crate::error::UserError;
use crate::msg;

/// Phrases of gambling spam, compared on normalized text (case, spaces and punctuation
/// ignored). Plain "casino" is not among them: Jeju's casino resorts are real news.
const GAMBLING: [&str; 14] = [
    "online casino",
    "온라인카지노",
    "카지노사이트",
    "casino site",
    "바카라사이트",
    "baccarat site",
    "토토사이트",
    "toto site",
    "sports toto",
    "먹튀검증",
    "슬롯사이트",
    "slot site",
    "casino bonus",
    "카지노쿠폰",
];

static BLOCKED_HOSTS: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Hosts whose links are refused (configuration: BLOCKED_LINK_HOSTS). Empty by default.
pub fn set_blocked_hosts(hosts: Vec<String>) {
    let hosts = hosts
        .into_iter()
        .map(|h| h.trim().trim_start_matches("*.").to_lowercase())
        .filter(|h| !h.is_empty())
        .collect();
    *BLOCKED_HOSTS.write().expect("not poisoned") = hosts;
}

/// The phrases as compared: normalized once.
static PHRASES: std::sync::LazyLock<Vec<(String, &str)>> =
    std::sync::LazyLock::new(|| GAMBLING.iter().map(|p| (normalize(p), *p)).collect());

/// Refuses gambling spam (compared after NFKC, so full-width `ＯＮＬＩＮＥ ＣＡＳＩＮＯ` counts)
/// and links to blocked hosts.
pub fn check(field: &str, text: &str) -> Result<(), UserError> {
    let key = normalize(text);
    if let Some((_, phrase)) = PHRASES.iter().find(|(p, _)| key.contains(p.as_str())) {
        return Err(UserError::from(msg!(
            "spam-gambling",
            field = field,
            phrase = *phrase
        )));
    }
    let blocked = BLOCKED_HOSTS.read().expect("not poisoned");
    if blocked.is_empty() {
        return Ok(());
    }
    for host in hosts_in(text) {
        if blocked
            .iter()
            .any(|b| host == *b || host.ends_with(&format!(".{b}")))
        {
            return Err(UserError::from(msg!(
                "spam-blocked-host",
                field = field,
                host = host
            )));
        }
    }
    Ok(())
}

/// The host of every http(s) link in a text, as a URL parser reads it (so user info such
/// as `good.com@` before the host, percent-escapes and a trailing dot do not hide it),
/// lowercase and without the trailing dot.
fn hosts_in(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    for (i, _) in lower.match_indices("http") {
        let link: String = text[i..]
            .chars()
            .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '<' | '>' | '`'))
            .collect();
        let Ok(url) = url::Url::parse(&link) else {
            continue;
        };
        if !matches!(url.scheme(), "http" | "https") {
            continue;
        }
        if let Some(host) = url.host_str() {
            let host = host.trim_end_matches('.').to_lowercase();
            if !host.is_empty() {
                out.push(host);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gambling_spam_is_named() {
        let err = check("purpose", "Investment talks 온라인 카지노 추천").unwrap_err();
        assert!(err.to_string().contains("온라인카지노"), "{err}");
        assert!(check("purpose", "Best ONLINE-Casino bonus!").is_err());
        assert!(check("purpose", "Talks on Jeju's casino resorts and tourism").is_ok());
        assert!(
            check("purpose", "ＯＮＬＩＮＥ ＣＡＳＩＮＯ").is_err(),
            "full-width"
        );
    }

    #[test]
    fn blocked_hosts_only_when_configured() {
        assert!(
            hosts_in("see https://Spam.example.com/x and http://ok.org")
                .contains(&"spam.example.com".to_string())
        );
        set_blocked_hosts(vec!["example.com".into()]);
        let blocked = check("source", "https://spam.example.com/x");
        let fine = check("source", "https://news.example.org/x");
        set_blocked_hosts(vec!["evil.example".into()]);
        let disguised = [
            check("source", "https://good.com@evil.example/"),
            check("source", "https://evil.example./x"),
            check("source", "see https://EVIL.example:8443/a"),
        ];
        let harmless = check("source", "https://evil.example%2F@good.com/");
        set_blocked_hosts(vec![]);
        assert!(
            blocked
                .unwrap_err()
                .to_string()
                .contains("spam.example.com")
        );
        assert!(fine.is_ok());
        for d in disguised {
            assert!(d.unwrap_err().to_string().contains("evil.example"));
        }
        assert!(harmless.is_ok(), "the host is good.com");
        assert!(
            check("source", "https://spam.example.com/x").is_ok(),
            "empty list blocks nothing"
        );
    }
}
