//! One audited change: the only way records are written. A change holds the process's
//! write turn and an audit batch; each record it touches is snapshotted before and after,
//! its search entry refreshed, and on commit the report counts and the watches' deliveries
//! are brought up to date in the same transaction (summary::commit). Record commands,
//! imports and undo all write through it, so no write path can forget a step.

use serde_json::Value as Json;

use super::audit::{self, Author};
use super::kind::Record;
use super::{Entity, Tx, WriteTx, forum, kind, meeting, outcome, search};
use crate::error::{Refusal, Result};
use crate::store::official as officials;

mod official;
mod setup;

pub use self::official::Titles;

/// The state of a record before a change touches it, to log against once written.
pub struct Before {
    entity: Entity,
    id: i64,
    snapshot: Option<Json>,
}

pub struct Change {
    tx: WriteTx,
    batch: i64,
}

impl Change {
    /// Starts a change by `author`: `action` is its kind ("create", "update", "delete",
    /// "merge", "import", "undo"), `summary` what the audit log and /data audit show.
    pub async fn begin(
        mut tx: WriteTx,
        author: &Author<'_>,
        action: &str,
        summary: &str,
    ) -> Result<Change> {
        let batch = audit::begin(&mut tx, author, action, summary).await?;
        Ok(Change { tx, batch })
    }

    pub fn batch(&self) -> i64 {
        self.batch
    }

    /// Says what the change did once that is known (an import's counts).
    pub async fn summarize(&mut self, summary: &str) -> Result<()> {
        audit::set_summary(&mut self.tx, self.batch, summary).await
    }

    /// The live record `id`, refused when there is none or when it moved on since the
    /// version its editor saw (`seen`), naming what changed and who changed it.
    pub async fn live<R: Record>(&mut self, id: i64, seen: Option<i64>) -> Result<R::Snapshot> {
        let Some(s) = R::load(&mut self.tx, id)
            .await?
            .filter(|s| !R::is_deleted(s))
        else {
            return Err(missing(R::ENTITY, id).into());
        };
        if let Some(seen) = seen {
            unchanged_since(&mut self.tx, R::ENTITY, id, R::version(&s), seen).await?;
        }
        Ok(s)
    }

    /// Creates a record from its checked fields, logged; returns its number.
    pub async fn create<R: Record>(&mut self, fields: &R) -> Result<i64> {
        let id = fields.insert(&mut self.tx, None, "user").await?;
        self.created(R::ENTITY, id).await?;
        Ok(id)
    }

    /// Creates an official known by more spellings than their name, logged.
    pub async fn create_official(
        &mut self,
        fields: &officials::Fields,
        aliases: &[String],
        readings: &[String],
    ) -> Result<i64> {
        let id =
            officials::create_with_readings(&mut self.tx, fields, aliases, readings, None, "user")
                .await?;
        self.created(Entity::Official, id).await?;
        Ok(id)
    }

    /// Logs a record this change created.
    async fn created(&mut self, entity: Entity, id: i64) -> Result<()> {
        self.log(Before {
            entity,
            id,
            snapshot: None,
        })
        .await
    }

    /// Logs many records a bulk job created (kind, id, version), in a few statements: the
    /// audit log keeps a marker of each (the record itself is in its table), and each gets
    /// its search entry.
    pub async fn created_many(&mut self, created: &[(Entity, i64, i64)]) -> Result<()> {
        let batch = self.batch;
        super::bulk::insert(
            &mut self.tx,
            "INSERT INTO audit_entries (batch_id, entity, entity_id, after) ",
            created,
            |b, (entity, id, version)| {
                b.push_bind(batch)
                    .push_bind(entity.as_str())
                    .push_bind(*id)
                    .push_bind(audit::created_marker(*id, *version));
            },
        )
        .await?;
        for entity in Entity::ALL {
            let ids: Vec<i64> = created
                .iter()
                .filter(|(e, _, _)| *e == entity)
                .map(|(_, id, _)| *id)
                .collect();
            super::search::index(&mut self.tx, entity, &ids).await?;
        }
        Ok(())
    }

    /// Writes new fields over the live record `id`.
    pub async fn update<R: Record>(&mut self, id: i64, fields: &R) -> Result<()> {
        let before = self.before(R::ENTITY, id).await?;
        fields.write(&mut self.tx, id).await?;
        self.log(before).await
    }

