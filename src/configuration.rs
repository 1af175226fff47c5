//! Everything the bot reads from its environment (and `.env`), read once, in one place: a
//! newcomer finds every variable here, and no other module calls `std::env`. The lowest
//! layer: it imports nothing of the crate, and the modules that need a value ask
//! `settings()` for it.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::LazyLock;

/// Where data lives unless DATABASE_URL says otherwise: a file in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://delegations.db";

/// The variable that fixes the clock (tests and replays only).
pub const NOW_VAR: &str = "DELEGATION_BOT_NOW";
/// The variable naming the digests' time zone.
pub const TIMEZONE_VAR: &str = "DIGEST_TIMEZONE";
/// The variable that lets `draft` fetch from 127.0.0.1 (tests only).
pub const FETCH_LOOPBACK_VAR: &str = "DRAFT_FETCH_ALLOW_LOOPBACK";
/// The variable choosing the console's language (else `LANG`).
pub const LANG_VAR: &str = "DELEGATION_BOT_LANG";

/// The environment as the bot understands it. Values are kept as written; the module that
/// uses one parses it and says what is wrong with it (a time zone, an address).
#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
    /// BLOCKED_LINK_HOSTS: hosts whose links are refused, comma-separated.
    pub blocked_link_hosts: Vec<String>,
    /// DIGEST_TIMEZONE, as written (empty: Asia/Seoul).
    pub digest_timezone: String,
    /// METRICS_ADDR, as written (empty: no metrics endpoint).
    pub metrics_addr: String,
    /// LOG_FORMAT: `json`, `text` or empty.
    pub log_format: String,
    /// DELEGATION_BOT_NOW, as written (empty: the system clock).
    pub now: String,
    pub fetch_loopback: bool,
    /// `$USER`: who the console acts as unless `--as` says.
    pub user: Option<String>,
    /// `$HOME`: where the console keeps its history.
    pub home: Option<PathBuf>,
    /// DELEGATION_BOT_LANG, else LANG (`ko_KR.UTF-8`): the console's language tag.
    pub lang: Option<String>,
    /// DEFAULT_LANGUAGE (`ko`, `zh`, `en`): the language of posts to channels when none is
    /// set with /settings and Discord does not say the server's.
    pub default_language: Option<String>,
    /// Every variable, for the settings read by name (`serve`'s Discord settings).
    vars: HashMap<String, String>,
}

/// Adds the variables of `.env` (in the working folder or above) to the environment; those
/// set in the environment already win. Idempotent.
pub fn load_env_file() {
    let _ = dotenvy::dotenv();
}

static SETTINGS: LazyLock<Settings> = LazyLock::new(|| {
    load_env_file();
    Settings::from_vars(std::env::vars().collect())
});

/// The settings of this process: `.env`, then the environment, read the first time asked.
pub fn settings() -> &'static Settings {
    &SETTINGS
}

impl Settings {
    /// The settings of this process (as `settings()`, owned).
    pub fn load() -> Settings {
        settings().clone()
    }

    /// The settings a table of variables gives (the environment, or a test's table).
    pub fn from_vars(vars: HashMap<String, String>) -> Settings {
        let get = |name: &str| {
            vars.get(name)
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        let some = |name: &str| Some(get(name)).filter(|v| !v.is_empty());
        Settings {
            database_url: some("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.into()),
            blocked_link_hosts: get("BLOCKED_LINK_HOSTS")
                .split(',')
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(String::from)
                .collect(),
            digest_timezone: get(TIMEZONE_VAR),
            metrics_addr: get("METRICS_ADDR"),
            log_format: get("LOG_FORMAT"),
            now: get(NOW_VAR),
            fetch_loopback: get(FETCH_LOOPBACK_VAR) == "1",
            user: some("USER"),
            home: some("HOME").map(PathBuf::from),
            lang: some(LANG_VAR).or_else(|| some("LANG")),
            default_language: some("DEFAULT_LANGUAGE"),
            vars,
        }
    }

    /// A variable by name, if set (the Discord settings `serve` reads).
    pub fn var(&self, name: &str) -> Option<String> {
        self.vars.get(name).cloned()
    }
}
