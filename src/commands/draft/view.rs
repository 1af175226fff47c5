//! The draft as a reply (the embed in Discord, the same layout in the console) and what
//! Confirm wrote, in the reader's language; the data stays as intake made it.

use serde_json::json;

use crate::domain::{Currency, Money};
use crate::error::Message;
use crate::i18n::{Lang, format, reader, say};
use crate::intake::{Draft, apply};
use crate::msg;
use crate::reply::Reply;
use crate::t;

fn quote(s: Option<&String>) -> String {
    match s {
        Some(s) => {
            let cut: String = s.chars().take(110).collect();
            format!(
                "\n> {}{}",
                cut,
                if s.chars().count() > 110 { "…" } else { "" }
            )
        }
        None => String::new(),
    }
}

/// Names as the reader lists them (`a, b`, `a、b`).
fn listed(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .map(Message::verbatim)
        .reduce(|first, second| msg!("list-comma", first = first, second = second))
        .map(|m| say(&m))
        .unwrap_or_default()
}

/// An amount as drafted (digits and a currency code), as the reader writes money; English
/// keeps the digits the report gave.
fn amount(digits: &str, currency: &str) -> String {
    let money = (reader() != Lang::En)
        .then(|| Money::parse(digits, Some(Currency::parse(currency).ok()?)).ok())
        .flatten();
    match money {
        Some(m) => format::money(&m),
        None => format!("{digits} {currency}"),
    }
}

