//! `/provinces`: every province's visits, meetings and outcomes over a period, ranked.

use serde_json::json;

use super::App;
use super::args::Bounds;
use crate::error::Result;
use crate::reply::{Chart, Reply, Table};
use crate::report;
use crate::store::counts;

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
