//! The counts behind the reports (migrations 0004, 0010, 0015 for outcomes and 0022 for
//! the people met): triggers mark the days, the (month, official) pairs and the months of
//! outcomes a write touches as stale; `refresh` recounts them before the write commits.
//! Every write commits through `commit`, so readers always find the counts current. A
//! write costs about one day of records, a bulk load about one pass.

use std::sync::LazyLock;

use sqlx::SqlitePool;

use super::{Entity, Tx};
use crate::error::Result;

/// The counts of live records (rows of key, region, visits, sourced, meetings, forums) of
/// one date precision whose date `c` satisfies `when(c)`, grouped by `key(c)` and region.
/// Region 0 is all provinces together; a meeting counts for a province when it belongs to
/// one of its visits or one of its officials took part; a forum when one of its live visits
/// attended (migration 0004).
fn counts(key: fn(&str) -> String, when: fn(&str) -> String, precision: &str) -> String {
    let (kv, km, kf) = (key("v.start_date"), key("m.date"), key("f.start_date"));
    let (wv, wm, wf) = (when("v.start_date"), when("m.date"), when("f.start_date"));
    let (pv, pm, pf) = (
        format!("v.start_precision = '{precision}'"),
        format!("m.date_precision = '{precision}'"),
        format!("f.start_precision = '{precision}'"),
    );
    let sourced = "EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id)";
    format!(
        "SELECT k, region_id, sum(visits), sum(sourced), sum(meetings), sum(forums) FROM (
           SELECT {kv} AS k, 0 AS region_id, 1 AS visits, {sourced} AS sourced, 0 AS meetings, 0 AS forums
             FROM visits v WHERE {wv} AND {pv} AND v.deleted_at IS NULL
           UNION ALL
           SELECT {kv}, p.region_id, 1, {sourced}, 0, 0
             FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
            WHERE {wv} AND {pv} AND v.deleted_at IS NULL
           UNION ALL
           SELECT {km}, 0, 0, 0, 1, 0 FROM meetings m WHERE {wm} AND {pm} AND m.deleted_at IS NULL
           UNION ALL
           SELECT k, region_id, 0, 0, 1, 0 FROM (
             SELECT {km} AS k, p.region_id, m.id FROM meetings m JOIN visit_provinces p ON p.visit_id = m.visit_id
              WHERE {wm} AND {pm} AND m.deleted_at IS NULL
             UNION
             SELECT {km}, o.province_id, m.id FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
               JOIN officials o ON o.id = mp.official_id AND o.province_id IS NOT NULL
              WHERE {wm} AND {pm} AND m.deleted_at IS NULL)
           UNION ALL
           SELECT {kf}, 0, 0, 0, 0, 1 FROM forums f WHERE {wf} AND {pf} AND f.deleted_at IS NULL
           UNION ALL
           SELECT k, region_id, 0, 0, 0, 1 FROM (
             SELECT DISTINCT {kf} AS k, p.region_id, f.id FROM forums f
               JOIN forum_visits fv ON fv.forum_id = f.id
               JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL
               JOIN visit_provinces p ON p.visit_id = v.id
              WHERE {wf} AND {pf} AND f.deleted_at IS NULL))
         GROUP BY k, region_id"
    )
}

/// Live joint visits (two provinces or more) starting on the days `when(v.start_date)`.
fn joint(when: fn(&str) -> String) -> String {
    format!(
        "INSERT INTO joint_visit_provinces (day, region_id, visit_id, sourced, month_only)
         SELECT v.start_date, p.region_id, v.id, EXISTS (SELECT 1 FROM visit_sources s WHERE s.visit_id = v.id),
                v.start_precision = 'month'
           FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
          WHERE {} AND v.deleted_at IS NULL
            AND (SELECT count(*) FROM visit_provinces q WHERE q.visit_id = v.id) > 1",
        when("v.start_date")
    )
}

