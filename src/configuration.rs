//! Settings from the environment (and `.env`), with the embedded defaults.

/// Where data lives unless DATABASE_URL says otherwise: a file in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://delegations.db";

/// Adds the variables of `.env` (in the working folder or above) to the environment; those
/// set in the environment already win. Idempotent.
pub fn load_env_file() {
    let _ = dotenvy::dotenv();
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: String,
}

impl Settings {
    /// Reads `.env` if present, then the environment.
    pub fn load() -> Settings {
        load_env_file();
        let blocked = std::env::var("BLOCKED_LINK_HOSTS").unwrap_or_default();
        crate::domain::spam::set_blocked_hosts(blocked.split(',').map(String::from).collect());
        Settings {
            database_url: std::env::var("DATABASE_URL")
                .unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_string()),
        }
    }
}
