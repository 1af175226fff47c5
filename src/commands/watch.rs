//! `/watch add|remove`, `/watches`, and the message a watch posts (`notice`): what changed, by
//! whom, and where to see it. Which changes a watch is told of is decided at each commit
//! (store::outbox); `serve` posts them (discord::deliver).

use crate::catalog::arg;
use serde_json::json;

use super::args::{Args, Id};
use super::{Actor, App};
use crate::error::Result;
use crate::reply::Reply;
use crate::request::Request;
use crate::store::outbox::{Change, Count, Item, Notice};
use crate::store::region::{self, Country};
use crate::store::{official, watch};

pub struct AddArgs {
    channel: String,
    province: Option<String>,
    place: Option<String>,
    official: Option<String>,
    /// One of catalog::WATCH_KINDS.
    kind: Option<&'static str>,
}

impl Args for AddArgs {
    fn read(req: &Request) -> Result<Self> {
        let a = AddArgs {
            channel: req.text(arg::CHANNEL).unwrap_or_default().to_string(),
            province: req.text(arg::PROVINCE).map(String::from),
            place: req.text(arg::PLACE).map(String::from),
            official: req.text(arg::OFFICIAL).map(String::from),
            kind: req.choice(arg::KIND),
        };
        if a.province.is_none() && a.place.is_none() && a.official.is_none() && a.kind.is_none() {
            return Err(crate::msg!("watch-what").into());
        }
        Ok(a)
    }
}

pub async fn add(app: &App, actor: &Actor, a: AddArgs) -> Result<Reply> {
    let channel = a.channel.as_str();
    let province = match &a.province {
        Some(p) => Some(region::resolve(&app.db, Country::China, p).await?),
        None => None,
    };
    let place = match &a.place {
        Some(p) => Some(region::resolve(&app.db, Country::Korea, p).await?),
        None => None,
    };
    let official = match &a.official {
        Some(name) => Some(official::resolve(&mut *app.db.acquire().await?, name).await?),
        None => None,
    };
    let mut change = app.change(actor, "update", "add watch").await?;
    let added = change
        .add_watch(&watch::NewWatch {
            channel_id: channel,
            kind: a.kind.unwrap_or("all"),
            province_id: province.as_ref().map(|p| p.id),
            place_id: place.as_ref().map(|p| p.id),
            official_id: official.as_ref().map(|o| o.id),
            by_id: &actor.id,
            by: &actor.name,
        })
        .await?;
    let (id, resumed) = match added {
        watch::Added::New(id) => (id, false),
        watch::Added::Resumed(id) => (id, true),
    };
    let w = watch::get(&mut **change, id).await?.expect("just written");
    change
        .summarize(&format!("watch #{id} {}", w.describe()))
        .await?;
    change.commit().await?;
    let title = if resumed {
        crate::t!("watch-resumed", id = id)
    } else {
        crate::t!("watch-added", id = id)
    };
    Ok(Reply::new(title)
        .text(crate::t!(
            "watch-added-text",
            filter = described(&w),
            channel = channel
        ))
        .footer(crate::t!("watch-stops", id = id))
        .data(json!({"id": id, "resumed": resumed, "watch": w})))
}

pub async fn list(app: &App) -> Result<Reply> {
    let watches = watch::list(&app.db).await?;
    let mut reply = Reply::new(crate::t!("watches-title"));
    if watches.is_empty() {
        reply = reply.text(crate::t!("no-watches"));
    }
    // Discord takes 25 fields; a team with more reads the rest with ask --json.
    for w in watches.iter().take(24) {
        let mut value = crate::t!(
            "watch-line",
            channel = w.channel_id.as_str(),
            who = w.created_by.as_str(),
            day = w.created_at.get(..10).unwrap_or(&w.created_at)
        );
        if let Some(at) = &w.paused_at {
            let next = if w.official_id.is_some() && w.official.is_none() {
                crate::t!("watch-paused-gone", id = w.id)
            } else {
                crate::t!("watch-paused-resume")
            };
            let reason = match w.paused_reason.as_deref() {
                Some(reason) => reason.to_string(),
                None => crate::t!("watch-refused-channel"),
            };
            value.push('\n');
            value.push_str(&crate::t!(
                "watch-paused",
                day = at.get(..10).unwrap_or(at),
                reason = reason,
                next = next
            ));
        }
        reply = reply.field(format!("#{} · {}", w.id, described(w)), value);
    }
    if watches.len() > 24 {
        reply = reply.field(
            crate::t!("watches-more"),
            crate::t!("watches-not-shown", n = watches.len() - 24),
        );
    }
    Ok(reply.data(json!({"watches": watches})))
}

pub async fn remove(app: &App, actor: &Actor, Id(id): Id) -> Result<Reply> {
    let mut change = app
        .change(actor, "update", &format!("remove watch #{id}"))
        .await?;
    let w = change.remove_watch(id).await?;
    change.commit().await?;
    Ok(Reply::new(crate::t!("watch-removed", id = id))
        .text(crate::t!(
            "watch-removed-text",
            filter = described(&w),
            channel = w.channel_id.as_str()
        ))
        .data(json!({"id": id, "removed": true})))
}

