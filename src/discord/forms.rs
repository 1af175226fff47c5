//! `/record visit edit id:N` alone opens a form prefilled with the visit; submitting it
//! edits what changed, guarded by the version the form was opened with.

use serenity::all::{
    ActionRowComponent, CommandInteraction, Context, CreateActionRow, CreateInputText,
    CreateInteractionResponse, CreateInteractionResponseMessage, CreateModal, InputTextStyle,
    ModalInteraction,
};

use super::handler::Handler;
use super::render;
use crate::catalog::CommandId;
use crate::commands::Actor;
use crate::error::{Result, UserError};
use crate::request::Request;

impl Handler {
    /// `/record visit edit id:N` with nothing to change opens a form with the current values.
    pub(super) async fn edit_modal(
        &self,
        ctx: &Context,
        cmd: &CommandInteraction,
        id: i64,
    ) -> Result<()> {
        let data = match self
            .app
            .run_line(
                &Actor {
                    id: String::new(),
                    name: String::new(),
                    moderator: false,
                },
                &format!("/visits show id:{id}"),
            )
            .await
        {
            Ok(r) => r.data,
            Err(e) => return self.respond_error(ctx, cmd, e).await,
        };
        let input = |key: &str, label: &str, style: InputTextStyle, max: u16| {
            let mut t = CreateInputText::new(style, label, key)
                .required(key == "start")
                .max_length(max);
            let v = shown(&data[key]);
            if !v.is_empty() {
                t = t.value(v);
            }
            CreateActionRow::InputText(t)
        };
        let modal = CreateModal::new(
            format!("edit-visit:{id}:{}", data["version"]),
            render::cut(&format!("Edit visit #{id}"), 45),
        )
        .components(vec![
            input(
                "start",
                "Start (YYYY-MM-DD or YYYY-MM)",
                InputTextStyle::Short,
                10,
            ),
            input("end", "End (empty: none)", InputTextStyle::Short, 10),
            input(
                "places",
                "Korean places, comma-separated",
                InputTextStyle::Paragraph,
                1000,
            ),
            input("purpose", "Purpose", InputTextStyle::Paragraph, 1000),
            input("size", "Delegation size", InputTextStyle::Short, 5),
        ]);
        cmd.create_response(&ctx.http, CreateInteractionResponse::Modal(modal))
            .await?;
        Ok(())
    }

    pub(super) async fn modal(&self, ctx: &Context, m: &ModalInteraction) -> Result<()> {
        let actor = self.gate.actor(&m.user, m.member.as_ref());
        let mut parts = m.data.custom_id.split(':');
        let (Some("edit-visit"), Some(id)) = (
            parts.next(),
            parts.next().and_then(|i| i.parse::<i64>().ok()),
        ) else {
            return Ok(());
        };
        let version = parts.next().and_then(|v| v.parse::<i64>().ok());
        let current = self
            .app
            .run_line(&actor, &format!("/visits show id:{id}"))
            .await
            .map(|r| r.data)
            .unwrap_or_default();
        // Only what the form changed is edited; empty means "clear" (but start and size
        // cannot be cleared). The version seen when the form opened guards against
        // overwriting someone else's edit made in between.
        let mut raw = vec![("id".to_string(), id.to_string())];
        for row in &m.data.components {
            for c in &row.components {
                let ActionRowComponent::InputText(t) = c else {
                    continue;
                };
                let value = t.value.clone().unwrap_or_default();
                if value.trim() != shown(&current[t.custom_id.as_str()]).trim() {
                    let value = if value.trim().is_empty() {
                        "-".to_string()
                    } else {
                        value
                    };
                    raw.push((t.custom_id.clone(), value));
                }
            }
        }
        if let Some(v) = version {
            raw.push(("version".into(), v.to_string()));
        }
        let reply = if raw.iter().all(|(k, _)| k == "id" || k == "version") {
            Err(UserError::new("Nothing was changed.").into())
        } else if raw
            .iter()
            .any(|(k, v)| (k == "start" || k == "size") && v == "-")
        {
            Err(
                UserError::new("Start and size cannot be emptied in the form; type a value.")
                    .into(),
            )
        } else {
            match Request::build(crate::catalog::spec(CommandId::VisitEdit), raw) {
                Ok(req) => self.app.handle(&actor, &req).await,
                Err(e) => Err(e.into()),
            }
        };
        let msg = match reply {
            Ok(r) => CreateInteractionResponseMessage::new()
                .embed(render::embed(&render::embed_text(&r), None)),
            Err(e) => CreateInteractionResponseMessage::new()
                .content(self.error_text(e, m.id.get()))
                .ephemeral(true),
        };
        m.create_response(
            &ctx.http,
            CreateInteractionResponse::Message(msg.allowed_mentions(render::no_mentions())),
        )
        .await?;
        Ok(())
    }
}

/// A visit field as the edit form shows it.
fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    }
}
