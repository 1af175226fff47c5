//! `/visits monthly`, `/visits list`, `/visits show`.

use serde_json::json;

use super::args::{self, Args, Bounds, Id, Months};
use super::{App, checks};
use crate::domain::DateRange;
use crate::error::Result;
use crate::reply::{Chart, Page, Reply, Table};
use crate::report;
use crate::request::Request;
use crate::store::region::{self, Country};
use crate::store::{Entity, change, counts, official, visit};

pub struct MonthlyArgs {
    provinces: Option<String>,
    months: Months,
}

impl Args for MonthlyArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(MonthlyArgs {
            provinces: req.text("province").map(String::from),
            months: Months::read(req)?,
        })
    }
}

pub async fn monthly(app: &App, a: MonthlyArgs) -> Result<Reply> {
    let (ids, names) = checks::provinces_option(app, a.provinces.as_deref()).await?;
    let Months { from, to } = a.months;
    let len = from.count_to(to);
    let (prev_from, prev_to) = (from.plus(-len), from.plus(-1));
    let counts = counts::month_counts(&app.db, prev_from, to, &ids).await?;
    let previous_total = counts
        .iter()
        .filter(|(m, _)| *m <= prev_to.to_string())
        .map(|(_, n)| n)
        .sum();
    let summary = report::summarize(from, to, &counts, previous_total);
    let coverage = counts::coverage(&app.db, DateRange::months(from, to), &ids).await?;

    let max = summary
        .months
        .iter()
        .map(|c| c.visits)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut table = Table::new(&["Month", "Visits", ""], &[false, true, false]);
    for c in &summary.months {
        let bar = "█".repeat(((c.visits * 20 + max - 1) / max) as usize);
        table.row(vec![c.month.to_string(), c.visits.to_string(), bar]);
    }
    let scope = if names.is_empty() {
        "all provinces".to_string()
    } else {
        names.join(", ")
    };
    let busiest = summary
        .busiest
        .as_ref()
        .map(|b| {
            format!(
                "{} ({})",
                b.month,
                crate::commands::plural(b.visits, "visit")
            )
        })
        .unwrap_or_else(|| "—".into());
    Ok(Reply::new(format!("Visits per month · {scope}"))
        .text(format!(
            "{from} to {to} · a visit counts in the month it starts"
        ))
        .table(table)
        .inline("Total", summary.total.to_string())
        .inline("Mean per month", format!("{:.1}", summary.mean))
        .inline("Busiest month", busiest)
        .inline(
            format!("Change vs {prev_from} to {prev_to}"),
            report::change_text(&summary),
        )
        .footer(format!(
            "{from} to {to} · {scope} · {}",
            report::coverage_text(coverage)
        ))
        .chart(Chart {
            title: format!("Visits per month, {from} to {to}"),
            labels: summary.months.iter().map(|c| c.month.to_string()).collect(),
            values: summary.months.iter().map(|c| c.visits).collect(),
        })
        .data(json!({
            "from": from, "to": to, "provinces": names,
            "months": summary.months, "total": summary.total, "mean": summary.mean,
            "busiest": summary.busiest,
            "previous": {"from": prev_from, "to": prev_to, "total": summary.previous_total},
            "change_percent": summary.change_percent, "coverage": coverage,
        })))
}

pub struct ListArgs {
    provinces: Option<String>,
    city: Option<String>,
    place: Option<String>,
    official: Option<String>,
    bounds: Bounds,
    page: i64,
}

impl Args for ListArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(ListArgs {
            provinces: req.text("province").map(String::from),
            city: req.text("city").map(String::from),
            place: req.text("place").map(String::from),
            official: req.text("official").map(String::from),
            bounds: Bounds::read(req)?,
            page: args::page(req),
        })
    }
}