/// What a watch posts about one change: a single record described, or a batch (an import,
/// an undo) summed up in one message.
pub fn notice(n: &Notice) -> Reply {
    let total: i64 = n.counts.iter().map(|c| c.n).sum();
    let mut lines: Vec<String> = Vec::new();
    let title = match (total, n.items.as_slice()) {
        (1, [item]) => {
            lines.extend(item.label.clone());
            lines.extend(item.changes.iter().map(|c| format!("• {c}")));
            lines.push(crate::t!(
                "notice-by",
                who = n.actor.as_str(),
                summary = n.summary.as_str()
            ));
            lines.extend(reference(item));
            crate::t!(
                "notice-one",
                kind = crate::i18n::format::kind_said(&item.entity),
                id = item.id,
                verb = verb(item.change)
            )
        }
        _ => {
            for item in &n.items {
                let what = match (reference(item), &item.label) {
                    (Some(r), Some(label)) => format!("{r} {label}"),
                    (Some(r), None) => r,
                    (None, _) => format!(
                        "{} #{}",
                        crate::i18n::format::kind_said(&item.entity),
                        item.id
                    ),
                };
                lines.push(format!("{what} ({})", verb(item.change)));
            }
            if total > n.items.len() as i64 {
                lines.push(crate::t!("and-more", n = total - n.items.len() as i64));
            }
            lines.push(n.summary.clone());
            crate::t!(
                "notice-batch",
                action = action(&n.action),
                who = n.actor.as_str(),
                counted = counted(&n.counts),
                watch = n.watch
            )
        }
    };
    Reply::new(title)
        .text(lines.join("\n"))
        .footer(crate::t!(
            "notice-footer",
            watch = n.watch,
            filter = n.filter.as_str()
        ))
        .data(serde_json::to_value(n).unwrap_or_default())
}

/// What a watch follows, in the reader's language: "하이난성 · 인사 신창싱(信长星) · 방문".
fn described(w: &watch::Watch) -> String {
    use crate::i18n::format::{choice, person, place};
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = &w.province {
        parts.push(place(p));
    }
    if let Some(id) = w.official_id {
        parts.push(match &w.official {
            Some(name) => crate::t!("scope-official", name = person(name)),
            None => crate::t!("watch-official-gone", id = id),
        });
    }
    if let Some(p) = &w.place {
        parts.push(crate::t!("scope-place", place = place(p)));
    }
    parts.push(if w.kind == "all" {
        crate::t!("watch-all-kinds")
    } else {
        choice(&w.kind)
    });
    parts.join(" · ")
}

/// Where a record can be seen, as a command to type; None once it is gone for good.
fn reference(item: &Item) -> Option<String> {
    if item.change == Change::Removed {
        return None;
    }
    Some(match (item.entity.as_str(), item.visit) {
        ("visit", _) => format!("`/visits show id:{}`", item.id),
        ("forum", _) => format!("`/forums show id:{}`", item.id),
        ("meeting", Some(visit)) => format!("`/visits show id:{visit}`"),
        (entity, _) if entity != "meeting" => format!("`/{entity}s show id:{}`", item.id),
        (entity, _) => format!("`/data audit entity:{entity} id:{}`", item.id),
    })
}

fn action(action: &str) -> String {
    match action {
        "import" => crate::t!("action-import"),
        "undo" => crate::t!("action-undo"),
        "merge" => crate::t!("action-merge"),
        "synthetic" => crate::t!("action-synthetic"),
        "draft" => crate::t!("action-draft"),
        _ => crate::t!("action-change"),
    }
}

/// "added", "changed", "deleted" in the reader's language.
fn verb(change: Change) -> String {
    match change {
        Change::Added => crate::t!("verb-added"),
        Change::Changed => crate::t!("verb-changed"),
        Change::Deleted => crate::t!("verb-deleted"),
        Change::Restored => crate::t!("verb-restored"),
        Change::Removed => crate::t!("verb-removed"),
    }
}

/// "added 240 visits and 2 meetings, changed 1 forum"
fn counted(counts: &[Count]) -> String {
    let mut by_change: Vec<(Change, Vec<String>)> = Vec::new();
    for c in counts {
        let words = crate::i18n::format::count(&c.entity, c.n);
        match by_change.iter_mut().find(|(ch, _)| *ch == c.change) {
            Some((_, list)) => list.push(words),
            None => by_change.push((c.change, vec![words])),
        }
    }
    by_change.sort_by_key(|(c, _)| *c);
    by_change
        .into_iter()
        .map(|(c, list)| crate::t!("counted", verb = verb(c), list = super::join_and(&list)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, change: Change) -> Item {
        Item {
            entity: "visit".into(),
            id,
            change,
            label: Some("Jiangsu · 2024-06-03".into()),
            changes: vec![],
            visit: None,
        }
    }

    fn notice(counts: Vec<Count>, items: Vec<Item>, action: &str) -> Notice {
        Notice {
            watch: 3,
            filter: "Jiangsu · all kinds".into(),
            batch: 9,
            actor: "Kim".into(),
            action: action.into(),
            summary: "import visits.csv".into(),
            at: "2024-06-03T00:00:00Z".into(),
            counts,
            items,
        }
    }

    #[test]
    fn a_batch_is_one_summary() {
        let n = notice(
            vec![Count {
                entity: "visit".into(),
                change: Change::Added,
                n: 240,
            }],
            (1..=10).map(|i| item(i, Change::Added)).collect(),
            "import",
        );
        let r = super::notice(&n);
        assert_eq!(r.title, "Import by Kim added 240 visits matching watch #3");
        let text = r.text.unwrap();
        assert!(text.contains("`/visits show id:1` Jiangsu"), "{text}");
        assert!(text.contains("… and 230 more"), "{text}");
    }

    #[test]
    fn one_record_is_described() {
        let mut it = item(12, Change::Changed);
        it.changes = vec!["size: 20 → 25".into()];
        let n = notice(
            vec![Count {
                entity: "visit".into(),
                change: Change::Changed,
                n: 1,
            }],
            vec![it],
            "update",
        );
        let r = super::notice(&n);
        assert_eq!(r.title, "Visit #12 changed");
        let text = r.text.unwrap();
        assert!(text.contains("• size: 20 → 25") && text.contains("`/visits show id:12`"));
    }
}
