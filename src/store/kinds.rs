//! From a kind of record to its module: the snapshot the audit log keeps of it, and putting
//! it back from one (undo). The one place that lists every kind's module.

use serde_json::Value as Json;

use super::{Entity, Tx, forum, meeting, official, outcome, visit};
use crate::error::Result;

/// What the audit log keeps of a record now (deleted ones included), or `None` if there is
/// no such record.
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

/// Puts a record back as `before` had it; `None` (it did not exist) soft-deletes it.
pub async fn restore(tx: &mut Tx<'_>, entity: Entity, id: i64, before: Option<Json>) -> Result<()> {
    match (entity, before) {
        (_, None) => super::soft_delete(tx, entity, id).await,
        (Entity::Visit, Some(j)) => visit::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Meeting, Some(j)) => meeting::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Forum, Some(j)) => forum::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Official, Some(j)) => official::restore(tx, &serde_json::from_value(j)?).await,
        (Entity::Outcome, Some(j)) => outcome::restore(tx, &serde_json::from_value(j)?).await,
    }
}
