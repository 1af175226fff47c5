//! A row that updates a record, the same for every kind: its version checked against the
//! record's (`Job::conflict`), the row compared with the record, then written and logged.
//! Each kind puts its own duplicate rule between the two halves.

use serde::Serialize;

use super::Item;
use super::job::{Existing, Job};
use crate::error::{Message, Result};
use crate::store::kind::Record;

impl Job<'_> {
    /// The first half: the record as it is and the note of a forced overwrite; `None` when
    /// the row was refused (the record changed since the file's version) or when `same`
    /// finds that the record already says what the row says (counted unchanged).
    pub async fn open_update<R: Record>(
        &mut self,
        item: &Item,
        id: i64,
        version: i64,
        same: impl FnOnce(&R::Snapshot) -> bool,
    ) -> Result<Option<(R::Snapshot, Option<Message>)>> {
        let note = match self.conflict(R::ENTITY, item, id, version).await? {
            Ok(note) => note,
            Err(refusal) => {
                self.refuse(item.kind, refusal);
                return Ok(None);
            }
        };
        let before = R::load(&mut self.write, id)
            .await?
            .expect("a record the file updates is live");
        if same(&before) {
            self.count(item.kind).unchanged += 1;
            return Ok(None);
        }
        Ok(Some((before, note)))
    }

    /// The second half: `fields` written over record `id` and logged against `before`.
    pub async fn write_update<R: Record>(
        &mut self,
        existing: &Existing,
        item: &Item,
        id: i64,
        fields: &R,
        opened: (R::Snapshot, Option<Message>),
    ) -> Result<()>
    where
        R::Snapshot: Serialize,
    {
        fields.write(&mut self.write, id).await?;
        self.log_update::<R>(existing, item, id, opened).await
    }

    /// Logs record `id`, written since `open_update`, against what it was then (for a kind
    /// that writes more than its fields: an official's posts and spellings).
    pub async fn log_update<R: Record>(
        &mut self,
        existing: &Existing,
        item: &Item,
        id: i64,
        (before, note): (R::Snapshot, Option<Message>),
    ) -> Result<()>
    where
        R::Snapshot: Serialize,
    {
        let diff = Job::diff(existing, item, id);
        let before = serde_json::to_value(before)?;
        self.updated(R::ENTITY, item, id, before, diff, note).await
    }
}
