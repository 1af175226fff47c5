//! The counts behind the reports (migration 0004): triggers mark the days and the
//! (month, official) pairs a write touches as stale; `refresh` recounts them before the
//! write commits. Every write commits through `commit`, so readers always find the counts
//! current. A write costs about one day of records, a bulk load about one pass.

use sqlx::SqlitePool;

use super::{Entity, Tx};
use crate::error::Result;

/// Recounting one day (?1) from the records.
const RECOUNT_DAY: [&str; 4] = [
    "DELETE FROM day_stats WHERE day = ?1",
    "INSERT INTO day_stats (day, region_id, visits, sourced, meetings, forums)
     SELECT ?1, region_id, sum(visits), sum(sourced), sum(meetings), sum(forums) FROM (
       SELECT 0 AS region_id, 1 AS visits,
              EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id) AS sourced,
              0 AS meetings, 0 AS forums
         FROM visits v WHERE v.start_date = ?1 AND v.deleted_at IS NULL
       UNION ALL
       SELECT p.region_id, 1, EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id), 0, 0
         FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
        WHERE v.start_date = ?1 AND v.deleted_at IS NULL
       UNION ALL
       SELECT 0, 0, 0, 1, 0 FROM meetings m WHERE m.date = ?1 AND m.deleted_at IS NULL
       UNION ALL
       SELECT region_id, 0, 0, 1, 0 FROM (
         SELECT p.region_id, m.id FROM meetings m JOIN visit_provinces p ON p.visit_id = m.visit_id
          WHERE m.date = ?1 AND m.deleted_at IS NULL
         UNION
         SELECT o.province_id, m.id FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
           JOIN officials o ON o.id = mp.official_id AND o.province_id IS NOT NULL
          WHERE m.date = ?1 AND m.deleted_at IS NULL)
       UNION ALL
       SELECT 0, 0, 0, 0, 1 FROM forums f WHERE f.start_date = ?1 AND f.deleted_at IS NULL
       UNION ALL
       SELECT region_id, 0, 0, 0, 1 FROM (
         SELECT DISTINCT p.region_id, f.id FROM forums f
           JOIN forum_visits fv ON fv.forum_id = f.id
           JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL
           JOIN visit_provinces p ON p.visit_id = v.id
          WHERE f.start_date = ?1 AND f.deleted_at IS NULL))
     GROUP BY region_id",
    "DELETE FROM joint_visit_provinces WHERE day = ?1",
    "INSERT INTO joint_visit_provinces (day, region_id, visit_id, sourced)
     SELECT ?1, p.region_id, v.id, EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id)
       FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
      WHERE v.start_date = ?1 AND v.deleted_at IS NULL
        AND (SELECT count(*) FROM visit_provinces q WHERE q.visit_id = v.id) > 1",
];

/// Every stale day at once, for a bulk load or import (`RECOUNT_DAY` for each day in
/// `stale_days`, as one pass).
const RECOUNT_DAYS: [&str; 4] = [
    "DELETE FROM day_stats WHERE day IN (SELECT day FROM stale_days)",
    "INSERT INTO day_stats (day, region_id, visits, sourced, meetings, forums)
     SELECT day, region_id, sum(visits), sum(sourced), sum(meetings), sum(forums) FROM (
       SELECT v.start_date AS day, 0 AS region_id, 1 AS visits,
              EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id) AS sourced,
              0 AS meetings, 0 AS forums
         FROM visits v WHERE v.start_date IN (SELECT day FROM stale_days) AND v.deleted_at IS NULL
       UNION ALL
       SELECT v.start_date, p.region_id, 1, EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id), 0, 0
         FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
        WHERE v.start_date IN (SELECT day FROM stale_days) AND v.deleted_at IS NULL
       UNION ALL
       SELECT m.date, 0, 0, 0, 1, 0 FROM meetings m
        WHERE m.date IN (SELECT day FROM stale_days) AND m.deleted_at IS NULL
       UNION ALL
       SELECT day, region_id, 0, 0, 1, 0 FROM (
         SELECT m.date AS day, p.region_id, m.id FROM meetings m JOIN visit_provinces p ON p.visit_id = m.visit_id
          WHERE m.date IN (SELECT day FROM stale_days) AND m.deleted_at IS NULL
         UNION
         SELECT m.date, o.province_id, m.id FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
           JOIN officials o ON o.id = mp.official_id AND o.province_id IS NOT NULL
          WHERE m.date IN (SELECT day FROM stale_days) AND m.deleted_at IS NULL)
       UNION ALL
       SELECT f.start_date, 0, 0, 0, 0, 1 FROM forums f
        WHERE f.start_date IN (SELECT day FROM stale_days) AND f.deleted_at IS NULL
       UNION ALL
       SELECT day, region_id, 0, 0, 0, 1 FROM (
         SELECT DISTINCT f.start_date AS day, p.region_id, f.id FROM forums f
           JOIN forum_visits fv ON fv.forum_id = f.id
           JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL
           JOIN visit_provinces p ON p.visit_id = v.id
          WHERE f.start_date IN (SELECT day FROM stale_days) AND f.deleted_at IS NULL))
     GROUP BY day, region_id",
    "DELETE FROM joint_visit_provinces WHERE day IN (SELECT day FROM stale_days)",
    "INSERT INTO joint_visit_provinces (day, region_id, visit_id, sourced)
     SELECT v.start_date, p.region_id, v.id, EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id)
       FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
      WHERE v.start_date IN (SELECT day FROM stale_days) AND v.deleted_at IS NULL
        AND (SELECT count(*) FROM visit_provinces q WHERE q.visit_id = v.id) > 1",
];

