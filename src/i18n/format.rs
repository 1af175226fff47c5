//! Values a person reads that are not sentences: times in the configured zone, the names of
//! catalog choices (levels, kinds, statuses), counts of records.

use chrono::{DateTime, Utc};

use super::{Lang, reader, render};
use crate::domain::amount::thousands;
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
    let id = choice_key(value);
    super::text_of(lang, &id)
        .or_else(|| super::text_of(Lang::En, &id))
        .unwrap_or_else(|| value.to_string())
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

/// A place's Korean and Chinese names, and what kind of place it is (`city`, `province`,
/// `region`, `sar`, `korea`: store::region::names_in_languages).
type PlaceNames = std::collections::HashMap<String, (Option<String>, Option<String>, String)>;

/// Places' names in Korean and Chinese by their English name, once read from the database
/// (`commands::App` fills it before its first answer): regions (a Chinese city only where
/// no region has its name), and Chinese cities apart, for a delegation's city.
static PLACES: std::sync::RwLock<Option<PlaceNames>> = std::sync::RwLock::new(None);
static CITIES: std::sync::RwLock<Option<PlaceNames>> = std::sync::RwLock::new(None);

pub fn places_known() -> bool {
    PLACES.read().map(|p| p.is_some()).unwrap_or(false)
}

pub fn know_places(rows: Vec<(String, Option<String>, Option<String>, String)>) {
    let mut places = PlaceNames::new();
    let mut cities = PlaceNames::new();
    for (en, ko, zh, level) in rows {
        if level == "china-city" {
            let city = (ko, zh, "city".to_string());
            places.entry(en.clone()).or_insert_with(|| city.clone());
            cities.insert(en, city);
        } else {
            places.insert(en, (ko, zh, level));
        }
    }
    if let (Ok(mut p), Ok(mut c)) = (PLACES.write(), CITIES.write()) {
        *p = Some(places);
        *c = Some(cities);
    }
}

/// A Chinese delegation's city in the reader's language (`Jinan` → `지난`, `济南`, not
/// the Korean county of that English name); a name no Chinese city has, as `place`.
pub fn city(name: &str) -> String {
    let lang = reader();
    let said = CITIES.read().ok().and_then(|c| {
        let (ko, zh, _) = c.as_ref()?.get(name)?;
        lang.name_of(ko, zh)
    });
    said.unwrap_or_else(|| place(name))
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
        let said = names.get(n).and_then(|(ko, zh, _)| lang.name_of(ko, zh));
        said.unwrap_or_else(|| n.to_string())
    };
    let separator = if lang == Lang::Zh { "、" } else { ", " };
    name.split(", ")
        .map(one)
        .collect::<Vec<_>>()
        .join(separator)
}

/// An official's title in the reader's language when it is one of the common forms of a
/// local leader's office and a known place ("Governor of Jiangsu Province" → `장쑤성 성장`,
/// `江苏省省长`; "Mayor of Seoul" → `서울시장`, `首尔市长`); any other title as typed.
pub fn title(title: &str) -> String {
    let lang = reader();
    if lang == Lang::En {
        return title.to_string();
    }
    if let Some(id) = national_office(title) {
        return render(lang, &crate::error::Message { id, args: vec![] });
    }
    let Some((office, place)) = office_and_place(title) else {
        return title.to_string();
    };
    let Ok(guard) = PLACES.read() else {
        return title.to_string();
    };
    let Some((Some(ko), Some(zh), level)) = guard.as_ref().and_then(|names| names.get(place))
    else {
        return title.to_string();
    };
    // The kind of place decides the office's word: 省长, 市长, 主席 (an autonomous region),
    // 知事 (a Korean province).
    let said = match lang {
        Lang::Ko => ko.clone(),
        // 威海 → 威海市 (委书记, 长): cities are named without their 市.
        _ if level == "city" && !zh.ends_with('市') => format!("{zh}市"),
        _ => zh.clone(),
    };
    let m = crate::error::Message {
        id: office,
        args: vec![
            ("place", crate::error::Arg::from(said.as_str())),
            ("level", crate::error::Arg::from(level.as_str())),
        ],
    };
    render(lang, &m)
}

/// The message of a Korean national office with one holder, named without a place.
fn national_office(title: &str) -> Option<&'static str> {
    match title.trim().to_lowercase().as_str() {
        "prime minister" | "prime minister of korea" | "korean prime minister" => {
            Some("title-prime-minister")
        }
        "president" | "president of korea" | "korean president" => Some("title-president"),
        _ => None,
    }
}

