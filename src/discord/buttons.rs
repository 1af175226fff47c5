//! Page, confirm and cancel buttons. What a button stands for is kept in the database
//! (`state`), so buttons keep working after a restart.

use serenity::all::{
    ComponentInteraction, Context, CreateInteractionResponse, CreateInteractionResponseMessage,
};

use super::handler::Handler;
use super::{render, state};
use crate::error::{Result, UserError};
use crate::request::{Request, Value};

impl Handler {
    pub(super) async fn component(&self, ctx: &Context, c: &ComponentInteraction) -> Result<()> {
        let actor = self.gate.actor(&c.user, c.member.as_ref());
        let mut parts = c.data.custom_id.split(':');
        let kind = parts.next().unwrap_or("");
        let state_id = parts
            .next()
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0);
        let update = |msg: CreateInteractionResponseMessage| {
            CreateInteractionResponse::UpdateMessage(msg.allowed_mentions(render::no_mentions()))
        };
        let wanted = if kind == "page" { "page" } else { "confirm" };
        let Some(saved) = state::load(&self.app.db, state_id)
            .await?
            .filter(|s| s.kind == wanted)
        else {
            let msg = CreateInteractionResponseMessage::new()
                .content("These buttons have expired; run the command again.")
                .components(vec![]);
            c.create_response(&ctx.http, update(msg)).await?;
            return Ok(());
        };
        let outcome = match kind {
            "page" => {
                let page = parts
                    .next()
                    .and_then(|p| p.parse::<i64>().ok())
                    .unwrap_or(1)
                    .max(1);
                let req = Request::parse_line(&saved.line)?.with("page", Value::Int(page));
                self.app.handle(&actor, &req).await.map(|r| (r, req))
            }
            "confirm" | "cancel" if saved.user_id != actor.id => {
                Err(UserError::new("Only the person who asked can confirm or cancel this.").into())
            }
            "cancel" => {
                state::forget(&self.app.db, state_id).await?;
                let msg = CreateInteractionResponseMessage::new()
                    .content("Cancelled; nothing was changed.")
                    .embeds(vec![])
                    .components(vec![]);
                c.create_response(&ctx.http, update(msg)).await?;
                return Ok(());
            }
            "confirm" => {
                // Forget first: a double click must not apply a change twice.
                state::forget(&self.app.db, state_id).await?;
                let req = Request::parse_line(&saved.line)?;
                self.app.handle(&actor, &req).await.map(|r| (r, req))
            }
            _ => return Ok(()),
        };
        match outcome {
            Ok((reply, req)) => {
                let msg = self.message_from(&reply, &req, &actor).await?.content("");
                c.create_response(&ctx.http, update(msg)).await?;
            }
            Err(e) => {
                let msg = CreateInteractionResponseMessage::new()
                    .content(self.error_text(e, c.id.get()))
                    .ephemeral(true)
                    .allowed_mentions(render::no_mentions());
                c.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                    .await?;
            }
        }
        Ok(())
    }
}
