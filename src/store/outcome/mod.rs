//! Outcomes (migration 0015): what visits come to — MOUs, agreements, investment pledges,
//! contracts, sister-city ties — with the Chinese side (provinces, city), the Korean side
//! (free text), an exact amount in its currency, links to a visit, meeting or forum, and
//! sources. Soft-deleted; snapshots feed the audit log and undo. Reading them for lists,
//! `/outcomes show` and the other records' views is in `read`.

pub mod link;
mod read;

pub use read::{Brief, Filter, Link, ListItem, View, count, list, of_forum, of_visit, view};

use serde::{Deserialize, Serialize};

use super::visit::{Source, SourcesOf};
use super::{Entity, Tx, now, record};
use crate::domain::{FlexDate, Money, OutcomeKind, OutcomeStatus, normalize};
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct OutcomeRow {
    pub id: i64,
    pub kind: String,
    pub title: String,
    pub date: String,
    pub date_precision: String,
    pub status: String,
    pub city: Option<String>,
    pub korean_side: Option<String>,
    /// Hundredths of `currency` (domain::Amount).
    pub amount_minor: Option<i64>,
    pub currency: Option<String>,
    /// The amount was stated as approximate (1) or exact (0).
    #[serde(default)]
    pub amount_about: i64,
    pub visit_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub forum_id: Option<i64>,
    pub summary: Option<String>,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub stamp: crate::store::record::Stamp,
}

/// Everything stored about an outcome: what the audit log keeps and undo restores. Its
/// keys (`provinces`, `korean_side`, `visit_id`, ...) are what a watch reads to match it
/// (store::mentions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(flatten)]
    pub row: OutcomeRow,
    pub provinces: Vec<i64>,
    pub sources: Vec<Source>,
}

/// The checked values of a new or edited outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    pub kind: OutcomeKind,
    pub title: String,
    pub date: FlexDate,
    pub status: OutcomeStatus,
    pub provinces: Vec<i64>,
    pub city: Option<String>,
    pub korean_side: Option<String>,
    pub amount: Option<Money>,
    pub visit_id: Option<i64>,
    pub meeting_id: Option<i64>,
    pub forum_id: Option<i64>,
    pub summary: Option<String>,
    pub sources: Vec<Source>,
}

impl Fields {
    pub fn from_snapshot(s: &Snapshot) -> Fields {
        let r = &s.row;
        Fields {
            kind: OutcomeKind::parse(&r.kind).expect("stored kinds are labels"),
            title: r.title.clone(),
            date: FlexDate::from_stored(&r.date, &r.date_precision)
                .expect("stored dates are valid"),
            status: OutcomeStatus::parse(&r.status).expect("stored statuses are labels"),
            provinces: s.provinces.clone(),
            city: r.city.clone(),
            korean_side: r.korean_side.clone(),
            amount: stored_money(r.amount_minor, r.currency.as_deref(), r.amount_about),
            visit_id: r.visit_id,
            meeting_id: r.meeting_id,
            forum_id: r.forum_id,
            summary: r.summary.clone(),
            sources: s.sources.clone(),
        }
    }
}

/// An amount as stored (hundredths and a currency code), if there is one.
pub(crate) fn stored_money(
    minor: Option<i64>,
    currency: Option<&str>,
    about: i64,
) -> Option<Money> {
    Money::from_stored(minor?, currency?, about != 0)
}

/// An outcome's own columns (besides its id and stamp).
const COLUMNS: &str =
    "kind, title, date, date_precision, status, city, korean_side, amount_minor, currency,
    amount_about, visit_id, meeting_id, forum_id, summary";

pub async fn snapshot(tx: &mut Tx<'_>, id: i64) -> Result<Option<Snapshot>> {
    let Some(row) = record::row(tx, "outcomes", COLUMNS, id).await? else {
        return Ok(None);
    };
    let provinces =
        "SELECT region_id FROM outcome_provinces WHERE outcome_id = ? ORDER BY region_id";
    Ok(Some(Snapshot {
        row,
        provinces: record::links(tx, provinces, id).await?,
        sources: SourcesOf::Outcome.load(tx, id).await?,
    }))
}

