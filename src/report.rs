//! Summaries over periods: visits per month, provinces ranked, the overview in /stats.
//! Queries here only read; the arithmetic is kept pure so it can be tested on its own.

use serde::Serialize;
use sqlx::SqlitePool;

use crate::domain::{DateRange, Month};
use crate::error::Result;

/// The longest period one report covers, so a reply stays readable.
pub const MAX_MONTHS: i32 = 240;

#[derive(Debug, Clone, Serialize)]
pub struct MonthCount {
    pub month: Month,
    pub visits: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Monthly {
    pub months: Vec<MonthCount>,
    pub total: i64,
    pub mean: f64,
    pub busiest: Option<MonthCount>,
    pub previous_total: i64,
    /// Percent change against the previous period of the same length; None when the
    /// previous period had no visits.
    pub change_percent: Option<f64>,
}

/// Visits counted in the month they start, every month of the range present (0 if none).
pub fn summarize(from: Month, to: Month, counts: &[(String, i64)], previous_total: i64) -> Monthly {
    let mut months = Vec::new();
    let mut m = from;
    while m <= to {
        let key = m.to_string();
        let visits = counts
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, n)| *n)
            .unwrap_or(0);
        months.push(MonthCount { month: m, visits });
        m = m.next();
    }
    let total: i64 = months.iter().map(|c| c.visits).sum();
    let mean = if months.is_empty() {
        0.0
    } else {
        total as f64 / months.len() as f64
    };
    // The earliest of equally busy months, and none when nothing happened.
    let busiest = months
        .iter()
        .filter(|c| c.visits > 0)
        .fold(None::<&MonthCount>, |best, c| match best {
            Some(b) if b.visits >= c.visits => Some(b),
            _ => Some(c),
        });
    Monthly {
        total,
        mean,
        busiest: busiest.cloned(),
        previous_total,
        change_percent: (previous_total > 0)
            .then(|| (total - previous_total) as f64 * 100.0 / previous_total as f64),
        months,
    }
}

pub fn change_text(m: &Monthly) -> String {
    match m.change_percent {
        Some(p) => format!("{:+.0}% ({} → {})", p, m.previous_total, m.total),
        None if m.total > 0 => format!("new activity (0 → {})", m.total),
        None => "no change (0 → 0)".into(),
    }
}

/// Visits per month between two months for the given provinces (all when empty).
pub async fn month_counts(
    db: &SqlitePool,
    from: Month,
    to: Month,
    provinces: &[i64],
) -> Result<Vec<(String, i64)>> {
    let ids = serde_json::to_string(provinces)?;
    Ok(sqlx::query_as(
        "SELECT v.month, count(*) FROM visits v
         WHERE v.deleted_at IS NULL AND v.month BETWEEN ? AND ?
           AND (? = '[]' OR EXISTS (SELECT 1 FROM visit_provinces p WHERE p.visit_id = v.id
                                   AND p.region_id IN (SELECT value FROM json_each(?))))
         GROUP BY v.month ORDER BY v.month",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .bind(&ids)
    .bind(&ids)
    .fetch_all(db)
    .await?)
}

/// The latest month with a visit (for these provinces), if any.
pub async fn latest_month(db: &SqlitePool, provinces: &[i64]) -> Result<Option<Month>> {
    let ids = serde_json::to_string(provinces)?;
    let m: Option<String> = sqlx::query_scalar(
        "SELECT max(v.month) FROM visits v WHERE v.deleted_at IS NULL
           AND (? = '[]' OR EXISTS (SELECT 1 FROM visit_provinces p WHERE p.visit_id = v.id
                                   AND p.region_id IN (SELECT value FROM json_each(?))))",
    )
    .bind(&ids)
    .bind(&ids)
    .fetch_one(db)
    .await?;
    Ok(m.and_then(|m| Month::parse(&m).ok()))
}

/// How many distinct sources back the live visits that start in the range (for these
/// provinces, all when empty): the footer of a report says what it rests on.
pub async fn source_count(db: &SqlitePool, range: DateRange, provinces: &[i64]) -> Result<i64> {
    let ids = serde_json::to_string(provinces)?;
    Ok(sqlx::query_scalar(
        "SELECT count(DISTINCT s.url) FROM visit_sources s JOIN visits v ON v.id = s.visit_id
         WHERE v.deleted_at IS NULL AND v.start_date BETWEEN ? AND ?
           AND (? = '[]' OR EXISTS (SELECT 1 FROM visit_provinces p WHERE p.visit_id = v.id
                                   AND p.region_id IN (SELECT value FROM json_each(?))))",
    )
    .bind(range.from.to_string())
    .bind(range.to.to_string())
    .bind(&ids)
    .bind(&ids)
    .fetch_one(db)
    .await?)
}

pub fn sources_text(n: i64) -> String {
    match n {
        0 => "no sources recorded".into(),
        1 => "1 source".into(),
        n => format!("{n} sources"),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvinceRank {
    pub province: String,
    pub visits: i64,
    pub meetings: i64,
    pub forums: i64,
}

/// Provinces with any activity in the range. A joint visit counts for each of its
/// provinces; a meeting counts for a province when it belongs to one of its visits or
/// one of its officials took part; a forum when one of its visits attended. Each count is
/// one grouped query, so the cost grows with the records in the range, not with provinces
/// times records.
pub async fn provinces(db: &SqlitePool, range: DateRange) -> Result<Vec<ProvinceRank>> {
    let (from, to) = (range.from.to_string(), range.to.to_string());
    let grouped = |sql: &'static str| {
        let (from, to) = (from.clone(), to.clone());
        async move {
            let rows: Vec<(i64, i64)> = sqlx::query_as(sql)
                .bind(from)
                .bind(to)
                .fetch_all(db)
                .await?;
            Ok::<_, crate::error::Error>(
                rows.into_iter()
                    .collect::<std::collections::HashMap<i64, i64>>(),
            )
        }
    };
    let visits = grouped(
        "SELECT p.region_id, count(*) FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
         WHERE v.deleted_at IS NULL AND v.start_date BETWEEN ?1 AND ?2 GROUP BY p.region_id",
    )
    .await?;
    let meetings = grouped(
        "SELECT region_id, count(DISTINCT meeting_id) FROM (
             SELECT p.region_id, m.id AS meeting_id FROM meetings m JOIN visit_provinces p ON p.visit_id = m.visit_id
             WHERE m.deleted_at IS NULL AND m.date BETWEEN ?1 AND ?2
             UNION ALL
             SELECT o.province_id, m.id FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
             JOIN officials o ON o.id = mp.official_id
             WHERE m.deleted_at IS NULL AND m.date BETWEEN ?1 AND ?2 AND o.province_id IS NOT NULL)
         GROUP BY region_id",
    )
    .await?;
    let forums = grouped(
        "SELECT p.region_id, count(DISTINCT f.id) FROM forums f JOIN forum_visits fv ON fv.forum_id = f.id
         JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL JOIN visit_provinces p ON p.visit_id = v.id
         WHERE f.deleted_at IS NULL AND f.start_date BETWEEN ?1 AND ?2 GROUP BY p.region_id",
    )
    .await?;
    let regions: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM regions WHERE country = 'CN'")
            .fetch_all(db)
            .await?;
    let mut ranks: Vec<ProvinceRank> = regions
        .into_iter()
        .map(|(id, province)| ProvinceRank {
            province,
            visits: visits.get(&id).copied().unwrap_or(0),
            meetings: meetings.get(&id).copied().unwrap_or(0),
            forums: forums.get(&id).copied().unwrap_or(0),
        })
        .filter(|p| p.visits + p.meetings + p.forums > 0)
        .collect();
    ranks.sort_by(|a, b| {
        (b.visits, b.meetings, b.forums)
            .cmp(&(a.visits, a.meetings, a.forums))
            .then_with(|| a.province.cmp(&b.province))
    });
    Ok(ranks)
}

#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub visits: i64,
    pub meetings: i64,
    pub forums: i64,
    pub officials_met: i64,
}

