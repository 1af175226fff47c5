//! The time the bot believes it is: the system clock, or `DELEGATION_BOT_NOW` (an RFC 3339
//! time, for tests and replays) when set. Every "default period" and every schedule reads
//! it here, so a test can fix the day.

use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset, Utc};

pub use crate::configuration::NOW_VAR;

fn fixed() -> Option<DateTime<FixedOffset>> {
    static FIXED: OnceLock<Option<DateTime<FixedOffset>>> = OnceLock::new();
    *FIXED.get_or_init(|| {
        let v = &crate::configuration::settings().now;
        (!v.is_empty()).then(|| {
            DateTime::parse_from_rfc3339(v.trim()).unwrap_or_else(|e| {
                panic!("{NOW_VAR} must be an RFC 3339 time such as 2024-07-01T09:05:00+09:00: {e}")
            })
        })
    })
}

/// Now, in UTC.
pub fn now() -> DateTime<Utc> {
    fixed().map_or_else(Utc::now, |t| t.with_timezone(&Utc))
}

/// Today's calendar date where the clock is read: the fixed time's own offset, else the
/// machine's local time zone.
pub fn today() -> chrono::NaiveDate {
    match fixed() {
        Some(t) => t.date_naive(),
        None => chrono::Local::now().date_naive(),
    }
}
