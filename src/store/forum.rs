//! Investment forums, business forums and conferences, and the visits that attended.

use serde::{Deserialize, Serialize};
use sqlx::SqlitePool;

use super::{Tx, now, record};
use crate::domain::{DateRange, FlexDate};
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct ForumRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub edition: Option<String>,
    pub start_date: String,
    pub start_precision: String,
    pub end_date: Option<String>,
    pub end_precision: Option<String>,
    pub place: Option<String>,
    pub organizer: Option<String>,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub stamp: crate::store::record::Stamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(flatten)]
    pub row: ForumRow,
    pub visits: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    pub name: String,
    pub kind: String,
    pub edition: Option<String>,
    pub start: FlexDate,
    pub end: Option<FlexDate>,
    pub place: Option<String>,
    pub organizer: Option<String>,
    pub visits: Vec<i64>,
}

impl Fields {
    pub fn from_snapshot(s: &Snapshot) -> Fields {
        let r = &s.row;
        Fields {
            name: r.name.clone(),
            kind: r.kind.clone(),
            edition: r.edition.clone(),
            start: FlexDate::from_stored(&r.start_date, &r.start_precision)
                .expect("stored dates are valid"),
            end: match (&r.end_date, &r.end_precision) {
                (Some(d), Some(p)) => FlexDate::from_stored(d, p),
                _ => None,
            },
            place: r.place.clone(),
            organizer: r.organizer.clone(),
            visits: s.visits.clone(),
        }
    }
}

/// Its own columns (besides the id and the stamp), as snapshots read them and bulk jobs
/// insert them.
const COLUMNS: &str =
    "name, kind, edition, start_date, start_precision, end_date, end_precision, place, organizer";

pub async fn snapshot(tx: &mut Tx<'_>, id: i64) -> Result<Option<Snapshot>> {
    let visits = "SELECT visit_id FROM forum_visits WHERE forum_id = ? ORDER BY visit_id";
    let found = record::row_and_links(tx, "forums", COLUMNS, visits, id).await?;
    Ok(found.map(|(row, visits)| Snapshot { row, visits }))
}

pub(super) async fn create(
    tx: &mut Tx<'_>,
    f: &Fields,
    id: Option<i64>,
    dataset: &str,
) -> Result<i64> {
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO forums (id, name, kind, start_date, dataset, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(id)
    .bind(&f.name)
    .bind(&f.kind)
    .bind(f.start.first_day().to_string())
    .bind(dataset)
    .bind(&at)
    .bind(&at)
    .fetch_one(&mut **tx)
    .await?;
    write(tx, id, f, false).await?;
    Ok(id)
}

/// The newest live forums: (id, name, edition, first day), for autocomplete.
pub async fn recent(
    db: &SqlitePool,
    limit: i64,
) -> Result<Vec<(i64, String, Option<String>, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, name, edition, start_date FROM forums WHERE deleted_at IS NULL ORDER BY start_date DESC LIMIT ?",
    )
    .bind(limit)
    .fetch_all(db)
    .await?)
}

/// What makes two forums one: the name and edition (normalized) and the first day.
pub fn key(name: &str, edition: Option<&str>, start: &str) -> (String, String, String) {
    (
        crate::domain::normalize(name),
        crate::domain::normalize(edition.unwrap_or("")),
        start.to_string(),
    )
}

/// Every live forum's duplicate key, by id.
pub async fn keys(tx: &mut Tx<'_>) -> Result<Vec<(i64, (String, String, String))>> {
    let rows: Vec<(i64, String, Option<String>, String)> =
        sqlx::query_as("SELECT id, name, edition, start_date FROM forums WHERE deleted_at IS NULL")
            .fetch_all(&mut **tx)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, edition, start)| (id, key(&name, edition.as_deref(), &start)))
        .collect())
}

/// Takes a visit off a forum's attendance.
pub(in crate::store) async fn unlink(tx: &mut Tx<'_>, id: i64, visit_id: i64) -> Result<()> {
    sqlx::query("DELETE FROM forum_visits WHERE forum_id = ? AND visit_id = ?")
        .bind(id)
        .bind(visit_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("UPDATE forums SET updated_at = ?, version = version + 1 WHERE id = ?")
        .bind(now())
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The live forums a visit is linked to.
pub async fn linked_to(tx: &mut Tx<'_>, visit_id: i64) -> Result<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT f.id FROM forum_visits fv JOIN forums f ON f.id = fv.forum_id
          WHERE fv.visit_id = ? AND f.deleted_at IS NULL ORDER BY f.id",
    )
    .bind(visit_id)
    .fetch_all(&mut **tx)
    .await?)
}

/// A live forum with the same name, edition and first day, other than `except`.
pub async fn find_duplicate(
    tx: &mut Tx<'_>,
    f: &Fields,
    except: Option<i64>,
) -> Result<Option<i64>> {
    let wanted = key(
        &f.name,
        f.edition.as_deref(),
        &f.start.first_day().to_string(),
    );
    let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT id, name, edition FROM forums WHERE deleted_at IS NULL AND start_date = ? AND id IS NOT ?",
    )
    .bind(&wanted.2)
    .bind(except)
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows
        .into_iter()
        .find(|(_, name, edition)| key(name, edition.as_deref(), &wanted.2) == wanted)
        .map(|(id, _, _)| id))
}

