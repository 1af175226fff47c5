//! Summaries over periods: visits per month with their mean, busiest month and change, and
//! the words that present them. The counts come from `store::counts`; the arithmetic here
//! is pure, so it is tested on its own.

use crate::t;
use serde::Serialize;

use crate::domain::Month;
use crate::store::counts::Coverage;

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

/// "+25% (4 → 5)", "new activity (0 → 3)", "no change (0 → 0)", in the reader's language.
pub fn change_words(previous: i64, total: i64) -> String {
    match change_percent(previous, total) {
        Some(p) => t!(
            "change-up-down",
            percent = format!("{:+.0}%", p),
            previous = previous,
            total = total
        ),
        None if total > 0 => t!("change-new", total = total),
        None => t!("change-none"),
    }
}

pub fn coverage_text(c: Coverage) -> String {
    let sources = match (c.visits, c.sourced) {
        (0, _) => t!("coverage-no-visits"),
        (_, 0) => t!("coverage-no-sources"),
        (n, s) if n == s => t!("coverage-all-sourced", n = n),
        (n, s) => t!("coverage-some-sourced", sourced = s, n = n),
    };
    match c.by_month {
        0 => sources,
        n => t!("coverage-by-month", sources = sources, n = n),
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
