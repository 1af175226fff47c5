//! Meetings between officials, optionally part of a visit.

use serde::{Deserialize, Serialize};

use sqlx::SqlitePool;

use super::{Tx, now};
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
    pub dataset: String,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
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

pub async fn snapshot(tx: &mut Tx<'_>, id: i64) -> Result<Option<Snapshot>> {
    let Some(row) = sqlx::query_as::<_, MeetingRow>(
        "SELECT id, date, date_precision, place, summary, visit_id, dataset, version, created_at, updated_at, deleted_at FROM meetings WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    let participants = sqlx::query_scalar(
        "SELECT official_id FROM meeting_participants WHERE meeting_id = ? ORDER BY official_id",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    Ok(Some(Snapshot { row, participants }))
}

pub async fn create(tx: &mut Tx<'_>, f: &Fields, id: Option<i64>, dataset: &str) -> Result<i64> {
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

pub async fn write(tx: &mut Tx<'_>, id: i64, f: &Fields, bump: bool) -> Result<()> {
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
    write_participants(tx, id, &f.participants).await
}

async fn write_participants(tx: &mut Tx<'_>, id: i64, participants: &[i64]) -> Result<()> {
    sqlx::query("DELETE FROM meeting_participants WHERE meeting_id = ?")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for p in participants {
        sqlx::query(
            "INSERT OR IGNORE INTO meeting_participants (meeting_id, official_id) VALUES (?, ?)",
        )
        .bind(id)
        .bind(p)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub async fn restore(tx: &mut Tx<'_>, s: &Snapshot) -> Result<()> {
    let r = &s.row;
    sqlx::query(
        "UPDATE meetings SET date = ?, date_precision = ?, place = ?, summary = ?, visit_id = ?, dataset = ?, updated_at = ?,
         deleted_at = ?, version = version + 1 WHERE id = ?",
    )
    .bind(&r.date)
    .bind(&r.date_precision)
    .bind(&r.place)
    .bind(&r.summary)
    .bind(r.visit_id)
    .bind(&r.dataset)
    .bind(now())
    .bind(&r.deleted_at)
    .bind(r.id)
    .execute(&mut **tx)
    .await?;
    write_participants(tx, r.id, &s.participants).await
}

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
pub async fn count_with(db: &SqlitePool, official: i64, range: DateRange) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
         WHERE mp.official_id = ? AND m.deleted_at IS NULL AND m.date BETWEEN ? AND ?",
    )
    .bind(official)
    .bind(range.from.to_string())
    .bind(range.to.to_string())
    .fetch_one(db)
    .await?)
}

/// The official's live meetings within the range, oldest first.
pub async fn with(
    db: &SqlitePool,
    official: i64,
    range: DateRange,
    limit: i64,
    offset: i64,
) -> Result<Vec<WithOfficial>> {
    Ok(sqlx::query_as(
        "SELECT m.id, CASE m.date_precision WHEN 'month' THEN substr(m.date, 1, 7) ELSE m.date END AS date, m.place, m.visit_id AS visit,
                (SELECT group_concat(o.name, '; ') FROM meeting_participants p JOIN officials o ON o.id = p.official_id
                 WHERE p.meeting_id = m.id AND p.official_id != mp.official_id) AS others
         FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
         WHERE mp.official_id = ? AND m.deleted_at IS NULL AND m.date BETWEEN ? AND ?
         ORDER BY m.date, m.id LIMIT ? OFFSET ?",
    )
    .bind(official)
    .bind(range.from.to_string())
    .bind(range.to.to_string())
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await?)
}
