//! The counts behind the reports (migration 0004): triggers mark the months a write
//! touches as stale; `refresh` recounts them before the write commits. Every write commits
//! through `commit`, so readers always find the counts current.

use sqlx::SqlitePool;

use super::Tx;
use crate::error::Result;

/// Recounting one month: ?1 is the month, ?2 and ?3 its first and last possible day.
/// Days first, from the records; the month is then the sum of its days.
const RECOUNT: [&str; 12] = [
    "DELETE FROM day_stats WHERE day BETWEEN ?2 AND ?3",
    "INSERT INTO day_stats (day, region_id, visits, sourced, meetings, forums)
     SELECT day, region_id, sum(visits), sum(sourced), sum(meetings), sum(forums) FROM (
       SELECT v.start_date AS day, 0 AS region_id, 1 AS visits,
              EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id) AS sourced,
              0 AS meetings, 0 AS forums
         FROM visits v WHERE v.month = ?1 AND v.deleted_at IS NULL
       UNION ALL
       SELECT v.start_date, p.region_id, 1, EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id), 0, 0
         FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
        WHERE v.month = ?1 AND v.deleted_at IS NULL
       UNION ALL
       SELECT m.date, 0, 0, 0, 1, 0 FROM meetings m WHERE m.date BETWEEN ?2 AND ?3 AND m.deleted_at IS NULL
       UNION ALL
       SELECT date, region_id, 0, 0, 1, 0 FROM (
         SELECT m.date, p.region_id, m.id FROM meetings m JOIN visit_provinces p ON p.visit_id = m.visit_id
          WHERE m.date BETWEEN ?2 AND ?3 AND m.deleted_at IS NULL
         UNION
         SELECT m.date, o.province_id, m.id FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
           JOIN officials o ON o.id = mp.official_id AND o.province_id IS NOT NULL
          WHERE m.date BETWEEN ?2 AND ?3 AND m.deleted_at IS NULL)
       UNION ALL
       SELECT f.start_date, 0, 0, 0, 0, 1 FROM forums f WHERE f.start_date BETWEEN ?2 AND ?3 AND f.deleted_at IS NULL
       UNION ALL
       SELECT start_date, region_id, 0, 0, 0, 1 FROM (
         SELECT DISTINCT f.start_date, p.region_id, f.id FROM forums f
           JOIN forum_visits fv ON fv.forum_id = f.id
           JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL
           JOIN visit_provinces p ON p.visit_id = v.id
          WHERE f.start_date BETWEEN ?2 AND ?3 AND f.deleted_at IS NULL))
     GROUP BY day, region_id",
    "DELETE FROM month_stats WHERE month = ?1",
    "INSERT INTO month_stats (month, region_id, visits, sourced, meetings, forums)
     SELECT ?1, region_id, sum(visits), sum(sourced), sum(meetings), sum(forums) FROM day_stats
      WHERE day BETWEEN ?2 AND ?3 GROUP BY region_id",
    "DELETE FROM joint_visit_provinces WHERE day BETWEEN ?2 AND ?3",
    "INSERT INTO joint_visit_provinces (day, region_id, visit_id, sourced)
     SELECT v.start_date, p.region_id, v.id, EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id)
       FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
      WHERE v.month = ?1 AND v.deleted_at IS NULL
        AND (SELECT count(*) FROM visit_provinces q WHERE q.visit_id = v.id) > 1",
    // People: remember who had meetings this month before and after the recount, then
    // fix `prev` for them here and in their next month with meetings.
    "DELETE FROM summary_touched",
    "INSERT OR IGNORE INTO summary_touched SELECT official_id FROM official_month_stats WHERE month = ?1",
    "DELETE FROM official_month_stats WHERE month = ?1",
    "INSERT INTO official_month_stats (month, official_id, meetings, korean)
     SELECT ?1, mp.official_id, count(*), o.country = 'Korea'
       FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id JOIN officials o ON o.id = mp.official_id
      WHERE m.date BETWEEN ?2 AND ?3 AND m.deleted_at IS NULL GROUP BY mp.official_id",
    "INSERT OR IGNORE INTO summary_touched SELECT official_id FROM official_month_stats WHERE month = ?1",
    "UPDATE official_month_stats AS s
        SET prev = (SELECT max(p.month) FROM official_month_stats p
                     WHERE p.official_id = s.official_id AND p.month < s.month)
      WHERE s.official_id IN (SELECT official_id FROM summary_touched)
        AND s.month IN (?1, (SELECT min(q.month) FROM official_month_stats q
                              WHERE q.official_id = s.official_id AND q.month > ?1))",
];

/// Recounts the stale months, one at a time (each costs about one month of records, so a
/// write costs little and a bulk load of years costs about one pass), and clears the marks.
pub async fn refresh(tx: &mut Tx<'_>) -> Result<()> {
    let months: Vec<String> = sqlx::query_scalar("SELECT month FROM stale_months ORDER BY month")
        .fetch_all(&mut **tx)
        .await?;
    if months.is_empty() {
        return Ok(());
    }
    // Oldest month first: fixing `prev` in an official's next month relies on the months
    // before it being current.
    sqlx::query(
        "CREATE TEMP TABLE IF NOT EXISTS summary_touched (official_id INTEGER PRIMARY KEY)",
    )
    .execute(&mut **tx)
    .await?;
    for month in &months {
        for sql in RECOUNT {
            sqlx::query(sql)
                .bind(month)
                .bind(format!("{month}-01"))
                .bind(format!("{month}-31"))
                .execute(&mut **tx)
                .await?;
        }
    }
    sqlx::query("DELETE FROM stale_months")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Commits a write: the counts are brought up to date in the same transaction, so no
/// reader ever sees records and counts that disagree.
pub async fn commit(mut tx: Tx<'_>) -> Result<()> {
    refresh(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Recounts months left stale by a write that did not go through `commit` (an older
/// binary, a hand edit with the sqlite3 shell). Costs one lookup when nothing is stale.
pub async fn settle(db: &SqlitePool) -> Result<()> {
    let stale: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM stale_months)")
        .fetch_one(db)
        .await?;
    if stale {
        commit(db.begin_with("BEGIN IMMEDIATE").await?).await?;
    }
    Ok(())
}
