//! The outbox of watch messages (migration 0009). A trigger gives every audit batch an
//! `outbox` row in the transaction that writes it, whatever the path (a command, an import,
//! an undo, a confirmed draft); `plan`, run by the commit of that same transaction, turns
//! each batch into at most one delivery per matching watch, with what changed as it stood
//! then. A delivery stays `pending` until Discord answers 2xx (`mark_sent`), so a crash
//! between the write and the post delivers it after the restart.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use sqlx::SqlitePool;

use super::watch::{self, Watch};
use super::{Tx, now};
use crate::error::Result;

/// A message describes at most this many records one by one; the rest are counted.
pub const ITEMS_MAX: usize = 10;

/// What one watch is told about one batch.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Notice {
    pub watch: i64,
    /// The watch's filter in words, as it was then.
    pub filter: String,
    pub batch: i64,
    pub actor: String,
    /// The audit log's action: create, update, delete, import, undo, merge, ...
    pub action: String,
    pub summary: String,
    /// When the change was written (UTC, RFC 3339).
    pub at: String,
    pub counts: Vec<Count>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Count {
    pub entity: String,
    pub change: Change,
    pub n: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Item {
    pub entity: String,
    pub id: i64,
    pub change: Change,
    /// A one-line description of the record (None once it is removed for good).
    pub label: Option<String>,
    /// For a change: "field: old → new" lines.
    pub changes: Vec<String>,
    /// For a meeting or an outcome: the visit it belongs to, where it can be seen.
    pub visit: Option<i64>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Changed,
    Deleted,
    Restored,
    /// Taken away for good (an undo of the change that added it).
    Removed,
}

impl Change {
    pub fn verb(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Changed => "changed",
            Change::Deleted => "deleted",
            Change::Restored => "restored",
            Change::Removed => "removed",
        }
    }
}

/// One record a batch touched: how it was before the batch's first entry for it and after
/// its last.
struct Touched {
    entity: String,
    id: i64,
    change: Change,
}

/// Turns the batches in the outbox into deliveries for the watches they match, and empties
/// it. Runs inside the write's own transaction (store::summary::commit), so a batch and its
/// deliveries commit together, and the records are read as that write left them.
pub async fn plan(tx: &mut Tx<'_>) -> Result<()> {
    let batches: Vec<i64> = sqlx::query_scalar("SELECT batch_id FROM outbox ORDER BY batch_id")
        .fetch_all(&mut **tx)
        .await?;
    if batches.is_empty() {
        return Ok(());
    }
    let watches = watch::active(tx).await?;
    if !watches.is_empty() {
        for batch in batches {
            plan_batch(tx, batch, &watches).await?;
        }
    }
    sqlx::query("DELETE FROM outbox").execute(&mut **tx).await?;
    Ok(())
}

async fn touched(tx: &mut Tx<'_>, batch: i64) -> Result<Vec<Touched>> {
    let rows: Vec<(String, i64, bool, bool, bool, bool)> = sqlx::query_as(
        "SELECT entity, entity_id, before IS NULL, after IS NULL,
                coalesce(json_extract(before, '$.deleted_at') IS NOT NULL, 0),
                coalesce(json_extract(after, '$.deleted_at') IS NOT NULL, 0)
           FROM audit_entries WHERE batch_id = ? ORDER BY id",
    )
    .bind(batch)
    .fetch_all(&mut **tx)
    .await?;
    // (entity, id) -> (first "before" missing, deleted; last "after" missing, deleted)
    let mut order: Vec<(String, i64)> = Vec::new();
    let mut states: HashMap<(String, i64), (bool, bool, bool, bool)> = HashMap::new();
    for (entity, id, no_before, no_after, was_deleted, is_deleted) in rows {
        let key = (entity, id);
        match states.get_mut(&key) {
            Some(s) => (s.2, s.3) = (no_after, is_deleted),
            None => {
                order.push(key.clone());
                states.insert(key, (no_before, was_deleted, no_after, is_deleted));
            }
        }
    }
    Ok(order
        .into_iter()
        .filter_map(|key| {
            let (no_before, was_deleted, no_after, is_deleted) = states[&key];
            let change = match () {
                _ if no_before && no_after => return None,
                _ if no_before => Change::Added,
                _ if no_after => Change::Removed,
                _ if !was_deleted && is_deleted => Change::Deleted,
                _ if was_deleted && !is_deleted => Change::Restored,
                _ => Change::Changed,
            };
            Some(Touched {
                entity: key.0,
                id: key.1,
                change,
            })
        })
        .collect())
}

