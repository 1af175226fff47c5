//! `/record visit add|edit|delete`.

use crate::catalog::arg;
use serde_json::json;

use super::args::{Args, Edit, EditOf};
use super::{Actor, App, checks};
use crate::domain::FlexDate;
use crate::error::Result;
use crate::msg;
use crate::reply::Reply;
use crate::request::Request;
use crate::store::city;
use crate::store::kind;
use crate::store::region;
use crate::store::visit::{self, Fields, Source};
use crate::store::{Entity, Tx, forum, meeting};

/// `source` with its `source_title` and `source_date`.
pub(super) fn source(req: &Request) -> Result<Option<Source>> {
    let (url, title, date) = (
        req.text(arg::SOURCE),
        req.text(arg::SOURCE_TITLE),
        req.day(arg::SOURCE_DATE),
    );
    match url {
        Some(url) => Ok(Some(checks::source(
            url,
            title,
            date.map(|d| d.to_string()).as_deref(),
        )?)),
        None if title.is_some() || date.is_some() => Err(msg!("source-needs-link").into()),
        None => Ok(None),
    }
}

/// A visit in a few words: "Hainan · 2024-05-29 to 2024-05-31".
struct Described {
    /// In English, as the audit log keeps it.
    logged: String,
    /// In the reader's language, as the reply says it.
    said: String,
}

async fn describe(db: &sqlx::SqlitePool, f: &Fields) -> Result<Described> {
    let names = region::names(db, &f.provinces).await?.join(", ");
    let (dates, dates_said) = match f.end {
        Some(e) => (
            format!("{} to {e}", f.start),
            crate::t!("span", from = f.start.to_string(), to = e.to_string()),
        ),
        None => (f.start.to_string(), f.start.to_string()),
    };
    Ok(Described {
        logged: format!("{names} · {dates}"),
        said: format!("{} · {dates_said}", crate::i18n::format::place(&names)),
    })
}

pub struct AddArgs {
    provinces: String,
    start: FlexDate,
    end: Option<FlexDate>,
    city: Option<String>,
    level: Option<String>,
    leader: Option<String>,
    places: Option<String>,
    purpose: Option<String>,
    size: Option<i64>,
    source: Option<Source>,
    force: bool,
}

impl Args for AddArgs {
    fn read(req: &Request) -> Result<Self> {
        let a = AddArgs {
            provinces: req.text(arg::PROVINCE).unwrap_or_default().to_string(),
            start: req.date(arg::START).expect("required by the catalog"),
            end: req.date(arg::END),
            city: req.text(arg::CITY).map(String::from),
            level: req.text(arg::LEVEL).map(checks::level).transpose()?,
            leader: req.text(arg::LEADER).map(String::from),
            places: req.text(arg::PLACES).map(String::from),
            purpose: req.text(arg::PURPOSE).map(String::from),
            size: req.int(arg::SIZE),
            source: source(req)?,
            force: req.flag(arg::FORCE),
        };
        checks::dates(a.start, a.end)?;
        Ok(a)
    }
}

pub async fn add(app: &App, actor: &Actor, a: AddArgs) -> Result<Reply> {
    let provinces = checks::provinces(&app.db, &a.provinces).await?;
    let city = checks::city(&app.db, a.city.as_deref(), &provinces).await?;
    let fields = Fields {
        provinces,
        start: a.start,
        end: a.end,
        city,
        level: a.level,
        leader_id: match &a.leader {
            Some(name) => Some(checks::leader(&mut *app.db.acquire().await?, name).await?),
            None => None,
        },
        places: match &a.places {
            Some(p) => checks::places(&app.db, p).await?,
            None => vec![],
        },
        purpose: a.purpose,
        size: a.size,
        sources: a.source.into_iter().collect(),
    };
    let summary = describe(&app.db, &fields).await?;
    let mut change = app
        .change(actor, "create", &format!("add visit {}", summary.logged))
        .await?;
    checks::duplicate(&mut change, &fields, None, a.force).await?;
    let id = change.create(&fields).await?;
    change.commit().await?;
    let hint = if fields.sources.is_empty() {
        format!(" {}", crate::t!("visit-source-hint", id = id))
    } else {
        String::new()
    };
    Ok(Reply::new(super::done(
        super::Done::Added,
        crate::store::Entity::Visit,
        id,
    ))
    .text(crate::t!(
        "visit-added-text",
        summary = summary.said,
        id = id,
        hint = hint
    ))
    .data(json!({"id": id})))
}

