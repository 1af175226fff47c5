//! One import as one transaction: the kinds in dependency order (officials, visits, forums,
//! meetings, outcomes), each checked row by row and written in bulk; then the audit entries and the
//! search entries of the new records. Committed only when asked and nothing was refused.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::{File, Item, Location, Refusal};
use crate::domain::Entity;
use crate::error::{Message, Result};
use crate::msg;
use crate::progress::Progress;
use crate::store::audit::{self, Author};
use crate::store::change;
use crate::store::names::Names;
use crate::store::{self, WriteTx};
use crate::transfer::item::{in_english, kind_name};

#[derive(Debug, Clone)]
pub struct Options {
    /// `user` for people's files, `sample` for the shipped sample.
    pub dataset: &'static str,
    /// Add visits, meetings and forums that look like duplicates; overwrite records changed
    /// since the file was exported.
    pub force: bool,
    /// Commit; otherwise the same work is rolled back (a preview).
    pub apply: bool,
}

#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub refused: usize,
}

/// What an import does to one existing record, or a note about a row, for the preview.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub kind: &'static str,
    #[serde(serialize_with = "as_text")]
    pub at: Location,
    pub record: i64,
    /// The columns that change ("purpose: old → new"), or a note about the row. Said in
    /// English in data (`ask --json`); in the reader's language in replies.
    #[serde(serialize_with = "in_english")]
    pub what: Message,
}

fn as_text<S: serde::Serializer>(at: &Location, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.collect_str(at)
}

/// New records are written this many at a time.
pub(super) const BATCH: usize = 10_000;

/// How many changes and refusals a report keeps in full (the counts stay exact).
const KEEP: usize = 2000;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub file: String,
    pub rows: usize,
    pub counts: BTreeMap<&'static str, Counts>,
    pub changes: Vec<Change>,
    pub changes_total: usize,
    pub refused: Vec<Refusal>,
    pub refused_total: usize,
    /// Rows that carried ids of another database (or of none) and were added as new.
    pub foreign_ids: usize,
    /// The database was blank and took the file's ids, versions and identity.
    pub restore: bool,
    pub applied: bool,
    pub batch: Option<i64>,
}

impl Report {
    /// "visits: 3 new, 1 changed, 0 unchanged" for each kind in the file, in English: the
    /// summary the audit log keeps (replies say the counts in the reader's language).
    pub fn lines(&self) -> Vec<String> {
        Entity::ALL
            .iter()
            .filter_map(|k| self.counts.get(k.plural()).map(|c| (k, c)))
            .map(|(k, c)| {
                let refused = if c.refused > 0 {
                    format!(", {} refused", c.refused)
                } else {
                    String::new()
                };
                format!(
                    "{}: {} new, {} changed, {} unchanged{refused}",
                    k.plural(),
                    c.created,
                    c.updated,
                    c.unchanged
                )
            })
            .collect()
    }
}

/// What a row means before its values are checked.
pub(super) enum Class {
    /// No id: a new record.
    Fresh,
    /// An id of another database (or of none): a new record; the id is only the file's name
    /// for it (meetings and forums of the same file may refer to it).
    Foreign(i64),
    /// An id of this database that names no record (a restore, or a record exported before
    /// this copy was made): created with that id and version.
    Restore { id: i64, version: i64 },
    /// An id of this database whose record the row would change.
    Same { id: i64, version: i64 },
    /// The row says exactly what the record holds.
    Unchanged,
}

/// The records of this database that a file names by id: versions, and their rows as
/// export writes them (to see at a glance which rows change nothing).
pub(super) struct Existing {
    versions: HashMap<i64, (i64, bool)>,
    rows: HashMap<i64, super::super::export::Row>,
}

