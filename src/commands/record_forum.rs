//! `/record forum add|edit|delete|link`.

use serde_json::json;

use super::{Actor, App, Clear, checks};
use crate::domain::ForumKind;
use crate::error::{Result, user_err};
use crate::reply::Reply;
use crate::request::Request;
use crate::store::forum::{self, Fields, Snapshot};
use crate::store::{Entity, Tx, audit};

async fn live_forum(tx: &mut Tx<'_>, id: i64) -> Result<Snapshot> {
    match forum::snapshot(tx, id)
        .await?
        .filter(|f| f.row.deleted_at.is_none())
    {
        Some(f) => Ok(f),
        None => user_err(format!(
            "There is no forum #{id}; /forums list shows the numbers."
        )),
    }
}

fn title(f: &Fields) -> String {
    match &f.edition {
        Some(e) => format!("{} ({e})", f.name),
        None => f.name.clone(),
    }
}

pub async fn add(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let f = Fields {
        name: req.text("name").unwrap_or_default().to_string(),
        kind: ForumKind::parse(req.text("kind").unwrap_or_default())?
            .label()
            .to_string(),
        edition: req.text("edition").map(String::from),
        start: req.date("start").expect("required by the catalog"),
        end: req.date("end"),
        place: req.text("place").map(String::from),
        organizer: req.text("organizer").map(String::from),
        visits: req.int("visit").into_iter().collect(),
    };
    checks::dates(f.start, f.end)?;
    let mut tx = app.begin().await?;
    for v in &f.visits {
        checks::live_visit(&mut tx, *v).await?;
    }
    if !req.flag("force")
        && let Some(other) = forum::find_duplicate(&mut tx, &f, None).await?
    {
        return user_err(forum::duplicate_message(other));
    }
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "create",
        &format!("add forum {}", title(&f)),
    )
    .await?;
    let id = forum::create(&mut tx, &f, None, "user").await?;
    audit::record(&mut tx, batch, Entity::Forum, id, None).await?;
    tx.commit().await?;
    Ok(Reply::new(format!("Forum #{id} added"))
        .text(format!(
            "{} · {}. Link delegations with /record forum link forum:{id} visit:N.",
            title(&f),
            f.start
        ))
        .data(json!({"id": id})))
}

pub async fn edit(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let id = req.int("id").expect("required by the catalog");
    let mut tx = app.begin().await?;
    let current = live_forum(&mut tx, id).await?;
    if !req.changes_fields() {
        return user_err(format!(
            "Say what to change, e.g. /record forum edit id:{id} place:Jeju."
        ));
    }
    let clear = Clear::of(req)?;
    checks::unchanged_since(
        &mut tx,
        Entity::Forum,
        id,
        current.row.version,
        req.int("version"),
    )
    .await?;
    let mut f = Fields::from_snapshot(&current);
    if let Some(n) = req.text("name") {
        f.name = n.to_string();
    }
    if let Some(k) = req.text("kind") {
        f.kind = ForumKind::parse(k)?.label().to_string();
    }
    if let Some(d) = req.date("start") {
        f.start = d;
    }
    if req.has("end") || clear.has("end") {
        f.end = req.date("end");
    }
    checks::dates(f.start, f.end)?;
    f.edition = clear.text(req, "edition", f.edition);
    f.place = clear.text(req, "place", f.place);
    f.organizer = clear.text(req, "organizer", f.organizer);
    let before = audit::snapshot(&mut tx, Entity::Forum, id).await?;
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "update",
        &format!("edit forum #{id}"),
    )
    .await?;
    forum::write(&mut tx, id, &f, true).await?;
    audit::record(&mut tx, batch, Entity::Forum, id, before).await?;
    tx.commit().await?;
    Ok(Reply::new(format!("Forum #{id} updated"))
        .text(format!("{}. /data undo reverts this.", title(&f)))
        .data(json!({"id": id})))
}

pub async fn delete(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let id = req.int("id").expect("required by the catalog");
    let mut tx = app.begin().await?;
    let current = live_forum(&mut tx, id).await?;
    audit::delete(
        &mut tx,
        &actor.author(),
        Entity::Forum,
        id,
        &format!("delete forum #{id} {}", current.row.name),
    )
    .await?;
    tx.commit().await?;
    Ok(Reply::new(format!("Forum #{id} deleted"))
        .text("/data undo brings it back.")
        .data(json!({"id": id})))
}

pub async fn link(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let id = req.int("forum").expect("required by the catalog");
    let visit_id = req.int("visit").expect("required by the catalog");
    let mut tx = app.begin().await?;
    let current = live_forum(&mut tx, id).await?;
    checks::live_visit(&mut tx, visit_id).await?;
    if current.visits.contains(&visit_id) {
        return user_err(format!(
            "Visit #{visit_id} is already linked to forum #{id}; nothing to do."
        ));
    }
    let mut f = Fields::from_snapshot(&current);
    f.visits.push(visit_id);
    let before = audit::snapshot(&mut tx, Entity::Forum, id).await?;
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "update",
        &format!("link visit #{visit_id} to forum #{id}"),
    )
    .await?;
    forum::write(&mut tx, id, &f, true).await?;
    audit::record(&mut tx, batch, Entity::Forum, id, before).await?;
    tx.commit().await?;
    Ok(
        Reply::new(format!("Visit #{visit_id} linked to forum #{id}"))
            .text(format!(
                "{} now lists {} delegation(s).",
                title(&f),
                f.visits.len()
            ))
            .data(json!({"forum": id, "visit": visit_id})),
    )
}
