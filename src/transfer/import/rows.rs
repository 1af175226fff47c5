//! The import of one kind's rows, written once for every kind linked by number (visits,
//! forums, meetings, outcomes): each row classified (new, restored, an update, unchanged),
//! checked, refused when it repeats a record or an earlier row unless forced, and new
//! records written in batches. A kind says only what differs: its check, what its rows are
//! checked against, and its duplicate rule.

use std::collections::HashMap;
use std::future::Future;

use serde::Serialize;

use super::job::{BATCH, Class, Existing, Job};
use super::{Item, Location, Refusal};
use crate::error::Result;
use crate::store::bulk::New;
use crate::store::kind::{self, Bulk};

/// Who holds a duplicate key: a record on file, or an earlier row of this file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    Record(i64),
    Row(Location),
}

/// A kind whose rows import the common way.
pub(super) trait Rows: Bulk + PartialEq {
    /// What rows are checked against, read once per file: the live records they link to,
    /// the duplicate keys on record.
    type Context: Send + Sync;

    fn context(
        job: &mut Job<'_>,
        items: &[Item],
    ) -> impl Future<Output = Result<Self::Context>> + Send;

    /// The row's fields, checked as the command that adds one checks them (links sorted).
    fn check(job: &Job<'_>, item: &Item, cx: &Self::Context) -> Result<Self, Refusal>;

    /// Why the record `fields` would describe repeats another one: a record on file other
    /// than `except` (the record a row updates), or a new row earlier in the file.
    fn repeats(
        job: &mut Job<'_>,
        cx: &Self::Context,
        item: &Item,
        fields: &Self,
        except: Option<i64>,
    ) -> impl Future<Output = Result<Option<Refusal>>> + Send;

    /// Remembers what a row leaves on record, for the duplicate rule of the rows after it.
    fn keep(cx: &mut Self::Context, owner: Owner, fields: &Self);

    /// Where the new number of another database's record is kept, for the rows of later
    /// kinds that name it (none for a kind nothing refers to).
    fn brought<'j>(job: &'j mut Job<'_>) -> Option<&'j mut HashMap<i64, i64>>;

    /// A record's fields in the form `check` gives a row's.
    fn stored(s: &Self::Snapshot) -> Self {
        Self::fields(s)
    }
}

/// What the rows of a kind that is a duplicate by its key (a forum's name, edition and
/// start; a meeting's day and people) are checked against: the visits they attend, live
/// on record (id → first and last day), and who holds each key.
pub(super) struct Keyed<K> {
    pub live: HashMap<i64, (String, String)>,
    keys: HashMap<K, Owner>,
}

impl<K: std::hash::Hash + Eq> Keyed<K> {
    pub fn new(
        live: HashMap<i64, (String, String)>,
        on_record: impl IntoIterator<Item = (K, i64)>,
    ) -> Keyed<K> {
        let keys = on_record
            .into_iter()
            .map(|(key, id)| (key, Owner::Record(id)))
            .collect();
        Keyed { live, keys }
    }

    /// Who holds `key` before this row: for a new row, a record on file or an earlier
    /// row; for a row that updates a record, what `on_record` finds (the record itself
    /// left out). `on_record` is only run for the latter.
    pub async fn holder(
        &self,
        key: K,
        updating: bool,
        on_record: impl Future<Output = Result<Option<i64>>>,
    ) -> Result<Option<Owner>> {
        if updating {
            Ok(on_record.await?.map(Owner::Record))
        } else {
            Ok(self.keys.get(&key).copied())
        }
    }

    /// The row's key is held from now on (by the first to hold it).
    pub fn keep(&mut self, key: K, owner: Owner) {
        self.keys.entry(key).or_insert(owner);
    }
}

pub(super) async fn import<R: Rows>(job: &mut Job<'_>, items: Vec<Item>) -> Result<()>
where
    R::Snapshot: Serialize,
{
    let entity = R::ENTITY;
    let existing = job.existing(entity, &items).await?;
    let mut cx = R::context(job, &items).await?;
    let mut next = job.first_free_id(entity, &items).await?;
    let mut new: Vec<New<R>> = Vec::new();
    // Rows go as they are checked, new records in batches: memory stays flat.
    for item in items {
        if new.len() >= BATCH {
            insert(job, &mut new).await?;
        }
        let Some(class) = job.class_of(&existing, &item) else {
            continue;
        };
        let fields = match R::check(job, &item, &cx) {
            Ok(f) => f,
            Err(r) => {
                job.refuse(entity, r);
                continue;
            }
        };
        let (id, version) = match class {
            Class::Same { id, version } => {
                update(job, &existing, &mut cx, &item, id, version, fields).await?;
                continue;
            }
            // A restored record is as its database had it, duplicates and all.
            Class::Restore { id, version } => (id, version),
            Class::Fresh | Class::Foreign(_) => {
                if !job.opts.force
                    && let Some(refusal) = R::repeats(job, &cx, &item, &fields, None).await?
                {
                    job.refuse(entity, refusal);
                    continue;
                }
                next += 1;
                (next - 1, 1)
            }
            Class::Unchanged => unreachable!("class_of counts unchanged rows"),
        };
        if let Class::Foreign(theirs) = class
            && let Some(brought) = R::brought(job)
        {
            brought.insert(theirs, id);
        }
        R::keep(&mut cx, Owner::Row(item.at), &fields);
        new.push(New {
            id,
            version,
            fields,
        });
    }
    insert(job, &mut new).await
}

/// Writes the new records gathered so far, and lists them for their audit entries.
async fn insert<R: Bulk>(job: &mut Job<'_>, new: &mut Vec<New<R>>) -> Result<()> {
    kind::insert_many(&mut job.write, new, job.opts.dataset).await?;
    let ids: Vec<(i64, i64)> = new.iter().map(|n| (n.id, n.version)).collect();
    job.created(R::ENTITY, &ids);
    new.clear();
    Ok(())
}

async fn update<R: Rows>(
    job: &mut Job<'_>,
    existing: &Existing,
    cx: &mut R::Context,
    item: &Item,
    id: i64,
    version: i64,
    fields: R,
) -> Result<()>
where
    R::Snapshot: Serialize,
{
    let same = |before: &R::Snapshot| R::stored(before) == fields;
    let Some(opened) = job.open_update::<R>(item, id, version, same).await? else {
        return Ok(());
    };
    if !job.opts.force
        && let Some(refusal) = R::repeats(job, cx, item, &fields, Some(id)).await?
    {
        job.refuse(R::ENTITY, refusal);
        return Ok(());
    }
    job.write_update(existing, item, id, &fields, opened)
        .await?;
    R::keep(cx, Owner::Record(id), &fields);
    Ok(())
}