async fn plan_batch(tx: &mut Tx<'_>, batch: i64, watches: &[Watch]) -> Result<()> {
    let touched = touched(tx, batch).await?;
    if touched.is_empty() {
        return Ok(());
    }
    let (actor, action, summary, at): (String, String, String, String) =
        sqlx::query_as("SELECT actor, action, summary, at FROM audit_batches WHERE id = ?")
            .bind(batch)
            .fetch_one(&mut **tx)
            .await?;
    let mut by_entity: BTreeMap<&str, Vec<&Touched>> = BTreeMap::new();
    for t in &touched {
        by_entity.entry(t.entity.as_str()).or_default().push(t);
    }
    for w in watches {
        let mut hit: HashSet<(&str, i64)> = HashSet::new();
        for (entity, records) in &by_entity {
            if !w.follows(entity) {
                continue;
            }
            let ids: Vec<i64> = records.iter().map(|t| t.id).collect();
            let present: Vec<i64> = records
                .iter()
                .filter(|t| t.change != Change::Removed)
                .map(|t| t.id)
                .collect();
            let now_matching = watch::matching(tx, w, entity, &present).await?;
            let seen = watch::seen(tx, w.id, entity, &ids).await?;
            let left: Vec<i64> = ids
                .iter()
                .copied()
                .filter(|id| seen.contains(id) && !now_matching.contains(id))
                .collect();
            let entered: Vec<i64> = now_matching.difference(&seen).copied().collect();
            watch::see(tx, w.id, entity, &entered, true).await?;
            watch::see(tx, w.id, entity, &left, false).await?;
            hit.extend(
                ids.iter()
                    .filter(|id| now_matching.contains(id) || seen.contains(id))
                    .map(|id| (*entity, *id)),
            );
        }
        if hit.is_empty() {
            continue;
        }
        let matched: Vec<&Touched> = touched
            .iter()
            .filter(|t| hit.contains(&(t.entity.as_str(), t.id)))
            .collect();
        let mut counts: BTreeMap<(String, Change), i64> = BTreeMap::new();
        for t in &matched {
            *counts.entry((t.entity.clone(), t.change)).or_default() += 1;
        }
        let mut items = Vec::new();
        for t in matched.iter().take(ITEMS_MAX) {
            items.push(describe(tx, batch, t).await?);
        }
        let notice = Notice {
            watch: w.id,
            filter: w.describe(),
            batch,
            actor: actor.clone(),
            action: action.clone(),
            summary: summary.clone(),
            at: at.clone(),
            counts: counts
                .into_iter()
                .map(|((entity, change), n)| Count { entity, change, n })
                .collect(),
            items,
        };
        sqlx::query("INSERT INTO watch_deliveries (watch_id, batch_id, notice) VALUES (?, ?, ?)")
            .bind(w.id)
            .bind(batch)
            .bind(serde_json::to_string(&notice)?)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// One record as a message shows it: a label, and for a change the fields it changed.
async fn describe(tx: &mut Tx<'_>, batch: i64, t: &Touched) -> Result<Item> {
    let (label, visit) = label(tx, &t.entity, t.id).await?;
    let changes = if t.change == Change::Changed {
        let (before, after): (Option<String>, Option<String>) = sqlx::query_as(
            "SELECT (SELECT before FROM audit_entries WHERE batch_id = ?1 AND entity = ?2 AND entity_id = ?3 ORDER BY id LIMIT 1),
                    (SELECT after FROM audit_entries WHERE batch_id = ?1 AND entity = ?2 AND entity_id = ?3 ORDER BY id DESC LIMIT 1)",
        )
        .bind(batch)
        .bind(&t.entity)
        .bind(t.id)
        .fetch_one(&mut **tx)
        .await?;
        let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str::<Json>(&s).ok());
        super::diff::diff(parse(before).as_ref(), parse(after).as_ref())
            .into_iter()
            .take(4)
            .collect()
    } else {
        Vec::new()
    };
    Ok(Item {
        entity: t.entity.clone(),
        id: t.id,
        change: t.change,
        label,
        changes,
        visit,
    })
}

/// What a record's label is made of; `a`, `b`, `c` as each kind's query names them.
#[derive(sqlx::FromRow)]
struct LabelRow {
    date: String,
    a: Option<String>,
    b: Option<String>,
    c: Option<String>,
    visit: Option<i64>,
}

// A visit: provinces, leader, places. A meeting: participants, place, visit. A forum:
// name, edition, place.
const LABEL_VISIT: &str = "SELECT v.start_shown AS date,
       (SELECT group_concat(r.name, ', ') FROM visit_provinces p JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id) AS a,
       o.name AS b,
       (SELECT group_concat(r.name, ', ') FROM visit_places p JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id) AS c,
       NULL AS visit
  FROM visits v LEFT JOIN officials o ON o.id = v.leader_id WHERE v.id = ?";
const LABEL_MEETING: &str = "SELECT m.date_shown AS date,
       (SELECT group_concat(o.name, ', ') FROM meeting_participants mp JOIN officials o ON o.id = mp.official_id WHERE mp.meeting_id = m.id) AS a,
       m.place AS b, NULL AS c, m.visit_id AS visit
  FROM meetings m WHERE m.id = ?";
const LABEL_FORUM: &str = "SELECT start_shown AS date, name AS a, edition AS b, place AS c,
       NULL AS visit FROM forums WHERE id = ?";

/// "Jiangsu · 2024-06-03 · led by Xin Changxing · Seoul"; for a meeting or an outcome
/// also its visit.
async fn label(tx: &mut Tx<'_>, entity: &str, id: i64) -> Result<(Option<String>, Option<i64>)> {
    let sql = match entity {
        "visit" => LABEL_VISIT,
        "meeting" => LABEL_MEETING,
        "forum" => LABEL_FORUM,
        "outcome" => return outcome_label(tx, id).await,
        _ => return Ok((None, None)),
    };
    let Some(r) = sqlx::query_as::<_, LabelRow>(sql)
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
    else {
        return Ok((None, None));
    };
    let date = Some(r.date);
    let parts = match entity {
        "visit" => vec![r.a, date, r.b.map(|l| format!("led by {l}")), r.c],
        "meeting" => vec![date, r.a, r.b],
        _ => {
            let name = r.a.map(|n| match r.b {
                Some(e) => format!("{n} ({e})"),
                None => n,
            });
            vec![name, date, r.c]
        }
    };
    let label = parts
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    Ok((Some(label), r.visit))
}

/// "MOU: Workation MOU · 2024-06-03 · Jiangsu · signed · USD 1,500,000", and its visit.
async fn outcome_label(tx: &mut Tx<'_>, id: i64) -> Result<(Option<String>, Option<i64>)> {
    type R = (
        String,
        String,
        String,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
        i64,
        Option<i64>,
    );
    let Some((kind, title, date, status, provinces, minor, currency, about, visit)) = sqlx::query_as::<_, R>(
        "SELECT o.kind, o.title, o.date_shown, o.status,
                (SELECT group_concat(r.name, ', ') FROM outcome_provinces p JOIN regions r ON r.id = p.region_id
                  WHERE p.outcome_id = o.id),
                o.amount_minor, o.currency, o.amount_about, o.visit_id
           FROM outcomes o WHERE o.id = ?",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok((None, None));
    };
    let money = minor
        .zip(currency.as_deref())
        .and_then(|(m, c)| crate::domain::Money::from_stored(m, c, about != 0))
        .map(|m| m.to_string());
    let label = [
        Some(format!("{kind}: {title}")),
        Some(date),
        provinces,
        Some(status),
        money,
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    Ok((Some(label), visit))
}

/// A planned message waiting for its post.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub id: i64,
    pub watch_id: i64,
    pub channel_id: String,
    pub notice: Notice,
}

/// The oldest pending deliveries of watches that are not paused.
pub async fn pending(db: &SqlitePool, limit: i64) -> Result<Vec<Delivery>> {
    let rows: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT d.id, d.watch_id, w.channel_id, d.notice FROM watch_deliveries d
           JOIN watches w ON w.id = d.watch_id AND w.paused_at IS NULL
          WHERE d.state = 'pending' ORDER BY d.id LIMIT ?",
    )
    .bind(limit)
    .fetch_all(db)
    .await?;
    let mut out = Vec::new();
    for (id, watch_id, channel_id, notice) in rows {
        out.push(Delivery {
            id,
            watch_id,
            channel_id,
            notice: serde_json::from_str(&notice)?,
        });
    }
    Ok(out)
}

/// Discord accepted the post: it is never sent again.
pub async fn mark_sent(db: &SqlitePool, id: i64) -> Result<()> {
    sqlx::query("UPDATE watch_deliveries SET state = 'sent', done_at = ? WHERE id = ?")
        .bind(now())
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Pauses a watch whose channel the bot cannot post in (or whose message Discord refused),
/// with the reason `/watches` shows. What it had still to post waits, and goes out in
/// order once the watch is added again (nothing is lost while a channel is fixed).
pub async fn pause(db: &SqlitePool, watch_id: i64, reason: &str) -> Result<()> {
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("UPDATE watches SET paused_at = ?, paused_reason = ? WHERE id = ?")
        .bind(now())
        .bind(reason)
        .bind(watch_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
