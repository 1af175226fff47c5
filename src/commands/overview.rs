//! `/provinces`, `/stats` and `/search`: views across all records.

use serde_json::json;

use super::App;
use super::args::{self, Args, Bounds, Months};
use crate::domain::text::SEARCH_MAX;
use crate::domain::{DateRange, Text};
use crate::error::{Result, user_err};
use crate::reply::{Chart, Page, Reply, Table};
use crate::report;
use crate::request::Request;
use crate::store::counts;
use crate::store::search;

impl Args for Bounds {
    fn read(req: &Request) -> Result<Self> {
        Bounds::read(req)
    }
}

impl Args for Months {
    fn read(req: &Request) -> Result<Self> {
        Months::read(req)
    }
}

pub async fn provinces(app: &App, bounds: Bounds) -> Result<Reply> {
    let range = bounds.range;
    let (ranks, outcomes, coverage) = tokio::try_join!(
        counts::provinces(&app.db, range),
        counts::outcomes_by_province(&app.db, range),
        counts::coverage(&app.db, range, &[]),
    )?;
    let outcomes: std::collections::HashMap<String, i64> = outcomes.into_iter().collect();
    let mut table = Table::new(
        &["Province", "Visits", "Meetings", "Forums", "Outcomes"],
        &[false, true, true, true, true],
    );
    let mut rows = Vec::new();
    for p in &ranks {
        let n = outcomes.get(&p.province).copied().unwrap_or(0);
        rows.push(
            json!({"province": p.province, "visits": p.visits, "meetings": p.meetings,
                         "forums": p.forums, "outcomes": n}),
        );
        table.row(vec![
            p.province.clone(),
            p.visits.to_string(),
            p.meetings.to_string(),
            p.forums.to_string(),
            n.to_string(),
        ]);
    }
    // Provinces with outcomes but no visit, meeting or forum in the period come last.
    let mut only_outcomes: Vec<(&String, &i64)> = outcomes
        .iter()
        .filter(|(name, _)| !ranks.iter().any(|p| &p.province == *name))
        .collect();
    only_outcomes.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    for (name, n) in only_outcomes {
        rows.push(
            json!({"province": name, "visits": 0, "meetings": 0, "forums": 0, "outcomes": n}),
        );
        table.row(vec![
            name.clone(),
            "0".into(),
            "0".into(),
            "0".into(),
            n.to_string(),
        ]);
    }
    let reply = Reply::new("Provinces by activity").footer(format!(
        "{range} · a joint visit or outcome counts for each of its provinces · {}",
        report::coverage_text(coverage)
    ));
    let reply = if rows.is_empty() {
        reply.text("No activity recorded in this period.")
    } else {
        reply.table(table).chart(Chart {
            title: format!("Visits by province, {range}"),
            labels: ranks.iter().take(15).map(|p| p.province.clone()).collect(),
            values: ranks.iter().take(15).map(|p| p.visits).collect(),
        })
    };
    Ok(reply.data(json!({"from": range.from, "to": range.to, "provinces": rows})))
}

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
        .map(|p| format!("{} ({})", p.province, p.visits))
        .collect::<Vec<_>>();
    let top_hosts = hosts
        .iter()
        .map(|h| {
            format!(
                "{}{} ({})",
                h.name,
                h.title
                    .as_ref()
                    .map(|t| format!(", {t}"))
                    .unwrap_or_default(),
                h.meetings
            )
        })
        .collect::<Vec<_>>();
    let busiest = monthly
        .busiest
        .as_ref()
        .map(|b| format!("{} ({})", b.month, super::plural(b.visits, "visit")))
        .unwrap_or_else(|| "—".into());
    Ok(Reply::new(format!("Overview · {from} to {to}"))
        .inline("Visits", totals.visits.to_string())
        .inline("Meetings", totals.meetings.to_string())
        .inline("Forums", totals.forums.to_string())
        .inline("Officials met", totals.officials_met.to_string())
        .inline("Mean visits per month", format!("{:.1}", monthly.mean))
        .inline("Busiest month", busiest)
        .field(format!("Change vs {prev_from} to {prev_to}"), report::change_text(&monthly))
        .field("Top provinces", if top_provinces.is_empty() { "—".into() } else { top_provinces.join("\n") })
        .field("Top Korean hosts", if top_hosts.is_empty() { "—".into() } else { top_hosts.join("\n") })
        .field("Outcomes", outcome_count)
        .field_opt("Pledged (not cancelled), per currency", pledged)
        .chart(Chart {
            title: format!("Visits per month, {from} to {to}"),
            labels: monthly.months.iter().map(|c| c.month.to_string()).collect(),
            values: monthly.months.iter().map(|c| c.visits).collect(),
        })
        .footer(format!("{from} to {to} · a visit counts in the month it starts · {}", report::coverage_text(coverage)))
        .data(json!({
            "from": from, "to": to, "totals": totals, "mean_per_month": monthly.mean, "busiest": monthly.busiest,
            "months": monthly.months,
            "previous": {"from": prev_from, "to": prev_to, "total": monthly.previous_total},
            "change_percent": monthly.change_percent,
            "top_provinces": provinces.iter().take(5).collect::<Vec<_>>(), "top_hosts": hosts,
            "outcomes": outcomes,
        })))
}

pub struct SearchArgs {
    text: Text,
    page: i64,
}

impl Args for SearchArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(SearchArgs {
            text: Text::parse("text", req.text("text").unwrap_or_default(), SEARCH_MAX)?,
            page: args::page(req),
        })
    }
}

pub async fn search(app: &App, SearchArgs { text, page }: SearchArgs) -> Result<Reply> {
    let Some(query) = search::Query::prepare(&app.db, text.as_str()).await? else {
        return user_err("Type at least one word to search for, e.g. /search text:Jeju.");
    };
    let matches = search::count(&app.db, &query).await?;
    let page = Page::of(page, matches.total);
    let hits = search::find(&app.db, &query, matches, Page::SIZE, page.offset()).await?;
    let mut table = Table::new(&["Record", "Title", "Match"], &[false, false, false]);
    for h in &hits {
        table.row(vec![
            format!("{} #{}", h.entity, h.id),
            h.title.clone(),
            h.snippet.replace('\n', " "),
        ]);
    }
    let footer = match (matches.broad, matches.common) {
        (true, _) => format!(
            "page {} of {} · over {} matches: the newest of each kind are shown; add words to narrow",
            page.page,
            page.pages,
            search::RANK_ALL_UP_TO
        ),
        (false, true) => format!(
            "{} · newest first (a word this common is not weighed)",
            page.label()
        ),
        (false, false) => page.label(),
    };
    let reply = Reply::new(format!("Search · {}", text.as_str()))
        .paged(page)
        .footer(footer);
    let reply = if hits.is_empty() {
        reply.text("Nothing matches; try fewer words, or end one with * to match its beginning (semicon*).")
    } else {
        reply.table(table)
    };
    Ok(reply.data(json!({
        "results": hits, "page": page.page, "pages": page.pages,
        "total": matches.total, "more": matches.broad, "newest_first": matches.common,
    })))
}
