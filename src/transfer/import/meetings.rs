//! Meetings rows: checked like `/record meeting add` (known officials; a meeting of a visit
//! falls within its dates), refused as duplicates (same day, same people) unless forced,
//! written in bulk.

use crate::i18n::records;
use std::collections::HashMap;

use super::job::{Class, Existing, Job};
use super::{Item, Location, Refusal};
use crate::domain::Entity;
use crate::domain::text::{LONG_MAX, NAME_MAX};
use crate::error::Result;
use crate::store::bulk::{self, New};
use crate::store::kind;
use crate::store::meeting::{self, Fields};
use crate::store::visit;

fn check(
    job: &Job<'_>,
    item: &Item,
    live: &HashMap<i64, (String, String)>,
) -> Result<Fields, Refusal> {
    let date = item.required_date("date")?;
    crate::domain::date::check_not_far("date", date).map_err(item.at("date"))?;
    let mut participants = job
        .names
        .officials(item.required("officials")?)
        .map_err(item.at("officials"))?;
    participants.sort_unstable();
    let visit_id = match item.int("visit", 1, crate::transfer::item::MAX_ID)? {
        None => None,
        Some(n) => {
            let id = job
                .visit_ref(item, n)
                .ok_or_else(|| Job::foreign_visit(item, "visit", n))?;
            let Some((start, end)) = live.get(&id) else {
                return Err(item.refuse(
                    Some("visit"),
                    crate::store::change::missing(Entity::Visit, id),
                ));
            };
            if !date.falls_within(start, end) {
                return Err(item.refuse(
                    Some("date"),
                    crate::msg!(
                        "meeting-outside-visit",
                        date = date.to_string(),
                        id = id,
                        from = start,
                        to = end
                    ),
                ));
            }
            Some(id)
        }
    };
    Ok(Fields {
        date,
        place: item.text("place", NAME_MAX)?,
        summary: item.text("summary", LONG_MAX)?,
        visit_id,
        participants,
    })
}

#[derive(Clone, Copy)]
enum Owner {
    Record(i64),
    Row(Location),
}

fn duplicate(item: &Item, owner: Owner) -> Refusal {
    item.refuse(
        Some("officials"),
        match owner {
            Owner::Record(id) => records::duplicate("meeting", id).into(),
            Owner::Row(at) => crate::msg!("import-meeting-repeats-row", at = at.message()),
        },
    )
}

pub(super) async fn import(job: &mut Job<'_>, items: Vec<Item>) -> Result<()> {
    let kind = Entity::Meeting;
    let existing = job.existing(kind, Entity::Meeting, &items).await?;
    let mut wanted: Vec<i64> = Vec::new();
    let mut days: Vec<String> = Vec::new();
    for item in &items {
        if let Ok(Some(n)) = item.int("visit", 1, crate::transfer::item::MAX_ID) {
            wanted.extend(job.visit_ref(item, n));
        }
        if let Ok(Some(d)) = item.date("date") {
            days.push(d.first_day().to_string());
        }
    }
    days.sort_unstable();
    days.dedup();
    let live = visit::live_spans(&mut job.write, &wanted).await?;
    let mut keys: HashMap<(String, Vec<i64>), Owner> = meeting::on_days(&mut job.write, &days)
        .await?
        .into_iter()
        .map(|(id, day, people)| ((day, people), Owner::Record(id)))
        .collect();
    let mut next = bulk::next_id(&mut job.write, "meetings").await?.max(
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
            job.created(kind, Entity::Meeting, &ids);
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
        let key = (
            fields.date.first_day().to_string(),
            fields.participants.clone(),
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
            job.meeting_ids.insert(theirs, id);
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
    job.created(kind, Entity::Meeting, &ids);
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
    let same = |before: &meeting::Snapshot| {
        let mut current = Fields::from_snapshot(before);
        current.participants.sort_unstable();
        current == fields
    };
    let Some(opened) = job.open_update::<Fields>(item, id, version, same).await? else {
        return Ok(());
    };
    if !job.opts.force
        && let Some(other) = meeting::find_duplicate(&mut job.write, &fields, Some(id)).await?
    {
        job.refuse(Entity::Meeting, duplicate(item, Owner::Record(other)));
        return Ok(());
    }
    job.write_update(existing, item, id, &fields, opened).await
}
