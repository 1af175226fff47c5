//! Meetings between officials, optionally part of a visit.

use serde::{Deserialize, Serialize};

use super::{Tx, now, record};
use crate::domain::{DateRange, FlexDate};
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, sqlx::FromRow)]
pub struct MeetingRow {
    pub id: i64,
    pub date: String,
    pub date_precision: String,
    pub place: Option<String>,
    pub summary: Option<String>,
    pub visit_id: Option<i64>,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub stamp: crate::store::record::Stamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(flatten)]
    pub row: MeetingRow,
    pub participants: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fields {
    pub date: FlexDate,
    pub place: Option<String>,
    pub summary: Option<String>,
    pub visit_id: Option<i64>,
    pub participants: Vec<i64>,
}

impl Fields {
    pub fn from_snapshot(s: &Snapshot) -> Fields {
        Fields {
            date: FlexDate::from_stored(&s.row.date, &s.row.date_precision)
                .expect("stored dates are valid"),
            place: s.row.place.clone(),
            summary: s.row.summary.clone(),
            visit_id: s.row.visit_id,
            participants: s.participants.clone(),
        }
    }
}

/// Its own columns (besides the id and the stamp), as snapshots read them and bulk jobs
/// insert them.
const COLUMNS: &str = "date, date_precision, place, summary, visit_id";

pub async fn snapshot(tx: &mut Tx<'_>, id: i64) -> Result<Option<Snapshot>> {
    let participants =
        "SELECT official_id FROM meeting_participants WHERE meeting_id = ? ORDER BY official_id";
    let found = record::row_and_links(tx, "meetings", COLUMNS, participants, id).await?;
    Ok(found.map(|(row, participants)| Snapshot { row, participants }))
}

pub(super) async fn create(
    tx: &mut Tx<'_>,
    f: &Fields,
    id: Option<i64>,
    dataset: &str,
) -> Result<i64> {
    let at = now();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meetings (id, date, dataset, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(id)
    .bind(f.date.first_day().to_string())
    .bind(dataset)
    .bind(&at)
    .bind(&at)
    .fetch_one(&mut **tx)
    .await?;
    write(tx, id, f, false).await?;
    Ok(id)
}

/// Live meetings on these days with their participants (sorted ids), for duplicate checks.
pub async fn on_days(tx: &mut Tx<'_>, days: &[String]) -> Result<Vec<(i64, String, Vec<i64>)>> {
    let mut out = Vec::new();
    for chunk in days.chunks(5000) {
        let rows: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT m.id, m.date, json_group_array(mp.official_id) FROM meetings m
             JOIN meeting_participants mp ON mp.meeting_id = m.id
             WHERE m.deleted_at IS NULL AND m.date IN (SELECT value FROM json_each(?)) GROUP BY m.id",
        )
        .bind(serde_json::to_string(chunk)?)
        .fetch_all(&mut **tx)
        .await?;
        for (id, date, people) in rows {
            let mut people: Vec<i64> = serde_json::from_str(&people)?;
            people.sort_unstable();
            out.push((id, date, people));
        }
    }
    Ok(out)
}

/// Keeps a meeting but takes it off its visit.
pub(in crate::store) async fn unlink(tx: &mut Tx<'_>, id: i64) -> Result<()> {
    sqlx::query(
        "UPDATE meetings SET visit_id = NULL, updated_at = ?, version = version + 1 WHERE id = ?",
    )
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The live meetings of a visit: (id, first day, date as shown).
pub async fn of_visit(tx: &mut Tx<'_>, visit_id: i64) -> Result<Vec<(i64, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT id, date, date_shown
           FROM meetings WHERE visit_id = ? AND deleted_at IS NULL ORDER BY date, id",
    )
    .bind(visit_id)
    .fetch_all(&mut **tx)
    .await?)
}

/// A live meeting on the same day with the same participants, other than `except`.
pub async fn find_duplicate(
    tx: &mut Tx<'_>,
    f: &Fields,
    except: Option<i64>,
) -> Result<Option<i64>> {
    let day = f.date.first_day().to_string();
    let mut wanted = f.participants.clone();
    wanted.sort_unstable();
    Ok(on_days(tx, &[day])
        .await?
        .into_iter()
        .find(|(id, _, people)| Some(*id) != except && *people == wanted)
        .map(|(id, _, _)| id))
}

pub(super) async fn insert_rows(
    tx: &mut Tx<'_>,
    rows: &[super::bulk::New<Fields>],
    dataset: &str,
) -> Result<()> {
    super::bulk::insert_records(tx, "meetings", COLUMNS, rows, dataset, |b, f| {
        b.push_bind(f.date.first_day().to_string())
            .push_bind(f.date.precision())
            .push_bind(f.place.clone())
            .push_bind(f.summary.clone())
            .push_bind(f.visit_id);
    })
    .await?;
    super::bulk::insert_links(
        tx,
        "INSERT OR IGNORE INTO meeting_participants (meeting_id, official_id) ",
        rows,
        |f| &f.participants,
    )
    .await
}

pub(super) async fn write(tx: &mut Tx<'_>, id: i64, f: &Fields, bump: bool) -> Result<()> {
    sqlx::query(
        "UPDATE meetings SET date = ?, date_precision = ?, place = ?, summary = ?, visit_id = ?, updated_at = ?,
         version = version + ? WHERE id = ?",
    )
    .bind(f.date.first_day().to_string())
    .bind(f.date.precision())
    .bind(&f.place)
    .bind(&f.summary)
    .bind(f.visit_id)
    .bind(now())
    .bind(bump as i64)
    .bind(id)
    .execute(&mut **tx)
    .await?;
    PARTICIPANTS.replace(tx, id, &f.participants).await
}

/// The officials who took part in a meeting.
const PARTICIPANTS: record::LinkTable = record::LinkTable {
    table: "meeting_participants",
    owner: "meeting_id",
    link: "official_id",
    ordered: false,
};

/// One of an official's meetings, with the others who took part.
#[derive(sqlx::FromRow)]
pub struct WithOfficial {
    pub id: i64,
    pub date: String,
    pub place: Option<String>,
    pub visit: Option<i64>,
    pub others: Option<String>,
}

/// How many live meetings the official took part in within the range.
pub async fn count_with(
    db: impl sqlx::SqliteExecutor<'_>,
    official: i64,
    range: DateRange,
) -> Result<i64> {
    Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
         WHERE mp.official_id = ?1 AND m.deleted_at IS NULL AND {}",
        super::within_days("m.date", "m.date_precision", "?2", "?3")
    )))
    .bind(official)
    .bind(range.from.to_string())
    .bind(range.to.to_string())
    .fetch_one(db)
    .await?)
}

/// The official's live meetings within the range, oldest first.
pub async fn with(
    db: impl sqlx::SqliteExecutor<'_>,
    official: i64,
    range: DateRange,
    limit: i64,
    offset: i64,
) -> Result<Vec<WithOfficial>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT m.id, m.date_shown AS date, m.place, m.visit_id AS visit,
                (SELECT group_concat(o.name, '; ') FROM meeting_participants p JOIN officials o ON o.id = p.official_id
                 WHERE p.meeting_id = m.id AND p.official_id != mp.official_id) AS others
         FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
         WHERE mp.official_id = ?1 AND m.deleted_at IS NULL AND {}
         ORDER BY m.date, m.id LIMIT ?4 OFFSET ?5",
        super::within_days("m.date", "m.date_precision", "?2", "?3")
    )))
    .bind(official)
    .bind(range.from.to_string())
    .bind(range.to.to_string())
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await?)
}
