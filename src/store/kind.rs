//! One shape for every kind of record: what the audit log keeps of it (its snapshot), how a
//! change loads, writes, creates and restores it, and how a bulk job inserts many. Each kind
//! implements `Record` once, below; `Change`, undo, imports and the synthetic load are
//! generic over it. The one place that lists every kind's module.

use std::future::Future;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value as Json;

use super::bulk::New;
use super::{Entity, Tx, forum, meeting, official, outcome, summary, visit};
use crate::error::Result;

/// A kind of record as a change writes it: its checked fields, loaded from and written to
/// its tables.
pub trait Record: Sized + Sync + Send {
    const ENTITY: Entity;
    /// What the audit log keeps of a record (deleted ones included).
    type Snapshot: Send + Sync + Serialize + DeserializeOwned;

    fn load(
        tx: &mut Tx<'_>,
        id: i64,
    ) -> impl Future<Output = Result<Option<Self::Snapshot>>> + Send;
    fn version(s: &Self::Snapshot) -> i64;
    fn is_deleted(s: &Self::Snapshot) -> bool;
    fn fields(s: &Self::Snapshot) -> Self;
    /// Writes every field of the existing record `id`, raising its version.
    fn write(&self, tx: &mut Tx<'_>, id: i64) -> impl Future<Output = Result<()>> + Send;
    /// Inserts a new record (numbered `id`, or the next free number) into `dataset`.
    fn insert(
        &self,
        tx: &mut Tx<'_>,
        id: Option<i64>,
        dataset: &str,
    ) -> impl Future<Output = Result<i64>> + Send;
    /// Puts a record back exactly as a snapshot had it (undo).
    fn restore(tx: &mut Tx<'_>, s: &Self::Snapshot) -> impl Future<Output = Result<()>> + Send;
}

/// A kind a bulk job (an import, the synthetic load) inserts many of at once.
pub trait Bulk: Record {
    /// Inserts the rows and everything they link to, in a few statements.
    fn insert_rows(
        tx: &mut Tx<'_>,
        rows: &[New<Self>],
        dataset: &str,
    ) -> impl Future<Output = Result<()>> + Send;
}

macro_rules! record {
    // A kind whose record is its fields and stamp: written raising its version, put back
    // (undo) by writing its fields and then its stamp into `$table`.
    ($module:ident, $entity:ident, $table:literal) => {
        record!(@common $module, $entity, true);
        impl Restore for $module::Fields {
            async fn restore(tx: &mut Tx<'_>, s: &$module::Snapshot) -> Result<()> {
                $module::write(tx, s.row.id, &$module::Fields::from_snapshot(s), false).await?;
                super::record::restore_stamp(tx, $table, s.row.id, &s.row.stamp).await
            }
        }
    };
    // A kind with its own write (which raises the version) and its own way back.
    ($module:ident, $entity:ident) => {
        record!(@common $module, $entity);
        impl Restore for $module::Fields {
            async fn restore(tx: &mut Tx<'_>, s: &$module::Snapshot) -> Result<()> {
                $module::restore(tx, s).await
            }
        }
    };
    (@common $module:ident, $entity:ident $(, $bump:expr)?) => {
        impl Record for $module::Fields {
            const ENTITY: Entity = Entity::$entity;
            type Snapshot = $module::Snapshot;

            async fn load(tx: &mut Tx<'_>, id: i64) -> Result<Option<$module::Snapshot>> {
                $module::snapshot(tx, id).await
            }
            fn version(s: &$module::Snapshot) -> i64 {
                s.row.stamp.version
            }
            fn is_deleted(s: &$module::Snapshot) -> bool {
                s.row.stamp.deleted_at.is_some()
            }
            fn fields(s: &$module::Snapshot) -> Self {
                $module::Fields::from_snapshot(s)
            }
            async fn write(&self, tx: &mut Tx<'_>, id: i64) -> Result<()> {
                $module::write(tx, id, self $(, $bump)?).await
            }
            async fn insert(&self, tx: &mut Tx<'_>, id: Option<i64>, dataset: &str) -> Result<i64> {
                $module::create(tx, self, id, dataset).await
            }
            async fn restore(tx: &mut Tx<'_>, s: &$module::Snapshot) -> Result<()> {
                <Self as Restore>::restore(tx, s).await
            }
        }
    };
}

/// How a kind is put back as a snapshot had it (`Record::restore`), chosen by `record!`.
trait Restore: Record {
    fn restore(tx: &mut Tx<'_>, s: &Self::Snapshot) -> impl Future<Output = Result<()>> + Send;
}

record!(visit, Visit, "visits");
record!(meeting, Meeting, "meetings");
record!(forum, Forum, "forums");
record!(official, Official);
record!(outcome, Outcome, "outcomes");

macro_rules! bulk {
    ($module:ident) => {
        impl Bulk for $module::Fields {
            async fn insert_rows(tx: &mut Tx<'_>, rows: &[New<Self>], dataset: &str) -> Result<()> {
                $module::insert_rows(tx, rows, dataset).await
            }
        }
    };
}

bulk!(visit);
bulk!(meeting);
bulk!(forum);
bulk!(outcome);

/// Inserts many new records of one kind with their links, in a few statements, and marks
/// them for the report counts (which a bulk job refreshes once, not row by row).
pub async fn insert_many<R: Bulk>(tx: &mut Tx<'_>, rows: &[New<R>], dataset: &str) -> Result<()> {
    let triggers = summary::suspend_insert_triggers(tx).await?;
    R::insert_rows(tx, rows, dataset).await?;
    summary::resume_triggers(tx, triggers).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    summary::mark_inserted(tx, R::ENTITY, &ids).await
}

/// New officials of a bulk job: the records, their spellings (normalized, as typed, whose),
/// the readings generated from them (whose, which) and their posts.
pub struct NewOfficials<'a> {
    pub rows: &'a [New<official::Fields>],
    pub aliases: &'a [(String, String, i64)],
    pub readings: &'a [(i64, Vec<String>)],
    pub posts: &'a [(i64, super::post::Fields)],
}

/// Inserts many new officials with their spellings, readings and posts, each marked as
/// having its readings made (none, for a job that gives none); with `settle_on`, their
/// titles are brought in line with the posts held that day.
pub async fn insert_officials(
    tx: &mut Tx<'_>,
    new: NewOfficials<'_>,
    dataset: &str,
    settle_on: Option<chrono::NaiveDate>,
) -> Result<()> {
    let NewOfficials {
        rows,
        aliases,
        readings,
        posts,
    } = new;
    official::insert_many(tx, rows, aliases, dataset).await?;
    // After every typed spelling: a reading never takes a name somebody typed.
    official::add_readings_many(tx, readings).await?;
    let made: Vec<i64> = rows.iter().map(|n| n.id).collect();
    official::readings_made(tx, &made).await?;
    super::post::insert_many(tx, posts).await?;
    if let Some(today) = settle_on {
        super::post::settle_titles(tx, &made, today).await?;
    }
    Ok(())
}

/// The live record `id` of kind `R`, if the id names one.
pub async fn live<R: Record>(tx: &mut Tx<'_>, id: i64) -> Result<Option<R::Snapshot>> {
    Ok(R::load(tx, id).await?.filter(|s| !R::is_deleted(s)))
}

async fn snapshot_of<R: Record>(tx: &mut Tx<'_>, id: i64) -> Result<Option<Json>> {
    Ok(R::load(tx, id)
        .await?
        .map(serde_json::to_value)
        .transpose()?)
}

async fn restore_from<R: Record>(tx: &mut Tx<'_>, j: Json) -> Result<()> {
    R::restore(tx, &serde_json::from_value(j)?).await
}

/// What the audit log keeps of a record now (deleted ones included), or `None` if there is
/// no such record.
pub async fn snapshot(tx: &mut Tx<'_>, entity: Entity, id: i64) -> Result<Option<Json>> {
    match entity {
        Entity::Visit => snapshot_of::<visit::Fields>(tx, id).await,
        Entity::Meeting => snapshot_of::<meeting::Fields>(tx, id).await,
        Entity::Forum => snapshot_of::<forum::Fields>(tx, id).await,
        Entity::Official => snapshot_of::<official::Fields>(tx, id).await,
        Entity::Outcome => snapshot_of::<outcome::Fields>(tx, id).await,
    }
}

/// Puts a record back as `before` had it; `None` (it did not exist) soft-deletes it.
pub(in crate::store) async fn restore(
    tx: &mut Tx<'_>,
    entity: Entity,
    id: i64,
    before: Option<Json>,
) -> Result<()> {
    let Some(j) = before else {
        return super::soft_delete(tx, entity, id).await;
    };
    match entity {
        Entity::Visit => restore_from::<visit::Fields>(tx, j).await,
        Entity::Meeting => restore_from::<meeting::Fields>(tx, j).await,
        Entity::Forum => restore_from::<forum::Fields>(tx, j).await,
        Entity::Official => restore_from::<official::Fields>(tx, j).await,
        Entity::Outcome => restore_from::<outcome::Fields>(tx, j).await,
    }
}
