//! `/export`: records as CSV files (one per kind) or one JSON file, with this database's
//! identity, so that an import can tell its own records from another database's.

use crate::catalog::arg;
use std::collections::BTreeMap;

use serde_json::json;

use super::App;
use super::args::Args;
use crate::error::Result;
use crate::reply::{Attachment, Reply};
use crate::request::Request;
use crate::store;
use crate::transfer::{Entity, Headers, export as out};

pub struct ExportArgs {
    kinds: Vec<Entity>,
    json: bool,
    /// The language of the CSV files' header row (JSON keys are always the column names).
    headers: Headers,
}

impl Args for ExportArgs {
    fn read(req: &Request) -> Result<Self> {
        Ok(ExportArgs {
            kinds: match req.text(arg::WHAT) {
                Some("all") | None => Entity::ALL.to_vec(),
                Some(k) => vec![Entity::parse(k).expect("the catalog lists only known kinds")],
            },
            json: req.text(arg::FORMAT) == Some("json"),
            headers: req.text(arg::HEADERS).map_or(Headers::En, |h| {
                Headers::parse(h).expect("the catalog lists only known languages")
            }),
        })
    }
}

pub async fn export(
    app: &App,
    ExportArgs {
        kinds,
        json,
        headers,
    }: ExportArgs,
) -> Result<Reply> {
    let mut conn = app.db.acquire().await?;
    let identity = store::identity(&mut conn).await?;
    let mut parts = Vec::new();
    for k in &kinds {
        parts.push((*k, out::rows(&mut conn, *k, None).await?));
    }
    drop(conn);
    let stamp = crate::domain::Day::today();
    let counts: BTreeMap<&str, usize> = parts.iter().map(|(k, r)| (k.plural(), r.len())).collect();
    // Building a large file is CPU work: off the async runtime.
    let json_format = json;
    let attachments = tokio::task::spawn_blocking(move || -> Result<Vec<Attachment>> {
        if json_format {
            let name = match kinds.as_slice() {
                [one] => one.plural(),
                _ => "delegations",
            };
            return Ok(vec![Attachment {
                filename: format!("{name}-{stamp}.json"),
                content_type: "application/json",
                bytes: out::to_json(&parts, &identity)?,
            }]);
        }
        parts
            .iter()
            .map(|(k, rows)| {
                Ok(Attachment {
                    filename: format!("{}-{stamp}.csv", k.plural()),
                    content_type: "text/csv",
                    bytes: out::to_csv(*k, rows, &identity, headers)?,
                })
            })
            .collect()
    })
    .await
    .map_err(anyhow::Error::new)??;
    let files: Vec<_> = attachments
        .iter()
        .map(|a| json!({"name": a.filename, "bytes": a.bytes.len()}))
        .collect();
    let summary: Vec<String> = Entity::ALL
        .iter()
        .filter_map(|k| {
            counts
                .get(k.plural())
                .map(|n| crate::i18n::format::count(k.as_str(), *n as i64))
        })
        .collect();
    let mut reply = Reply::new(crate::t!("export-title"))
        .text(crate::t!(
            "export-text",
            counts = summary.join(", "),
            format = if json_format { "JSON" } else { "CSV" }
        ))
        .data(json!({"files": files, "counts": counts}));
    reply.attachments = attachments;
    Ok(reply)
}
