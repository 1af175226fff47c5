//! The digest: its schedule, the periods posted (once per channel and period), and the
//! reads only a digest makes (migration 0009). The counts come from `report`.

use std::collections::BTreeMap;

use serde::Serialize;
use sqlx::SqlitePool;

use super::{Tx, now};
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Schedule {
    pub channel_id: String,
    pub frequency: String,
    /// ISO weekday, 1 Monday .. 7 Sunday (weekly digests).
    pub weekday: i64,
    /// Day of the month, 1-28 (monthly digests).
    pub day: i64,
    /// Hour of the day in DIGEST_TIMEZONE.
    pub hour: i64,
    pub set_by: String,
    pub set_at: String,
}

pub async fn schedule(db: &SqlitePool) -> Result<Option<Schedule>> {
    Ok(sqlx::query_as(
        "SELECT channel_id, frequency, weekday, day, hour, set_by, set_at FROM digest_schedule WHERE id = 1",
    )
    .fetch_optional(db)
    .await?)
}

/// Sets (or replaces) the team's one digest.
pub(in crate::store) async fn set(tx: &mut Tx<'_>, s: &Schedule, by_id: &str) -> Result<()> {
    sqlx::query(
        "INSERT INTO digest_schedule (id, channel_id, frequency, weekday, day, hour, set_by_id, set_by, set_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET channel_id = excluded.channel_id, frequency = excluded.frequency,
           weekday = excluded.weekday, day = excluded.day, hour = excluded.hour, set_by_id = excluded.set_by_id,
           set_by = excluded.set_by, set_at = excluded.set_at",
    )
    .bind(&s.channel_id)
    .bind(&s.frequency)
    .bind(s.weekday)
    .bind(s.day)
    .bind(s.hour)
    .bind(by_id)
    .bind(&s.set_by)
    .bind(&s.set_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Turns the digest off; false when there was none.
pub(in crate::store) async fn off(tx: &mut Tx<'_>) -> Result<bool> {
    Ok(sqlx::query("DELETE FROM digest_schedule WHERE id = 1")
        .execute(&mut **tx)
        .await?
        .rows_affected()
        > 0)
}

/// Where the digest of one period to one channel stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostState {
    /// Claimed before the post; Discord has not answered 2xx yet (or the bot stopped).
    Posting {
        last_batch: i64,
    },
    Posted,
    /// Discord refused it (the channel, or the message): not tried again for this period
    /// until the digest is set again (`retry_refused`).
    Refused {
        reason: String,
    },
}

pub async fn post_state(
    db: &SqlitePool,
    channel: &str,
    from: &str,
    to: &str,
) -> Result<Option<PostState>> {
    let row: Option<(String, i64, Option<String>)> = sqlx::query_as(
        "SELECT state, last_batch, reason FROM digest_posts WHERE channel_id = ? AND period_from = ? AND period_to = ?",
    )
    .bind(channel)
    .bind(from)
    .bind(to)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(state, last_batch, reason)| match state.as_str() {
        "posted" => PostState::Posted,
        "dropped" => PostState::Refused {
            reason: reason.unwrap_or_else(|| "Discord refused it".into()),
        },
        _ => PostState::Posting { last_batch },
    }))
}

/// A digest Discord refused and no one has fixed yet: the latest such period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Refusal {
    pub channel_id: String,
    pub frequency: String,
    pub period_from: String,
    pub period_to: String,
    pub reason: String,
    pub at: String,
}

/// The latest refused digest, unless a later period went out to the same channel since.
pub async fn latest_refusal(db: &SqlitePool) -> Result<Option<Refusal>> {
    Ok(sqlx::query_as(
        "SELECT d.channel_id, d.frequency, d.period_from, d.period_to,
                coalesce(d.reason, 'Discord refused it') AS reason, coalesce(d.done_at, d.started_at) AS at
           FROM digest_posts d
          WHERE d.state = 'dropped'
            AND NOT EXISTS (SELECT 1 FROM digest_posts p WHERE p.channel_id = d.channel_id
                              AND p.state = 'posted' AND p.period_from > d.period_from)
          ORDER BY d.period_from DESC LIMIT 1",
    )
    .fetch_optional(db)
    .await?)
}

