//! The draft as a reply (the embed in Discord, the same layout in the console) and what
//! Confirm wrote.

use serde_json::json;

use crate::intake::{Draft, apply};
use crate::reply::Reply;

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

/// The draft as a reply: one field per visit, then meetings, forums, outcomes, new
/// officials and what was removed, each with a short quote of its evidence.
pub fn render(d: &Draft) -> Reply {
    let data = serde_json::to_value(d).unwrap_or_default();
    let Some(first) = d.visits.first() else {
        let reason = d
            .not_a_visit
            .clone()
            .unwrap_or_else(|| "The report gives no visit to record.".into());
        return Reply::new("Not a visit").text(reason).data(data);
    };
    let mut reply = Reply::new(format!(
        "Draft: {} visit, {}",
        first.provinces.join(", "),
        first.start.as_deref().unwrap_or("date unknown")
    ))
    .text(
        "Check each field against its quote. Confirm writes everything as one change (/data undo takes it back); nothing is written before.",
    );
    for (i, v) in d.visits.iter().enumerate() {
        let dup = d
            .duplicates
            .iter()
            .find(|x| x.visit == i)
            .map(|x| {
                format!(
                    "\nAlready on record as #{}: Confirm adds the report to it as a source.",
                    x.id
                )
            })
            .unwrap_or_default();
        let mut value = format!(
            "{} · {}{} · led by {}\n{} → {} · places: {}{}{}",
            v.provinces.join(", "),
            v.level.as_deref().unwrap_or("level unknown"),
            v.city
                .as_deref()
                .map(|c| format!(" · {c}"))
                .unwrap_or_default(),
            v.leader.as_deref().unwrap_or("—"),
            v.start.as_deref().unwrap_or("?"),
            v.end.as_deref().unwrap_or("?"),
            if v.places.is_empty() {
                "—".into()
            } else {
                v.places.join(", ")
            },
            v.size.map(|s| format!(" · {s} people")).unwrap_or_default(),
            dup
        );
        value.push_str(&quote(v.evidence.get("start").or(v.evidence.get("leader"))));
        reply = reply.field(format!("Visit {}", i + 1), value);
    }
    let list = |lines: Vec<String>| lines.join("\n");
    if !d.meetings.is_empty() {
        reply = reply.field(
            "Meetings",
            list(
                d.meetings
                    .iter()
                    .map(|m| {
                        format!(
                            "{} · {}{}{}",
                            m.date.as_deref().unwrap_or("no date"),
                            m.officials.join(", "),
                            m.place
                                .as_deref()
                                .map(|p| format!(" · {p}"))
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
            "Forums",
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
                            f.start.as_deref().unwrap_or("no date"),
                            f.place
                                .as_deref()
                                .map(|p| format!(" · {p}"))
                                .unwrap_or_default()
                        )
                    })
                    .collect(),
            ),
        );
    }
    if !d.outcomes.is_empty() {
        reply = reply.field(
            "Outcomes (recorded as signed, linked to the visit)",
            list(
                d.outcomes
                    .iter()
                    .map(|o| {
                        format!(
                            "{}: {}{}",
                            o.kind,
                            o.title.chars().take(120).collect::<String>(),
                            match (&o.amount, &o.currency) {
                                (Some(a), Some(c)) => format!(" · {a} {c}"),
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
            "New officials (added on Confirm)",
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
                            o.country,
                            o.title.as_deref().unwrap_or("no title")
                        )
                    })
                    .collect(),
            ),
        );
    }
    if !d.notes.is_empty() {
        reply = reply.field("Check", list(d.notes.clone()));
    }
    if !d.removed.is_empty() {
        reply = reply.footer(format!(
            "Removed {} lines of junk (spam, boilerplate, captions), e.g. {}",
            d.removed.len(),
            d.removed[0].chars().take(60).collect::<String>()
        ));
    }
    reply.data(data)
}

pub(super) fn recorded(a: &apply::Applied) -> Reply {
    let ids = |what: &str, ids: &[i64]| {
        (!ids.is_empty()).then(|| {
            format!(
                "{what} {}",
                ids.iter()
                    .map(|i| format!("#{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
    };
    let mut parts: Vec<String> = [
        ids("visits", &a.visits),
        ids("report added as a source to visits", &a.sources_added_to),
        ids("meetings", &a.meetings),
        ids("forums", &a.forums),
        ids("outcomes", &a.outcomes),
        ids("new officials", &a.officials),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        parts.push("nothing new".into());
    }
    let mut text = format!("Recorded: {}.", parts.join("; "));
    for s in &a.skipped {
        text.push(' ');
        text.push_str(s);
    }
    text.push_str(" /data undo takes it all back.");
    Reply::new("Draft recorded")
        .text(text)
        .data(serde_json::to_value(a).unwrap_or(json!({})))
}
