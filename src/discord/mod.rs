//! The Discord adapter: connects with serenity, registers the catalog, and turns
//! interactions into Requests and Replies into messages. It only translates.

mod access;
mod buttons;
mod complete;
mod components;
pub mod config;
mod deliver;
mod digests;
mod download;
mod drafts;
mod forms;
mod handler;
pub mod options;
mod post;
mod progress;
mod reach;
pub mod register;
pub mod render;
mod respond;
mod shutdown;
mod upload;

use std::sync::Arc;

use anyhow::Context as _;
use serenity::all::{GatewayIntents, HttpBuilder};

use crate::commands::App;
pub use config::DiscordSettings;

/// Runs until SIGINT or SIGTERM: then takes no new interactions, lets those in flight
/// finish, closes the databases and returns. `database_url` places the button state beside
/// the records (store::state).
pub async fn serve(app: App, settings: DiscordSettings, database_url: &str) -> anyhow::Result<()> {
    let app = app.with_saved_requests(database_url).await?;
    let mut http = HttpBuilder::new(&settings.token);
    if let Some(base) = &settings.api_base {
        http = http.proxy(base.trim_end_matches('/'));
        tracing::info!(api_base = %base, "sending Discord API calls to another base URL");
    }
    if !settings.ratelimiter {
        // serenity's rate limiter sends straight to discord.com, around any base URL.
        http = http.ratelimiter_disabled(true);
        tracing::warn!(
            "serenity's rate limiter is off: a 429 from Discord is logged as a failure, not waited out"
        );
    }
    log_access(&settings);
    let shutdown = Arc::new(shutdown::Shutdown::new());
    let (fatal, mut refused) = tokio::sync::mpsc::unbounded_channel();
    let drain = settings.drain;
    let handler = handler::Handler {
        app: app.clone(),
        gate: access::Gate::new(Arc::new(settings)),
        downloads: download::Downloader::new()
            .context("could not set up the HTTP client for attachments")?,
        shutdown: shutdown.clone(),
        fatal,
    };
    let mut client =
        serenity::client::ClientBuilder::new_with_http(http.build(), GatewayIntents::GUILDS)
            .event_handler(handler)
            .await
            .context("could not set up the Discord client")?;
    let shards = client.shard_manager.clone();
    crate::operate::watch_gateway(&shards);
    // Planner statistics now and then: never at the start of a command (a long import in
    // another process would make it wait), so here, in the background.
    let maintained = app.clone();
    // Titles follow the posts held today, so they are looked at every hour.
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
        for hour in 0u64.. {
            every.tick().await;
            maintained.upkeep(hour % 24 == 0).await;
        }
    });
    // Background posts (watches, digests) need only the HTTP client, not the gateway.
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let timezone = crate::domain::schedule::timezone().map_err(anyhow::Error::msg)?;
    let background = [
        tokio::spawn(deliver::run(
            app.clone(),
            client.http.clone(),
            stopping.clone(),
        )),
        tokio::spawn(digests::run(
            app.clone(),
            client.http.clone(),
            timezone,
            stopping,
        )),
    ];
    let mut running = tokio::spawn(async move { client.start().await });

    let result = tokio::select! {
        r = &mut running => match r {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(anyhow::Error::new(e).context("the Discord connection failed")),
            Err(e) => Err(anyhow::Error::new(e)),
        },
        _ = shutdown_signal() => {
            tracing::info!(drain_s = drain.as_secs(), "shutting down: finishing interactions in flight");
            if !shutdown.drain(drain).await {
                tracing::warn!(drain_s = drain.as_secs(), "interactions still unanswered when the drain ended; stopping anyway");
            }
            shards.shutdown_all().await;
            Ok(())
        }
        Some(why) = refused.recv() => {
            shards.shutdown_all().await;
            Err(anyhow::Error::new(CommandsRefused(why)))
        }
    };
    // A post under way finishes (within post::SEND_TIMEOUT); then the tasks stop.
    let _ = stop.send(true);
    for task in background {
        let _ = task.await;
    }
    app.close().await;
    tracing::info!("stopped");
    result
}

/// Discord refused the bot's commands: `serve` stops (exit 1, as for a configuration error
/// a restart would not mend), naming the command and the reason.
#[derive(Debug)]
pub struct CommandsRefused(pub String);

impl std::fmt::Display for CommandsRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Discord refused the bot's commands ({}); the bot stopped",
            self.0
        )
    }
}

impl std::error::Error for CommandsRefused {}

/// Says at startup who may write, and what a server admin must do for role-only moderators.
fn log_access(settings: &DiscordSettings) {
    if settings.guilds == config::Guilds::Any {
        tracing::warn!(
            "ALLOWED_GUILD_IDS=*: any server the bot is added to may use it, and Manage Server there counts as moderator; list your server ids instead unless you mean that"
        );
    }
    let roles: Vec<String> = settings
        .moderator_roles
        .iter()
        .map(u64::to_string)
        .collect();
    tracing::info!(
        roles = %roles.join(","),
        "moderators: members with Manage Server or Administrator, and these roles; Discord shows /record, /outcome, /data, /watch and /digest to a role-only moderator only after a server admin allows the role for each under Server Settings > Integrations > this bot (docs/discord.md, \"Connect to Discord\")"
    );
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("signal handler");
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}