/// Recounting one day (?1): its day-precise records, and its joint visits (of either
/// precision: one dated by month only is stored on its first day).
static RECOUNT_DAY: LazyLock<[String; 4]> = LazyLock::new(|| {
    let on = |c: &str| format!("{c} = ?1");
    [
        "DELETE FROM day_stats WHERE day = ?1".into(),
        format!(
            "INSERT INTO day_stats (day, region_id, visits, sourced, meetings, forums) {}",
            counts(|_| "?1".into(), on, "day")
        ),
        "DELETE FROM joint_visit_provinces WHERE day = ?1".into(),
        joint(on),
    ]
});

/// Every stale day at once, for a bulk load or import: `RECOUNT_DAY` as one pass.
static RECOUNT_DAYS: LazyLock<[String; 4]> = LazyLock::new(|| {
    let stale = |c: &str| format!("{c} IN (SELECT day FROM stale_days)");
    [
        "DELETE FROM day_stats WHERE day IN (SELECT day FROM stale_days)".into(),
        format!(
            "INSERT INTO day_stats (day, region_id, visits, sourced, meetings, forums) {}",
            counts(|c| c.to_string(), stale, "day")
        ),
        "DELETE FROM joint_visit_provinces WHERE day IN (SELECT day FROM stale_days)".into(),
        joint(stale),
    ]
});

/// Beyond this many stale days, one pass over all of them is cheaper than one per day.
const BULK_DAYS: usize = 100;

/// A month (?1, its days ?2..?3): its records dated by month only, then its counts, the
/// sum of its days and of those.
static SUM_MONTH: LazyLock<[String; 4]> = LazyLock::new(|| {
    [
        "DELETE FROM month_only_stats WHERE month = ?1".into(),
        format!(
            "INSERT INTO month_only_stats (month, region_id, visits, sourced, meetings, forums) {}",
            counts(|_| "?1".into(), |c| format!("{c} = ?2"), "month")
        ),
        "DELETE FROM month_stats WHERE month = ?1".into(),
        "INSERT INTO month_stats (month, region_id, visits, sourced, meetings, forums)
         SELECT ?1, region_id, sum(visits), sum(sourced), sum(meetings), sum(forums) FROM (
           SELECT region_id, visits, sourced, meetings, forums FROM day_stats WHERE day BETWEEN ?2 AND ?3
           UNION ALL
           SELECT region_id, visits, sourced, meetings, forums FROM month_only_stats WHERE month = ?1)
          GROUP BY region_id"
            .into(),
    ]
});

/// Beyond this many stale (month, official) pairs (a bulk load), recounting every pair is
/// cheaper done as one pass over all meetings.
const BULK_PAIRS: i64 = 5000;

/// People: the stale pairs recounted (one by one, or all at once after a bulk load), then
/// their `prev` fixed (`fix_prev`).
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
/// `prev` of the rows of the officials `who` selects (a condition on `official_id`): each
/// row's previous month with a meeting. A bulk recount leaves every row's empty, so it
/// fixes everyone's, not only the touched officials'.
fn fix_prev(who: &str) -> String {
    format!(
        "UPDATE official_month_stats AS t SET prev = w.prev
           FROM (SELECT month, official_id, lag(month) OVER (PARTITION BY official_id ORDER BY month) AS prev
                   FROM official_month_stats WHERE {who}) AS w
          WHERE t.month = w.month AND t.official_id = w.official_id AND t.prev IS NOT w.prev"
    )
}

/// The people met by month and previous month (migration 0022): triggers keep them row by
/// row; a bulk recount suspends those and counts them in one pass instead.
const COUNT_ALL_PREV: [&str; 2] = [
    "DELETE FROM official_prev_counts",
    "INSERT INTO official_prev_counts (month, prev, officials)
     SELECT month, coalesce(prev, ''), count(*) FROM official_month_stats GROUP BY 1, 2",
];
const PREV_TRIGGERS: &str = "official\\_prev\\_counts\\_%";

