//! `/outcome add|edit|delete`.

use crate::catalog::{Opt, arg};
use crate::error::refuse;
use crate::i18n::records;
use crate::msg;
use serde_json::json;

use super::args::{Args, Edit, EditOf, Id};
use super::{Actor, App, checks, record_visit};
use crate::domain::{Currency, FlexDate, Money, OutcomeKind, OutcomeStatus};
use crate::error::Result;
use crate::reply::Reply;
use crate::request::Request;
use crate::store::change::Change;
use crate::store::outcome::{self, Fields, link};
use crate::store::visit::Source;
use crate::store::{Entity, forum, meeting, region, visit};

/// `amount` with `currency`: either may name the currency, and they must agree.
fn money(amount: Option<&str>, currency: Option<Currency>) -> Result<Option<Money>> {
    match (amount, currency) {
        (Some(a), c) => Ok(Some(Money::parse(a, c)?)),
        (None, Some(c)) => Err(msg!("currency-without-amount", currency = c.label()).into()),
        (None, None) => Ok(None),
    }
}

/// The links an outcome names must be live records.
async fn check_links(change: &mut Change, f: &Fields) -> Result<()> {
    if let Some(id) = f.visit_id {
        change.live::<visit::Fields>(id, None).await?;
    }
    if let Some(id) = f.meeting_id {
        change.live::<meeting::Fields>(id, None).await?;
    }
    if let Some(id) = f.forum_id {
        change.live::<forum::Fields>(id, None).await?;
    }
    Ok(())
}

/// An outcome linked to a visit fits it (store::outcome::link), or `force` links it anyway:
/// the refusal, or what the reply says of a forced link.
async fn check_visit(change: &mut Change, f: &Fields, force: bool) -> Result<String> {
    let Some(id) = f.visit_id else {
        return Ok(String::new());
    };
    let spans = link::visit_spans(change, &[id]).await?;
    let Some(span) = spans.get(&id) else {
        return Ok(String::new());
    };
    let misfits = link::misfits(f.date, &f.provinces, span);
    if misfits.is_empty() {
        return Ok(String::new());
    }
    let names = region::name_map(&mut ***change).await?;
    let what = records::misfits(f.date, id, span, &misfits, &names);
    if force {
        let linked = msg!("outcome-linked-anyway", visit = id.to_string(), what = what);
        return Ok(format!(" {}", crate::i18n::say(&linked)));
    }
    refuse(msg!("outcome-misfit", what = what))
}

/// Refuses an outcome repeating a live one (store::outcome::find_duplicate), unless forced.
async fn check_duplicate(
    change: &mut Change,
    f: &Fields,
    except: Option<i64>,
    force: bool,
) -> Result<()> {
    if !force && let Some(other) = outcome::find_duplicate(change, f, except).await? {
        return Err(crate::error::Refusal::from(other).into());
    }
    Ok(())
}

/// "MOU “Workation MOU” · Jiangsu · 2024-06-03": in English as the audit log keeps it,
/// and in the reader's language as the reply says it.
async fn describe(app: &App, f: &Fields) -> Result<(String, String)> {
    let names = region::names(&app.db, &f.provinces).await?.join(", ");
    let mut logged = vec![format!("{} “{}”", f.kind, f.title)];
    let mut said = vec![format!(
        "{} “{}”",
        crate::i18n::format::choice(f.kind.label()),
        f.title
    )];
    if !names.is_empty() {
        logged.push(names.clone());
        said.push(crate::i18n::format::place(&names));
    }
    for parts in [&mut logged, &mut said] {
        parts.push(f.date.to_string());
    }
    if let Some(m) = &f.amount {
        logged.push(m.to_string());
        said.push(crate::i18n::format::money(m));
    }
    Ok((logged.join(" · "), said.join(" · ")))
}

pub struct AddArgs {
    kind: OutcomeKind,
    title: String,
    date: FlexDate,
    status: OutcomeStatus,
    provinces: Option<String>,
    city: Option<String>,
    korean_side: Option<String>,
    amount: Option<Money>,
    visit: Option<i64>,
    meeting: Option<i64>,
    forum: Option<i64>,
    summary: Option<String>,
    source: Option<Source>,
    force: bool,
}

