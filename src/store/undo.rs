//! Undo: the author's last change taken back, as a change of its own (so it can be seen in
//! /data audit, and undone in turn by editing).

use std::collections::HashMap;

use serde_json::Value as Json;

use super::audit::{self, Author};
use super::change::Change;
use super::setup::Setting;
use super::{Entity, WriteTx};
use crate::error::{Refusal, Result};

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
pub async fn undo_last(mut tx: WriteTx, author: &Author<'_>) -> Result<Undone> {
    let last: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, summary FROM audit_batches WHERE actor_id = ? AND undone_by IS NULL AND undoes IS NULL AND action != 'synthetic'
         ORDER BY id DESC LIMIT 1",
    )
    .bind(author.id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((batch, summary)) = last else {
        return Err(Refusal::NothingToUndo.into());
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
    // The same for a setting (a watch, the digest, the team's language).
    let later = match later {
        Some(l) => Some(l),
        None => {
            sqlx::query_as(
                "SELECT b.actor, e.setting, e.key FROM setting_changes e
                   JOIN setting_changes l ON l.setting = e.setting AND l.key = e.key AND l.batch_id > e.batch_id
                   JOIN audit_batches b ON b.id = l.batch_id AND b.undone_by IS NULL AND b.undoes IS NULL
                  WHERE e.batch_id = ? LIMIT 1",
            )
            .bind(batch)
            .fetch_optional(&mut **tx)
            .await?
        }
    };
    if let Some((who, entity, id)) = later {
        return Err(Refusal::UndoChangedSince {
            summary,
            who,
            kind: entity,
            id,
        }
        .into());
    }
    let entries: Vec<(String, i64, Option<String>)> = sqlx::query_as(
        "SELECT entity, entity_id, before FROM audit_entries WHERE batch_id = ? ORDER BY id DESC",
    )
    .bind(batch)
    .fetch_all(&mut **tx)
    .await?;
    let settings: Vec<(String, i64, Option<String>)> = sqlx::query_as(
        "SELECT setting, key, before FROM setting_changes WHERE batch_id = ? ORDER BY id DESC",
    )
    .bind(batch)
    .fetch_all(&mut **tx)
    .await?;
    let mut change = Change::begin(tx, author, "undo", &format!("undo: {summary}")).await?;
    let undo = change.batch();
    let mut added: HashMap<Entity, Vec<i64>> = HashMap::new();
    for (entity, id, before) in &entries {
        let entity = Entity::parse(entity)
            .ok_or_else(|| anyhow::anyhow!("unknown entity {entity} in audit log"))?;
        match before {
            None => added.entry(entity).or_default().push(*id),
            Some(before) => {
                let before: Json = serde_json::from_str(before)?;
                change.restore(entity, *id, Some(before)).await?;
            }
        }
    }
    remove_added(&mut change, &summary, &added).await?;
    for (setting, key, before) in &settings {
        let s = Setting::parse(setting, *key)
            .ok_or_else(|| anyhow::anyhow!("unknown setting {setting} in audit log"))?;
        let before: Option<Json> = before.as_deref().map(serde_json::from_str).transpose()?;
        change.restore_setting(s, before).await?;
    }
    audit::mark_undone(&mut change, batch, undo).await?;
    change.commit().await?;
    Ok(Undone {
        batch,
        summary,
        records: entries.len() + settings.len(),
    })
}

/// Takes away the records a change added, logging each as removed. A record still referred
/// to by a live one stops the undo; one referred to only by deleted records is deleted
/// (kept, so the reference holds) rather than removed.
async fn remove_added(
    change: &mut Change,
    summary: &str,
    added: &HashMap<Entity, Vec<i64>>,
) -> Result<()> {
    let undo = change.batch();
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
        while let Some((kind, id, target, live)) =
            super::referrer(change, entity, &gone, added).await?
        {
            if live {
                return Err(Refusal::UndoReferred {
                    summary: summary.to_string(),
                    kind: kind.as_str(),
                    id,
                    target_kind: entity.as_str(),
                    target,
                }
                .into());
            }
            gone.retain(|g| *g != target);
            change.delete(entity, target).await?;
        }
        let versions = super::versions(change, entity, &gone).await?;
        let entries: Vec<(i64, String)> = gone
            .iter()
            .map(|id| {
                (
                    *id,
                    audit::created_marker(*id, versions.get(id).map_or(1, |v| v.0)),
                )
            })
            .collect();
        super::bulk::insert(
            change,
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
        super::purge(change, entity, &gone).await?;
    }
    Ok(())
}
