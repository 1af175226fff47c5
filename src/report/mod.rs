//! Summaries over periods: visits per month, provinces ranked, the overview in /stats.
//! Queries here only read, mostly the per-month counts of `store::summary`; the arithmetic
//! is kept pure so it can be tested on its own.

mod overview;

pub use overview::{Host, ProvinceRank, Totals, provinces, top_hosts, totals};

use serde::Serialize;
use sqlx::query::QueryAs;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Sqlite, SqlitePool};

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
        change_percent: change_percent(previous_total, total),
        months,
    }
}

/// Percent change from `previous` to `total`; None when `previous` is 0.
pub fn change_percent(previous: i64, total: i64) -> Option<f64> {
    (previous > 0).then(|| (total - previous) as f64 * 100.0 / previous as f64)
}

pub fn change_text(m: &Monthly) -> String {
    change_words(m.previous_total, m.total)
}

/// "+25% (4 → 5)", "new activity (0 → 3)", "no change (0 → 0)".
pub fn change_words(previous: i64, total: i64) -> String {
    match change_percent(previous, total) {
        Some(p) => format!("{:+.0}% ({previous} → {total})", p),
        None if total > 0 => format!("new activity (0 → {total})"),
        None => "no change (0 → 0)".into(),
    }
}

/// A period as the summary tables see it: the whole months in it, read from
/// `month_stats`, and the part-months at either end (day-precise bounds), read from
/// `day_stats`. Month-aligned periods, the usual case, have no edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub months: Option<(Month, Month)>,
    pub head: Option<DateRange>,
    pub tail: Option<DateRange>,
}

impl From<DateRange> for Split {
    fn from(range: DateRange) -> Split {
        Split::of(range)
    }
}

impl Split {
    pub fn of(range: DateRange) -> Split {
        let first = if range.from == range.from.month().first_day() {
            range.from.month()
        } else {
            range.from.month().next()
        };
        let last = if range.to == range.to.month().last_day() {
            range.to.month()
        } else {
            range.to.month().plus(-1)
        };
        if first > last {
            return Split {
                months: None,
                head: Some(range),
                tail: None,
            };
        }
        Split {
            months: Some((first, last)),
            head: (range.from < first.first_day()).then(|| DateRange {
                from: range.from,
                to: first.plus(-1).last_day(),
            }),
            tail: (range.to > last.last_day()).then(|| DateRange {
                from: last.next().first_day(),
                to: range.to,
            }),
        }
    }

    /// Binds the period as ?1..?6: the months, then the head and the tail days. An absent
    /// part binds an empty interval, so one statement serves every shape of period; each
    /// interval gets its own SELECT, as `a BETWEEN .. OR a BETWEEN ..` would make SQLite
    /// scan the whole table.
    fn bind<'q, O>(
        &self,
        q: QueryAs<'q, Sqlite, O, SqliteArguments>,
    ) -> QueryAs<'q, Sqlite, O, SqliteArguments> {
        let none = || ("1".to_string(), "0".to_string());
        let (m1, m2) = self
            .months
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .unwrap_or_else(none);
        let days = |r: Option<DateRange>| {
            r.map(|r| (r.from.to_string(), r.to.to_string()))
                .unwrap_or_else(none)
        };
        let ((h1, h2), (t1, t2)) = (days(self.head), days(self.tail));
        q.bind(m1).bind(m2).bind(h1).bind(h2).bind(t1).bind(t2)
    }
}

/// The summary rows for the JSON list of province ids bound as `?{ids}`: those provinces,
/// or region 0 (all provinces together) for `[]`.
fn summary_regions(ids: u8) -> String {
    format!(
        "region_id IN (SELECT value FROM json_each(CASE ?{ids} WHEN '[]' THEN '[0]' ELSE ?{ids} END))"
    )
}