fn choice<T>(
    req: &Request,
    name: Opt,
    parse: impl Fn(&str) -> std::result::Result<T, crate::error::UserError>,
) -> Result<Option<T>> {
    Ok(req.choice(name).map(parse).transpose()?)
}

impl Args for AddArgs {
    fn read(req: &Request) -> Result<Self> {
        let currency = choice(req, arg::CURRENCY, Currency::parse)?;
        let a = AddArgs {
            kind: choice(req, arg::KIND, OutcomeKind::parse)?.expect("required by the catalog"),
            title: req.text(arg::TITLE).unwrap_or_default().to_string(),
            date: req.date(arg::DATE).expect("required by the catalog"),
            status: choice(req, arg::STATUS, OutcomeStatus::parse)?
                .unwrap_or(OutcomeStatus::Signed),
            provinces: req.text(arg::PROVINCE).map(String::from),
            city: req.text(arg::CITY).map(String::from),
            korean_side: req.text(arg::KOREAN_SIDE).map(String::from),
            amount: money(req.text(arg::AMOUNT), currency)?,
            visit: req.int(arg::VISIT),
            meeting: req.int(arg::MEETING),
            forum: req.int(arg::FORUM),
            summary: req.text(arg::SUMMARY).map(String::from),
            source: record_visit::source(req)?,
            force: req.flag(arg::FORCE),
        };
        crate::domain::date::check_not_far("date", a.date)?;
        Ok(a)
    }
}

pub async fn add(app: &App, actor: &Actor, a: AddArgs) -> Result<Reply> {
    let f = Fields {
        kind: a.kind,
        title: a.title,
        date: a.date,
        status: a.status,
        provinces: match &a.provinces {
            Some(p) => checks::provinces(&app.db, p).await?,
            None => Vec::new(),
        },
        city: a.city,
        korean_side: a.korean_side,
        amount: a.amount,
        visit_id: a.visit,
        meeting_id: a.meeting,
        forum_id: a.forum,
        summary: a.summary,
        sources: a.source.into_iter().collect(),
    };
    let (summary, said) = describe(app, &f).await?;
    let mut change = app
        .change(actor, "create", &format!("add outcome {summary}"))
        .await?;
    check_links(&mut change, &f).await?;
    let forced = check_visit(&mut change, &f, a.force).await?;
    check_duplicate(&mut change, &f, None, a.force).await?;
    let id = change.create(&f).await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Added,
        crate::store::Entity::Outcome,
        id,
    ))
    .text(crate::t!(
        "outcome-added-text",
        summary = said,
        notes = forced,
        id = id
    ))
    .data(json!({"id": id})))
}

pub struct EditArgs {
    id: i64,
    kind: Option<OutcomeKind>,
    title: Option<String>,
    date: Option<FlexDate>,
    status: Option<OutcomeStatus>,
    provinces: Edit<String>,
    city: Edit<String>,
    korean_side: Edit<String>,
    amount: Edit<String>,
    currency: Option<Currency>,
    visit: Edit<i64>,
    meeting: Edit<i64>,
    forum: Edit<i64>,
    summary: Edit<String>,
    source: Edit<Source>,
    remove_source: Option<String>,
    force: bool,
    version: Option<i64>,
    changes: bool,
}

impl Args for EditArgs {
    fn read(req: &Request) -> Result<Self> {
        let edit = EditOf::read(req)?;
        let source = match (record_visit::source(req)?, edit.text(arg::SOURCE)) {
            (Some(s), _) => Edit::Set(s),
            (None, Edit::Clear) => Edit::Clear,
            (None, _) => Edit::Keep,
        };
        let a = EditArgs {
            id: req.int(arg::ID).expect("required by the catalog"),
            kind: choice(req, arg::KIND, OutcomeKind::parse)?,
            title: req.text(arg::TITLE).map(String::from),
            date: req.date(arg::DATE),
            status: choice(req, arg::STATUS, OutcomeStatus::parse)?,
            provinces: edit.text(arg::PROVINCE),
            city: edit.text(arg::CITY),
            korean_side: edit.text(arg::KOREAN_SIDE),
            amount: edit.text(arg::AMOUNT),
            currency: choice(req, arg::CURRENCY, Currency::parse)?,
            visit: edit.int(arg::VISIT),
            meeting: edit.int(arg::MEETING),
            forum: edit.int(arg::FORUM),
            summary: edit.text(arg::SUMMARY),
            source,
            remove_source: req.text(arg::REMOVE_SOURCE).map(String::from),
            force: req.flag(arg::FORCE),
            version: edit.version,
            changes: edit.changes,
        };
        if let Some(date) = a.date {
            crate::domain::date::check_not_far("date", date)?;
        }
        Ok(a)
    }
}