/// The draft as a reply: one field per visit, then meetings, forums, outcomes, new
/// officials and what was removed, each with a short quote of its evidence.
pub fn render(d: &Draft) -> Reply {
    let data = serde_json::to_value(d).unwrap_or_default();
    let Some(first) = d.visits.first() else {
        let reason = d
            .not_a_visit
            .clone()
            .unwrap_or_else(|| msg!("draft-no-visit-to-record"));
        return Reply::new(t!("draft-not-a-visit-title"))
            .text(say(&reason))
            .data(data);
    };
    let mut reply = Reply::new(t!(
        "draft-title",
        provinces = format::place(&first.provinces.join(", ")),
        start = first
            .start
            .clone()
            .unwrap_or_else(|| t!("draft-date-unknown"))
    ))
    .text(t!("draft-check-text"));
    for (i, v) in d.visits.iter().enumerate() {
        let dup = d
            .duplicates
            .iter()
            .find(|x| x.visit == i)
            .map(|x| format!("\n{}", t!("draft-on-record", id = x.id)))
            .unwrap_or_default();
        let places = if v.places.is_empty() {
            "—".to_string()
        } else {
            format::place(&v.places.join(", "))
        };
        let mut value = format!(
            "{} · {}{} · {}\n{} → {} · {}{}{}",
            format::place(&v.provinces.join(", ")),
            v.level
                .as_deref()
                .map(format::choice)
                .unwrap_or_else(|| t!("draft-level-unknown")),
            v.city
                .as_deref()
                .map(|c| format!(" · {}", format::place(c)))
                .unwrap_or_default(),
            t!(
                "led-by",
                name = v
                    .leader
                    .as_deref()
                    .map(format::person)
                    .unwrap_or_else(|| "—".into())
            ),
            v.start.as_deref().unwrap_or("?"),
            v.end.as_deref().unwrap_or("?"),
            t!("draft-places", places = places),
            v.size
                .map(|s| format!(" · {}", t!("draft-size", n = s)))
                .unwrap_or_default(),
            dup
        );
        value.push_str(&quote(v.evidence.get("start").or(v.evidence.get("leader"))));
        reply = reply.field(t!("draft-visit-field", n = i + 1), value);
    }
    let list = |lines: Vec<String>| lines.join("\n");
    if !d.meetings.is_empty() {
        reply = reply.field(
            t!("field-meetings"),
            list(
                d.meetings
                    .iter()
                    .map(|m| {
                        format!(
                            "{} · {}{}{}",
                            m.date.clone().unwrap_or_else(|| t!("draft-no-date")),
                            listed(m.officials.iter().map(|n| format::person(n))),
                            m.place
                                .as_deref()
                                .map(|p| format!(" · {}", format::place(p)))
                                .unwrap_or_default(),
                            quote(m.evidence.get("officials"))
                        )
                    })
                    .collect(),
            ),
        );
    }
    if !d.forums.is_empty() {
        reply = reply.field(
            t!("field-forums"),
            list(
                d.forums
                    .iter()
                    .map(|f| {
                        format!(
                            "{}{} · {}{}",
                            f.name,
                            f.edition
                                .as_deref()
                                .map(|e| format!(" ({e})"))
                                .unwrap_or_default(),
                            f.start.clone().unwrap_or_else(|| t!("draft-no-date")),
                            f.place
                                .as_deref()
                                .map(|p| format!(" · {}", format::place(p)))
                                .unwrap_or_default()
                        )
                    })
                    .collect(),
            ),
        );
    }
    if !d.outcomes.is_empty() {
        reply = reply.field(
            t!("draft-outcomes-field"),
            list(
                d.outcomes
                    .iter()
                    .map(|o| {
                        format!(
                            "{}: {}{}",
                            format::choice(&o.kind),
                            o.title.chars().take(120).collect::<String>(),
                            match (&o.amount, &o.currency) {
                                (Some(a), Some(c)) => format!(" · {}", amount(a, c)),
                                _ => String::new(),
                            }
                        )
                    })
                    .collect(),
            ),
        );
    }
    if !d.new_officials.is_empty() {
        reply = reply.field(
            t!("draft-new-officials-field"),
            list(
                d.new_officials
                    .iter()
                    .map(|o| {
                        format!(
                            "{}{} · {} · {}",
                            o.name,
                            o.local_name
                                .as_deref()
                                .map(|l| format!(" ({l})"))
                                .unwrap_or_default(),
                            format::choice(&o.country),
                            o.title.clone().unwrap_or_else(|| t!("draft-no-title"))
                        )
                    })
                    .collect(),
            ),
        );
    }
    if !d.notes.is_empty() {
        reply = reply.field(
            t!("draft-check-field"),
            list(d.notes.iter().map(say).collect()),
        );
    }
    if !d.removed.is_empty() {
        reply = reply.footer(t!(
            "draft-removed",
            n = d.removed.len(),
            example = d.removed[0].chars().take(60).collect::<String>()
        ));
    }
    reply.data(data)
}

pub(super) fn recorded(a: &apply::Applied) -> Reply {
    let numbers = |ids: &[i64]| {
        ids.iter()
            .map(|i| format!("#{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let parts = [
        ("draft-recorded-visits", &a.visits),
        ("draft-recorded-sources", &a.sources_added_to),
        ("draft-recorded-meetings", &a.meetings),
        ("draft-recorded-forums", &a.forums),
        ("draft-recorded-outcomes", &a.outcomes),
        ("draft-recorded-officials", &a.officials),
    ]
    .into_iter()
    .filter(|(_, ids)| !ids.is_empty())
    .map(|(id, ids)| Message {
        id,
        args: vec![("ids", numbers(ids).into())],
    })
    .reduce(|first, second| msg!("list-semicolon", first = first, second = second))
    .unwrap_or_else(|| msg!("draft-recorded-nothing"));
    // One sentence after another, as the reader's language sets them apart.
    let text = std::iter::once(msg!("draft-recorded", parts = parts))
        .chain(a.skipped.iter().cloned())
        .chain(std::iter::once(msg!("draft-undo-all")))
        .reduce(|first, second| msg!("draft-sentences", first = first, second = second))
        .map(|m| say(&m))
        .unwrap_or_default();
    Reply::new(t!("draft-recorded-title"))
        .text(text)
        .data(serde_json::to_value(a).unwrap_or(json!({})))
}
