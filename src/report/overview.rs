//! The views across all provinces: provinces ranked, the totals and top hosts of /stats.
//! Whole months come from the summary tables; day-precise edges from the records.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::SqlitePool;

use super::Split;
use crate::domain::DateRange;
use crate::error::Result;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProvinceRank {
    pub province: String,
    pub visits: i64,
    pub meetings: i64,
    pub forums: i64,
}

type Counts = HashMap<i64, (i64, i64, i64)>;

fn add(into: &mut Counts, rows: Vec<(i64, i64)>, pick: fn(&mut (i64, i64, i64)) -> &mut i64) {
    for (region, n) in rows {
        *pick(into.entry(region).or_default()) += n;
    }
}

/// Province counts of the records dated in `range` (one part-month at most): a joint visit
/// counts for each of its provinces; a meeting for a province when it belongs to one of its
/// visits or one of its officials took part; a forum when one of its live visits attended.
/// The refresh of `month_stats` counts by the same rules.
async fn counted_from_records(db: &SqlitePool, range: DateRange, into: &mut Counts) -> Result<()> {
    let (from, to) = (range.from.to_string(), range.to.to_string());
    let grouped = |sql: &'static str| {
        sqlx::query_as::<_, (i64, i64)>(sql)
            .bind(from.clone())
            .bind(to.clone())
            .fetch_all(db)
    };
    let visits = grouped(
        "SELECT p.region_id, count(*) FROM visits v JOIN visit_provinces p ON p.visit_id = v.id
         WHERE v.deleted_at IS NULL AND v.start_date BETWEEN ?1 AND ?2 GROUP BY p.region_id",
    )
    .await?;
    add(into, visits, |c| &mut c.0);
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
    add(into, meetings, |c| &mut c.1);
    let forums = grouped(
        "SELECT p.region_id, count(DISTINCT f.id) FROM forums f JOIN forum_visits fv ON fv.forum_id = f.id
         JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL JOIN visit_provinces p ON p.visit_id = v.id
         WHERE f.deleted_at IS NULL AND f.start_date BETWEEN ?1 AND ?2 GROUP BY p.region_id",
    )
    .await?;
    add(into, forums, |c| &mut c.2);
    Ok(())
}

/// Provinces with any activity in the range, busiest first.
pub async fn provinces(db: &SqlitePool, period: impl Into<Split>) -> Result<Vec<ProvinceRank>> {
    let split = period.into();
    let mut counts = Counts::new();
    if let Some((from, to)) = split.months {
        let rows: Vec<(i64, i64, i64, i64)> = sqlx::query_as(
            "SELECT region_id, sum(visits), sum(meetings), sum(forums) FROM month_stats
             WHERE region_id > 0 AND month BETWEEN ? AND ? GROUP BY region_id",
        )
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(db)
        .await?;
        counts.extend(rows.into_iter().map(|(r, v, m, f)| (r, (v, m, f))));
    }
    for edge in split.edges() {
        counted_from_records(db, edge, &mut counts).await?;
    }
    let regions: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM regions WHERE country = 'CN'")
            .fetch_all(db)
            .await?;
    let mut ranks: Vec<ProvinceRank> = regions
        .into_iter()
        .filter_map(|(id, province)| {
            let (visits, meetings, forums) = counts.get(&id).copied()?;
            Some(ProvinceRank {
                province,
                visits,
                meetings,
                forums,
            })
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

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Totals {
    pub visits: i64,
    pub meetings: i64,
    pub forums: i64,
    pub officials_met: i64,
}

pub async fn totals(db: &SqlitePool, period: impl Into<Split>) -> Result<Totals> {
    let (visits, meetings, forums, officials_met): (i64, i64, i64, i64) = period.into().bind(sqlx::query_as(
        "SELECT
           (SELECT coalesce(sum(visits), 0) FROM month_stats WHERE region_id = 0 AND month BETWEEN ?1 AND ?2)
           + (SELECT count(*) FROM visits WHERE deleted_at IS NULL AND start_date BETWEEN ?3 AND ?4)
           + (SELECT count(*) FROM visits WHERE deleted_at IS NULL AND start_date BETWEEN ?5 AND ?6),
           (SELECT coalesce(sum(meetings), 0) FROM month_stats WHERE region_id = 0 AND month BETWEEN ?1 AND ?2)
           + (SELECT count(*) FROM meetings WHERE deleted_at IS NULL AND date BETWEEN ?3 AND ?4)
           + (SELECT count(*) FROM meetings WHERE deleted_at IS NULL AND date BETWEEN ?5 AND ?6),
           (SELECT coalesce(sum(forums), 0) FROM month_stats WHERE region_id = 0 AND month BETWEEN ?1 AND ?2)
           + (SELECT count(*) FROM forums WHERE deleted_at IS NULL AND start_date BETWEEN ?3 AND ?4)
           + (SELECT count(*) FROM forums WHERE deleted_at IS NULL AND start_date BETWEEN ?5 AND ?6),
           (SELECT count(*) FROM (
              SELECT official_id FROM official_month_stats WHERE month BETWEEN ?1 AND ?2
              UNION
              SELECT mp.official_id FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
               WHERE m.deleted_at IS NULL AND m.date BETWEEN ?3 AND ?4
              UNION
              SELECT mp.official_id FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
               WHERE m.deleted_at IS NULL AND m.date BETWEEN ?5 AND ?6))",
    ))
    .fetch_one(db)
    .await?;
    Ok(Totals {
        visits,
        meetings,
        forums,
        officials_met,
    })
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, PartialEq, Eq)]
pub struct Host {
    pub name: String,
    pub title: Option<String>,
    pub meetings: i64,
}

/// Korean officials who met delegations most often in the range.
pub async fn top_hosts(db: &SqlitePool, period: impl Into<Split>, limit: i64) -> Result<Vec<Host>> {
    Ok(period
        .into()
        .bind(sqlx::query_as(
        "SELECT o.name, o.title, sum(t.n) AS meetings FROM (
           SELECT official_id, meetings AS n FROM official_month_stats WHERE month BETWEEN ?1 AND ?2
           UNION ALL
           SELECT mp.official_id, 1 FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
            WHERE m.deleted_at IS NULL AND m.date BETWEEN ?3 AND ?4
           UNION ALL
           SELECT mp.official_id, 1 FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
            WHERE m.deleted_at IS NULL AND m.date BETWEEN ?5 AND ?6) t
         JOIN officials o ON o.id = t.official_id
         WHERE o.deleted_at IS NULL AND o.country = 'Korea'
         GROUP BY o.id ORDER BY meetings DESC, o.name LIMIT ?7",
        ))
        .bind(limit)
    .fetch_all(db)
    .await?)
}
