//! Outcomes rows: checked like `/outcome add` (kind, status, an amount with its
//! currency, provinces, live links to a visit, meeting or forum, sources), refused as
//! duplicates (the same kind and title for a province within a week, on record or earlier
//! in the file) unless forced, written in bulk.

use crate::error::Message;
use crate::i18n::records;
use std::collections::{HashMap, HashSet};

use chrono::Duration;

use super::job::{Class, Existing, Job};
use super::{Item, Location, Refusal};
use crate::domain::Entity;
use crate::domain::text::{LONG_MAX, NAME_MAX, SHORT_MAX};
use crate::domain::{Amount, Currency, Money, OutcomeKind, OutcomeStatus, Text};
use crate::error::Result;
use crate::store;
use crate::store::bulk::{self, New};
use crate::store::kind;
use crate::store::outcome::{self, DUPLICATE_DAYS, Fields, Repeat, Said, link};
use crate::store::region::Country;

/// The live records of each kind the rows link to.
struct Live {
    visits: HashSet<i64>,
    meetings: HashSet<i64>,
    forums: HashSet<i64>,
    /// The live visits' days and provinces, and the provinces' names, for the link rule.
    spans: HashMap<i64, link::VisitSpan>,
    names: HashMap<i64, String>,
}

/// A link cell (`visit`, `meeting`, `forum`): the record it means, which must be live.
fn link(
    job: &Job<'_>,
    item: &Item,
    column: &'static str,
    brought: &HashMap<i64, i64>,
    live: &HashSet<i64>,
) -> Result<Option<i64>, Refusal> {
    let Some(n) = item.int(column, 1, crate::transfer::item::MAX_ID)? else {
        return Ok(None);
    };
    let entity = match column {
        "visit" => Entity::Visit,
        "meeting" => Entity::Meeting,
        _ => Entity::Forum,
    };
    let id = job
        .reference(brought, item, n)
        .ok_or_else(|| Job::foreign(item, column, entity, n))?;
    if !live.contains(&id) {
        return Err(item.refuse(Some(column), crate::store::change::missing(entity, id)));
    }
    Ok(Some(id))
}

fn check(job: &Job<'_>, item: &Item, live: &Live) -> Result<Fields, Refusal> {
    let date = item.required_date("date")?;
    crate::domain::date::check_not_far("date", date).map_err(item.at("date"))?;
    let currency = item
        .get("currency")
        .map(Currency::parse)
        .transpose()
        .map_err(item.at("currency"))?;
    let amount = match (item.get("amount"), currency) {
        (Some(a), c) => Some(Money::parse(a, c).map_err(item.at("amount"))?),
        (None, Some(c)) => {
            return Err(item.refuse(
                Some("currency"),
                crate::msg!("import-currency-without-amount", currency = c.to_string()),
            ));
        }
        (None, None) => None,
    };
    let f = Fields {
        kind: OutcomeKind::parse(item.required("kind")?).map_err(item.at("kind"))?,
        title: Text::parse("title", item.required("title")?, SHORT_MAX)
            .map_err(item.at("title"))?
            .into_string(),
        date,
        status: item
            .get("status")
            .map(OutcomeStatus::parse)
            .transpose()
            .map_err(item.at("status"))?
            .unwrap_or(OutcomeStatus::Signed),
        provinces: item
            .get("province")
            .map(|p| job.names.regions(Country::China, p))
            .transpose()
            .map_err(item.at("province"))?
            .unwrap_or_default(),
        city: item.text("city", NAME_MAX)?,
        korean_side: item.text("korean_side", SHORT_MAX)?,
        amount,
        visit_id: link(job, item, "visit", &job.visit_ids, &live.visits)?,
        meeting_id: link(job, item, "meeting", &job.meeting_ids, &live.meetings)?,
        forum_id: link(job, item, "forum", &job.forum_ids, &live.forums)?,
        summary: item.text("summary", LONG_MAX)?,
        sources: super::visits::sources(item)?,
    };
    // Dated within the visit it came of, for its provinces, unless forced (as typed ones).
    if let Some(id) = f.visit_id
        && !job.opts.force
        && let Some(span) = live.spans.get(&id)
    {
        let misfits = link::misfits(f.date, &f.provinces, span);
        if !misfits.is_empty() {
            let what = records::misfits(f.date, id, span, &misfits, &live.names);
            return Err(item.refuse(
                Some("visit"),
                crate::msg!("import-outcome-misfit", what = what),
            ));
        }
    }
    Ok(f)
}

/// The new outcomes of this file so far: what the duplicate rule compares, the days their
/// dates cover and where they are; found by kind and title, and by kind and amount.
#[derive(Default)]
struct Seen {
    rows: Vec<(Said, chrono::NaiveDate, chrono::NaiveDate, Location)>,
    by_title: HashMap<(OutcomeKind, String), Vec<usize>>,
    by_amount: HashMap<(OutcomeKind, Amount, Currency), Vec<usize>>,
}

impl Seen {
    fn add(&mut self, f: &Fields, at: Location) {
        let said = Said::of(f);
        let i = self.rows.len();
        self.by_title
            .entry((said.kind, said.title.clone()))
            .or_default()
            .push(i);
        if let Some(m) = said.amount {
            self.by_amount
                .entry((said.kind, m.amount, m.currency))
                .or_default()
                .push(i);
        }
        let (first, last) = (f.date.first_day().naive(), f.date.last_day().naive());
        self.rows.push((said, first, last, at));
    }