pub(super) async fn create(
    tx: &mut Tx<'_>,
    f: &Fields,
    id: Option<i64>,
    dataset: &str,
) -> Result<i64> {
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO outcomes (id, kind, title, date, status, dataset, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(id)
    .bind(f.kind.label())
    .bind(&f.title)
    .bind(f.date.first_day().to_string())
    .bind(f.status.label())
    .bind(dataset)
    .bind(&at)
    .bind(&at)
    .fetch_one(&mut **tx)
    .await?;
    write(tx, id, f, false).await?;
    Ok(id)
}

/// Writes all fields and children of an existing outcome; `bump` raises its version.
pub(super) async fn write(tx: &mut Tx<'_>, id: i64, f: &Fields, bump: bool) -> Result<()> {
    sqlx::query(
        "UPDATE outcomes SET kind = ?, title = ?, date = ?, date_precision = ?, status = ?, city = ?, korean_side = ?,
         amount_minor = ?, currency = ?, amount_about = ?, visit_id = ?, meeting_id = ?, forum_id = ?, summary = ?,
         updated_at = ?, version = version + ? WHERE id = ?",
    )
    .bind(f.kind.label())
    .bind(&f.title)
    .bind(f.date.first_day().to_string())
    .bind(f.date.precision())
    .bind(f.status.label())
    .bind(&f.city)
    .bind(&f.korean_side)
    .bind(f.amount.and_then(|m| m.amount.minor()))
    .bind(f.amount.map(|m| m.currency.label()))
    .bind(f.amount.is_some_and(|m| m.about))
    .bind(f.visit_id)
    .bind(f.meeting_id)
    .bind(f.forum_id)
    .bind(&f.summary)
    .bind(now())
    .bind(bump as i64)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    write_children(tx, id, &f.provinces, &f.sources).await
}

/// The provinces an outcome is for.
const PROVINCES: record::LinkTable = record::LinkTable {
    table: "outcome_provinces",
    owner: "outcome_id",
    link: "region_id",
    ordered: false,
};

async fn write_children(
    tx: &mut Tx<'_>,
    id: i64,
    provinces: &[i64],
    sources: &[Source],
) -> Result<()> {
    PROVINCES.replace(tx, id, provinces).await?;
    SourcesOf::Outcome.replace(tx, id, sources).await
}

pub(super) async fn insert_rows(
    tx: &mut Tx<'_>,
    rows: &[super::bulk::New<Fields>],
    dataset: &str,
) -> Result<()> {
    super::bulk::insert_records(tx, "outcomes", COLUMNS, rows, dataset, |b, f| {
        b.push_bind(f.kind.label())
            .push_bind(f.title.clone())
            .push_bind(f.date.first_day().to_string())
            .push_bind(f.date.precision())
            .push_bind(f.status.label())
            .push_bind(f.city.clone())
            .push_bind(f.korean_side.clone())
            .push_bind(f.amount.and_then(|m| m.amount.minor()))
            .push_bind(f.amount.map(|m| m.currency.label()))
            .push_bind(f.amount.is_some_and(|m| m.about))
            .push_bind(f.visit_id)
            .push_bind(f.meeting_id)
            .push_bind(f.forum_id)
            .push_bind(f.summary.clone());
    })
    .await?;
    super::bulk::insert_links(
        tx,
        "INSERT OR IGNORE INTO outcome_provinces (outcome_id, region_id) ",
        rows,
        |f| &f.provinces,
    )
    .await?;
    SourcesOf::Outcome
        .insert_many(tx, rows, |f| &f.sources)
        .await
}

/// How near two outcomes' dates must be to make them one: a week, counted between the
/// nearest days of their dates (a month-only date spans its month).
pub const DUPLICATE_DAYS: i64 = 7;

/// Why an outcome is taken for one on record (or earlier in a file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// The same kind and title, for one of the same provinces.
    Title,
    /// The same kind, provinces, amount and currency, whatever the titles (a report that
    /// names one pledge twice in other words).
    Amount,
}

/// An outcome on record that a new one repeats, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    pub id: i64,
    pub by: Repeat,
}

impl Repeat {
    /// Whether `b` repeats `a` (both within DUPLICATE_DAYS of each other, checked apart).
    pub fn of(a: &Said, b: &Said) -> Option<Repeat> {
        if a.kind != b.kind {
            return None;
        }
        let shared = a.provinces.iter().any(|p| b.provinces.contains(p));
        if shared && a.title == b.title {
            return Some(Repeat::Title);
        }
        let same_figure = matches!((a.amount, b.amount), (Some(x), Some(y)) if x.same_figure(&y));
        (same_figure && !a.provinces.is_empty() && a.provinces == b.provinces)
            .then_some(Repeat::Amount)
    }
}

