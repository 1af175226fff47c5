//! Interactions in, Replies out. Checks the guild allow-list and moderator rights on every
//! interaction, defers slow work, and keeps every message within Discord's limits.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use serenity::all::{
    AttachmentId, CommandInteraction, Context, CreateActionRow, CreateAutocompleteResponse,
    CreateInteractionResponse, CreateInteractionResponseMessage, EditInteractionResponse,
    EventHandler, GuildId, Interaction, Ready,
};
use tokio::sync::RwLock;
use tracing::Instrument;

use super::access::Gate;
use super::{options, register, render, state};
use crate::catalog::CommandId;
use crate::commands::{Actor, App};
use crate::error::{Error, Result, UserError};
use crate::reply::Reply;
use crate::request::Request;

pub struct Handler {
    pub app: App,
    pub gate: Gate,
    /// Held for reading by each interaction in flight; shutdown takes it for writing.
    pub in_flight: Arc<RwLock<bool>>,
}

/// Commands whose answer may take more than a second: answered after a deferral.
fn slow(id: CommandId) -> bool {
    matches!(
        id,
        CommandId::VisitsMonthly
            | CommandId::Provinces
            | CommandId::Stats
            | CommandId::Export
            | CommandId::DataImport
    )
}

fn needs_confirmation(id: CommandId) -> bool {
    matches!(
        id,
        CommandId::VisitDelete
            | CommandId::MeetingDelete
            | CommandId::ForumDelete
            | CommandId::OfficialDelete
    )
}

impl Handler {
    async fn command(&self, ctx: &Context, cmd: &CommandInteraction) -> Result<()> {
        let actor = self.gate.actor(&cmd.user, cmd.member.as_deref());
        let req = match self
            .save_attachments(cmd)
            .await
            .and_then(|saved| options::request(&cmd.data, &saved))
        {
            Ok(r) => r,
            Err(e) => return self.respond_error(ctx, cmd, e).await,
        };
        if req.spec.moderator && !actor.moderator {
            return self.respond_error(ctx, cmd, UserError::new("Only moderators can change records; ask one of them, or use the read commands.").into()).await;
        }
        if needs_confirmation(req.spec.id) {
            let state = state::save(&self.app.db, "confirm", &req.to_line(), &actor.id).await?;
            let msg = CreateInteractionResponseMessage::new()
                .content(render::cut(
                    &format!(
                        "Really {}? /data undo can bring it back.",
                        req.to_line().trim_start_matches('/').replace("record ", "")
                    ),
                    1800,
                ))
                .components(vec![render::confirm_buttons(state, "Delete")])
                .allowed_mentions(render::no_mentions())
                .ephemeral(true);
            cmd.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                .await?;
            return Ok(());
        }
        if req.spec.id == CommandId::VisitEdit && !req.changes_fields() {
            return self
                .edit_modal(ctx, cmd, req.int("id").unwrap_or_default())
                .await;
        }
        if slow(req.spec.id) {
            cmd.defer(&ctx.http).await?;
            let edit = match self.app.handle(&actor, &req).await {
                Ok(reply) => self.edit_from(&reply, &req, &actor).await?,
                Err(e) => EditInteractionResponse::new()
                    .content(self.error_text(e, cmd.id.get()))
                    .allowed_mentions(render::no_mentions()),
            };
            cmd.edit_response(&ctx.http, edit).await?;
            return Ok(());
        }
        match self.app.handle(&actor, &req).await {
            Ok(reply) => {
                let msg = self.message_from(&reply, &req, &actor).await?;
                cmd.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                    .await?;
                Ok(())
            }
            Err(e) => self.respond_error(ctx, cmd, e).await,
        }
    }

