//! The audit log: every write is a batch of entries with JSON snapshots of each touched
//! record before and after. Undo restores the "before" of the actor's last batch.

use serde_json::Value as Json;
use sqlx::SqlitePool;

use super::diff::diff;
use super::{Entity, Tx, now};
use crate::error::Result;

/// Who changed a record last, and when (UTC, RFC 3339): data, said by the commands.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct LastChange {
    pub by: String,
    pub at: String,
}

impl From<(String, String)> for LastChange {
    fn from((by, at): (String, String)) -> LastChange {
        LastChange { by, at }
    }
}

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

/// What a bulk job records as the "after" of a record it created: its id and version are
/// all that undo and the version checks read (the record itself is in its table).
pub fn created_marker(id: i64, version: i64) -> String {
    serde_json::json!({"id": id, "version": version}).to_string()
}

/// Writes one entry of batch `batch`: `entity` `id` before and after the change.
pub(super) async fn entry(
    tx: &mut Tx<'_>,
    batch: i64,
    entity: Entity,
    id: i64,
    before: Option<&Json>,
    after: Option<&Json>,
) -> Result<()> {
    sqlx::query("INSERT INTO audit_entries (batch_id, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?)")
        .bind(batch)
        .bind(entity.as_str())
        .bind(id)
        .bind(before.map(|b| b.to_string()))
        .bind(after.map(|a| a.to_string()))
        .execute(&mut **tx)
        .await?;
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

pub async fn count_batches(db: impl sqlx::SqliteExecutor<'_>) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM audit_batches")
        .fetch_one(db)
        .await?)
}

pub async fn recent(
    db: impl sqlx::SqliteExecutor<'_>,
    limit: i64,
    offset: i64,
) -> Result<Vec<BatchView>> {
    Ok(sqlx::query_as(
        "SELECT b.id, b.actor, b.at, b.action, b.summary, b.undone_by,
                (SELECT count(*) FROM audit_entries e WHERE e.batch_id = b.id)
                  + (SELECT count(*) FROM setting_changes s WHERE s.batch_id = b.id) AS records
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

/// What changed a record after version `seen`, change by change: ("purpose: a → b", who).
pub async fn changes_since(
    tx: &mut Tx<'_>,
    entity: Entity,
    id: i64,
    seen: i64,
) -> Result<Vec<(String, String)>> {
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
            changes.push((c, actor.clone()));
        }
    }
    Ok(changes)
}
