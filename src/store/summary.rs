//! The per-month counts behind the reports (migration 0004): triggers mark the months a
//! write touches as stale; `refresh` recounts them before the write commits. Every write
//! commits through `commit`, so readers always find the counts current.

use sqlx::SqlitePool;

use super::Tx;
use crate::error::Result;

/// Recounts the stale months in one pass (set-based, so a bulk load of years of records
/// costs about as much as one query over them) and clears the marks.
pub async fn refresh(tx: &mut Tx<'_>) -> Result<()> {
    let stale: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM stale_months)")
        .fetch_one(&mut **tx)
        .await?;
    if !stale {
        return Ok(());
    }
    for sql in [
        "DELETE FROM month_stats WHERE month IN (SELECT month FROM stale_months)",
        // Meetings and forums of a month: their date falls between its first and last day.
        "INSERT INTO month_stats (month, region_id, visits, sourced, meetings, forums)
         SELECT month, region_id, sum(visits), sum(sourced), sum(meetings), sum(forums) FROM (
           SELECT v.month, 0 AS region_id, 1 AS visits,
                  EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id) AS sourced,
                  0 AS meetings, 0 AS forums
             FROM stale_months x JOIN visits v ON v.month = x.month AND v.deleted_at IS NULL
           UNION ALL
           SELECT v.month, p.region_id, 1, EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id), 0, 0
             FROM stale_months x JOIN visits v ON v.month = x.month AND v.deleted_at IS NULL
             JOIN visit_provinces p ON p.visit_id = v.id
           UNION ALL
           SELECT x.month, 0, 0, 0, 1, 0 FROM stale_months x
             JOIN meetings m ON m.deleted_at IS NULL AND m.date BETWEEN x.month || '-01' AND x.month || '-31'
           UNION ALL
           SELECT month, region_id, 0, 0, 1, 0 FROM (
             SELECT x.month, p.region_id, m.id FROM stale_months x
               JOIN meetings m ON m.deleted_at IS NULL AND m.date BETWEEN x.month || '-01' AND x.month || '-31'
               JOIN visit_provinces p ON p.visit_id = m.visit_id
             UNION
             SELECT x.month, o.province_id, m.id FROM stale_months x
               JOIN meetings m ON m.deleted_at IS NULL AND m.date BETWEEN x.month || '-01' AND x.month || '-31'
               JOIN meeting_participants mp ON mp.meeting_id = m.id
               JOIN officials o ON o.id = mp.official_id AND o.province_id IS NOT NULL)
           UNION ALL
           SELECT x.month, 0, 0, 0, 0, 1 FROM stale_months x
             JOIN forums f ON f.deleted_at IS NULL AND f.start_date BETWEEN x.month || '-01' AND x.month || '-31'
           UNION ALL
           SELECT month, region_id, 0, 0, 0, 1 FROM (
             SELECT DISTINCT x.month, p.region_id, f.id FROM stale_months x
               JOIN forums f ON f.deleted_at IS NULL AND f.start_date BETWEEN x.month || '-01' AND x.month || '-31'
               JOIN forum_visits fv ON fv.forum_id = f.id
               JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL
               JOIN visit_provinces p ON p.visit_id = v.id))
         GROUP BY month, region_id",
        "DELETE FROM official_month_stats WHERE month IN (SELECT month FROM stale_months)",
        "INSERT INTO official_month_stats (month, official_id, meetings)
         SELECT x.month, mp.official_id, count(*) FROM stale_months x
           JOIN meetings m ON m.deleted_at IS NULL AND m.date BETWEEN x.month || '-01' AND x.month || '-31'
           JOIN meeting_participants mp ON mp.meeting_id = m.id
         GROUP BY x.month, mp.official_id",
        "DELETE FROM joint_visit_provinces WHERE month IN (SELECT month FROM stale_months)",
        "INSERT INTO joint_visit_provinces (region_id, month, visit_id, sourced)
         SELECT p.region_id, v.month, v.id, EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id)
           FROM stale_months x JOIN visits v ON v.month = x.month AND v.deleted_at IS NULL
           JOIN visit_provinces p ON p.visit_id = v.id
          WHERE (SELECT count(*) FROM visit_provinces q WHERE q.visit_id = v.id) > 1",
        "DELETE FROM stale_months",
    ] {
        sqlx::query(sql).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Commits a write: the month counts are brought up to date in the same transaction, so
/// no reader ever sees records and counts that disagree.
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
