//! Who may do what: the guild allow-list, moderator rights from the interaction itself,
//! and a per-user rate limit so one member cannot starve the others.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serenity::all::{GuildId, Member, Permissions, User};

use super::config::{DiscordSettings, Guilds};
use crate::commands::Actor;

const WINDOW: Duration = Duration::from_secs(60);

pub struct Gate {
    pub settings: Arc<DiscordSettings>,
    recent: Mutex<HashMap<u64, VecDeque<Instant>>>,
}

impl Gate {
    pub fn new(settings: Arc<DiscordSettings>) -> Gate {
        Gate {
            settings,
            recent: Mutex::new(HashMap::new()),
        }
    }

    /// DMs never; otherwise the allow-list (any server only when it says `*`).
    pub fn guild_allowed(&self, guild: Option<GuildId>) -> bool {
        match (guild, &self.settings.guilds) {
            (None, _) => false,
            (Some(_), Guilds::Any) => true,
            (Some(g), Guilds::Only(ids)) => ids.contains(&g.get()),
        }
    }

    /// Rights come from this interaction's member data every time: nothing is cached, so a
    /// lost role takes effect on the next interaction.
    pub fn actor(&self, user: &User, member: Option<&Member>) -> Actor {
        let moderator = member.is_some_and(|m| {
            m.roles
                .iter()
                .any(|r| self.settings.moderator_roles.contains(&r.get()))
                || m.permissions.is_some_and(|p| {
                    p.contains(Permissions::MANAGE_GUILD) || p.contains(Permissions::ADMINISTRATOR)
                })
        });
        let name = member
            .and_then(|m| m.nick.clone())
            .or_else(|| user.global_name.clone())
            .unwrap_or_else(|| user.name.clone());
        Actor {
            id: format!("discord:{}", user.id),
            name,
            moderator,
            // The interaction is answered in its member's language (handler::dispatch).
            lang: crate::i18n::reader(),
        }
    }

    /// Counts a command; when the user is over the limit, how long until they may go on.
    pub fn over_limit(&self, user: u64) -> Option<Duration> {
        let limit = self.settings.rate_limit_per_minute as usize;
        if limit == 0 {
            return None;
        }
        let now = Instant::now();
        let mut recent = self.recent.lock().expect("not poisoned");
        let times = recent.entry(user).or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            times.pop_front();
        }
        if times.len() >= limit {
            return Some(WINDOW - now.duration_since(*times.front().expect("not empty")));
        }
        times.push_back(now);
        None
    }
}