/// The (month, official) pairs that writes marked: recounted one by one, or after a bulk
/// load all at once; then everyone's `prev` and the people met by month.
async fn refresh_people(tx: &mut Tx<'_>) -> Result<()> {
    let pairs: i64 = sqlx::query_scalar("SELECT count(*) FROM stale_officials")
        .fetch_one(&mut **tx)
        .await?;
    if pairs == 0 {
        return Ok(());
    }
    if pairs <= BULK_PAIRS {
        let fix = fix_prev("official_id IN (SELECT official_id FROM stale_officials)");
        for sql in RECOUNT_PAIRS.into_iter().chain([fix.as_str()]) {
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut **tx)
                .await?;
        }
        sqlx::query("DELETE FROM official_prev_counts WHERE officials = 0")
            .execute(&mut **tx)
            .await?;
        return Ok(());
    }
    let triggers = suspend_triggers(tx, PREV_TRIGGERS).await?;
    let fix = fix_prev("TRUE");
    for sql in RECOUNT_ALL_PAIRS
        .into_iter()
        .chain([fix.as_str()])
        .chain(COUNT_ALL_PREV)
    {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut **tx)
            .await?;
    }
    resume_triggers(tx, triggers).await
}

/// A month of outcomes (?1, its days ?2..?3; migration 0015): by region, kind and status;
/// their amounts by region, currency and status; and by region alone. Outcomes known only
/// to the month are stored on its first day, so the days take in both precisions.
static OUTCOME_MONTH: LazyLock<[String; 10]> = LazyLock::new(|| {
    let rows = |values: &str, only: &str| {
        format!(
            "SELECT 0 AS region_id, {values} FROM outcomes o
              WHERE o.date BETWEEN ?2 AND ?3 AND o.deleted_at IS NULL{only}
             UNION ALL
             SELECT p.region_id, {values} FROM outcomes o JOIN outcome_provinces p ON p.outcome_id = o.id
              WHERE o.date BETWEEN ?2 AND ?3 AND o.deleted_at IS NULL{only}"
        )
    };
    [
        "DELETE FROM outcome_months WHERE month = ?1".into(),
        format!(
            "INSERT INTO outcome_months (month, region_id, kind, status, outcomes)
             SELECT ?1, region_id, kind, status, count(*) FROM ({}) GROUP BY region_id, kind, status",
            rows("o.kind AS kind, o.status AS status", "")
        ),
        "DELETE FROM outcome_month_amounts WHERE month = ?1".into(),
        format!(
            "INSERT INTO outcome_month_amounts (month, region_id, currency, status, billions, rest, approximate)
             SELECT ?1, region_id, currency, status, sum(amount / 1000000000), sum(amount % 1000000000), sum(about)
               FROM ({}) GROUP BY region_id, currency, status",
            rows(
                "o.currency AS currency, o.status AS status, o.amount_minor AS amount, o.amount_about AS about",
                " AND o.currency IS NOT NULL"
            )
        ),
        "DELETE FROM outcome_region_months WHERE month = ?1".into(),
        "INSERT INTO outcome_region_months (month, region_id, outcomes)
         SELECT ?1, region_id, sum(outcomes) FROM outcome_months WHERE month = ?1 GROUP BY region_id"
            .into(),
        // Per province and day, and the month's outcomes known only to it (migration 0028),
        // for periods that start or end inside a month.
        "DELETE FROM outcome_region_days WHERE day BETWEEN ?2 AND ?3".into(),
        "INSERT INTO outcome_region_days (day, region_id, outcomes)
         SELECT o.date, p.region_id, count(*) FROM outcomes o JOIN outcome_provinces p ON p.outcome_id = o.id
          WHERE o.date BETWEEN ?2 AND ?3 AND o.deleted_at IS NULL AND o.date_precision = 'day'
          GROUP BY o.date, p.region_id"
            .into(),
        "DELETE FROM outcome_region_month_only WHERE month = ?1".into(),
        "INSERT INTO outcome_region_month_only (month, region_id, outcomes)
         SELECT ?1, p.region_id, count(*) FROM outcomes o JOIN outcome_provinces p ON p.outcome_id = o.id
          WHERE o.date BETWEEN ?2 AND ?3 AND o.deleted_at IS NULL AND o.date_precision = 'month'
          GROUP BY p.region_id"
            .into(),
    ]
});

