//! `/official history` and `/official show`.

use serde_json::json;

use super::App;
use crate::domain::DateRange;
use crate::error::Result;
use crate::reply::{Page, Reply, Table};
use crate::request::Request;
use crate::store::{meeting, official};

pub async fn history(app: &App, req: &Request) -> Result<Reply> {
    let who = official::resolve(
        &mut *app.db.acquire().await?,
        req.text("name").unwrap_or_default(),
    )
    .await?;
    let range = DateRange::from_bounds(req.date("from"), req.date("to"))?;
    let total = meeting::count_with(&app.db, who.id, range).await?;
    let page = Page::of(req.page(), total);
    let rows = meeting::with(&app.db, who.id, range, Page::SIZE, page.offset()).await?;

    let mut table = Table::new(
        &["Date", "Met", "Place", "Visit"],
        &[false, false, false, true],
    );
    let mut meetings = Vec::new();
    for meeting::WithOfficial {
        id,
        date,
        place,
        visit,
        others,
    } in rows
    {
        let counterparts: Vec<String> = others
            .map(|o| o.split("; ").map(String::from).collect())
            .unwrap_or_default();
        table.row(vec![
            date.clone(),
            counterparts.join(", "),
            place.clone().unwrap_or_default(),
            visit.map(|v| format!("#{v}")).unwrap_or_default(),
        ]);
        meetings.push(json!({"id": id, "date": date, "counterparts": counterparts, "place": place, "visit": visit}));
    }
    let mut reply = Reply::new(format!("Meetings of {}", who.name))
        .paged(page)
        .footer(format!("{range} · {}", page.label()));
    reply = if meetings.is_empty() {
        reply.text("No meetings recorded in this period.")
    } else {
        reply.table(table)
    };
    Ok(reply.data(json!({"official": who.name, "meetings": meetings, "page": page.page, "pages": page.pages, "total": total})))
}

pub async fn show(app: &App, req: &Request) -> Result<Reply> {
    let mut conn = app.db.acquire().await?;
    let who = official::resolve(&mut conn, req.text("name").unwrap_or_default()).await?;
    let (local_name, country, title, organization, province): (
        Option<String>,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    ) = sqlx::query_as(
        "SELECT o.local_name, o.country, o.title, o.organization, r.name FROM officials o
             LEFT JOIN regions r ON r.id = o.province_id WHERE o.id = ?",
    )
    .bind(who.id)
    .fetch_one(&mut *conn)
    .await?;
    let aliases: Vec<String> = sqlx::query_scalar(
        "SELECT alias FROM official_aliases WHERE official_id = ? ORDER BY alias",
    )
    .bind(who.id)
    .fetch_all(&mut *conn)
    .await?;
    let (led, meetings, first, last): (i64, i64, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM visits WHERE leader_id = ?1 AND deleted_at IS NULL),
                count(m.id),
                min(CASE m.date_precision WHEN 'month' THEN substr(m.date, 1, 7) ELSE m.date END),
                max(CASE m.date_precision WHEN 'month' THEN substr(m.date, 1, 7) ELSE m.date END)
         FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id AND m.deleted_at IS NULL
         WHERE mp.official_id = ?1",
    )
    .bind(who.id)
    .fetch_one(&mut *conn)
    .await?;
    let counterparts: Vec<(String, i64)> = sqlx::query_as(
        "SELECT o.name, count(*) AS n FROM meeting_participants mp
         JOIN meetings m ON m.id = mp.meeting_id AND m.deleted_at IS NULL
         JOIN meeting_participants other ON other.meeting_id = m.id AND other.official_id != mp.official_id
         JOIN officials o ON o.id = other.official_id
         WHERE mp.official_id = ? GROUP BY o.id ORDER BY n DESC, o.name LIMIT 5",
    )
    .bind(who.id)
    .fetch_all(&mut *conn)
    .await?;

    let heading = match &local_name {
        Some(l) => format!("{} ({l})", who.name),
        None => who.name.clone(),
    };
    let role = [title.clone(), organization.clone(), province.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let span = match (&first, &last) {
        (Some(f), Some(l)) => format!(" · {f} to {l}"),
        _ => String::new(),
    };
    let top = counterparts
        .iter()
        .map(|(n, c)| format!("{n} ({c})"))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Reply::new(heading)
        .field("Role", if role.is_empty() { "—".to_string() } else { role })
        .inline("Side", country.clone())
        .inline("Visits led", led.to_string())
        .inline("Meetings", format!("{meetings}{span}"))
        .field("Also known as", aliases.join(", "))
        .field("Most frequent counterparts", if top.is_empty() { "none recorded".into() } else { top })
        .data(json!({
            "id": who.id, "name": who.name, "local_name": local_name, "country": country, "title": title,
            "organization": organization, "province": province, "aliases": aliases, "visits_led": led,
            "meetings": meetings, "first_meeting": first, "last_meeting": last,
            "counterparts": counterparts.iter().map(|(n, c)| json!({"name": n, "meetings": c})).collect::<Vec<_>>(),
        })))
}