pub struct EditArgs {
    id: i64,
    provinces: Option<String>,
    start: Option<FlexDate>,
    end: Edit<FlexDate>,
    city: Edit<String>,
    level: Edit<String>,
    leader: Edit<String>,
    places: Edit<String>,
    purpose: Edit<String>,
    size: Edit<i64>,
    /// A source to add (`Set`), or `clear:source` to drop them all.
    source: Edit<Source>,
    remove_source: Option<String>,
    force: bool,
    version: Option<i64>,
    changes: bool,
}

impl Args for EditArgs {
    fn read(req: &Request) -> Result<Self> {
        let edit = EditOf::read(req)?;
        let source = match (source(req)?, edit.text(arg::SOURCE)) {
            (Some(s), _) => Edit::Set(s),
            (None, Edit::Clear) => Edit::Clear,
            (None, _) => Edit::Keep,
        };
        Ok(EditArgs {
            id: req.int(arg::ID).expect("required by the catalog"),
            provinces: req.text(arg::PROVINCE).map(String::from),
            start: req.date(arg::START),
            end: edit.date(arg::END),
            city: edit.text(arg::CITY),
            level: edit
                .text(arg::LEVEL)
                .map(|l| checks::level(&l))
                .transpose()?,
            leader: edit.text(arg::LEADER),
            places: edit.text(arg::PLACES),
            purpose: edit.text(arg::PURPOSE),
            size: edit.int(arg::SIZE),
            source,
            remove_source: req.text(arg::REMOVE_SOURCE).map(String::from),
            force: req.flag(arg::FORCE),
            version: edit.version,
            changes: edit.changes,
        })
    }
}

pub async fn edit(app: &App, actor: &Actor, a: EditArgs) -> Result<Reply> {
    let id = a.id;
    let nothing = msg!("visit-edit-nothing", id = id);
    let (mut change, mut f) = app
        .edit::<Fields>(actor, id, a.version, a.changes, nothing)
        .await?;
    if let Some(p) = &a.provinces {
        f.provinces = checks::provinces(&app.db, p).await?;
    }
    f.start = a.start.unwrap_or(f.start);
    f.end = a.end.apply(f.end);
    checks::dates(f.start, f.end)?;
    f.city = match a.city {
        Edit::Set(c) => Some(city::recorded(&mut change, &c, &f.provinces).await?),
        other => other.apply(f.city),
    };
    f.purpose = a.purpose.apply(f.purpose);
    f.level = a.level.apply(f.level);
    f.size = a.size.apply(f.size);
    f.leader_id = match a.leader {
        Edit::Set(name) => Some(checks::leader(&mut change, &name).await?),
        Edit::Clear => None,
        Edit::Keep => f.leader_id,
    };
    match a.places {
        Edit::Set(p) => f.places = checks::places(&app.db, &p).await?,
        Edit::Clear => f.places.clear(),
        Edit::Keep => {}
    }
    f.sources = checks::edit_sources(
        f.sources,
        a.source,
        a.remove_source.as_deref(),
        checks::record("visit", id),
        &format!("/visits show id:{id}"),
    )?;
    checks::duplicate(&mut change, &f, Some(id), a.force).await?;
    checks::meetings_within(&mut change, id, &f).await?;
    let summary = describe(&app.db, &f).await?;
    change.update(id, &f).await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Updated,
        crate::store::Entity::Visit,
        id,
    ))
    .text(crate::t!("undo-reverts", what = summary.said, notes = ""))
    .data(json!({"id": id})))
}

/// What happens to the meetings of a deleted visit (`meetings:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeetingsFate {
    Unlink,
    Delete,
}

pub struct DeleteArgs {
    id: i64,
    meetings: Option<MeetingsFate>,
}

impl Args for DeleteArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(DeleteArgs {
            id: req.int(arg::ID).expect("required by the catalog"),
            meetings: req.choice(arg::MEETINGS).map(|m| match m {
                "delete" => MeetingsFate::Delete,
                _ => MeetingsFate::Unlink,
            }),
        })
    }
}

/// What deleting a visit takes with it: its meetings (unlinked or deleted, as the
/// `meetings` option says) and its links to forums. Refused, naming them, when the visit
/// has any and the option is missing.
pub struct Deletion {
    /// The visit in a few words, in English (the audit log's).
    pub summary: String,
    /// The same in the reader's language.
    pub said: String,
    pub meetings: Vec<i64>,
    pub forums: Vec<i64>,
}