pub async fn list(app: &App, a: ListArgs) -> Result<Reply> {
    let (provinces, names) = checks::provinces_option(app, a.provinces.as_deref()).await?;
    let place = match &a.place {
        Some(p) => Some(region::resolve(&app.db, Country::Korea, p).await?),
        None => None,
    };
    let official = match &a.official {
        Some(name) => Some(official::resolve(&mut *app.db.acquire().await?, name).await?),
        None => None,
    };
    let range = a.bounds.range;
    let filter = visit::Filter {
        provinces,
        city: a.city.clone(),
        place: place.as_ref().map(|p| p.id),
        official: official.as_ref().map(|o| o.id),
        from: a.bounds.from.map(|_| range.from.to_string()),
        to: a.bounds.to.map(|_| range.to.to_string()),
    };
    // Filters by province and period alone are answered from the monthly counts; the
    // others are selective enough to count from the records.
    let mut read = crate::store::read(&app.db).await?;
    let (total, by_month) =
        if filter.city.is_none() && filter.place.is_none() && filter.official.is_none() {
            let c = counts::coverage(&mut *read, range, &filter.provinces).await?;
            (c.visits, c.by_month)
        } else {
            (visit::count(&mut *read, &filter).await?, 0)
        };
    let page = Page::of(a.page, total);
    let items = visit::list(&mut *read, &filter, Page::SIZE, page.offset()).await?;

    let mut table = Table::new(
        &["#", "Start", "Province", "Leader", "Places"],
        &[true, false, false, false, false],
    );
    let today = crate::domain::Day::today().to_string();
    let planned = |start: &str| start > today.as_str();
    for v in &items {
        table.row(vec![
            v.id.to_string(),
            if planned(&v.start) {
                format!("{} (planned)", v.start)
            } else {
                v.start.clone()
            },
            v.province.clone(),
            v.leader.clone().unwrap_or_default(),
            v.places().join(", "),
        ]);
    }
    let mut scope: Vec<String> = Vec::new();
    if !names.is_empty() {
        scope.push(names.join(", "));
    }
    if let Some(c) = &a.city {
        scope.push(format!("city {c}"));
    }
    if let Some(p) = &place {
        scope.push(format!("in {}", p.name));
    }
    if let Some(o) = &official {
        scope.push(format!("with {}", o.name));
    }
    if !range.is_open() || a.bounds.given() {
        scope.push(range.to_string());
    }
    let title = if scope.is_empty() {
        "Visits".to_string()
    } else {
        format!("Visits · {}", scope.join(" · "))
    };
    let mut footer = page.label();
    if by_month > 0 {
        footer.push_str(&format!(
            " · {} dated by month only, matched by their month",
            crate::commands::plural(by_month, "visit")
        ));
    }
    let reply = Reply::new(title).paged(page).footer(footer);
    let reply = if items.is_empty() {
        reply.text("No visits match; widen the filters or check /visits monthly.")
    } else {
        reply.table(table)
    };
    let data_items: Vec<_> = items
        .iter()
        .map(|v| {
            json!({"id": v.id, "province": v.province, "start": v.start, "end": v.end, "leader": v.leader,
                   "city": v.city, "places": v.places(), "planned": planned(&v.start)})
        })
        .collect();
    Ok(reply.data(
        json!({"visits": data_items, "page": page.page, "pages": page.pages, "total": total}),
    ))
}

pub async fn show(app: &App, Id(id): Id) -> Result<Reply> {
    let Some(view) = visit::view(&app.db, id).await? else {
        return Err(change::missing(Entity::Visit, id).into());
    };
    let v = &view;
    let outcomes = crate::store::outcome::of_visit(&app.db, id).await?;
    let mut dates = match &v.end {
        Some(end) => format!("{} to {}", v.start, end),
        None => v.start.clone(),
    };
    if v.planned {
        dates.push_str(" (planned: it has not started yet)");
    }
    let origin = [
        Some(v.provinces.join(", ")),
        v.city.clone(),
        v.level.clone().map(|l| format!("{l} level")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let meetings: Vec<String> = v
        .meetings
        .iter()
        .map(|m| {
            format!(
                "#{} {} · {}{}",
                m.id,
                m.date,
                m.officials.join(", "),
                m.place
                    .as_ref()
                    .map(|p| format!(" · {p}"))
                    .unwrap_or_default()
            )
        })
        .collect();
    let forums: Vec<String> = v
        .forums
        .iter()
        .map(|f| format!("#{} {} ({})", f.id, f.name, f.start))
        .collect();
    let mut reply = Reply::new(format!("Visit #{} · {}", v.id, v.provinces.join(", ")))
        .field("Origin", origin)
        .field("Dates", dates)
        .field("Leader", v.leader.clone().unwrap_or_else(|| "—".into()))
        .field("Korean places", v.places.join(", "))
        .field_opt("Purpose", v.purpose.clone())
        .field_opt("Delegation size", v.size.map(|s| s.to_string()))
        .field(
            "Meetings",
            if meetings.is_empty() {
                "none recorded".into()
            } else {
                meetings.join("\n")
            },
        )
        .field(
            "Forums",
            if forums.is_empty() {
                "none recorded".into()
            } else {
                forums.join("\n")
            },
        )
        .field("Outcomes", super::outcomes::brief_lines(&outcomes))
        .field("Sources", super::checks::source_lines(&v.sources));
    if let Some(change) = &v.last_change {
        reply = reply.footer(format!("last change {change} · version {}", v.version));
    }
    if v.dataset != "user" {
        reply = reply.text(format!(
            "This record is {} data, not a real record.",
            v.dataset
        ));
    }
    let mut data = serde_json::to_value(&view)?;
    data["outcomes"] = serde_json::to_value(&outcomes)?;
    Ok(reply.data(data))
}
