//! Visits rows: checked like `/record visit add` (dates, provinces, places, leader, sources,
//! and no overlap with a visit from the same province unless forced, whether on record or
//! earlier in the file), written in bulk.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::job::{Class, Existing, Job};
use super::{Item, Location, Refusal};
use crate::domain::Entity;
use crate::domain::text::{LONG_MAX, NAME_MAX};
use crate::domain::{SourceInput, VisitLevel};
use crate::error::Result;
use crate::store::bulk::{self, New};
use crate::store::kind;
use crate::store::region::Country;
use crate::store::visit::{self, Fields, Source};

fn check(job: &Job<'_>, item: &Item) -> Result<Fields, Refusal> {
    let start = item.required_date("start")?;
    let end = item.date("end")?;
    crate::domain::date::check_span(start, end)
        .map_err(|(column, e)| item.refuse(Some(column), e.0))?;
    Ok(Fields {
        provinces: job
            .names
            .regions(Country::China, item.required("province")?)
            .map_err(item.at("province"))?,
        start,
        end,
        city: item.text("city", NAME_MAX)?,
        level: item
            .get("level")
            .map(|l| VisitLevel::parse(l).map(|v| v.label().to_string()))
            .transpose()
            .map_err(item.at("level"))?,
        leader_id: item
            .get("leader")
            .map(|l| job.names.official(l))
            .transpose()
            .map_err(item.at("leader"))?,
        places: item
            .get("places")
            .map(|p| job.names.regions(Country::Korea, p))
            .transpose()
            .map_err(item.at("places"))?
            .unwrap_or_default(),
        purpose: item.text("purpose", LONG_MAX)?,
        size: item.int("size", 1, 10_000)?,
        sources: sources(item)?,
    })
}

/// The `sources` cell (one `url | title | date` per line) and the hand-made `source`,
/// `source_title`, `source_date` columns; a refusal names the column that is wrong.
pub(super) fn sources(item: &Item) -> Result<Vec<Source>, Refusal> {
    let mut out: Vec<Source> = Vec::new();
    for line in item.get("sources").unwrap_or("").lines().map(str::trim) {
        if line.is_empty() {
            continue;
        }
        let (url, title, date) = super::super::split_source(line);
        out.push(
            SourceInput::parse(url, title, date)
                .map(Source::from)
                .map_err(|(_, e)| item.refuse(Some("sources"), e.0))?,
        );
    }
    match item.get("source") {
        Some(url) => out.push(
            SourceInput::parse(url, item.get("source_title"), item.get("source_date"))
                .map(Source::from)
                .map_err(|(column, e)| item.refuse(Some(column), e.0))?,
        ),
        None if item.get("source_title").is_some() || item.get("source_date").is_some() => {
            return Err(item.refuse(Some("source"), crate::msg!("import-source-needs-link")));
        }
        None => {}
    }
    out.dedup_by(|a, b| a.url == b.url);
    Ok(out)
}

/// Who holds a span of days in the overlap index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Record(i64),
    Row(Location),
}

/// Live visits' spans by province (on record, then each accepted row of the file), so an
/// overlap is found in memory for any number of rows.
#[derive(Default)]
struct Spans {
    by_province: HashMap<i64, BTreeMap<NaiveDate, Vec<(NaiveDate, Owner)>>>,
    /// The longest span seen, in days: how far back a start may lie and still overlap.
    longest: i64,
}

fn span(f: &Fields) -> (NaiveDate, NaiveDate) {
    (
        f.start.first_day().naive(),
        f.end.unwrap_or(f.start).last_day().naive(),
    )
}

impl Spans {
    async fn load(job: &mut Job<'_>, provinces: &[i64]) -> Result<Spans> {
        let mut spans = Spans::default();
        for (id, start, end, province) in visit::spans(&mut job.write, provinces).await? {
            let (Ok(start), Ok(end)) = (start.parse(), end.parse()) else {
                continue;
            };
            spans.add(&[province], start, end, Owner::Record(id));
        }
        Ok(spans)
    }

    fn add(&mut self, provinces: &[i64], start: NaiveDate, end: NaiveDate, owner: Owner) {
        self.longest = self.longest.max((end - start).num_days());
        for p in provinces {
            self.by_province
                .entry(*p)
                .or_default()
                .entry(start)
                .or_default()
                .push((end, owner));
        }
    }

