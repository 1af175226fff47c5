//! `/forums list`, `/forums show`, and forum autocomplete.

use serde_json::json;

use super::App;
use super::args::{self, Args, Bounds, Id};
use crate::domain::{ForumKind, normalize};
use crate::error::{Result, user_err};
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
            kind: req.text("kind").map(ForumKind::parse).transpose()?,
            place: req.text("place").map(String::from),
            page: args::page(req),
        })
    }
}

pub async fn list(app: &App, a: ListArgs) -> Result<Reply> {
    let range = a.bounds.range;
    let filter = forum::ListFilter {
        range,
        kind: a.kind.map(|k| k.label().to_string()),
        place: a.place.map(|p| format!("%{}%", p.replace(['%', '_'], ""))),
        days_only: false,
    };
    let mut read = crate::store::read(&app.db).await?;
    let total = forum::count_listed(&mut *read, &filter).await?;
    let page = Page::of(a.page, total);
    let rows = forum::listed(&mut *read, &filter, Page::SIZE, page.offset()).await?;
    let mut table = Table::new(
        &["#", "Start", "Name", "Kind", "Place", "Delegations"],
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
            kind.clone(),
            place.clone().unwrap_or_default(),
            delegations.to_string(),
        ]);
        forums.push(json!({"id": id, "name": name, "kind": kind, "edition": edition, "start": start, "place": place, "delegations": delegations}));
    }
    let reply = Reply::new("Forums and conferences")
        .paged(page)
        .footer(format!("{range} · {}", page.label()));
    let reply = if forums.is_empty() {
        reply.text("No forums match; widen the dates or drop a filter.")
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
        return user_err(format!(
            "There is no forum #{id}; /forums list shows the numbers."
        ));
    };
    let delegations = forum::attended_by(&app.db, id).await?;
    let outcomes = crate::store::outcome::of_forum(&app.db, id).await?;
    let lines: Vec<String> = delegations
        .iter()
        .map(|(vid, start, prov, leader)| {
            format!(
                "Visit #{vid} · {} · {start}{}",
                prov.clone().unwrap_or_default(),
                leader
                    .as_ref()
                    .map(|l| format!(" · led by {l}"))
                    .unwrap_or_default()
            )
        })
        .collect();
    let dates = match &end {
        Some(e) if *e != start => format!("{start} to {e}"),
        _ => start.clone(),
    };
    let title = match &edition {
        Some(e) => format!("{name} ({e})"),
        None => name.clone(),
    };
    let mut reply = Reply::new(format!("Forum #{id} · {title}"))
        .inline("Kind", kind.clone())
        .inline("Dates", dates)
        .inline("Place", place.clone().unwrap_or_else(|| "—".into()))
        .field_opt("Organizer", organizer.clone())
        .field(
            "Delegations that attended",
            if lines.is_empty() {
                "none recorded".into()
            } else {
                lines.join("\n")
            },
        )
        .field("Outcomes", super::outcomes::brief_lines(&outcomes));
    if dataset != "user" {
        reply = reply.text(format!("This record is {dataset} data, not a real record."));
    }
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
