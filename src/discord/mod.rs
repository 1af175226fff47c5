//! The Discord adapter: connects with serenity, registers the catalog, and turns
//! interactions into Requests and Replies into messages. It only translates.

mod access;
mod buttons;
mod complete;
pub mod config;
mod forms;
mod handler;
pub mod options;
pub mod register;
pub mod render;
mod state;

use std::sync::Arc;

use anyhow::Context as _;
use serenity::all::{GatewayIntents, HttpBuilder};
use tokio::sync::RwLock;

use crate::commands::App;
pub use config::DiscordSettings;

/// Runs until SIGINT or SIGTERM: then takes no new interactions, lets those in flight
/// finish, closes the database and returns.
pub async fn serve(app: App, settings: DiscordSettings) -> anyhow::Result<()> {
    let mut http = HttpBuilder::new(&settings.token);
    if let Some(base) = &settings.api_base {
        // serenity's own ratelimiter talks to Discord directly, ignoring the proxy.
        http = http
            .proxy(base.trim_end_matches('/'))
            .ratelimiter_disabled(true);
        tracing::info!(api_base = %base, "sending Discord API calls to a proxy");
    }
    let in_flight = Arc::new(RwLock::new(false));
    let handler = handler::Handler {
        app: app.clone(),
        gate: access::Gate::new(Arc::new(settings)),
        in_flight: in_flight.clone(),
    };
    let mut client =
        serenity::client::ClientBuilder::new_with_http(http.build(), GatewayIntents::GUILDS)
            .event_handler(handler)
            .await
            .context("could not set up the Discord client")?;
    let shards = client.shard_manager.clone();
    crate::operate::watch_gateway(&shards);
    let mut running = tokio::spawn(async move { client.start().await });

    let result = tokio::select! {
        r = &mut running => match r {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(anyhow::Error::new(e).context("the Discord connection failed")),
            Err(e) => Err(anyhow::Error::new(e)),
        },
        _ = shutdown_signal() => {
            tracing::info!("shutting down: finishing interactions in flight");
            *in_flight.write().await = true;
            shards.shutdown_all().await;
            Ok(())
        }
    };
    app.db.close().await;
    tracing::info!("stopped");
    result
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
