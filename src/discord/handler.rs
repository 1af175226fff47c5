//! Interactions in, Replies out. Checks the guild allow-list and moderator rights on every
//! interaction, acknowledges before anything that may wait (the write turn, a download, a
//! parse, an export), and keeps every message within Discord's limits.

use crate::catalog::arg;
use std::sync::Arc;
use std::time::Instant;

use serenity::all::{
    CommandInteraction, Context, CreateAutocompleteResponse, CreateInteractionResponse,
    CreateInteractionResponseMessage, EventHandler, GuildId, Interaction, Ready,
};
use tracing::Instrument;

use super::access::Gate;
use super::download::Downloader;
use super::respond::{Message, Responder};
use super::{options, progress, register, render};
use crate::catalog::CommandId;
use crate::commands::{Actor, App};
use crate::error::{Error, Result, UserError};
use crate::reply::Reply;
use crate::request::{Request, Upload, Value};

pub struct Handler {
    /// The core: answers, and everything else the adapter needs (commands::adapter).
    pub app: App,
    pub gate: Gate,
    pub downloads: Downloader,
    /// Interactions in flight, and the drain on SIGTERM.
    pub shutdown: Arc<super::shutdown::Shutdown>,
    /// Where a refusal of the commands goes: `serve` stops on it, naming the reason.
    pub fatal: tokio::sync::mpsc::UnboundedSender<String>,
}

impl Handler {
    async fn command(&self, ctx: &Context, cmd: &CommandInteraction) -> Result<()> {
        let actor = self.gate.actor(&cmd.user, cmd.member.as_deref());
        let mut r = Responder::new(
            ctx.http.clone(),
            cmd.id,
            &cmd.token,
            cmd.attachment_size_limit,
        );
        // What needs no waiting is answered at once: bad options, missing rights, the form.
        let (req, attachment) = match options::request(&cmd.data) {
            Ok(parsed) => parsed,
            Err(e) => return r.refuse(e).await,
        };
        if let Err(e) = self.app.may_run(&actor, req.spec) {
            return r.refuse(e).await;
        }
        if req.spec.id == CommandId::VisitEdit && !req.changes_fields() {
            return self
                .edit_modal(&mut r, req.int(arg::ID).unwrap_or_default())
                .await;
        }
        r.defer(req.spec.answers_privately()).await?;
        let outcome = async {
            let req = match attachment {
                Some(a) => {
                    let bytes = tokio::select! {
                        got = self.downloads.fetch(&a, crate::transfer::import::MAX_BYTES) => got?,
                        _ = self.shutdown.begun() => {
                            return Err(UserError::from(crate::msg!(
                                "restarting-file-unread",
                                file = a.name.as_str()
                            ))
                            .into());
                        }
                    };
                    req.with(arg::FILE, Value::File(Upload::bytes(a.name, bytes)))
                }
                None => req,
            };
            // A watch or digest pointed at a channel the bot may not post in would fail
            // unseen, days later: refused now, naming what is missing.
            if matches!(req.spec.id, CommandId::WatchAdd | CommandId::DigestSet)
                && let (Some(channel), Some(guild)) = (
                    req.text(arg::CHANNEL).and_then(|c| c.parse::<u64>().ok()),
                    cmd.guild_id,
                )
            {
                let bot = ctx.http.get_current_user().await?.id;
                let missing = super::reach::missing(&ctx.http, guild, channel, bot).await;
                if !missing.is_empty() {
                    return Err(UserError::from(crate::msg!(
                        "bot-may-not-post",
                        channel = channel.to_string(),
                        missing = missing.join(", ")
                    ))
                    .into());
                }
            }
            if req.spec.asks_to_confirm() {
                let id = self
                    .app
                    .remember("confirm", &actor.id, &req.to_json(), None)
                    .await?;
                let question = self.app.confirmation(&req).await?;
                let mut ask = Message::text(question);
                ask.components = vec![render::confirm_buttons(id, &crate::t!("button-delete"))];
                return r.answer(ask, true).await;
            }
            let result = self.run(&r, &actor, &req).await;
            self.finish(&mut r, &actor, &req, result).await
        }
        .await;
        match outcome {
            Ok(()) => Ok(()),
            Err(e) => r.refuse(e).await,
        }
    }

