//! The audit log: every write is a batch of entries with JSON snapshots of each touched
//! record before and after. Undo restores the "before" of the actor's last batch.

use std::collections::HashMap;

use serde_json::Value as Json;
use sqlx::SqlitePool;

use super::{Entity, Tx, forum, meeting, now, official, outcome, search, visit};
use crate::error::{Result, UserError};

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
        .bind(before.map(|b| b.to_string()))
        .bind(after.map(|a| a.to_string()))
        .execute(&mut **tx)
        .await?;
    search::reindex(tx, entity, id).await
}

/// Puts a record back as `before` had it; `None` (it did not exist) soft-deletes it.
async fn restore(tx: &mut Tx<'_>, entity: Entity, id: i64, before: Option<Json>) -> Result<()> {
    match (entity, before) {
        (_, None) => super::soft_delete(tx, entity, id).await,
        (Entity::Visit, Some(j)) => visit::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Meeting, Some(j)) => meeting::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Forum, Some(j)) => forum::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Official, Some(j)) => official::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Outcome, Some(j)) => outcome::restore(tx, &serde_json::from_value(j)?).await,
    }
}

/// Soft-deletes a record as one audited change.
pub async fn delete(
    tx: &mut Tx<'_>,
    author: &Author<'_>,
    entity: Entity,
    id: i64,
    summary: &str,
) -> Result<()> {
    let before = snapshot(tx, entity, id).await?;
    let batch = begin(tx, author, "delete", summary).await?;
    restore(tx, entity, id, None).await?;
    record(tx, batch, entity, id, before).await
}

#[derive(Debug, Clone)]
pub struct Undone {
    pub batch: i64,
    pub summary: String,
    pub records: usize,
}

/// Reverts the author's last change that is not yet undone. Refuses when somebody changed
/// one of the same records since, rather than overwrite their work, or when a record the
/// change added is now referred to by another. Records the change added are removed for
/// good (their numbers are free again); changed and deleted ones get their old state back.
pub async fn undo_last(tx: &mut Tx<'_>, author: &Author<'_>) -> Result<Undone> {
    let last: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, summary FROM audit_batches WHERE actor_id = ? AND undone_by IS NULL AND undoes IS NULL AND action != 'synthetic'
         ORDER BY id DESC LIMIT 1",
    )
    .bind(author.id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((batch, summary)) = last else {
        return Err(UserError::new(
            "You have no change left to undo; /data audit shows recent changes.",
        )
        .into());
    };
    let later: Option<(String, String, i64)> = sqlx::query_as(
        "SELECT b.actor, e.entity, e.entity_id FROM audit_entries e
           JOIN audit_entries l ON l.entity = e.entity AND l.entity_id = e.entity_id AND l.batch_id > e.batch_id
           JOIN audit_batches b ON b.id = l.batch_id AND b.undone_by IS NULL AND b.undoes IS NULL
          WHERE e.batch_id = ? LIMIT 1",
    )
    .bind(batch)
    .fetch_optional(&mut **tx)
    .await?;
    if let Some((who, entity, id)) = later {
        return Err(UserError::new(format!(
            "Cannot undo \"{summary}\": {who} changed {entity} #{id} since; edit it by hand instead."
        ))
        .into());
    }
    let entries: Vec<(String, i64, Option<String>)> = sqlx::query_as(
        "SELECT entity, entity_id, before FROM audit_entries WHERE batch_id = ? ORDER BY id DESC",
    )
    .bind(batch)
    .fetch_all(&mut **tx)
    .await?;
    let undo = begin(tx, author, "undo", &format!("undo: {summary}")).await?;
    let mut added: HashMap<Entity, Vec<i64>> = HashMap::new();
    for (entity, id, before) in &entries {
        let entity = Entity::parse(entity)
            .ok_or_else(|| anyhow::anyhow!("unknown entity {entity} in audit log"))?;
        match before {
            None => added.entry(entity).or_default().push(*id),
            Some(before) => {
                let before: Json = serde_json::from_str(before)?;
                let now = snapshot(tx, entity, *id).await?;
                restore(tx, entity, *id, Some(before)).await?;
                record(tx, undo, entity, *id, now).await?;
            }
        }
    }
    remove_added(tx, undo, &summary, &added).await?;
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
    Ok(Undone {
        batch,
        summary,
        records: entries.len(),
    })
}

/// Takes away the records a change added, logging each as removed. A record still referred
/// to by a live one stops the undo; one referred to only by deleted records is deleted
/// (kept, so the reference holds) rather than removed.
async fn remove_added(
    tx: &mut Tx<'_>,
    undo: i64,
    summary: &str,
    added: &HashMap<Entity, Vec<i64>>,
) -> Result<()> {
    // Children before what they refer to.
    for entity in [
        Entity::Outcome,
        Entity::Meeting,
        Entity::Forum,
        Entity::Visit,
        Entity::Official,
    ] {
        let Some(ids) = added.get(&entity) else {
            continue;
        };
        let mut gone = ids.clone();
        while let Some((kind, id, target, live)) = super::referrer(tx, entity, &gone, added).await?
        {
            if live {
                return Err(UserError::new(format!(
                    "Cannot undo \"{summary}\": {} #{id} refers to {} #{target}, which that change added; change or delete {} #{id} first.",
                    kind.as_str(),
                    entity.as_str(),
                    kind.as_str()
                ))
                .into());
            }
            gone.retain(|g| *g != target);
            let now = snapshot(tx, entity, target).await?;
            super::soft_delete(tx, entity, target).await?;
            record(tx, undo, entity, target, now).await?;
        }
        let versions = super::versions(tx, entity, &gone).await?;
        let entries: Vec<(i64, String)> = gone
            .iter()
            .map(|id| {
                (
                    *id,
                    created_marker(*id, versions.get(id).map_or(1, |v| v.0)),
                )
            })
            .collect();
        super::bulk::insert(
            tx,
            "INSERT INTO audit_entries (batch_id, entity, entity_id, before) ",
            &entries,
            |b, (id, before)| {
                b.push_bind(undo)
                    .push_bind(entity.as_str())
                    .push_bind(*id)
                    .push_bind(before.clone());
            },
        )
        .await?;
        super::purge(tx, entity, &gone).await?;
    }
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
    let mut out = Vec::new();
    for (key, new) in a {
        if QUIET.contains(&key.as_str()) || b.get(key) == Some(new) {
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
