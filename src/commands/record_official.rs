//! `/record official add|edit|delete|alias|unalias|merge`.

use crate::catalog::arg;
use serde_json::json;

use super::args::{Args, Edit, EditOf, Name};
use super::{Actor, App, checks};
use crate::domain::Country;
use crate::domain::text::typed;
use crate::error::{Message, Result};
use crate::msg;
use crate::reply::Reply;
use crate::request::Request;
use crate::store::official::{self, Fields};
use crate::store::{Entity, meeting, post};

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

pub struct AddArgs {
    name: String,
    country: Country,
    title: Option<String>,
    organization: Option<String>,
    province: Option<String>,
    local_name: Option<String>,
    aliases: Vec<String>,
}

impl Args for AddArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(AddArgs {
            name: req.text(arg::NAME).unwrap_or_default().to_string(),
            country: Country::parse(req.text(arg::COUNTRY).unwrap_or_default())?,
            title: req.text(arg::TITLE).map(String::from),
            organization: req.text(arg::ORGANIZATION).map(String::from),
            province: req.text(arg::PROVINCE).map(String::from),
            local_name: req.text(arg::LOCAL_NAME).map(String::from),
            aliases: alias_list(req.text(arg::ALIASES)),
        })
    }
}

pub async fn add(app: &App, actor: &Actor, a: AddArgs) -> Result<Reply> {
    let f = Fields {
        name: a.name,
        local_name: a.local_name,
        country: a.country.label().to_string(),
        title: a.title,
        organization: a.organization,
        province_id: match &a.province {
            Some(p) => Some(checks::province(&app.db, p).await?),
            None => None,
        },
    };
    let mut change = app
        .change(actor, "create", &format!("add official {}", f.name))
        .await?;
    // The name in the other scripts, so that 신창싱 and 信长星 find Xin Changxing.
    let mut spellings: Vec<&str> = vec![f.name.as_str()];
    spellings.extend(f.local_name.as_deref());
    spellings.extend(a.aliases.iter().map(String::as_str));
    let readings = crate::intake::romanize::readings(&spellings, a.country == Country::China);
    let id = change.create_official(&f, &a.aliases, &readings).await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Added,
        crate::store::Entity::Official,
        id,
    ))
    .text(crate::t!(
        "official-added-text",
        name = f.name.as_str(),
        side = crate::i18n::format::choice(&f.country),
        typed = typed("name", &f.name)
    ))
    .data(json!({"id": id})))
}

pub struct EditArgs {
    name: String,
    new_name: Option<String>,
    country: Option<Country>,
    title: Edit<String>,
    organization: Edit<String>,
    province: Edit<String>,
    local_name: Edit<String>,
    version: Option<i64>,
    changes: bool,
}

impl Args for EditArgs {
    fn read(req: &Request) -> Result<Self> {
        let edit = EditOf::read(req)?;
        Ok(EditArgs {
            name: req.text(arg::NAME).unwrap_or_default().to_string(),
            new_name: req.text(arg::NEW_NAME).map(String::from),
            country: req.text(arg::COUNTRY).map(Country::parse).transpose()?,
            title: edit.text(arg::TITLE),
            organization: edit.text(arg::ORGANIZATION),
            province: edit.text(arg::PROVINCE),
            local_name: edit.text(arg::LOCAL_NAME),
            version: edit.version,
            changes: edit.changes,
        })
    }
}

pub async fn edit(app: &App, actor: &Actor, a: EditArgs) -> Result<Reply> {
    let mut change = app.change(actor, "update", "edit official").await?;
    let who = official::resolve(&mut change, &a.name).await?;
    if !a.changes {
        return Err(msg!("official-edit-nothing", name = typed("name", &who.name)).into());
    }
    change
        .summarize(&format!("edit official {}", who.name))
        .await?;
    let before = change.live::<Fields>(who.id, a.version).await?;
    let old = Fields::from_snapshot(&before);
    let f = Fields {
        name: a.new_name.unwrap_or_else(|| old.name.clone()),
        local_name: a.local_name.apply(old.local_name.clone()),
        country: a
            .country
            .map_or(old.country.clone(), |c| c.label().to_string()),
        title: a.title.apply(old.title.clone()),
        organization: a.organization.apply(old.organization.clone()),
        province_id: match a.province {
            Edit::Set(p) => Some(checks::province(&app.db, &p).await?),
            Edit::Clear => None,
            Edit::Keep => old.province_id,
        },
    };
    // The title is the post held today: a new one ends that post today.
    let retitled = change
        .edit_official(who.id, &f, crate::clock::today())
        .await?;
    change.commit().await?;
    let renamed = if f.name != old.name {
        format!(
            " {}",
            crate::t!("official-old-name", name = old.name.as_str())
        )
    } else {
        String::new()
    };
    let posts = match retitled {
        post::Retitled::Moved { ended: Some(t) } => format!(
            " {}",
            crate::t!(
                "official-post-moved",
                old = t,
                new = f.title.as_deref().unwrap_or_default()
            )
        ),
        post::Retitled::Cleared { ended } if !ended.is_empty() => format!(
            " {}",
            crate::t!("official-post-ended", posts = ended.join(", "))
        ),
        _ => String::new(),
    };
    Ok(Reply::new(super::done(
        super::Done::Updated,
        crate::store::Entity::Official,
        who.id,
    ))
    .text(crate::t!(
        "undo-reverts",
        what = f.name.as_str(),
        notes = format!("{renamed}{posts}")
    ))
    .data(json!({"id": who.id})))
}