/// Recounts the months of outcomes that writes marked (migration 0015) and clears the marks.
async fn refresh_outcomes(tx: &mut Tx<'_>) -> Result<()> {
    let months: Vec<String> =
        sqlx::query_scalar("SELECT month FROM stale_outcome_months ORDER BY month")
            .fetch_all(&mut **tx)
            .await?;
    for month in &months {
        for sql in OUTCOME_MONTH.iter() {
            sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(month)
                .bind(format!("{month}-01"))
                .bind(format!("{month}-31"))
                .execute(&mut **tx)
                .await?;
        }
    }
    sqlx::query("DELETE FROM stale_outcome_months")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Recounts whatever is stale and clears the marks.
pub async fn refresh(tx: &mut Tx<'_>) -> Result<()> {
    let days: Vec<String> = sqlx::query_scalar("SELECT day FROM stale_days ORDER BY day")
        .fetch_all(&mut **tx)
        .await?;
    if days.len() > BULK_DAYS {
        for sql in RECOUNT_DAYS.iter() {
            sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .execute(&mut **tx)
                .await?;
        }
    } else {
        for day in &days {
            for sql in RECOUNT_DAY.iter() {
                sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                    .bind(day)
                    .execute(&mut **tx)
                    .await?;
            }
        }
    }
    let mut months: Vec<&str> = days.iter().map(|d| &d[..d.len().min(7)]).collect();
    months.dedup();
    for month in months {
        for sql in SUM_MONTH.iter() {
            sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                .bind(month)
                .bind(format!("{month}-01"))
                .bind(format!("{month}-31"))
                .execute(&mut **tx)
                .await?;
        }
    }
    refresh_people(tx).await?;
    for sql in ["DELETE FROM stale_days", "DELETE FROM stale_officials"] {
        sqlx::query(sql).execute(&mut **tx).await?;
    }
    refresh_outcomes(tx).await
}

/// The per-row triggers that mark what an insert touched. A bulk insert is faster without
/// them (a third of a 100,000-visit import): the `insert_many` functions drop them for the
/// length of their statements, inside the transaction, and mark what they wrote in one
/// pass instead (`mark_inserted`).
pub(super) async fn suspend_insert_triggers(tx: &mut Tx<'_>) -> Result<Vec<String>> {
    suspend_triggers(tx, "%\\_stale\\_insert").await
}

/// Drops the triggers whose names match the LIKE pattern `like` (`\` escapes `_`), inside
/// the transaction; returns their SQL for `resume_triggers`.
async fn suspend_triggers(tx: &mut Tx<'_>, like: &str) -> Result<Vec<String>> {
    let triggers: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ESCAPE '\\'",
    )
    .bind(like)
    .fetch_all(&mut **tx)
    .await?;
    for (name, _) in &triggers {
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP TRIGGER \"{name}\"")))
            .execute(&mut **tx)
            .await?;
    }
    Ok(triggers.into_iter().map(|(_, sql)| sql).collect())
}

pub(super) async fn resume_triggers(tx: &mut Tx<'_>, triggers: Vec<String>) -> Result<()> {
    for sql in triggers {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// What the insert triggers would have marked for these new records: their days (for an
/// outcome its month), and for meetings each participant's month. (New records have no meetings or forums yet that
/// the province and source triggers would also mark.)
const MARK_INSERTED: [(Entity, &str); 5] = [
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
    (
        Entity::Outcome,
        "INSERT OR IGNORE INTO stale_outcome_months
         SELECT DISTINCT substr(date, 1, 7) FROM outcomes WHERE id IN (SELECT value FROM json_each(?))",
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
async fn commit(mut tx: Tx<'_>) -> Result<()> {
    refresh(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Recounts what a write that did not go through `commit` left stale (an older binary, a
/// hand edit with the sqlite3 shell). Costs two lookups when nothing is stale.
pub async fn settle(db: &SqlitePool) -> Result<()> {
    let stale: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM stale_days) OR EXISTS (SELECT 1 FROM stale_officials)
             OR EXISTS (SELECT 1 FROM stale_outcome_months)",
    )
    .fetch_one(db)
    .await?;
    if stale {
        commit(db.begin_with("BEGIN IMMEDIATE").await?).await?;
    }
    Ok(())
}
