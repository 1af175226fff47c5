//! `/forums list`, `/forums show`, and forum autocomplete.

use serde_json::json;

use super::App;
use crate::domain::{DateRange, ForumKind, normalize};
use crate::error::{Result, user_err};
use crate::reply::{Page, Reply, Table};
use crate::request::Request;

#[derive(sqlx::FromRow)]
struct ListRow {
    id: i64,
    name: String,
    kind: String,
    edition: Option<String>,
    start: String,
    place: Option<String>,
    delegations: i64,
}

#[derive(sqlx::FromRow)]
struct ShowRow {
    name: String,
    kind: String,
    edition: Option<String>,
    start: String,
    end: Option<String>,
    place: Option<String>,
    organizer: Option<String>,
    dataset: String,
}

pub async fn list(app: &App, req: &Request) -> Result<Reply> {
    let range = DateRange::from_bounds(req.date("from"), req.date("to"))?;
    let kind = req
        .text("kind")
        .map(ForumKind::parse)
        .transpose()?
        .map(|k| k.label());
    let place = req
        .text("place")
        .map(|p| format!("%{}%", p.replace(['%', '_'], "")));
    const WHERE: &str =
        "f.deleted_at IS NULL AND f.start_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR f.kind = ?3)
                         AND (?4 IS NULL OR f.place LIKE ?4)";
    let (from, to) = (range.from.to_string(), range.to.to_string());
    let total: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM forums f WHERE {WHERE}"
    )))
    .bind(&from)
    .bind(&to)
    .bind(kind)
    .bind(&place)
    .fetch_one(&app.db)
    .await?;
    let page = Page::of(req.page(), total);
    let rows: Vec<ListRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT f.id, f.name, f.kind, f.edition,
                CASE f.start_precision WHEN 'month' THEN substr(f.start_date, 1, 7) ELSE f.start_date END AS start, f.place,
                (SELECT count(*) FROM forum_visits fv JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL
                 WHERE fv.forum_id = f.id) AS delegations
         FROM forums f WHERE {WHERE} ORDER BY f.start_date DESC, f.id DESC LIMIT ?5 OFFSET ?6"
    )))
    .bind(&from)
    .bind(&to)
    .bind(kind)
    .bind(&place)
    .bind(Page::SIZE)
    .bind(page.offset())
    .fetch_all(&app.db)
    .await?;
    let mut table = Table::new(
        &["#", "Start", "Name", "Kind", "Place", "Delegations"],
        &[true, false, false, false, false, true],
    );
    let mut forums = Vec::new();
    for ListRow {
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

pub async fn show(app: &App, req: &Request) -> Result<Reply> {
    let id = req.int("id").unwrap_or_default();
    let row: Option<ShowRow> = sqlx::query_as(
        "SELECT name, kind, edition, CASE start_precision WHEN 'month' THEN substr(start_date, 1, 7) ELSE start_date END AS start,
                CASE end_precision WHEN 'month' THEN substr(end_date, 1, 7) ELSE end_date END AS \"end\",
                place, organizer, dataset FROM forums WHERE id = ? AND deleted_at IS NULL",
    )
    .bind(id)
    .fetch_optional(&app.db)
    .await?;
    let Some(ShowRow {
        name,
        kind,
        edition,
        start,
        end,
        place,
        organizer,
        dataset,
    }) = row
    else {
        return user_err(format!(
            "There is no forum #{id}; /forums list shows the numbers."
        ));
    };
    let delegations: Vec<(i64, String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT v.id, CASE v.start_precision WHEN 'month' THEN substr(v.start_date, 1, 7) ELSE v.start_date END,
                (SELECT group_concat(r.name, ', ') FROM visit_provinces p JOIN regions r ON r.id = p.region_id WHERE p.visit_id = v.id),
                o.name
         FROM forum_visits fv JOIN visits v ON v.id = fv.visit_id AND v.deleted_at IS NULL
         LEFT JOIN officials o ON o.id = v.leader_id WHERE fv.forum_id = ? ORDER BY v.start_date, v.id",
    )
    .bind(id)
    .fetch_all(&app.db)
    .await?;
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
        );
    if dataset != "user" {
        reply = reply.text(format!("This record is {dataset} data, not a real record."));
    }
    Ok(reply.data(json!({
        "id": id, "name": name, "kind": kind, "edition": edition, "start": start, "end": end, "place": place,
        "organizer": organizer,
        "visits": delegations.iter().map(|(v, s, p, l)| json!({"id": v, "start": s, "province": p, "leader": l})).collect::<Vec<_>>(),
    })))
}

/// "#12 Jeju Forum (19th) 2024-05-29" style choices, ranked by name.
pub async fn suggest(app: &App, input: &str) -> Result<Vec<String>> {
    let rows: Vec<(i64, String, Option<String>, String)> = sqlx::query_as(
        "SELECT id, name, edition, start_date FROM forums WHERE deleted_at IS NULL ORDER BY start_date DESC LIMIT 2000",
    )
    .fetch_all(&app.db)
    .await?;
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
