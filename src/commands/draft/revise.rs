//! A moderator's corrections of the drafted visit: what Discord's Edit form sends, or
//! `province:`, `start:`, `end:`, `leader:`, `places:` and `clear:` typed with the draft.
//! Names are checked as `/record visit add` checks them and written as the database
//! spells them; each corrected field loses its quote (the report no longer says it) and
//! the draft notes who set it.

use super::super::{App, Clear, checks};
use crate::domain::{FlexDate, normalize};
use crate::error::{Error, Result, UserError, user_err};
use crate::intake::{Draft, NewOfficial};
use crate::request::Request;
use crate::store::official;
use crate::store::region::{self, Country};

/// The fields a correction may set, as the draft's JSON names them: (option, field).
const FIELDS: [(&str, &str); 5] = [
    ("province", "provinces"),
    ("start", "start"),
    ("end", "end"),
    ("leader", "leader"),
    ("places", "places"),
];

pub async fn revise(app: &App, draft: &mut Draft, req: &Request) -> Result<()> {
    let clear = Clear::of(req)?;
    let edited: Vec<&str> = FIELDS
        .iter()
        .filter(|(option, _)| req.has(option) || clear.has(option))
        .map(|(_, field)| *field)
        .collect();
    if edited.is_empty() {
        return Ok(());
    }
    if draft.visits.is_empty() {
        return user_err(format!(
            "{} There is no drafted visit to correct; record one with /record visit add.",
            draft
                .not_a_visit
                .as_deref()
                .unwrap_or("The report gives no visit.")
        ));
    }
    if let Some(text) = req.text("province") {
        draft.visits[0].provinces =
            names(region::resolve_list(&app.db, Country::China, text)).await?;
    }
    if let Some(text) = req.text("places") {
        draft.visits[0].places = names(region::resolve_list(&app.db, Country::Korea, text)).await?;
    } else if clear.has("places") {
        draft.visits[0].places.clear();
    }
    if let Some(start) = req.date("start") {
        draft.visits[0].start = Some(start.to_string());
    }
    if let Some(end) = req.date("end") {
        draft.visits[0].end = Some(end.to_string());
    } else if clear.has("end") {
        draft.visits[0].end = None;
    }
    let v = &draft.visits[0];
    if let Some(start) = v.start.as_deref().and_then(|s| FlexDate::parse(s).ok()) {
        let end = v.end.as_deref().and_then(|e| FlexDate::parse(e).ok());
        checks::dates(start, end)?;
    } else if v.end.is_some() && (req.has("end") || req.has("start")) {
        return user_err("Give the visit's start as well as its end, e.g. start:2024-05-29.");
    }
    if let Some(name) = req.text("leader") {
        let leader = leader(app, draft, name).await?;
        draft.visits[0].leader = Some(leader);
    } else if clear.has("leader") {
        draft.visits[0].leader = None;
    }
    let v = &mut draft.visits[0];
    for field in &edited {
        v.evidence.remove(*field);
    }
    draft
        .notes
        .push(format!("Corrected by hand: {}.", edited.join(", ")));
    Ok(())
}

async fn names(resolved: impl Future<Output = Result<Vec<region::Region>>>) -> Result<Vec<String>> {
    Ok(resolved.await?.into_iter().map(|r| r.name).collect())
}

/// The leader a correction names: an official on record (as the database spells them), one
/// the draft proposes, or someone new. A new name for a proposed leader corrects how the
/// draft spelled them (in the meetings too); any other new name is proposed as a new
/// official, shown in the draft before Confirm adds them.
async fn leader(app: &App, draft: &mut Draft, typed: &str) -> Result<String> {
    let typed = typed.trim();
    match official::resolve(&mut *app.db.acquire().await?, typed).await {
        Ok(known) => return Ok(known.name),
        Err(Error::User(_)) => {}
        Err(e) => return Err(e),
    }
    let key = normalize(typed);
    if key.is_empty() {
        return Err(UserError::new("`leader` needs a name, e.g. leader:\"Liu Xiaoming\".").into());
    }
    let same = |o: &NewOfficial| {
        std::iter::once(&o.name)
            .chain(o.local_name.iter())
            .chain(o.aliases.iter())
            .any(|n| normalize(n) == key)
    };
    if let Some(o) = draft.new_officials.iter().find(|o| same(o)) {
        return Ok(o.name.clone());
    }
    let old = draft.visits[0].leader.clone();
    if let Some(o) = draft
        .new_officials
        .iter_mut()
        .find(|o| Some(&o.name) == old.as_ref())
    {
        let before = std::mem::replace(&mut o.name, typed.to_string());
        for m in &mut draft.meetings {
            for name in m.officials.iter_mut().filter(|n| **n == before) {
                *name = typed.to_string();
            }
        }
        return Ok(typed.to_string());
    }
    draft.new_officials.push(NewOfficial {
        name: typed.to_string(),
        local_name: None,
        title: None,
        country: "China".into(),
        aliases: Vec::new(),
        evidence: Default::default(),
    });
    Ok(typed.to_string())
}