/// Visits of these provinces (all when `[]`, the JSON list of ids bound as `?{ids}`)
/// counted from the summary over the months `?{lo}..?{hi}` (`days` false) or the days
/// (`days` true), as rows of (month, n, sourced, month_only): each province's own counts
/// (region 0 for all), less the joint visits counted more than once (a visit under k of the
/// selected provinces counts k - 1 times too often; `several` when there is more than one).
/// Over days, a visit known only to its month counts when its month overlaps them.
fn counted_visits(days: bool, lo: u8, hi: u8, ids: u8, several: bool) -> String {
    let regions = summary_regions(ids);
    // Visits dated by month only are told apart over days only: a whole month counts
    // them all alike.
    let joint_by_month = if days {
        "month_only * (1 - count(*))"
    } else {
        "0"
    };
    let (own, joint_days) = if days {
        (
            format!(
                "SELECT substr(day, 1, 7) AS month, visits AS n, sourced AS s, 0 AS by_month FROM day_stats
                  WHERE day BETWEEN ?{lo} AND ?{hi} AND {regions}
                 UNION ALL
                 SELECT month, visits, sourced, visits FROM month_only_stats
                  WHERE month BETWEEN substr(?{lo}, 1, 7) AND substr(?{hi}, 1, 7) AND {regions}"
            ),
            format!(
                "(month_only = 0 AND day BETWEEN ?{lo} AND ?{hi}
                  OR month_only = 1 AND day BETWEEN substr(?{lo}, 1, 7) || '-01' AND ?{hi})"
            ),
        )
    } else {
        (
            format!(
                "SELECT month, visits AS n, sourced AS s, 0 AS by_month FROM month_stats
                  WHERE month BETWEEN ?{lo} AND ?{hi} AND {regions}"
            ),
            format!("day BETWEEN ?{lo} || '-01' AND ?{hi} || '-31'"),
        )
    };
    if !several {
        return own;
    }
    format!(
        "{own}
         UNION ALL
         SELECT substr(day, 1, 7), 1 - count(*), sourced * (1 - count(*)), {joint_by_month}
           FROM joint_visit_provinces
          WHERE {joint_days} AND region_id IN (SELECT value FROM json_each(?{ids}))
          GROUP BY visit_id"
    )
}

/// The rows of `columns` (of region_id, visits, sourced, meetings, forums) over a period
/// bound by `Split::bind` as ?1..?6, where `filter` holds: its whole months, the days of
/// its part-months at either end, and for those part-months the records known only to
/// their month (such a record matches any days of its month).
pub(crate) fn period_rows(columns: &str, filter: &str) -> String {
    let part = |lo: u8, hi: u8| {
        format!(
            "SELECT {columns} FROM day_stats WHERE day BETWEEN ?{lo} AND ?{hi} AND {filter}
             UNION ALL
             SELECT {columns} FROM month_only_stats
              WHERE month BETWEEN substr(?{lo}, 1, 7) AND substr(?{hi}, 1, 7) AND {filter}"
        )
    };
    format!(
        "SELECT {columns} FROM month_stats WHERE month BETWEEN ?1 AND ?2 AND {filter}
         UNION ALL {}
         UNION ALL {}",
        part(3, 4),
        part(5, 6)
    )
}

/// Visits per month between two months for the given provinces (all when empty).
pub async fn month_counts(
    db: &SqlitePool,
    from: Month,
    to: Month,
    provinces: &[i64],
) -> Result<Vec<(String, i64)>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT month, sum(n) FROM ({}) GROUP BY month HAVING sum(n) > 0 ORDER BY month",
        counted_visits(false, 1, 2, 3, provinces.len() > 1)
    )))
    .bind(from.to_string())
    .bind(to.to_string())
    .bind(serde_json::to_string(provinces)?)
    .fetch_all(db)
    .await?)
}

/// How many of the visits that start in the range cite a source: the footer of a report
/// says what it rests on.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Coverage {
    pub visits: i64,
    pub sourced: i64,
    /// Visits counted because their month overlaps a part-month of the period: they are
    /// dated by month only, so they may fall outside its days.
    pub by_month: i64,
}

pub async fn coverage(
    db: &SqlitePool,
    period: impl Into<Split>,
    provinces: &[i64],
) -> Result<Coverage> {
    let several = provinces.len() > 1;
    let (visits, sourced, by_month): (i64, i64, i64) = period
        .into()
        .bind(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT coalesce(sum(n), 0), coalesce(sum(s), 0), coalesce(sum(by_month), 0) FROM (
               SELECT n, s, by_month FROM ({}) UNION ALL SELECT n, s, by_month FROM ({})
               UNION ALL SELECT n, s, by_month FROM ({}))",
            counted_visits(false, 1, 2, 7, several),
            counted_visits(true, 3, 4, 7, several),
            counted_visits(true, 5, 6, 7, several),
        ))))
        .bind(serde_json::to_string(provinces)?)
        .fetch_one(db)
        .await?;
    Ok(Coverage {
        visits,
        sourced,
        by_month,
    })
}

pub fn coverage_text(c: Coverage) -> String {
    let sources = match (c.visits, c.sourced) {
        (0, _) => "no visits".into(),
        (_, 0) => "no visit cites a source".into(),
        (n, s) if n == s => format!("every visit cites a source ({n})"),
        (n, s) => format!("{s} of {n} visits cite a source"),
    };
    match c.by_month {
        0 => sources,
        1 => format!("{sources}; 1 is dated by month only and matched by its month"),
        n => format!("{sources}; {n} are dated by month only and matched by their month"),
    }
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