pub async fn delete(app: &App, actor: &Actor, Name(name): Name) -> Result<Reply> {
    let mut change = app.change(actor, "delete", "delete official").await?;
    let who = official::resolve(&mut change, &name).await?;
    let (meetings, visits) = official::references(&mut change, who.id).await?;
    if !meetings.is_empty() || !visits.is_empty() {
        return Err(msg!(
            "official-referenced",
            name = who.name.as_str(),
            meetings = meetings.len(),
            visits = visits.len()
        )
        .into());
    }
    change
        .summarize(&format!("delete official {}", who.name))
        .await?;
    change.delete(Entity::Official, who.id).await?;
    let paused = change
        .pause_watches_of(who.id, &format!("{} was deleted", who.name))
        .await?;
    change.commit().await?;
    Ok(Reply::new(super::done(
        super::Done::Deleted,
        crate::store::Entity::Official,
        who.id,
    ))
    .text(crate::t!(
        "official-deleted-text",
        name = who.name.as_str(),
        notes = watches_note(&paused, None)
    ))
    .data(json!({"id": who.id})))
}

pub struct AliasArgs {
    name: String,
    alias: String,
}

impl Args for AliasArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(AliasArgs {
            name: req.text(arg::NAME).unwrap_or_default().to_string(),
            alias: req.text(arg::ALIAS).unwrap_or_default().to_string(),
        })
    }
}

pub async fn alias(
    app: &App,
    actor: &Actor,
    AliasArgs { name, alias }: AliasArgs,
) -> Result<Reply> {
    let mut change = app.change(actor, "update", "alias").await?;
    let who = official::resolve(&mut change, &name).await?;
    change
        .summarize(&format!("alias {alias} for {}", who.name))
        .await?;
    change.add_alias(who.id, &alias).await?;
    change.commit().await?;
    Ok(Reply::new(crate::t!(
        "alias-added",
        alias = alias.as_str(),
        name = who.name.as_str()
    ))
    .data(json!({"id": who.id, "alias": alias})))
}

pub async fn unalias(
    app: &App,
    actor: &Actor,
    AliasArgs { name, alias }: AliasArgs,
) -> Result<Reply> {
    let mut change = app.change(actor, "update", "remove alias").await?;
    let who = official::resolve(&mut change, &name).await?;
    change
        .summarize(&format!("remove alias {alias} of {}", who.name))
        .await?;
    change.remove_alias(who.id, &alias).await?;
    change.commit().await?;
    Ok(Reply::new(crate::t!(
        "alias-removed",
        alias = alias.as_str(),
        name = who.name.as_str()
    ))
    .text(crate::t!("undo-puts-it-back"))
    .data(json!({"id": who.id, "alias": alias})))
}

pub struct MergeArgs {
    keep: String,
    remove: String,
    force: bool,
}

impl Args for MergeArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(MergeArgs {
            keep: req.text(arg::KEEP).unwrap_or_default().to_string(),
            remove: req.text(arg::REMOVE).unwrap_or_default().to_string(),
            force: req.flag(arg::FORCE),
        })
    }
}

pub async fn merge(app: &App, actor: &Actor, a: MergeArgs) -> Result<Reply> {
    let mut change = app.change(actor, "merge", "merge").await?;
    let keep = official::resolve(&mut change, &a.keep).await?;
    let remove = official::resolve(&mut change, &a.remove).await?;
    if keep.id == remove.id {
        return Err(msg!("merge-same-record", name = keep.name.as_str()).into());
    }
    let (meetings, visits) = official::references(&mut change, remove.id).await?;
    let kept = official::snapshot(&mut change, keep.id)
        .await?
        .expect("resolved");
    let gone = official::snapshot(&mut change, remove.id)
        .await?
        .expect("resolved");
    if kept.row.country != gone.row.country && !a.force {
        return Err(msg!(
            "merge-different-sides",
            kept = keep.name.as_str(),
            kept_side = side(&kept.row.country),
            removed = remove.name.as_str(),
            removed_side = side(&gone.row.country)
        )
        .into());
    }
    for m in &meetings {
        let people = meeting::snapshot(&mut change, *m)
            .await?
            .expect("referenced")
            .participants;
        if people.iter().all(|p| *p == keep.id || *p == remove.id) && people.len() > 1 {
            return Err(msg!(
                "merge-empties-meeting",
                id = *m,
                kept = keep.name.as_str(),
                removed = remove.name.as_str()
            )
            .into());
        }
    }
    change
        .summarize(&format!("merge {} into {}", remove.name, keep.name))
        .await?;
    let watches = change
        .merge_officials(&kept, &gone, &meetings, &visits, crate::clock::today())
        .await?;
    change.commit().await?;
    Ok(Reply::new(crate::t!("merged", removed = remove.name.as_str(), kept = keep.name.as_str()))
        .text(crate::t!(
            "merge-text",
            meetings = meetings.len(),
            visits = visits.len(),
            removed = remove.name.as_str(),
            kept = keep.name.as_str(),
            notes = watches_note(&watches, Some(&keep.name))
        ))
        .data(json!({"id": keep.id, "removed": remove.id, "meetings": meetings.len(), "visits": visits.len()})))
}

/// " Watch #3 now follows Oh Young-hun." for the watches a merge moved to the official
/// `moved_to`, or (None) that a delete paused.
fn watches_note(ids: &[i64], moved_to: Option<&str>) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let list = ids
        .iter()
        .map(|i| format!("#{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let note = match moved_to {
        Some(name) => crate::t!("watches-moved", n = ids.len(), ids = list, name = name),
        None => crate::t!("watches-paused", n = ids.len(), ids = list),
    };
    format!(" {note}")
}

/// The side an official is on (`China`), as a sentence names it.
fn side(country: &str) -> Message {
    match country {
        "China" => msg!("choice-china"),
        "Korea" => msg!("choice-korea"),
        "Other" => msg!("choice-other"),
        other => Message::verbatim(other),
    }
}
