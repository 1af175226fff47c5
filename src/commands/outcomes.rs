//! `/outcomes list`, `/outcomes show`.

use crate::catalog::arg;
use crate::i18n::format::{choice, kind_said};
use crate::t;
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
            provinces: req.text(arg::PROVINCE).map(String::from),
            kind: req.choice(arg::KIND).map(OutcomeKind::parse).transpose()?,
            status: req
                .choice(arg::STATUS)
                .map(OutcomeStatus::parse)
                .transpose()?,
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
        &[
            "#",
            &t!("col-date"),
            &t!("col-kind"),
            &t!("col-title"),
            &t!("col-province"),
            &t!("col-amount"),
            &t!("col-status"),
        ],
        &[true, false, false, false, false, true, false],
    );
    for o in &items {
        table.row(vec![
            o.id.to_string(),
            o.date.clone(),
            choice(&o.kind),
            o.title.clone(),
            match (&o.provinces, &o.city) {
                (Some(p), _) => crate::i18n::format::place(p),
                (None, Some(c)) => crate::i18n::format::city(c),
                (None, None) => String::new(),
            },
            o.amount
                .as_ref()
                .map(crate::i18n::format::money)
                .unwrap_or_default(),
            choice(&o.status),
        ]);
    }
    let mut scope: Vec<String> = Vec::new();
    if !names.is_empty() {
        scope.push(crate::i18n::format::places(&names).join(", "));
    }
    if let Some(k) = a.kind {
        scope.push(choice(&k.to_string()));
    }
    if let Some(s) = a.status {
        scope.push(choice(&s.to_string()));
    }
    if a.bounds.given() {
        scope.push(crate::i18n::format::range(&range));
    }
    let title = if scope.is_empty() {
        t!("outcomes-title")
    } else {
        format!("{} · {}", t!("outcomes-title"), scope.join(" · "))
    };
    let reply = Reply::new(title).paged(page).footer(page.label());
    let reply = if items.is_empty() {
        reply.text(t!("no-outcomes-match"))
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
        Some(crate::i18n::format::places(&v.provinces).join(", ")).filter(|p| !p.is_empty()),
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
            Some(label) => {
                // The label names places in English (a visit's provinces first, a
                // meeting's place last): said again in the reader's words.
                use crate::i18n::format::place;
                let label = match (l.entity, label.split_once(" · "), label.rsplit_once(" · ")) {
                    ("visit", Some((provinces, rest)), _) => {
                        format!("{} · {rest}", place(provinces))
                    }
                    ("meeting", _, Some((date, at))) => format!("{date} · {}", place(at)),
                    _ => label.clone(),
                };
                format!("{} #{} · {label}", kind_said(l.entity), l.id)
            }
            None => t!("link-deleted", kind = kind_said(l.entity), id = l.id),
        })
        .collect();
    let reply = Reply::new(format!("{} #{} · {}", t!("outcome-label"), v.id, v.title))
        .field(t!("col-kind"), choice(&v.kind))
        .field(t!("col-date"), v.date.clone())
        .field(t!("col-status"), choice(&v.status))
        .field_opt(
            &t!("field-chinese-side"),
            Some(chinese).filter(|c| !c.is_empty()),
        )
        .field_opt(
            &t!("field-korean-side"),
            v.korean_side.as_deref().map(crate::i18n::format::place),
        )
        .field_opt(
            &t!("col-amount"),
            v.amount.as_ref().map(crate::i18n::format::money),
        )
        .field_opt(&t!("field-summary"), v.summary.clone())
        .field(
            t!("field-came-of"),
            if links.is_empty() {
                t!("came-of-nothing")
            } else {
                links.join("\n")
            },
        )
        .field(t!("field-sources"), super::checks::source_lines(&v.sources));
    let reply = super::record_footer(reply, v.last_change.as_ref(), v.version, &v.dataset);
    Ok(reply.data(serde_json::to_value(&v)?))
}

/// The lines of a visit's or forum's view that list its outcomes.
pub(super) fn brief_lines(outcomes: &[Brief]) -> String {
    if outcomes.is_empty() {
        return t!("none-recorded");
    }
    outcomes
        .iter()
        .map(|o| {
            let mut line = format!(
                "#{} {} · {} “{}” · {}",
                o.id,
                o.date,
                choice(&o.kind),
                o.title,
                choice(&o.status)
            );
            if let Some(m) = &o.amount {
                line.push_str(&format!(" · {}", crate::i18n::format::money(m)));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}