/// The office and the place (its English name) of a title such as "Vice Governor of
/// Shandong Province", "Seoul Mayor" or "Communist Party secretary of Liaoning".
fn office_and_place(title: &str) -> Option<(&'static str, &str)> {
    const OFFICES: [(&str, &str); 6] = [
        ("deputy party secretary", "title-deputy-party-secretary"),
        ("party secretary", "title-party-secretary"),
        ("vice governor", "title-vice-governor"),
        ("governor", "title-governor"),
        ("vice mayor", "title-vice-mayor"),
        ("mayor", "title-mayor"),
    ];
    let t = title.trim();
    if !t.is_ascii() {
        return None;
    }
    let lower = t.to_lowercase();
    let lower = lower.strip_prefix("communist ").unwrap_or(&lower);
    let skip = t.len() - lower.len();
    for (words, id) in OFFICES {
        // "Governor of X", or "X Governor".
        let place = if let Some(rest) = lower.strip_prefix(words) {
            let rest = rest.strip_prefix(" of ")?;
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            &t[t.len() - rest.len()..]
        } else if let Some(before) = lower.strip_suffix(words) {
            let before = before.strip_suffix(' ')?;
            &t[skip..skip + before.len()]
        } else {
            continue;
        };
        let place = [" Province", " City", " Municipality", " Metropolitan City"]
            .iter()
            .fold(place.trim(), |p, s| p.strip_suffix(s).unwrap_or(p));
        return (!place.is_empty()).then_some((id, place));
    }
    None
}

/// What /data audit says a change did (its stored summary, in English) with its first words
/// in the reader's language: `방문 수정 #3`, `撤销：编辑访问 #3`. The rest (names, numbers, a
/// file's name) stays as stored; a summary of another shape is shown as it is.
pub fn summary(stored: &str) -> String {
    let lang = reader();
    if lang == Lang::En {
        return stored.to_string();
    }
    said_summary(lang, stored).unwrap_or_else(|| stored.to_string())
}

fn said_summary(lang: Lang, s: &str) -> Option<String> {
    use crate::error::Arg;
    // Longest first: `remove alias` before `alias`, `digest off` before `digest`.
    const WORDS: [(&str, &str); 14] = [
        ("draft from a report:", "said-draft"),
        ("remove alias ", "said-unalias"),
        ("alias ", "said-alias"),
        ("merge ", "said-merge"),
        ("add post ", "said-add-post"),
        ("remove post ", "said-remove-post"),
        ("remove watch ", "said-remove-watch"),
        ("watch ", "said-watch"),
        ("digest off", "said-digest-off"),
        ("digest ", "said-digest"),
        ("team language ", "said-team-language"),
        ("import ", "said-import"),
        ("link visit ", "said-link"),
        ("undo:", "said-undo"),
    ];
    let said = |id: &'static str, args: Vec<(&'static str, Arg)>| {
        render(lang, &crate::error::Message { id, args })
    };
    if let Some(rest) = s.strip_prefix("undo:") {
        let rest = rest.trim_start();
        let inner = said_summary(lang, rest).unwrap_or_else(|| rest.to_string());
        return Some(format!("{} {inner}", said("said-undo", vec![])));
    }
    if let Some(n) = s
        .strip_prefix("generated readings of ")
        .and_then(|r| r.strip_suffix(" officials"))
    {
        return Some(said("said-readings", vec![("n", Arg::from(n))]));
    }
    for (words, id) in WORDS {
        if let Some(rest) = s.strip_prefix(words) {
            return Some(
                format!("{} {}", said(id, vec![]), rest.trim_start())
                    .trim()
                    .to_string(),
            );
        }
    }
    for (verb, id) in [
        ("add ", "said-add"),
        ("edit ", "said-edit"),
        ("delete ", "said-delete"),
    ] {
        let Some(rest) = s.strip_prefix(verb) else {
            continue;
        };
        let (kind, rest) = rest.split_once(' ').unwrap_or((rest, ""));
        crate::domain::Entity::parse(kind)?;
        let kind = kind_named(kind);
        return Some(
            format!("{} {rest}", said(id, vec![("kind", Arg::from(kind))]))
                .trim()
                .to_string(),
        );
    }
    None
}

/// `place` of each name.
pub fn places(names: &[String]) -> Vec<String> {
    names.iter().map(|n| place(n)).collect()
}

/// A person on record (by their English name) as the reader names them: `신창싱(信长星)`,
/// `信长星`, `Xin Changxing`. A name the reader has no other spelling of is shown as it is.
pub fn person(name: &str) -> String {
    super::person_said(name).unwrap_or_else(|| name.to_string())
}

/// An error whose suggestions name people or places, with each named as the reader names
/// them (`혹시 `오세훈`인가요?`, `하이난성`), while the reader's names are at hand (the error
/// is said later, by the adapter).
pub fn names_in_error(e: crate::error::Error) -> crate::error::Error {
    use crate::error::{Error, Refusal};
    match e {
        Error::Refused(Refusal::UnknownOfficial { typed, near }) => {
            Error::Refused(Refusal::UnknownOfficial {
                typed,
                near: near.iter().map(|n| person(n)).collect(),
            })
        }
        Error::Refused(Refusal::UnknownPlace { typed, china, near }) => {
            Error::Refused(Refusal::UnknownPlace {
                typed,
                china,
                near: near.iter().map(|n| place(n)).collect(),
            })
        }
        other => other,
    }
}

