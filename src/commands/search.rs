//! `/search`: one box over every kind of record, ranked by how well each matches.

use serde_json::json;

use super::App;
use super::args::{self, Args};
use crate::domain::Text;
use crate::domain::text::SEARCH_MAX;
use crate::error::{Result, user_err};
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
            text: Text::parse("text", req.text("text").unwrap_or_default(), SEARCH_MAX)?,
            page: args::page(req),
        })
    }
}

pub async fn search(app: &App, SearchArgs { text, page }: SearchArgs) -> Result<Reply> {
    let mut read = crate::store::read(&app.db).await?;
    let Some(query) = search::Query::prepare(&mut read, text.as_str()).await? else {
        return user_err("Type at least one word to search for, e.g. /search text:Jeju.");
    };
    let matches = search::count(&mut read, &query).await?;
    let page = Page::of(page, matches.total);
    let hits = search::find(&mut *read, &query, matches, Page::SIZE, page.offset()).await?;
    let mut table = Table::new(&["Record", "Title", "Match"], &[false, false, false]);
    for h in &hits {
        table.row(vec![
            format!("{} #{}", h.entity, h.id),
            h.title.clone(),
            h.snippet.replace('\n', " "),
        ]);
    }
    let footer = match (matches.broad, matches.common) {
        (true, _) => format!(
            "page {} of {} · over {} matches: the newest of each kind are shown; add words to narrow",
            page.page,
            page.pages,
            search::RANK_ALL_UP_TO
        ),
        (false, true) => format!(
            "{} · newest first (a word this common is not weighed)",
            page.label()
        ),
        (false, false) => page.label(),
    };
    let reply = Reply::new(format!("Search · {}", text.as_str()))
        .paged(page)
        .footer(footer);
    let reply = if hits.is_empty() {
        reply.text("Nothing matches; try fewer words, or end one with * to match its beginning (semicon*).")
    } else {
        reply.table(table)
    };
    Ok(reply.data(json!({
        "results": hits, "page": page.page, "pages": page.pages,
        "total": matches.total, "more": matches.broad, "newest_first": matches.common,
    })))
}
