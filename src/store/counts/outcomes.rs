//! The outcomes' side of the reports (migration 0015), read from the counts
//! `store::summary` keeps: outcomes per province for `/provinces`, and for `/stats` the
//! outcomes by kind with the amounts pledged and realized per currency. A few rows per
//! month whatever the number of outcomes; amounts in different currencies never added.

use std::collections::HashMap;

use serde::Serialize;
use serde::ser::SerializeMap;
use sqlx::SqlitePool;

use super::{Split, rows_over};
use crate::domain::{Amount, Currency, Money, OutcomeKind, OutcomeStatus};
use crate::error::Result;

/// Live outcomes per province in the period (an outcome counts for each of its
/// provinces): (province, outcomes), most first, then by name.
pub async fn outcomes_by_province(
    db: &SqlitePool,
    period: impl Into<Split>,
) -> Result<Vec<(String, i64)>> {
    let rows: Vec<(i64, i64)> = period
        .into()
        .bind(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT region_id, sum(outcomes) FROM ({}) GROUP BY region_id HAVING sum(outcomes) > 0",
            rows_over("outcome_", "region_id, outcomes", "region_id > 0")
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
    let rows: Vec<(String, String, String, i64, i64)> = period
        .into()
        .bind(sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT kind, status, currency, sum(outcomes), sum(amount) FROM ({})
              GROUP BY kind, status, currency",
            rows_over(
                "outcome_",
                "kind, status, currency, outcomes, amount",
                "region_id = 0"
            )
        ))))
        .fetch_all(db)
        .await?;
    let mut count = 0;
    let mut kinds: HashMap<OutcomeKind, i64> = HashMap::new();
    let (mut pledged, mut realized) = (Vec::new(), Vec::new());
    for (kind, status, currency, n, amount) in rows {
        count += n;
        if let Ok(kind) = OutcomeKind::parse(&kind) {
            *kinds.entry(kind).or_default() += n;
        }
        let money = Currency::ALL
            .into_iter()
            .find(|c| c.label() == currency)
            .zip(Amount::from_minor(amount))
            .map(|(currency, amount)| Money { amount, currency });
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
    let overflow = || anyhow::anyhow!("a sum of outcome amounts does not fit 64 bits");
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