/// Beyond this many stale days, one pass over all of them is cheaper than one per day.
const BULK_DAYS: usize = 100;

/// A month (?1, its days ?2..?3) is the sum of its days.
const SUM_MONTH: [&str; 2] = [
    "DELETE FROM month_stats WHERE month = ?1",
    "INSERT INTO month_stats (month, region_id, visits, sourced, meetings, forums)
     SELECT ?1, region_id, sum(visits), sum(sourced), sum(meetings), sum(forums) FROM day_stats
      WHERE day BETWEEN ?2 AND ?3 GROUP BY region_id",
];

/// Beyond this many stale (month, official) pairs (a bulk load), recounting every pair is
/// cheaper done as one pass over all meetings.
const BULK_PAIRS: i64 = 5000;

/// People: the stale pairs recounted (one by one, or all at once after a bulk load), then
/// `prev` fixed for everyone touched: their previous month with a meeting.
const RECOUNT_PAIRS: [&str; 2] = [
    "DELETE FROM official_month_stats
      WHERE (month, official_id) IN (SELECT month, official_id FROM stale_officials)",
    "INSERT INTO official_month_stats (month, official_id, meetings, korean)
     SELECT s.month, s.official_id, count(*), o.country = 'Korea' FROM stale_officials s
       JOIN officials o ON o.id = s.official_id
       JOIN meeting_participants mp ON mp.official_id = s.official_id
       JOIN meetings m ON m.id = mp.meeting_id AND m.deleted_at IS NULL
                      AND m.date BETWEEN s.month || '-01' AND s.month || '-31'
      GROUP BY s.month, s.official_id",
];
const RECOUNT_ALL_PAIRS: [&str; 2] = [
    "DELETE FROM official_month_stats",
    "INSERT INTO official_month_stats (month, official_id, meetings, korean)
     SELECT substr(m.date, 1, 7), mp.official_id, count(*), o.country = 'Korea'
       FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id JOIN officials o ON o.id = mp.official_id
      WHERE m.deleted_at IS NULL GROUP BY 1, 2",
];
const FIX_PREV: &str = "UPDATE official_month_stats AS t SET prev = w.prev
     FROM (SELECT month, official_id, lag(month) OVER (PARTITION BY official_id ORDER BY month) AS prev
             FROM official_month_stats
            WHERE official_id IN (SELECT official_id FROM stale_officials)) AS w
    WHERE t.month = w.month AND t.official_id = w.official_id AND t.prev IS NOT w.prev";

