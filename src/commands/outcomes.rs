//! `/outcomes list`, `/outcomes show`.

use serde_json::json;

use super::App;
use super::args::{self, Args, Bounds, Id};
use crate::domain::{OutcomeKind, OutcomeStatus};
use crate::error::Result;
use crate::reply::{Page, Reply, Table};
use crate::request::Request;
use crate::store::outcome::{self, Brief, Filter};
use crate::store::{Entity, change};

pub struct ListArgs {
    provinces: Option<String>,
    kind: Option<OutcomeKind>,
    status: Option<OutcomeStatus>,
    bounds: Bounds,
    page: i64,
}

impl Args for ListArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(ListArgs {
            provinces: req.text("province").map(String::from),
            kind: req.choice("kind").map(OutcomeKind::parse).transpose()?,
            status: req.choice("status").map(OutcomeStatus::parse).transpose()?,
            bounds: Bounds::read(req)?,
            page: args::page(req),
        })
    }
}

pub async fn list(app: &App, a: ListArgs) -> Result<Reply> {
    let (provinces, names) = super::checks::provinces_option(app, a.provinces.as_deref()).await?;
    let range = a.bounds.range;
    let filter = Filter {
        provinces,
        kind: a.kind,
        status: a.status,
        range,
    };
    let mut read = crate::store::read(&app.db).await?;
    let total = outcome::count(&mut *read, &filter).await?;
    let page = Page::of(a.page, total);
    let items = outcome::list(&mut *read, &filter, Page::SIZE, page.offset()).await?;

    let mut table = Table::new(
        &["#", "Date", "Kind", "Title", "Province", "Amount", "Status"],
        &[true, false, false, false, false, true, false],
    );
    for o in &items {
        table.row(vec![
            o.id.to_string(),
            o.date.clone(),
            o.kind.clone(),
            o.title.clone(),
            o.provinces.clone().or(o.city.clone()).unwrap_or_default(),
            o.amount.map(|m| m.to_string()).unwrap_or_default(),
            o.status.clone(),
        ]);
    }
    let mut scope: Vec<String> = Vec::new();
    if !names.is_empty() {
        scope.push(names.join(", "));
    }
    if let Some(k) = a.kind {
        scope.push(k.to_string());
    }
    if let Some(s) = a.status {
        scope.push(s.to_string());
    }
    if a.bounds.given() {
        scope.push(range.to_string());
    }
    let title = if scope.is_empty() {
        "Outcomes".to_string()
    } else {
        format!("Outcomes · {}", scope.join(" · "))
    };
    let reply = Reply::new(title).paged(page).footer(page.label());
    let reply = if items.is_empty() {
        reply.text("No outcomes match; widen the filters, or add one with /outcome add.")
    } else {
        reply.table(table)
    };
    Ok(reply.data(json!({
        "outcomes": items, "page": page.page, "pages": page.pages, "total": total,
    })))
}

pub async fn show(app: &App, Id(id): Id) -> Result<Reply> {
    let Some(v) = outcome::view(&app.db, id).await? else {
        return Err(change::missing(Entity::Outcome, id).into());
    };
    let chinese = [
        Some(v.provinces.join(", ")).filter(|p| !p.is_empty()),
        v.city.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let links: Vec<String> = v
        .links
        .iter()
        .map(|l| match &l.label {
            Some(label) => format!("{} #{} · {label}", l.entity, l.id),
            None => format!("{} #{} (deleted)", l.entity, l.id),
        })
        .collect();
    let mut reply = Reply::new(format!("Outcome #{} · {}", v.id, v.title))
        .field("Kind", v.kind.clone())
        .field("Date", v.date.clone())
        .field("Status", v.status.clone())
        .field_opt("Chinese side", Some(chinese).filter(|c| !c.is_empty()))
        .field_opt("Korean side", v.korean_side.clone())
        .field_opt("Amount", v.amount.map(|m| m.to_string()))
        .field_opt("Summary", v.summary.clone())
        .field(
            "Came of",
            if links.is_empty() {
                "no visit, meeting or forum recorded".into()
            } else {
                links.join("\n")
            },
        )
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
    Ok(reply.data(serde_json::to_value(&v)?))
}

/// The lines of a visit's or forum's view that list its outcomes.
pub(super) fn brief_lines(outcomes: &[Brief]) -> String {
    if outcomes.is_empty() {
        return "none recorded".into();
    }
    outcomes
        .iter()
        .map(|o| {
            let mut line = format!(
                "#{} {} · {} “{}” · {}",
                o.id, o.date, o.kind, o.title, o.status
            );
            if let Some(m) = o.amount {
                line.push_str(&format!(" · {m}"));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}
