//! `/data audit`, `/data undo`: what changed, and taking your own last change back.

use crate::catalog::arg;
use serde_json::json;

use super::args::Args;
use super::{Actor, App};
use crate::error::Result;
use crate::msg;
use crate::reply::{Page, Reply, Table};
use crate::request::Request;
use crate::store::Entity;
use crate::store::audit;

pub struct AuditArgs {
    /// One record's history, or (None) the recent changes.
    record: Option<(Entity, i64)>,
    page: i64,
}

impl Args for AuditArgs {
    fn read(req: &Request) -> Result<Self> {
        let record = match (req.text(arg::ENTITY), req.int(arg::ID)) {
            (Some(entity), Some(id)) => Some((
                Entity::parse(entity).expect("the catalog lists only known entities"),
                id,
            )),
            (None, None) => None,
            _ => {
                return Err(msg!("audit-needs-both").into());
            }
        };
        Ok(AuditArgs {
            record,
            page: super::args::page(req),
        })
    }
}

pub async fn audit(app: &App, a: AuditArgs) -> Result<Reply> {
    match a.record {
        Some((entity, id)) => {
            let entries = audit::history(&app.db, entity, id).await?;
            if entries.is_empty() {
                return Err(msg!(
                    "audit-no-history",
                    kind = kind(entity),
                    id = id,
                    kinds = entity.plural()
                )
                .into());
            }
            let mut table = Table::new(
                &[
                    &crate::t!("col-change"),
                    &crate::t!("col-when"),
                    &crate::t!("col-who"),
                    &crate::t!("col-what"),
                ],
                &[true, false, false, false],
            );
            for e in &entries {
                table.row(vec![
                    e.batch.to_string(),
                    crate::i18n::format::time(&e.at),
                    e.actor.clone(),
                    format!("{}: {}", e.action, e.changes.join("; ")),
                ]);
            }
            Ok(Reply::new(crate::t!(
                "history-of",
                kind = crate::i18n::format::kind_said(entity.as_str()),
                id = id
            ))
            .table(table)
            .data(json!({"entries": entries})))
        }
        None => {
            let mut read = crate::store::read(&app.db).await?;
            let total = audit::count_batches(&mut *read).await?;
            let page = Page::of(a.page, total);
            let batches = audit::recent(&mut *read, Page::SIZE, page.offset()).await?;
            let mut table = Table::new(
                &[
                    &crate::t!("col-change"),
                    &crate::t!("col-when"),
                    &crate::t!("col-who"),
                    &crate::t!("col-what"),
                    &crate::t!("col-records"),
                ],
                &[true, false, false, false, true],
            );
            for b in &batches {
                let undone = b
                    .undone_by
                    .map(|u| format!(" {}", crate::t!("undone-by", id = u)))
                    .unwrap_or_default();
                table.row(vec![
                    b.id.to_string(),
                    crate::i18n::format::time(&b.at),
                    b.actor.clone(),
                    format!("{}{undone}", crate::i18n::format::summary(&b.summary)),
                    b.records.to_string(),
                ]);
            }
            let reply = Reply::new(crate::t!("recent-changes"))
                .paged(page)
                .footer(page.label());
            let reply = if batches.is_empty() {
                reply.text(crate::t!("no-changes-yet"))
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
    let undone = crate::store::undo::undo_last(app.begin().await?, &actor.author()).await?;
    Ok(Reply::new(crate::t!("undone"))
        .text(crate::t!(
            "undo-text",
            summary = crate::i18n::format::summary(&undone.summary),
            records = undone.records
        ))
        .data(
            json!({"undone": undone.batch, "summary": undone.summary, "records": undone.records}),
        ))
}

/// A record kind as a sentence names it ("visit", "방문").
fn kind(entity: Entity) -> crate::error::Message {
    match entity {
        Entity::Visit => msg!("kind-visit"),
        Entity::Meeting => msg!("kind-meeting"),
        Entity::Forum => msg!("kind-forum"),
        Entity::Official => msg!("kind-official"),
        Entity::Outcome => msg!("kind-outcome"),
    }
}
