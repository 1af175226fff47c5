//! `/record meeting add|edit|delete`.

use serde_json::json;

use super::{Actor, App, Clear, checks};
use crate::error::{Result, user_err};
use crate::reply::Reply;
use crate::request::Request;
use crate::store::meeting::{self, Fields};
use crate::store::{Entity, Tx, audit, official};

pub async fn add(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let mut tx = app.begin().await?;
    let people = official::resolve_list(&mut tx, req.text("officials").unwrap_or_default()).await?;
    let f = Fields {
        date: req.date("date").expect("required by the catalog"),
        place: req.text("place").map(String::from),
        summary: req.text("summary").map(String::from),
        visit_id: req.int("visit"),
        participants: people.iter().map(|p| p.id).collect(),
    };
    checks::meeting_visit(&mut tx, f.date, f.visit_id).await?;
    if !req.flag("force")
        && let Some(other) = meeting::find_duplicate(&mut tx, &f, None).await?
    {
        return user_err(meeting::duplicate_message(other));
    }
    let who = people.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "create",
        &format!("add meeting {} {}", f.date, who.join(", ")),
    )
    .await?;
    let id = meeting::create(&mut tx, &f, None, "user").await?;
    audit::record(&mut tx, batch, Entity::Meeting, id, None).await?;
    tx.commit().await?;
    Ok(Reply::new(format!("Meeting #{id} added"))
        .text(format!(
            "{} · {}{}. /data undo takes it back.",
            f.date,
            super::join_and(&who),
            f.place.map(|p| format!(" · {p}")).unwrap_or_default()
        ))
        .data(json!({"id": id})))
}

async fn live_meeting(tx: &mut Tx<'_>, id: i64) -> Result<meeting::Snapshot> {
    match meeting::snapshot(tx, id)
        .await?
        .filter(|m| m.row.deleted_at.is_none())
    {
        Some(m) => Ok(m),
        None => user_err(format!(
            "There is no meeting #{id}; /official history lists meetings with their numbers."
        )),
    }
}

pub async fn edit(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let id = req.int("id").expect("required by the catalog");
    let mut tx = app.begin().await?;
    let before = audit::snapshot(&mut tx, Entity::Meeting, id).await?;
    let current = live_meeting(&mut tx, id).await?;
    if !req.changes_fields() {
        return user_err(format!(
            "Say what to change, e.g. /record meeting edit id:{id} place:\"Seoul City Hall\"."
        ));
    }
    let clear = Clear::of(req)?;
    checks::unchanged_since(
        &mut tx,
        Entity::Meeting,
        id,
        current.row.version,
        req.int("version"),
    )
    .await?;
    let mut f = Fields::from_snapshot(&current);
    if let Some(d) = req.date("date") {
        f.date = d;
    }
    if let Some(list) = req.text("officials") {
        f.participants = official::resolve_list(&mut tx, list)
            .await?
            .iter()
            .map(|p| p.id)
            .collect();
    }
    f.place = clear.text(req, "place", f.place);
    f.summary = clear.text(req, "summary", f.summary);
    match req.int("visit") {
        Some(0) => f.visit_id = None,
        Some(v) => f.visit_id = Some(v),
        None if clear.has("visit") => f.visit_id = None,
        None => {}
    }
    checks::meeting_visit(&mut tx, f.date, f.visit_id).await?;
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "update",
        &format!("edit meeting #{id}"),
    )
    .await?;
    meeting::write(&mut tx, id, &f, true).await?;
    audit::record(&mut tx, batch, Entity::Meeting, id, before).await?;
    let who = official::names_of(&mut tx, &f.participants).await?;
    tx.commit().await?;
    Ok(Reply::new(format!("Meeting #{id} updated"))
        .text(format!(
            "{} · {}. /data undo reverts this.",
            f.date,
            super::join_and(&who)
        ))
        .data(json!({"id": id})))
}

pub async fn delete(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let id = req.int("id").expect("required by the catalog");
    let mut tx = app.begin().await?;
    let current = live_meeting(&mut tx, id).await?;
    audit::delete(
        &mut tx,
        &actor.author(),
        Entity::Meeting,
        id,
        &format!("delete meeting #{id} {}", current.row.date),
    )
    .await?;
    tx.commit().await?;
    Ok(Reply::new(format!("Meeting #{id} deleted"))
        .text("/data undo brings it back.")
        .data(json!({"id": id})))
}
