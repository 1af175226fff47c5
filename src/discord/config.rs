//! What `serve` reads from the environment (or `.env`).

use std::collections::HashSet;
use std::net::IpAddr;

use anyhow::{Context, bail};

/// The servers whose interactions are answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guilds {
    /// `ALLOWED_GUILD_IDS=*`: any server the bot is added to (an explicit choice).
    Any,
    Only(HashSet<u64>),
}

#[derive(Clone)]
pub struct DiscordSettings {
    pub token: String,
    /// Commands are registered in this guild (instantly); globally when absent.
    pub guild_id: Option<u64>,
    /// Interactions from other guilds, and DMs, are refused.
    pub guilds: Guilds,
    pub moderator_roles: HashSet<u64>,
    /// Send every HTTP call here instead of Discord (tests, HTTP proxies).
    pub api_base: Option<String>,
    /// serenity's rate limiter: on, unless the API base is on this machine (the tests' fake
    /// Discord) or `DISCORD_RATELIMITER=off` says a proxy limits instead.
    pub ratelimiter: bool,
    /// Commands one user may send per minute (0: no limit).
    pub rate_limit_per_minute: u32,
    /// How long SIGTERM waits for the interactions being answered (`SHUTDOWN_DRAIN_SECONDS`,
    /// default 20, below compose's `stop_grace_period` of 30 s).
    pub drain: std::time::Duration,
}

impl std::fmt::Debug for DiscordSettings {
    // Never print the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiscordSettings")
            .field("guild_id", &self.guild_id)
            .field("guilds", &self.guilds)
            .field("moderator_roles", &self.moderator_roles)
            .field("api_base", &self.api_base)
            .field("ratelimiter", &self.ratelimiter)
            .finish_non_exhaustive()
    }
}

fn ids(name: &str, raw: &str) -> anyhow::Result<HashSet<u64>> {
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

/// Whether a base URL's host is this machine (`localhost`, 127.0.0.0/8, ::1).
fn is_loopback(base: &str) -> bool {
    let rest = base.split_once("://").map(|(_, r)| r).unwrap_or(base);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority
        .rsplit_once('@')
        .map(|(_, h)| h)
        .unwrap_or(authority);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map(|(h, _)| h).unwrap_or(host),
    };
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl DiscordSettings {
    pub fn from_env() -> anyhow::Result<DiscordSettings> {
        let settings = crate::configuration::settings();
        Self::from_vars(|name| settings.var(name))
    }

    /// The settings from variables looked up by `var` (the environment, or a test's table).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<DiscordSettings> {
        let get = |name: &str| var(name).unwrap_or_default().trim().to_string();
        let token = get("DISCORD_TOKEN");
        if token.is_empty() {
            bail!(
                "DISCORD_TOKEN is not set; put the bot token in .env (see docs/discord.md, \"Connect to Discord\")"
            );
        }
        let guild_id = ids("DISCORD_GUILD_ID", &get("DISCORD_GUILD_ID"))?
            .into_iter()
            .next();
        let allowed = get("ALLOWED_GUILD_IDS");
        let guilds = if allowed == "*" {
            Guilds::Any
        } else {
            let mut only = ids("ALLOWED_GUILD_IDS", &allowed)?;
            only.extend(guild_id);
            if only.is_empty() {
                bail!(
                    "no server is allowed to use the bot: set ALLOWED_GUILD_IDS to your server's id (or * for any server), or DISCORD_GUILD_ID (see docs/discord.md, \"Connect to Discord\")"
                );
            }
            Guilds::Only(only)
        };
        let api_base = Some(get("DISCORD_API_BASE")).filter(|s| !s.is_empty());
        let ratelimiter = match get("DISCORD_RATELIMITER").to_ascii_lowercase().as_str() {
            "off" => false,
            "" | "on" => match &api_base {
                None => true,
                Some(base) if is_loopback(base) => false,
                // serenity's rate limiter sends straight to discord.com, around the base.
                Some(base) => bail!(
                    "DISCORD_API_BASE={base} is not on this machine, and serenity's rate limiter would send around it; set DISCORD_RATELIMITER=off if that proxy limits the rate itself"
                ),
            },
            other => bail!("DISCORD_RATELIMITER must be on or off; `{other}` is neither"),
        };
        let per_minute = get("RATE_LIMIT_PER_MINUTE");
        let drain = get("SHUTDOWN_DRAIN_SECONDS");
        let drain = if drain.is_empty() {
            20
        } else {
            drain.parse::<u64>().ok().filter(|s| (1..=600).contains(s)).with_context(|| {
                format!("SHUTDOWN_DRAIN_SECONDS must be a whole number of seconds from 1 to 600; `{drain}` is not")
            })?
        };
        Ok(DiscordSettings {
            token,
            guild_id,
            guilds,
            moderator_roles: ids("MODERATOR_ROLE_IDS", &get("MODERATOR_ROLE_IDS"))?,
            api_base,
            ratelimiter,
            rate_limit_per_minute: if per_minute.is_empty() {
                20
            } else {
                per_minute.parse().with_context(|| {
                    format!("RATE_LIMIT_PER_MINUTE must be a whole number; `{per_minute}` is not")
                })?
            },
            drain: std::time::Duration::from_secs(drain),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(vars: &[(&str, &str)]) -> anyhow::Result<DiscordSettings> {
        let vars: Vec<(String, String)> = [("DISCORD_TOKEN", "t")]
            .iter()
            .chain(vars)
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        DiscordSettings::from_vars(|name| {
            vars.iter()
                .rev()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn some_server_must_be_allowed() {
        let e = settings(&[]).unwrap_err().to_string();
        assert!(e.contains("ALLOWED_GUILD_IDS") && !e.contains('\n'), "{e}");
        assert_eq!(
            settings(&[("ALLOWED_GUILD_IDS", "*")]).unwrap().guilds,
            Guilds::Any
        );
        let one = settings(&[("DISCORD_GUILD_ID", "7")]).unwrap();
        assert_eq!(one.guilds, Guilds::Only([7].into()));
        let two = settings(&[("DISCORD_GUILD_ID", "7"), ("ALLOWED_GUILD_IDS", "8")]).unwrap();
        assert_eq!(two.guilds, Guilds::Only([7, 8].into()));
    }

    #[test]
    fn the_rate_limiter_is_off_only_for_this_machine_or_when_asked() {
        let with = |vars: &[(&str, &str)]| {
            let mut all = vec![("DISCORD_GUILD_ID", "7")];
            all.extend_from_slice(vars);
            settings(&all)
        };
        assert!(with(&[]).unwrap().ratelimiter);
        for local in [
            "http://127.0.0.1:4000",
            "http://localhost:1/",
            "http://[::1]:80",
            "http://127.0.0.2",
        ] {
            assert!(
                !with(&[("DISCORD_API_BASE", local)]).unwrap().ratelimiter,
                "{local}"
            );
        }
        let remote = with(&[("DISCORD_API_BASE", "https://proxy.example:3000")]);
        assert!(
            remote
                .unwrap_err()
                .to_string()
                .contains("DISCORD_RATELIMITER=off")
        );
        let remote = with(&[
            ("DISCORD_API_BASE", "http://127.0.0.1.example.com"),
            ("DISCORD_RATELIMITER", "off"),
        ]);
        assert!(!remote.unwrap().ratelimiter);
        assert!(!with(&[("DISCORD_RATELIMITER", "off")]).unwrap().ratelimiter);
        assert!(with(&[("DISCORD_RATELIMITER", "maybe")]).is_err());
    }
}
