//! The audit log: every write is a batch of entries with JSON snapshots of each touched
//! record before and after. Undo restores the "before" of the actor's last batch.

use serde_json::Value as Json;
use sqlx::SqlitePool;

use super::{Entity, Tx, forum, meeting, now, official, outcome, search, visit};
use crate::error::Result;

/// Who makes a change, as the audit log records it.
#[derive(Debug, Clone)]
pub struct Author<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

pub async fn begin(
    tx: &mut Tx<'_>,
    author: &Author<'_>,
    action: &str,
    summary: &str,
) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO audit_batches (actor_id, actor, at, action, summary) VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(author.id)
    .bind(author.name)
    .bind(now())
    .bind(action)
    .bind(summary)
    .fetch_one(&mut **tx)
    .await?)
}

/// Says what a change did once it is known (an import's counts).
pub async fn set_summary(tx: &mut Tx<'_>, batch: i64, summary: &str) -> Result<()> {
    sqlx::query("UPDATE audit_batches SET summary = ? WHERE id = ?")
        .bind(summary)
        .bind(batch)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub async fn snapshot(tx: &mut Tx<'_>, entity: Entity, id: i64) -> Result<Option<Json>> {
    Ok(match entity {
        Entity::Visit => visit::snapshot(tx, id)
            .await?
            .map(serde_json::to_value)
            .transpose()?,
        Entity::Meeting => meeting::snapshot(tx, id)
            .await?
            .map(serde_json::to_value)
            .transpose()?,
        Entity::Forum => forum::snapshot(tx, id)
            .await?
            .map(serde_json::to_value)
            .transpose()?,
        Entity::Official => official::snapshot(tx, id)
            .await?
            .map(serde_json::to_value)
            .transpose()?,
        Entity::Outcome => outcome::snapshot(tx, id)
            .await?
            .map(serde_json::to_value)
            .transpose()?,
    })
}

/// What a bulk job records as the "after" of a record it created: its id and version are
/// all that undo and the version checks read (the record itself is in its table).
pub fn created_marker(id: i64, version: i64) -> String {
    serde_json::json!({"id": id, "version": version}).to_string()
}

/// Logs what `entity` `id` looks like now against `before`, and refreshes its search entry.
pub async fn record(
    tx: &mut Tx<'_>,
    batch: i64,
    entity: Entity,
    id: i64,
    before: Option<Json>,
) -> Result<()> {
    let after = snapshot(tx, entity, id).await?;
    if before == after {
        return Ok(());
    }
    sqlx::query("INSERT INTO audit_entries (batch_id, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?)")
        .bind(batch)
        .bind(entity.as_str())
        .bind(id)
        .bind(before.as_ref().map(|b| b.to_string()))
        .bind(after.as_ref().map(|a| a.to_string()))
        .execute(&mut **tx)
        .await?;
    search::reindex(tx, entity, id).await?;
    // Their visits and meetings are found by their names: when those changed (an alias, a
    // rename, a merge, a deletion undone), they are indexed again in the same transaction.
    let names = |s: &Option<Json>| {
        s.as_ref().map(|s| {
            (
                s["name"].clone(),
                s["local_name"].clone(),
                s["aliases"].clone(),
                s["deleted_at"].clone(),
            )
        })
    };
    if entity == Entity::Official && names(&before) != names(&after) {
        search::reindex_person(tx, id).await?;
    }
    Ok(())
}

/// Links a batch and the batch that undid it, both ways.
pub(super) async fn mark_undone(tx: &mut Tx<'_>, batch: i64, undo: i64) -> Result<()> {
    sqlx::query("UPDATE audit_batches SET undone_by = ? WHERE id = ?")
        .bind(undo)
        .bind(batch)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE audit_batches SET undoes = ? WHERE id = ?")
        .bind(batch)
        .bind(undo)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Puts a record back as `before` had it; `None` (it did not exist) soft-deletes it.
pub(super) async fn restore(
    tx: &mut Tx<'_>,
    entity: Entity,
    id: i64,
    before: Option<Json>,
) -> Result<()> {
    match (entity, before) {
        (_, None) => super::soft_delete(tx, entity, id).await,
        (Entity::Visit, Some(j)) => visit::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Meeting, Some(j)) => meeting::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Forum, Some(j)) => forum::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Official, Some(j)) => official::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Outcome, Some(j)) => outcome::restore(tx, &serde_json::from_value(j)?).await,
    }
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct BatchView {
    pub id: i64,
    pub actor: String,
    pub at: String,
    pub action: String,
    pub summary: String,
    pub records: i64,
    pub undone_by: Option<i64>,
}

