//! What `serve` reads from the environment (or `.env`).

use std::collections::HashSet;

use anyhow::{Context, bail};

#[derive(Clone)]
pub struct DiscordSettings {
    pub token: String,
    /// Commands are registered in this guild (instantly); globally when absent.
    pub guild_id: Option<u64>,
    /// Interactions from other guilds, and DMs, are refused.
    pub allowed_guilds: HashSet<u64>,
    pub moderator_roles: HashSet<u64>,
    /// Send every HTTP call here instead of Discord (tests, HTTP proxies).
    pub api_base: Option<String>,
    /// Commands one user may send per minute (0: no limit).
    pub rate_limit_per_minute: u32,
}

impl std::fmt::Debug for DiscordSettings {
    // Never print the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiscordSettings")
            .field("guild_id", &self.guild_id)
            .field("allowed_guilds", &self.allowed_guilds)
            .field("moderator_roles", &self.moderator_roles)
            .field("api_base", &self.api_base)
            .finish_non_exhaustive()
    }
}

fn ids(name: &str) -> anyhow::Result<HashSet<u64>> {
    let raw = std::env::var(name).unwrap_or_default();
    raw.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<u64>().with_context(|| {
                format!("{name} must be comma-separated numeric ids; `{s}` is not one")
            })
        })
        .collect()
}

impl DiscordSettings {
    pub fn from_env() -> anyhow::Result<DiscordSettings> {
        let token = std::env::var("DISCORD_TOKEN").unwrap_or_default();
        if token.trim().is_empty() {
            bail!(
                "DISCORD_TOKEN is not set; put the bot token in .env (see README, \"Connect to Discord\")"
            );
        }
        let guild_id = ids("DISCORD_GUILD_ID")?.into_iter().next();
        let mut allowed_guilds = ids("ALLOWED_GUILD_IDS")?;
        if allowed_guilds.is_empty() {
            allowed_guilds.extend(guild_id);
        }
        Ok(DiscordSettings {
            token: token.trim().to_string(),
            guild_id,
            allowed_guilds,
            moderator_roles: ids("MODERATOR_ROLE_IDS")?,
            api_base: std::env::var("DISCORD_API_BASE")
                .ok()
                .filter(|s| !s.trim().is_empty()),
            rate_limit_per_minute: match std::env::var("RATE_LIMIT_PER_MINUTE") {
                Ok(v) if !v.trim().is_empty() => v.trim().parse().with_context(|| {
                    format!("RATE_LIMIT_PER_MINUTE must be a whole number; `{v}` is not")
                })?,
                _ => 20,
            },
        })
    }
}
