//! `/record official add|edit|delete|alias|merge`.

use serde_json::json;

use super::{Actor, App, Clear, checks};
use crate::domain::Country;
use crate::error::{Result, user_err};
use crate::reply::Reply;
use crate::request::Request;
use crate::store::official::{self, Fields};
use crate::store::{Entity, audit, meeting, visit};

/// Splits an alias list typed with `;`.
pub(crate) fn alias_list(text: Option<&str>) -> Vec<String> {
    text.map(|t| {
        t.split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect()
    })
    .unwrap_or_default()
}

pub async fn add(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let f = Fields {
        name: req.text("name").unwrap_or_default().to_string(),
        local_name: req.text("local_name").map(String::from),
        country: Country::parse(req.text("country").unwrap_or_default())?
            .label()
            .to_string(),
        title: req.text("title").map(String::from),
        organization: req.text("organization").map(String::from),
        province_id: match req.text("province") {
            Some(p) => Some(checks::province(&app.db, p).await?),
            None => None,
        },
    };
    let aliases = alias_list(req.text("aliases"));
    let mut tx = app.begin().await?;
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "create",
        &format!("add official {}", f.name),
    )
    .await?;
    let id = official::create(&mut tx, &f, &aliases, None, "user").await?;
    audit::record(&mut tx, batch, Entity::Official, id, None).await?;
    tx.commit().await?;
    Ok(Reply::new(format!("Official #{id} added"))
        .text(format!(
            "{} ({}). /official show name:\"{}\" shows the profile.",
            f.name, f.country, f.name
        ))
        .data(json!({"id": id})))
}

pub async fn edit(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let mut tx = app.begin().await?;
    let who = official::resolve(&mut tx, req.text("name").unwrap_or_default()).await?;
    if !req.changes_fields() {
        return user_err(format!(
            "Say what to change, e.g. /record official edit name:\"{}\" title:\"Mayor of Seoul\".",
            who.name
        ));
    }
    let before = official::snapshot(&mut tx, who.id)
        .await?
        .expect("resolved officials exist");
    let clear = Clear::of(req)?;
    checks::unchanged_since(
        &mut tx,
        Entity::Official,
        who.id,
        before.row.version,
        req.int("version"),
    )
    .await?;
    let r = &before.row;
    let f = Fields {
        name: req
            .text("new_name")
            .map(String::from)
            .unwrap_or_else(|| r.name.clone()),
        local_name: clear.text(req, "local_name", r.local_name.clone()),
        country: match req.text("country") {
            Some(c) => Country::parse(c)?.label().to_string(),
            None => r.country.clone(),
        },
        title: clear.text(req, "title", r.title.clone()),
        organization: clear.text(req, "organization", r.organization.clone()),
        province_id: match req.text("province") {
            Some(p) => Some(checks::province(&app.db, p).await?),
            None if clear.has("province") => None,
            None => r.province_id,
        },
    };
    let snapshot = audit::snapshot(&mut tx, Entity::Official, who.id).await?;
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "update",
        &format!("edit official {}", who.name),
    )
    .await?;
    official::write(&mut tx, who.id, &f).await?;
    audit::record(&mut tx, batch, Entity::Official, who.id, snapshot).await?;
    tx.commit().await?;
    let renamed = if f.name != r.name {
        format!(" The old name `{}` still finds them.", r.name)
    } else {
        String::new()
    };
    Ok(Reply::new(format!("Official #{} updated", who.id))
        .text(format!("{}.{renamed} /data undo reverts this.", f.name))
        .data(json!({"id": who.id})))
}

pub async fn delete(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let mut tx = app.begin().await?;
    let who = official::resolve(&mut tx, req.text("name").unwrap_or_default()).await?;
    let (meetings, visits) = official::references(&mut tx, who.id).await?;
    if !meetings.is_empty() || !visits.is_empty() {
        return user_err(format!(
            "{} is in {} meeting(s) and leads {} visit(s); merge them into another record with /record official merge, or change those records first.",
            who.name,
            meetings.len(),
            visits.len()
        ));
    }
    let what = format!("delete official {}", who.name);
    audit::delete(&mut tx, &actor.author(), Entity::Official, who.id, &what).await?;
    tx.commit().await?;
    Ok(Reply::new(format!("Official #{} deleted", who.id))
        .text(format!("{}. /data undo brings them back.", who.name))
        .data(json!({"id": who.id})))
}

pub async fn alias(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let alias = req.text("alias").unwrap_or_default();
    let mut tx = app.begin().await?;
    let who = official::resolve(&mut tx, req.text("name").unwrap_or_default()).await?;
    let snapshot = audit::snapshot(&mut tx, Entity::Official, who.id).await?;
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "update",
        &format!("alias {alias} for {}", who.name),
    )
    .await?;
    official::add_alias(&mut tx, who.id, alias).await?;
    audit::record(&mut tx, batch, Entity::Official, who.id, snapshot).await?;
    tx.commit().await?;
    Ok(Reply::new(format!("`{alias}` now finds {}", who.name))
        .data(json!({"id": who.id, "alias": alias})))
}

