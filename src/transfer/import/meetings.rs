//! Meetings rows: checked like `/record meeting add` (known officials; a meeting of a visit
//! falls within its dates), refused as duplicates (same day, same people) unless forced,
//! written in bulk.

use crate::i18n::records;
use std::collections::HashMap;

use super::job::Job;
use super::rows::{Keyed, Owner, Rows};
use super::{Item, Refusal};
use crate::domain::Entity;
use crate::domain::text::{LONG_MAX, NAME_MAX};
use crate::error::Result;
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

fn duplicate(item: &Item, owner: Owner) -> Refusal {
    item.refuse(
        Some("officials"),
        match owner {
            Owner::Record(id) => records::duplicate("meeting", id).into(),
            Owner::Row(at) => crate::msg!("import-meeting-repeats-row", at = at.message()),
        },
    )
}

/// The visits rows name that are live, and who holds each meeting's duplicate key.
pub(super) type Context = Keyed<(String, Vec<i64>)>;

fn key(f: &Fields) -> (String, Vec<i64>) {
    (f.date.first_day().to_string(), f.participants.clone())
}

impl Rows for Fields {
    type Context = Context;

    async fn context(job: &mut Job<'_>, items: &[Item]) -> Result<Context> {
        let mut wanted: Vec<i64> = Vec::new();
        let mut days: Vec<String> = Vec::new();
        for item in items {
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
        let keys = meeting::on_days(&mut job.write, &days).await?;
        Ok(Keyed::new(
            live,
            keys.into_iter()
                .map(|(id, day, people)| ((day, people), id)),
        ))
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
        let on_record = meeting::find_duplicate(&mut job.write, fields, except);
        let holder = cx.holder(key(fields), except.is_some(), on_record).await?;
        Ok(holder.map(|o| duplicate(item, o)))
    }

    fn keep(cx: &mut Context, owner: Owner, fields: &Fields) {
        cx.keep(key(fields), owner);
    }

    fn brought<'j>(job: &'j mut Job<'_>) -> Option<&'j mut HashMap<i64, i64>> {
        Some(&mut job.meeting_ids)
    }

    fn stored(s: &meeting::Snapshot) -> Fields {
        let mut f = Fields::from_snapshot(s);
        f.participants.sort_unstable();
        f
    }
}