    /// Downloads attached files (imports) into a temporary folder, by attachment id.
    async fn save_attachments(
        &self,
        cmd: &CommandInteraction,
    ) -> Result<HashMap<AttachmentId, String>> {
        let dir = std::env::temp_dir().join("delegation-bot-imports");
        forget_old_files(&dir);
        let mut saved = HashMap::new();
        for (id, a) in &cmd.data.resolved.attachments {
            if a.size as usize > crate::transfer::import::MAX_BYTES {
                return Err(UserError::new(format!(
                    "{} is too large; import files may be at most 20 MB.",
                    a.filename
                ))
                .into());
            }
            let bytes = a
                .download()
                .await
                .map_err(|e| anyhow::anyhow!("downloading the attachment failed: {e}"))?;
            std::fs::create_dir_all(&dir)?;
            let safe: String = a
                .filename
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
                .collect();
            let path = dir.join(format!("{}-{safe}", cmd.id.get()));
            std::fs::write(&path, bytes)?;
            saved.insert(*id, path.to_string_lossy().to_string());
        }
        Ok(saved)
    }

    /// Chart, attachments and buttons (saving what a button will need) for a reply.
    async fn parts(
        &self,
        reply: &Reply,
        req: &Request,
        actor: &Actor,
    ) -> Result<(
        render::EmbedText,
        Vec<serenity::all::CreateAttachment>,
        Vec<CreateActionRow>,
        bool,
    )> {
        let chart = match &reply.chart {
            Some(c) => Some(crate::chart::png(c)?),
            None => None,
        };
        let has_chart = chart.is_some();
        let mut rows = Vec::new();
        if let Some(page) = reply.page
            && page.pages > 1
        {
            let state = state::save(&self.app.db, "page", &req.to_line(), &actor.id).await?;
            rows.push(render::page_buttons(state, page.page, page.pages));
        }
        if let Some(confirm) = &reply.confirm {
            let state = state::save(&self.app.db, "confirm", &confirm.line, &actor.id).await?;
            rows.push(render::confirm_buttons(state, "Apply"));
        }
        Ok((
            render::embed_text(reply),
            render::files(reply, chart),
            rows,
            has_chart,
        ))
    }

    pub(super) async fn message_from(
        &self,
        reply: &Reply,
        req: &Request,
        actor: &Actor,
    ) -> Result<CreateInteractionResponseMessage> {
        let (text, files, rows, chart) = self.parts(reply, req, actor).await?;
        Ok(CreateInteractionResponseMessage::new()
            .embed(render::embed(&text, chart.then_some("chart.png")))
            .add_files(files)
            .components(rows)
            .allowed_mentions(render::no_mentions())
            .ephemeral(reply.ephemeral || reply.confirm.is_some()))
    }

    pub(super) async fn edit_from(
        &self,
        reply: &Reply,
        req: &Request,
        actor: &Actor,
    ) -> Result<EditInteractionResponse> {
        let (text, files, rows, chart) = self.parts(reply, req, actor).await?;
        let mut edit = EditInteractionResponse::new()
            .embed(render::embed(&text, chart.then_some("chart.png")))
            .components(rows)
            .allowed_mentions(render::no_mentions());
        for f in files {
            edit = edit.new_attachment(f);
        }
        Ok(edit)
    }

    pub(super) fn error_text(&self, e: Error, interaction: u64) -> String {
        let _span = tracing::info_span!("failure", interaction).entered();
        crate::operate::metrics::note(&e);
        render::cut(&e.user_message(), 1900)
    }

    pub(super) async fn respond_error(
        &self,
        ctx: &Context,
        cmd: &CommandInteraction,
        e: Error,
    ) -> Result<()> {
        let msg = CreateInteractionResponseMessage::new()
            .content(self.error_text(e, cmd.id.get()))
            .allowed_mentions(render::no_mentions())
            .ephemeral(true);
        cmd.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
            .await?;
        Ok(())
    }

    async fn refuse(&self, ctx: &Context, interaction: &Interaction, text: &str) -> Result<()> {
        crate::operate::metrics::note_refused();
        let msg = CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(render::no_mentions());
        match interaction {
            Interaction::Command(c) => {
                c.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                    .await?
            }
            Interaction::Component(c) => {
                c.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                    .await?
            }
            Interaction::Modal(m) => {
                m.create_response(&ctx.http, CreateInteractionResponse::Message(msg))
                    .await?
            }
            Interaction::Autocomplete(a) => {
                a.create_response(
                    &ctx.http,
                    CreateInteractionResponse::Autocomplete(CreateAutocompleteResponse::new()),
                )
                .await?
            }
            _ => {}
        }
        Ok(())
    }