/// Recounts whatever is stale and clears the marks.
pub async fn refresh(tx: &mut Tx<'_>) -> Result<()> {
    let days: Vec<String> = sqlx::query_scalar("SELECT day FROM stale_days ORDER BY day")
        .fetch_all(&mut **tx)
        .await?;
    if days.len() > BULK_DAYS {
        for sql in RECOUNT_DAYS {
            sqlx::query(sql).execute(&mut **tx).await?;
        }
    } else {
        for day in &days {
            for sql in RECOUNT_DAY {
                sqlx::query(sql).bind(day).execute(&mut **tx).await?;
            }
        }
    }
    let mut months: Vec<&str> = days.iter().map(|d| &d[..d.len().min(7)]).collect();
    months.dedup();
    for month in months {
        for sql in SUM_MONTH {
            sqlx::query(sql)
                .bind(month)
                .bind(format!("{month}-01"))
                .bind(format!("{month}-31"))
                .execute(&mut **tx)
                .await?;
        }
    }
    let pairs: i64 = sqlx::query_scalar("SELECT count(*) FROM stale_officials")
        .fetch_one(&mut **tx)
        .await?;
    if pairs > 0 {
        let recount = if pairs > BULK_PAIRS {
            RECOUNT_ALL_PAIRS
        } else {
            RECOUNT_PAIRS
        };
        for sql in recount.into_iter().chain([FIX_PREV]) {
            sqlx::query(sql).execute(&mut **tx).await?;
        }
    }
    for sql in ["DELETE FROM stale_days", "DELETE FROM stale_officials"] {
        sqlx::query(sql).execute(&mut **tx).await?;
    }
    Ok(())
}

/// The per-row triggers that mark what an insert touched. A bulk insert is faster without
/// them (a third of a 100,000-visit import): the `insert_many` functions drop them for the
/// length of their statements, inside the transaction, and mark what they wrote in one
/// pass instead (`mark_inserted`).
pub(super) async fn suspend_insert_triggers(tx: &mut Tx<'_>) -> Result<Vec<String>> {
    let triggers: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_stale\\_insert' ESCAPE '\\'",
    )
    .fetch_all(&mut **tx)
    .await?;
    for (name, _) in &triggers {
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP TRIGGER \"{name}\"")))
            .execute(&mut **tx)
            .await?;
    }
    Ok(triggers.into_iter().map(|(_, sql)| sql).collect())
}

pub(super) async fn resume_insert_triggers(tx: &mut Tx<'_>, triggers: Vec<String>) -> Result<()> {
    for sql in triggers {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// What the insert triggers would have marked for these new records: their days, and for
/// meetings each participant's month. (New records have no meetings or forums yet that
/// the province and source triggers would also mark.)
const MARK_INSERTED: [(Entity, &str); 4] = [
    (
        Entity::Visit,
        "INSERT OR IGNORE INTO stale_days SELECT start_date FROM visits WHERE id IN (SELECT value FROM json_each(?))",
    ),
    (
        Entity::Forum,
        "INSERT OR IGNORE INTO stale_days SELECT start_date FROM forums WHERE id IN (SELECT value FROM json_each(?))",
    ),
    (
        Entity::Meeting,
        "INSERT OR IGNORE INTO stale_days SELECT date FROM meetings WHERE id IN (SELECT value FROM json_each(?))",
    ),
    (
        Entity::Meeting,
        "INSERT OR IGNORE INTO stale_officials SELECT substr(m.date, 1, 7), mp.official_id
           FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
          WHERE m.id IN (SELECT value FROM json_each(?))",
    ),
];

/// Marks what the suspended insert triggers would have for new records of `entity`.
pub(super) async fn mark_inserted(tx: &mut Tx<'_>, entity: Entity, ids: &[i64]) -> Result<()> {
    for chunk in super::bulk::id_chunks(ids) {
        for (_, sql) in MARK_INSERTED.iter().filter(|(e, _)| *e == entity) {
            sqlx::query(*sql).bind(&chunk).execute(&mut **tx).await?;
        }
    }
    Ok(())
}

/// Commits a write: the counts are brought up to date in the same transaction, so no
/// reader ever sees records and counts that disagree; so are the watches' deliveries
/// (store::outbox), so a change and the message about it commit together.
pub async fn commit(mut tx: Tx<'_>) -> Result<()> {
    super::outbox::plan(&mut tx).await?;
    refresh(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Recounts what a write that did not go through `commit` left stale (an older binary, a
/// hand edit with the sqlite3 shell). Costs two lookups when nothing is stale.
pub async fn settle(db: &SqlitePool) -> Result<()> {
    let stale: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM stale_days) OR EXISTS (SELECT 1 FROM stale_officials)",
    )
    .fetch_one(db)
    .await?;
    if stale {
        commit(db.begin_with("BEGIN IMMEDIATE").await?).await?;
    }
    Ok(())
}
