//! `/record meeting add|edit|delete`.

use crate::catalog::arg;
use crate::i18n::records;
use serde_json::json;

use super::args::{Args, Edit, EditOf, Id};
use super::{Actor, App, checks};
use crate::domain::FlexDate;
use crate::error::Result;
use crate::msg;
use crate::reply::Reply;
use crate::request::Request;
use crate::store::meeting::{self, Fields};
use crate::store::official;

pub struct AddArgs {
    date: FlexDate,
    officials: String,
    place: Option<String>,
    visit: Option<i64>,
    summary: Option<String>,
    force: bool,
}

impl Args for AddArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(AddArgs {
            date: req.date(arg::DATE).expect("required by the catalog"),
            officials: req.text(arg::OFFICIALS).unwrap_or_default().to_string(),
            place: req.text(arg::PLACE).map(String::from),
            visit: req.int(arg::VISIT),
            summary: req.text(arg::SUMMARY).map(String::from),
            force: req.flag(arg::FORCE),
        })
    }
}

pub async fn add(app: &App, actor: &Actor, a: AddArgs) -> Result<Reply> {
    let mut change = app.change(actor, "create", "add meeting").await?;
    let people = official::resolve_list(&mut change, &a.officials).await?;
    let f = Fields {
        date: a.date,
        place: a.place,
        summary: a.summary,
        visit_id: a.visit,
        participants: people.iter().map(|p| p.id).collect(),
    };
    checks::meeting_visit(&mut change, f.date, f.visit_id).await?;
    if !a.force
        && let Some(other) = meeting::find_duplicate(&mut change, &f, None).await?
    {
        return Err(records::duplicate("meeting", other).into());
    }
    let who = people.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    change
        .summarize(&format!("add meeting {} {}", f.date, who.join(", ")))
        .await?;
    let id = change.create(&f).await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Added,
        crate::store::Entity::Meeting,
        id,
    ))
    .text(crate::t!(
        "undo-takes-back",
        what = format!(
            "{} · {}{}",
            f.date,
            said_names(&who),
            f.place.map(|p| format!(" · {p}")).unwrap_or_default()
        )
    ))
    .data(json!({"id": id})))
}

pub struct EditArgs {
    id: i64,
    date: Option<FlexDate>,
    officials: Option<String>,
    place: Edit<String>,
    summary: Edit<String>,
    /// `visit:0` unlinks, like `clear:visit`.
    visit: Edit<i64>,
    version: Option<i64>,
    changes: bool,
}

impl Args for EditArgs {
    fn read(req: &Request) -> Result<Self> {
        let edit = EditOf::read(req)?;
        Ok(EditArgs {
            id: req.int(arg::ID).expect("required by the catalog"),
            date: req.date(arg::DATE),
            officials: req.text(arg::OFFICIALS).map(String::from),
            place: edit.text(arg::PLACE),
            summary: edit.text(arg::SUMMARY),
            visit: match edit.int(arg::VISIT) {
                Edit::Set(0) => Edit::Clear,
                other => other,
            },
            version: edit.version,
            changes: edit.changes,
        })
    }
}

pub async fn edit(app: &App, actor: &Actor, a: EditArgs) -> Result<Reply> {
    let id = a.id;
    let nothing = msg!("meeting-edit-nothing", id = id);
    let (mut change, mut f) = app
        .edit::<Fields>(actor, id, a.version, a.changes, nothing)
        .await?;
    f.date = a.date.unwrap_or(f.date);
    if let Some(list) = &a.officials {
        f.participants = official::resolve_list(&mut change, list)
            .await?
            .iter()
            .map(|p| p.id)
            .collect();
    }
    f.place = a.place.apply(f.place);
    f.summary = a.summary.apply(f.summary);
    f.visit_id = a.visit.apply(f.visit_id);
    checks::meeting_visit(&mut change, f.date, f.visit_id).await?;
    change.update(id, &f).await?;
    let who = official::names_of(&mut change, &f.participants).await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Updated,
        crate::store::Entity::Meeting,
        id,
    ))
    .text(crate::t!(
        "undo-reverts",
        what = format!("{} · {}", f.date, said_names(&who)),
        notes = ""
    ))
    .data(json!({"id": id})))
}

pub async fn delete(app: &App, actor: &Actor, Id(id): Id) -> Result<Reply> {
    app.delete_detaching::<Fields>(actor, id, |s| shown(&s.row.date, &s.row.date_precision))
        .await
}

/// Officials named as the reader names them, joined as a list ("A, B and C").
fn said_names(names: &[String]) -> String {
    let said: Vec<String> = names
        .iter()
        .map(|n| crate::i18n::format::person(n))
        .collect();
    crate::i18n::say(&checks::names_list(&said))
}

/// A stored date as people read it: `2024-06` for one known only to its month.
fn shown(date: &str, precision: &str) -> String {
    crate::domain::FlexDate::from_stored(date, precision)
        .map_or(date.to_string(), |d| d.to_string())
}