/// The digest is set again (its channel fixed, presumably): the periods refused in
/// `channel` are forgotten, so the scheduler posts the latest one once more.
pub async fn retry_refused(tx: &mut Tx<'_>, channel: &str) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM digest_posts WHERE channel_id = ? AND state = 'dropped'")
            .bind(channel)
            .execute(&mut **tx)
            .await?
            .rows_affected(),
    )
}

/// Claims a period for a channel before posting, noting the newest audit batch the digest
/// counts; returns it. The key (channel, period) makes a second claim impossible.
pub async fn claim(
    db: &SqlitePool,
    channel: &str,
    frequency: &str,
    from: &str,
    to: &str,
) -> Result<i64> {
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    let last_batch = newest_batch(&mut tx).await?;
    sqlx::query(
        "INSERT INTO digest_posts (channel_id, frequency, period_from, period_to, state, last_batch, started_at)
         VALUES (?, ?, ?, ?, 'posting', ?, ?)",
    )
    .bind(channel)
    .bind(frequency)
    .bind(from)
    .bind(to)
    .bind(last_batch)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(last_batch)
}

async fn newest_batch(conn: &mut sqlx::SqliteConnection) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM audit_batches")
            .fetch_one(conn)
            .await?,
    )
}

/// Discord answered 2xx (`refused` None), or refused the post for the reason given
/// (kept, with the reason, until the digest is set again).
pub async fn finish(
    db: &SqlitePool,
    channel: &str,
    from: &str,
    to: &str,
    refused: Option<&str>,
) -> Result<()> {
    sqlx::query(
        "UPDATE digest_posts SET state = ?, reason = ?, done_at = ? WHERE channel_id = ? AND period_from = ? AND period_to = ?",
    )
    .bind(if refused.is_none() { "posted" } else { "dropped" })
    .bind(refused)
    .bind(now())
    .bind(channel)
    .bind(from)
    .bind(to)
    .execute(db)
    .await?;
    Ok(())
}

/// The last digest posted before the one counting up to `before_batch` (all when None):
/// the batch it counted up to and when it was posted.
pub async fn previous_post(
    db: &SqlitePool,
    before_batch: Option<i64>,
) -> Result<Option<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT last_batch, coalesce(done_at, started_at) FROM digest_posts
          WHERE state = 'posted' AND (?1 IS NULL OR last_batch <= ?1)
          ORDER BY last_batch DESC LIMIT 1",
    )
    .bind(before_batch)
    .fetch_optional(db)
    .await?)
}

/// The newest audit batch now (a preview counts up to it).
pub async fn current_batch(db: &SqlitePool) -> Result<i64> {
    newest_batch(&mut *db.acquire().await?).await
}

/// Records added by the batches after `after` up to `upto`, by kind, less those an undo
/// has taken back.
pub async fn added_between(
    db: &SqlitePool,
    after: i64,
    upto: i64,
) -> Result<BTreeMap<String, i64>> {
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "SELECT e.entity, count(DISTINCT e.entity_id) FROM audit_entries e
           JOIN audit_batches b ON b.id = e.batch_id
          WHERE e.batch_id > ?1 AND e.batch_id <= ?2 AND e.before IS NULL AND e.after IS NOT NULL
            AND b.undone_by IS NULL AND b.undoes IS NULL
          GROUP BY e.entity ORDER BY e.entity",
    )
    .bind(after)
    .bind(upto)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().collect())
}

/// The first audit batch written on or after this UTC time (a first digest counts what
/// was added during its period).
pub async fn first_batch_since(db: &SqlitePool, at: &str) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT coalesce(min(id), (SELECT coalesce(max(id), 0) + 1 FROM audit_batches)) FROM audit_batches WHERE at >= ?",
    )
    .bind(at)
    .fetch_one(db)
    .await?)
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, PartialEq, Eq)]
pub struct NewOfficial {
    pub name: String,
    pub title: Option<String>,
    pub country: String,
    /// The day of their first meeting on record.
    pub first_met: String,
}

