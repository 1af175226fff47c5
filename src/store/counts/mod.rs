//! The counts behind the reports, read from the summary tables that `store::summary` keeps
//! (a few hundred rows whatever the size of the record): visits per month, coverage by
//! sources, (`overview`) provinces ranked, totals and top hosts, and (`outcomes`) the
//! outcomes per province, by kind and the amounts they pledged.

mod outcomes;
mod overview;

pub(crate) use outcomes::parts;
pub use outcomes::{ByKind, OutcomeTotals, outcome_totals, outcomes_by_province};
pub use overview::{Host, ProvinceRank, Totals, provinces, top_hosts, top_hosts_then, totals};

use serde::Serialize;
use sqlx::query::QueryAs;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Sqlite, SqlitePool};

use crate::domain::{DateRange, Month};
use crate::error::Result;

/// A period as the summary tables see it: the whole months in it, read from
/// `month_stats`, and the part-months at either end (day-precise bounds), read from
/// `day_stats`. Month-aligned periods, the usual case, have no edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub months: Option<(Month, Month)>,
    pub head: Option<DateRange>,
    pub tail: Option<DateRange>,
    /// Part-months count only records dated to the day: a weekly digest counts no record
    /// known only to its month (it lists those apart).
    pub days_only: bool,
}

impl From<DateRange> for Split {
    fn from(range: DateRange) -> Split {
        Split::of(range)
    }
}

impl Split {
    /// The whole period again: from its first day to its last.
    pub fn range(&self) -> DateRange {
        let from = match (self.head, self.months) {
            (Some(h), _) => h.from,
            (None, Some((first, _))) => first.first_day(),
            (None, None) => unreachable!("a split has months or a head"),
        };
        let to = match (self.tail, self.months, self.head) {
            (Some(t), _, _) => t.to,
            (None, Some((_, last)), _) => last.last_day(),
            (None, None, Some(h)) => h.to,
            (None, None, None) => unreachable!("a split has months or a head"),
        };
        DateRange { from, to }
    }

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
                days_only: false,
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
            days_only: false,
        }
    }

    /// The same period, counting in its part-months only records dated to the day.
    pub fn days_only(self) -> Split {
        Split {
            days_only: true,
            ..self
        }
    }

    /// Binds the period as ?1..?6: the months, then the head and the tail days. An absent
    /// part binds an empty interval, so one statement serves every shape of period; each
    /// interval gets its own SELECT, as `a BETWEEN .. OR a BETWEEN ..` would make SQLite
    /// scan the whole table.
    pub(crate) fn bind<'q, O>(
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
fn counted_visits(days: bool, lo: u8, hi: u8, ids: u8, several: bool, month_only: bool) -> String {
    let regions = summary_regions(ids);
    // Visits dated by month only are told apart over days only: a whole month counts
    // them all alike.
    let joint_by_month = if days {
        "month_only * (1 - count(*))"
    } else {
        "0"
    };
    let (own, joint_days) = if days && !month_only {
        (
            format!(
                "SELECT substr(day, 1, 7) AS month, visits AS n, sourced AS s, 0 AS by_month FROM day_stats
                  WHERE day BETWEEN ?{lo} AND ?{hi} AND {regions}"
            ),
            format!("(month_only = 0 AND day BETWEEN ?{lo} AND ?{hi})"),
        )
    } else if days {
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
pub(crate) fn period_rows(columns: &str, filter: &str, month_only: bool) -> String {
    let part = |lo: u8, hi: u8| {
        let days = format!(
            "SELECT {columns} FROM day_stats WHERE day BETWEEN ?{lo} AND ?{hi} AND {filter}"
        );
        if !month_only {
            return days;
        }
        format!(
            "{days}
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
        counted_visits(false, 1, 2, 3, provinces.len() > 1, true)
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
    db: impl sqlx::SqliteExecutor<'_>,
    period: impl Into<Split>,
    provinces: &[i64],
) -> Result<Coverage> {
    let several = provinces.len() > 1;
    let split = period.into();
    let month_only = !split.days_only;
    let (visits, sourced, by_month): (i64, i64, i64) = split
        .bind(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT coalesce(sum(n), 0), coalesce(sum(s), 0), coalesce(sum(by_month), 0) FROM (
               SELECT n, s, by_month FROM ({}) UNION ALL SELECT n, s, by_month FROM ({})
               UNION ALL SELECT n, s, by_month FROM ({}))",
            counted_visits(false, 1, 2, 7, several, month_only),
            counted_visits(true, 3, 4, 7, several, month_only),
            counted_visits(true, 5, 6, 7, several, month_only),
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