    /// Runs a request; an import that applies edits the message with its progress.
    pub(super) async fn run(&self, r: &Responder, actor: &Actor, req: &Request) -> Result<Reply> {
        if !(req.spec.id == CommandId::DataImport && req.flag(arg::CONFIRM)) {
            return self.app.handle(actor, req).await;
        }
        let editor = r.editor();
        progress::reporting(
            progress::EVERY,
            |p| async move { self.app.handle_with(actor, req, &p).await },
            move |step| {
                let editor = editor.clone();
                async move {
                    let text = progress::describe(&step);
                    if let Err(e) = editor.edit(Message::text(text)).await {
                        tracing::warn!(error = %e, "a progress edit failed");
                    }
                }
            },
        )
        .await
    }

    /// Sends a request's result: the reply within Discord's limits, or the refusal.
    pub(super) async fn finish(
        &self,
        r: &mut Responder,
        actor: &Actor,
        req: &Request,
        result: Result<Reply>,
    ) -> Result<()> {
        let reply = match result {
            Ok(reply) => reply,
            Err(e) => return r.refuse(e).await,
        };
        let ephemeral = reply.ephemeral || reply.confirm.is_some() || req.spec.answers_privately();
        match self
            .messages(&reply, req, actor, r.attachment_limit)
            .await?
        {
            Ok(mut messages) => {
                let first = messages.remove(0);
                r.answer(first, ephemeral).await?;
                for more in messages {
                    r.follow(more).await?;
                }
                Ok(())
            }
            Err(too_large) => r.refuse_text(&too_large).await,
        }
    }

    /// The reply as messages: the first with the embed and buttons (saving what the buttons
    /// will need), the others with the files that did not fit in it. `Err` says why the
    /// files cannot be sent at all.
    async fn messages(
        &self,
        reply: &Reply,
        req: &Request,
        actor: &Actor,
        attachment_limit: usize,
    ) -> Result<std::result::Result<Vec<Message>, String>> {
        let mut files: Vec<super::upload::File> = reply
            .attachments
            .iter()
            .map(|a| super::upload::File {
                name: a.filename.clone(),
                bytes: a.bytes.clone(),
            })
            .collect();
        // A long table the reply allows as a file (an import preview): whole, attached.
        if let Some(table) = reply.table.as_ref().filter(|_| reply.table_file)
            && render::embed_text(reply).rows_hidden > 0
        {
            files.push(super::upload::File {
                name: "details.csv".into(),
                bytes: render::table_csv(table),
            });
        }
        if let Some(chart) = reply.chart.clone() {
            let png = tokio::task::spawn_blocking(move || crate::chart::png(&chart))
                .await
                .map_err(anyhow::Error::new)??;
            files.push(super::upload::File {
                name: "chart.png".into(),
                bytes: png,
            });
        }
        let has_chart = reply.chart.is_some();
        let fitted =
            tokio::task::spawn_blocking(move || super::upload::fit(files, attachment_limit))
                .await
                .map_err(anyhow::Error::new)?;
        let groups = match fitted {
            super::upload::Fitted::Messages(groups) => groups,
            super::upload::Fitted::TooLarge { name, bytes } => {
                return Ok(Err(too_large(req, &name, bytes, attachment_limit)));
            }
        };
        let mut components = Vec::new();
        if let Some(page) = reply.page
            && page.pages > 1
        {
            let id = self
                .app
                .remember("page", &actor.id, &req.to_json(), None)
                .await?;
            components.push(render::page_buttons(id, page.page, page.pages));
        }
        if let Some(confirm) = &reply.confirm {
            let file = match confirm.request.upload() {
                Some(Upload::Bytes { name, bytes }) => Some((name.as_str(), &bytes[..])),
                _ => None,
            };
            let id = self
                .app
                .remember("confirm", &actor.id, &confirm.request.to_json(), file)
                .await?;
            components.push(if confirm.request.spec.id == CommandId::RecordDraft {
                render::draft_buttons(id)
            } else {
                render::confirm_buttons(id, &crate::t!("button-apply"))
            });
        }
        let count = groups.len();
        let messages = groups
            .into_iter()
            .enumerate()
            .map(|(i, group)| {
                let files = group
                    .into_iter()
                    .map(|f| serenity::all::CreateAttachment::bytes(f.bytes, f.name))
                    .collect();
                if i == 0 {
                    Message {
                        content: String::new(),
                        embeds: vec![render::embed(
                            &render::embed_text(reply),
                            has_chart.then_some("chart.png"),
                        )],
                        components: std::mem::take(&mut components),
                        files,
                    }
                } else {
                    Message {
                        content: crate::t!("files-part", part = i + 1, count = count),
                        files,
                        ..Default::default()
                    }
                }
            })
            .collect();
        Ok(Ok(messages))
    }