/// Officials whose first meeting on record falls within the days `from..=to` (with
/// `days_only`, among meetings dated to the day); the day shown as the meeting's date is
/// (`2024-06` for one known to its month).
pub async fn new_officials(
    db: &SqlitePool,
    from: &str,
    to: &str,
    days_only: bool,
) -> Result<Vec<NewOfficial>> {
    let rows: Vec<NewOfficial> = sqlx::query_as(
        "SELECT name, title, country, first_met FROM (
           SELECT o.name, o.title, o.country, min(m.date) AS day, m.date_shown AS first_met
             FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
             JOIN officials o ON o.id = mp.official_id AND o.deleted_at IS NULL
            WHERE m.deleted_at IS NULL AND m.date BETWEEN ?1 AND ?2 AND (?3 = 0 OR m.date_precision = 'day')
              AND NOT EXISTS (SELECT 1 FROM meeting_participants p2 JOIN meetings m2 ON m2.id = p2.meeting_id
                               WHERE p2.official_id = mp.official_id AND m2.deleted_at IS NULL AND m2.date < ?1)
            GROUP BY o.id)
          ORDER BY day, name",
    )
    .bind(from)
    .bind(to)
    .bind(days_only)
    .fetch_all(db)
    .await?;
    Ok(rows)
}

/// A record dated only to its month that was added between two digests (a weekly digest
/// lists these apart, once).
#[derive(Debug, Clone, Serialize, sqlx::FromRow, PartialEq, Eq)]
pub struct MonthOnly {
    pub entity: String,
    pub id: i64,
    pub month: String,
    pub what: String,
}

impl MonthOnly {
    /// "Visit #12 · Jiangsu · 2024-06"
    pub fn line(&self) -> String {
        let mut kind = self.entity.clone();
        if let Some(first) = kind.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        format!("{kind} #{} · {} · {}", self.id, self.what, self.month)
    }
}

/// The live records dated only to their month that the batches after `after` up to `upto`
/// added (and no undo took back).
pub async fn month_only_added(db: &SqlitePool, after: i64, upto: i64) -> Result<Vec<MonthOnly>> {
    Ok(sqlx::query_as(
        "WITH added AS (
           SELECT DISTINCT e.entity, e.entity_id FROM audit_entries e JOIN audit_batches b ON b.id = e.batch_id
            WHERE e.batch_id > ?1 AND e.batch_id <= ?2 AND e.before IS NULL AND e.after IS NOT NULL
              AND b.undone_by IS NULL AND b.undoes IS NULL)
         SELECT 'visit' AS entity, v.id, v.start_shown AS month,
                coalesce((SELECT group_concat(r.name, ', ') FROM visit_provinces p JOIN regions r ON r.id = p.region_id
                           WHERE p.visit_id = v.id), '') AS what
           FROM added a JOIN visits v ON a.entity = 'visit' AND v.id = a.entity_id
          WHERE v.deleted_at IS NULL AND v.start_precision = 'month'
         UNION ALL
         SELECT 'meeting', m.id, m.date_shown, coalesce(m.place, '') FROM added a JOIN meetings m
             ON a.entity = 'meeting' AND m.id = a.entity_id
          WHERE m.deleted_at IS NULL AND m.date_precision = 'month'
         UNION ALL
         SELECT 'forum', f.id, f.start_shown, f.name FROM added a JOIN forums f ON a.entity = 'forum' AND f.id = a.entity_id
          WHERE f.deleted_at IS NULL AND f.start_precision = 'month'
         UNION ALL
         SELECT 'outcome', o.id, o.date_shown, o.kind || ' ' || o.title FROM added a JOIN outcomes o
             ON a.entity = 'outcome' AND o.id = a.entity_id
          WHERE o.deleted_at IS NULL AND o.date_precision = 'month'
         ORDER BY 3, 1, 2",
    )
    .bind(after)
    .bind(upto)
    .fetch_all(db)
    .await?)
}
