//! `/search`: one box over every kind of record, ranked by how well each matches.

use crate::catalog::arg;
use crate::msg;
use crate::t;
use serde_json::json;

use super::App;
use super::args::{self, Args};
use crate::domain::Text;
use crate::domain::text::SEARCH_MAX;
use crate::error::Result;
use crate::reply::{Page, Reply, Table};
use crate::request::Request;
use crate::store::search;

pub struct SearchArgs {
    text: Text,
    page: i64,
}

impl Args for SearchArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(SearchArgs {
            text: Text::parse("text", req.text(arg::TEXT).unwrap_or_default(), SEARCH_MAX)?,
            page: args::page(req),
        })
    }
}

/// A hit's title in the reader's words. The index keeps one English title per record
/// (`store::search::index`): "Visit #3 · Hainan · 2024-05-29", "Meeting #2 · 2024-06 ·
/// Seoul", "Oh Se-hoon (Mayor of Seoul)", "MOU on trade · mou · 2024-06"; its places,
/// people, titles and kinds are named again here, and the record's number, which the
/// first column gives, is not repeated.
fn shown_title(entity: &str, title: &str) -> String {
    use crate::i18n::format::{choice, person, place, title as office};
    let parts: Vec<&str> = title.split(" · ").collect();
    match (entity, parts.as_slice()) {
        ("visit", [_, provinces, rest @ ..]) => [place(provinces)]
            .into_iter()
            .chain(rest.iter().map(|r| r.to_string()))
            .collect::<Vec<_>>()
            .join(" · "),
        ("meeting", [_, date, at @ ..]) => [date.to_string()]
            .into_iter()
            .chain(at.iter().map(|p| place(p)))
            .collect::<Vec<_>>()
            .join(" · "),
        ("outcome", [named @ .., kind, date]) => {
            format!("{} · {} · {date}", named.join(" · "), choice(kind))
        }
        ("official", _) => match title.strip_suffix(')').and_then(|t| t.split_once(" (")) {
            Some((name, post)) => format!("{} ({})", person(name), office(post)),
            None => person(title),
        },
        _ => title.to_string(),
    }
}

pub async fn search(app: &App, SearchArgs { text, page }: SearchArgs) -> Result<Reply> {
    let mut read = crate::store::read(&app.db).await?;
    let Some(query) = search::Query::prepare(&mut read, text.as_str()).await? else {
        return Err(msg!("search-needs-word").into());
    };
    let matches = search::count(&mut read, &query).await?;
    let page = Page::of(page, matches.total);
    let hits = search::find(&mut *read, &query, matches, Page::SIZE, page.offset()).await?;
    let mut table = Table::new(
        &[&t!("col-record"), &t!("col-title"), &t!("col-match")],
        &[false, false, false],
    );
    for h in &hits {
        table.row(vec![
            format!(
                "{} #{}",
                crate::i18n::format::kind_said(&h.entity.to_string()),
                h.id
            ),
            shown_title(&h.entity, &h.title),
            h.snippet.replace('\n', " "),
        ]);
    }
    let footer = match (matches.broad, matches.common) {
        (true, _) => t!(
            "search-broad",
            page = page.page,
            pages = page.pages,
            over = search::RANK_ALL_UP_TO
        ),
        (false, true) => format!("{} · {}", page.label(), t!("search-common")),
        (false, false) => page.label(),
    };
    let reply = Reply::new(format!("{} · {}", t!("search-title"), text.as_str()))
        .paged(page)
        .footer(footer);
    let reply = if hits.is_empty() {
        reply.text(t!("search-nothing"))
    } else {
        reply.table(table)
    };
    Ok(reply.data(json!({
        "results": hits, "page": page.page, "pages": page.pages,
        "total": matches.total, "more": matches.broad, "newest_first": matches.common,
    })))
}
