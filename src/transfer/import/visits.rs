//! Visits rows: checked like `/record visit add` (dates, provinces, places, leader, sources,
//! and no overlap with a visit from the same province unless forced, whether on record or
//! earlier in the file), written in bulk.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::job::Job;
use super::rows::{Owner, Rows};
use super::{Item, Refusal};
use crate::domain::text::{LONG_MAX, NAME_MAX};
use crate::domain::{SourceInput, VisitLevel};
use crate::error::Result;
use crate::store::region::Country;
use crate::store::visit::{self, Fields, Source};

fn check(job: &Job<'_>, item: &Item) -> Result<Fields, Refusal> {
    let start = item.required_date("start")?;
    let end = item.date("end")?;
    crate::domain::date::check_span(start, end)
        .map_err(|(column, e)| item.refuse(Some(column), e.0))?;
    let mut provinces = job
        .names
        .regions(Country::China, item.required("province")?)
        .map_err(item.at("province"))?;
    provinces.sort_unstable();
    Ok(Fields {
        provinces,
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

/// Live visits' spans by province (on record, then each accepted row of the file), so an
/// overlap is found in memory for any number of rows.
#[derive(Default)]
pub(super) struct Spans {
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

impl Rows for Fields {
    type Context = Spans;

    async fn context(job: &mut Job<'_>, items: &[Item]) -> Result<Spans> {
        let mut provinces: Vec<i64> = items
            .iter()
            .filter_map(|i| i.get("province"))
            .filter_map(|p| job.names.regions(Country::China, p).ok())
            .flatten()
            .collect();
        provinces.sort_unstable();
        provinces.dedup();
        Spans::load(job, &provinces).await
    }

    fn check(job: &Job<'_>, item: &Item, _: &Spans) -> Result<Fields, Refusal> {
        check(job, item)
    }

    async fn repeats(
        _: &mut Job<'_>,
        spans: &Spans,
        item: &Item,
        fields: &Fields,
        except: Option<i64>,
    ) -> Result<Option<Refusal>> {
        Ok(spans
            .overlap(fields, except)
            .map(|owner| overlap_refusal(item, owner)))
    }

    fn keep(spans: &mut Spans, owner: Owner, fields: &Fields) {
        if let Owner::Record(_) = owner {
            spans.remove(owner);
        }
        let (start, end) = span(fields);
        spans.add(&fields.provinces, start, end, owner);
    }

    fn brought<'j>(job: &'j mut Job<'_>) -> Option<&'j mut HashMap<i64, i64>> {
        Some(&mut job.visit_ids)
    }

    fn stored(s: &visit::Snapshot) -> Fields {
        let mut f = Fields::from_snapshot(s);
        f.provinces.sort_unstable();
        f
    }
}
