//! Confirm: a draft written in ONE transaction as ONE audit batch, so one `/data undo`
//! takes it all back. Proposed officials first, then the visits (a visit overlapping one
//! on record from the same province becomes a source of that visit, unless forced), then
//! meetings and forums with their links — through the store's functions and the same
//! checks typed commands apply. Outcomes come last, linked to their visit; the report
//! says they were signed, so they are recorded as signed.

use crate::domain::date::check_span;
use crate::domain::{Currency, FlexDate, ForumKind, Money, OutcomeKind, OutcomeStatus, normalize};
use crate::error::{Message, Result, UserError};
use crate::msg;
use crate::store::change::Change;
use crate::store::kind;
use crate::store::names::Names;
use crate::store::region::Country;
use crate::store::visit::{self, Source};
use crate::store::{Tx, forum, meeting, official, outcome};

use super::Draft;

#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Applied {
    pub batch: i64,
    pub officials: Vec<i64>,
    pub visits: Vec<i64>,
    /// Visits on record the report was added to as a source (instead of a new visit).
    pub sources_added_to: Vec<i64>,
    pub meetings: Vec<i64>,
    pub forums: Vec<i64>,
    pub outcomes: Vec<i64>,
    /// What was not written, one sentence each (a meeting without a date, a duplicate):
    /// in English in data, in the reader's language in the reply.
    #[serde(serialize_with = "super::english::list")]
    pub skipped: Vec<Message>,
}

/// The checks a typed record gets (`domain::date::check_span`): the end on or after the
/// start, neither more than a year ahead; the refusal says to fix it with Edit.
fn span(start: FlexDate, end: Option<FlexDate>) -> Result<()> {
    check_span(start, end).map_err(|(field, e)| {
        UserError::from(msg!(
            "draft-fix-with-edit",
            error = e.0,
            field = field_named(field)
        ))
        .into()
    })
}

/// A field of the draft (`start`, `meeting date`) as a sentence names it.
pub fn field_named(field: &str) -> Message {
    match field {
        "provinces" => msg!("draft-field-provinces"),
        "start" => msg!("draft-field-start"),
        "end" => msg!("draft-field-end"),
        "leader" => msg!("draft-field-leader"),
        "places" => msg!("draft-field-places"),
        "meeting date" => msg!("draft-field-meeting-date"),
        "forum start" => msg!("draft-field-forum-start"),
        "forum end" => msg!("draft-field-forum-end"),
        "outcome date" => msg!("draft-field-outcome-date"),
        other => Message::verbatim(other),
    }
}

fn date(field: &str, value: &str) -> Result<FlexDate> {
    FlexDate::parse(value).map_err(|e| {
        UserError::from(msg!(
            "draft-bad-date",
            field = field_named(field),
            value = value,
            error = e.0
        ))
        .into()
    })
}