pub async fn edit(app: &App, actor: &Actor, a: EditArgs) -> Result<Reply> {
    let id = a.id;
    let nothing = msg!("outcome-edit-nothing", id = id);
    let (mut change, mut f) = app
        .edit::<Fields>(actor, id, a.version, a.changes, nothing)
        .await?;
    let old = f.clone();
    f.kind = a.kind.unwrap_or(f.kind);
    f.title = a.title.unwrap_or(f.title);
    f.date = a.date.unwrap_or(f.date);
    f.status = a.status.unwrap_or(f.status);
    match a.provinces {
        Edit::Set(p) => f.provinces = checks::provinces(&app.db, &p).await?,
        Edit::Clear => f.provinces.clear(),
        Edit::Keep => {}
    }
    f.city = a.city.apply(f.city);
    f.korean_side = a.korean_side.apply(f.korean_side);
    f.amount = match (a.amount, a.currency) {
        (Edit::Set(text), Some(c)) => money(Some(&text), Some(c))?,
        // A new figure with no currency, in the currency of the amount on record.
        (Edit::Set(text), None) => match (Money::parse(&text, None), f.amount) {
            (Ok(m), _) => Some(m),
            (Err(_), Some(old)) => Some(Money::parse(&text, Some(old.currency))?),
            (Err(e), None) => return Err(e.into()),
        },
        (Edit::Clear, _) => None,
        // A new currency for the amount on record: the same figure in it.
        (Edit::Keep, Some(c)) => match f.amount {
            Some(m) => Some(Money { currency: c, ..m }),
            None => money(None, Some(c))?,
        },
        (Edit::Keep, None) => f.amount,
    };
    f.visit_id = a.visit.apply(f.visit_id);
    f.meeting_id = a.meeting.apply(f.meeting_id);
    f.forum_id = a.forum.apply(f.forum_id);
    f.summary = a.summary.apply(f.summary);
    f.sources = checks::edit_sources(
        f.sources,
        a.source,
        a.remove_source.as_deref(),
        checks::record("outcome", id),
        &format!("/outcomes show id:{id}"),
    )?;
    check_links(&mut change, &f).await?;
    // Checked when the edit touches what the rule looks at, so an old record that does not
    // fit can still have its status or summary corrected.
    let forced = if (f.visit_id, f.date, &f.provinces) != (old.visit_id, old.date, &old.provinces) {
        check_visit(&mut change, &f, a.force).await?
    } else {
        String::new()
    };
    check_duplicate(&mut change, &f, Some(id), a.force).await?;
    let (summary, said) = describe(app, &f).await?;
    change
        .summarize(&format!("edit outcome #{id} {summary}"))
        .await?;
    change.update(id, &f).await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Updated,
        crate::store::Entity::Outcome,
        id,
    ))
    .text(crate::t!("undo-reverts", what = said, notes = forced))
    .data(json!({"id": id})))
}

pub async fn delete(app: &App, actor: &Actor, Id(id): Id) -> Result<Reply> {
    let mut change = app
        .change(actor, "delete", &format!("delete outcome #{id}"))
        .await?;
    let current = change.live::<Fields>(id, None).await?;
    let (summary, said) = describe(app, &Fields::from_snapshot(&current)).await?;
    change
        .summarize(&format!("delete outcome #{id} {summary}"))
        .await?;
    change.delete(Entity::Outcome, id).await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Deleted,
        crate::store::Entity::Outcome,
        id,
    ))
    .text(crate::t!("undo-brings-back", what = said))
    .data(json!({"id": id})))
}