/// The state one import carries from kind to kind.
pub(super) struct Job<'a> {
    pub write: change::Change,
    pub names: Names,
    /// This database's identity (after a restore, the file's).
    pub identity: String,
    pub opts: &'a Options,
    pub report: Report,
    /// Visits of another database named by their id in this file → the new record's id.
    pub visit_ids: HashMap<i64, i64>,
    /// Meetings and forums likewise (outcomes refer to them).
    pub meeting_ids: HashMap<i64, i64>,
    pub forum_ids: HashMap<i64, i64>,
    /// New records (kind, id, version): one audit entry and one search entry each, in bulk.
    created: Vec<(Entity, i64, i64)>,
    progress: &'a Progress,
    done: u64,
    total: u64,
}

impl Job<'_> {
    pub fn refuse(&mut self, kind: Entity, refusal: Refusal) {
        self.count(kind).refused += 1;
        self.report.refused_total += 1;
        if self.report.refused.len() < KEEP {
            self.report.refused.push(refusal);
        }
    }

    pub fn change(&mut self, kind: Entity, at: Location, record: i64, what: Message) {
        self.report.changes_total += 1;
        if self.report.changes.len() < KEEP {
            self.report.changes.push(Change {
                kind: kind.as_str(),
                at,
                record,
                what,
            });
        }
    }

    pub fn count(&mut self, kind: Entity) -> &mut Counts {
        self.report.counts.entry(kind.plural()).or_default()
    }

    pub fn created(&mut self, entity: Entity, ids: &[(i64, i64)]) {
        self.count(entity).created += ids.len();
        self.created
            .extend(ids.iter().map(|(id, version)| (entity, *id, *version)));
    }

    /// One row checked: progress every thousand rows.
    fn tick(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(1000) || self.done == self.total {
            self.progress.report("checking", self.done, self.total);
        }
    }

    /// Whether an id from the file names a record of this database.
    pub fn ours(&self, item: &Item) -> bool {
        item.from_database(&self.identity)
    }

    /// The visit a number in a row means: this database's visit for a row of this database
    /// or of a hand-made file (no identity); for a row of another database, the visit that
    /// the same file brought in under that number, if any.
    pub fn visit_ref(&self, item: &Item, number: i64) -> Option<i64> {
        self.reference(&self.visit_ids, item, number)
    }

    /// `visit_ref` for any kind, with the ids this file brought in for that kind.
    pub fn reference(&self, brought: &HashMap<i64, i64>, item: &Item, number: i64) -> Option<i64> {
        if self.ours(item) {
            return Some(number);
        }
        if let Some(new) = brought.get(&number) {
            return Some(*new);
        }
        item.get(super::super::DATABASE).is_none().then_some(number)
    }

    /// The refusal for a number of another database's visit that this file does not bring.
    pub fn foreign_visit(item: &Item, column: &'static str, number: i64) -> Refusal {
        Job::foreign(item, column, Entity::Visit, number)
    }

    /// `foreign_visit` for a record of any kind (`what`: "meeting", "forum").
    pub fn foreign(item: &Item, column: &'static str, what: Entity, number: i64) -> Refusal {
        item.refuse(
            Some(column),
            msg!(
                "import-foreign-record",
                kind = kind_name(what),
                number = number.to_string(),
                column = column
            ),
        )
    }

    /// Loads what `classify` needs about the records these rows name.
    pub async fn existing(&mut self, entity: Entity, items: &[Item]) -> Result<Existing> {
        let ids: Vec<i64> = items
            .iter()
            .filter(|i| self.ours(i))
            .filter_map(|i| i.id().ok().flatten())
            .collect();
        let versions = store::versions(&mut self.write, entity, &ids).await?;
        let rows = super::super::export::rows(&mut self.write, entity, Some(&ids))
            .await?
            .into_iter()
            .filter_map(|r| r.get("id").and_then(|v| v.as_i64()).map(|id| (id, r)))
            .collect();
        Ok(Existing { versions, rows })
    }

    /// The first number a new record of `entity` may take: above those on record and those
    /// this database's rows bring back.
    pub async fn first_free_id(&mut self, entity: Entity, items: &[Item]) -> Result<i64> {
        let brought = items
            .iter()
            .filter(|i| self.ours(i))
            .filter_map(|i| i.id().ok().flatten())
            .max()
            .unwrap_or(0);
        let free = store::bulk::next_id(&mut self.write, entity.plural()).await?;
        Ok(free.max(brought + 1))
    }

    /// `classify`, with the rows that change nothing counted and the refused ones listed:
    /// `None` for both, as the row needs no more work.
    pub fn class_of(&mut self, existing: &Existing, item: &Item) -> Option<Class> {
        self.tick();
        match self.classify(existing, item) {
            Ok(Class::Unchanged) => {
                self.count(item.kind).unchanged += 1;
                None
            }
            Ok(class) => Some(class),
            Err(refusal) => {
                self.refuse(item.kind, refusal);
                None
            }
        }
    }

    /// What a row means: new, restored with its id, an update, or no change.
    fn classify(&mut self, existing: &Existing, item: &Item) -> Result<Class, Refusal> {
        let version = item.version()?;
        let Some(id) = item.id()? else {
            return Ok(Class::Fresh);
        };
        if !self.ours(item) {
            self.report.foreign_ids += 1;
            return Ok(Class::Foreign(id));
        }
        match existing.versions.get(&id) {
            Some((_, true)) => Err(item.refuse(
                Some("id"),
                msg!(
                    "import-deleted",
                    kind = kind_name(item.kind),
                    id = id.to_string()
                ),
            )),
            Some((current, false)) => Ok(
                if existing
                    .rows
                    .get(&id)
                    .is_some_and(|row| item.differences(row).is_empty())
                {
                    Class::Unchanged
                } else {
                    Class::Same {
                        id,
                        version: *current,
                    }
                },
            ),
            None => Ok(Class::Restore {
                id,
                version: version.unwrap_or(1),
            }),
        }
    }

    /// The optimistic check of an update row: refused when the record changed after the
    /// version the file was exported at, unless forced (then the note says what is lost).
    pub async fn conflict(
        &mut self,
        entity: Entity,
        item: &Item,
        id: i64,
        current: i64,
    ) -> Result<std::result::Result<Option<Message>, Refusal>> {
        let what = || kind_name(item.kind);
        let seen = match item.version() {
            Ok(Some(v)) => v,
            Ok(None) if self.opts.force => {
                return Ok(Ok(Some(msg!(
                    "import-overwrites-unversioned",
                    kind = what(),
                    id = id.to_string()
                ))));
            }
            Ok(None) => {
                return Ok(Err(item.refuse(
                    Some("version"),
                    msg!("import-no-version", kind = what(), id = id.to_string()),
                )));
            }
            Err(r) => return Ok(Err(r)),
        };
        if seen == current {
            return Ok(Ok(None));
        }
        // The changes as the audit log summarizes them (in English), each with its author.
        let changes = audit::changes_since(&mut self.write, entity, id, seen)
            .await?
            .into_iter()
            .map(|(change, who)| msg!("change-by", change = change, who = who))
            .reduce(|first, second| msg!("list-semicolon", first = first, second = second))
            .unwrap_or_else(|| msg!("stale-unknown"));
        Ok(if self.opts.force {
            Ok(Some(msg!(
                "import-overwrites-changes",
                seen = seen.to_string(),
                changes = changes
            )))
        } else {
            Err(item.refuse(
                Some("version"),
                msg!(
                    "import-changed-since",
                    kind = what(),
                    id = id.to_string(),
                    seen = seen.to_string(),
                    changes = changes
                ),
            ))
        })
    }

    /// Logs an update (audit entry, search entry) and lists it for the preview.
    pub async fn updated(
        &mut self,
        entity: Entity,
        item: &Item,
        id: i64,
        before: serde_json::Value,
        diff: Vec<String>,
        note: Option<Message>,
    ) -> Result<()> {
        self.write.log_json(entity, id, before).await?;
        self.count(item.kind).updated += 1;
        let mut what = Message::verbatim(diff.join("; "));
        if let Some(note) = note {
            what = msg!("import-change-note", diff = what, note = note);
        }
        self.change(item.kind, item.at, id, what);
        Ok(())
    }

    /// The preview's old → new for a row that changes a record.
    pub fn diff(existing: &Existing, item: &Item, id: i64) -> Vec<String> {
        existing
            .rows
            .get(&id)
            .map(|row| item.differences(row))
            .unwrap_or_default()
    }

    /// Audit entries and search entries for every new record, in bulk.
    async fn finish(&mut self) -> Result<()> {
        self.progress
            .report("writing", self.created.len() as u64, self.total);
        self.write.created_many(&self.created).await
    }
}