pub async fn totals(db: &SqlitePool, range: DateRange) -> Result<Totals> {
    let (from, to) = (range.from.to_string(), range.to.to_string());
    let (visits, meetings, forums, officials_met): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT
           (SELECT count(*) FROM visits WHERE deleted_at IS NULL AND start_date BETWEEN ?1 AND ?2),
           (SELECT count(*) FROM meetings WHERE deleted_at IS NULL AND date BETWEEN ?1 AND ?2),
           (SELECT count(*) FROM forums WHERE deleted_at IS NULL AND start_date BETWEEN ?1 AND ?2),
           (SELECT count(DISTINCT mp.official_id) FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
              WHERE m.deleted_at IS NULL AND m.date BETWEEN ?1 AND ?2)",
    )
    .bind(from)
    .bind(to)
    .fetch_one(db)
    .await?;
    Ok(Totals {
        visits,
        meetings,
        forums,
        officials_met,
    })
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Host {
    pub name: String,
    pub title: Option<String>,
    pub meetings: i64,
}

/// Korean officials who met delegations most often in the range.
pub async fn top_hosts(db: &SqlitePool, range: DateRange, limit: i64) -> Result<Vec<Host>> {
    Ok(sqlx::query_as(
        "SELECT o.name, o.title, count(*) AS meetings FROM meeting_participants mp
         JOIN meetings m ON m.id = mp.meeting_id JOIN officials o ON o.id = mp.official_id
         WHERE m.deleted_at IS NULL AND o.deleted_at IS NULL AND o.country = 'Korea' AND m.date BETWEEN ? AND ?
         GROUP BY o.id ORDER BY meetings DESC, o.name LIMIT ?",
    )
    .bind(range.from.to_string())
    .bind(range.to.to_string())
    .bind(limit)
    .fetch_all(db)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_without_visits_count_zero() {
        let from = Month::parse("2024-01").unwrap();
        let to = Month::parse("2024-04").unwrap();
        let m = summarize(from, to, &[("2024-02".into(), 3), ("2024-04".into(), 3)], 4);
        let counts: Vec<i64> = m.months.iter().map(|c| c.visits).collect();
        assert_eq!(counts, vec![0, 3, 0, 3]);
        assert_eq!(m.total, 6);
        assert_eq!(m.mean, 1.5);
        assert_eq!(
            m.busiest.unwrap().month.to_string(),
            "2024-02",
            "ties go to the earliest month"
        );
        assert_eq!(m.change_percent, Some(50.0));
    }

    #[test]
    fn no_previous_visits_means_no_percentage() {
        let from = Month::parse("2024-01").unwrap();
        let m = summarize(from, from, &[], 0);
        assert!(m.busiest.is_none());
        assert_eq!(change_text(&m), "no change (0 → 0)");
    }
}
