//! `/forums list`, `/forums show`, and forum autocomplete.

use crate::catalog::arg;
use crate::i18n::format::choice;
use crate::store::region::{self, Country};
use crate::t;
use serde_json::json;

use super::App;
use super::args::{self, Args, Bounds, Id};
use crate::domain::{ForumKind, normalize};
use crate::error::Result;
use crate::reply::{Page, Reply, Table};
use crate::request::Request;
use crate::store::forum;

pub struct ListArgs {
    bounds: Bounds,
    kind: Option<ForumKind>,
    place: Option<String>,
    page: i64,
}

impl Args for ListArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(ListArgs {
            bounds: Bounds::read(req)?,
            kind: req.text(arg::KIND).map(ForumKind::parse).transpose()?,
            place: req.text(arg::PLACE).map(String::from),
            page: args::page(req),
        })
    }
}

pub async fn list(app: &App, a: ListArgs) -> Result<Reply> {
    let range = a.bounds.range;
    // A place on record in any spelling (`제주`, `济州`) stands for its name.
    let place = match a.place {
        Some(p) => match region::resolve(&app.db, Country::Korea, &p).await {
            Ok(found) => Some(found.name),
            Err(_) => Some(p),
        },
        None => None,
    };
    let filter = forum::ListFilter {
        range,
        kind: a.kind.map(|k| k.label().to_string()),
        place: place.map(|p| format!("%{}%", p.replace(['%', '_'], ""))),
        days_only: false,
    };
    let mut read = crate::store::read(&app.db).await?;
    let total = forum::count_listed(&mut *read, &filter).await?;
    let page = Page::of(a.page, total);
    let rows = forum::listed(&mut *read, &filter, Page::SIZE, page.offset()).await?;
    let mut table = Table::new(
        &[
            "#",
            &t!("col-start"),
            &t!("col-name"),
            &t!("col-kind"),
            &t!("col-place"),
            &t!("col-delegations"),
        ],
        &[true, false, false, false, false, true],
    );
    let mut forums = Vec::new();
    for forum::Listed {
        id,
        name,
        kind,
        edition,
        start,
        place,
        delegations,
    } in rows
    {
        let full = match &edition {
            Some(e) => format!("{name} ({e})"),
            None => name.clone(),
        };
        table.row(vec![
            id.to_string(),
            start.clone(),
            full,
            choice(&kind),
            place
                .as_deref()
                .map(crate::i18n::format::place)
                .unwrap_or_default(),
            delegations.to_string(),
        ]);
        forums.push(json!({"id": id, "name": name, "kind": kind, "edition": edition, "start": start, "place": place, "delegations": delegations}));
    }
    let reply = Reply::new(t!("forums-title")).paged(page).footer(format!(
        "{} · {}",
        crate::i18n::format::range(&range),
        page.label()
    ));
    let reply = if forums.is_empty() {
        reply.text(t!("no-forums-match"))
    } else {
        reply.table(table)
    };
    Ok(reply
        .data(json!({"forums": forums, "page": page.page, "pages": page.pages, "total": total})))
}

pub async fn show(app: &App, Id(id): Id) -> Result<Reply> {
    let Some(forum::Shown {
        name,
        kind,
        edition,
        start,
        end,
        place,
        organizer,
        dataset,
    }) = forum::shown(&app.db, id).await?
    else {
        return Err(crate::store::change::missing(crate::store::Entity::Forum, id).into());
    };
    let delegations = forum::attended_by(&app.db, id).await?;
    let outcomes = crate::store::outcome::of_forum(&app.db, id).await?;
    let lines: Vec<String> = delegations
        .iter()
        .map(|(vid, start, prov, leader)| {
            format!(
                "{} #{vid} · {} · {start}{}",
                t!("label-visit"),
                crate::i18n::format::place(prov.as_deref().unwrap_or_default()),
                leader
                    .as_ref()
                    .map(|l| {
                        let name = crate::i18n::format::person(l);
                        format!(" · {}", t!("led-by", name = name))
                    })
                    .unwrap_or_default()
            )
        })
        .collect();
    let dates = match &end {
        Some(e) if *e != start => t!("span", from = start.as_str(), to = e.as_str()),
        _ => start.clone(),
    };
    let title = match &edition {
        Some(e) => format!("{name} ({e})"),
        None => name.clone(),
    };
    let reply = Reply::new(format!("{} #{id} · {title}", t!("label-forum")))
        .inline(t!("col-kind"), choice(&kind))
        .inline(t!("field-dates"), dates)
        .inline(
            t!("col-place"),
            place
                .as_deref()
                .map(crate::i18n::format::place)
                .unwrap_or_else(|| "—".into()),
        )
        .field_opt(&t!("field-organizer"), organizer.clone())
        .field(
            t!("field-attended"),
            if lines.is_empty() {
                t!("none-recorded")
            } else {
                lines.join("\n")
            },
        )
        .field(
            t!("field-outcomes"),
            super::outcomes::brief_lines(&outcomes),
        );
    let reply = super::record_footer(reply, None, 0, &dataset);
    Ok(reply.data(json!({
        "id": id, "name": name, "kind": kind, "edition": edition, "start": start, "end": end, "place": place,
        "organizer": organizer,
        "visits": delegations.iter().map(|(v, s, p, l)| json!({"id": v, "start": s, "province": p, "leader": l})).collect::<Vec<_>>(),
        "outcomes": outcomes,
    })))
}

/// "#12 Jeju Forum (19th) 2024-05-29" style choices, ranked by name.
pub async fn suggest(app: &App, input: &str) -> Result<Vec<String>> {
    let rows = forum::recent(&app.db, 2000).await?;
    let key = normalize(input.trim_start_matches('#'));
    let by_id = !key.is_empty() && key.chars().all(|c| c.is_ascii_digit());
    let pairs = rows
        .into_iter()
        .map(|(id, name, edition, start)| {
            let label = format!(
                "#{id} {name}{} {start}",
                edition.map(|e| format!(" ({e})")).unwrap_or_default()
            );
            (
                if by_id {
                    id.to_string()
                } else {
                    normalize(&name)
                },
                label,
            )
        })
        .collect();
    Ok(crate::store::region::rank(&key, pairs))
}
