//! The outcomes' side of the reports (migration 0015): outcomes per province for
//! `/provinces`, and for `/stats` the outcomes by kind with the amounts pledged and
//! realized per currency, never added across currencies. Whole months are read from the
//! counts `store::summary` keeps (a few rows per month whatever the number of outcomes);
//! the part-months at either end of a period with day-precise bounds from the outcomes
//! themselves (two months of them at most).

use std::collections::HashMap;

use serde::Serialize;
use serde::ser::SerializeMap;
use sqlx::SqlitePool;

use super::Split;
use crate::domain::{Amount, Currency, Money, OutcomeKind, OutcomeStatus};
use crate::error::Result;
use crate::store::within_days;

/// Live outcomes per province in the period (an outcome counts for each of its
/// provinces): (province, outcomes), most first, then by name.
pub async fn outcomes_by_province(
    db: &SqlitePool,
    period: impl Into<Split>,
) -> Result<Vec<(String, i64)>> {
    let split = period.into();
    // The part-months from the kept counts by day, and of the outcomes known only to their
    // month, those of the months the parts overlap (migration 0028).
    let part = |lo: u8, hi: u8| {
        let days = format!(
            "SELECT region_id, outcomes AS n FROM outcome_region_days WHERE day BETWEEN ?{lo} AND ?{hi}"
        );
        if split.days_only {
            return days;
        }
        format!(
            "{days} UNION ALL SELECT region_id, outcomes FROM outcome_region_month_only
              WHERE month BETWEEN substr(?{lo}, 1, 7) AND substr(?{hi}, 1, 7)"
        )
    };
    let rows: Vec<(i64, i64)> = split
        .bind(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT region_id, sum(n) FROM (
               SELECT region_id, outcomes AS n FROM outcome_region_months
                WHERE month BETWEEN ?1 AND ?2 AND region_id > 0
               UNION ALL {} UNION ALL {}) GROUP BY region_id HAVING sum(n) > 0",
            part(3, 4),
            part(5, 6)
        ))))
        .fetch_all(db)
        .await?;
    let counts: HashMap<i64, i64> = rows.into_iter().collect();
    let regions: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM regions WHERE country = 'CN'")
            .fetch_all(db)
            .await?;
    let mut out: Vec<(String, i64)> = regions
        .into_iter()
        .filter_map(|(id, name)| counts.get(&id).map(|n| (name, *n)))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// A period's outcomes for `/stats`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeTotals {
    /// Live outcomes dated in the period, each once.
    pub count: i64,
    /// Per kind, in the vocabulary's order; kinds with none left out. In data, an object
    /// `{"MOU": n, ...}`.
    pub by_kind: ByKind,
    /// The amounts of outcomes not cancelled, per currency (KRW, USD, CNY, EUR, JPY order).
    pub pledged: Vec<Money>,
    /// The amounts of outcomes realized, per currency.
    pub realized: Vec<Money>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ByKind(pub Vec<(OutcomeKind, i64)>);

impl Serialize for ByKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (kind, n) in &self.0 {
            map.serialize_entry(kind.label(), n)?;
        }
        map.end()
    }
}

/// The outcomes dated in the period: how many, by kind, and what they pledged and
/// realized per currency, to the hundredth.
pub async fn outcome_totals(db: &SqlitePool, period: impl Into<Split>) -> Result<OutcomeTotals> {
    let split = period.into();
    let day = if split.days_only {
        " AND o.date_precision = 'day'"
    } else {
        ""
    };
    let counted: Vec<(String, String, i64)> = split
        .bind(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT kind, status, sum(n) FROM (
               SELECT kind, status, outcomes AS n FROM outcome_months
                WHERE region_id = 0 AND month BETWEEN ?1 AND ?2
               UNION ALL {}) GROUP BY kind, status",
            parts("o.kind, o.status, 1", "outcomes o", &format!("TRUE{day}"))
        ))))
        .fetch_all(db)
        .await?;
    // Summed here in 128 bits, not by SQLite (whose integers overflow at 2^63): the kept
    // months come in two parts (migration 0024), the part-months' outcomes one by one.
    let amounts: Vec<(String, String, i64, i64, i64)> = split
        .bind(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT currency, status, billions, rest, approximate FROM outcome_month_amounts
              WHERE region_id = 0 AND month BETWEEN ?1 AND ?2
             UNION ALL {}",
            parts(
                "o.currency, o.status, 0, o.amount_minor, o.amount_about",
                "outcomes o",
                &format!("o.currency IS NOT NULL{day}")
            )
        ))))
        .fetch_all(db)
        .await?;
    let mut count = 0;
    let mut kinds: HashMap<OutcomeKind, i64> = HashMap::new();
    for (kind, _, n) in counted {
        count += n;
        if let Ok(kind) = OutcomeKind::parse(&kind) {
            *kinds.entry(kind).or_default() += n;
        }
    }
    let (mut pledged, mut realized) = (Vec::new(), Vec::new());
    for (currency, status, billions, rest, approximate) in amounts {
        let minor = i128::from(billions) * 1_000_000_000 + i128::from(rest);
        let money = Currency::ALL
            .into_iter()
            .find(|c| c.label() == currency)
            .zip(Amount::from_minor(minor))
            .map(|(currency, amount)| Money {
                amount,
                currency,
                about: approximate > 0,
            });
        let (Some(money), Ok(status)) = (money, OutcomeStatus::parse(&status)) else {
            continue;
        };
        if status.pledges() {
            pledged.push(money);
        }
        if status == OutcomeStatus::Realized {
            realized.push(money);
        }
    }
    let overflow = || anyhow::anyhow!("a sum of outcome amounts does not fit 128 bits");
    Ok(OutcomeTotals {
        count,
        by_kind: ByKind(
            OutcomeKind::ALL
                .iter()
                .filter_map(|k| kinds.get(k).map(|n| (*k, *n)))
                .collect(),
        ),
        pledged: Money::totals(pledged).ok_or_else(overflow)?,
        realized: Money::totals(realized).ok_or_else(overflow)?,
    })
}

/// The outcomes of the part-months of a period bound by `Split::bind` (?3..?4 and ?5..?6),
/// as `select` rows from `from` (outcomes aliased `o`) where `filter` holds: a day inside
/// them, or a month-only date whose month overlaps them. Each part gets its own SELECT, so
/// each is one range of the date index.
pub(crate) fn parts(select: &str, from: &str, filter: &str) -> String {
    let part = |lo: &str, hi: &str| {
        format!(
            "SELECT {select} FROM {from} WHERE o.deleted_at IS NULL AND {} AND {filter}",
            within_days("o.date", "o.date_precision", lo, hi)
        )
    };
    format!("{} UNION ALL {}", part("?3", "?4"), part("?5", "?6"))
}
