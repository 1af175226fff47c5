//! What a change did to a record, field by field, read from the audit log's snapshots: for
//! `/data audit`, a refused stale edit, and the watches' messages. Pure: it reads the JSON
//! snapshots only, whatever kind of record they are of.

use serde_json::Value as Json;

use crate::domain::Money;

/// The key that holds the precision of a stored date's key (`start_date` → `start_precision`).
fn date_precision_key(key: &str) -> Option<&'static str> {
    Some(match key {
        "date" => "date_precision",
        "start_date" => "start_precision",
        "end_date" => "end_precision",
        "from_date" => "from_precision",
        "to_date" => "to_precision",
        _ => return None,
    })
}

/// "field: old → new" for each field that changed; bookkeeping fields are left out.
pub fn diff(before: Option<&Json>, after: Option<&Json>) -> Vec<String> {
    const QUIET: [&str; 4] = ["version", "updated_at", "created_at", "id"];
    let (Some(Json::Object(b)), Some(Json::Object(a))) = (before, after) else {
        return vec![if before.is_none() {
            "created".into()
        } else {
            "removed".into()
        }];
    };
    let show = |v: Option<&Json>| match v {
        None | Some(Json::Null) => "—".to_string(),
        Some(Json::String(s)) => s.chars().take(60).collect(),
        Some(other) => other.to_string().chars().take(60).collect(),
    };
    // A date is shown at its precision (`2024-06` for a month), with its precision key.
    let dated = |o: &serde_json::Map<String, Json>, key: &str| -> Option<String> {
        let precision = date_precision_key(key)?;
        let date = o.get(key)?.as_str()?;
        let p = o.get(precision).and_then(Json::as_str).unwrap_or("day");
        Some(
            crate::domain::FlexDate::from_stored(date, p)
                .map_or(date.to_string(), |d| d.to_string()),
        )
    };
    let mut out = Vec::new();
    for (key, new) in a {
        if QUIET.contains(&key.as_str())
            || key.ends_with("_precision")
            || key.ends_with("_shown")
            || key == "span_end"
        {
            continue;
        }
        if date_precision_key(key).is_some() {
            let (was, now) = (dated(b, key), dated(a, key));
            if was != now {
                let show = |d: Option<String>| d.unwrap_or_else(|| "—".into());
                out.push(format!("{key}: {} → {}", show(was), show(now)));
            }
            continue;
        }
        if b.get(key) == Some(new) {
            continue;
        }
        if key == "amount_minor" || key == "amount_about" {
            // Hundredths as stored; shown once as the amount with its currency.
            let money = |o: &serde_json::Map<String, Json>| {
                o.get("amount_minor")
                    .and_then(Json::as_i64)
                    .zip(o.get("currency").and_then(Json::as_str))
                    .and_then(|(minor, currency)| {
                        Money::from_stored(
                            minor,
                            currency,
                            o.get("amount_about").and_then(Json::as_i64).unwrap_or(0) != 0,
                        )
                    })
                    .map_or("—".to_string(), |m| m.to_string())
            };
            let line = format!("amount: {} → {}", money(b), money(a));
            if !out.contains(&line) {
                out.push(line);
            }
            continue;
        }
        if key == "deleted_at" {
            out.push(if new.is_null() {
                "restored".into()
            } else {
                "deleted".into()
            });
        } else {
            out.push(format!("{key}: {} → {}", show(b.get(key)), show(Some(new))));
        }
    }
    out
}
