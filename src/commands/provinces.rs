//! `/provinces`: every province's visits, meetings and outcomes over a period, ranked.

use crate::t;
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
        &[
            &t!("col-province"),
            &t!("col-visits"),
            &t!("col-meetings"),
            &t!("col-forums"),
            &t!("col-outcomes"),
        ],
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
            crate::i18n::format::place(&p.province),
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
            crate::i18n::format::place(name),
            "0".into(),
            "0".into(),
            "0".into(),
            n.to_string(),
        ]);
    }
    let reply = Reply::new(t!("provinces-title")).footer(format!(
        "{} · {} · {}",
        crate::i18n::format::range(&range),
        t!("joint-counts"),
        report::coverage_text(coverage)
    ));
    // The chart ranks the 15 provinces with most visits (names, not months: drawn as
    // horizontal bars, each named); provinces with meetings or forums only have no bar.
    let charted: Vec<_> = ranks.iter().filter(|p| p.visits > 0).take(15).collect();
    let reply = if rows.is_empty() {
        reply.text(t!("no-activity"))
    } else if charted.is_empty() {
        reply.table(table)
    } else {
        reply.table(table).chart(Chart {
            title: t!(
                "chart-by-province",
                range = crate::i18n::format::range(&range)
            ),
            labels: charted
                .iter()
                .map(|p| crate::i18n::format::place(&p.province))
                .collect(),
            values: charted.iter().map(|p| p.visits).collect(),
        })
    };
    Ok(reply.data(json!({"from": range.from, "to": range.to, "provinces": rows})))
}