    /// An earlier row of this file that `f` repeats (the rule of `outcome::find_duplicate`).
    fn repeated(&self, f: &Fields) -> Option<(Location, Repeat)> {
        let week = Duration::days(DUPLICATE_DAYS);
        let said = Said::of(f);
        let (first, last) = (f.date.first_day().naive(), f.date.last_day().naive());
        let near = self
            .by_title
            .get(&(said.kind, said.title.clone()))
            .into_iter()
            .chain(
                said.amount
                    .and_then(|m| self.by_amount.get(&(said.kind, m.amount, m.currency))),
            )
            .flatten();
        near.filter_map(|&i| self.rows.get(i))
            .find_map(|(other, from, to, at)| {
                (*from <= last + week && first <= *to + week)
                    .then(|| Repeat::of(other, &said))
                    .flatten()
                    .map(|by| (*at, by))
            })
    }
}

async fn live(job: &mut Job<'_>, items: &[Item]) -> Result<Live> {
    let mut wanted: HashMap<&'static str, Vec<i64>> = HashMap::new();
    for item in items {
        for (column, brought) in [
            ("visit", &job.visit_ids),
            ("meeting", &job.meeting_ids),
            ("forum", &job.forum_ids),
        ] {
            if let Ok(Some(n)) = item.int(column, 1, crate::transfer::item::MAX_ID) {
                wanted
                    .entry(column)
                    .or_default()
                    .extend(job.reference(brought, item, n));
            }
        }
    }
    let mut sets = Vec::new();
    for (column, entity) in [
        ("visit", Entity::Visit),
        ("meeting", Entity::Meeting),
        ("forum", Entity::Forum),
    ] {
        let ids = wanted.remove(column).unwrap_or_default();
        let versions = store::versions(&mut job.write, entity, &ids).await?;
        sets.push(
            versions
                .into_iter()
                .filter(|(_, (_, deleted))| !deleted)
                .map(|(id, _)| id)
                .collect::<HashSet<i64>>(),
        );
    }
    let forums = sets.pop().expect("three");
    let meetings = sets.pop().expect("three");
    let visits = sets.pop().expect("three");
    let ids: Vec<i64> = visits.iter().copied().collect();
    Ok(Live {
        spans: link::visit_spans(&mut job.write, &ids).await?,
        names: store::region::name_map(&mut **job.write).await?,
        visits,
        meetings,
        forums,
    })
}

pub(super) async fn import(job: &mut Job<'_>, items: Vec<Item>) -> Result<()> {
    let kind = Entity::Outcome;
    let existing = job.existing(kind, Entity::Outcome, &items).await?;
    let live = live(job, &items).await?;
    let mut next = bulk::next_id(&mut job.write, "outcomes").await?.max(
        items
            .iter()
            .filter(|i| job.ours(i))
            .filter_map(|i| i.id().ok().flatten())
            .max()
            .unwrap_or(0)
            + 1,
    );
    let mut seen = Seen::default();
    let mut new: Vec<New<Fields>> = Vec::new();
    for item in &items {
        if !new.is_empty() && new.len().is_multiple_of(super::job::BATCH) {
            kind::insert_many(&mut job.write, &new, job.opts.dataset).await?;
            let ids: Vec<(i64, i64)> = new.iter().map(|n| (n.id, n.version)).collect();
            job.created(kind, Entity::Outcome, &ids);
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
        let (id, version) = match class {
            Class::Same { id, version } => {
                update(job, &existing, item, id, version, fields).await?;
                continue;
            }
            // A restored record is as its database had it, duplicates and all.
            Class::Restore { id, version } => (id, version),
            Class::Fresh | Class::Foreign(_) => {
                if !job.opts.force {
                    let repeated = match seen.repeated(&fields) {
                        Some((at, by)) => Some(crate::msg!(
                            "import-outcome-repeats-row",
                            at = at.message(),
                            by = records::repeat(by.name()),
                            days = DUPLICATE_DAYS.to_string()
                        )),
                        None => outcome::find_duplicate(&mut job.write, &fields, None)
                            .await?
                            .map(said),
                    };
                    if let Some(why) = repeated {
                        job.refuse(kind, item.refuse(Some("title"), why));
                        continue;
                    }
                }
                next += 1;
                (next - 1, 1)
            }
            Class::Unchanged => unreachable!("handled above"),
        };
        seen.add(&fields, item.at);
        new.push(New {
            id,
            version,
            fields,
        });
    }
    kind::insert_many(&mut job.write, &new, job.opts.dataset).await?;
    let ids: Vec<(i64, i64)> = new.iter().map(|n| (n.id, n.version)).collect();
    job.created(kind, Entity::Outcome, &ids);
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
    let same = |before: &outcome::Snapshot| Fields::from_snapshot(before) == fields;
    let Some(opened) = job.open_update::<Fields>(item, id, version, same).await? else {
        return Ok(());
    };
    if !job.opts.force
        && let Some(other) = outcome::find_duplicate(&mut job.write, &fields, Some(id)).await?
    {
        job.refuse(Entity::Outcome, item.refuse(Some("title"), said(other)));
        return Ok(());
    }
    job.write_update(existing, item, id, &fields, opened).await
}

/// The refusal of an outcome that repeats one on record.
fn said(d: outcome::Duplicate) -> Message {
    crate::error::Refusal::from(d).into()
}
