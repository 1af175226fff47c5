//! The views across all provinces: provinces ranked, the totals and top hosts of /stats,
//! read from the summary tables (store::summary), which count by the rules stated in
//! migration 0004: a joint visit counts for each of its provinces; a meeting for a province
//! when it belongs to one of its visits or one of its officials took part; a forum when one
//! of its live visits attended.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::SqlitePool;

use super::Split;
use crate::error::Result;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProvinceRank {
    pub province: String,
    pub visits: i64,
    pub meetings: i64,
    pub forums: i64,
}

/// Provinces with any activity in the range, busiest first.
pub async fn provinces(db: &SqlitePool, period: impl Into<Split>) -> Result<Vec<ProvinceRank>> {
    let split = period.into();
    let rows: Vec<(i64, i64, i64, i64)> = split
        .bind(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT region_id, sum(visits), sum(meetings), sum(forums) FROM ({})
             GROUP BY region_id",
            super::period_rows(
                "region_id, visits, meetings, forums",
                "region_id > 0",
                !split.days_only
            )
        ))))
        .fetch_all(db)
        .await?;
    let counts: HashMap<i64, (i64, i64, i64)> = rows
        .into_iter()
        .map(|(r, v, m, f)| (r, (v, m, f)))
        .collect();
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
    let split = period.into();
    // People met in whole months: those whose previous month with a meeting lies before the
    // period, kept counted by month and previous month (no person read; '' is no previous
    // month). Part-months (day-precise bounds, which /stats does not take) need the
    // distinct people of the records as well.
    let officials = if split.head.is_none() && split.tail.is_none() {
        "SELECT coalesce(sum(officials), 0) FROM official_prev_counts
          WHERE month BETWEEN ?1 AND ?2 AND prev < ?1"
    } else {
        "SELECT count(*) FROM (
           SELECT official_id FROM official_month_stats WHERE month BETWEEN ?1 AND ?2
           UNION
           SELECT official_id FROM ({met}))"
    };
    let officials = officials.replace("{met}", &part_month_meetings("mp.official_id"));
    let (visits, meetings, forums, officials_met): (i64, i64, i64, i64) = split
        .bind(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT coalesce(sum(visits), 0), coalesce(sum(meetings), 0), coalesce(sum(forums), 0), ({officials})
               FROM ({})",
            super::period_rows("visits, meetings, forums", "region_id = 0", true)
        ))))
        .fetch_one(db)
        .await?;
    Ok(Totals {
        visits,
        meetings,
        forums,
        officials_met,
    })
}

/// The participants (`what`, of `m` and `mp`) of live meetings in the part-months of a
/// period (?3..?4 and ?5..?6): those on its days, and those known only to a month that
/// overlaps them; one row per participant and meeting.
fn part_month_meetings(what: &str) -> String {
    let part = |lo: u8, hi: u8| {
        format!(
            "SELECT {what} FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
              WHERE m.deleted_at IS NULL AND m.date BETWEEN ?{lo} AND ?{hi} AND m.date_precision = 'day'
             UNION ALL
             SELECT {what} FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.id
              WHERE m.deleted_at IS NULL AND m.date_precision = 'month'
                AND m.date BETWEEN substr(?{lo}, 1, 7) || '-01' AND ?{hi}"
        )
    };
    format!("{} UNION ALL {}", part(3, 4), part(5, 6))
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow, PartialEq, Eq)]
pub struct Host {
    pub name: String,
    pub title: Option<String>,
    pub meetings: i64,
}

/// Korean officials who met delegations most often in the range, with their current title.
pub async fn top_hosts(db: &SqlitePool, period: impl Into<Split>, limit: i64) -> Result<Vec<Host>> {
    Ok(ranked_hosts(db, period.into(), limit)
        .await?
        .into_iter()
        .map(|(_, host)| host)
        .collect())
}

/// `top_hosts`, each named with the title they held on the date of their latest meeting in
/// the range (store::post::title_on's rule): none when no post of theirs covers it.
pub async fn top_hosts_then(
    db: &SqlitePool,
    period: impl Into<Split>,
    limit: i64,
) -> Result<Vec<Host>> {
    let split = period.into();
    let ranked = ranked_hosts(db, split, limit).await?;
    let ids: Vec<i64> = ranked.iter().map(|(id, _)| *id).collect();
    let titles = crate::store::post::titles_at_latest_meeting(
        &mut *db.acquire().await?,
        &ids,
        split.range(),
    )
    .await?;
    Ok(ranked
        .into_iter()
        .map(|(id, host)| Host {
            title: titles.get(&id).cloned(),
            ..host
        })
        .collect())
}

async fn ranked_hosts(db: &SqlitePool, period: Split, limit: i64) -> Result<Vec<(i64, Host)>> {
    let rows: Vec<(i64, String, Option<String>, i64)> = period
        .bind(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT o.id, o.name, o.title, t.n AS meetings FROM (
           SELECT official_id, sum(n) AS n FROM (
             SELECT official_id, meetings AS n FROM official_month_stats
              WHERE month BETWEEN ?1 AND ?2 AND korean
             UNION ALL
             SELECT official_id, 1 FROM ({}))
           GROUP BY official_id) t
         JOIN officials o ON o.id = t.official_id
         WHERE o.deleted_at IS NULL AND o.country = 'Korea'
         ORDER BY t.n DESC, o.name LIMIT ?7",
            part_month_meetings("mp.official_id AS official_id")
        ))))
        .bind(limit)
        .fetch_all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, title, meetings)| {
            (
                id,
                Host {
                    name,
                    title,
                    meetings,
                },
            )
        })
        .collect())
}