/// What an import keeps between its start and its end besides the job: the batch it writes
/// under, the connection's cache size to give back, and the name of the file.
pub(super) struct Opened {
    batch: i64,
    cache: i64,
    file: String,
}

/// Starts an import of `file` in the transaction `tx`: the job, and the file's items by kind
/// (each kind is then imported by its module, `import::run`).
pub(super) async fn start<'a>(
    mut tx: WriteTx,
    author: &Author<'_>,
    file: File,
    opts: &'a Options,
    progress: &'a Progress,
) -> Result<(Job<'a>, BTreeMap<Entity, Vec<Item>>, Opened)> {
    // A big file is one transaction: the connection caches what it writes, and gives the
    // memory back at the end (a bot's pool keeps a small cache).
    let cache = store::bulk::widen_cache(&mut tx).await?;
    let mut identity = store::identity(&mut tx).await?;
    let first = file.identity.clone().or_else(|| {
        file.items
            .first()
            .and_then(|i| i.get(super::super::DATABASE))
            .map(str::to_string)
    });
    let restore = first.is_some()
        && file
            .items
            .iter()
            .all(|i| i.get(super::super::DATABASE) == first.as_deref())
        && store::is_blank(&mut tx).await?;
    if restore && let Some(theirs) = first {
        store::set_identity(&mut tx, &theirs).await?;
        identity = theirs;
    }
    let mut write =
        change::Change::begin(tx, author, "import", &format!("import {}", file.name)).await?;
    let batch = write.batch();
    let names = Names::load(&mut write).await?;
    let total = file.items.len() as u64;
    let job = Job {
        write,
        names,
        identity,
        opts,
        report: Report {
            file: file.name.clone(),
            rows: file.items.len(),
            restore,
            ..Report::default()
        },
        visit_ids: HashMap::new(),
        meeting_ids: HashMap::new(),
        forum_ids: HashMap::new(),
        created: Vec::new(),
        progress,
        done: 0,
        total,
    };
    let mut by_kind: BTreeMap<Entity, Vec<Item>> =
        file.kinds.iter().map(|k| (*k, Vec::new())).collect();
    for item in file.items {
        by_kind.entry(item.kind).or_default().push(item);
    }
    let opened = Opened {
        batch,
        cache,
        file: file.name,
    };
    Ok((job, by_kind, opened))
}

/// Ends an import: writes the audit and search entries of the new records, then commits
/// when `opts.apply` and no row was refused, otherwise rolls back.
pub(super) async fn end(mut job: Job<'_>, opened: Opened) -> Result<Report> {
    let Opened { batch, cache, file } = opened;
    let (opts, progress, total) = (job.opts, job.progress, job.total);
    job.finish().await?;
    let mut report = job.report;
    let summary = format!("import {file} ({})", report.lines().join("; "));
    job.write.summarize(&summary).await?;
    store::bulk::restore_cache(&mut job.write, cache).await?;
    if opts.apply && report.refused_total == 0 {
        job.write.commit().await?;
        report.applied = true;
        report.batch = Some(batch);
    } else {
        job.write.rollback().await?;
    }
    progress.report("done", total, total);
    Ok(report)
}
