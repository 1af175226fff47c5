//! `/record forum add|edit|delete|link`.

use crate::catalog::arg;
use crate::i18n::records;
use serde_json::json;

use super::args::{Args, Edit, EditOf, Id};
use super::{Actor, App, checks};
use crate::domain::{FlexDate, ForumKind};
use crate::error::Result;
use crate::msg;
use crate::reply::Reply;
use crate::request::Request;
use crate::store::forum::{self, Fields};

fn title(f: &Fields) -> String {
    match &f.edition {
        Some(e) => format!("{} ({e})", f.name),
        None => f.name.clone(),
    }
}

pub struct AddArgs {
    name: String,
    kind: ForumKind,
    start: FlexDate,
    end: Option<FlexDate>,
    place: Option<String>,
    organizer: Option<String>,
    edition: Option<String>,
    visit: Option<i64>,
    force: bool,
}

impl Args for AddArgs {
    fn read(req: &Request) -> Result<Self> {
        let a = AddArgs {
            name: req.text(arg::NAME).unwrap_or_default().to_string(),
            kind: ForumKind::parse(req.text(arg::KIND).unwrap_or_default())?,
            start: req.date(arg::START).expect("required by the catalog"),
            end: req.date(arg::END),
            place: req.text(arg::PLACE).map(String::from),
            organizer: req.text(arg::ORGANIZER).map(String::from),
            edition: req.text(arg::EDITION).map(String::from),
            visit: req.int(arg::VISIT),
            force: req.flag(arg::FORCE),
        };
        checks::dates(a.start, a.end)?;
        Ok(a)
    }
}

pub async fn add(app: &App, actor: &Actor, a: AddArgs) -> Result<Reply> {
    let f = Fields {
        name: a.name,
        kind: a.kind.label().to_string(),
        edition: a.edition,
        start: a.start,
        end: a.end,
        place: a.place,
        organizer: a.organizer,
        visits: a.visit.into_iter().collect(),
    };
    let mut change = app
        .change(actor, "create", &format!("add forum {}", title(&f)))
        .await?;
    for v in &f.visits {
        checks::live_visit(&mut change, *v).await?;
    }
    if !a.force
        && let Some(other) = forum::find_duplicate(&mut change, &f, None).await?
    {
        return Err(records::duplicate("forum", other).into());
    }
    let id = change.create(&f).await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Added,
        crate::store::Entity::Forum,
        id,
    ))
    .text(crate::t!(
        "forum-added-text",
        forum = title(&f),
        start = f.start.to_string(),
        hint = if f.visits.is_empty() {
            format!(" {}", crate::t!("forum-link-hint", id = id))
        } else {
            String::new()
        }
    ))
    .data(json!({"id": id})))
}

pub struct EditArgs {
    id: i64,
    name: Option<String>,
    kind: Option<ForumKind>,
    start: Option<FlexDate>,
    end: Edit<FlexDate>,
    place: Edit<String>,
    organizer: Edit<String>,
    edition: Edit<String>,
    version: Option<i64>,
    changes: bool,
}

impl Args for EditArgs {
    fn read(req: &Request) -> Result<Self> {
        let edit = EditOf::read(req)?;
        Ok(EditArgs {
            id: req.int(arg::ID).expect("required by the catalog"),
            name: req.text(arg::NAME).map(String::from),
            kind: req.text(arg::KIND).map(ForumKind::parse).transpose()?,
            start: req.date(arg::START),
            end: edit.date(arg::END),
            place: edit.text(arg::PLACE),
            organizer: edit.text(arg::ORGANIZER),
            edition: edit.text(arg::EDITION),
            version: edit.version,
            changes: edit.changes,
        })
    }
}

pub async fn edit(app: &App, actor: &Actor, a: EditArgs) -> Result<Reply> {
    let id = a.id;
    let nothing = msg!("forum-edit-nothing", id = id);
    let (mut change, mut f) = app
        .edit::<Fields>(actor, id, a.version, a.changes, nothing)
        .await?;
    f.name = a.name.unwrap_or(f.name);
    if let Some(k) = a.kind {
        f.kind = k.label().to_string();
    }
    f.start = a.start.unwrap_or(f.start);
    f.end = a.end.apply(f.end);
    checks::dates(f.start, f.end)?;
    f.edition = a.edition.apply(f.edition);
    f.place = a.place.apply(f.place);
    f.organizer = a.organizer.apply(f.organizer);
    change.update(id, &f).await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Updated,
        crate::store::Entity::Forum,
        id,
    ))
    .text(crate::t!("undo-reverts", what = title(&f), notes = ""))
    .data(json!({"id": id})))
}

pub async fn delete(app: &App, actor: &Actor, Id(id): Id) -> Result<Reply> {
    app.delete_detaching::<Fields>(actor, id, |s| s.row.name.clone())
        .await
}

pub struct LinkArgs {
    forum: i64,
    visit: i64,
}

impl Args for LinkArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(LinkArgs {
            forum: req.int(arg::FORUM).expect("required by the catalog"),
            visit: req.int(arg::VISIT).expect("required by the catalog"),
        })
    }
}

pub async fn link(app: &App, actor: &Actor, a: LinkArgs) -> Result<Reply> {
    let (id, visit_id) = (a.forum, a.visit);
    let mut change = app
        .change(
            actor,
            "update",
            &format!("link visit #{visit_id} to forum #{id}"),
        )
        .await?;
    let current = change.live::<Fields>(id, None).await?;
    checks::live_visit(&mut change, visit_id).await?;
    if current.visits.contains(&visit_id) {
        return Err(msg!("forum-already-linked", visit = visit_id, id = id).into());
    }
    let mut f = Fields::from_snapshot(&current);
    f.visits.push(visit_id);
    change.update(id, &f).await?;
    change.commit().await?;
    Ok(
        Reply::new(crate::t!("forum-linked", visit = visit_id, id = id))
            .text(crate::t!(
                "forum-lists-delegations",
                forum = title(&f),
                n = f.visits.len()
            ))
            .data(json!({"forum": id, "visit": visit_id})),
    )
}