    fn remove(&mut self, owner: Owner) {
        for days in self.by_province.values_mut() {
            for spans in days.values_mut() {
                spans.retain(|(_, o)| *o != owner);
            }
        }
    }

    fn overlap(&self, f: &Fields, except: Option<i64>) -> Option<Owner> {
        let (start, end) = span(f);
        let earliest = start - chrono::Days::new(self.longest.max(0) as u64);
        f.provinces.iter().find_map(|p| {
            self.by_province
                .get(p)?
                .range(earliest..=end)
                .find_map(|(_, spans)| {
                    spans
                        .iter()
                        .find(|(e, o)| *e >= start && Some(*o) != except.map(Owner::Record))
                        .map(|(_, o)| *o)
                })
        })
    }
}

fn overlap_refusal(item: &Item, owner: Owner) -> Refusal {
    item.refuse(
        Some("start"),
        match owner {
            Owner::Record(id) => crate::msg!("visit-overlaps", id = id),
            Owner::Row(at) => crate::msg!("import-visit-overlaps-row", at = at.message()),
        },
    )
}

pub(super) async fn import(job: &mut Job<'_>, items: Vec<Item>) -> Result<()> {
    let kind = Entity::Visit;
    let existing = job.existing(kind, Entity::Visit, &items).await?;
    let mut provinces: Vec<i64> = items
        .iter()
        .filter_map(|i| i.get("province"))
        .filter_map(|p| job.names.regions(Country::China, p).ok())
        .flatten()
        .collect();
    provinces.sort_unstable();
    provinces.dedup();
    let mut spans = Spans::load(job, &provinces).await?;
    let mut next = bulk::next_id(&mut job.write, "visits").await?.max(
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
            job.created(kind, Entity::Visit, &ids);
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
        let mut fields = match check(job, item) {
            Ok(f) => f,
            Err(r) => {
                job.refuse(kind, r);
                continue;
            }
        };
        fields.provinces.sort_unstable();
        let (id, version) = match class {
            Class::Same { id, version } => {
                update(job, &existing, &mut spans, item, id, version, fields).await?;
                continue;
            }
            // A restored record is as its database had it, duplicates and all.
            Class::Restore { id, version } => (id, version),
            Class::Fresh | Class::Foreign(_) => {
                if !job.opts.force
                    && let Some(owner) = spans.overlap(&fields, None)
                {
                    job.refuse(kind, overlap_refusal(item, owner));
                    continue;
                }
                next += 1;
                (next - 1, 1)
            }
            Class::Unchanged => unreachable!("handled above"),
        };
        if let Class::Foreign(theirs) = class {
            job.visit_ids.insert(theirs, id);
        }
        let (start, end) = span(&fields);
        spans.add(&fields.provinces, start, end, Owner::Row(item.at));
        new.push(New {
            id,
            version,
            fields,
        });
    }
    kind::insert_many(&mut job.write, &new, job.opts.dataset).await?;
    let ids: Vec<(i64, i64)> = new.iter().map(|n| (n.id, n.version)).collect();
    job.created(kind, Entity::Visit, &ids);
    Ok(())
}

async fn update(
    job: &mut Job<'_>,
    existing: &Existing,
    spans: &mut Spans,
    item: &Item,
    id: i64,
    version: i64,
    fields: Fields,
) -> Result<()> {
    let same = |before: &visit::Snapshot| {
        let mut current = Fields::from_snapshot(before);
        current.provinces.sort_unstable();
        current == fields
    };
    let Some(opened) = job.open_update::<Fields>(item, id, version, same).await? else {
        return Ok(());
    };
    if !job.opts.force
        && let Some(owner) = spans.overlap(&fields, Some(id))
    {
        job.refuse(Entity::Visit, overlap_refusal(item, owner));
        return Ok(());
    }
    job.write_update(existing, item, id, &fields, opened)
        .await?;
    spans.remove(Owner::Record(id));
    let (start, end) = span(&fields);
    spans.add(&fields.provinces, start, end, Owner::Record(id));
    Ok(())
}
