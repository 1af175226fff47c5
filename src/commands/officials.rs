//! `/official history` and `/official show`.

use crate::catalog::arg;
use crate::i18n::format::choice;
use crate::t;
use serde_json::json;

use super::App;
use super::args::{self, Args, Bounds, Name};
use crate::error::Result;
use crate::reply::{Page, Reply, Table};
use crate::request::Request;
use crate::store::{self, meeting, official, post};

pub struct HistoryArgs {
    name: String,
    bounds: Bounds,
    page: i64,
}

impl Args for HistoryArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(HistoryArgs {
            name: req.text(arg::NAME).unwrap_or_default().to_string(),
            bounds: Bounds::read(req)?,
            page: args::page(req),
        })
    }
}

pub async fn history(app: &App, a: HistoryArgs) -> Result<Reply> {
    let mut read = store::read(&app.db).await?;
    let who = official::resolve(&mut read, &a.name).await?;
    let range = a.bounds.range;
    let total = meeting::count_with(&mut *read, who.id, range).await?;
    let page = Page::of(a.page, total);
    let rows = meeting::with(&mut *read, who.id, range, Page::SIZE, page.offset()).await?;
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let posts = post::posts_for_meetings(&mut read, &ids).await?;

    let mut table = Table::new(
        &[
            &t!("col-date"),
            &t!("col-as"),
            &t!("col-met"),
            &t!("col-place"),
            &t!("label-visit"),
        ],
        &[false, false, false, false, true],
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
        // The title each participant held on the day ("" where no post of theirs covers it).
        let held = posts.get(&id);
        let title_of = |name: &str| held.and_then(|h| h.get(name)).cloned().unwrap_or_default();
        let met: Vec<String> = counterparts
            .iter()
            .map(|c| match title_of(c) {
                t if t.is_empty() => crate::i18n::format::person(c),
                t => format!(
                    "{} ({})",
                    crate::i18n::format::person(c),
                    crate::i18n::format::title(&t)
                ),
            })
            .collect();
        let as_then = crate::i18n::format::title(&title_of(&who.name));
        let names = std::iter::once(&who.name).chain(counterparts.iter());
        let posts_json: serde_json::Map<String, serde_json::Value> =
            names.map(|n| (n.clone(), json!(title_of(n)))).collect();
        table.row(vec![
            date.clone(),
            as_then,
            met.join(", "),
            place
                .as_deref()
                .map(crate::i18n::format::place)
                .unwrap_or_default(),
            visit.map(|v| format!("#{v}")).unwrap_or_default(),
        ]);
        meetings.push(json!({"id": id, "date": date, "counterparts": counterparts, "place": place, "visit": visit,
                             "posts": posts_json}));
    }
    let mut reply = Reply::new(t!(
        "meetings-of",
        name = crate::i18n::format::person(&who.name)
    ))
    .paged(page)
    .footer(format!(
        "{} · {}",
        crate::i18n::format::range(&range),
        page.label()
    ));
    reply = if meetings.is_empty() {
        reply.text(t!("no-meetings-in-period"))
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
        generated,
        led,
        meetings,
        first,
        last,
        counterparts,
    } = official::profile(&mut conn, who.id).await?;
    let career = post::career(&mut *conn, who.id).await?;
    let career_lines: Vec<String> = career
        .iter()
        .map(|p| {
            let mut line = format!("#{} {}", p.id, crate::i18n::format::title(&p.title));
            if let Some(organization) = &p.organization {
                line.push_str(&format!(" · {organization}"));
            }
            if let Some(province) = &p.province {
                line.push_str(&format!(" · {}", crate::i18n::format::place(province)));
            }
            let from = p.from.as_deref().unwrap_or("?");
            match &p.to {
                Some(to) => {
                    line.push_str(&format!(" · {}", t!("span", from = from, to = to.as_str())))
                }
                None if p.from.is_some() => {
                    line.push_str(&format!(" · {}", t!("since", from = from)))
                }
                None => {}
            }
            line
        })
        .collect();

    let heading = match (&local_name, crate::i18n::format::person(&who.name)) {
        // 저우나이샹(周乃翔), not 저우나이샹(周乃翔) · 저우나이샹 when the record's name is Hangul.
        (_, said) if said != who.name && said.contains(&who.name) => said,
        (_, said) if said != who.name => format!("{said} · {}", who.name),
        (Some(l), _) => format!("{} ({l})", who.name),
        (None, _) => who.name.clone(),
    };
    let post = [
        title.as_deref().map(crate::i18n::format::title),
        organization.clone(),
        province.as_deref().map(crate::i18n::format::place),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let span = match (&first, &last) {
        (Some(f), Some(l)) => format!(" · {}", t!("span", from = f.as_str(), to = l.as_str())),
        _ => String::new(),
    };
    let top = counterparts
        .iter()
        .map(|(n, c)| format!("{} ({c})", crate::i18n::format::person(n)))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Reply::new(heading)
        .field(t!("field-post"), if post.is_empty() { "—".to_string() } else { post })
        .inline(t!("field-side"), choice(&country))
        .inline(t!("field-visits-led"), led.to_string())
        .inline(t!("field-meetings"), format!("{meetings}{span}"))
        .field(
            t!("field-career"),
            if career_lines.is_empty() {
                t!("no-posts")
            } else {
                career_lines.join("\n")
            },
        )
        .field(
            t!("field-aliases"),
            aliases
                .iter()
                .map(|a| match generated.contains(a) {
                    true => t!("generated-alias", alias = a.as_str()),
                    false => a.clone(),
                })
                .collect::<Vec<_>>()
                .join(", "),
        )
        .field(t!("field-counterparts"), if top.is_empty() { t!("none-recorded") } else { top })
        .data(json!({
            "id": who.id, "name": who.name, "local_name": local_name, "country": country, "title": title,
            "organization": organization, "province": province, "aliases": aliases, "generated": generated, "visits_led": led,
            "meetings": meetings, "first_meeting": first, "last_meeting": last,
            "counterparts": counterparts.iter().map(|(n, c)| json!({"name": n, "meetings": c})).collect::<Vec<_>>(),
            "posts": career,
        })))
}
