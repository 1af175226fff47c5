//! `/record visit add|edit|delete`.

use super::{Actor, App, Clear, checks};
use crate::error::{Result, user_err};
use crate::reply::Reply;
use crate::request::Request;
use crate::store::region;
use crate::store::visit::{self, Fields, Source};
use crate::store::{Entity, audit, forum, meeting};
use serde_json::json;

fn request_source(req: &Request) -> Result<Option<Source>> {
    match req.text("source") {
        Some(url) => Ok(Some(checks::source(
            url,
            req.text("source_title"),
            req.day("source_date").map(|d| d.to_string()).as_deref(),
        )?)),
        None if req.has("source_title") || req.has("source_date") => user_err(
            "`source_title` and `source_date` describe a `source:`; add source:https://... as well.",
        ),
        None => Ok(None),
    }
}

/// "Hainan · 2024-05-29 to 2024-05-31"
pub(crate) async fn describe(db: &sqlx::SqlitePool, f: &Fields) -> Result<String> {
    let names = region::names(db, &f.provinces).await?;
    let dates = match f.end {
        Some(e) => format!("{} to {e}", f.start),
        None => f.start.to_string(),
    };
    Ok(format!("{} · {dates}", names.join(", ")))
}

pub async fn add(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let start = req.date("start").expect("required by the catalog");
    let end = req.date("end");
    checks::dates(start, end)?;
    let fields = Fields {
        provinces: checks::provinces(&app.db, req.text("province").unwrap_or_default()).await?,
        start,
        end,
        city: req.text("city").map(String::from),
        level: req.text("level").map(checks::level).transpose()?,
        leader_id: match req.text("leader") {
            Some(name) => Some(checks::leader(&mut *app.db.acquire().await?, name).await?),
            None => None,
        },
        places: match req.text("places") {
            Some(p) => checks::places(&app.db, p).await?,
            None => vec![],
        },
        purpose: req.text("purpose").map(String::from),
        size: req.int("size"),
        sources: request_source(req)?.into_iter().collect(),
    };
    let summary = describe(&app.db, &fields).await?;
    let mut tx = app.begin().await?;
    checks::duplicate(&mut tx, &fields, None, req.flag("force")).await?;
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "create",
        &format!("add visit {summary}"),
    )
    .await?;
    let id = visit::create(&mut tx, &fields, None, "user").await?;
    audit::record(&mut tx, batch, Entity::Visit, id, None).await?;
    tx.commit().await?;
    let hint = if fields.sources.is_empty() {
        " Add a source with /record visit edit id:N source:https://…"
    } else {
        ""
    };
    Ok(Reply::new(format!("Visit #{id} added"))
        .text(format!(
            "{summary}. /visits show id:{id} shows it; /data undo takes it back.{hint}"
        ))
        .data(json!({"id": id})))
}

pub async fn edit(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let id = req.int("id").expect("required by the catalog");
    let mut tx = app.begin().await?;
    let Some(before) = visit::live(&mut tx, id).await? else {
        return user_err(format!(
            "There is no visit #{id}; /visits list shows the numbers."
        ));
    };
    if !req.changes_fields() {
        return user_err(format!(
            "Say what to change, e.g. /record visit edit id:{id} size:25 (clear:size empties a field)."
        ));
    }
    let clear = Clear::of(req)?;
    checks::unchanged_since(
        &mut tx,
        Entity::Visit,
        id,
        before.row.version,
        req.int("version"),
    )
    .await?;
    let mut f = Fields::from_snapshot(&before);
    if let Some(p) = req.text("province") {
        f.provinces = checks::provinces(&app.db, p).await?;
    }
    if let Some(start) = req.date("start") {
        f.start = start;
    }
    if req.has("end") || clear.has("end") {
        f.end = req.date("end");
    }
    checks::dates(f.start, f.end)?;
    f.city = clear.text(req, "city", f.city);
    f.purpose = clear.text(req, "purpose", f.purpose);
    if let Some(l) = req.text("level") {
        f.level = Some(checks::level(l)?);
    } else if clear.has("level") {
        f.level = None;
    }
    match req.text("leader") {
        Some(name) => f.leader_id = Some(checks::leader(&mut tx, name).await?),
        None if clear.has("leader") => f.leader_id = None,
        None => {}
    }
    match req.text("places") {
        Some(p) => f.places = checks::places(&app.db, p).await?,
        None if clear.has("places") => f.places.clear(),
        None => {}
    }
    if req.has("size") || clear.has("size") {
        f.size = req.int("size");
    }
    if clear.has("source") {
        f.sources.clear();
    } else if let Some(s) = request_source(req)?
        && !f.sources.iter().any(|old| old.url == s.url)
    {
        f.sources.push(s);
    }
    if let Some(url) = req.text("remove_source") {
        let before = f.sources.len();
        f.sources.retain(|s| s.url != url);
        if f.sources.len() == before {
            return user_err(format!(
                "Visit #{id} has no source {}; /visits show id:{id} lists its sources.",
                url.chars().take(100).collect::<String>()
            ));
        }
    }
    checks::duplicate(&mut tx, &f, Some(id), req.flag("force")).await?;
    checks::meetings_within(&mut tx, id, &f).await?;
    let summary = describe(&app.db, &f).await?;
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "update",
        &format!("edit visit #{id}"),
    )
    .await?;
    let snapshot = audit::snapshot(&mut tx, Entity::Visit, id).await?;
    visit::write(&mut tx, id, &f, true).await?;
    audit::record(&mut tx, batch, Entity::Visit, id, snapshot).await?;
    tx.commit().await?;
    Ok(Reply::new(format!("Visit #{id} updated"))
        .text(format!("{summary}. /data undo reverts this."))
        .data(json!({"id": id})))
}