/// `person` of each name of a list joined by `, ` or `; ` (`Oh Young-hun, Xin Changxing`).
pub fn people(list: &str) -> String {
    if reader() == Lang::En {
        return list.to_string();
    }
    let separator = if list.contains("; ") { "; " } else { ", " };
    list.split(separator)
        .map(person)
        .collect::<Vec<_>>()
        .join(separator)
}

/// A record kind's name (`visit`) as a sentence says it ("visit", "방문").
pub fn kind_named(kind: &str) -> String {
    render(reader(), &super::errors::kind(kind))
}

/// The catalog choice a person typed in their own words: a choice's name in any language
/// (`매월`, `每月`, `방문`) or one of its other names there (`choice-<value>-also`: `월간`).
pub fn choice_named(choices: &[&'static str], typed: &str) -> Option<&'static str> {
    let key = crate::domain::normalize(typed);
    if key.is_empty() {
        return None;
    }
    choices.iter().copied().find(|c| {
        let also = format!("{}-also", choice_key(c));
        Lang::ALL.iter().any(|lang| {
            let named = choice_in(*lang, c);
            let others = super::text_of(*lang, &also).unwrap_or_default();
            std::iter::once(named.as_str())
                .chain(others.split([',', '、']))
                .any(|n| crate::domain::normalize(n) == key)
        })
    })
}

/// The message id of a choice's name: `choice-in-progress` for `in progress`.
pub(crate) fn choice_key(value: &str) -> String {
    let key: String = value
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("choice-{key}")
}

/// An amount as the reader writes money: `15억 달러` and `1조 5,000억 원`, `15亿美元` and
/// `1.5万亿韩元`; `about` where approximate. English keeps the exact figure the team records
/// (`USD 1,500,000,000`); small amounts are grouped digits.
pub fn money(m: &crate::domain::amount::Money) -> String {
    use crate::domain::amount::Currency;
    let units = m.amount.units();
    let lang = reader();
    let number = match lang {
        Lang::En => return m.to_string(),
        Lang::Ko => korean_scale(units).unwrap_or_else(|| m.amount.grouped()),
        Lang::Zh => chinese_scale(units).unwrap_or_else(|| m.amount.grouped()),
    };
    let id = match m.currency {
        Currency::Krw => "money-krw",
        Currency::Usd => "money-usd",
        Currency::Cny => "money-cny",
        Currency::Eur => "money-eur",
        Currency::Jpy => "money-jpy",
    };
    let said = render(
        lang,
        &crate::error::Message {
            id,
            args: vec![("n", crate::error::Arg::Text(number))],
        },
    );
    if m.about {
        render(lang, &msg!("money-about", amount = said))
    } else {
        said
    }
}

/// `1조 5,000억`, `15억`, `3,000만`: Korean's units of ten thousand, each group's digits
/// grouped by thousands. Below ten thousand, none.
fn korean_scale(units: i128) -> Option<String> {
    if units < 10_000 {
        return None;
    }
    let mut parts = Vec::new();
    let mut rest = units;
    for (scale, word) in [
        (1_000_000_000_000i128, "조"),
        (100_000_000, "억"),
        (10_000, "만"),
    ] {
        let n = rest / scale;
        rest %= scale;
        if n > 0 {
            parts.push(format!("{}{word}", thousands(n)));
        }
    }
    if rest > 0 {
        parts.push(thousands(rest));
    }
    Some(parts.join(" "))
}

/// `15亿`, `1.5万亿`, `3000万`: Chinese's units of ten thousand, with up to two decimals.
fn chinese_scale(units: i128) -> Option<String> {
    let (scale, word) = [
        (1_000_000_000_000i128, "万亿"),
        (100_000_000, "亿"),
        (10_000, "万"),
    ]
    .into_iter()
    .find(|(s, _)| units >= *s)?;
    Some(format!("{}{word}", decimal(units, scale)))
}

/// `units / scale` with at most two decimals, trailing zeros dropped.
fn decimal(units: i128, scale: i128) -> String {
    let hundredths = (units * 100 + scale / 2) / scale;
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        p if p % 10 == 0 => format!("{whole}.{}", p / 10),
        p => format!("{whole}.{p:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_as_each_language_writes_money() {
        assert_eq!(korean_scale(1_500_000_000_000).unwrap(), "1조 5,000억");
        assert_eq!(korean_scale(1_500_000_000).unwrap(), "15억");
        assert_eq!(korean_scale(30_000_000).unwrap(), "3,000만");
        assert_eq!(chinese_scale(1_500_000_000).unwrap(), "15亿");
        assert_eq!(chinese_scale(1_500_000_000_000).unwrap(), "1.5万亿");
    }
}
