//! `/export`, `/data import`, `/data audit`, `/data undo`.

use std::collections::BTreeMap;

use serde_json::json;

use super::{Actor, App};
use crate::error::{Result, user_err};
use crate::reply::{Attachment, Confirm, Page, Reply, Table};
use crate::request::{Request, Upload, Value};
use crate::store::Entity;
use crate::store::audit;
use crate::transfer::import::{self, Counts};
use crate::transfer::{Kind, export as out};

pub async fn export(app: &App, req: &Request) -> Result<Reply> {
    let kinds: Vec<Kind> = match req.text("what") {
        Some("all") | None => Kind::ALL.to_vec(),
        Some(k) => vec![Kind::parse(k).expect("the catalog lists only known kinds")],
    };
    let format = req.text("format").unwrap_or("csv");
    let mut parts = Vec::new();
    for k in &kinds {
        parts.push((*k, out::rows(&app.db, *k).await?));
    }
    let stamp = crate::domain::Day::today();
    let attachments = if format == "json" {
        let name = if kinds.len() == 1 {
            kinds[0].name()
        } else {
            "delegations"
        };
        vec![Attachment {
            filename: format!("{name}-{stamp}.json"),
            content_type: "application/json",
            bytes: out::to_json(&parts)?,
        }]
    } else {
        parts
            .iter()
            .map(|(k, rows)| {
                Ok(Attachment {
                    filename: format!("{}-{stamp}.csv", k.name()),
                    content_type: "text/csv",
                    bytes: out::to_csv(*k, rows)?,
                })
            })
            .collect::<Result<Vec<_>>>()?
    };
    let counts: Vec<String> = parts
        .iter()
        .map(|(k, rows)| format!("{} {}", rows.len(), k.name()))
        .collect();
    let files: Vec<_> = attachments
        .iter()
        .map(|a| json!({"name": a.filename, "bytes": a.bytes.len()}))
        .collect();
    let mut reply = Reply::new("Export")
        .text(format!("{} as {}. Import takes these files back as they are.", counts.join(", "), format.to_uppercase()))
        .data(json!({"files": files, "counts": parts.iter().map(|(k, r)| (k.name(), r.len())).collect::<BTreeMap<_, _>>()}));
    reply.attachments = attachments;
    Ok(reply)
}

fn counts_text(counts: &BTreeMap<Kind, Counts>) -> Vec<String> {
    counts
        .iter()
        .map(|(k, c)| {
            format!(
                "{}: {} new, {} changed, {} unchanged",
                k.name(),
                c.created,
                c.updated,
                c.unchanged
            )
        })
        .collect()
}

/// The name and bytes of the `file` option: a file uploaded with the command (Discord), or
/// a path typed in the console, read here.
fn read_file(req: &Request) -> Result<(String, Vec<u8>)> {
    let path = match req.file("file") {
        Some(Upload::Bytes { name, bytes }) => return Ok((name.clone(), bytes.to_vec())),
        Some(Upload::Path(path)) => path.as_str(),
        None => "",
    };
    let name = std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| path.to_string());
    match std::fs::metadata(path) {
        Ok(m) if m.len() as usize > import::MAX_BYTES => {
            return user_err(format!(
                "{name} is larger than {} MB; split it into smaller files.",
                import::MAX_BYTES / 1_000_000
            ));
        }
        Ok(m) if m.is_file() => {}
        _ => {
            return user_err(format!(
                "There is no file `{}`; give the path of a CSV or JSON file.",
                path.chars().take(100).collect::<String>()
            ));
        }
    }
    Ok((name, std::fs::read(path)?))
}

pub async fn import(
    app: &App,
    actor: &Actor,
    req: &Request,
    _progress: &crate::progress::Progress,
) -> Result<Reply> {
    let (name, bytes) = read_file(req)?;
    let items = import::parse(&name, &bytes)?;
    let total = items.len();
    let apply = req.flag("confirm");
    let (counts, batch) =
        import_items(app, actor, &name, items, "user", req.flag("force"), apply).await?;
    let lines = counts_text(&counts);
    let data = json!({"file": name, "records": total, "applied": apply, "batch": batch,
                      "counts": counts.iter().map(|(k, c)| (k.name(), c)).collect::<BTreeMap<_, _>>()});
    if apply {
        Ok(Reply::new(format!("Imported {name}"))
            .text(format!(
                "{}. /data undo takes the whole import back.",
                lines.join("; ")
            ))
            .data(data))
    } else {
        let mut reply = Reply::new(format!("Preview of {name}"))
            .text(format!(
                "{total} records read, all valid. Nothing is changed until you confirm."
            ))
            .field("Would change", lines.join("\n"))
            .data(data);
        reply.confirm = Some(Confirm {
            prompt: "Apply this import?".into(),
            request: req.with("confirm", Value::Bool(true)),
        });
        Ok(reply)
    }
}