/// What the duplicate rule compares of an outcome: its kind, normalized title, provinces
/// (sorted) and amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub kind: OutcomeKind,
    pub title: String,
    pub provinces: Vec<i64>,
    pub amount: Option<Money>,
}

impl Said {
    pub fn of(f: &Fields) -> Said {
        let mut provinces = f.provinces.clone();
        provinces.sort_unstable();
        Said {
            kind: f.kind,
            title: normalize(&f.title),
            provinces,
            amount: f.amount,
        }
    }
}

/// A live outcome, other than `except`, that `f` repeats (`Repeat::of`), dated within
/// DUPLICATE_DAYS days.
pub async fn find_duplicate(
    tx: &mut Tx<'_>,
    f: &Fields,
    except: Option<i64>,
) -> Result<Option<Duplicate>> {
    if f.provinces.is_empty() {
        return Ok(None);
    }
    let week = format!("{DUPLICATE_DAYS} days");
    // A month-only date is stored on its first day: the index range starts at the first of
    // the month of the earliest day that is near enough.
    // (id, title, amount_minor, currency, provinces as a JSON array)
    type Row = (i64, String, Option<i64>, Option<String>, String);
    let candidates: Vec<Row> = sqlx::query_as(
        "SELECT o.id, o.title, o.amount_minor, o.currency,
                (SELECT json_group_array(p.region_id) FROM outcome_provinces p WHERE p.outcome_id = o.id)
           FROM outcomes o
          WHERE o.deleted_at IS NULL AND o.kind = ?1 AND o.id IS NOT ?2
            AND o.date BETWEEN date(?3, '-' || ?5, 'start of month') AND date(?4, '+' || ?5)
            AND (CASE o.date_precision WHEN 'month' THEN date(o.date, '+1 month', '-1 day') ELSE o.date END)
                >= date(?3, '-' || ?5)
            AND EXISTS (SELECT 1 FROM outcome_provinces p WHERE p.outcome_id = o.id
                        AND p.region_id IN (SELECT value FROM json_each(?6)))
          ORDER BY o.id",
    )
    .bind(f.kind.label())
    .bind(except)
    .bind(f.date.first_day().to_string())
    .bind(f.date.last_day().to_string())
    .bind(&week)
    .bind(serde_json::to_string(&f.provinces)?)
    .fetch_all(&mut **tx)
    .await?;
    let new = Said::of(f);
    Ok(candidates
        .into_iter()
        .find_map(|(id, title, minor, currency, provinces)| {
            let mut provinces: Vec<i64> = serde_json::from_str(&provinces).unwrap_or_default();
            provinces.sort_unstable();
            let on_record = Said {
                kind: f.kind,
                title: normalize(&title),
                provinces,
                amount: minor
                    .zip(currency)
                    .and_then(|(m, c)| Money::from_stored(m, &c, false)),
            };
            Repeat::of(&on_record, &new).map(|by| Duplicate { id, by })
        }))
}

/// The link column an outcome refers to a record of this kind by.
fn link_column(entity: Entity) -> Option<&'static str> {
    match entity {
        Entity::Visit => Some("visit_id"),
        Entity::Meeting => Some("meeting_id"),
        Entity::Forum => Some("forum_id"),
        Entity::Official | Entity::Outcome => None,
    }
}

/// The live outcomes that link to this visit, meeting or forum.
pub async fn linked_to(tx: &mut Tx<'_>, entity: Entity, id: i64) -> Result<Vec<i64>> {
    let Some(column) = link_column(entity) else {
        return Ok(Vec::new());
    };
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT id FROM outcomes WHERE {column} = ? AND deleted_at IS NULL ORDER BY id"
    )))
    .bind(id)
    .fetch_all(&mut **tx)
    .await?)
}

/// Takes outcome `id` off the visit, meeting or forum (`entity`) it came of.
pub(crate) async fn unlink(tx: &mut Tx<'_>, id: i64, entity: Entity) -> Result<()> {
    let column = link_column(entity).expect("visits, meetings and forums are linked to");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE outcomes SET {column} = NULL, updated_at = ?, version = version + 1 WHERE id = ?"
    )))
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