pub async fn count_batches(db: &SqlitePool) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM audit_batches")
        .fetch_one(db)
        .await?)
}

pub async fn recent(db: &SqlitePool, limit: i64, offset: i64) -> Result<Vec<BatchView>> {
    Ok(sqlx::query_as(
        "SELECT b.id, b.actor, b.at, b.action, b.summary, b.undone_by,
                (SELECT count(*) FROM audit_entries e WHERE e.batch_id = b.id) AS records
         FROM audit_batches b ORDER BY b.id DESC LIMIT ? OFFSET ?",
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await?)
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct EntryView {
    pub batch: i64,
    pub actor: String,
    pub at: String,
    pub action: String,
    pub changes: Vec<String>,
}

#[derive(sqlx::FromRow)]
struct HistoryRow {
    batch: i64,
    actor: String,
    at: String,
    action: String,
    before: Option<String>,
    after: Option<String>,
}

/// The history of one record, oldest first, with what each change did to its fields.
pub async fn history(db: &SqlitePool, entity: Entity, id: i64) -> Result<Vec<EntryView>> {
    let rows: Vec<HistoryRow> = sqlx::query_as(
        "SELECT b.id AS batch, b.actor, b.at, b.action, e.before, e.after FROM audit_entries e JOIN audit_batches b ON b.id = e.batch_id
         WHERE e.entity = ? AND e.entity_id = ? ORDER BY e.id",
    )
    .bind(entity.as_str())
    .bind(id)
    .fetch_all(db)
    .await?;
    let mut out = Vec::new();
    for HistoryRow {
        batch,
        actor,
        at,
        action,
        before,
        after,
    } in rows
    {
        let before: Option<Json> = before.as_deref().map(serde_json::from_str).transpose()?;
        let after: Option<Json> = after.as_deref().map(serde_json::from_str).transpose()?;
        out.push(EntryView {
            batch,
            actor,
            at,
            action,
            changes: diff(before.as_ref(), after.as_ref()),
        });
    }
    Ok(out)
}

/// What changed a record after version `seen`, change by change: "purpose: a → b by Kim".
pub async fn changes_since(
    tx: &mut Tx<'_>,
    entity: Entity,
    id: i64,
    seen: i64,
) -> Result<Vec<String>> {
    let rows: Vec<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT b.actor, e.before, e.after FROM audit_entries e JOIN audit_batches b ON b.id = e.batch_id
         WHERE e.entity = ? AND e.entity_id = ? AND json_extract(e.after, '$.version') > ? ORDER BY e.id",
    )
    .bind(entity.as_str())
    .bind(id)
    .bind(seen)
    .fetch_all(&mut **tx)
    .await?;
    let mut changes = Vec::new();
    for (actor, before, after) in rows {
        let before = before.as_deref().map(serde_json::from_str).transpose()?;
        let after = after.as_deref().map(serde_json::from_str).transpose()?;
        for c in diff(before.as_ref(), after.as_ref()) {
            changes.push(format!("{c} by {actor}"));
        }
    }
    Ok(changes)
}

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
                super::outcome::stored_money(
                    o.get("amount_minor").and_then(Json::as_i64),
                    o.get("currency").and_then(Json::as_str),
                    o.get("amount_about").and_then(Json::as_i64).unwrap_or(0),
                )
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