/// Writes `draft` as one change. `source` (the report's link) is added to each visit;
/// `force` records visits even where they overlap one on record.
pub async fn apply(
    change: &mut Change,
    draft: &Draft,
    source: Option<&Source>,
    force: bool,
) -> Result<Applied> {
    if draft.visits.is_empty() {
        return Err(UserError::from(
            draft
                .not_a_visit
                .clone()
                .unwrap_or_else(|| msg!("draft-no-visit-in-draft")),
        )
        .into());
    }
    let summary = draft
        .visits
        .iter()
        .map(|v| {
            format!(
                "{} {}",
                v.provinces.join(", "),
                v.start.as_deref().unwrap_or("?")
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    change
        .summarize(&format!("draft from a report: {summary}"))
        .await?;
    let mut out = Applied {
        batch: change.batch(),
        ..Default::default()
    };
    // Proposed officials, unless someone took the name meanwhile.
    for o in &draft.new_officials {
        let taken = std::iter::once(&o.name)
            .chain(o.local_name.iter())
            .any(|n| !normalize(n).is_empty());
        let mut existing = None;
        if taken {
            for n in std::iter::once(&o.name).chain(o.local_name.iter()) {
                if let Ok(found) = official::resolve(change, n).await {
                    existing = Some(found.id);
                    break;
                }
            }
        }
        if existing.is_some() {
            continue;
        }
        let mut spellings: Vec<&str> = vec![o.name.as_str()];
        spellings.extend(o.local_name.as_deref());
        spellings.extend(o.aliases.iter().map(String::as_str));
        let readings = crate::intake::romanize::readings(&spellings, o.country == "China");
        let id = change
            .create_official(
                &official::Fields {
                    name: o.name.clone(),
                    local_name: o.local_name.clone(),
                    country: o.country.clone(),
                    title: o.title.clone(),
                    organization: None,
                    province_id: None,
                },
                &o.aliases,
                &readings,
            )
            .await?;
        out.officials.push(id);
    }
    let names = Names::load(change).await?;
    let mut visit_ids: Vec<Option<i64>> = Vec::new();
    for v in &draft.visits {
        let Some(start) = &v.start else {
            out.skipped.push(msg!(
                "draft-skipped-no-start",
                leader = match &v.leader {
                    Some(l) => Message::verbatim(l),
                    None => msg!("draft-unnamed-leader"),
                }
            ));
            visit_ids.push(None);
            continue;
        };
        let start = date("start", start)?;
        let end = v.end.as_deref().map(|e| date("end", e)).transpose()?;
        span(start, end)?;
        // An announced visit is drafted with its dates, and recorded once it has begun
        // (or now, as a planned visit, when the moderator says so).
        if !force && start.first_day().naive() > crate::clock::today() {
            let start = start.to_string();
            return Err(UserError::from(msg!("draft-visit-not-begun", start = start)).into());
        }
        let mut provinces = Vec::new();
        for p in &v.provinces {
            provinces.push(names.region(Country::China, p)?);
        }
        if provinces.is_empty() {
            out.skipped.push(msg!("draft-skipped-no-province"));
            visit_ids.push(None);
            continue;
        }
        let mut places = Vec::new();
        for p in &v.places {
            let id = names.region(Country::Korea, p)?;
            if !places.contains(&id) {
                places.push(id);
            }
        }
        let leader_id = match &v.leader {
            Some(l) => Some(official::resolve(change, l).await?.id),
            None => None,
        };
        let fields = visit::Fields {
            provinces,
            start,
            end,
            city: v.city.clone(),
            level: v.level.clone(),
            leader_id,
            places,
            purpose: v.purpose.clone(),
            size: v.size,
            sources: source.cloned().into_iter().collect(),
        };
        if !force && let Some(existing) = visit::find_overlap(change, &fields, None).await? {
            // Already on record: the report becomes one more source of it.
            if let Some(s) = source {
                let snap = change.live::<visit::Fields>(existing, None).await?;
                let mut f = visit::Fields::from_snapshot(&snap);
                if !f.sources.iter().any(|old| old.url == s.url) {
                    f.sources.push(s.clone());
                    change.update(existing, &f).await?;
                }
                out.sources_added_to.push(existing);
            } else {
                out.skipped
                    .push(msg!("draft-skipped-visit-on-record", id = existing));
            }
            visit_ids.push(Some(existing));
            continue;
        }
        let id = change.create(&fields).await?;
        out.visits.push(id);
        visit_ids.push(Some(id));
    }
    for m in &draft.meetings {
        let Some(day) = &m.date else {
            out.skipped.push(msg!(
                "draft-skipped-meeting-no-date",
                officials = m.officials.join(", ")
            ));
            continue;
        };
        let mut participants = Vec::new();
        for o in &m.officials {
            let id = official::resolve(change, o).await?.id;
            if !participants.contains(&id) {
                participants.push(id);
            }
        }
        let date = date("meeting date", day)?;
        span(date, None)?;
        let visit_id = m.visit.and_then(|i| visit_ids.get(i).copied().flatten());
        // A meeting links to its visit only within the visit's dates, as typed ones must.
        let visit_id = match visit_id {
            Some(v) => kind::live::<visit::Fields>(change, v)
                .await?
                .filter(|s| date.falls_within(&s.row.start_date, &s.row.span_end))
                .map(|_| v),
            None => None,
        };
        let f = meeting::Fields {
            date,
            place: m.place.clone(),
            summary: None,
            visit_id,
            participants,
        };
        if let Some(other) = meeting::find_duplicate(change, &f, None).await? {
            out.skipped.push(msg!(
                "draft-skipped-meeting-on-record",
                date = day,
                id = other
            ));
            continue;
        }
        let id = change.create(&f).await?;
        out.meetings.push(id);
    }
    for fd in &draft.forums {
        let visit_id = fd.visit.and_then(|i| visit_ids.get(i).copied().flatten());
        let start = match &fd.start {
            Some(s) => date("forum start", s)?,
            None => {
                out.skipped
                    .push(msg!("draft-skipped-forum-no-date", name = &fd.name));
                continue;
            }
        };
        let end = fd
            .end
            .as_deref()
            .map(|e| date("forum end", e))
            .transpose()?;
        span(start, end)?;
        let f = forum::Fields {
            name: fd.name.clone(),
            kind: ForumKind::parse(&fd.kind)
                .map(|k| k.label().to_string())
                .unwrap_or_else(|_| "other".into()),
            edition: fd.edition.clone(),
            start,
            end,
            place: fd.place.clone(),
            organizer: None,
            visits: visit_id.into_iter().collect(),
        };
        if let Some(other) = forum::find_duplicate(change, &f, None).await? {
            // On record already: link this delegation to it.
            if let Some(v) = visit_id {
                let snap = change.live::<forum::Fields>(other, None).await?;
                let mut existing = forum::Fields::from_snapshot(&snap);
                if !existing.visits.contains(&v) {
                    existing.visits.push(v);
                    change.update(other, &existing).await?;
                }
            }
            out.skipped.push(msg!(
                "draft-skipped-forum-on-record",
                name = &fd.name,
                id = other
            ));
            continue;
        }
        let id = change.create(&f).await?;
        out.forums.push(id);
    }
    for od in &draft.outcomes {
        let Some(visit) = od.visit.and_then(|i| Some((draft.visits.get(i)?, i))) else {
            continue;
        };
        let visit_id = visit_ids.get(visit.1).copied().flatten();
        let Some(day) = od.date.as_deref().or(visit.0.start.as_deref()) else {
            continue;
        };
        let mut provinces = Vec::new();
        for p in &visit.0.provinces {
            provinces.push(names.region(Country::China, p)?);
        }
        // An amount the report garbles is left for the moderator rather than guessed.
        let amount = od.amount.as_deref().and_then(|a| {
            let currency = od.currency.as_deref().and_then(|c| Currency::parse(c).ok());
            Money::parse(a, currency).ok()
        });
        let when = date("outcome date", day)?;
        span(when, None)?;
        let f = outcome::Fields {
            kind: OutcomeKind::parse(&od.kind).unwrap_or(OutcomeKind::Other),
            title: od.title.clone(),
            date: when,
            status: OutcomeStatus::Signed,
            provinces,
            city: visit.0.city.clone(),
            korean_side: od.korean_side.clone(),
            amount,
            visit_id,
            meeting_id: None,
            forum_id: None,
            summary: None,
            sources: source.cloned().into_iter().collect(),
        };
        if let Some(other) = outcome::find_duplicate(change, &f, None).await? {
            out.skipped.push(msg!(
                "draft-skipped-outcome-on-record",
                title = &od.title,
                id = other.id
            ));
            continue;
        }
        let id = change.create(&f).await?;
        out.outcomes.push(id);
    }
    Ok(out)
}

/// Drafted visits that overlap one on record (same province, overlapping dates): `(index
/// in the draft, id on record)`. Read-only; `tx` is rolled back by the caller.
pub async fn duplicates(tx: &mut Tx<'_>, draft: &Draft) -> Result<Vec<(usize, i64)>> {
    let names = Names::load(tx).await?;
    let mut out = Vec::new();
    for (i, v) in draft.visits.iter().enumerate() {
        let Some(Ok(start)) = v.start.as_deref().map(FlexDate::parse) else {
            continue;
        };
        let provinces: Vec<i64> = v
            .provinces
            .iter()
            .filter_map(|p| names.region(Country::China, p).ok())
            .collect();
        if provinces.is_empty() {
            continue;
        }
        let fields = visit::Fields {
            provinces,
            start,
            end: v.end.as_deref().and_then(|e| FlexDate::parse(e).ok()),
            city: None,
            level: None,
            leader_id: None,
            places: vec![],
            purpose: None,
            size: None,
            sources: vec![],
        };
        if let Some(id) = visit::find_overlap(tx, &fields, None).await? {
            out.push((i, id));
        }
    }
    Ok(out)
}
