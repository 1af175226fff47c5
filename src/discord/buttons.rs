//! Page, confirm and cancel buttons. What a button stands for is kept in the state database
//! (`store::state`), so buttons keep working after a restart. Every click is acknowledged
//! first (type 6) and its message edited afterwards.

use crate::catalog::arg;
use serenity::all::{ComponentInteraction, Context, MessageFlags};

use super::components::expired;
use super::handler::Handler;
use super::respond::{Message, Responder};
use crate::catalog::CommandId;
use crate::commands::Actor;
use crate::error::Result;
use crate::request::{Request, Upload, Value};

impl Handler {
    pub(super) async fn component(&self, ctx: &Context, c: &ComponentInteraction) -> Result<()> {
        let actor = self.gate.actor(&c.user, c.member.as_ref());
        let ephemeral = c
            .message
            .flags
            .is_some_and(|f| f.contains(MessageFlags::EPHEMERAL));
        // Edit answers with a form, which must be the first response.
        if let Some(id) = super::components::edit_id(&c.data.custom_id) {
            return self.draft_form(ctx, c, id).await;
        }
        let mut r = Responder::new(ctx.http.clone(), c.id, &c.token, c.attachment_size_limit);
        r.defer_update(ephemeral).await?;
        match self.click(&mut r, &actor, &c.data.custom_id).await {
            Ok(()) => Ok(()),
            Err(e) => r.refuse(e).await,
        }
    }

    /// `page:{state}:{page}`, `confirm:{state}`, `cancel:{state}`.
    async fn click(&self, r: &mut Responder, actor: &Actor, custom_id: &str) -> Result<()> {
        let mut parts = custom_id.split(':');
        let kind = parts.next().unwrap_or("");
        let id = parts
            .next()
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0);
        let wanted = if kind == "page" { "page" } else { "confirm" };
        let Some(saved) = self.app.recall(id).await?.filter(|s| s.kind == wanted) else {
            return r.notice(&expired()).await;
        };
        let upload = saved
            .file
            .clone()
            .map(|(name, bytes)| Upload::bytes(name, bytes));
        let req = Request::from_json(&saved.request, upload)?;
        match kind {
            "page" => {
                let page = parts
                    .next()
                    .and_then(|p| p.parse::<i64>().ok())
                    .unwrap_or(1)
                    .max(1);
                let req = req.with(arg::PAGE, Value::Int(page));
                let result = self.app.handle(actor, &req).await;
                self.finish(r, actor, &req, result).await
            }
            "confirm" | "cancel" if saved.user_id != actor.id => {
                r.notice(&crate::t!("only-asker-confirms")).await
            }
            // Forgetting is the claim: a second click must not apply a change twice.
            _ if !self.app.forget(id).await? => r.notice(&expired()).await,
            "cancel" if req.spec.id == CommandId::RecordDraft => {
                r.answer(Message::text(crate::t!("discarded")), true).await
            }
            "cancel" => r.answer(Message::text(crate::t!("cancelled")), true).await,
            "confirm" => {
                r.answer(Message::text(crate::t!("applying")), true).await?;
                let result = self.run(r, actor, &req).await;
                self.finish(r, actor, &req, result).await
            }
            _ => Ok(()),
        }
    }
}