/// Runs an import in one transaction; commits only when `apply`, so a preview is the
/// very same work rolled back. Returns the counts and the audit batch.
pub async fn import_items(
    app: &App,
    actor: &Actor,
    name: &str,
    items: Vec<import::Item>,
    dataset: &str,
    force: bool,
    apply: bool,
) -> Result<(BTreeMap<Kind, Counts>, Option<i64>)> {
    let mut tx = app.begin().await?;
    let batch = audit::begin(
        &mut tx,
        &actor.author(),
        "import",
        &format!("import {name}"),
    )
    .await?;
    let counts = import::apply(&app.db, &mut tx, batch, items, dataset, force).await?;
    let summary = format!("import {name} ({})", counts_text(&counts).join("; "));
    sqlx::query("UPDATE audit_batches SET summary = ? WHERE id = ?")
        .bind(&summary)
        .bind(batch)
        .execute(&mut **tx)
        .await?;
    if apply {
        tx.commit().await?;
        Ok((counts, Some(batch)))
    } else {
        tx.rollback().await?;
        Ok((counts, None))
    }
}

pub async fn audit(app: &App, req: &Request) -> Result<Reply> {
    match (req.text("entity"), req.int("id")) {
        (Some(entity), Some(id)) => {
            let entity = Entity::parse(entity).expect("the catalog lists only known entities");
            let entries = audit::history(&app.db, entity, id).await?;
            if entries.is_empty() {
                return user_err(format!(
                    "No change to {} #{id} is on record; check the number with /{}s list.",
                    entity.as_str(),
                    entity.as_str()
                ));
            }
            let mut table = Table::new(
                &["Change", "When", "Who", "What"],
                &[true, false, false, false],
            );
            for e in &entries {
                table.row(vec![
                    e.batch.to_string(),
                    e.at.clone(),
                    e.actor.clone(),
                    format!("{}: {}", e.action, e.changes.join("; ")),
                ]);
            }
            Ok(Reply::new(format!("History of {} #{id}", entity.as_str()))
                .table(table)
                .data(json!({"entries": entries})))
        }
        (None, Some(_)) | (Some(_), None) => user_err(
            "Give both `entity` and `id` for one record's history, e.g. /data audit entity:visit id:3, or neither for recent changes.",
        ),
        (None, None) => {
            let total = audit::count_batches(&app.db).await?;
            let page = Page::of(req.page(), total);
            let batches = audit::recent(&app.db, Page::SIZE, page.offset()).await?;
            let mut table = Table::new(
                &["Change", "When", "Who", "What", "Records"],
                &[true, false, false, false, true],
            );
            for b in &batches {
                let undone = b
                    .undone_by
                    .map(|u| format!(" (undone by #{u})"))
                    .unwrap_or_default();
                table.row(vec![
                    b.id.to_string(),
                    b.at.clone(),
                    b.actor.clone(),
                    format!("{}{undone}", b.summary),
                    b.records.to_string(),
                ]);
            }
            let reply = Reply::new("Recent changes")
                .paged(page)
                .footer(page.label());
            let reply = if batches.is_empty() {
                reply.text("No changes yet.")
            } else {
                reply.table(table)
            };
            Ok(reply.data(
                json!({"changes": batches, "page": page.page, "pages": page.pages, "total": total}),
            ))
        }
    }
}

pub async fn undo(app: &App, actor: &Actor) -> Result<Reply> {
    let mut tx = app.begin().await?;
    let undone = audit::undo_last(&mut tx, &actor.author()).await?;
    tx.commit().await?;
    Ok(Reply::new("Undone")
        .text(format!(
            "\"{}\" is reverted ({} record(s)). /data undo again reverts your change before it.",
            undone.summary, undone.records
        ))
        .data(
            json!({"undone": undone.batch, "summary": undone.summary, "records": undone.records}),
        ))
}