pub(super) async fn insert_rows(
    tx: &mut Tx<'_>,
    rows: &[super::bulk::New<Fields>],
    dataset: &str,
) -> Result<()> {
    super::bulk::insert_records(tx, "forums", COLUMNS, rows, dataset, |b, f| {
        b.push_bind(f.name.clone())
            .push_bind(f.kind.clone())
            .push_bind(f.edition.clone())
            .push_bind(f.start.first_day().to_string())
            .push_bind(f.start.precision())
            .push_bind(f.end.map(|e| e.first_day().to_string()))
            .push_bind(f.end.map(|e| e.precision()))
            .push_bind(f.place.clone())
            .push_bind(f.organizer.clone());
    })
    .await?;
    super::bulk::insert_links(
        tx,
        "INSERT INTO forum_visits (forum_id, visit_id) ",
        rows,
        |f| &f.visits,
    )
    .await
}

pub(super) async fn write(tx: &mut Tx<'_>, id: i64, f: &Fields, bump: bool) -> Result<()> {
    sqlx::query(
        "UPDATE forums SET name = ?, kind = ?, edition = ?, start_date = ?, start_precision = ?, end_date = ?,
         end_precision = ?, place = ?, organizer = ?, updated_at = ?, version = version + ? WHERE id = ?",
    )
    .bind(&f.name)
    .bind(&f.kind)
    .bind(&f.edition)
    .bind(f.start.first_day().to_string())
    .bind(f.start.precision())
    .bind(f.end.map(|e| e.first_day().to_string()))
    .bind(f.end.map(|e| e.precision()))
    .bind(&f.place)
    .bind(&f.organizer)
    .bind(now())
    .bind(bump as i64)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    VISITS.replace(tx, id, &f.visits).await
}

/// The visits that attended a forum.
const VISITS: record::LinkTable = record::LinkTable {
    table: "forum_visits",
    owner: "forum_id",
    link: "visit_id",
    ordered: false,
};

/// What /forums list filters on.
pub struct ListFilter {
    pub range: DateRange,
    pub kind: Option<String>,
    /// A LIKE pattern on the place.
    pub place: Option<String>,
    /// Only forums dated to the day (a weekly digest counts no month-only record).
    pub days_only: bool,
}

/// The forums /forums list shows: live, in the range ?1..?2, of kind ?3 and place ?4 when
/// given.
fn listed_where() -> String {
    format!(
        "f.deleted_at IS NULL AND {} AND (?3 IS NULL OR f.kind = ?3) AND (?4 IS NULL OR f.place LIKE ?4)
         AND (?7 = 0 OR f.start_precision = 'day')",
        super::within_days("f.start_date", "f.start_precision", "?1", "?2")
    )
}

#[derive(sqlx::FromRow)]
pub struct Listed {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub edition: Option<String>,
    pub start: String,
    pub place: Option<String>,
    pub delegations: i64,
}

pub async fn count_listed(db: impl sqlx::SqliteExecutor<'_>, f: &ListFilter) -> Result<i64> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM forums f WHERE {}",
        listed_where()
    )))
    .bind(f.range.from.to_string())
    .bind(f.range.to.to_string())
    .bind(&f.kind)
    .bind(&f.place)
    .bind(0)
    .bind(0)
    .bind(f.days_only)
    .fetch_one(db)
    .await?)
}

/// Newest first, with how many live delegations attended (the page chosen by id, then
/// counted, as `visit::list` does).
pub async fn listed(
    db: impl sqlx::SqliteExecutor<'_>,
    f: &ListFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<Listed>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT f.id, f.name, f.kind, f.edition,
                f.start_shown AS start, f.place,
                (SELECT count(*) FROM forum_visits fv JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL
                 WHERE fv.forum_id = f.id) AS delegations
         FROM (SELECT f.id FROM forums f WHERE {}
                ORDER BY f.start_date DESC, f.id DESC LIMIT ?5 OFFSET ?6) page
         JOIN forums f ON f.id = page.id ORDER BY f.start_date DESC, f.id DESC",
        listed_where()
    )))
    .bind(f.range.from.to_string())
    .bind(f.range.to.to_string())
    .bind(&f.kind)
    .bind(&f.place)
    .bind(limit)
    .bind(offset)
    .bind(f.days_only)
    .fetch_all(db)
    .await?)
}

#[derive(sqlx::FromRow)]
pub struct Shown {
    pub name: String,
    pub kind: String,
    pub edition: Option<String>,
    pub start: String,
    pub end: Option<String>,
    pub place: Option<String>,
    pub organizer: Option<String>,
    pub dataset: String,
}

/// A live forum as /forums show presents it (dates at their precision).
pub async fn shown(db: &SqlitePool, id: i64) -> Result<Option<Shown>> {
    Ok(sqlx::query_as(
        "SELECT name, kind, edition, start_shown AS start,
                end_shown AS \"end\",
                place, organizer, dataset FROM forums WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(db)
    .await?)
}

/// The live visits that attended: (id, start, provinces, leader).
pub async fn attended_by(
    db: &SqlitePool,
    id: i64,
) -> Result<Vec<(i64, String, Option<String>, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT v.id, v.start_shown,
                (SELECT group_concat(r.name, ', ') FROM visit_provinces p JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id),
                o.name
         FROM forum_visits fv JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL
         LEFT JOIN officials o ON o.id = v.leader_id WHERE fv.forum_id = ? ORDER BY v.start_date, v.id",
    )
    .bind(id)
    .fetch_all(db)
    .await?)
}
