//! `/record official post|post-remove`: an official's posts over time. A post is part of
//! its official's record, so each is an audited change to the official that undo reverts.

use crate::catalog::arg;
use serde_json::json;

use super::args::Args;
use super::{Actor, App, checks};
use crate::domain::FlexDate;
use crate::domain::text::typed;
use crate::error::Result;
use crate::reply::Reply;
use crate::request::Request;
use crate::store::change::Titles;
use crate::store::{official, post};

pub struct AddArgs {
    name: String,
    post: post::Fields,
    province: Option<String>,
}

impl Args for AddArgs {
    fn read(req: &Request) -> Result<Self> {
        let from: Option<FlexDate> = req.date(arg::FROM);
        Ok(AddArgs {
            name: req.text(arg::NAME).unwrap_or_default().to_string(),
            post: post::Fields {
                title: req.text(arg::TITLE).unwrap_or_default().to_string(),
                organization: req.text(arg::ORGANIZATION).map(String::from),
                province_id: None,
                from,
                to: req.date(arg::TO),
            },
            province: req.text(arg::PROVINCE).map(String::from),
        })
    }
}

/// "Party Secretary of Qinghai · 2022-04 to 2022-12", in English as the audit log keeps it.
fn describe(p: &post::Fields) -> String {
    let to = p.to.map_or("now".to_string(), |t| t.to_string());
    let from = p
        .from
        .map_or("an unknown date".to_string(), |f| f.to_string());
    format!("{} · {from} to {to}", p.title)
}

/// `describe` in the reader's language, as the reply says it.
fn describe_said(p: &post::Fields) -> String {
    let to =
        p.to.map_or_else(|| crate::t!("date-now"), |t| t.to_string());
    let from = p
        .from
        .map_or_else(|| crate::t!("date-unknown"), |f| f.to_string());
    format!("{} · {}", p.title, crate::t!("span", from = from, to = to))
}

pub async fn add(app: &App, actor: &Actor, mut a: AddArgs) -> Result<Reply> {
    if let Some(p) = &a.province {
        a.post.province_id = Some(checks::province(&app.db, p).await?);
    }
    let mut change = app.change(actor, "update", "add post").await?;
    let who = official::resolve(&mut change, &a.name).await?;
    let what = describe(&a.post);
    change
        .summarize(&format!("add post {what} to {}", who.name))
        .await?;
    let (id, titles) = change
        .add_post(who.id, &a.post, crate::clock::today())
        .await?;
    let title_now = title_note(titles);
    change.commit().await?;
    Ok(
        Reply::new(crate::t!("post-added", id = id, name = who.name.as_str()))
            .text(crate::t!(
                "post-added-text",
                post = describe_said(&a.post),
                notes = title_now,
                typed = typed("name", &who.name)
            ))
            .data(json!({"id": id, "official": who.id})),
    )
}

pub struct RemoveArgs {
    name: String,
    id: i64,
}

impl Args for RemoveArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(RemoveArgs {
            name: req.text(arg::NAME).unwrap_or_default().to_string(),
            id: req.int(arg::ID).expect("required by the catalog"),
        })
    }
}

pub async fn remove(app: &App, actor: &Actor, a: RemoveArgs) -> Result<Reply> {
    let mut change = app.change(actor, "update", "remove post").await?;
    let who = official::resolve(&mut change, &a.name).await?;
    let (row, titles) = change
        .remove_post(who.id, a.id, crate::clock::today())
        .await?;
    let title_now = title_note(titles);
    change
        .summarize(&format!(
            "remove post #{} {} from {}",
            a.id, row.title, who.name
        ))
        .await?;
    change.commit().await?;
    Ok(Reply::new(crate::t!(
        "post-removed",
        id = a.id,
        name = who.name.as_str()
    ))
    .text(crate::t!(
        "undo-puts-back",
        what = row.title.as_str(),
        notes = title_now
    ))
    .data(json!({"id": a.id, "official": who.id})))
}

/// " Their title is now X." when a change of posts changed the title they hold today.
pub(crate) fn title_note(Titles { before, now }: Titles) -> String {
    if before == now {
        return String::new();
    }
    match now {
        Some(title) => format!(" {}", crate::t!("title-now", title = title)),
        None => format!(" {}", crate::t!("title-none")),
    }
}
