//! `/stats`: the overview of a span of months against the span before it.

use crate::t;
use serde_json::json;

use super::App;
use super::args::Months;
use super::visits::busiest_month;
use crate::domain::DateRange;
use crate::error::Result;
use crate::reply::{Chart, Reply};
use crate::report;
use crate::store::counts;

pub async fn stats(app: &App, Months { from, to }: Months) -> Result<Reply> {
    let len = from.count_to(to);
    let (prev_from, prev_to) = (from.plus(-len), from.plus(-1));
    let range = DateRange::months(from, to);
    // Independent reads, side by side on the pool's connections: the overview waits for
    // the slowest of them, not for their sum.
    let (counts, totals, provinces, hosts, coverage, outcomes) = tokio::try_join!(
        counts::month_counts(&app.db, prev_from, to, &[]),
        counts::totals(&app.db, range),
        counts::provinces(&app.db, range),
        counts::top_hosts_then(&app.db, range, 5),
        counts::coverage(&app.db, range, &[]),
        counts::outcome_totals(&app.db, range),
    )?;
    let (outcome_count, pledged) = super::outcome_fields(&outcomes);
    let previous_total = counts
        .iter()
        .filter(|(m, _)| *m <= prev_to.to_string())
        .map(|(_, n)| n)
        .sum();
    let monthly = report::summarize(from, to, &counts, previous_total);

    let top_provinces = provinces
        .iter()
        .take(5)
        .map(|p| format!("{} ({})", crate::i18n::format::place(&p.province), p.visits))
        .collect::<Vec<_>>();
    let top_hosts = hosts
        .iter()
        .map(|h| {
            format!(
                "{}{} ({})",
                crate::i18n::format::person(&h.name),
                h.title
                    .as_ref()
                    .map(|t| format!(", {}", crate::i18n::format::title(t)))
                    .unwrap_or_default(),
                h.meetings
            )
        })
        .collect::<Vec<_>>();
    let busiest = busiest_month(monthly.busiest.as_ref());
    let (from_s, to_s) = (from.to_string(), to.to_string());
    Ok(Reply::new(t!("overview-title", from = from_s.as_str(), to = to_s.as_str()))
        .inline(t!("col-visits"), totals.visits.to_string())
        .inline(t!("col-meetings"), totals.meetings.to_string())
        .inline(t!("col-forums"), totals.forums.to_string())
        .inline(t!("officials-met"), totals.officials_met.to_string())
        .inline(t!("mean-visits-per-month"), format!("{:.1}", monthly.mean))
        .inline(t!("busiest-month"), busiest)
        .field(t!("change-vs", from = prev_from.to_string(), to = prev_to.to_string()), report::change_text(&monthly))
        .field(t!("top-provinces"), if top_provinces.is_empty() { "—".into() } else { top_provinces.join("\n") })
        .field(t!("top-hosts"), if top_hosts.is_empty() { "—".into() } else { top_hosts.join("\n") })
        .field(t!("col-outcomes"), outcome_count)
        .field_opt(&t!("pledged"), pledged)
        .chart(Chart {
            title: t!("chart-per-month", from = from_s.as_str(), to = to_s.as_str()),
            labels: monthly.months.iter().map(|c| c.month.to_string()).collect(),
            values: monthly.months.iter().map(|c| c.visits).collect(),
        })
        .footer(format!("{} · {}", t!("monthly-text", from = from_s.as_str(), to = to_s.as_str()), report::coverage_text(coverage)))
        .data(json!({
            "from": from, "to": to, "totals": totals, "mean_per_month": monthly.mean, "busiest": monthly.busiest,
            "months": monthly.months,
            "previous": {"from": prev_from, "to": prev_to, "total": monthly.previous_total},
            "change_percent": monthly.change_percent,
            "top_provinces": provinces.iter().take(5).collect::<Vec<_>>(), "top_hosts": hosts,
            "outcomes": outcomes,
        })))
}