pub async fn unalias(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let alias = req.text("alias").unwrap_or_default();
    let mut tx = app.begin().await?;
    let who = official::resolve(&mut tx, req.text("name").unwrap_or_default()).await?;
    let snapshot = audit::snapshot(&mut tx, Entity::Official, who.id).await?;
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "update",
        &format!("remove alias {alias} of {}", who.name),
    )
    .await?;
    official::remove_alias(&mut tx, who.id, alias).await?;
    audit::record(&mut tx, batch, Entity::Official, who.id, snapshot).await?;
    tx.commit().await?;
    Ok(
        Reply::new(format!("`{alias}` no longer finds {}", who.name))
            .text("/data undo puts it back.")
            .data(json!({"id": who.id, "alias": alias})),
    )
}

pub async fn merge(app: &App, actor: &Actor, req: &Request) -> Result<Reply> {
    let mut tx = app.begin().await?;
    let keep = official::resolve(&mut tx, req.text("keep").unwrap_or_default()).await?;
    let remove = official::resolve(&mut tx, req.text("remove").unwrap_or_default()).await?;
    if keep.id == remove.id {
        return user_err(format!(
            "`keep` and `remove` both name {}; give two different records.",
            keep.name
        ));
    }
    let (meetings, visits) = official::references(&mut tx, remove.id).await?;
    let kept = official::snapshot(&mut tx, keep.id)
        .await?
        .expect("resolved");
    let gone = official::snapshot(&mut tx, remove.id)
        .await?
        .expect("resolved");
    if kept.row.country != gone.row.country && !req.flag("force") {
        return user_err(format!(
            "{} ({}) and {} ({}) are on different sides, so merging would put one person on both sides of their meetings; check the names, or add force:true if they really are one person.",
            keep.name, kept.row.country, remove.name, gone.row.country
        ));
    }
    for m in &meetings {
        let people = meeting::snapshot(&mut tx, *m)
            .await?
            .expect("referenced")
            .participants;
        if people.iter().all(|p| *p == keep.id || *p == remove.id) && people.len() > 1 {
            return user_err(format!(
                "Meeting #{m} is between {} and {} alone, and would be left with one participant; change or delete it first (/record meeting edit id:{m}).",
                keep.name, remove.name
            ));
        }
    }
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "merge",
        &format!("merge {} into {}", remove.name, keep.name),
    )
    .await?;
    // Undo replays entries in reverse: the kept record must give the aliases back first.
    let mut touched: Vec<(Entity, i64)> =
        vec![(Entity::Official, remove.id), (Entity::Official, keep.id)];
    touched.extend(meetings.iter().map(|m| (Entity::Meeting, *m)));
    touched.extend(visits.iter().map(|v| (Entity::Visit, *v)));
    let mut befores = Vec::new();
    for (entity, id) in &touched {
        befores.push(audit::snapshot(&mut tx, *entity, *id).await?);
    }

    for m in &meetings {
        let mut f = meeting::Fields::from_snapshot(
            &meeting::snapshot(&mut tx, *m).await?.expect("referenced"),
        );
        for p in f.participants.iter_mut().filter(|p| **p == remove.id) {
            *p = keep.id;
        }
        f.participants.sort_unstable();
        f.participants.dedup();
        meeting::write(&mut tx, *m, &f, true).await?;
    }
    for v in &visits {
        let mut f =
            visit::Fields::from_snapshot(&visit::snapshot(&mut tx, *v).await?.expect("referenced"));
        f.leader_id = Some(keep.id);
        visit::write(&mut tx, *v, &f, true).await?;
    }
    official::soft_delete(&mut tx, remove.id).await?;
    // The kept record gains the duplicate's spellings and fills its own gaps from it.
    let k = &kept.row;
    let g = &gone.row;
    let merged = Fields {
        name: k.name.clone(),
        local_name: k.local_name.clone().or(g.local_name.clone()),
        country: k.country.clone(),
        title: k.title.clone().or(g.title.clone()),
        organization: k.organization.clone().or(g.organization.clone()),
        province_id: k.province_id.or(g.province_id),
    };
    official::write(&mut tx, keep.id, &merged).await?;
    for a in &gone.aliases {
        official::add_alias(&mut tx, keep.id, &a.alias).await?;
    }
    for ((entity, id), before) in touched.into_iter().zip(befores) {
        audit::record(&mut tx, batch, entity, id, before).await?;
    }
    tx.commit().await?;
    Ok(Reply::new(format!("{} merged into {}", remove.name, keep.name))
        .text(format!(
            "{} meeting(s) and {} visit(s) moved; every spelling of {} now finds {}. /data undo reverts this.",
            meetings.len(),
            visits.len(),
            remove.name,
            keep.name
        ))
        .data(json!({"id": keep.id, "removed": remove.id, "meetings": meetings.len(), "visits": visits.len()})))
}
