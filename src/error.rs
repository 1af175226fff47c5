//! Two kinds of failure: a `UserError` is shown to the user as is (one sentence that says
//! what to type instead); anything else is internal: the user sees a short apology and
//! the log gets the whole chain.

use std::fmt;

/// A problem with what the user asked. The message is written for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserError(pub String);

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        UserError(message.into())
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    User(#[from] UserError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::Internal(anyhow::Error::new(e))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Internal(anyhow::Error::new(e))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Internal(anyhow::Error::new(e))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The one sentence a user is shown: their own mistake as is; a database that cannot
    /// take writes (full disk, read-only file, locked too long) said plainly; anything else
    /// a short apology. Internal failures are logged here with their whole chain.
    pub fn user_message(&self) -> String {
        match self {
            Error::User(u) => {
                tracing::info!(error = %u, "refused");
                u.0.clone()
            }
            // One line (a console shows warnings and errors on stderr; a database that cannot
            // take writes is no error of ours, so info); the whole chain, with any
            // backtrace, at debug.
            Error::Internal(e) => {
                tracing::debug!(error = ?e, "the whole failure");
                match unavailable(e) {
                    Some(text) => {
                        tracing::info!(error = %format!("{e:#}"), "database unavailable");
                        text.to_string()
                    }
                    None => {
                        tracing::error!(error = %format!("{e:#}"), "command failed");
                        if e.downcast_ref::<WhileReading>().is_some() {
                            READ_APOLOGY.to_string()
                        } else {
                            APOLOGY.to_string()
                        }
                    }
                }
            }
        }
    }
}

impl Error {
    /// True for a database that cannot take a write right now (full, read-only, busy): not
    /// the user's mistake, not a bug either; the command line exits 1 for it.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, Error::Internal(e) if unavailable(e).is_some())
    }
}

/// SQLite's primary result codes for a database that cannot take a write right now.
fn unavailable(e: &anyhow::Error) -> Option<&'static str> {
    let db = e
        .chain()
        .find_map(|c| match c.downcast_ref::<sqlx::Error>() {
            Some(sqlx::Error::Database(d)) => d.code().and_then(|c| c.parse::<i32>().ok()),
            _ => None,
        })?;
    match db & 0xff {
        13 => Some(
            "The database's disk is full, so nothing was changed; reading still works. Tell the bot's operator.",
        ),
        8 => Some(
            "The database is read-only right now, so nothing was changed; reading still works. Tell the bot's operator.",
        ),
        5 | 6 => Some(
            "The database is busy with another change, so nothing was changed; try again in a moment.",
        ),
        _ => None,
    }
}

/// Shorthand for returning a user error: `return user_err("...")`.
pub fn user_err<T>(message: impl Into<String>) -> Result<T> {
    Err(Error::User(UserError::new(message)))
}

/// Marks an internal failure of a command that only reads, so that its apology does not
/// speak of a change (`Error::while_reading`).
#[derive(Debug)]
struct WhileReading;

impl fmt::Display for WhileReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("while answering a read")
    }
}

impl Error {
    /// The same failure, of a command that changes nothing.
    pub fn while_reading(self) -> Error {
        match self {
            Error::Internal(e) => Error::Internal(e.context(WhileReading)),
            user => user,
        }
    }
}

/// What a user sees when a read failed on our side.
pub const READ_APOLOGY: &str =
    "Sorry, something went wrong on our side while answering; please try again later.";

/// What a user sees when something failed on our side.
pub const APOLOGY: &str =
    "Sorry, something went wrong on our side; the change was not made. Please try again later.";