/// What deleting a visit takes with it: its meetings (unlinked or deleted, as the
/// `meetings` option says) and its links to forums. Refused, naming them, when the visit
/// has any and the option is missing.
pub struct Deletion {
    pub summary: String,
    pub meetings: Vec<i64>,
    pub forums: Vec<i64>,
}

pub async fn deletion(app: &App, tx: &mut crate::store::Tx<'_>, req: &Request) -> Result<Deletion> {
    let id = req.int("id").expect("required by the catalog");
    let Some(before) = visit::live(tx, id).await? else {
        return user_err(format!(
            "There is no visit #{id}; /visits list shows the numbers."
        ));
    };
    let summary = describe(&app.db, &Fields::from_snapshot(&before)).await?;
    let meetings: Vec<i64> = meeting::of_visit(tx, id)
        .await?
        .into_iter()
        .map(|m| m.0)
        .collect();
    let forums = forum::linked_to(tx, id).await?;
    if (!meetings.is_empty() || !forums.is_empty()) && req.text("meetings").is_none() {
        let mut held = Vec::new();
        if !meetings.is_empty() {
            held.push(format!(
                "{} ({})",
                super::plural(meetings.len() as i64, "meeting"),
                ids(&meetings)
            ));
        }
        if !forums.is_empty() {
            held.push(format!(
                "links to {} ({})",
                super::plural(forums.len() as i64, "forum"),
                ids(&forums)
            ));
        }
        return user_err(format!(
            "Visit #{id} has {}; add meetings:unlink to keep its meetings without it, or meetings:delete to delete them with it.",
            super::join_and(&held)
        ));
    }
    Ok(Deletion {
        summary,
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
    /// "visit #3 (Liaoning · 2024-04-24), its 2 meetings (#4, #5) and its links to 1 forum (#2)"
    pub fn describe(&self, id: i64, req: &Request) -> String {
        let mut parts = vec![format!("visit #{id} ({})", self.summary)];
        if !self.meetings.is_empty() {
            let how = if req.text("meetings") == Some("delete") {
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
        super::join_and(&parts)
    }
}

pub async fn delete(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let id = req.int("id").expect("required by the catalog");
    let mut tx = app.begin().await?;
    let d = deletion(app, &mut tx, req).await?;
    let what = d.describe(id, req);
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "delete",
        &format!("delete {what}"),
    )
    .await?;
    for m in &d.meetings {
        let before = audit::snapshot(&mut tx, Entity::Meeting, *m).await?;
        if req.text("meetings") == Some("delete") {
            crate::store::soft_delete(&mut tx, Entity::Meeting, *m).await?;
        } else {
            meeting::unlink(&mut tx, *m).await?;
        }
        audit::record(&mut tx, batch, Entity::Meeting, *m, before).await?;
    }
    for f in &d.forums {
        let before = audit::snapshot(&mut tx, Entity::Forum, *f).await?;
        forum::unlink(&mut tx, *f, id).await?;
        audit::record(&mut tx, batch, Entity::Forum, *f, before).await?;
    }
    let before = audit::snapshot(&mut tx, Entity::Visit, id).await?;
    crate::store::soft_delete(&mut tx, Entity::Visit, id).await?;
    audit::record(&mut tx, batch, Entity::Visit, id, before).await?;
    tx.commit().await?;
    Ok(Reply::new(format!("Visit #{id} deleted"))
        .text(format!("Deleted {what}. /data undo brings it all back."))
        .data(json!({"id": id, "meetings": d.meetings, "forums": d.forums})))
}