    /// Answers an interaction that is refused before it is looked at (a foreign server, a
    /// member going too fast, a restart).
    async fn refuse(&self, ctx: &Context, interaction: &Interaction, text: &str) -> Result<()> {
        crate::operate::metrics::note_refused();
        let msg = CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(render::no_mentions());
        let response = CreateInteractionResponse::Message(msg);
        match interaction {
            Interaction::Command(c) => c.create_response(&ctx.http, response).await?,
            Interaction::Component(c) => c.create_response(&ctx.http, response).await?,
            Interaction::Modal(m) => m.create_response(&ctx.http, response).await?,
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

    /// Answers in the member's own language (their Discord client's locale).
    async fn dispatch(&self, ctx: &Context, interaction: &Interaction) -> Result<()> {
        let locale = match interaction {
            Interaction::Command(c) | Interaction::Autocomplete(c) => c.locale.as_str(),
            Interaction::Component(c) => c.locale.as_str(),
            Interaction::Modal(m) => m.locale.as_str(),
            _ => return Ok(()),
        };
        let lang = crate::i18n::Lang::from_tag(locale).unwrap_or_default();
        let server = match interaction {
            Interaction::Command(c) | Interaction::Autocomplete(c) => c.guild_locale.as_deref(),
            Interaction::Component(c) => c.guild_locale.as_deref(),
            Interaction::Modal(m) => m.guild_locale.as_deref(),
            _ => None,
        };
        if let Some(server) = server {
            self.app.server_prefers(server);
        }
        crate::i18n::read_by(lang, self.dispatch_in_language(ctx, interaction)).await
    }

    async fn dispatch_in_language(&self, ctx: &Context, interaction: &Interaction) -> Result<()> {
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
                .refuse(ctx, interaction, &crate::t!("team-server-only"))
                .await;
        }
        if !matches!(interaction, Interaction::Autocomplete(_))
            && let Some(wait) = self.gate.over_limit(user.get())
        {
            tracing::info!(user = %user, "rate limited");
            let text = crate::t!("slow-down", seconds = wait.as_secs().max(1));
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

/// Why the files cannot be sent, and what to do instead.
fn too_large(req: &Request, name: &str, bytes: usize, limit: usize) -> String {
    let mb = |b: usize| format!("{:.1} MB", b as f64 / (1024.0 * 1024.0));
    let instead = if req.spec.id == CommandId::Export {
        crate::t!(
            "too-large-export",
            command = format!(
                "delegation-bot export --what {} --format {} --headers {} --out exports",
                req.text(arg::WHAT).unwrap_or("all"),
                req.text(arg::FORMAT).unwrap_or("csv"),
                req.text(arg::HEADERS).unwrap_or("en")
            )
        )
    } else {
        crate::t!("too-large-ask")
    };
    crate::t!(
        "too-large",
        name = name,
        size = mb(bytes),
        limit = mb(limit),
        instead = instead
    )
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
        // A refusal (4xx) will not change by trying again; an outage or a rate limit may.
        for attempt in 1..=3 {
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
                    tracing::info!(commands = n, guild = ?self.gate.settings.guild_id, "commands registered");
                    return;
                }
                Err(e) => {
                    let (refused, why) = register::refusal(&e);
                    tracing::error!(error = %why, attempt, "registering commands failed");
                    if refused || attempt == 3 {
                        crate::operate::unhealthy(&format!("Discord refused the commands: {why}"));
                        let _ = self.fatal.send(why);
                        return;
                    }
                    tokio::time::sleep(std::time::Duration::from_secs(5 * attempt)).await;
                }
            }
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let (id, command, user, guild) = describe(&interaction);
        let span = tracing::info_span!("interaction", id, command = %command, user, guild);
        async {
            let Some(_pass) = self.shutdown.enter().await else {
                let _ = self
                    .refuse(&ctx, &interaction, &crate::t!("restarting"))
                    .await;
                return;
            };
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