    /// Deletes the record `id` (kept, marked deleted: undo brings it back).
    pub async fn delete(&mut self, entity: Entity, id: i64) -> Result<()> {
        let before = self.before(entity, id).await?;
        super::soft_delete(&mut self.tx, entity, id).await?;
        self.log(before).await
    }

    /// Notes a record's state before a write of its own shape (a link, an alias, a merge,
    /// an undo); `log` records the change once it is written.
    pub async fn before(&mut self, entity: Entity, id: i64) -> Result<Before> {
        let snapshot = kind::snapshot(&mut self.tx, entity, id).await?;
        Ok(Before {
            entity,
            id,
            snapshot,
        })
    }

    /// Logs a record as it is now against its state in `before` (nothing when unchanged),
    /// and refreshes its search entry.
    pub async fn log(&mut self, before: Before) -> Result<()> {
        let Before {
            entity,
            id,
            snapshot: before,
        } = before;
        let after = kind::snapshot(&mut self.tx, entity, id).await?;
        if before == after {
            return Ok(());
        }
        audit::entry(
            &mut self.tx,
            self.batch,
            entity,
            id,
            before.as_ref(),
            after.as_ref(),
        )
        .await?;
        search::reindex(&mut self.tx, entity, id).await?;
        // Their visits and meetings are found by their names: when those changed (an
        // alias, a rename, a merge, a deletion undone), they are indexed again too.
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
            search::reindex_person(&mut self.tx, id).await?;
        }
        Ok(())
    }

    /// Puts record `id` back as `before` had it (`None`: it did not exist), logged.
    pub async fn restore(&mut self, entity: Entity, id: i64, before: Option<Json>) -> Result<()> {
        let now = self.before(entity, id).await?;
        kind::restore(&mut self.tx, entity, id, before).await?;
        self.log(now).await
    }

    /// Takes the live outcomes that link to this visit, meeting or forum off it, each logged
    /// (the deletion of what they linked to), so no live outcome points at a deleted record
    /// and undoing the deletion links them again. Returns their ids.
    pub async fn detach_outcomes(&mut self, entity: Entity, id: i64) -> Result<Vec<i64>> {
        let ids = outcome::linked_to(&mut self.tx, entity, id).await?;
        for o in &ids {
            let before = self.before(Entity::Outcome, *o).await?;
            outcome::unlink(&mut self.tx, *o, entity).await?;
            self.log(before).await?;
        }
        Ok(ids)
    }

    /// Takes meeting `id` off the visit it belonged to (the visit is being deleted).
    pub async fn unlink_meeting(&mut self, id: i64) -> Result<()> {
        let before = self.before(Entity::Meeting, id).await?;
        meeting::unlink(&mut self.tx, id).await?;
        self.log(before).await
    }

    /// Takes visit `visit` off forum `id`'s attendees (the visit is being deleted).
    pub async fn unlink_forum(&mut self, id: i64, visit: i64) -> Result<()> {
        let before = self.before(Entity::Forum, id).await?;
        forum::unlink(&mut self.tx, id, visit).await?;
        self.log(before).await
    }

    /// Logs a record whose earlier state was read as JSON elsewhere (an import compares
    /// rows before it writes).
    pub async fn log_json(&mut self, entity: Entity, id: i64, before: Json) -> Result<()> {
        self.log(Before {
            entity,
            id,
            snapshot: Some(before),
        })
        .await
    }

    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await
    }

    pub async fn rollback(self) -> Result<()> {
        self.tx.rollback().await
    }
}

impl std::ops::Deref for Change {
    type Target = Tx<'static>;
    fn deref(&self) -> &Tx<'static> {
        &self.tx
    }
}

impl std::ops::DerefMut for Change {
    fn deref_mut(&mut self) -> &mut Tx<'static> {
        &mut self.tx
    }
}

/// There is no live `entity` numbered `id`.
pub fn missing(entity: Entity, id: i64) -> Refusal {
    Refusal::NotFound {
        kind: entity.as_str(),
        id,
    }
}

/// Optimistic concurrency: an edit made against version `seen` of a record that has moved
/// on since is refused, naming what changed and who changed it.
async fn unchanged_since(
    tx: &mut Tx<'_>,
    entity: Entity,
    id: i64,
    current: i64,
    seen: i64,
) -> Result<()> {
    if seen == current {
        return Ok(());
    }
    Err(Refusal::Stale {
        kind: entity.as_str(),
        id,
        seen,
        now: current,
        changes: audit::changes_since(tx, entity, id, seen).await?,
    }
    .into())
}