    async fn dispatch(&self, ctx: &Context, interaction: &Interaction) -> Result<()> {
        let (guild, application, user) = match interaction {
            Interaction::Command(c) | Interaction::Autocomplete(c) => {
                (c.guild_id, c.application_id, c.user.id)
            }
            Interaction::Component(c) => (c.guild_id, c.application_id, c.user.id),
            Interaction::Modal(m) => (m.guild_id, m.application_id, m.user.id),
            _ => return Ok(()),
        };
        if ctx
            .http
            .application_id()
            .is_some_and(|ours| ours != application)
        {
            tracing::warn!(%application, "interaction for another application (forged?), refused");
            return Ok(());
        }
        if !self.gate.guild_allowed(guild) {
            tracing::warn!(guild = ?guild, "interaction from a guild that is not allowed, or a DM, refused");
            return self
                .refuse(
                    ctx,
                    interaction,
                    "This bot only answers in its team's server.",
                )
                .await;
        }
        if !matches!(interaction, Interaction::Autocomplete(_))
            && let Some(wait) = self.gate.over_limit(user.get())
        {
            tracing::info!(user = %user, "rate limited");
            let text = format!(
                "Slow down: too many commands in the last minute; try again in {} seconds.",
                wait.as_secs().max(1)
            );
            return self.refuse(ctx, interaction, &text).await;
        }
        match interaction {
            Interaction::Command(c) => self.command(ctx, c).await,
            Interaction::Autocomplete(c) => self.autocomplete(ctx, c).await,
            Interaction::Component(c) => self.component(ctx, c).await,
            Interaction::Modal(m) => self.modal(ctx, m).await,
            _ => Ok(()),
        }
    }
}

fn describe(interaction: &Interaction) -> (u64, String, u64, Option<u64>) {
    match interaction {
        Interaction::Command(c) | Interaction::Autocomplete(c) => (
            c.id.get(),
            options::flatten(&c.data).0.join(" "),
            c.user.id.get(),
            c.guild_id.map(|g| g.get()),
        ),
        Interaction::Component(c) => (
            c.id.get(),
            format!("button {}", c.data.custom_id),
            c.user.id.get(),
            c.guild_id.map(|g| g.get()),
        ),
        Interaction::Modal(m) => (
            m.id.get(),
            format!("form {}", m.data.custom_id),
            m.user.id.get(),
            m.guild_id.map(|g| g.get()),
        ),
        _ => (0, "other".into(), 0, None),
    }
}

#[serenity::async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to the gateway");
        let commands = register::commands();
        let result = match self.gate.settings.guild_id {
            Some(g) => GuildId::new(g)
                .set_commands(&ctx.http, commands)
                .await
                .map(|c| c.len()),
            None => serenity::all::Command::set_global_commands(&ctx.http, commands)
                .await
                .map(|c| c.len()),
        };
        match result {
            Ok(n) => {
                tracing::info!(commands = n, guild = ?self.gate.settings.guild_id, "commands registered")
            }
            Err(e) => tracing::error!(error = %e, "registering commands failed"),
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let (id, command, user, guild) = describe(&interaction);
        let span = tracing::info_span!("interaction", id, command = %command, user, guild);
        async {
            let guard = self.in_flight.read().await;
            if *guard {
                let _ = self
                    .refuse(
                        &ctx,
                        &interaction,
                        "The bot is restarting; try again in a minute.",
                    )
                    .await;
                return;
            }
            let started = Instant::now();
            let work = self.dispatch(&ctx, &interaction);
            if let Err(e) = crate::operate::metrics::observe(&interaction, work).await {
                tracing::error!(error = ?e, "answering the interaction failed");
            }
            tracing::info!(ms = started.elapsed().as_millis() as u64, "answered");
        }
        .instrument(span)
        .await
    }
}

impl From<serenity::Error> for Error {
    fn from(e: serenity::Error) -> Self {
        Error::Internal(anyhow::Error::new(e))
    }
}

/// Uploaded import files are kept only as long as their confirm button can be used (the
/// button's saved request names the file, and saved requests last a day); older ones go.
fn forget_old_files(dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        if age.is_some_and(|a| a.as_secs() > 24 * 3600) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
