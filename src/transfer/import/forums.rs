//! Forums rows: checked like `/record forum add` (the visits that attended must be live),
//! refused as duplicates (same name, edition and first day) unless forced, written in bulk.

use crate::i18n::records;
use std::collections::HashMap;

use super::job::Job;
use super::rows::{Keyed, Owner, Rows};
use super::{Item, Refusal};
use crate::domain::Entity;
use crate::domain::text::{NAME_MAX, SHORT_MAX};
use crate::domain::{ForumKind, Text};
use crate::error::Result;
use crate::store::forum::{self, Fields};
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

fn duplicate(item: &Item, owner: Owner) -> Refusal {
    item.refuse(
        Some("name"),
        match owner {
            Owner::Record(id) => records::duplicate("forum", id).into(),
            Owner::Row(at) => crate::msg!("import-forum-repeats-row", at = at.message()),
        },
    )
}

/// The visits rows name that are live, and who holds each forum's duplicate key.
pub(super) type Context = Keyed<(String, String, String)>;

fn key(f: &Fields) -> (String, String, String) {
    forum::key(
        &f.name,
        f.edition.as_deref(),
        &f.start.first_day().to_string(),
    )
}

impl Rows for Fields {
    type Context = Context;

    async fn context(job: &mut Job<'_>, items: &[Item]) -> Result<Context> {
        let mut wanted: Vec<i64> = Vec::new();
        for item in items {
            for n in numbers(item).unwrap_or_default() {
                wanted.extend(job.visit_ref(item, n));
            }
        }
        let live = visit::live_spans(&mut job.write, &wanted).await?;
        let keys = forum::keys(&mut job.write).await?;
        Ok(Keyed::new(
            live,
            keys.into_iter().map(|(id, key)| (key, id)),
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
        let on_record = forum::find_duplicate(&mut job.write, fields, except);
        let holder = cx.holder(key(fields), except.is_some(), on_record).await?;
        Ok(holder.map(|o| duplicate(item, o)))
    }

    fn keep(cx: &mut Context, owner: Owner, fields: &Fields) {
        cx.keep(key(fields), owner);
    }

    fn brought<'j>(job: &'j mut Job<'_>) -> Option<&'j mut HashMap<i64, i64>> {
        Some(&mut job.forum_ids)
    }
}
