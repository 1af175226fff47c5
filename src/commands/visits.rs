//! `/visits monthly`, `/visits list`, `/visits show`.

use crate::catalog::arg;
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
use crate::t;

pub struct MonthlyArgs {
    provinces: Option<String>,
    months: Months,
}

impl Args for MonthlyArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(MonthlyArgs {
            provinces: req.text(arg::PROVINCE).map(String::from),
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
    let mut table = Table::new(
        &[&t!("col-month"), &t!("col-visits"), ""],
        &[false, true, false],
    );
    for c in &summary.months {
        let bar = "█".repeat(((c.visits * 20 + max - 1) / max) as usize);
        table.row(vec![c.month.to_string(), c.visits.to_string(), bar]);
    }
    let scope = if names.is_empty() {
        t!("all-provinces")
    } else {
        crate::i18n::format::places(&names).join(", ")
    };
    let busiest = busiest_month(summary.busiest.as_ref());
    let (from_s, to_s) = (from.to_string(), to.to_string());
    Ok(Reply::new(t!("monthly-title", scope = scope.as_str()))
        .text(t!(
            "monthly-text",
            from = from_s.as_str(),
            to = to_s.as_str()
        ))
        .table(table)
        .inline(t!("total"), summary.total.to_string())
        .inline(t!("mean-per-month"), format!("{:.1}", summary.mean))
        .inline(t!("busiest-month"), busiest)
        .inline(
            t!(
                "change-vs",
                from = prev_from.to_string(),
                to = prev_to.to_string()
            ),
            report::change_text(&summary),
        )
        .footer(format!(
            "{} · {scope} · {}",
            t!("span", from = from_s.as_str(), to = to_s.as_str()),
            report::coverage_text(coverage)
        ))
        .chart(Chart {
            title: t!(
                "chart-per-month",
                from = from_s.as_str(),
                to = to_s.as_str()
            ),
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
            provinces: req.text(arg::PROVINCE).map(String::from),
            city: req.text(arg::CITY).map(String::from),
            place: req.text(arg::PLACE).map(String::from),
            official: req.text(arg::OFFICIAL).map(String::from),
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
    let city = checks::city(&app.db, a.city.as_deref(), &provinces).await?;
    let filter = visit::Filter {
        provinces,
        city,
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
        &[
            "#",
            &t!("col-start"),
            &t!("col-province"),
            &t!("col-leader"),
            &t!("col-places"),
        ],
        &[true, false, false, false, false],
    );
    let today = crate::domain::Day::today().to_string();
    let planned = |start: &str| start > today.as_str();
    for v in &items {
        table.row(vec![
            v.id.to_string(),
            if planned(&v.start) {
                t!("start-planned", start = v.start.as_str())
            } else {
                v.start.clone()
            },
            crate::i18n::format::place(&v.province),
            crate::i18n::format::person(v.leader.as_deref().unwrap_or_default()),
            crate::i18n::format::places(&v.places()).join(", "),
        ]);
    }
    let mut scope: Vec<String> = Vec::new();
    if !names.is_empty() {
        scope.push(crate::i18n::format::places(&names).join(", "));
    }
    if let Some(c) = &a.city {
        scope.push(t!("scope-city", city = c));
    }
    if let Some(p) = &place {
        scope.push(t!(
            "scope-place",
            place = crate::i18n::format::place(&p.name)
        ));
    }
    if let Some(o) = &official {
        scope.push(t!(
            "scope-official",
            name = crate::i18n::format::person(&o.name)
        ));
    }
    if !range.is_open() || a.bounds.given() {
        scope.push(crate::i18n::format::range(&range));
    }
    let title = if scope.is_empty() {
        t!("visits-title")
    } else {
        format!("{} · {}", t!("visits-title"), scope.join(" · "))
    };
    let mut footer = page.label();
    if by_month > 0 {
        footer.push_str(&format!(" · {}", t!("visits-by-month", n = by_month)));
    }
    let reply = Reply::new(title).paged(page).footer(footer);
    let reply = if items.is_empty() {
        reply.text(t!("no-visits-match"))
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
        Some(end) => t!("span", from = v.start.as_str(), to = end.as_str()),
        None => v.start.clone(),
    };
    if v.planned {
        dates.push_str(&t!("planned-not-started"));
    }
    let origin = [
        Some(crate::i18n::format::places(&v.provinces).join(", ")),
        v.city.as_deref().map(crate::i18n::format::city),
        v.level
            .as_deref()
            .map(|l| t!("level-of", level = crate::i18n::format::choice(l))),
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
                crate::i18n::format::people(&m.officials.join(", ")),
                m.place
                    .as_deref()
                    .map(|p| format!(" · {}", crate::i18n::format::place(p)))
                    .unwrap_or_default()
            )
        })
        .collect();
    let forums: Vec<String> = v
        .forums
        .iter()
        .map(|f| format!("#{} {} ({})", f.id, f.name, f.start))
        .collect();
    let reply = Reply::new(format!(
        "{} #{} · {}",
        t!("visit-label"),
        v.id,
        crate::i18n::format::places(&v.provinces).join(", ")
    ))
    .field(t!("field-origin"), origin)
    .field(t!("field-dates"), dates)
    .field(
        t!("col-leader"),
        v.leader
            .as_deref()
            .map(crate::i18n::format::person)
            .unwrap_or_else(|| "—".into()),
    )
    .field(
        t!("field-korean-places"),
        crate::i18n::format::places(&v.places).join(", "),
    )
    .field_opt(&t!("field-purpose"), v.purpose.clone())
    .field_opt(&t!("field-size"), v.size.map(|s| s.to_string()))
    .field(
        t!("field-meetings"),
        if meetings.is_empty() {
            t!("none-recorded")
        } else {
            meetings.join("\n")
        },
    )
    .field(
        t!("field-forums"),
        if forums.is_empty() {
            t!("none-recorded")
        } else {
            forums.join("\n")
        },
    )
    .field(
        t!("field-outcomes"),
        super::outcomes::brief_lines(&outcomes),
    )
    .field(t!("field-sources"), super::checks::source_lines(&v.sources));
    let reply = super::record_footer(reply, v.last_change.as_ref(), v.version, &v.dataset);
    let mut data = serde_json::to_value(&view)?;
    data["outcomes"] = serde_json::to_value(&outcomes)?;
    Ok(reply.data(data))
}

/// "2024-03 (12 visits)", or a dash when no month had one.
pub(super) fn busiest_month(busiest: Option<&report::MonthCount>) -> String {
    busiest
        .map(|b| {
            t!(
                "month-with-visits",
                month = b.month.to_string(),
                n = b.visits
            )
        })
        .unwrap_or_else(|| "—".into())
}
