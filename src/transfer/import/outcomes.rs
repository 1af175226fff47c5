//! Outcomes rows: checked like `/outcome add` (kind, status, an amount with its
//! currency, provinces, live links to a visit, meeting or forum, sources), refused as
//! duplicates (the same kind and title for a province within a week, on record or earlier
//! in the file) unless forced, written in bulk.

use crate::error::Message;
use crate::i18n::records;
use std::collections::{HashMap, HashSet};

use chrono::Duration;

use super::job::Job;
use super::rows::{Owner, Rows};
use super::{Item, Location, Refusal};
use crate::domain::Entity;
use crate::domain::text::{LONG_MAX, NAME_MAX, SHORT_MAX};
use crate::domain::{Amount, Currency, Money, OutcomeKind, OutcomeStatus, Text};
use crate::error::Result;
use crate::store;
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

/// What outcome rows are checked against: the live records they link to, and the new
/// outcomes of the file so far.
pub(super) struct Context {
    live: Live,
    seen: Seen,
}

impl Rows for Fields {
    type Context = Context;

    async fn context(job: &mut Job<'_>, items: &[Item]) -> Result<Context> {
        Ok(Context {
            live: live(job, items).await?,
            seen: Seen::default(),
        })
    }

    fn check(job: &Job<'_>, item: &Item, cx: &Context) -> Result<Fields, Refusal> {
        check(job, item, &cx.live)
    }

    async fn repeats(
        job: &mut Job<'_>,
        cx: &Context,
        item: &Item,
        fields: &Fields,
        except: Option<i64>,
    ) -> Result<Option<Refusal>> {
        let earlier = except.is_none().then(|| cx.seen.repeated(fields)).flatten();
        let why = match earlier {
            Some((at, by)) => Some(crate::msg!(
                "import-outcome-repeats-row",
                at = at.message(),
                by = records::repeat(by.name()),
                days = DUPLICATE_DAYS.to_string()
            )),
            None => outcome::find_duplicate(&mut job.write, fields, except)
                .await?
                .map(said),
        };
        Ok(why.map(|why| item.refuse(Some("title"), why)))
    }

    fn keep(cx: &mut Context, owner: Owner, fields: &Fields) {
        // An updated record is found on record by the rows after it.
        if let Owner::Row(at) = owner {
            cx.seen.add(fields, at);
        }
    }

    fn brought<'j>(_: &'j mut Job<'_>) -> Option<&'j mut HashMap<i64, i64>> {
        None
    }
}

/// The refusal of an outcome that repeats one on record.
fn said(d: outcome::Duplicate) -> Message {
    crate::error::Refusal::from(d).into()
}
