//! A moderator's corrections of the drafted visit: what Discord's Edit form sends, or
//! `province:`, `start:`, `end:`, `leader:`, `places:` and `clear:` typed with the draft.
//! Names are checked as `/record visit add` checks them and written as the database
//! spells them; each corrected field loses its quote (the report no longer says it) and
//! the draft notes who set it.

use super::super::args::{Edit, EditOf};
use super::super::{App, checks};
use crate::catalog::arg;
use crate::domain::{FlexDate, normalize};
use crate::error::{Message, Result, UserError};
use crate::intake::apply::field_named;
use crate::intake::{Draft, NewOfficial};
use crate::msg;
use crate::request::Request;
use crate::store::official;
use crate::store::region::{self, Country};

/// The corrections a request carries, each left as drafted, set, or emptied (`clear:`).
pub struct Fix {
    province: Option<String>,
    start: Option<FlexDate>,
    end: Edit<FlexDate>,
    leader: Edit<String>,
    places: Edit<String>,
}

impl Fix {
    pub fn read(req: &Request) -> Result<Fix> {
        let edit = EditOf::read(req)?;
        Ok(Fix {
            province: req.text(arg::PROVINCE).map(String::from),
            start: req.date(arg::START),
            end: edit.date(arg::END),
            leader: edit.text(arg::LEADER),
            places: edit.text(arg::PLACES),
        })
    }

    /// The draft's fields corrected, as its JSON names them.
    fn fields(&self) -> Vec<&'static str> {
        [
            ("provinces", self.province.is_some()),
            ("start", self.start.is_some()),
            ("end", !self.end.is_keep()),
            ("leader", !self.leader.is_keep()),
            ("places", !self.places.is_keep()),
        ]
        .into_iter()
        .filter(|(_, edited)| *edited)
        .map(|(field, _)| field)
        .collect()
    }
}

pub async fn revise(app: &App, draft: &mut Draft, fix: &Fix) -> Result<()> {
    let edited = fix.fields();
    if edited.is_empty() {
        return Ok(());
    }
    if draft.visits.is_empty() {
        let reason = draft
            .not_a_visit
            .clone()
            .unwrap_or_else(|| msg!("draft-no-visit-given"));
        return Err(msg!("draft-nothing-to-correct", reason = reason).into());
    }
    if let Some(text) = &fix.province {
        draft.visits[0].provinces =
            names(region::resolve_list(&app.db, Country::China, text)).await?;
    }
    match &fix.places {
        Edit::Set(text) => {
            draft.visits[0].places =
                names(region::resolve_list(&app.db, Country::Korea, text)).await?;
        }
        Edit::Clear => draft.visits[0].places.clear(),
        Edit::Keep => {}
    }
    if let Some(start) = fix.start {
        draft.visits[0].start = Some(start.to_string());
    }
    match fix.end {
        Edit::Set(end) => draft.visits[0].end = Some(end.to_string()),
        Edit::Clear => draft.visits[0].end = None,
        Edit::Keep => {}
    }
    let v = &draft.visits[0];
    if let Some(start) = v.start.as_deref().and_then(|s| FlexDate::parse(s).ok()) {
        let end = v.end.as_deref().and_then(|e| FlexDate::parse(e).ok());
        checks::dates(start, end)?;
    } else if v.end.is_some() && (fix.start.is_some() || matches!(fix.end, Edit::Set(_))) {
        return Err(msg!("draft-start-with-end").into());
    }
    match &fix.leader {
        Edit::Set(name) => {
            let leader = leader(app, draft, name).await?;
            draft.visits[0].leader = Some(leader);
        }
        Edit::Clear => draft.visits[0].leader = None,
        Edit::Keep => {}
    }
    let v = &mut draft.visits[0];
    for field in &edited {
        v.evidence.remove(*field);
    }
    let fields = edited
        .iter()
        .map(|f| field_named(f))
        .reduce(|first, second| msg!("list-comma", first = first, second = second))
        .unwrap_or_else(|| Message::verbatim(""));
    draft
        .notes
        .push(msg!("draft-note-corrected", fields = fields));
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
        Err(e) if e.is_users() => {}
        Err(e) => return Err(e),
    }
    let key = normalize(typed);
    if key.is_empty() {
        return Err(UserError::from(msg!("draft-leader-empty")).into());
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
