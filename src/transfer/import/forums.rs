//! Forums rows: checked like `/record forum add` (the visits that attended must be live),
//! refused as duplicates (same name, edition and first day) unless forced, written in bulk.

use crate::i18n::records;
use std::collections::HashMap;

use super::job::{Class, Existing, Job};
use super::{Item, Location, Refusal};
use crate::domain::Entity;
use crate::domain::text::{NAME_MAX, SHORT_MAX};
use crate::domain::{ForumKind, Text};
use crate::error::Result;
use crate::store::bulk::{self, New};
use crate::store::forum::{self, Fields};
use crate::store::kind;
use crate::store::visit;

/// The visit numbers a row names, as written.
fn numbers(item: &Item) -> Result<Vec<i64>, Refusal> {
    item.get("visits")
        .unwrap_or("")
        .split([',', ';'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.trim_start_matches('#').parse::<i64>().map_err(|_| {
                item.refuse(
                    Some("visits"),
                    crate::msg!(
                        "import-not-visit-number",
                        value = v.chars().take(20).collect::<String>()
                    ),
                )
            })
        })
        .collect()
}

fn check(
    job: &Job<'_>,
    item: &Item,
    live: &HashMap<i64, (String, String)>,
) -> Result<Fields, Refusal> {
    let start = item.required_date("start")?;
    let end = item.date("end")?;
    crate::domain::date::check_span(start, end)
        .map_err(|(column, e)| item.refuse(Some(column), e.0))?;
    let mut visits = Vec::new();
    for n in numbers(item)? {
        let id = job
            .visit_ref(item, n)
            .ok_or_else(|| Job::foreign_visit(item, "visits", n))?;
        if !live.contains_key(&id) {
            return Err(item.refuse(
                Some("visits"),
                crate::store::change::missing(Entity::Visit, id),
            ));
        }
        visits.push(id);
    }
    visits.sort_unstable();
    visits.dedup();
    Ok(Fields {
        name: Text::parse("name", item.required("name")?, SHORT_MAX)
            .map_err(item.at("name"))?
            .into_string(),
        kind: ForumKind::parse(item.required("kind")?)
            .map_err(item.at("kind"))?
            .label()
            .to_string(),
        edition: item.text("edition", NAME_MAX)?,
        start,
        end,
        place: item.text("place", NAME_MAX)?,
        organizer: item.text("organizer", SHORT_MAX)?,
        visits,
    })
}

#[derive(Clone, Copy)]
enum Owner {
    Record(i64),
    Row(Location),
}

fn duplicate(item: &Item, owner: Owner) -> Refusal {
    item.refuse(
        Some("name"),
        match owner {
            Owner::Record(id) => records::duplicate("forum", id).into(),
            Owner::Row(at) => crate::msg!("import-forum-repeats-row", at = at.message()),
        },
    )
}

pub(super) async fn import(job: &mut Job<'_>, items: Vec<Item>) -> Result<()> {
    let kind = Entity::Forum;
    let existing = job.existing(kind, Entity::Forum, &items).await?;
    let mut wanted: Vec<i64> = Vec::new();
    for item in &items {
        for n in numbers(item).unwrap_or_default() {
            wanted.extend(job.visit_ref(item, n));
        }
    }
    let live = visit::live_spans(&mut job.write, &wanted).await?;
    let mut keys: HashMap<(String, String, String), Owner> = forum::keys(&mut job.write)
        .await?
        .into_iter()
        .map(|(id, key)| (key, Owner::Record(id)))
        .collect();
    let mut next = bulk::next_id(&mut job.write, "forums").await?.max(
        items
            .iter()
            .filter(|i| job.ours(i))
            .filter_map(|i| i.id().ok().flatten())
            .max()
            .unwrap_or(0)
            + 1,
    );
    let mut new: Vec<New<Fields>> = Vec::new();
    // Rows go as they are checked, new records in batches: memory stays flat.
    for (n, item) in items.into_iter().enumerate() {
        let item = &item;
        if n > 0 && n % super::job::BATCH == 0 && !new.is_empty() {
            kind::insert_many(&mut job.write, &new, job.opts.dataset).await?;
            let ids: Vec<(i64, i64)> = new.iter().map(|n| (n.id, n.version)).collect();
            job.created(kind, Entity::Forum, &ids);
            new.clear();
        }
        job.tick();
        let class = match job.classify(&existing, item) {
            Ok(Class::Unchanged) => {
                job.count(kind).unchanged += 1;
                continue;
            }
            Ok(c) => c,
            Err(r) => {
                job.refuse(kind, r);
                continue;
            }
        };
        let fields = match check(job, item, &live) {
            Ok(f) => f,
            Err(r) => {
                job.refuse(kind, r);
                continue;
            }
        };
        let key = forum::key(
            &fields.name,
            fields.edition.as_deref(),
            &fields.start.first_day().to_string(),
        );
        let (id, version) = match class {
            Class::Same { id, version } => {
                update(job, &existing, item, id, version, fields).await?;
                continue;
            }
            Class::Restore { id, version } => (id, version),
            Class::Fresh | Class::Foreign(_) => {
                if !job.opts.force
                    && let Some(owner) = keys.get(&key)
                {
                    job.refuse(kind, duplicate(item, *owner));
                    continue;
                }
                next += 1;
                (next - 1, 1)
            }
            Class::Unchanged => unreachable!("handled above"),
        };
        if let Class::Foreign(theirs) = class {
            job.forum_ids.insert(theirs, id);
        }
        keys.entry(key).or_insert(Owner::Row(item.at));
        new.push(New {
            id,
            version,
            fields,
        });
    }
    kind::insert_many(&mut job.write, &new, job.opts.dataset).await?;
    let ids: Vec<(i64, i64)> = new.iter().map(|n| (n.id, n.version)).collect();
    job.created(kind, Entity::Forum, &ids);
    Ok(())
}

async fn update(
    job: &mut Job<'_>,
    existing: &Existing,
    item: &Item,
    id: i64,
    version: i64,
    fields: Fields,
) -> Result<()> {
    let same = |before: &forum::Snapshot| Fields::from_snapshot(before) == fields;
    let Some(opened) = job.open_update::<Fields>(item, id, version, same).await? else {
        return Ok(());
    };
    if !job.opts.force
        && let Some(other) = forum::find_duplicate(&mut job.write, &fields, Some(id)).await?
    {
        job.refuse(Entity::Forum, duplicate(item, Owner::Record(other)));
        return Ok(());
    }
    job.write_update(existing, item, id, &fields, opened).await
}
