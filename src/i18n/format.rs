//! Values a person reads that are not sentences: times in the configured zone, the names of
//! catalog choices (levels, kinds, statuses), counts of records.

use chrono::{DateTime, Utc};

use super::{Lang, reader, render};
use crate::error::Message;
use crate::msg;

/// A stored UTC time (RFC 3339) as a person reads it: in DIGEST_TIMEZONE (Asia/Seoul by
/// default), with its offset, never a bare `Z`. Text that is no time is shown as it is.
pub fn time(at: &str) -> String {
    let Ok(utc) = DateTime::parse_from_rfc3339(at).map(|t| t.with_timezone(&Utc)) else {
        return at.to_string();
    };
    let zone = crate::domain::schedule::timezone().unwrap_or(chrono_tz::Asia::Seoul);
    utc.with_timezone(&zone)
        .format("%Y-%m-%d %H:%M (UTC%:z)")
        .to_string()
}

/// A catalog choice (`provincial`, `MOU`, `in progress`) in the reader's language: the
/// message `choice-<value>` (lower case, a dash for a space), else the value itself.
pub fn choice(value: &str) -> String {
    choice_in(reader(), value)
}

pub fn choice_in(lang: Lang, value: &str) -> String {
    let key: String = value
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let id = format!("choice-{key}");
    match super::BUNDLES
        .iter()
        .find(|(l, _)| *l == lang)
        .and_then(|(_, b)| b.get_message(&id).and_then(|m| m.value()).map(|p| (b, p)))
    {
        Some((bundle, pattern)) => {
            let mut errors = Vec::new();
            bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned()
        }
        None if lang != Lang::En => choice_in(Lang::En, value),
        None => value.to_string(),
    }
}

/// "3 visits", "방문 3건", "3次访问": a count of a record kind (`visit`, `meeting`, `forum`,
/// `official`, `outcome`).
pub fn count(kind: &str, n: i64) -> String {
    let m: Message = match kind {
        "visit" => msg!("n-visits", n = n),
        "meeting" => msg!("n-meetings", n = n),
        "forum" => msg!("n-forums", n = n),
        "official" => msg!("n-officials", n = n),
        "outcome" => msg!("n-outcomes", n = n),
        other => return format!("{n} {other}"),
    };
    render(reader(), &m)
}

/// A record kind's name (`visit`) as a label in the reader's language ("Visit", "방문").
pub fn kind_said(kind: &str) -> String {
    let m: Message = match kind {
        "visit" => msg!("label-visit"),
        "meeting" => msg!("label-meeting"),
        "forum" => msg!("label-forum"),
        "official" => msg!("label-official"),
        "outcome" => msg!("label-outcome"),
        other => return other.to_string(),
    };
    render(reader(), &m)
}

/// A period as a person reads it: "all dates", "from 2024-05", "2024-01 to 2024-06".
pub fn range(r: &crate::domain::DateRange) -> String {
    use crate::domain::date::RangeShape;
    let m = match r.shape() {
        RangeShape::All => msg!("range-all"),
        RangeShape::From(from) => msg!("range-from", from = from),
        RangeShape::Until(to) => msg!("range-until", to = to),
        RangeShape::One(one) => return one,
        RangeShape::Between(from, to) => msg!("span", from = from, to = to),
    };
    render(reader(), &m)
}

type PlaceNames = std::collections::HashMap<String, (Option<String>, Option<String>)>;

/// Places' names in Korean and Chinese by their English name, once read from the database
/// (`commands::App` fills it before its first answer).
static PLACES: std::sync::RwLock<Option<PlaceNames>> = std::sync::RwLock::new(None);

pub fn places_known() -> bool {
    PLACES.read().map(|p| p.is_some()).unwrap_or(false)
}

pub fn know_places(rows: Vec<(String, Option<String>, Option<String>)>) {
    let names = rows
        .into_iter()
        .map(|(en, ko, zh)| (en, (ko, zh)))
        .collect();
    if let Ok(mut p) = PLACES.write() {
        *p = Some(names);
    }
}

/// A place (or a list of them, `Hainan, Jiangsu`) named in the reader's language:
/// `하이난성`, `海南省`, `Hainan`. A name with no translation is shown as it is.
pub fn place(name: &str) -> String {
    let lang = reader();
    if lang == Lang::En || name.is_empty() {
        return name.to_string();
    }
    let Ok(guard) = PLACES.read() else {
        return name.to_string();
    };
    let Some(names) = guard.as_ref() else {
        return name.to_string();
    };
    let one = |n: &str| -> String {
        let said = names.get(n).and_then(|(ko, zh)| match lang {
            Lang::Ko => ko.clone(),
            Lang::Zh => zh.clone(),
            Lang::En => None,
        });
        said.unwrap_or_else(|| n.to_string())
    };
    let separator = if lang == Lang::Zh { "、" } else { ", " };
    name.split(", ")
        .map(one)
        .collect::<Vec<_>>()
        .join(separator)
}

/// `place` of each name.
pub fn places(names: &[String]) -> Vec<String> {
    names.iter().map(|n| place(n)).collect()
}