pub async fn deletion(app: &App, tx: &mut Tx<'_>, a: &DeleteArgs) -> Result<Deletion> {
    let id = a.id;
    let Some(before) = kind::live::<visit::Fields>(tx, id).await? else {
        return Err(crate::store::change::missing(Entity::Visit, id).into());
    };
    let summary = describe(&app.db, &Fields::from_snapshot(&before)).await?;
    let meetings: Vec<i64> = meeting::of_visit(tx, id)
        .await?
        .into_iter()
        .map(|m| m.0)
        .collect();
    let forums = forum::linked_to(tx, id).await?;
    if (!meetings.is_empty() || !forums.is_empty()) && a.meetings.is_none() {
        let mut held = Vec::new();
        if !meetings.is_empty() {
            held.push(msg!(
                "held-meetings",
                meetings = msg!("n-meetings", n = meetings.len()),
                ids = ids(&meetings)
            ));
        }
        if !forums.is_empty() {
            held.push(msg!(
                "held-forum-links",
                forums = msg!("n-forums", n = forums.len()),
                ids = ids(&forums)
            ));
        }
        return Err(msg!("visit-has-records", id = id, held = checks::and_list(held)).into());
    }
    Ok(Deletion {
        summary: summary.logged,
        said: summary.said,
        meetings,
        forums,
    })
}

fn ids(ids: &[i64]) -> String {
    ids.iter()
        .map(|i| format!("#{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Deletion {
    /// "visit #3 (Liaoning · 2024-04-24), unlinking its 2 meetings (#4, #5) and its links
    /// to 1 forum (#2)", in the reader's language (the delete's reply and confirmation).
    pub fn describe(&self, a: &DeleteArgs) -> String {
        let mut parts = vec![msg!(
            "deletion-visit",
            id = a.id,
            summary = self.said.as_str()
        )];
        if !self.meetings.is_empty() {
            let meetings = msg!("n-meetings", n = self.meetings.len());
            parts.push(if a.meetings == Some(MeetingsFate::Delete) {
                msg!(
                    "deletion-deleting-meetings",
                    meetings = meetings,
                    ids = ids(&self.meetings)
                )
            } else {
                msg!(
                    "deletion-unlinking-meetings",
                    meetings = meetings,
                    ids = ids(&self.meetings)
                )
            });
        }
        if !self.forums.is_empty() {
            parts.push(msg!(
                "deletion-forum-links",
                forums = msg!("n-forums", n = self.forums.len()),
                ids = ids(&self.forums)
            ));
        }
        // What the deletion did, said as one sentence of actions ("…，并解除…").
        let mut parts = parts.into_iter();
        let first = parts
            .next()
            .unwrap_or_else(|| crate::error::Message::verbatim(""));
        let all = parts.fold(first, |done, next| {
            msg!("deletion-and-then", first = done, second = next)
        });
        crate::i18n::say(&all)
    }

    /// The same in English, as the audit log keeps it.
    pub fn logged(&self, a: &DeleteArgs) -> String {
        let mut parts = vec![format!("visit #{} ({})", a.id, self.summary)];
        if !self.meetings.is_empty() {
            let how = if a.meetings == Some(MeetingsFate::Delete) {
                "deleting"
            } else {
                "unlinking"
            };
            parts.push(format!(
                "{how} its {} ({})",
                super::plural(self.meetings.len() as i64, "meeting"),
                ids(&self.meetings)
            ));
        }
        if !self.forums.is_empty() {
            parts.push(format!(
                "its links to {} ({})",
                super::plural(self.forums.len() as i64, "forum"),
                ids(&self.forums)
            ));
        }
        // English whoever reads: the audit log keeps its summaries in English.
        match parts.as_slice() {
            [init @ .., last] if !init.is_empty() => format!("{} and {last}", init.join(", ")),
            _ => parts.join(""),
        }
    }
}

pub async fn delete(app: &App, actor: &Actor, a: DeleteArgs) -> Result<Reply> {
    let id = a.id;
    let mut change = app
        .change(actor, "delete", &format!("delete visit #{id}"))
        .await?;
    let d = deletion(app, &mut change, &a).await?;
    change
        .summarize(&format!("delete {}", d.logged(&a)))
        .await?;
    for m in &d.meetings {
        if a.meetings == Some(MeetingsFate::Delete) {
            change.delete(Entity::Meeting, *m).await?;
        } else {
            change.unlink_meeting(*m).await?;
        }
    }
    for f in &d.forums {
        change.unlink_forum(*f, id).await?;
    }
    let outcomes = change.detach_outcomes(Entity::Visit, id).await?;
    change.delete(Entity::Visit, id).await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Deleted,
        crate::store::Entity::Visit,
        id,
    ))
    .text(crate::t!(
        "visit-deleted-text",
        what = d.describe(&a),
        detached = super::detached_text(&outcomes)
    ))
    .data(json!({"id": id, "meetings": d.meetings, "forums": d.forums, "outcomes": outcomes})))
}
