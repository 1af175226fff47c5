//! `/official history` and `/official show`.

use serde_json::json;

use super::App;
use super::args::{self, Args, Bounds, Name};
use crate::error::Result;
use crate::reply::{Page, Reply, Table};
use crate::request::Request;
use crate::store::{meeting, official};

pub struct HistoryArgs {
    name: String,
    bounds: Bounds,
    page: i64,
}

impl Args for HistoryArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(HistoryArgs {
            name: req.text("name").unwrap_or_default().to_string(),
            bounds: Bounds::read(req)?,
            page: args::page(req),
        })
    }
}

pub async fn history(app: &App, a: HistoryArgs) -> Result<Reply> {
    let who = official::resolve(&mut *app.db.acquire().await?, &a.name).await?;
    let range = a.bounds.range;
    let total = meeting::count_with(&app.db, who.id, range).await?;
    let page = Page::of(a.page, total);
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

pub async fn show(app: &App, Name(name): Name) -> Result<Reply> {
    let mut conn = app.db.acquire().await?;
    let who = official::resolve(&mut conn, &name).await?;
    let official::Profile {
        local_name,
        country,
        title,
        organization,
        province,
        aliases,
        led,
        meetings,
        first,
        last,
        counterparts,
    } = official::profile(&mut conn, who.id).await?;

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
